// DB instances in an Aurora cluster: CreateDBInstance with DBClusterIdentifier, and
// DeleteDBInstance of a member. A member has no storage or credentials of its own: it serves
// its cluster's database, so its endpoint, database and master user are the cluster's. The
// `restore-fails` fault (operation CreateDBInstance) makes a member end `failed`: an instance
// that never becomes available.
import { DURATIONS } from '../../durations.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { timeline, transition } from '../../timeline.js';
import { missingParameter, required, str, type Params } from '../common/params.js';
import { clusterStatusOf, getCluster, type DbCluster } from './cluster-state.js';
import { combination, instanceExists, invalidClusterState, invalidInstanceState } from './errors.js';
import { advance, hexId } from './lifecycle.js';
import { bool, tagsParam, withTags } from './params.js';
import { renderInstance } from './render.js';
import { checkInstanceClass, identifierParam } from './rules.js';
import {
  instanceArn,
  regionOf,
  statusOf,
  type DbInstance,
  type InstanceStatus,
  type RdsContext,
} from './state.js';

/** Settings that belong to the cluster, which a member's CreateDBInstance may not carry. */
const CLUSTER_SETTINGS = [
  'MasterUsername',
  'MasterUserPassword',
  'ManageMasterUserPassword',
  'AllocatedStorage',
  'BackupRetentionPeriod',
  'DBName',
  'StorageEncrypted',
  'VpcSecurityGroupIds',
];

/** CreateDBInstance's checks for a member, in AWS's order; the instance class. */
function checkMember(p: Params, c: DbCluster, now: number): string {
  const instanceClass = required(p, 'DBInstanceClass', missingParameter);
  const engine = required(p, 'Engine', missingParameter).toLowerCase();
  if (engine !== c.engine)
    throw combination(`The engine ${engine} does not match the DB cluster's engine ${c.engine}.`);
  const given = CLUSTER_SETTINGS.find((name) => p[name] !== undefined && p[name] !== '');
  if (given)
    throw combination(
      `The requested DB Instance will be a member of a DB Cluster. ${given} is set on the DB cluster, not on its instances.`,
    );
  if (instanceClass === 'db.serverless') {
    if (!c.serverlessV2)
      throw combination(
        `DB cluster ${c.id} has no ServerlessV2ScalingConfiguration; set one on the cluster before adding a db.serverless instance.`,
      );
  } else checkInstanceClass(instanceClass);
  // "You can create DB instances only after the restore has completed and the DB cluster is
  // available" (RDS API reference, RestoreDBClusterToPointInTime).
  const status = clusterStatusOf(c, now);
  if (status !== 'available')
    throw invalidClusterState(
      `DB cluster ${c.id} is ${status}; instances can be added only to an available cluster.`,
    );
  return instanceClass;
}

/** A member instance of cluster `c` (CreateDBInstance with DBClusterIdentifier). */
export function memberOf(
  ctx: ServiceContext,
  region: string,
  id: string,
  c: DbCluster,
  instanceClass: string,
  p: Params,
  failAs?: InstanceStatus,
): DbInstance {
  const now = ctx.clock.now();
  const creating = DURATIONS.auroraInstanceCreating;
  return {
    id,
    arn: instanceArn(ctx, region, id),
    region,
    resourceId: `db-${hexId(ctx, 26).toUpperCase()}`,
    instanceClass,
    engine: c.engine,
    engineVersion: c.engineVersion,
    licenseModel: c.engine === 'aurora-mysql' ? 'general-public-license' : 'postgresql-license',
    allocatedStorage: 1,
    storageType: 'aurora',
    masterUsername: c.masterUsername,
    dbName: c.databaseName,
    port: c.port,
    // Backups are the cluster's; the instance takes none of its own.
    backupRetentionPeriod: c.backupRetentionPeriod,
    preferredBackupWindow: c.preferredBackupWindow,
    preferredMaintenanceWindow: c.preferredMaintenanceWindow,
    multiAz: false,
    publiclyAccessible: bool(p, 'PubliclyAccessible') ?? false,
    autoMinorVersionUpgrade: bool(p, 'AutoMinorVersionUpgrade') ?? true,
    storageEncrypted: c.storageEncrypted,
    kmsKeyId: c.kmsKeyId,
    deletionProtection: false,
    copyTagsToSnapshot: c.copyTagsToSnapshot,
    vpcSecurityGroupIds: [...c.vpcSecurityGroupIds],
    dbSubnetGroupName: c.dbSubnetGroupName,
    parameterGroupName: str(p['DBParameterGroupName']) ?? c.parameterGroupName,
    availabilityZone: str(p['AvailabilityZone']) ?? c.availabilityZones[0] ?? `${region}a`,
    requestedAt: now,
    createdAt: now + creating,
    timeline: timeline<InstanceStatus>(now, 'creating', [[creating, failAs ?? 'available']]),
    tags: withTags([], tagsParam(p)),
    pendingModifiedValues: {},
    initialBackupTaken: true,
    // The cluster's data: its database on the PostgreSQL backend, when there is one.
    pgDatabase: c.pgDatabase,
    clusterId: c.id,
  };
}

export async function createClusterInstance(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const id = identifierParam(p, 'DBInstanceIdentifier', 63);
  const c = getCluster(rds.state, required(p, 'DBClusterIdentifier', missingParameter));
  const instanceClass = checkMember(p, c, ctx.clock.now());
  if (rds.state.instances[id]) throw instanceExists();
  const fails = ctx.faults.active('restore-fails', {
    DBInstanceIdentifier: id,
    DBClusterIdentifier: c.id,
    operation: 'CreateDBInstance',
  });
  const inst = memberOf(ctx, regionOf(req, ctx), id, c, instanceClass, p, fails ? 'failed' : undefined);
  rds.state.instances[id] = inst;
  return { DBInstance: renderInstance(inst, rds.pg, ctx) };
}

/** DeleteDBInstance of a member: no snapshot of its own (the cluster's storage stays). */
export function deleteClusterInstance(
  rds: RdsContext,
  inst: DbInstance,
  p: Params,
  ctx: ServiceContext,
): Record<string, unknown> {
  const now = ctx.clock.now();
  const status = statusOf(inst, now);
  if (status === 'deleting') throw invalidInstanceState(`Instance ${inst.id} is already being deleted.`);
  if (inst.deletionProtection)
    throw combination(
      'Cannot delete protected DB Instance, please disable deletion protection and try again.',
    );
  if (str(p['FinalDBSnapshotIdentifier']))
    throw combination(
      'FinalDBSnapshotIdentifier can not be specified when deleting a DB instance of a DB cluster; snapshot the cluster instead.',
    );
  transition(inst.timeline, now, 'deleting', [[DURATIONS.rdsDeleting, 'deleted']]);
  return { DBInstance: renderInstance(inst, rds.pg, ctx) };
}
