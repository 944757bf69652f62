// CreateDBInstance, DescribeDBInstances and DeleteDBInstance (ModifyDBInstance is in
// modify.ts).
import { DURATIONS } from '../../durations.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { transition } from '../../timeline.js';
import { missingParameter, required, str, type Params } from '../common/params.js';
import { createClusterInstance, deleteClusterInstance } from './cluster-instances.js';
import { combination, invalid, instanceExists, invalidInstanceState, snapshotExists } from './errors.js';
import {
  advance,
  deleteSnapshotRecord,
  dropBacking,
  newInstance,
  newMasterUserSecret,
  snapshotFrom,
  uuid,
} from './lifecycle.js';
import { bool, filterBy, int, lowerUnlessArn, pageOf, tagsParam, withTags } from './params.js';
import { cloneToSnapshot, createInstanceDatabase } from './postgres-backing.js';
import { renderInstance } from './render.js';
import {
  checkIdentifier,
  identifierParam,
  checkInstanceClass,
  checkMasterUsername,
  checkPassword,
  checkRetention,
  checkStorage,
  ENGINES,
  STORAGE_TYPES,
  type EngineInfo,
} from './rules.js';
import {
  getInstance,
  regionOf,
  statusOf,
  type DbInstance,
  type DbSnapshot,
  type InstanceFields,
  type InstanceStatus,
  type RdsContext,
} from './state.js';
import { sgsOrDefault } from './subnet-groups.js';

/** The request's checked settings that decide more than one field. */
interface CreateRequest {
  id: string;
  instanceClass: string;
  engine: string;
  engineInfo: EngineInfo;
  storageType: string;
  allocatedStorage: number;
  masterUsername: string;
  manage: boolean;
  retention: number;
}

/** CreateDBInstance's checks, in AWS's order. */
function checkCreate(rds: RdsContext, p: Params): CreateRequest {
  const id = identifierParam(p, 'DBInstanceIdentifier', 63);
  const instanceClass = required(p, 'DBInstanceClass', missingParameter);
  const engine = required(p, 'Engine', missingParameter).toLowerCase();
  const engineInfo = ENGINES[engine];
  if (!engineInfo) {
    if (engine.startsWith('aurora'))
      throw combination(
        `The engine ${engine} needs a DB cluster: create the cluster first and name it in DBClusterIdentifier.`,
      );
    throw invalid(`Invalid DB engine: ${engine}`);
  }
  checkInstanceClass(instanceClass);
  const storageType = str(p['StorageType']) ?? 'gp2';
  if (!STORAGE_TYPES.includes(storageType)) throw invalid(`Invalid storage type: ${storageType}`);
  const allocatedStorage = int(p, 'AllocatedStorage');
  if (allocatedStorage === undefined)
    throw invalid('The parameter AllocatedStorage must be provided for this engine.');
  checkStorage(engine, storageType, allocatedStorage);
  const masterUsername = str(p['MasterUsername']);
  if (!masterUsername) throw invalid('The parameter MasterUsername must be provided and must not be blank.');
  checkMasterUsername(masterUsername);
  const password = str(p['MasterUserPassword']);
  const manage = bool(p, 'ManageMasterUserPassword') ?? false;
  if (manage && password !== undefined)
    throw combination("You can't specify MasterUserPassword and ManageMasterUserPassword at the same time.");
  if (!manage) {
    if (!password) throw invalid('The parameter MasterUserPassword must be provided and must not be blank.');
    checkPassword(password);
  }
  const retention = int(p, 'BackupRetentionPeriod') ?? 1;
  checkRetention(retention);
  if (rds.state.instances[id]) throw instanceExists();
  return {
    id,
    instanceClass,
    engine,
    engineInfo,
    storageType,
    allocatedStorage,
    masterUsername,
    manage,
    retention,
  };
}

/** The new instance's fields: the request's, else the engine's defaults. */
function createFields(c: CreateRequest, p: Params, ctx: ServiceContext, region: string): InstanceFields {
  const tags = withTags([], tagsParam(p));
  const encrypted = bool(p, 'StorageEncrypted') ?? false;
  return {
    instanceClass: c.instanceClass,
    engine: c.engine,
    engineVersion: str(p['EngineVersion']) ?? c.engineInfo.version,
    licenseModel: str(p['LicenseModel']) ?? c.engineInfo.license,
    allocatedStorage: c.allocatedStorage,
    storageType: c.storageType,
    iops: int(p, 'Iops'),
    masterUsername: c.masterUsername,
    dbName: str(p['DBName']),
    port: int(p, 'Port') ?? c.engineInfo.port,
    backupRetentionPeriod: c.retention,
    preferredBackupWindow: str(p['PreferredBackupWindow']) ?? '03:00-03:30',
    preferredMaintenanceWindow: str(p['PreferredMaintenanceWindow']) ?? 'sun:05:00-sun:05:30',
    multiAz: bool(p, 'MultiAZ') ?? false,
    publiclyAccessible: bool(p, 'PubliclyAccessible') ?? false,
    autoMinorVersionUpgrade: bool(p, 'AutoMinorVersionUpgrade') ?? true,
    storageEncrypted: encrypted,
    kmsKeyId: encrypted
      ? (str(p['KmsKeyId']) ?? `arn:aws:kms:${region}:${ctx.accountId}:key/${uuid(ctx)}`)
      : undefined,
    deletionProtection: bool(p, 'DeletionProtection') ?? false,
    copyTagsToSnapshot: bool(p, 'CopyTagsToSnapshot') ?? false,
    vpcSecurityGroupIds: sgsOrDefault(p),
    dbSubnetGroupName: str(p['DBSubnetGroupName']) ?? 'default',
    parameterGroupName: str(p['DBParameterGroupName']) ?? `default.${c.engineInfo.family}`,
    availabilityZone: str(p['AvailabilityZone']) ?? `${region}a`,
    tags,
  };
}

export async function createDbInstance(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  // An instance in an Aurora cluster is compute over the cluster's storage (cluster-instances.ts).
  if (str(req.params['DBClusterIdentifier'])) return createClusterInstance(rds, req, ctx);
  await advance(rds, ctx);
  const p = req.params;
  const c = checkCreate(rds, p);
  const region = regionOf(req, ctx);
  const now = ctx.clock.now();
  const inst = newInstance(ctx, region, c.id, createFields(c, p, ctx, region), DURATIONS.rdsCreating);
  if (c.manage) inst.masterUserSecret = newMasterUserSecret(ctx, region, p, now);
  rds.state.instances[c.id] = inst;
  try {
    await createInstanceDatabase(rds.pg, inst);
  } catch (err) {
    delete rds.state.instances[c.id];
    throw err;
  }
  return { DBInstance: renderInstance(inst, rds.pg, ctx) };
}

export async function describeDbInstances(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const idParam = str(p['DBInstanceIdentifier']);
  let items = Object.values(rds.state.instances).sort((a, b) => a.id.localeCompare(b.id));
  if (idParam) items = [getInstance(rds.state, idParam)];
  items = filterBy(items, p, {
    names: ['db-instance-id', 'dbi-resource-id', 'engine', 'db-cluster-id', 'domain'],
    normalize: { 'db-instance-id': lowerUnlessArn },
    fields: (i: DbInstance, name) => {
      if (name === 'db-instance-id') return [i.id, i.arn];
      if (name === 'dbi-resource-id') return [i.resourceId];
      if (name === 'engine') return [i.engine];
      if (name === 'db-cluster-id') return i.clusterId ? [i.clusterId] : [];
      return []; // no directory domains in the sandbox
    },
  });
  const { page, marker } = pageOf(items, p);
  return { DBInstances: page.map((i) => renderInstance(i, rds.pg, ctx)), Marker: marker };
}

/** DeleteDBInstance's final snapshot record, after its checks (not yet stored). */
function finalSnapshot(
  rds: RdsContext,
  ctx: ServiceContext,
  inst: DbInstance,
  finalIdParam: string,
  status: InstanceStatus,
  now: number,
): DbSnapshot {
  const finalId = checkIdentifier('FinalDBSnapshotIdentifier', finalIdParam, 255);
  if (status !== 'available')
    throw invalidInstanceState(`Instance is currently ${status} - a final snapshot cannot be taken.`);
  if (rds.state.snapshots[finalId]) throw snapshotExists(finalId);
  const tags = inst.copyTagsToSnapshot ? [...inst.tags] : [];
  return snapshotFrom(ctx, inst, finalId, 'manual', now, DURATIONS.rdsSnapshotCreating, tags);
}

export async function deleteDbInstance(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const inst = getInstance(rds.state, required(p, 'DBInstanceIdentifier', missingParameter));
  if (inst.clusterId) return deleteClusterInstance(rds, inst, p, ctx);
  const now = ctx.clock.now();
  const status = statusOf(inst, now);
  const skip = bool(p, 'SkipFinalSnapshot') ?? false;
  const finalIdParam = str(p['FinalDBSnapshotIdentifier']);
  if (status === 'deleting') throw invalidInstanceState(`Instance ${inst.id} is already being deleted.`);
  if (inst.deletionProtection)
    throw combination(
      'Cannot delete protected DB Instance, please disable deletion protection and try again.',
    );
  if (skip && finalIdParam)
    throw combination(
      'FinalDBSnapshotIdentifier can not be specified when deleting a DB instance with SkipFinalSnapshot set to true.',
    );
  if (!skip && !finalIdParam)
    throw combination('FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.');
  const finalSnap = skip ? undefined : finalSnapshot(rds, ctx, inst, finalIdParam!, status, now);
  const deleteAutomated = bool(p, 'DeleteAutomatedBackups') ?? true;
  if (finalSnap) {
    rds.state.snapshots[finalSnap.id] = finalSnap;
    await cloneToSnapshot(rds, inst, finalSnap);
  }
  transition(inst.timeline, now, 'deleting', [[DURATIONS.rdsDeleting, 'deleted']]);
  inst.initialBackupTaken = true; // no backups of a deleting instance
  const rendered = renderInstance(inst, rds.pg, ctx);
  if (deleteAutomated) {
    for (const snap of Object.values(rds.state.snapshots)) {
      if (snap.instanceId === inst.id && snap.type === 'automated') await deleteSnapshotRecord(rds, snap);
    }
  }
  await dropBacking(rds, inst);
  return { DBInstance: rendered };
}
