// The build's servers. A re-run first finds the servers an earlier attempt launched (by
// their tags), then launches only what is missing, spread over the subnets' zones. Every
// RunInstances carries a ClientToken derived from the release identity, the launch
// settings, the subnet and the server slots, never from the attempt, so a retried or
// re-run call that AWS already served returns the same servers instead of new ones. When
// a zone has no capacity, the batch moves to the next subnet.
import { createHash } from 'node:crypto';
import {
  DescribeInstancesCommand,
  RunInstancesCommand,
  paginateDescribeInstances,
  type EC2Client,
  type Instance,
  type RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import type { CleanupLog } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import { UserError, describeError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { TAG, releaseFilters, toAwsTags, type Tags } from '@immut/core/tags';
import { waitFor } from '@immut/core/wait';
import { KIND } from './ownership.js';
import { awsErrorName, type SubnetInfo } from './preflight.js';

/** Tag with the digest of the launch settings: servers of one build must all match. */
export const LAUNCH_TAG = 'immut:launch-config';

/** EC2's limit on ClientToken. */
export const CLIENT_TOKEN_MAX = 64;

export interface InstanceSpec {
  imageId: string;
  instanceType: string;
  count: number;
  subnets: SubnetInfo[];
  securityGroupIds: string[];
  instanceProfile?: string;
  userDataBase64: string;
  /** The Name tag (core's instanceName). */
  name: string;
}

export interface Server {
  id: string;
  subnetId: string;
  zone: string;
  created: boolean;
}

export interface InstanceContext {
  ec2: EC2Client;
  identity: Identity;
  region: string;
  tags: Tags;
  cleanup: Pick<CleanupLog, 'record'>;
  log: (line: string) => void;
  warn: (line: string) => void;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A short digest of everything that makes two servers of a build interchangeable. */
export function launchDigest(spec: InstanceSpec): string {
  return sha256(
    JSON.stringify([
      spec.imageId,
      spec.instanceType,
      [...spec.securityGroupIds].sort(),
      spec.instanceProfile ?? '',
      spec.userDataBase64,
    ]),
  ).slice(0, 16);
}

/**
 * Idempotency token of one RunInstances: same inputs, same token, on every attempt. The tags
 * are part of the request, so they are part of the token: a later run relaunching the same
 * build (a rollback to a retired release) carries its own run in its tags and must not reuse
 * the first launch's token, which EC2 would refuse as IdempotentParameterMismatch.
 */
export function clientToken(
  identity: Identity,
  digest: string,
  subnetId: string,
  slots: readonly number[],
  generation = '',
  tags: Tags = {},
): string {
  const hash = sha256(
    [
      identity.env,
      identity.role,
      identity.build,
      digest,
      subnetId,
      slots.join(','),
      generation,
      JSON.stringify(Object.entries(tags).sort(([a], [b]) => a.localeCompare(b))),
    ].join('\0'),
  );
  const token = `immut-${identity.build}-${hash.slice(0, 32)}`;
  return token.slice(0, CLIENT_TOKEN_MAX);
}

export interface Batch {
  /** The subnet the slots were planned for. */
  subnetId: string;
  /** Server slots (0-based ordinals of the build's servers) this batch launches. */
  slots: number[];
}

/**
 * Spreads the missing servers over the subnets, each to the subnet holding the fewest of
 * the build's servers so far (input order breaks ties), so zones stay balanced.
 */
export function planBatches(
  subnets: readonly SubnetInfo[],
  existing: readonly Pick<Server, 'subnetId'>[],
  count: number,
): Batch[] {
  const load = new Map(subnets.map((s) => [s.id, existing.filter((e) => e.subnetId === s.id).length]));
  const batches = new Map<string, number[]>();
  for (let slot = existing.length; slot < count; slot++) {
    let best = subnets[0]?.id ?? '';
    for (const s of subnets) if ((load.get(s.id) ?? 0) < (load.get(best) ?? 0)) best = s.id;
    load.set(best, (load.get(best) ?? 0) + 1);
    batches.set(best, [...(batches.get(best) ?? []), slot]);
  }
  return subnets
    .filter((s) => batches.has(s.id))
    .map((s) => ({ subnetId: s.id, slots: batches.get(s.id) ?? [] }));
}

const LIVE = ['pending', 'running'];
const DEAD = new Set(['shutting-down', 'terminated', 'stopping', 'stopped']);

/** The build's live servers, found by their tags. */
export async function findServers(ec2: EC2Client, identity: Identity, name: string): Promise<Instance[]> {
  const found: Instance[] = [];
  const pages = paginateDescribeInstances(
    { client: ec2 },
    {
      Filters: [
        ...releaseFilters(identity),
        { Name: `tag:${TAG.name}`, Values: [name] },
        { Name: 'instance-state-name', Values: LIVE },
      ],
    },
  );
  for await (const page of pages) {
    for (const r of page.Reservations ?? []) found.push(...(r.Instances ?? []));
  }
  return found;
}

function tagValue(instance: Instance, key: string): string | undefined {
  return instance.Tags?.find((t) => t.Key === key)?.Value;
}

function serverOf(instance: Instance, subnets: readonly SubnetInfo[], created: boolean): Server {
  const subnetId = instance.SubnetId ?? '';
  return {
    id: instance.InstanceId ?? '',
    subnetId,
    zone: instance.Placement?.AvailabilityZone ?? subnets.find((s) => s.id === subnetId)?.zone ?? '',
    created,
  };
}

export function runParams(
  spec: InstanceSpec,
  ctx: Pick<InstanceContext, 'tags'>,
  subnetId: string,
  size: number,
  digest: string,
): RunInstancesCommandInput {
  const tags = toAwsTags({ ...ctx.tags, [LAUNCH_TAG]: digest });
  return {
    ImageId: spec.imageId,
    InstanceType: spec.instanceType as RunInstancesCommandInput['InstanceType'],
    MinCount: size,
    MaxCount: size,
    SubnetId: subnetId,
    SecurityGroupIds: spec.securityGroupIds,
    UserData: spec.userDataBase64,
    ...(spec.instanceProfile ? { IamInstanceProfile: { Name: spec.instanceProfile } } : {}),
    // IMDSv2 only: the flags file is the configuration; nothing should scrape metadata.
    MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
    TagSpecifications: [
      { ResourceType: 'instance', Tags: tags },
      { ResourceType: 'volume', Tags: tags },
    ],
  };
}

/**
 * Launches one batch in `subnetId`. A token that AWS already served for servers since
 * terminated (a failed attempt's cleanup) would hand back the dead servers, so then a
 * token of the next generation is used: still derived only from deterministic data.
 */
async function runBatch(
  ctx: InstanceContext,
  spec: InstanceSpec,
  digest: string,
  subnetId: string,
  slots: number[],
): Promise<Instance[]> {
  let generation = '';
  for (let round = 0; round < 5; round++) {
    const token = clientToken(ctx.identity, digest, subnetId, slots, generation, ctx.tags);
    const out = await ctx.ec2.send(
      new RunInstancesCommand({
        ...runParams(spec, ctx, subnetId, slots.length, digest),
        ClientToken: token,
      }),
    );
    const instances = out.Instances ?? [];
    const dead = instances.filter((i) => DEAD.has(i.State?.Name ?? ''));
    if (dead.length === 0) return instances;
    ctx.log(
      `ClientToken ${token} belongs to servers already removed (${dead.map((i) => i.InstanceId).join(', ')}); launching anew.`,
    );
    generation = dead
      .map((i) => i.InstanceId)
      .sort()
      .join(',');
  }
  throw new Error(`RunInstances kept returning removed servers for subnet ${subnetId}`);
}

const CAPACITY_ERRORS = new Set(['InsufficientInstanceCapacity']);

/** The build's servers: those found plus those launched now, `count` in all. */
export async function ensureServers(ctx: InstanceContext, spec: InstanceSpec): Promise<Server[]> {
  const digest = launchDigest(spec);
  const found = await findServers(ctx.ec2, ctx.identity, spec.name);
  const mismatched = found.filter((i) => tagValue(i, LAUNCH_TAG) !== digest);
  if (mismatched.length > 0) {
    throw new UserError(
      `Build ${ctx.identity.build} already has servers launched with other settings (${mismatched.map((i) => i.InstanceId).join(', ')}: another image, instance type, security groups, instance profile or flags); launch a new build, or remove them first.`,
    );
  }
  const servers = found.map((i) => serverOf(i, spec.subnets, false));
  if (found.length > 0)
    ctx.log(
      `Found ${found.length} server(s) of this build from an earlier attempt: ${servers.map((s) => s.id).join(', ')}.`,
    );
  if (found.length > spec.count) {
    ctx.warn(
      `Build ${ctx.identity.build} has ${found.length} servers, more than count ${spec.count}; keeping them all.`,
    );
  }
  const short = new Set<string>();
  for (const batch of planBatches(spec.subnets, servers, spec.count)) {
    const order = spec.subnets.map((s) => s.id);
    const start = order.indexOf(batch.subnetId);
    // The planned subnet first, then the others in input order after it; a subnet that
    // already ran out of capacity in this run is not asked again.
    const candidates = [...order.slice(start), ...order.slice(0, start)].filter((id) => !short.has(id));
    let launched: Instance[] | undefined;
    const failures = [...short].map((id) => `${id} (${spec.subnets.find((s) => s.id === id)?.zone ?? ''})`);
    for (const subnetId of candidates) {
      try {
        launched = await runBatch(ctx, spec, digest, subnetId, batch.slots);
        break;
      } catch (error) {
        if (!CAPACITY_ERRORS.has(awsErrorName(error))) throw error;
        short.add(subnetId);
        const zone = spec.subnets.find((s) => s.id === subnetId)?.zone ?? '';
        failures.push(`${subnetId} (${zone})`);
        ctx.warn(
          `No capacity for ${batch.slots.length} × ${spec.instanceType} in ${subnetId} (${zone}): ${describeError(error)}. Trying the next subnet.`,
        );
      }
    }
    if (!launched) {
      throw new UserError(
        `EC2 has no capacity for ${spec.instanceType} in any of the subnets (${failures.join(', ')}); try another instance type or more subnets.`,
      );
    }
    for (const instance of launched) {
      if (instance.InstanceId)
        ctx.cleanup.record({ kind: KIND.instance, id: instance.InstanceId, region: ctx.region });
    }
    const fresh = launched.map((i) => serverOf(i, spec.subnets, true));
    ctx.log(`Launched ${fresh.map((s) => `${s.id} (${s.zone})`).join(', ')}.`);
    servers.push(...fresh);
  }
  return servers;
}

/** Waits until every server is running (RegisterTargets refuses any other state). */
export async function waitRunning(
  ec2: EC2Client,
  ids: readonly string[],
  clock: Clock,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<void> {
  await waitFor({
    what: `${ids.length} server(s) to be running`,
    clock,
    log,
    timeoutMs,
    minDelayMs: 5_000,
    maxDelayMs: 15_000,
    check: async () => {
      let instances: Instance[];
      try {
        const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [...ids] }));
        instances = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
      } catch (error) {
        // EC2 is eventually consistent: a server just launched may not be visible yet.
        if (awsErrorName(error) === 'InvalidInstanceID.NotFound')
          return { done: false, state: 'not visible yet' };
        throw error;
      }
      const dead = instances.filter((i) => DEAD.has(i.State?.Name ?? ''));
      if (dead.length > 0) {
        return {
          failed: true,
          reason: dead
            .map(
              (i) => `${i.InstanceId} is ${i.State?.Name} (${i.StateReason?.Message ?? 'no reason given'})`,
            )
            .join('; '),
        };
      }
      const running = instances.filter((i) => i.State?.Name === 'running').length;
      if (running === ids.length) return { done: true, value: undefined };
      return { done: false, state: `${running}/${ids.length} running` };
    },
  });
}
