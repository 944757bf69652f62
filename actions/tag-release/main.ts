// tag-release: records a release as data — an annotated git tag and a GitHub release that
// carry the validated manifest, and `immut:release` tags on the AWS resources it names.
//
// Post step: a run that failed after creating the tag or the release keeps them. A pushed
// tag is public history that other jobs may already have read, and deleting it would be
// the rewrite a release must never suffer. Nothing is lost by keeping it: a re-run of the
// same job has the same build and inputs, so it produces the identical manifest, which is
// recognised and completed (missing release, asset, AWS tags); a different manifest needs
// a new build anyway. So the post step only reports what the failed run left and how to
// finish or remove it.
//
// This module only reads and checks the inputs, with nothing of the AWS SDK or the GitHub
// client loaded, so a bad input fails at once; main-aws.ts makes the clients afterwards
// (issue #20: input errors before any SDK loads).
import { InputError, UserError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { readInputs, resolveCommon, type ParsedInputs } from '@immut/core/inputs';
import { provenanceFromEnv, type Provenance } from '@immut/core/provenance';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import { checkManifestInputs } from './build-manifest.js';
import { tagReleaseInputs } from './inputs.js';
import type { PromotionRequest } from './promote.js';
import { promotionInputProblems } from './promote-inputs.js';

export const ACTION = 'tag-release';

/** The inputs once every check that needs no AWS or GitHub call has passed. */
export interface CheckedInputs {
  inputs: ParsedInputs<typeof tagReleaseInputs>;
  identity: Identity;
  region: string;
  dryRun: boolean;
  promotion: PromotionRequest | undefined;
  provenance: Provenance;
}

export function checkInputs({ io, env }: Pick<ActionContext, 'io' | 'env'>): CheckedInputs {
  const inputs = readInputs(tagReleaseInputs, io.getInput);
  io.setSecret(inputs.githubToken);
  const { identity, region, dryRun } = resolveCommon(inputs, env);
  const problems = [...promotionInputProblems(inputs), ...checkManifestInputs(inputs)];
  if (problems.length > 0) throw new InputError(problems);
  const promotion: PromotionRequest | undefined = inputs.promotedFrom
    ? {
        tag: inputs.promotedFrom,
        zone: inputs.promotedFromZone ?? '',
        name: inputs.promotedFromName ?? '',
        force: inputs.force ?? false,
        ...(inputs.shareWith ? { shareWith: inputs.shareWith } : {}),
        ...(inputs.sharedBy ? { sharedBy: inputs.sharedBy } : {}),
        copy: inputs.copy ?? 'auto',
        ...(inputs.kmsKeyId ? { kmsKeyId: inputs.kmsKeyId } : {}),
      }
    : undefined;
  const provenance = provenanceFromEnv(env);
  if (!/^[0-9a-f]{40}$/.test(provenance.sha)) {
    throw new UserError(
      `GITHUB_SHA is '${provenance.sha}', expected a commit sha; run this action in a workflow.`,
    );
  }
  return { inputs, identity, region, dryRun, promotion, provenance };
}

async function main(ctx: ActionContext): Promise<void> {
  const checked = checkInputs(ctx);
  const { tagReleaseChecked } = await import('./main-aws.js');
  await tagReleaseChecked(ctx, checked);
}

// Runs only after a failed main step that recorded what it made (core's nothingToUndo).
async function post({ io, cleanup }: ActionContext): Promise<void> {
  const left = cleanup.created();
  // Loaded only here, after a failed run: copy.ts brings the EC2 client with it.
  const { COPY_KIND } = await import('./copy.js');
  // A promotion's copy (copy.ts) is kept too: a re-run adopts it; unused, the target env's
  // retirement deletes it (it carries immut's tags for this build).
  const copies = left.filter((r) => r.kind === COPY_KIND);
  if (copies.length > 0)
    io.warning(
      `The run stopped after copying the promoted image: ${copies.map((r) => `${r.id} (${r.region})`).join(', ')}. A re-run of this job adopts it instead of copying again; if no re-run comes, retire-release in this env deletes it once it is unused.`,
    );
  const recorded = left.filter((r) => r.kind !== COPY_KIND);
  if (recorded.length === 0) return;
  const list = recorded.map((r) => `${r.kind} ${r.id} (${r.region})`).join(', ');
  io.warning(
    `The run stopped after recording part of the release: ${list}. They are kept on purpose (a release is never rewritten): re-run this job to complete the release; it recognises the identical manifest. If this release should not exist, delete its git tag and GitHub release by hand.`,
  );
}

export const tagRelease: ActionDefinition = { name: ACTION, main, post };
