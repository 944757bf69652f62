// DBCluster and DBClusterSnapshot as RDS returns them (shapes from the RDS model in
// @aws-sdk/client-rds), with statuses as of the sandbox clock.
import type { ServiceContext } from '../../service.js';
import { settle } from '../../timeline.js';
import { iso } from '../common/params.js';
import {
  clusterEarliestRestorable,
  clusterLatestRestorable,
  clusterStatusOf,
  membersOf,
  type DbCluster,
  type DbClusterSnapshot,
} from './cluster-state.js';
import type { PostgresBacking } from './postgres-backing.js';
import { ENDPOINT_ZONES, endpointHash, renderMasterUserSecret } from './render.js';
import { statusOf, type RdsState } from './state.js';

/** The writer and reader endpoints: the PostgreSQL backend's for a cluster backed by it,
 *  else the names RDS gives (`<id>.cluster-<hash>…`, `<id>.cluster-ro-<hash>…`). */
function endpoints(c: DbCluster, pg: PostgresBacking, ctx: ServiceContext) {
  const backend = pg.backend;
  if (c.pgDatabase !== undefined && backend !== undefined)
    return { writer: backend.host, reader: backend.host, port: backend.port };
  const hash = endpointHash(ctx.accountId, c.region);
  return {
    writer: `${c.id}.cluster-${hash}.${c.region}.rds.amazonaws.com`,
    reader: `${c.id}.cluster-ro-${hash}.${c.region}.rds.amazonaws.com`,
    port: c.port,
  };
}

function members(state: RdsState, c: DbCluster, now: number): Record<string, unknown>[] {
  const live = membersOf(state, c.id).filter((i) => statusOf(i, now) !== 'deleted');
  return live.map((i, index) => ({
    DBInstanceIdentifier: i.id,
    // The oldest member is the writer: the sandbox has no failover.
    IsClusterWriter: index === 0,
    DBClusterParameterGroupStatus: 'in-sync',
    PromotionTier: 1,
  }));
}

export function renderCluster(
  state: RdsState,
  c: DbCluster,
  pg: PostgresBacking,
  ctx: ServiceContext,
): Record<string, unknown> {
  const now = ctx.clock.now();
  const status = clusterStatusOf(c, now);
  const e = endpoints(c, pg, ctx);
  const lrt = clusterLatestRestorable(c, now);
  const ert = clusterEarliestRestorable(c, now);
  const passwordPending = c.masterPasswordChange !== undefined && now < c.masterPasswordChange.appliedAt;
  return {
    AllocatedStorage: 1,
    AvailabilityZones: c.availabilityZones,
    BackupRetentionPeriod: c.backupRetentionPeriod,
    DatabaseName: c.databaseName,
    DBClusterIdentifier: c.id,
    DBClusterParameterGroup: c.parameterGroupName,
    DBSubnetGroup: c.dbSubnetGroupName,
    Status: status,
    EarliestRestorableTime: ert === undefined ? undefined : iso(ert),
    Endpoint: status === 'creating' ? undefined : e.writer,
    ReaderEndpoint: status === 'creating' ? undefined : e.reader,
    MultiAZ: false,
    Engine: c.engine,
    EngineVersion: c.engineVersion,
    LatestRestorableTime: lrt === undefined ? undefined : iso(lrt),
    Port: e.port,
    MasterUsername: c.masterUsername,
    PreferredBackupWindow: c.preferredBackupWindow,
    PreferredMaintenanceWindow: c.preferredMaintenanceWindow,
    ReadReplicaIdentifiers: [],
    DBClusterMembers: members(state, c, now),
    VpcSecurityGroups: c.vpcSecurityGroupIds.map((id) => ({ VpcSecurityGroupId: id, Status: 'active' })),
    HostedZoneId: ENDPOINT_ZONES[c.region] ?? ENDPOINT_ZONES['us-east-1'],
    StorageEncrypted: c.storageEncrypted,
    KmsKeyId: c.kmsKeyId,
    DbClusterResourceId: c.resourceId,
    DBClusterArn: c.arn,
    AssociatedRoles: [],
    IAMDatabaseAuthenticationEnabled: false,
    CloneGroupId: c.cloneGroupId,
    ClusterCreateTime: iso(c.createdAt),
    EngineMode: c.engineMode,
    // RDS reports a password change as pending, masked, until it has been applied.
    PendingModifiedValues: passwordPending ? { MasterUserPassword: '****' } : undefined,
    DeletionProtection: c.deletionProtection,
    HttpEndpointEnabled: false,
    CopyTagsToSnapshot: c.copyTagsToSnapshot,
    CrossAccountClone: false,
    TagList: c.tags,
    ServerlessV2ScalingConfiguration: c.serverlessV2
      ? { MinCapacity: c.serverlessV2.min, MaxCapacity: c.serverlessV2.max }
      : undefined,
    MasterUserSecret: renderMasterUserSecret(c.masterUserSecret, now),
    NetworkType: 'IPV4',
    StorageType: 'aurora',
  };
}

export function renderClusterSnapshot(s: DbClusterSnapshot, ctx: ServiceContext): Record<string, unknown> {
  const now = ctx.clock.now();
  const status = settle(s.timeline, now);
  return {
    AvailabilityZones: s.availabilityZones,
    DBClusterSnapshotIdentifier: s.id,
    DBClusterIdentifier: s.clusterId,
    SnapshotCreateTime: status === 'creating' ? undefined : iso(s.createdAt),
    Engine: s.engine,
    EngineMode: 'provisioned',
    AllocatedStorage: 0,
    Status: status,
    Port: s.port,
    VpcId: undefined,
    ClusterCreateTime: iso(s.clusterCreateTime),
    MasterUsername: s.masterUsername,
    EngineVersion: s.engineVersion,
    LicenseModel: s.engine === 'aurora-mysql' ? 'general-public-license' : 'postgresql-license',
    SnapshotType: s.type,
    PercentProgress: status === 'available' ? 100 : 0,
    StorageEncrypted: s.storageEncrypted,
    KmsKeyId: s.kmsKeyId,
    DBClusterSnapshotArn: s.arn,
    IAMDatabaseAuthenticationEnabled: false,
    TagList: s.tags,
    DbClusterResourceId: s.clusterResourceId,
    StorageType: 'aurora',
  };
}
