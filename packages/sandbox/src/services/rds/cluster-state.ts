// Aurora DB clusters and DB cluster snapshots: their state, statuses and lookups. A cluster
// holds the storage (with a PostgreSQL backend: one database per aurora-postgresql cluster);
// its DB instances (state.ts, `clusterId`) are compute that reads and writes that storage.
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../service.js';
import { settle, type Timeline } from '../../timeline.js';
import type { Tag } from '../common/tags.js';
import { clusterNotFound, clusterSnapshotNotFound } from './errors.js';
import { DAY, RDS_TIMINGS, type MasterUserSecret, type RdsState } from './state.js';

export type ClusterStatus =
  | 'creating'
  | 'available'
  | 'modifying'
  | 'resetting-master-credentials'
  | 'deleting'
  | 'deleted'
  /** "Cloning a DB cluster failed" (Aurora user guide, "Viewing DB cluster status"). */
  | 'cloning-failed'
  /** A full copy or snapshot restore that failed; the cluster status list has no such
   *  value, so the sandbox uses the instances' `failed`. */
  | 'failed';

/** How the cluster's storage came to be. */
export type ClusterOrigin = 'created' | 'copy-on-write' | 'full-copy' | 'snapshot';

export interface DbCluster {
  id: string;
  arn: string;
  region: string;
  /** DbClusterResourceId, `cluster-<26 upper-case alphanumerics>`. */
  resourceId: string;
  engine: string;
  engineVersion: string;
  engineMode: 'provisioned';
  port: number;
  masterUsername: string;
  databaseName?: string;
  backupRetentionPeriod: number;
  preferredBackupWindow: string;
  preferredMaintenanceWindow: string;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  deletionProtection: boolean;
  copyTagsToSnapshot: boolean;
  vpcSecurityGroupIds: string[];
  dbSubnetGroupName: string;
  parameterGroupName: string;
  availabilityZones: string[];
  /** Aurora Serverless v2 capacity range (ACUs), for db.serverless members. */
  serverlessV2?: { min: number; max: number };
  requestedAt: number;
  createdAt: number;
  timeline: Timeline<ClusterStatus>;
  tags: Tag[];
  masterUserSecret?: MasterUserSecret;
  masterPasswordChange?: { requestedAt: number; appliedAt: number };
  origin: ClusterOrigin;
  /** The cluster whose storage a copy-on-write clone shares (a clone of a clone shares its
   *  source's root): the 15-clone limit counts per root. */
  copyRoot: string;
  /** CloneGroupId: the same for a cluster and its copy-on-write clones. */
  cloneGroupId: string;
  /** The database on the PostgreSQL backend, for aurora-postgresql with a backend. */
  pgDatabase?: string;
}

export interface DbClusterSnapshot {
  id: string;
  arn: string;
  clusterId: string;
  type: 'automated' | 'manual';
  region: string;
  createdAt: number;
  timeline: Timeline<'creating' | 'available'>;
  engine: string;
  engineVersion: string;
  port: number;
  masterUsername: string;
  databaseName?: string;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  clusterCreateTime: number;
  clusterResourceId: string;
  availabilityZones: string[];
  tags: Tag[];
  pgDatabase?: string;
}

export interface AuroraEngineInfo {
  version: string;
  port: number;
  family: string;
}

/** Aurora engines and their current default versions (RDS DescribeDBEngineVersions). */
export const AURORA_ENGINES: Record<string, AuroraEngineInfo> = {
  'aurora-postgresql': { version: '16.6', port: 5432, family: 'aurora-postgresql16' },
  'aurora-mysql': { version: '8.0.mysql_aurora.3.08.0', port: 3306, family: 'aurora-mysql8.0' },
};

/** The copy-on-write clone limit: "up to 15 clones based on a copy, including clones based
 *  on other clones. After that, only copies can be created" (Aurora user guide, "Cloning a
 *  volume for an Amazon Aurora DB cluster", Limitations). */
export const COPY_ON_WRITE_CLONE_LIMIT = 15;

export const clusterArn = (ctx: ServiceContext, region: string, id: string): string =>
  `arn:aws:rds:${region}:${ctx.accountId}:cluster:${id}`;

export const clusterSnapshotArn = (ctx: ServiceContext, region: string, id: string): string =>
  `arn:aws:rds:${region}:${ctx.accountId}:cluster-snapshot:${id}`;

/** An identifier, or the identifier of an ARN of the given type. */
export function clusterIdOf(value: string, type: 'cluster' | 'cluster-snapshot'): string {
  const m = /^arn:aws[a-z-]*:rds:[^:]*:[^:]*:([a-z-]+):(.+)$/.exec(value);
  if (m && m[1] === type) return m[2]!.toLowerCase();
  return value.toLowerCase();
}

export function getCluster(state: RdsState, idOrArn: string): DbCluster {
  const id = clusterIdOf(idOrArn, 'cluster');
  const cluster = state.clusters[id];
  if (!cluster) throw clusterNotFound(id);
  return cluster;
}

export function getClusterSnapshot(state: RdsState, idOrArn: string): DbClusterSnapshot {
  const id = clusterIdOf(idOrArn, 'cluster-snapshot');
  const snap = state.clusterSnapshots[id];
  if (!snap) throw clusterSnapshotNotFound(id);
  return snap;
}

export const clusterStatusOf = (c: DbCluster, now: number): ClusterStatus => settle(c.timeline, now);

const RESTORABLE: ReadonlySet<ClusterStatus> = new Set([
  'available',
  'modifying',
  'resetting-master-credentials',
]);

/** Aurora backs up continuously; the latest restorable time trails the present as an
 *  instance's does (RDS_TIMINGS.latestRestorableLag), never before the cluster existed. */
export function clusterLatestRestorable(c: DbCluster, now: number): number | undefined {
  if (c.backupRetentionPeriod <= 0 || !RESTORABLE.has(clusterStatusOf(c, now))) return undefined;
  return Math.max(c.createdAt, now - RDS_TIMINGS.latestRestorableLag);
}

/** The start of the backup retention period, never before the cluster existed. */
export function clusterEarliestRestorable(c: DbCluster, now: number): number | undefined {
  if (clusterLatestRestorable(c, now) === undefined) return undefined;
  return Math.max(c.createdAt, now - c.backupRetentionPeriod * DAY);
}

/** The members of a cluster (live or not yet removed), oldest first. */
export function membersOf(state: RdsState, clusterId: string) {
  return Object.values(state.instances)
    .filter((i) => i.clusterId === clusterId)
    .sort((a, b) => a.requestedAt - b.requestedAt || a.id.localeCompare(b.id));
}

/** The database holding a cluster's data: `cluster_<id>` (an underscore never occurs in an
 *  instance's identifier, which names an instance's database; and it needs no escaping in a
 *  connection URL), hashed when it would pass PostgreSQL's 63-byte identifier limit. */
export function pgClusterName(id: string, at: number): string {
  const name = `cluster_${id}`;
  return name.length <= 63
    ? name
    : `cluster_${createHash('sha1').update(`${id}@${at}`).digest('hex').slice(0, 40)}`;
}

/** Applies every due cluster transition; a deleted cluster leaves the state (its database
 *  was dropped when the deletion began). */
export function advanceClusters(state: RdsState, now: number): void {
  for (const c of Object.values(state.clusters)) {
    if (clusterStatusOf(c, now) === 'deleted') delete state.clusters[c.id];
  }
  for (const s of Object.values(state.clusterSnapshots)) settle(s.timeline, now);
}
