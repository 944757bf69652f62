// RDS's state and the lookups every handler shares. State is plain JSON; statuses advance
// lazily on read. Handlers get an `RdsContext` (the state, the PostgreSQL backing and the
// service's options) instead of closing over them; `createRdsService` owns the context
// and replaces `state` on reset/restore, so handlers read `rds.state` afresh after awaits.
import type { PostgresBackend } from '../../postgres.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { settle, type Timeline } from '../../timeline.js';
import type { Tag } from '../common/tags.js';
import type { DbCluster, DbClusterSnapshot } from './cluster-state.js';
import { instanceNotFound, snapshotNotFound } from './errors.js';
import type { PostgresBacking } from './postgres-backing.js';

export const MIN = 60_000;
export const DAY = 24 * 60 * MIN;

/** RDS-specific timings not in the shared DURATIONS table. */
export const RDS_TIMINGS = {
  /** LatestRestorableTime trails the present: "typically within the last five minutes"
   *  (RDS user guide, "Restoring a DB instance to a specified time"). */
  latestRestorableLag: 5 * MIN,
  /** A new Secrets Manager master-user secret is `creating`, then `active` (unsourced). */
  masterSecretCreating: 1 * MIN,
  /** resetting-master-credentials after a MasterUserPassword change (unsourced). */
  resettingCredentials: 1 * MIN,
};

export type InstanceStatus =
  | 'creating'
  | 'backing-up'
  | 'available'
  | 'modifying'
  | 'resetting-master-credentials'
  | 'deleting'
  | 'failed'
  | 'incompatible-restore'
  | 'deleted';

export type SnapshotStatus = 'creating' | 'available';

export interface MasterUserSecret {
  arn: string;
  kmsKeyId: string;
  activeAt: number;
}

export interface DbInstance {
  id: string;
  arn: string;
  region: string;
  resourceId: string;
  instanceClass: string;
  engine: string;
  engineVersion: string;
  licenseModel: string;
  allocatedStorage: number;
  storageType: string;
  iops?: number;
  masterUsername: string;
  dbName?: string;
  port: number;
  backupRetentionPeriod: number;
  preferredBackupWindow: string;
  preferredMaintenanceWindow: string;
  multiAz: boolean;
  publiclyAccessible: boolean;
  autoMinorVersionUpgrade: boolean;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  deletionProtection: boolean;
  copyTagsToSnapshot: boolean;
  vpcSecurityGroupIds: string[];
  dbSubnetGroupName?: string;
  parameterGroupName: string;
  availabilityZone: string;
  /** Sandbox ms: when the request was made. */
  requestedAt: number;
  /** Sandbox ms: when the instance left `creating` (InstanceCreateTime). */
  createdAt: number;
  timeline: Timeline<InstanceStatus>;
  tags: Tag[];
  masterUserSecret?: MasterUserSecret;
  /** The last MasterUserPassword change (sandbox ms): when it was asked for and when it takes
   *  effect. Only the times are kept: the backend PostgreSQL trusts loopback connections, so
   *  passwords are recorded, not verified. */
  masterPasswordChange?: { requestedAt: number; appliedAt: number };
  pendingModifiedValues: Record<string, string | number | boolean>;
  /** Sandbox ms when backing-up starts (the initial automated backup), if backups are on. */
  initialBackupAt?: number;
  initialBackupTaken: boolean;
  /** Earliest restorable time, for point-in-time restores. */
  earliestRestorableAt?: number;
  /** Name of the database on the PostgreSQL backend, when there is one. */
  pgDatabase?: string;
  /** The Aurora DB cluster this instance is a member of (its storage and data are the
   *  cluster's; cluster-instances.ts). */
  clusterId?: string;
}

/** What a new instance takes from its request (or restore source); the rest is derived. */
export type InstanceFields = Omit<
  DbInstance,
  | 'id'
  | 'arn'
  | 'region'
  | 'resourceId'
  | 'requestedAt'
  | 'createdAt'
  | 'timeline'
  | 'pendingModifiedValues'
  | 'initialBackupTaken'
  | 'initialBackupAt'
  | 'earliestRestorableAt'
>;

export interface DbSnapshot {
  id: string;
  arn: string;
  instanceId: string;
  type: 'automated' | 'manual';
  region: string;
  createdAt: number;
  timeline: Timeline<SnapshotStatus>;
  engine: string;
  engineVersion: string;
  licenseModel: string;
  instanceClass: string;
  allocatedStorage: number;
  storageType: string;
  iops?: number;
  port: number;
  availabilityZone: string;
  instanceCreateTime: number;
  masterUsername: string;
  dbName?: string;
  encrypted: boolean;
  kmsKeyId?: string;
  backupRetentionPeriod: number;
  preferredBackupWindow: string;
  dbiResourceId: string;
  tags: Tag[];
  pgDatabase?: string;
}

export interface RdsState {
  instances: Record<string, DbInstance>;
  snapshots: Record<string, DbSnapshot>;
  clusters: Record<string, DbCluster>;
  clusterSnapshots: Record<string, DbClusterSnapshot>;
}

export const emptyState = (): RdsState => ({
  instances: {},
  snapshots: {},
  clusters: {},
  clusterSnapshots: {},
});

/** State from a saved snapshot (see `snapshotState`); missing parts are empty. */
export function restoredState(saved: unknown): RdsState {
  const s = (saved ?? {}) as Partial<RdsState>;
  return {
    instances: { ...(s.instances ?? {}) },
    snapshots: { ...(s.snapshots ?? {}) },
    clusters: { ...(s.clusters ?? {}) },
    clusterSnapshots: { ...(s.clusterSnapshots ?? {}) },
  };
}

export interface RdsServiceOptions {
  /** A running PostgreSQL backend. Without one, `start(ctx)` launches its own when
   *  `ctx.options.postgres` is set, and `stop()` stops it. */
  postgres?: PostgresBackend;
}

/** What every handler works on. */
export interface RdsContext {
  state: RdsState;
  pg: PostgresBacking;
  options: RdsServiceOptions;
}

/** An operation, given the context explicitly; `createRdsService` binds it. */
export type RdsHandler = (
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
) => Promise<Record<string, unknown>>;

// ---- lookups ---------------------------------------------------------------------------

export const regionOf = (req: SandboxRequest | undefined, ctx: ServiceContext): string =>
  req?.region ?? ctx.region ?? 'us-east-1';

export const instanceArn = (ctx: ServiceContext, region: string, id: string): string =>
  `arn:aws:rds:${region}:${ctx.accountId}:db:${id}`;

export const snapshotArn = (ctx: ServiceContext, region: string, id: string): string =>
  `arn:aws:rds:${region}:${ctx.accountId}:snapshot:${id}`;

/** Accepts an identifier or an ARN of the given resource type. */
export function idFromArnOrId(value: string, type: 'db' | 'snapshot'): string {
  const m = /^arn:aws[a-z-]*:rds:[^:]*:[^:]*:([a-z-]+):(.+)$/.exec(value);
  if (m && m[1] === type) return m[2]!.toLowerCase();
  return value.toLowerCase();
}

/** The instance an identifier or ARN names, else DBInstanceNotFound. */
export function getInstance(state: RdsState, idOrArn: string): DbInstance {
  const id = idFromArnOrId(idOrArn, 'db');
  const inst = state.instances[id];
  if (!inst) throw instanceNotFound(id);
  return inst;
}

/** The snapshot an identifier or ARN names, else DBSnapshotNotFound. */
export function getSnapshot(state: RdsState, idOrArn: string): DbSnapshot {
  const id = idFromArnOrId(idOrArn, 'snapshot');
  const snap = state.snapshots[id];
  if (!snap) throw snapshotNotFound(id);
  return snap;
}

export function statusOf(inst: DbInstance, now: number): InstanceStatus {
  return settle(inst.timeline, now);
}

export function latestRestorableTime(inst: DbInstance, now: number): number | undefined {
  if (inst.backupRetentionPeriod <= 0 || inst.initialBackupAt === undefined || now < inst.initialBackupAt)
    return undefined;
  const status = statusOf(inst, now);
  if (status === 'failed' || status === 'incompatible-restore' || status === 'creating') return undefined;
  return Math.max(inst.initialBackupAt, now - RDS_TIMINGS.latestRestorableLag);
}
