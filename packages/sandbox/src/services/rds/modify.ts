// ModifyDBInstance: settings that apply at once, settings that wait for the maintenance
// window unless ApplyImmediately, master credentials and backup retention.
import { DURATIONS } from '../../durations.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { transition, type Timeline } from '../../timeline.js';
import { missingParameter, required, str, strings, type Params } from '../common/params.js';
import { combination, invalid, invalidInstanceState } from './errors.js';
import { advance, deleteSnapshotRecord, newMasterUserSecret } from './lifecycle.js';
import { bool, int } from './params.js';
import { renderInstance } from './render.js';
import {
  checkInstanceClass,
  checkMasterCredentials,
  checkRetention,
  checkStorage,
  type MasterCredentials,
} from './rules.js';
import {
  getInstance,
  RDS_TIMINGS,
  statusOf,
  type DbInstance,
  type InstanceStatus,
  type MasterUserSecret,
  type RdsContext,
} from './state.js';

/** The settings ModifyDBInstance and ModifyDBCluster both apply at once. */
export function applySharedNow(
  target: Pick<DbInstance, 'deletionProtection' | 'copyTagsToSnapshot' | 'vpcSecurityGroupIds'>,
  p: Params,
): void {
  const deletionProtection = bool(p, 'DeletionProtection');
  if (deletionProtection !== undefined) target.deletionProtection = deletionProtection;
  const copyTags = bool(p, 'CopyTagsToSnapshot');
  if (copyTags !== undefined) target.copyTagsToSnapshot = copyTags;
  const sgs = strings(p['VpcSecurityGroupIds'], 'VpcSecurityGroupId');
  if (sgs.length > 0) target.vpcSecurityGroupIds = sgs;
}

/** Settings that apply at once. */
function applyNow(inst: DbInstance, p: Params): void {
  applySharedNow(inst, p);
  const backupWindow = str(p['PreferredBackupWindow']);
  if (backupWindow) inst.preferredBackupWindow = backupWindow;
  const maintenanceWindow = str(p['PreferredMaintenanceWindow']);
  if (maintenanceWindow) inst.preferredMaintenanceWindow = maintenanceWindow;
  const publiclyAccessible = bool(p, 'PubliclyAccessible');
  if (publiclyAccessible !== undefined) inst.publiclyAccessible = publiclyAccessible;
  const parameterGroup = str(p['DBParameterGroupName']);
  if (parameterGroup) inst.parameterGroupName = parameterGroup;
}

/** What ModifyDBInstance and ModifyDBCluster change about the master credentials. */
interface CredentialsOwner<S extends string> {
  region: string;
  masterUserSecret?: MasterUserSecret;
  masterPasswordChange?: { requestedAt: number; appliedAt: number };
  timeline: Timeline<S | CredentialsStatus | 'available'>;
}

type CredentialsStatus = 'modifying' | 'resetting-master-credentials';

/** Turns the Secrets Manager secret on or off (an instance's `rds!db-…`, a cluster's
 *  `rds!cluster-…`); the status the resource passes through. */
export function applyCredentials<S extends string>(
  target: CredentialsOwner<S>,
  c: MasterCredentials,
  p: Params,
  ctx: ServiceContext,
  now: number,
  owner: 'db' | 'cluster' = 'db',
): CredentialsStatus | undefined {
  let busy: CredentialsStatus | undefined;
  if (c.manage === true && !target.masterUserSecret) {
    target.masterUserSecret = newMasterUserSecret(ctx, target.region, p, now, owner);
    busy = 'modifying';
  } else if (c.manage === false && target.masterUserSecret) {
    target.masterUserSecret = undefined;
    busy = 'modifying';
  }
  if (c.password !== undefined) busy ??= 'resetting-master-credentials';
  return busy;
}

/** Puts a modified instance or cluster in `busy` now and back to `available` once it is
 *  done on the sandbox clock; a new password takes effect at that moment. */
export function scheduleModification<S extends string>(
  target: CredentialsOwner<S>,
  busy: CredentialsStatus,
  passwordChanged: boolean,
  now: number,
): void {
  const d =
    busy === 'resetting-master-credentials' ? RDS_TIMINGS.resettingCredentials : DURATIONS.rdsModifying;
  transition(target.timeline, now, busy, [[d, 'available']]);
  if (passwordChanged) target.masterPasswordChange = { requestedAt: now, appliedAt: now + d };
}

/** Class, storage and Multi-AZ: applied now with ApplyImmediately (then true: the instance
 *  is modifying), else pending until the maintenance window. */
function applyDeferred(
  inst: DbInstance,
  p: Params,
  instanceClass: string | undefined,
  storage: number | undefined,
  applyImmediately: boolean,
): boolean {
  const deferred: Record<string, string | number | boolean> = {};
  if (instanceClass !== undefined && instanceClass !== inst.instanceClass)
    deferred['DBInstanceClass'] = instanceClass;
  if (storage !== undefined && storage !== inst.allocatedStorage) deferred['AllocatedStorage'] = storage;
  const multiAz = bool(p, 'MultiAZ');
  if (multiAz !== undefined && multiAz !== inst.multiAz) deferred['MultiAZ'] = multiAz;
  if (!applyImmediately) {
    Object.assign(inst.pendingModifiedValues, deferred);
    return false;
  }
  if (deferred['DBInstanceClass'] !== undefined) inst.instanceClass = String(deferred['DBInstanceClass']);
  if (deferred['AllocatedStorage'] !== undefined)
    inst.allocatedStorage = Number(deferred['AllocatedStorage']);
  if (deferred['MultiAZ'] !== undefined) inst.multiAz = deferred['MultiAZ'] === true;
  return Object.keys(deferred).length > 0;
}

/** A new BackupRetentionPeriod; true when turning backups on makes the instance modifying. */
async function applyRetention(
  rds: RdsContext,
  inst: DbInstance,
  retention: number,
  now: number,
): Promise<boolean> {
  if (retention === inst.backupRetentionPeriod) return false;
  const was = inst.backupRetentionPeriod;
  inst.backupRetentionPeriod = retention;
  if (retention === 0) {
    // Turning backups off deletes the automated backups (RDS user guide, "Disabling
    // automated backups").
    for (const snap of Object.values(rds.state.snapshots)) {
      if (snap.instanceId === inst.id && snap.type === 'automated') await deleteSnapshotRecord(rds, snap);
    }
    inst.initialBackupAt = undefined;
    inst.earliestRestorableAt = undefined;
    return false;
  }
  if (was !== 0) return false;
  // Turning them on takes an immediate backup.
  inst.initialBackupAt = now;
  inst.initialBackupTaken = false;
  inst.earliestRestorableAt = now;
  return true;
}

export async function modifyDbInstance(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const inst = getInstance(rds.state, required(p, 'DBInstanceIdentifier', missingParameter));
  const now = ctx.clock.now();
  if (statusOf(inst, now) !== 'available')
    throw invalidInstanceState(`Database instance is not in available state.`);
  if (str(p['NewDBInstanceIdentifier']))
    throw invalid('Renaming a DB instance (NewDBInstanceIdentifier) is not supported by the sandbox.');
  const applyImmediately = bool(p, 'ApplyImmediately') ?? false;
  if (
    inst.clusterId &&
    (str(p['MasterUserPassword']) !== undefined || bool(p, 'ManageMasterUserPassword') !== undefined)
  )
    throw combination(
      `The DB instance ${inst.id} is a member of DB cluster ${inst.clusterId}. Set the master user password on the DB cluster (ModifyDBCluster).`,
    );
  const credentials = checkMasterCredentials(p, !!inst.masterUserSecret, 'an instance');
  const retention = int(p, 'BackupRetentionPeriod');
  if (retention !== undefined) checkRetention(retention);
  const storage = int(p, 'AllocatedStorage');
  if (storage !== undefined) {
    if (storage < inst.allocatedStorage)
      throw invalid(
        `Invalid storage size: ${storage}. Allocated storage can't be decreased (currently ${inst.allocatedStorage}).`,
      );
    checkStorage(inst.engine, inst.storageType, storage);
  }
  const instanceClass = str(p['DBInstanceClass']);
  if (instanceClass !== undefined) checkInstanceClass(instanceClass);

  applyNow(inst, p);
  let busy: InstanceStatus | undefined = applyCredentials(inst, credentials, p, ctx, now);
  if (applyDeferred(inst, p, instanceClass, storage, applyImmediately)) busy = 'modifying';
  if (retention !== undefined && (await applyRetention(rds, inst, retention, now))) busy = 'modifying';
  if (busy) scheduleModification(inst, busy, credentials.password !== undefined, now);
  return { DBInstance: renderInstance(inst, rds.pg, ctx) };
}
