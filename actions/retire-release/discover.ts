// Finds everything immut created for one role and env, by tags alone (never by name: a
// look-alike name proves nothing), grouped by build. Only resources carrying
// immut:managed-by=immut and this role and env are returned; everything else is invisible to
// retirement. Bake builders (immut:component) belong to bake-image and are left alone.
import {
  DescribeImagesCommand,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeSnapshots,
  type EC2Client,
  type Instance,
  type Image as AwsImage,
} from '@aws-sdk/client-ec2';
import {
  DescribeListenersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBSnapshots,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { Identity } from '@immut/core/identity';
import { bareDnsName, sourceSnapshotId } from '@immut/core/naming';
import { MANAGED_BY_VALUE, TAG, fromAwsTags, roleFilters, usedByTag, type Tags } from '@immut/core/tags';
import { findGroups, findTemplates, type Group, type Template } from './fleet.js';

export type { Group, Template } from './fleet.js';

export type RoleEnv = Pick<Identity, 'role' | 'env'>;

export interface LoadBalancer {
  arn: string;
  name: string;
  /** Lower case, no trailing dot, no `dualstack.`. */
  dnsName: string;
  zoneId: string;
  listenerArns: string[];
  tags: Tags;
}
export interface TargetGroup {
  arn: string;
  name: string;
  /** deregistration_delay.timeout_seconds, in ms. */
  deregistrationDelayMs: number;
  tags: Tags;
}
export interface Server {
  id: string;
  state: string;
  imageId: string;
  tags: Tags;
}
export interface Database {
  id: string;
  status: string;
  tags: Tags;
  /** `cluster`: an Aurora DB cluster (replicate-data's clone), deleted after its instances. */
  kind?: 'cluster';
  /** The Aurora DB cluster a DB instance is a member of (its writer). */
  clusterId?: string;
}
export interface DbSnapshot {
  id: string;
  tags: Tags;
}
export interface Image {
  id: string;
  name: string;
  state: string;
  created: string;
  snapshotIds: string[];
  tags: Tags;
}

/** What one build left standing. */
export interface BuildResources {
  build: string;
  release: string;
  /** launch-behind-lb's Auto Scaling group and launch template of this build. */
  groups: Group[];
  launchTemplates: Template[];
  loadBalancers: LoadBalancer[];
  targetGroups: TargetGroup[];
  instances: Server[];
  databases: Database[];
  /** replicate-data's `-source` snapshot of this build (`from: new-snapshot`). */
  sourceSnapshots: DbSnapshot[];
}

/** An EBS snapshot of immut's for this role and env whose image is gone: what a retirement
 *  interrupted between DeregisterImage and DeleteSnapshot leaves behind. */
export interface OrphanSnapshot {
  id: string;
  /** The image it was made for, as EC2 wrote it in the snapshot's description. */
  imageId: string;
  tags: Tags;
}

export interface Inventory {
  builds: BuildResources[];
  images: Image[];
  /** Other envs' images of the role that this env's builds run (promotions mark them
   *  `immut:used-by:<this env>`); optional so inventories made without them still plan. */
  borrowed?: Image[];
  orphanSnapshots: OrphanSnapshot[];
}

export interface DiscoverClients {
  autoscaling: AutoScalingClient;
  ec2: EC2Client;
  elb: ElasticLoadBalancingV2Client;
  rds: RDSClient;
}

/** AWS's default deregistration delay, used when the attribute cannot be read. */
const DEFAULT_DEREGISTRATION_DELAY_MS = 300_000;
/** DescribeTags takes at most 20 ARNs. */
const ELB_TAG_BATCH = 20;

export function belongs(tags: Tags, who: RoleEnv): boolean {
  return tags[TAG.managedBy] === MANAGED_BY_VALUE && tags[TAG.role] === who.role && tags[TAG.env] === who.env;
}

async function elbTags(elb: ElasticLoadBalancingV2Client, arns: string[]): Promise<Map<string, Tags>> {
  const out = new Map<string, Tags>();
  for (let i = 0; i < arns.length; i += ELB_TAG_BATCH) {
    const page = await elb.send(new DescribeTagsCommand({ ResourceArns: arns.slice(i, i + ELB_TAG_BATCH) }));
    for (const d of page.TagDescriptions ?? []) {
      if (d.ResourceArn) out.set(d.ResourceArn, fromAwsTags(d.Tags));
    }
  }
  return out;
}

async function loadBalancers(elb: ElasticLoadBalancingV2Client, who: RoleEnv): Promise<LoadBalancer[]> {
  const all: Array<{ arn: string; name: string; dnsName: string; zoneId: string }> = [];
  for await (const page of paginateDescribeLoadBalancers({ client: elb }, {})) {
    for (const lb of page.LoadBalancers ?? []) {
      if (!lb.LoadBalancerArn) continue;
      all.push({
        arn: lb.LoadBalancerArn,
        name: lb.LoadBalancerName ?? '',
        dnsName: bareDnsName(lb.DNSName ?? ''),
        zoneId: lb.CanonicalHostedZoneId ?? '',
      });
    }
  }
  const tags = await elbTags(
    elb,
    all.map((lb) => lb.arn),
  );
  const mine = all.filter((lb) => belongs(tags.get(lb.arn) ?? {}, who));
  return Promise.all(
    mine.map(async (lb) => {
      const listeners = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.arn }));
      return {
        ...lb,
        listenerArns: (listeners.Listeners ?? []).flatMap((l) => (l.ListenerArn ? [l.ListenerArn] : [])),
        tags: tags.get(lb.arn) ?? {},
      };
    }),
  );
}

async function deregistrationDelayMs(elb: ElasticLoadBalancingV2Client, arn: string): Promise<number> {
  const out = await elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: arn }));
  const value = out.Attributes?.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) * 1000 : DEFAULT_DEREGISTRATION_DELAY_MS;
}

async function targetGroups(elb: ElasticLoadBalancingV2Client, who: RoleEnv): Promise<TargetGroup[]> {
  const all: Array<{ arn: string; name: string }> = [];
  for await (const page of paginateDescribeTargetGroups({ client: elb }, {})) {
    for (const tg of page.TargetGroups ?? []) {
      if (tg.TargetGroupArn) all.push({ arn: tg.TargetGroupArn, name: tg.TargetGroupName ?? '' });
    }
  }
  const tags = await elbTags(
    elb,
    all.map((tg) => tg.arn),
  );
  const mine = all.filter((tg) => belongs(tags.get(tg.arn) ?? {}, who));
  return Promise.all(
    mine.map(async (tg) => ({
      ...tg,
      deregistrationDelayMs: await deregistrationDelayMs(elb, tg.arn),
      tags: tags.get(tg.arn) ?? {},
    })),
  );
}

async function instances(ec2: EC2Client, who: RoleEnv): Promise<Server[]> {
  const found: Instance[] = [];
  const pages = paginateDescribeInstances(
    { client: ec2, pageSize: 1000 },
    {
      Filters: [
        ...roleFilters(who),
        // Terminated instances stay visible for an hour; they are already gone.
        { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
      ],
    },
  );
  for await (const page of pages) {
    for (const r of page.Reservations ?? []) found.push(...(r.Instances ?? []));
  }
  return found
    .map((i) => ({
      id: i.InstanceId ?? '',
      state: i.State?.Name ?? 'unknown',
      imageId: i.ImageId ?? '',
      tags: fromAwsTags(i.Tags),
    }))
    .filter((i) => i.id !== '' && belongs(i.tags, who) && i.tags[TAG.component] === undefined);
}

async function databases(rds: RDSClient, who: RoleEnv): Promise<Database[]> {
  const found: Database[] = [];
  for await (const page of paginateDescribeDBInstances({ client: rds, pageSize: 100 }, {})) {
    for (const db of page.DBInstances ?? []) {
      const tags = fromAwsTags(db.TagList);
      // An instance already being deleted is on its way out: nothing left to do for it.
      if (db.DBInstanceIdentifier && belongs(tags, who) && db.DBInstanceStatus !== 'deleting') {
        found.push({
          id: db.DBInstanceIdentifier,
          status: db.DBInstanceStatus ?? 'unknown',
          tags,
          ...(db.DBClusterIdentifier ? { clusterId: db.DBClusterIdentifier } : {}),
        });
      }
    }
  }
  // Aurora clones after the instances: a cluster is deleted only once its instances are.
  for await (const page of paginateDescribeDBClusters({ client: rds, pageSize: 100 }, {})) {
    for (const c of page.DBClusters ?? []) {
      const tags = fromAwsTags(c.TagList);
      if (c.DBClusterIdentifier && belongs(tags, who) && c.Status !== 'deleting')
        found.push({ id: c.DBClusterIdentifier, status: c.Status ?? 'unknown', tags, kind: 'cluster' });
    }
  }
  return found;
}

async function sourceSnapshots(rds: RDSClient, who: RoleEnv): Promise<DbSnapshot[]> {
  const found: DbSnapshot[] = [];
  const pages = paginateDescribeDBSnapshots({ client: rds, pageSize: 100 }, { SnapshotType: 'manual' });
  for await (const page of pages) {
    for (const s of page.DBSnapshots ?? []) {
      const tags = fromAwsTags(s.TagList);
      const build = tags[TAG.build];
      // Only the snapshot replicate-data names for that build; final snapshots are kept.
      if (
        s.DBSnapshotIdentifier &&
        build &&
        belongs(tags, who) &&
        s.DBSnapshotIdentifier === sourceSnapshotId({ ...who, build })
      ) {
        found.push({ id: s.DBSnapshotIdentifier, tags });
      }
    }
  }
  return found;
}

async function images(ec2: EC2Client, who: RoleEnv): Promise<Image[]> {
  const out = await ec2.send(new DescribeImagesCommand({ Owners: ['self'], Filters: roleFilters(who) }));
  return imagesOf(out.Images).filter((i) => belongs(i.tags, who));
}

/** The role's images of other envs marked as used by this env (promotion, tag-release). */
async function borrowedImages(ec2: EC2Client, who: RoleEnv): Promise<Image[]> {
  const out = await ec2.send(
    new DescribeImagesCommand({
      Owners: ['self'],
      Filters: [
        { Name: `tag:${TAG.managedBy}`, Values: [MANAGED_BY_VALUE] },
        { Name: `tag:${TAG.role}`, Values: [who.role] },
        { Name: 'tag-key', Values: [usedByTag(who.env)] },
      ],
    }),
  );
  return imagesOf(out.Images).filter(
    (i) =>
      i.tags[TAG.managedBy] === MANAGED_BY_VALUE &&
      i.tags[TAG.role] === who.role &&
      i.tags[TAG.env] !== who.env,
  );
}

function imagesOf(found: AwsImage[] | undefined): Image[] {
  return (found ?? [])
    .map((i) => ({
      id: i.ImageId ?? '',
      name: i.Name ?? '',
      state: i.State ?? 'unknown',
      created: i.CreationDate ?? '',
      snapshotIds: (i.BlockDeviceMappings ?? []).flatMap((b) =>
        b.Ebs?.SnapshotId ? [b.Ebs.SnapshotId] : [],
      ),
      tags: fromAwsTags(i.Tags),
    }))
    .filter((i) => i.id !== '');
}

/** EC2 describes the snapshots it makes for an image: `Created by CreateImage(i-…) for ami-…`,
 *  `Copied for DestinationAmi ami-… from SourceAmi ami-…`. */
const MADE_FOR = /\bfor (?:DestinationAmi )?(ami-[0-9a-f]{8,17})\b/;

/**
 * immut's completed snapshots for the role and env that were made for an image that no longer
 * exists and that no image of the account uses. A snapshot of an image still being made names
 * an image that exists (pending), so a concurrent bake's snapshot is never taken for one.
 */
async function orphanSnapshots(ec2: EC2Client, who: RoleEnv): Promise<OrphanSnapshot[]> {
  const images = new Set<string>();
  const used = new Set<string>();
  for await (const page of paginateDescribeImages({ client: ec2 }, { Owners: ['self'] })) {
    for (const image of page.Images ?? []) {
      if (image.ImageId) images.add(image.ImageId);
      for (const b of image.BlockDeviceMappings ?? []) if (b.Ebs?.SnapshotId) used.add(b.Ebs.SnapshotId);
    }
  }
  const found: OrphanSnapshot[] = [];
  const pages = paginateDescribeSnapshots({ client: ec2 }, { OwnerIds: ['self'], Filters: roleFilters(who) });
  for await (const page of pages) {
    for (const s of page.Snapshots ?? []) {
      const tags = fromAwsTags(s.Tags);
      const imageId = MADE_FOR.exec(s.Description ?? '')?.[1];
      if (!s.SnapshotId || !imageId || s.State !== 'completed' || !belongs(tags, who)) continue;
      if (images.has(imageId) || used.has(s.SnapshotId)) continue;
      found.push({ id: s.SnapshotId, imageId, tags });
    }
  }
  return found;
}

/** Groups resources by their immut:build tag. */
function byBuild(parts: {
  groups: Group[];
  launchTemplates: Template[];
  loadBalancers: LoadBalancer[];
  targetGroups: TargetGroup[];
  instances: Server[];
  databases: Database[];
  sourceSnapshots: DbSnapshot[];
}): BuildResources[] {
  const builds = new Map<string, BuildResources>();
  const of = (tags: Tags): BuildResources | undefined => {
    const build = tags[TAG.build];
    if (!build) return undefined;
    let entry = builds.get(build);
    if (!entry) {
      entry = {
        build,
        release: '',
        groups: [],
        launchTemplates: [],
        loadBalancers: [],
        targetGroups: [],
        instances: [],
        databases: [],
        sourceSnapshots: [],
      };
      builds.set(build, entry);
    }
    const release = tags[TAG.release];
    if (!entry.release && release) entry.release = release;
    return entry;
  };
  const kinds = [
    'groups',
    'launchTemplates',
    'loadBalancers',
    'targetGroups',
    'instances',
    'databases',
    'sourceSnapshots',
  ] as const;
  for (const key of kinds) {
    for (const item of parts[key]) (of(item.tags)?.[key] as Array<typeof item> | undefined)?.push(item);
  }
  return [...builds.values()].map((b) => ({ ...b, release: b.release || `${b.build}` }));
}

export async function discover(clients: DiscoverClients, who: RoleEnv): Promise<Inventory> {
  const [groups, templates, lbs, tgs, servers, dbs, snaps, imgs, orphans, borrowed] = await Promise.all([
    findGroups(clients.autoscaling, who),
    findTemplates(clients.ec2, who),
    loadBalancers(clients.elb, who),
    targetGroups(clients.elb, who),
    instances(clients.ec2, who),
    databases(clients.rds, who),
    sourceSnapshots(clients.rds, who),
    images(clients.ec2, who),
    orphanSnapshots(clients.ec2, who),
    borrowedImages(clients.ec2, who),
  ]);
  return {
    builds: byBuild({
      groups: groups.filter((g) => belongs(g.tags, who)),
      launchTemplates: templates.filter((t) => belongs(t.tags, who)),
      loadBalancers: lbs,
      targetGroups: tgs,
      instances: servers,
      databases: dbs,
      sourceSnapshots: snaps,
    }),
    images: imgs,
    borrowed,
    orphanSnapshots: orphans,
  };
}
