// bake-image: a fresh AMI from the OS head, provisioned for its role, baked once per
// fingerprint, never leaving a builder behind. main reads inputs and builds clients; the
// work is in bake.ts. post removes what a failed or cancelled run created.
import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createAwsClient } from '@immut/core/aws';
import { undoCreated } from '@immut/core/cleanup';
import { InputError } from '@immut/core/errors';
import { readInputs, resolveCommon } from '@immut/core/inputs';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import { KIND, bake, type BakeInputs, type BakeResult } from './bake.js';
import { terminateBuilder } from './builder.js';
import { removeImage } from './image.js';
import { bakeImageInputs } from './inputs.js';
import { kmsKeyProblem } from './kms-key.js';
import { renderSummary } from './summary.js';

const ACTION = 'bake-image';
/** State key: role and env of the run, for the post step's ownership checks. */
const OWNER_STATE = 'bake-owner';

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

/** This account's id (STS GetCallerIdentity needs no permission), asked once. */
function accountOf(sts: STSClient): () => Promise<string> {
  let account: Promise<string> | undefined;
  return () =>
    (account ??= sts.send(new GetCallerIdentityCommand({})).then((out) => {
      if (!out.Account) throw new Error('STS GetCallerIdentity returned no account');
      return out.Account;
    }));
}

/** One EC2 client per region, made when first needed; `destroy` closes them all. */
function ec2Clients(home: string) {
  const clients = new Map<string, EC2Client>();
  return {
    get(region: string = home): EC2Client {
      let client = clients.get(region);
      if (!client) {
        client = createAwsClient(EC2Client, { region, action: ACTION });
        clients.set(region, client);
      }
      return client;
    },
    destroy(): void {
      for (const client of clients.values()) client.destroy();
    },
  };
}

async function main(ctx: ActionContext): Promise<void> {
  const inputs = readBakeInputs(ctx);
  ctx.io.saveState(OWNER_STATE, JSON.stringify({ role: inputs.identity.role, env: inputs.identity.env }));
  const ec2 = ec2Clients(inputs.region);
  const ssm = createAwsClient(SSMClient, { region: inputs.region, action: ACTION });
  const s3 = createAwsClient(S3Client, { region: inputs.region, action: ACTION });
  const sts = createAwsClient(STSClient, { region: inputs.region, action: ACTION });
  try {
    const result = await bake(inputs, {
      ec2: ec2.get(),
      ec2For: (region) => ec2.get(region),
      ssm,
      s3,
      accountId: accountOf(sts),
      io: ctx.io,
      clock: ctx.clock,
      cleanup: ctx.cleanup,
      env: ctx.env,
      workspace: ctx.env['GITHUB_WORKSPACE'] ?? process.cwd(),
    });
    setOutputs(ctx.io, result);
    await ctx.io.appendSummary(renderSummary(inputs.identity, result));
  } finally {
    ec2.destroy();
    ssm.destroy();
    s3.destroy();
    sts.destroy();
  }
}

/** Runs even when main failed on its inputs, so it reads only what it needs, leniently. */
async function post(ctx: ActionContext): Promise<void> {
  const keepOnFailure = /^true$/i.test(ctx.io.getInput('keep-on-failure').trim());
  const owner = (): { role: string; env: string } => {
    const saved = ctx.io.getState(OWNER_STATE);
    if (!saved) throw new Error('the main step saved no owner; nothing can be removed safely');
    return JSON.parse(saved) as { role: string; env: string };
  };
  // Images may be in several regions (copies): each record names its region.
  const clients = ec2Clients(ctx.env['AWS_REGION'] ?? 'us-east-1');
  const ec2For = (region: string): EC2Client => clients.get(region);
  try {
    await undoCreated(ctx.cleanup, {
      io: ctx.io,
      keepOnFailure,
      handlers: {
        [KIND.builder]: async (r) => {
          await terminateBuilder(ec2For(r.region), r.id, owner());
        },
        [KIND.image]: async (r) => {
          await removeImage(ec2For(r.region), r.id, owner(), ctx.io);
        },
      },
    });
  } finally {
    clients.destroy();
  }
}

export const bakeImage: ActionDefinition = { name: ACTION, main, post };
