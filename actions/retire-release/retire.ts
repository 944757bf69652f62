// Carrying out the plan: wait until builds that recently served can no longer be reached
// (DNS answers cached by clients, connections draining from the target group), then, holding
// the name's lease (core's lease.ts: cutover and rollback take turns with it), read the name
// and its history again and delete only what is still to go: a rollback during the wait
// makes its build live again, and that build is then kept, with the reason logged. The name
// is read again right before each build goes, and every resource's own tags are read again
// right before it is deleted (core's assertManaged): one that is not immut's is left, with the
// reason logged. Deletion follows the order AWS and live clients need: the build's DNS name
// first (nobody new arrives), the Auto Scaling group (force-deleted with its servers, and gone
// before anything it uses goes), its launch template, listeners, load balancer, target group,
// any other servers, data.
// Something already gone counts as removed, so a re-run after a partial failure finishes.
import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import {
  DeleteSnapshotCommand,
  DeleteTagsCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  TerminateInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DeleteListenerCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeTagsCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  DeleteDBSnapshotCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { ChangeResourceRecordSetsCommand, type Route53Client } from '@aws-sdk/client-route-53';
import { formatDuration, type Clock } from '@immut/core/clock';
import { GuardError, UserError } from '@immut/core/errors';
import { type Zone, recordSetsAt } from '@immut/core/hosted-zone';
import { acquireLease, holdFor } from '@immut/core/lease';
import { bareDnsName, buildDnsName, finalSnapshotId } from '@immut/core/naming';
import { MANAGED_BY_VALUE, TAG, assertManaged, fromAwsTags, usedByTag, type Tags } from '@immut/core/tags';
import { type Deadline, waitFor } from '@immut/core/wait';
import type { Inventory, RoleEnv } from './discover.js';
import { deleteGroup, deleteTemplate, groupNow, templateTagsNow } from './fleet.js';
import type { Live } from './live.js';
import {
  type Decision,
  type ImageDecision,
  type Plan,
  type PlanSettings,
  type Release,
  plan,
} from './plan.js';

export interface RetireClients {
  autoscaling: AutoScalingClient;
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
  /** The role's name (lower case, no trailing dot), whose lease this run takes. */
  name: string;
  /** This run's URL, written into the lease. */
  run: string;
  /** Build id of this run, for the lease holder. */
  build: string;
  /** Reads the name and its history as they stand (live.ts's readLive). */
  readLive: () => Promise<Live>;
  inventory: Inventory;
  settings: PlanSettings;
}

/** The tag AWS puts on every server an Auto Scaling group launches: the group's name. */
const AUTOSCALING_GROUP_TAG = 'aws:autoscaling:groupName';

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
  'DBClusterNotFoundFault',
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

/**
 * Whether a resource, by its tags as read again just now, is still immut's for this role and
 * env (and this build, when given). Undefined tags mean it is gone. A resource that is not
 * immut's is left alone and the reason logged.
 */
function stillOurs(
  ctx: RetireContext,
  kind: string,
  id: string,
  tags: Tags | undefined,
  build?: string,
): boolean {
  if (tags === undefined) return false;
  try {
    guard(kind, id, tags, ctx.who);
    if (build !== undefined && tags[TAG.build] !== build) {
      throw new GuardError(
        `Refusing to modify ${kind} ${id}: it is tagged for build '${tags[TAG.build] ?? '(none)'}', not '${build}'.`,
      );
    }
    return true;
  } catch (error) {
    if (!(error instanceof GuardError)) throw error;
    ctx.log(`Leaving ${kind} ${id}: ${error.message}`);
    return false;
  }
}

/** Tags of one load balancer or target group as they are now; undefined when it is gone. */
async function elbTagsNow(ctx: RetireContext, arn: string): Promise<Tags | undefined> {
  try {
    const out = await ctx.clients.elb.send(new DescribeTagsCommand({ ResourceArns: [arn] }));
    const d = out.TagDescriptions?.find((t) => t.ResourceArn === arn);
    return d ? fromAwsTags(d.Tags) : undefined;
  } catch (error) {
    if (error instanceof Error && GONE.has(error.name)) return undefined;
    throw error;
  }
}

/** Tags of instances that still stand (not terminated), by id. */
async function instanceTagsNow(ctx: RetireContext, ids: string[]): Promise<Map<string, Tags>> {
  const out = new Map<string, Tags>();
  try {
    const page = await ctx.clients.ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
    for (const i of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      if (i.InstanceId && !['shutting-down', 'terminated'].includes(i.State?.Name ?? ''))
        out.set(i.InstanceId, fromAwsTags(i.Tags));
    }
  } catch (error) {
    // One unknown id fails the whole call: ask one by one to tell which are gone.
    if (!(error instanceof Error && GONE.has(error.name)) || ids.length === 1) {
      if (error instanceof Error && GONE.has(error.name)) return out;
      throw error;
    }
    for (const id of ids) for (const [k, v] of await instanceTagsNow(ctx, [id])) out.set(k, v);
  }
  return out;
}

async function dbTagsNow(ctx: RetireContext, id: string): Promise<Tags | undefined> {
  try {
    const out = await ctx.clients.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
    const db = out.DBInstances?.find((d) => d.DBInstanceIdentifier === id);
    return db && db.DBInstanceStatus !== 'deleting' ? fromAwsTags(db.TagList) : undefined;
  } catch (error) {
    if (error instanceof Error && GONE.has(error.name)) return undefined;
    throw error;
  }
}

async function clusterTagsNow(ctx: RetireContext, id: string): Promise<Tags | undefined> {
  try {
    const out = await ctx.clients.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
    const c = out.DBClusters?.find((x) => x.DBClusterIdentifier === id);
    return c && c.Status !== 'deleting' ? fromAwsTags(c.TagList) : undefined;
  } catch (error) {
    if (error instanceof Error && GONE.has(error.name)) return undefined;
    throw error;
  }
}

/** An Aurora clone, after its instances: with the final snapshot when asked for, else none. */
async function retireCluster(ctx: RetireContext, id: string, build: string): Promise<Removed | undefined> {
  if (!stillOurs(ctx, 'DB cluster', id, await clusterTagsNow(ctx, id), build)) return undefined;
  const snapshot = finalSnapshotId({ ...ctx.who, build });
  const deleted = await unlessGone(() =>
    ctx.clients.rds.send(
      new DeleteDBClusterCommand({
        DBClusterIdentifier: id,
        ...(ctx.finalSnapshot ? { FinalDBSnapshotIdentifier: snapshot } : { SkipFinalSnapshot: true }),
      }),
    ),
  );
  return deleted
    ? `DB cluster ${id}${ctx.finalSnapshot ? ` (final cluster snapshot ${snapshot})` : ''}`
    : undefined;
}

async function dbSnapshotTagsNow(ctx: RetireContext, id: string): Promise<Tags | undefined> {
  try {
    const out = await ctx.clients.rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: id }));
    const s = out.DBSnapshots?.find((d) => d.DBSnapshotIdentifier === id);
    return s ? fromAwsTags(s.TagList) : undefined;
  } catch (error) {
    if (error instanceof Error && GONE.has(error.name)) return undefined;
    throw error;
  }
}

async function imageTagsNow(ctx: RetireContext, id: string): Promise<Tags | undefined> {
  try {
    const out = await ctx.clients.ec2.send(new DescribeImagesCommand({ ImageIds: [id] }));
    const image = out.Images?.find((i) => i.ImageId === id);
    return image ? fromAwsTags(image.Tags) : undefined;
  } catch (error) {
    if (error instanceof Error && GONE.has(error.name)) return undefined;
    throw error;
  }
}

/** Tags of EBS snapshots that still exist, by id. */
async function snapshotTagsNow(ctx: RetireContext, ids: string[]): Promise<Map<string, Tags>> {
  const out = new Map<string, Tags>();
  for (const id of ids) {
    try {
      const page = await ctx.clients.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }));
      const snap = page.Snapshots?.find((x) => x.SnapshotId === id);
      if (snap) out.set(id, fromAwsTags(snap.Tags));
    } catch (error) {
      if (!(error instanceof Error && GONE.has(error.name))) throw error;
    }
  }
  return out;
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

/**
 * The build's Auto Scaling group, then its launch template: each re-read and guarded right
 * before it goes. The group is gone (servers terminated) before the template is deleted.
 */
async function retireFleet(ctx: RetireContext, d: Decision): Promise<Removed[]> {
  const removed: Removed[] = [];
  const { autoscaling, ec2 } = ctx.clients;
  for (const g of d.resources.groups) {
    const now = await groupNow(autoscaling, g.name);
    if (!stillOurs(ctx, 'Auto Scaling group', g.name, now?.tags, d.build) || !now) continue;
    const deletion = {
      autoscaling,
      clock: ctx.clock,
      log: ctx.log,
      remaining: () => ctx.deadline.remaining(),
    };
    if (await deleteGroup(deletion, now))
      removed.push(`Auto Scaling group ${g.name} (with its ${now.instances} server(s))`);
  }
  for (const t of d.resources.launchTemplates) {
    if (!stillOurs(ctx, 'launch template', t.name, await templateTagsNow(ec2, t.id), d.build)) continue;
    if (await deleteTemplate(ec2, t.id)) removed.push(`launch template ${t.name}`);
  }
  return removed;
}

export async function retireBuild(ctx: RetireContext, d: Decision): Promise<Removed[]> {
  const { who } = ctx;
  const r = d.resources;
  const removed: Removed[] = [];
  // Guard everything as discovered first: one foreign resource stops the build before anything
  // goes. Each is read again right before its own deletion below.
  for (const g of r.groups) guard('Auto Scaling group', g.name, g.tags, who);
  for (const t of r.launchTemplates) guard('launch template', t.name, t.tags, who);
  for (const lb of r.loadBalancers) guard('load balancer', lb.name, lb.tags, who);
  for (const tg of r.targetGroups) guard('target group', tg.name, tg.tags, who);
  for (const i of r.instances) guard('instance', i.id, i.tags, who);
  for (const db of r.databases)
    guard(db.kind === 'cluster' ? 'DB cluster' : 'DB instance', db.id, db.tags, who);
  for (const s of r.sourceSnapshots) guard('DB snapshot', s.id, s.tags, who);

  removed.push(...(await deleteBuildRecord(ctx, d)));
  removed.push(...(await retireFleet(ctx, d)));
  for (const lb of r.loadBalancers) {
    if (!stillOurs(ctx, 'load balancer', lb.name, await elbTagsNow(ctx, lb.arn), d.build)) continue;
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
    if (!stillOurs(ctx, 'target group', tg.name, await elbTagsNow(ctx, tg.arn), d.build)) continue;
    if (await deleteTargetGroup(ctx, tg.arn, tg.name)) removed.push(`target group ${tg.name}`);
  }
  if (r.instances.length > 0) {
    const now = await instanceTagsNow(
      ctx,
      r.instances.map((i) => i.id),
    );
    const ids = r.instances
      .map((i) => i.id)
      .filter((id) => stillOurs(ctx, 'instance', id, now.get(id), d.build));
    if (ids.length > 0) {
      await ctx.clients.ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }));
      removed.push(...ids.map((id) => `instance ${id}`));
    }
  }
  // Instances first: an Aurora clone is deleted only once its instances are (RDS refuses it).
  for (const db of r.databases.filter((x) => x.kind !== 'cluster')) {
    if (!stillOurs(ctx, 'DB instance', db.id, await dbTagsNow(ctx, db.id), d.build)) continue;
    const snapshot = finalSnapshotId({ ...who, build: d.build });
    // A cluster's instance has no snapshot of its own: the cluster's final snapshot holds the data.
    const final = ctx.finalSnapshot && !db.clusterId;
    const deleted = await unlessGone(() =>
      ctx.clients.rds.send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: db.id,
          ...(final ? { FinalDBSnapshotIdentifier: snapshot } : { SkipFinalSnapshot: true }),
          DeleteAutomatedBackups: true,
        }),
      ),
    );
    if (deleted) removed.push(`DB instance ${db.id}${final ? ` (final snapshot ${snapshot})` : ''}`);
  }
  for (const c of r.databases.filter((x) => x.kind === 'cluster')) {
    const gone = await retireCluster(ctx, c.id, d.build);
    if (gone) removed.push(gone);
  }
  for (const s of r.sourceSnapshots) {
    if (!stillOurs(ctx, 'DB snapshot', s.id, await dbSnapshotTagsNow(ctx, s.id), d.build)) continue;
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

/**
 * Deregisters the image, then deletes its snapshots (which an image in use would keep). The
 * image and each snapshot are read again first: a snapshot without immut's tags for this role
 * and env stays, whatever image it backed.
 */
export async function retireImage(ctx: RetireContext, d: ImageDecision): Promise<Removed[]> {
  const { image } = d;
  guard('image', image.id, image.tags, ctx.who);
  const removed: Removed[] = [];
  const snapshots = await snapshotTagsNow(ctx, image.snapshotIds);
  const tags = await imageTagsNow(ctx, image.id);
  if (tags !== undefined) {
    if (!stillOurs(ctx, 'image', image.id, tags)) return removed;
    if (await unlessGone(() => ctx.clients.ec2.send(new DeregisterImageCommand({ ImageId: image.id })))) {
      removed.push(`image ${image.id} (${image.name})`);
    }
  }
  for (const id of image.snapshotIds) {
    if (!stillOurs(ctx, 'snapshot', id, snapshots.get(id))) continue;
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
  // A group's servers go with the group (AWS tags each with the group's name).
  const inGroups = new Set(r.groups.map((g) => g.name));
  return [
    ...(r.loadBalancers.length > 0
      ? [
          `DNS record ${buildDnsName({ ...ctx.who, build: d.build }, ctx.zone.name)} (if it aliases this build)`,
        ]
      : []),
    ...r.groups.map((g) => `Auto Scaling group ${g.name} (with its ${g.instances} server(s))`),
    ...r.launchTemplates.map((t) => `launch template ${t.name}`),
    ...r.loadBalancers.flatMap((lb) => [
      ...lb.listenerArns.map(() => `listener of ${lb.name}`),
      `load balancer ${lb.name}`,
    ]),
    ...r.targetGroups.map((tg) => `target group ${tg.name}`),
    ...r.instances
      .filter((i) => !inGroups.has(i.tags[AUTOSCALING_GROUP_TAG] ?? ''))
      .map((i) => `instance ${i.id}`),
    ...[
      ...r.databases.filter((db) => db.kind !== 'cluster'),
      ...r.databases.filter((db) => db.kind === 'cluster'),
    ].map(
      (db) =>
        `${db.kind === 'cluster' ? 'DB cluster' : 'DB instance'} ${db.id}${ctx.finalSnapshot && !db.clusterId ? ` (final snapshot ${finalSnapshotId({ ...ctx.who, build: d.build })})` : ' (no final snapshot)'}`,
    ),
    ...r.sourceSnapshots.map((s) => `DB snapshot ${s.id}`),
  ];
}

export interface Outcome {
  waitedMs: number;
  removed: Map<string, Removed[]>;
  removedImages: Map<string, Removed[]>;
  /** Snapshots an earlier, interrupted retirement left without their image. */
  removedSnapshots: Removed[];
}

/**
 * Deletes immut's snapshots of this role and env whose image is gone (an earlier retirement
 * deregistered the image, then failed on DeleteSnapshot). Each is read again first.
 */
async function retireOrphanSnapshots(ctx: RetireContext): Promise<Removed[]> {
  const removed: Removed[] = [];
  const orphans = ctx.inventory.orphanSnapshots;
  const fresh = await snapshotTagsNow(
    ctx,
    orphans.map((s) => s.id),
  );
  for (const s of orphans) {
    if (!stillOurs(ctx, 'snapshot', s.id, fresh.get(s.id))) continue;
    if (await unlessGone(() => ctx.clients.ec2.send(new DeleteSnapshotCommand({ SnapshotId: s.id })))) {
      removed.push(`snapshot ${s.id} (its image ${s.imageId} is gone)`);
    }
  }
  return removed;
}

/** What about the name decides what may go: where it points and its history. */
function liveKey(live: Live): string {
  return JSON.stringify([[...live.pointsAt].sort(), live.weighted, live.history ?? null]);
}

/**
 * Narrows what is to go to what the plan for the name as it stands now still retires; a
 * build or image kept now is marked kept, with the reason logged.
 */
function narrow(ctx: RetireContext, retiring: Decision[], images: ImageDecision[], live: Live) {
  const fresh = plan(ctx.inventory, live, ctx.settings, ctx.who.env);
  const builds = retiring.filter((d) => {
    const now = fresh.builds.find((x) => x.build === d.build);
    if (!now || now.retire) return true;
    ctx.log(`Not retiring build ${d.build} after all: ${now.reason} (${live.name} changed since the plan).`);
    d.retire = false;
    d.reason = `${now.reason} (changed while retiring waited)`;
    return false;
  });
  const keptImages = images.filter((d) => {
    const now = fresh.images.find((x) => x.image.id === d.image.id);
    if (!now || now.retire) return true;
    ctx.log(
      `Not deleting image ${d.image.id} after all: ${now.reason} (${live.name} changed since the plan).`,
    );
    d.retire = false;
    d.reason = `${now.reason} (changed while retiring waited)`;
    return false;
  });
  return { builds, images: keptImages };
}

/**
 * Takes this env's `immut:used-by:<env>` tag off another env's image (and its snapshots)
 * once the build that ran it here is gone, so that env's retirement may delete the image.
 * Only the one key, only on immut's images of this role, read again first.
 */
async function releaseBorrowed(ctx: RetireContext, releases: readonly Release[], gone: ReadonlySet<string>) {
  const key = usedByTag(ctx.who.env);
  for (const { image, build } of releases) {
    if (!gone.has(build)) continue;
    const tags = await imageTagsNow(ctx, image.id);
    if (
      !tags ||
      tags[TAG.managedBy] !== MANAGED_BY_VALUE ||
      tags[TAG.role] !== ctx.who.role ||
      tags[key] !== build
    )
      continue;
    await ctx.clients.ec2.send(
      new DeleteTagsCommand({
        Resources: [image.id, ...image.snapshotIds],
        Tags: [{ Key: key, Value: build }],
      }),
    );
    ctx.log(
      `Released image ${image.id} (${image.tags[TAG.env]}): build ${build} no longer runs it here (${key} removed).`,
    );
  }
}

export async function carryOut(ctx: RetireContext, live: Live, p: Plan): Promise<Outcome> {
  let retiring = p.builds.filter((d) => d.retire);
  let images = p.images.filter((d) => d.retire);
  const outcome: Outcome = {
    waitedMs: 0,
    removed: new Map(),
    removedImages: new Map(),
    removedSnapshots: [],
  };
  if (retiring.length === 0 && images.length === 0 && ctx.inventory.orphanSnapshots.length === 0)
    return outcome; // p.releases only ever name builds that retire, so there are none either
  let seen = live;
  for (;;) {
    // The wait holds no lease: a rollback during it must not queue behind a retirement.
    if (retiring.length > 0) outcome.waitedMs += await waitOutDrain(ctx, seen, retiring);
    const lease = await acquireLease({
      route53: ctx.clients.route53,
      zoneId: ctx.zone.id,
      name: ctx.name,
      holder: `retire-release:${ctx.who.role}/${ctx.who.env}:${ctx.build}`,
      run: ctx.run,
      holdMs: holdFor(ctx.deadline.remaining()),
      clock: ctx.clock,
      deadline: ctx.deadline,
      log: ctx.log,
    });
    try {
      const now = await ctx.readLive();
      ({ builds: retiring, images } = narrow(ctx, retiring, images, now));
      if (liveKey(now) !== liveKey(seen) && retiring.length > 0) {
        const drain = drainMs(now, retiring);
        if (waitNeededMs(now, drain, ctx.clock.now()) > 0) {
          // The name moved during the wait: builds that served until then drain from now on.
          ctx.log(
            `${ctx.name} changed during the wait (now build ${now.history?.current.build ?? '(none)'}); waiting again before deleting anything.`,
          );
          seen = now;
          continue;
        }
      }
      for (const d of retiring) {
        // Read the name again right before this build goes (anything may change it).
        const latest = await ctx.readLive();
        const [still] = narrow(ctx, [d], [], latest).builds;
        if (!still) continue;
        ctx.log(`Retiring build ${d.build} (${d.release}): ${d.reason}`);
        const removed = await retireBuild(ctx, d);
        for (const line of removed) ctx.log(`  deleted ${line}`);
        outcome.removed.set(d.build, removed);
      }
      await releaseBorrowed(ctx, p.releases, new Set(outcome.removed.keys()));
      if (images.length > 0) ({ images } = narrow(ctx, [], images, await ctx.readLive()));
      for (const d of images) {
        const removed = await retireImage(ctx, d);
        for (const line of removed) ctx.log(`Deleted ${line}: ${d.reason}`);
        outcome.removedImages.set(d.image.id, removed);
      }
      outcome.removedSnapshots = await retireOrphanSnapshots(ctx);
      for (const line of outcome.removedSnapshots) ctx.log(`Deleted ${line}`);
      return outcome;
    } finally {
      await lease.release();
    }
  }
}
