// Promotion: recording a release of this env that reuses another env's release unchanged —
// its image, app version and artifact — with the target env's own data replica and flags.
// The gate (core promotion.ts) runs first: the source must have been live in its env, as the
// role's history record there shows, unless `force` is set, which the manifest then records.
//
// Across AWS accounts the work is split by whose credentials can do it (share.ts, copy.ts):
// the source account runs the gate (its hosted zone holds the history record) and shares the
// image (`share-with`); the target account then records the release (`shared-by`), using the
// shared image or its own copy of it. A target run with `shared-by` cannot read the source's
// history record, so the gate is not run again there: the image is usable only once the
// source side shared it, which it does only after the gate, and `force` there carries that
// gate's outcome (the share step's `forced` output) into the manifest.
import type { Route53Client } from '@aws-sdk/client-route-53';
import { parseHistory, historyName } from '@immut/core/dns-history';
import { InputError, UserError } from '@immut/core/errors';
import type { GitHubClient } from '@immut/core/github';
import { recordSetsAt, resolveZone } from '@immut/core/hosted-zone';
import type { Identity } from '@immut/core/identity';
import { manifestDigest, type ReleaseManifest } from '@immut/core/manifest';
import { parseGitTag } from '@immut/core/naming';
import { promotionGate, type GateOutcome } from '@immut/core/promotion';
import { readReleaseDetails } from '@immut/core/release-reader';
import type { GivenInputs, ManifestInputs } from './build-manifest.js';

/** What the action's inputs ask for when promoting. */
export interface PromotionRequest {
  /** The source release's tag, immut/<env>/<role>/<build>. */
  tag: string;
  /** The source env's hosted zone and the role's DNS name there, where the history record is
   *  (empty with `sharedBy`: the gate ran in the source account). */
  zone: string;
  name: string;
  force: boolean;
  /** Source side: share the image with this account instead of recording (share.ts). */
  shareWith?: string;
  /** Target side: the account that owns the image and shared it (copy.ts). */
  sharedBy?: string;
  /** Copy the image into this account and region: auto (when needed), always or never. */
  copy?: 'auto' | 'always' | 'never';
  /** The target's KMS key for the copy (implies a copy). */
  kmsKeyId?: string;
}

// The input checks (no SDK there) are in promote-inputs.ts, so main.ts runs them first.
export { promotionInputProblems, type PromotionInputs } from './promote-inputs.js';

export interface ResolvedPromotion {
  source: ReleaseManifest;
  /** Whose image it is: the source release's role and env (the image's immut tags). */
  imageOwner: Identity;
  promotedFrom: NonNullable<ReleaseManifest['promotedFrom']>;
  gate: GateOutcome;
}

export interface PromotionContext {
  octokit: GitHubClient;
  route53: Route53Client;
  repository: { owner: string; repo: string };
  identity: Identity;
  region: string;
}

/** Reads the source release, checks it may come here, and runs the gate. */
export async function resolvePromotion(
  request: PromotionRequest,
  ctx: PromotionContext,
): Promise<ResolvedPromotion> {
  const from = parseGitTag(request.tag);
  if (!from || from.role !== ctx.identity.role || from.env === ctx.identity.env) {
    throw new InputError([
      `Input 'promoted-from' was '${request.tag.slice(0, 80)}': expected a release of role '${ctx.identity.role}' in another env than '${ctx.identity.env}' (immut/<env>/${ctx.identity.role}/<build>).`,
    ]);
  }
  const { manifest: source } = await readReleaseDetails({
    octokit: ctx.octokit,
    ...ctx.repository,
    tag: request.tag,
  });
  if (request.shareWith !== undefined && source.image.region !== ctx.region) {
    throw new UserError(
      `Cannot share ${request.tag}'s image ${source.image.id} from ${ctx.region}: it is in ${source.image.region}. The source side runs in the image's region (promote.yml's source-region ${source.image.region}); the target side copies it to its own region.`,
    );
  }
  if (request.sharedBy !== undefined) return sharedPromotion(request, source);
  const zone = await resolveZone(ctx.route53, request.zone).catch((error: unknown) => {
    // hosted-zone.ts names the usual input, `zone`; here it is the source env's.
    if (error instanceof UserError)
      throw new UserError(error.message.replace("Input 'zone'", "Input 'promoted-from-zone'"));
    throw error;
  });
  const record = (await recordSetsAt(ctx.route53, zone.id, historyName(request.name), 'TXT'))[0];
  const history = record ? parseHistory(record) : undefined;
  const gate = promotionGate({
    source,
    targetEnv: ctx.identity.env,
    history,
    checked: `the history record ${historyName(request.name)} in hosted zone ${zone.name} (${zone.id})`,
    force: request.force,
  });
  return {
    source,
    imageOwner: { role: source.role, env: source.env, build: source.build },
    promotedFrom: {
      tag: request.tag,
      manifestDigest: manifestDigest(source),
      ...(gate.forced ? { forced: true as const } : {}),
    },
    gate,
  };
}

/**
 * The target side of a promotion across accounts: the gate ran in the source account before it
 * shared the image (this account cannot read the history record there), and `force` carries
 * its outcome.
 */
function sharedPromotion(request: PromotionRequest, source: ReleaseManifest): ResolvedPromotion {
  const gate: GateOutcome = {
    live: !request.force,
    evidence: `the gate ran in account ${request.sharedBy} before it shared the image (tag-release share-with)${request.force ? ', overridden with force' : ''}`,
    forced: request.force,
  };
  return {
    source,
    imageOwner: { role: source.role, env: source.env, build: source.build },
    promotedFrom: {
      tag: request.tag,
      manifestDigest: manifestDigest(source),
      ...(gate.forced ? { forced: true as const } : {}),
    },
    gate,
  };
}

/** The manifest inputs of the promoted release: the source's image and app, this env's data and flags. */
export function promotedInputs(inputs: GivenInputs, resolved: ResolvedPromotion): ManifestInputs {
  const { image, app } = resolved.source;
  return {
    ...inputs,
    imageId: image.id,
    fingerprint: image.fingerprint,
    baseImageId: image.base,
    appVersion: app.version,
    ...(app.artifact ? { artifact: app.artifact } : {}),
    promotion: resolved.promotedFrom,
  };
}
