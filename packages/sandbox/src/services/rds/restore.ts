// RestoreDBInstanceFromDBSnapshot and RestoreDBInstanceToPointInTime. A restore makes a new
// instance from the source's settings, overridden by the request; the `restore-fails`
// fault makes it end `failed` / `incompatible-restore` instead of `available`.
import { DURATIONS } from '../../durations.js';
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { settle } from '../../timeline.js';
import { iso, missingParameter, required, str, type Params } from '../common/params.js';
import { combination, instanceExists, instanceNotFound, invalid, invalidInstanceState } from './errors.js';
import { advance, newInstance } from './lifecycle.js';
import { bool, int, tagsParam, withTags } from './params.js';
import { createInstanceDatabase } from './postgres-backing.js';
import { renderInstance } from './render.js';
import { checkInstanceClass, checkRetention, ENGINES, identifierParam } from './rules.js';
import {
  DAY,
  getInstance,
  getSnapshot,
  latestRestorableTime,
  regionOf,
  statusOf,
  type DbInstance,
  type InstanceFields,
  type RdsContext,
} from './state.js';
import { sgsOrDefault } from './subnet-groups.js';

/** What a restore takes from its source, a snapshot or an instance. */
interface RestoreSource {
  instanceClass: string;
  engine: string;
  engineVersion: string;
  licenseModel: string;
  allocatedStorage: number;
  storageType: string;
  iops?: number;
  port: number;
  masterUsername: string;
  dbName?: string;
  encrypted: boolean;
  kmsKeyId?: string;
  backupRetentionPeriod: number;
  preferredBackupWindow: string;
}

/** Fields a restored instance takes from the request, else from its source. */
function restoredFields(p: Params, region: string, src: RestoreSource): InstanceFields {
  const engineInfo = ENGINES[src.engine];
  const instanceClass = str(p['DBInstanceClass']) ?? src.instanceClass;
  checkInstanceClass(instanceClass);
  const storage = int(p, 'AllocatedStorage') ?? src.allocatedStorage;
  if (storage < src.allocatedStorage)
    throw invalid(`Allocated storage ${storage} is smaller than the source's ${src.allocatedStorage} GiB.`);
  const retention = int(p, 'BackupRetentionPeriod') ?? src.backupRetentionPeriod;
  checkRetention(retention);
  return {
    instanceClass,
    engine: src.engine,
    engineVersion: src.engineVersion,
    licenseModel: str(p['LicenseModel']) ?? src.licenseModel,
    allocatedStorage: storage,
    storageType: str(p['StorageType']) ?? src.storageType,
    iops: int(p, 'Iops') ?? src.iops,
    masterUsername: src.masterUsername,
    dbName: src.dbName,
    port: int(p, 'Port') ?? src.port,
    backupRetentionPeriod: retention,
    preferredBackupWindow: str(p['PreferredBackupWindow']) ?? src.preferredBackupWindow,
    preferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    // Restores start Single-AZ unless asked (RDS API reference).
    multiAz: bool(p, 'MultiAZ') ?? false,
    publiclyAccessible: bool(p, 'PubliclyAccessible') ?? false,
    autoMinorVersionUpgrade: bool(p, 'AutoMinorVersionUpgrade') ?? true,
    storageEncrypted: src.encrypted,
    kmsKeyId: src.kmsKeyId,
    deletionProtection: bool(p, 'DeletionProtection') ?? false,
    copyTagsToSnapshot: bool(p, 'CopyTagsToSnapshot') ?? false,
    // The default security group and parameter group unless given.
    vpcSecurityGroupIds: sgsOrDefault(p),
    dbSubnetGroupName: str(p['DBSubnetGroupName']) ?? 'default',
    parameterGroupName: str(p['DBParameterGroupName']) ?? `default.${engineInfo?.family ?? src.engine}`,
    availabilityZone: str(p['AvailabilityZone']) ?? `${region}a`,
    tags: withTags([], tagsParam(p)),
  };
}

function checkRestoreOnlyOptions(p: Params, engine: string): void {
  // "ManageMasterUserPassword … RDS for Oracle only" on the instance-restore calls.
  if (bool(p, 'ManageMasterUserPassword') === true && !engine.startsWith('oracle')) {
    throw combination(
      'ManageMasterUserPassword is supported on restore for RDS for Oracle only; restore, then call ModifyDBInstance with ManageMasterUserPassword.',
    );
  }
}

export async function restoreDbInstanceFromDbSnapshot(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const id = identifierParam(p, 'DBInstanceIdentifier', 63);
  const snap = getSnapshot(rds.state, required(p, 'DBSnapshotIdentifier', missingParameter));
  if (rds.state.instances[id]) throw instanceExists();
  const now = ctx.clock.now();
  if (settle(snap.timeline, now) !== 'available')
    throw new AwsError('InvalidDBSnapshotState', `Snapshot ${snap.id} is not in the available state.`, 400);
  checkRestoreOnlyOptions(p, snap.engine);
  const region = regionOf(req, ctx);
  const fields = restoredFields(p, region, snap);
  // The restored instance "keeps the snapshot's master credentials".
  fields.masterUsername = snap.masterUsername;
  const fails = ctx.faults.active('restore-fails', {
    DBInstanceIdentifier: id,
    DBSnapshotIdentifier: snap.id,
    operation: 'RestoreDBInstanceFromDBSnapshot',
  });
  const inst = newInstance(ctx, region, id, fields, DURATIONS.rdsCreating, fails ? 'failed' : undefined);
  rds.state.instances[id] = inst;
  if (!fails && rds.pg.uses(inst.engine)) {
    // A snapshot taken without the backend (e.g. from a state file) has no database to
    // clone: the instance gets an empty one.
    try {
      await createInstanceDatabase(rds.pg, inst, snap.pgDatabase);
    } catch (err) {
      delete rds.state.instances[id];
      throw err;
    }
    inst.masterUsername = snap.masterUsername;
  }
  return { DBInstance: renderInstance(inst, rds.pg, ctx) };
}

/** The point-in-time restore's source, by identifier/ARN or by DbiResourceId. */
function pitrSource(rds: RdsContext, p: Params): DbInstance {
  const sourceParam = str(p['SourceDBInstanceIdentifier']);
  const sourceResource = str(p['SourceDbiResourceId']);
  if (!sourceParam && !sourceResource)
    throw invalid('One of SourceDBInstanceIdentifier or SourceDbiResourceId must be specified.');
  if (sourceParam) return getInstance(rds.state, sourceParam);
  const source = Object.values(rds.state.instances).find((i) => i.resourceId === sourceResource);
  if (!source) throw instanceNotFound(sourceResource!);
  return source;
}

/** The source must have backups and a restorable time, and RestoreTime must lie between
 *  the earliest and the latest restorable times. */
function checkRestoreWindow(source: DbInstance, restoreTime: string | undefined, now: number): void {
  if (source.backupRetentionPeriod === 0) {
    throw new AwsError(
      'PointInTimeRestoreNotEnabled',
      `Point-in-time restore is not enabled for the source DB instance ${source.id}: automated backups are disabled (BackupRetentionPeriod 0).`,
      400,
    );
  }
  const srcStatus = statusOf(source, now);
  const lrt = latestRestorableTime(source, now);
  if (lrt === undefined || srcStatus === 'deleting') {
    throw invalidInstanceState(
      `The source instance ${source.id} has no restorable time yet (status ${srcStatus}).`,
    );
  }
  if (restoreTime === undefined) return;
  const t = Date.parse(restoreTime);
  if (Number.isNaN(t)) throw invalid(`Invalid RestoreTime: ${restoreTime}`);
  const earliest = Math.max(source.earliestRestorableAt ?? lrt, now - source.backupRetentionPeriod * DAY);
  if (t > lrt || t < earliest) {
    throw new AwsError(
      'InvalidRestoreFault',
      `The restore time ${iso(t)} is not between the earliest restorable time ${iso(earliest)} and the latest restorable time ${iso(lrt)}.`,
      400,
    );
  }
}

const instanceAsSource = (i: DbInstance): RestoreSource => ({
  instanceClass: i.instanceClass,
  engine: i.engine,
  engineVersion: i.engineVersion,
  licenseModel: i.licenseModel,
  allocatedStorage: i.allocatedStorage,
  storageType: i.storageType,
  iops: i.iops,
  port: i.port,
  masterUsername: i.masterUsername,
  dbName: i.dbName,
  encrypted: i.storageEncrypted,
  kmsKeyId: i.kmsKeyId,
  backupRetentionPeriod: i.backupRetentionPeriod,
  preferredBackupWindow: i.preferredBackupWindow,
});

export async function restoreDbInstanceToPointInTime(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const target = identifierParam(p, 'TargetDBInstanceIdentifier', 63);
  const source = pitrSource(rds, p);
  const restoreTime = str(p['RestoreTime']);
  const useLatest = bool(p, 'UseLatestRestorableTime') ?? false;
  if (restoreTime !== undefined && useLatest)
    throw combination('Cannot specify both RestoreTime and UseLatestRestorableTime.');
  if (restoreTime === undefined && !useLatest)
    throw combination('Either RestoreTime or UseLatestRestorableTime must be specified.');
  if (rds.state.instances[target]) throw instanceExists();
  checkRestoreWindow(source, restoreTime, ctx.clock.now());
  checkRestoreOnlyOptions(p, source.engine);
  const region = regionOf(req, ctx);
  const fields = restoredFields(p, region, instanceAsSource(source));
  const fails = ctx.faults.active('restore-fails', {
    DBInstanceIdentifier: target,
    SourceDBInstanceIdentifier: source.id,
    operation: 'RestoreDBInstanceToPointInTime',
  });
  const failAs = fails ? 'incompatible-restore' : undefined;
  const inst = newInstance(ctx, region, target, fields, DURATIONS.rdsCreating, failAs);
  rds.state.instances[target] = inst;
  if (!fails && rds.pg.uses(inst.engine)) {
    // The sandbox restores from the source's latest state, whatever the RestoreTime.
    try {
      await createInstanceDatabase(rds.pg, inst, source.pgDatabase);
    } catch (err) {
      delete rds.state.instances[target];
      throw err;
    }
  }
  return { DBInstance: renderInstance(inst, rds.pg, ctx) };
}
