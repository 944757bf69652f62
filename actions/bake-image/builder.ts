// The builder instance: launched once per bake (idempotently), watched until it powers
// itself off, read through its console, and always terminated afterwards.
import {
  GetConsoleOutputCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  paginateDescribeInstances,
  type EC2Client,
  type Instance,
  type RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import { createHash } from 'node:crypto';
import { readBakeOutcome, type BakeOutcome } from '@immut/core/builder-protocol';
import type { Clock } from '@immut/core/clock';
import { instanceById } from '@immut/core/ec2-by-id';
import { GuardError, UserError, WaitTimeoutError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { TAG, assertManaged, fromAwsTags, releaseFilters, toAwsTags, type Tags } from '@immut/core/tags';
import { AWS_WAITS, waitFor, type Deadline } from '@immut/core/wait';
import type { BuilderNetwork } from './network.js';

export const BUILDER_COMPONENT = 'builder';

/** How many spent ClientTokens (builders of earlier attempts, already gone) to step over. */
const MAX_TOKEN_GENERATIONS = 20;

/** How long to wait for the console to show an outcome after the builder stopped: EC2
 *  posts console output shortly after a state change, not instantly. */
export const CONSOLE_SETTLE_MS = 3 * 60_000;

export interface BuilderPlan {
  identity: Identity;
  fingerprint: string;
  bakeId: string;
  baseImageId: string;
  instanceType: string;
  instanceProfile: string | undefined;
  network: BuilderNetwork;
  userData: Buffer;
  tags: Tags;
  /** Identifies the workflow run across attempts (GITHUB_RUN_ID). */
  runKey: string;
}

/**
 * RunInstances' idempotency token: the same for every attempt of one workflow run, so a
 * retried or re-run launch returns the first builder instead of starting a second. It
 * names the subnet (another subnet is another request) and a generation, stepped when an
 * earlier attempt's builder behind the token is already gone.
 */
export function clientToken(plan: BuilderPlan, subnetId: string, generation: number): string {
  const { role, env, build } = plan.identity;
  const hash = createHash('sha256')
    .update([plan.runKey, env, role, build, plan.fingerprint, subnetId].join('\0'))
    .digest('hex')
    .slice(0, 40);
  return `immut-bake-${hash}-${generation}`;
}

export function runInstancesInput(
  plan: BuilderPlan,
  subnetId: string,
  token: string | undefined,
  dryRun = false,
): RunInstancesCommandInput {
  const tags = toAwsTags(plan.tags);
  return {
    ImageId: plan.baseImageId,
    InstanceType: plan.instanceType as RunInstancesCommandInput['InstanceType'],
    MinCount: 1,
    MaxCount: 1,
    SubnetId: subnetId,
    ...(plan.network.securityGroupIds.length > 0 ? { SecurityGroupIds: plan.network.securityGroupIds } : {}),
    ...(plan.instanceProfile ? { IamInstanceProfile: { Name: plan.instanceProfile } } : {}),
    UserData: plan.userData.toString('base64'),
    // The script powers the builder off; it must stop (to be imaged), not terminate.
    InstanceInitiatedShutdownBehavior: 'stop',
    MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
    TagSpecifications: [
      { ResourceType: 'instance', Tags: tags },
      { ResourceType: 'volume', Tags: tags },
    ],
    ...(token ? { ClientToken: token } : {}),
    ...(dryRun ? { DryRun: true } : {}),
  };
}

const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped'];

/** Builders of this bake (same release and fingerprint) that are not terminated, newest first. */
export async function findLiveBuilders(
  ec2: EC2Client,
  identity: Identity,
  fingerprint: string,
): Promise<Instance[]> {
  const found: Instance[] = [];
  const pages = paginateDescribeInstances(
    { client: ec2 },
    {
      Filters: [
        ...releaseFilters(identity),
        { Name: `tag:${TAG.component}`, Values: [BUILDER_COMPONENT] },
        { Name: `tag:${TAG.fingerprint}`, Values: [fingerprint] },
        { Name: 'instance-state-name', Values: LIVE_STATES },
      ],
    },
  );
  for await (const page of pages) {
    for (const reservation of page.Reservations ?? []) found.push(...(reservation.Instances ?? []));
  }
  return found.sort((a, b) => (b.LaunchTime?.getTime() ?? 0) - (a.LaunchTime?.getTime() ?? 0));
}

export interface LaunchedBuilder {
  instanceId: string;
  subnetId: string;
  zone: string;
}

/**
 * Launches the builder, trying each subnet in turn when a zone has no capacity. `record`
 * is called with the instance id as soon as EC2 returns it, before anything else can fail.
 */
export async function launchBuilder(
  ec2: EC2Client,
  plan: BuilderPlan,
  record: (instanceId: string) => void,
  log: { info: (line: string) => void; warning: (line: string) => void },
): Promise<LaunchedBuilder> {
  const noCapacity: string[] = [];
  for (const subnet of plan.network.subnets) {
    for (let generation = 0; generation < MAX_TOKEN_GENERATIONS; generation++) {
      let instance: Instance | undefined;
      try {
        const out = await ec2.send(
          new RunInstancesCommand(
            runInstancesInput(plan, subnet.id, clientToken(plan, subnet.id, generation)),
          ),
        );
        instance = out.Instances?.[0];
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'IdempotentParameterMismatch') continue;
        if (name === 'InsufficientInstanceCapacity') {
          log.warning(
            `No ${plan.instanceType} capacity in ${subnet.zone} (${subnet.id}); trying the next subnet.`,
          );
          noCapacity.push(`${subnet.id} (${subnet.zone})`);
          break;
        }
        throw error;
      }
      if (!instance?.InstanceId) throw new Error('RunInstances returned no instance');
      const state = instance.State?.Name;
      if (state === 'terminated' || state === 'shutting-down') {
        // The token's builder belongs to an earlier attempt of this run and is gone.
        log.info(`Builder ${instance.InstanceId} of an earlier attempt is ${state}; launching a new one.`);
        continue;
      }
      record(instance.InstanceId);
      return { instanceId: instance.InstanceId, subnetId: subnet.id, zone: subnet.zone };
    }
  }
  if (noCapacity.length > 0) {
    throw new UserError(
      `EC2 has no ${plan.instanceType} capacity in any of the builder's subnets: ${noCapacity.join(', ')}. Try again later, add subnets in other zones ('subnet-ids'), or choose another 'instance-type'.`,
    );
  }
  throw new UserError(
    `Could not launch a builder: every idempotency token of this run was spent by earlier attempts.`,
  );
}

/**
 * How long a builder took, as far as the watch could see: between the last poll that found it
 * still running and the one that found it stopped. Recorded on the image it made
 * (`immut:builder-seconds`), it tells the next bake of the role when to look.
 */
export interface BuilderTiming {
  /** Elapsed at the last poll that saw the builder running (undefined: the first poll found it
   *  stopped). */
  lastRunningMs: number | undefined;
  stoppedSeenMs: number;
}

/**
 * The duration to record from a watch: the middle of the interval in which the builder
 * stopped. When the first poll already found it stopped, nothing bounds it from below, so the
 * estimate shrinks by a tenth: a bake that got faster is found sooner next time, one poll
 * earlier at a time, instead of always at the old figure.
 */
export function builderDurationMs(timing: BuilderTiming): number {
  const { lastRunningMs, stoppedSeenMs } = timing;
  if (lastRunningMs === undefined) return Math.round(stoppedSeenMs * 0.9);
  return Math.round((lastRunningMs + stoppedSeenMs) / 2);
}

/**
 * Waits until the builder has powered itself off (state `stopped`). With `expectedMs` (the
 * role's last bake, from its image's tag), the first poll waits that long and the next ones
 * follow at 10 s; without, no poll before the builder can have booted and powered off, then a
 * backoff from 15 s to 30 s, since how long a user's script runs is unknown.
 */
export async function watchBuilder(
  ec2: EC2Client,
  instanceId: string,
  options: { clock: Clock; deadline: Deadline; log: (line: string) => void; expectedMs?: number },
): Promise<BuilderTiming> {
  const { clock } = options;
  const start = clock.now();
  let lastRunningMs: number | undefined;
  const stoppedSeenMs = await waitFor({
    what: `builder ${instanceId} to provision and power off`,
    clock,
    log: options.log,
    timeoutMs: options.deadline.remaining(),
    // Due: 10 s apart, so the duration this watch records is tight. Not due (no earlier bake
    // to time): AWS's instance-waiter cadence, 15 s, thinning out to 30 s.
    ...(options.expectedMs !== undefined
      ? { expectedMs: options.expectedMs, minDelayMs: 10_000 }
      : {
          notBeforeMs: AWS_WAITS.instanceRunning.expectedMs + AWS_WAITS.instanceStopped.expectedMs,
          minDelayMs: AWS_WAITS.instanceStopped.cadenceMs,
        }),
    maxDelayMs: 30_000,
    progressEveryMs: 60_000,
    check: async () => {
      // Right after launch EC2 may not know the id yet (eventual consistency).
      const instance = await instanceById(ec2, instanceId);
      const state = instance?.State?.Name ?? 'pending';
      const elapsed = clock.now() - start;
      if (state === 'stopped') return { done: true, value: elapsed };
      if (state === 'terminated' || state === 'shutting-down') {
        const reason = instance?.StateReason?.Message ?? 'no reason given';
        return { failed: true, reason: `the builder was ${state} before it finished (${reason})` };
      }
      lastRunningMs = elapsed;
      return { done: false, state };
    },
  });
  return { lastRunningMs, stoppedSeenMs };
}

export interface BuilderConsole {
  text: string;
  outcome: BakeOutcome;
}

async function consoleText(ec2: EC2Client, instanceId: string): Promise<string> {
  const out = await ec2.send(new GetConsoleOutputCommand({ InstanceId: instanceId }));
  return out.Output ? Buffer.from(out.Output, 'base64').toString('utf8') : '';
}

/** The builder's console once it shows this bake's outcome (or what it shows after a while). */
export async function readBuilderConsole(
  ec2: EC2Client,
  instanceId: string,
  bakeId: string,
  options: { clock: Clock; timeoutMs: number; log: (line: string) => void },
): Promise<BuilderConsole> {
  let last: BuilderConsole = { text: '', outcome: { outcome: 'unknown' } };
  try {
    return await waitFor({
      what: `the console output of builder ${instanceId}`,
      clock: options.clock,
      log: options.log,
      timeoutMs: options.timeoutMs,
      minDelayMs: 5_000,
      maxDelayMs: 20_000,
      check: async () => {
        const text = await consoleText(ec2, instanceId);
        last = { text, outcome: readBakeOutcome(text, bakeId) };
        return last.outcome.outcome === 'unknown'
          ? { done: false, state: text === '' ? 'empty' : 'no outcome marker yet' }
          : { done: true, value: last };
      },
    });
  } catch (error) {
    if (error instanceof WaitTimeoutError) return last;
    throw error;
  }
}

/**
 * Terminates a builder after checking it is one: immut-managed, of this role and env, and
 * tagged as a builder. Returns false when it was already gone.
 */
export async function terminateBuilder(
  ec2: EC2Client,
  instanceId: string,
  expected: Pick<Identity, 'role' | 'env'>,
): Promise<boolean> {
  const instance = await instanceById(ec2, instanceId);
  const state = instance?.State?.Name;
  if (!instance || state === 'terminated' || state === 'shutting-down') return false;
  const tags = fromAwsTags(instance.Tags);
  assertManaged({ kind: 'instance', id: instanceId, tags }, expected);
  if (tags[TAG.component] !== BUILDER_COMPONENT) {
    throw new GuardError(
      `Refusing to terminate instance ${instanceId}: it has no ${TAG.component}=${BUILDER_COMPONENT} tag, so it is not a bake builder.`,
    );
  }
  await ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
  return true;
}
