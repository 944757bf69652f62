// Promotion: recording a release of this env that reuses another env's release unchanged —
// its image, app version and artifact — with the target env's own data replica and flags.
// The gate (core promotion.ts) runs first: the source must have been live in its env, as the
// role's history record there shows, unless `force` is set, which the manifest then records.
// Within one AWS account and region only: sharing an image with another account or copying
// it to another region is not supported yet, and a source in another region is refused.
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
  /** The source env's hosted zone and the role's DNS name there, where the history record is. */
  zone: string;
  name: string;
  force: boolean;
}

/** The inputs a baked release gives and a promotion takes from its source instead. */
const FROM_SOURCE = ['image-id', 'fingerprint', 'base-image-id', 'app-version'] as const;

export interface PromotionInputs {
  imageId: string | undefined;
  fingerprint: string | undefined;
  baseImageId: string | undefined;
  appVersion: string | undefined;
  promotedFrom: string | undefined;
  promotedFromZone: string | undefined;
  promotedFromName: string | undefined;
  force: boolean | undefined;
}

/** Problems with the combination of inputs: a baked release or a promotion, never a mix. */
export function promotionInputProblems(inputs: PromotionInputs): string[] {
  const given = {
    'image-id': inputs.imageId,
    fingerprint: inputs.fingerprint,
    'base-image-id': inputs.baseImageId,
    'app-version': inputs.appVersion,
  };
  if (inputs.promotedFrom === undefined) {
    const problems = FROM_SOURCE.filter((name) => given[name] === undefined).map(
      (name) => `Input '${name}' is required (unless 'promoted-from' names a release to promote).`,
    );
    for (const [name, value] of Object.entries({
      'promoted-from-zone': inputs.promotedFromZone,
      'promoted-from-name': inputs.promotedFromName,
    })) {
      if (value !== undefined)
        problems.push(`Input '${name}' was given without 'promoted-from'; expected both or neither.`);
    }
    if (inputs.force)
      problems.push(`Input 'force' is only for a promotion; it was 'true' without 'promoted-from'.`);
    return problems;
  }
  const problems = FROM_SOURCE.filter((name) => given[name] !== undefined).map(
    (name) =>
      `Input '${name}' was given with 'promoted-from'; a promotion takes it from the source release unchanged, so leave it empty.`,
  );
  for (const [name, value] of Object.entries({
    'promoted-from-zone': inputs.promotedFromZone,
    'promoted-from-name': inputs.promotedFromName,
  })) {
    if (value === undefined)
      problems.push(
        `Input '${name}' is required with 'promoted-from': the gate reads the source role's history record (_immut-history.<name> in that zone) to check the release was live.`,
      );
  }
  return problems;
}

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
  if (source.image.region !== ctx.region) {
    throw new UserError(
      `Cannot promote ${request.tag} to ${ctx.identity.env}: its image ${source.image.id} is in ${source.image.region} and this release is in ${ctx.region}. Promotion across regions (or accounts) is not supported yet: it needs the image copied (CopyImage) or shared. Promote within one region, or release the role in ${ctx.region} with release.yml.`,
    );
  }
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

/** The manifest inputs of the promoted release: the source's image and app, this env's data and flags. */
export function promotedInputs(inputs: GivenInputs, resolved: ResolvedPromotion): ManifestInputs {
  const { image, app } = resolved.source;
  return {
    ...inputs,
    imageId: image.id,
    fingerprint: image.fingerprint,
    baseImageId: image.base,
    appVersion: app.version,
    promotion: resolved.promotedFrom,
  };
}
