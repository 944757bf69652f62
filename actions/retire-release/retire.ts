// Carrying out the plan: wait until builds that recently served can no longer be reached
// (DNS answers cached by clients, connections draining from the target group), then delete
// each build's resources in the order AWS and live clients need: its DNS name first (nobody
// new arrives), listeners, load balancer, target group, servers, data. Every resource passes
// core's assertManaged right before it is deleted; something already gone counts as removed,
// so a re-run after a partial failure finishes the job.
import {
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  TerminateInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DeleteListenerCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DeleteDBInstanceCommand, DeleteDBSnapshotCommand, type RDSClient } from '@aws-sdk/client-rds';
import { ChangeResourceRecordSetsCommand, type Route53Client } from '@aws-sdk/client-route-53';
import { formatDuration, type Clock } from '@immut/core/clock';
import { UserError } from '@immut/core/errors';
import type { Zone } from '@immut/core/hosted-zone';
import { buildDnsName, finalSnapshotId } from '@immut/core/naming';
import { assertManaged, type Tags } from '@immut/core/tags';
import { type Deadline, waitFor } from '@immut/core/wait';
import { type RoleEnv, bareDnsName } from './discover.js';
import type { Live } from './live.js';
import { recordSetsAt } from '@immut/core/hosted-zone';
import type { Decision, ImageDecision, Plan } from './plan.js';

export interface RetireClients {
  ec2: EC2Client;
  elb: ElasticLoadBalancingV2Client;
  rds: RDSClient;
  route53: Route53Client;
}

export interface RetireContext {
  clients: RetireClients;
  who: RoleEnv;
  zone: Zone;
  clock: Clock;
  deadline: Deadline;
  log: (line: string) => void;
  finalSnapshot: boolean;
}

/** One deletion, for the log and the summary: `load balancer prod-api-b1`. */
export type Removed = string;

const GONE = new Set([
  'InvalidInstanceID.NotFound',
  'LoadBalancerNotFound',
  'LoadBalancerNotFoundException',
  'TargetGroupNotFound',
  'TargetGroupNotFoundException',
  'ListenerNotFound',
  'ListenerNotFoundException',
  'DBInstanceNotFound',
  'DBInstanceNotFoundFault',
  'DBSnapshotNotFound',
  'DBSnapshotNotFoundFault',
  'InvalidAMIID.NotFound',
  'InvalidAMIID.Unavailable',
  'InvalidSnapshot.NotFound',
]);

/** Runs a delete; true when it deleted, false when the resource was already gone. */
async function unlessGone(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (error instanceof Error && GONE.has(error.name)) return false;
    throw error;
  }
}

function guard(kind: string, id: string, tags: Tags, who: RoleEnv): void {
  assertManaged({ kind, id, tags }, who);
}

/** How long after the last cutover a retired build may still get traffic: DNS TTL + drain. */
export function drainMs(live: Live, retiring: readonly Decision[]): number {
  const delays = retiring.flatMap((d) => d.resources.targetGroups.map((tg) => tg.deregistrationDelayMs));
  return live.ttlMs + Math.max(0, ...delays);
}

/**
 * Builds older than the live one stopped serving at or before the last cutover recorded in
 * the history, so waiting `drain` from that moment covers all of them. A time in the future
 * (clocks of different machines) counts as now: the full wait, never a shorter one.
 */
export function waitNeededMs(live: Live, drain: number, now: number): number {
  const at = Date.parse(live.history?.at ?? '');
  if (Number.isNaN(at)) return drain;
  return Math.max(0, drain - Math.max(0, now - at));
}

export async function waitOutDrain(
  ctx: RetireContext,
  live: Live,
  retiring: readonly Decision[],
): Promise<number> {
  const drain = drainMs(live, retiring);
  const needed = waitNeededMs(live, drain, ctx.clock.now());
  if (needed === 0) {
    ctx.log(
      `The last cutover (${live.history?.at ?? 'unknown'}) is more than ${formatDuration(drain)} ago (DNS TTL + deregistration delay): no wait needed.`,
    );
    return 0;
  }
  if (needed >= ctx.deadline.remaining()) {
    throw new UserError(
      `Retiring must wait ${formatDuration(needed)} more (DNS TTL ${formatDuration(live.ttlMs)} + deregistration delay since the cutover at ${live.history?.at ?? 'unknown'}), which does not fit in the remaining timeout of ${formatDuration(ctx.deadline.remaining())}; nothing was deleted. Raise 'timeout' or run later.`,
    );
  }
  ctx.log(
    `Waiting ${formatDuration(needed)} so clients caching ${live.name} (TTL ${formatDuration(live.ttlMs)}) and connections draining from the old target groups are done (cutover at ${live.history?.at ?? 'unknown'}).`,
  );
  const until = ctx.clock.now() + needed;
  await waitFor({
    what: 'DNS caches to expire and connections to drain',
    clock: ctx.clock,
    log: ctx.log,
    timeoutMs: ctx.deadline.remaining(),
    minDelayMs: Math.min(30_000, needed),
    maxDelayMs: 60_000,
    check: async () => {
      const left = until - ctx.clock.now();
      return left <= 0
        ? { done: true, value: undefined }
        : { done: false, state: `${formatDuration(left)} left` };
    },
  });
  return needed;
}

/** The build's own DNS name, removed only while it aliases one of this build's load balancers. */
async function deleteBuildRecord(ctx: RetireContext, d: Decision): Promise<Removed[]> {
  const name = buildDnsName({ ...ctx.who, build: d.build }, ctx.zone.name);
  const ours = new Set(d.resources.loadBalancers.map((lb) => lb.dnsName));
  const records = await recordSetsAt(ctx.clients.route53, ctx.zone.id, name, 'A');
  const mine = records.filter((r) => ours.has(bareDnsName(r.AliasTarget?.DNSName ?? '')));
  if (mine.length === 0) return [];
  await ctx.clients.route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: ctx.zone.id,
      ChangeBatch: {
        Comment: `immut retire-release: build ${d.build}`,
        Changes: mine.map((r) => ({ Action: 'DELETE', ResourceRecordSet: r })),
      },
    }),
  );
  return [`DNS record ${name}`];
}

async function deleteTargetGroup(ctx: RetireContext, arn: string, name: string): Promise<boolean> {
  // Right after its load balancer goes, AWS may still see the group in use for a moment.
  return waitFor({
    what: `target group ${name} to be deletable`,
    clock: ctx.clock,
    log: ctx.log,
    timeoutMs: Math.min(ctx.deadline.remaining(), 5 * 60_000),
    minDelayMs: 2_000,
    maxDelayMs: 15_000,
    check: async () => {
      try {
        const deleted = await unlessGone(() =>
          ctx.clients.elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: arn })),
        );
        return { done: true, value: deleted };
      } catch (error) {
        if (error instanceof Error && /ResourceInUse/.test(error.name))
          return { done: false, state: 'in use' };
        throw error;
      }
    },
  });
}

export async function retireBuild(ctx: RetireContext, d: Decision): Promise<Removed[]> {
  const { who } = ctx;
  const r = d.resources;
  const removed: Removed[] = [];
  // Guard everything first: one foreign resource stops the build before anything goes.
  for (const lb of r.loadBalancers) guard('load balancer', lb.name, lb.tags, who);
  for (const tg of r.targetGroups) guard('target group', tg.name, tg.tags, who);
  for (const i of r.instances) guard('instance', i.id, i.tags, who);
  for (const db of r.databases) guard('DB instance', db.id, db.tags, who);
  for (const s of r.sourceSnapshots) guard('DB snapshot', s.id, s.tags, who);

  removed.push(...(await deleteBuildRecord(ctx, d)));
  for (const lb of r.loadBalancers) {
    for (const arn of lb.listenerArns) {
      if (await unlessGone(() => ctx.clients.elb.send(new DeleteListenerCommand({ ListenerArn: arn })))) {
        removed.push(`listener of ${lb.name}`);
      }
    }
    if (
      await unlessGone(() => ctx.clients.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb.arn })))
    ) {
      removed.push(`load balancer ${lb.name}`);
    }
  }
  for (const tg of r.targetGroups) {
    if (await deleteTargetGroup(ctx, tg.arn, tg.name)) removed.push(`target group ${tg.name}`);
  }
  const ids = r.instances.map((i) => i.id);
  if (ids.length > 0) {
    await ctx.clients.ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }));
    removed.push(...ids.map((id) => `instance ${id}`));
  }
  for (const db of r.databases) {
    const snapshot = finalSnapshotId({ ...who, build: d.build });
    const deleted = await unlessGone(() =>
      ctx.clients.rds.send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: db.id,
          ...(ctx.finalSnapshot ? { FinalDBSnapshotIdentifier: snapshot } : { SkipFinalSnapshot: true }),
          DeleteAutomatedBackups: true,
        }),
      ),
    );
    if (deleted)
      removed.push(`DB instance ${db.id}${ctx.finalSnapshot ? ` (final snapshot ${snapshot})` : ''}`);
  }
  for (const s of r.sourceSnapshots) {
    if (
      await unlessGone(() =>
        ctx.clients.rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: s.id })),
      )
    ) {
      removed.push(`DB snapshot ${s.id}`);
    }
  }
  return removed;
}

/** Deregisters the image, then deletes its snapshots (which an image in use would keep). */
export async function retireImage(ctx: RetireContext, d: ImageDecision): Promise<Removed[]> {
  const { image } = d;
  guard('image', image.id, image.tags, ctx.who);
  const removed: Removed[] = [];
  if (await unlessGone(() => ctx.clients.ec2.send(new DeregisterImageCommand({ ImageId: image.id })))) {
    removed.push(`image ${image.id} (${image.name})`);
  }
  for (const id of image.snapshotIds) {
    if (await unlessGone(() => ctx.clients.ec2.send(new DeleteSnapshotCommand({ SnapshotId: id })))) {
      removed.push(`snapshot ${id}`);
    }
  }
  return removed;
}

/** What would go, resource by resource, for the dry run and the summary. */
export function describeResources(
  d: Decision,
  ctx: Pick<RetireContext, 'who' | 'zone' | 'finalSnapshot'>,
): string[] {
  const r = d.resources;
  return [
    ...(r.loadBalancers.length > 0
      ? [
          `DNS record ${buildDnsName({ ...ctx.who, build: d.build }, ctx.zone.name)} (if it aliases this build)`,
        ]
      : []),
    ...r.loadBalancers.flatMap((lb) => [
      ...lb.listenerArns.map(() => `listener of ${lb.name}`),
      `load balancer ${lb.name}`,
    ]),
    ...r.targetGroups.map((tg) => `target group ${tg.name}`),
    ...r.instances.map((i) => `instance ${i.id}`),
    ...r.databases.map(
      (db) =>
        `DB instance ${db.id}${ctx.finalSnapshot ? ` (final snapshot ${finalSnapshotId({ ...ctx.who, build: d.build })})` : ' (no final snapshot)'}`,
    ),
    ...r.sourceSnapshots.map((s) => `DB snapshot ${s.id}`),
  ];
}

export interface Outcome {
  waitedMs: number;
  removed: Map<string, Removed[]>;
  removedImages: Map<string, Removed[]>;
}

export async function carryOut(ctx: RetireContext, live: Live, p: Plan): Promise<Outcome> {
  const retiring = p.builds.filter((d) => d.retire);
  const images = p.images.filter((d) => d.retire);
  const outcome: Outcome = { waitedMs: 0, removed: new Map(), removedImages: new Map() };
  if (retiring.length > 0) outcome.waitedMs = await waitOutDrain(ctx, live, retiring);
  for (const d of retiring) {
    ctx.log(`Retiring build ${d.build} (${d.release}): ${d.reason}`);
    const removed = await retireBuild(ctx, d);
    for (const line of removed) ctx.log(`  deleted ${line}`);
    outcome.removed.set(d.build, removed);
  }
  for (const d of images) {
    const removed = await retireImage(ctx, d);
    for (const line of removed) ctx.log(`Deleted ${line}: ${d.reason}`);
    outcome.removedImages.set(d.image.id, removed);
  }
  return outcome;
}
