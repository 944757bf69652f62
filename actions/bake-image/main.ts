// bake-image: a fresh AMI from the OS head, provisioned for its role, baked once per
// fingerprint, never leaving a builder behind. main reads and checks the inputs; main-aws.ts
// builds the clients and the work is in bake.ts. post removes what a failed or cancelled run
// created.
//
// This module loads nothing of the AWS SDK, so a bad input fails at once; main-aws.ts is
// imported only after every input passed (issue #20: input errors before any SDK loads).
import { InputError } from '@immut/core/errors';
import { readInputs, resolveCommon } from '@immut/core/inputs';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import type { BakeInputs, BakeResult } from './bake.js';
import { bakeImageInputs } from './inputs.js';
import { kmsKeyProblem } from './kms-key.js';

export const ACTION = 'bake-image';
/** State key: role and env of the run, for the post step's ownership checks. */
export const OWNER_STATE = 'bake-owner';

/** Checks across inputs, once the bake region is known (it may come from AWS_REGION). */
function crossCheck(inputs: BakeInputs): void {
  const problems: string[] = [];
  if (inputs.copyToRegions.includes(inputs.region)) {
    problems.push(
      `Input 'copy-to-regions' was '${inputs.copyToRegions.join(',')}': it names the bake region ${inputs.region}, where the image is made anyway; expected other regions only.`,
    );
  }
  const copies = inputs.copyToRegions.filter((r) => r !== inputs.region);
  const kmsProblem = inputs.kmsKey && kmsKeyProblem(inputs.kmsKey, inputs.region, copies);
  if (inputs.kmsKey && kmsProblem)
    problems.push(`Input 'kms-key-id' was '${inputs.kmsKey.raw}': ${kmsProblem}.`);
  if (inputs.stagingBucket !== undefined && inputs.artifact.length === 0)
    problems.push(
      `Input 'staging-bucket' was '${inputs.stagingBucket}' without 'artifact'; expected it only with an artifact to stage.`,
    );
  if (problems.length > 0) throw new InputError(problems);
}

export function readBakeInputs(ctx: Pick<ActionContext, 'io' | 'env'>): BakeInputs {
  const parsed = readInputs(bakeImageInputs, ctx.io.getInput);
  const common = resolveCommon(parsed, ctx.env);
  const inputs: BakeInputs = {
    ...common,
    baseImage: parsed.baseImage,
    ssmParameterPrefixes: parsed.ssmParameterPrefixes ?? [],
    provision: parsed.provision,
    logPaths: parsed.logPaths ?? [],
    appVersion: parsed.appVersion,
    instanceType: parsed.instanceType ?? 't3.small',
    subnetIds: parsed.subnetIds,
    securityGroupIds: parsed.securityGroupIds,
    instanceProfile: parsed.instanceProfile,
    force: parsed.force ?? false,
    keepOnFailure: parsed.keepOnFailure ?? false,
    timeoutMs: parsed.timeout ?? 60 * 60_000,
    kmsKey: parsed.kmsKeyId,
    copyToRegions: parsed.copyToRegions ?? [],
    artifact: parsed.artifact ?? [],
    stagingBucket: parsed.stagingBucket,
  };
  crossCheck(inputs);
  return inputs;
}

/** The image in every region, or undefined until every one exists (a dry run). */
export function imageIds(result: BakeResult): Record<string, string> | undefined {
  if (!result.image || result.copies.some((c) => c.how === 'missing')) return undefined;
  return Object.fromEntries([
    [result.region, result.image.imageId],
    ...result.copies.map((c) => [c.region, c.imageId]),
  ]);
}

export function setOutputs(io: ActionContext['io'], result: BakeResult): void {
  io.setOutput('fingerprint', result.fingerprint);
  io.setOutput('cache-hit', String(result.cacheHit));
  io.setOutput('base-image-id', result.base.imageId);
  io.setOutput('image-name', result.image?.name ?? result.imageName);
  // A dry run that would bake has no image yet; an empty id must not look like one.
  if (result.image) io.setOutput('image-id', result.image.imageId);
  const ids = imageIds(result);
  if (ids) io.setOutput('image-ids', JSON.stringify(ids));
  if (result.artifact) io.setOutput('artifact-sha256', result.artifact.sha256);
}

async function main(ctx: ActionContext): Promise<void> {
  const inputs = readBakeInputs(ctx);
  ctx.io.saveState(OWNER_STATE, JSON.stringify({ role: inputs.identity.role, env: inputs.identity.env }));
  const { runBake } = await import('./main-aws.js');
  await runBake(ctx, inputs);
}

/** Runs even when main failed on its inputs. After a run that succeeded or created nothing
 * there is nothing to undo, and no SDK to load. */
// Runs only after a failed main step that recorded what it made (core's nothingToUndo).
async function post(ctx: ActionContext): Promise<void> {
  const { cleanUp } = await import('./main-aws.js');
  await cleanUp(ctx);
}

export const bakeImage: ActionDefinition = { name: ACTION, main, post };
