// Making instances and snapshots, and moving them along their status timelines. Statuses
// advance lazily: every handler first calls `advance`, which applies what is due on the
// sandbox clock.
import { DURATIONS } from '../../durations.js';
import type { ServiceContext } from '../../service.js';
import { settle, timeline } from '../../timeline.js';
import { str, type Params } from '../common/params.js';
import type { Tag } from '../common/tags.js';
import { advanceClusters, type DbClusterSnapshot } from './cluster-state.js';
import { pgSnapshotName } from './postgres-backing.js';
import { automatedSnapshotId } from './rules.js';
import {
  instanceArn,
  RDS_TIMINGS,
  snapshotArn,
  type DbInstance,
  type DbSnapshot,
  type InstanceFields,
  type InstanceStatus,
  type MasterUserSecret,
  type RdsContext,
  type SnapshotStatus,
} from './state.js';

export function hexId(ctx: ServiceContext, length: number): string {
  const id = ctx.ids.next('x', length);
  return id.slice(id.indexOf('-') + 1);
}

export function uuid(ctx: ServiceContext): string {
  const h = hexId(ctx, 32).padEnd(32, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A Secrets Manager secret for ManageMasterUserPassword: `creating`, then `active`. */
export function newMasterUserSecret(
  ctx: ServiceContext,
  region: string,
  p: Params,
  now: number,
  owner: 'db' | 'cluster' = 'db',
): MasterUserSecret {
  return {
    arn: `arn:aws:secretsmanager:${region}:${ctx.accountId}:secret:rds!${owner}-${uuid(ctx)}-${hexId(ctx, 6)}`,
    kmsKeyId: str(p['MasterUserSecretKmsKeyId']) ?? `arn:aws:kms:${region}:${ctx.accountId}:key/${uuid(ctx)}`,
    activeAt: now + RDS_TIMINGS.masterSecretCreating,
  };
}

/** A new instance, `creating` for `creating` ms, then `backing-up` (when backups are on)
 *  and `available`, or `failAs` for a restore that fails. */
export function newInstance(
  ctx: ServiceContext,
  region: string,
  id: string,
  fields: InstanceFields,
  creating: number,
  failAs?: InstanceStatus,
): DbInstance {
  const now = ctx.clock.now();
  const backups = fields.backupRetentionPeriod > 0;
  const steps: Array<[number, InstanceStatus]> = failAs
    ? [[creating, failAs]]
    : backups
      ? [
          [creating, 'backing-up'],
          [DURATIONS.rdsBackingUp, 'available'],
        ]
      : [[creating, 'available']];
  return {
    ...fields,
    id,
    arn: instanceArn(ctx, region, id),
    region,
    resourceId: `db-${hexId(ctx, 26).toUpperCase()}`,
    requestedAt: now,
    createdAt: now + creating,
    timeline: timeline<InstanceStatus>(now, 'creating', steps),
    pendingModifiedValues: {},
    initialBackupAt: backups && !failAs ? now + creating : undefined,
    initialBackupTaken: false,
    earliestRestorableAt: backups && !failAs ? now + creating : undefined,
  };
}

/** A snapshot of `inst` taken at `at`, `creating` for `creating` ms. */
export function snapshotFrom(
  ctx: ServiceContext,
  inst: DbInstance,
  id: string,
  type: 'automated' | 'manual',
  at: number,
  creating: number,
  tags: Tag[] = [],
): DbSnapshot {
  return {
    id,
    arn: snapshotArn(ctx, inst.region, id),
    instanceId: inst.id,
    type,
    region: inst.region,
    createdAt: at,
    timeline: timeline<SnapshotStatus>(at, 'creating', [[creating, 'available']]),
    engine: inst.engine,
    engineVersion: inst.engineVersion,
    licenseModel: inst.licenseModel,
    instanceClass: inst.instanceClass,
    allocatedStorage: inst.allocatedStorage,
    storageType: inst.storageType,
    iops: inst.iops,
    port: inst.port,
    availabilityZone: inst.availabilityZone,
    instanceCreateTime: inst.createdAt,
    masterUsername: inst.masterUsername,
    dbName: inst.dbName,
    encrypted: inst.storageEncrypted,
    kmsKeyId: inst.kmsKeyId,
    backupRetentionPeriod: inst.backupRetentionPeriod,
    preferredBackupWindow: inst.preferredBackupWindow,
    dbiResourceId: inst.resourceId,
    tags,
  };
}

/** Applies every due transition: statuses, removal of deleted instances, the initial
 *  automated backup of instances that reached backing-up. */
export async function advance(rds: RdsContext, ctx: ServiceContext): Promise<void> {
  const now = ctx.clock.now();
  for (const inst of Object.values(rds.state.instances)) {
    const status = settle(inst.timeline, now);
    if (status === 'deleted') {
      delete rds.state.instances[inst.id];
      continue;
    }
    if (
      inst.initialBackupAt !== undefined &&
      !inst.initialBackupTaken &&
      now >= inst.initialBackupAt &&
      status !== 'deleting'
    ) {
      inst.initialBackupTaken = true;
      await takeInitialBackup(rds, ctx, inst, inst.initialBackupAt);
    }
  }
  for (const snap of Object.values(rds.state.snapshots)) settle(snap.timeline, now);
  advanceClusters(rds.state, now);
}

async function takeInitialBackup(
  rds: RdsContext,
  ctx: ServiceContext,
  inst: DbInstance,
  at: number,
): Promise<void> {
  const snap = snapshotFrom(
    ctx,
    inst,
    automatedSnapshotId(inst.id, at),
    'automated',
    at,
    DURATIONS.rdsBackingUp,
  );
  if (rds.state.snapshots[snap.id]) return;
  rds.state.snapshots[snap.id] = snap;
  if (inst.pgDatabase && rds.pg.uses(inst.engine)) {
    snap.pgDatabase = pgSnapshotName(snap.id, snap.createdAt);
    // An automated backup that cannot be cloned keeps its record, without data.
    await rds.pg
      .run((b) => b.cloneDatabase(inst.pgDatabase!, snap.pgDatabase!))
      .catch(() => {
        snap.pgDatabase = undefined;
      });
  }
}

/** Drops the database of an instance, cluster or snapshot on the PostgreSQL backend, if it
 *  has one. */
export async function dropBacking(rds: RdsContext, resource: { pgDatabase?: string }): Promise<void> {
  if (resource.pgDatabase && rds.pg.backend) await rds.pg.dropQuietly(resource.pgDatabase);
}

/** Removes a snapshot and drops its database, if it has one. */
export async function deleteSnapshotRecord(rds: RdsContext, snap: DbSnapshot): Promise<void> {
  delete rds.state.snapshots[snap.id];
  await dropBacking(rds, snap);
}

/** Removes a cluster snapshot and drops its database, if it has one. */
export async function deleteClusterSnapshotRecord(rds: RdsContext, snap: DbClusterSnapshot): Promise<void> {
  delete rds.state.clusterSnapshots[snap.id];
  await dropBacking(rds, snap);
}
