// The part of bake-image that talks to AWS, loaded by main.ts only once the inputs passed
// their checks (and by the post step when there is something to undo).
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { createAwsClient, type AwsSettings } from '@immut/core/aws';
import { undoCreated } from '@immut/core/cleanup';
import type { ActionContext } from '@immut/core/run-action';
import { deadlineFrom } from '@immut/core/wait';
import { KIND, bake, type BakeInputs, type StagingClients } from './bake.js';
import { terminateBuilder } from './builder.js';
import { removeImage } from './image.js';
import { ACTION, OWNER_STATE, setOutputs } from './main.js';
import { renderSummary } from './summary.js';

/** S3 and STS for the artifact, loaded and made when the bake first stages it. */
function lazyStaging(settings: AwsSettings): {
  get: () => Promise<StagingClients>;
  destroy: () => Promise<void>;
} {
  let made: Promise<StagingClients & { destroy: () => void }> | undefined;
  const get = (): Promise<StagingClients> =>
    (made ??= import('./staging-clients.js').then((m) => m.stagingClients(settings)));
  return {
    get,
    // A failed load has nothing to close, and must not hide the bake's own error.
    destroy: async () => (await made?.catch(() => undefined))?.destroy(),
  };
}

/** One EC2 client per region, made when first needed; `destroy` closes them all. */
function ec2Clients(home: string, throttling?: AwsSettings['throttling']) {
  const clients = new Map<string, EC2Client>();
  return {
    get(region: string = home): EC2Client {
      let client = clients.get(region);
      if (!client) {
        client = createAwsClient(EC2Client, {
          region,
          action: ACTION,
          ...(throttling ? { throttling } : {}),
        });
        clients.set(region, client);
      }
      return client;
    },
    destroy(): void {
      for (const client of clients.values()) client.destroy();
    },
  };
}

/** The main step once the inputs passed: clients for the bake region, then the bake. */
export async function runBake(ctx: ActionContext, inputs: BakeInputs): Promise<void> {
  // Every bake of a big world starts at once and reads images and subnets in the same second:
  // each call retries throttling until the bake's own timeout, not just the SDK's few attempts.
  const deadline = deadlineFrom(ctx.clock, inputs.timeoutMs);
  const throttling = { clock: ctx.clock, deadline, log: (line: string) => ctx.io.info(line) };
  const settings = { region: inputs.region, action: ACTION, throttling };
  const ec2 = ec2Clients(inputs.region, throttling);
  const ssm = createAwsClient(SSMClient, settings);
  // S3 and STS only stage an artifact (bake.ts prepareArtifact): a bake without one makes neither.
  const staging = inputs.artifact.length > 0 ? lazyStaging(settings) : undefined;
  try {
    const result = await bake(inputs, {
      ec2: ec2.get(),
      ec2For: (region) => ec2.get(region),
      ssm,
      ...(staging ? { staging: staging.get } : {}),
      io: ctx.io,
      clock: ctx.clock,
      cleanup: ctx.cleanup,
      env: ctx.env,
      workspace: ctx.env['GITHUB_WORKSPACE'] ?? process.cwd(),
      deadline,
    });
    setOutputs(ctx.io, result);
    await ctx.io.appendSummary(renderSummary(inputs.identity, result));
  } finally {
    ec2.destroy();
    ssm.destroy();
    await staging?.destroy();
  }
}

/** The post step with something to undo. It runs even when main failed on its inputs, so it
 * reads only what it needs, leniently. */
export async function cleanUp(ctx: ActionContext): Promise<void> {
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
