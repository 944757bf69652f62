// DBInstance and DBSnapshot as RDS returns them (shapes from the RDS model in
// @aws-sdk/client-rds), with statuses as of the sandbox clock.
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../service.js';
import { settle } from '../../timeline.js';
import { iso } from '../common/params.js';
import type { PostgresBacking } from './postgres-backing.js';
import {
  latestRestorableTime,
  statusOf,
  type DbInstance,
  type DbSnapshot,
  type MasterUserSecret,
} from './state.js';
import { renderSubnetGroup } from './subnet-groups.js';

/** RDS's Route 53 hosted zone ids for DB endpoints, per region (AWS General Reference,
 *  "Amazon RDS endpoints"); other regions fall back to us-east-1's. */
export const ENDPOINT_ZONES: Record<string, string> = {
  'us-east-1': 'Z2R2ITUGPM61AM',
  'us-east-2': 'Z2XHWR1WZ565X2',
  'us-west-1': 'Z10WI91S59XXQN',
  'us-west-2': 'Z1PVIF0B656C1W',
  'eu-west-1': 'Z29XKXDKYMONMX',
  'eu-central-1': 'Z1RLNUO7B9Q6NB',
};

export function endpointHash(accountId: string, region: string): string {
  // Real endpoints carry a 12-character id that is fixed per account and region.
  const h = createHash('sha256').update(`${accountId}/${region}`).digest();
  let out = '';
  for (let i = 0; i < 12; i++) out += 'abcdefghijklmnopqrstuvwxyz0123456789'[h[i]! % 36];
  return out;
}

/** The endpoint once known: the PostgreSQL backend's for an instance backed by it, else
 *  the address RDS would give. */
function endpoint(inst: DbInstance, pg: PostgresBacking, ctx: ServiceContext): Record<string, unknown> {
  const backend = pg.backend;
  if (inst.pgDatabase !== undefined && backend !== undefined)
    return { Address: backend.host, Port: backend.port };
  return {
    Address: `${inst.id}.${endpointHash(ctx.accountId, inst.region)}.${inst.region}.rds.amazonaws.com`,
    Port: inst.port,
    HostedZoneId: ENDPOINT_ZONES[inst.region] ?? ENDPOINT_ZONES['us-east-1'],
  };
}

const optionGroup = (engine: string, version: string): string => `default:${engine}-${version.split('.')[0]}`;

/** MasterUserSecret as DescribeDBInstances and DescribeDBClusters show it: `creating`
 *  until Secrets Manager has the secret. */
export function renderMasterUserSecret(
  secret: MasterUserSecret | undefined,
  now: number,
): Record<string, unknown> | undefined {
  if (!secret) return undefined;
  return {
    SecretArn: secret.arn,
    SecretStatus: now >= secret.activeAt ? 'active' : 'creating',
    KmsKeyId: secret.kmsKeyId,
  };
}

export function renderInstance(
  inst: DbInstance,
  pg: PostgresBacking,
  ctx: ServiceContext,
): Record<string, unknown> {
  const now = ctx.clock.now();
  const status = statusOf(inst, now);
  const endpointKnown = status !== 'creating' && status !== 'failed' && status !== 'incompatible-restore';
  const lrt = latestRestorableTime(inst, now);
  return {
    DBInstanceIdentifier: inst.id,
    DBClusterIdentifier: inst.clusterId,
    DBInstanceClass: inst.instanceClass,
    Engine: inst.engine,
    DBInstanceStatus: status,
    MasterUsername: inst.masterUsername,
    DBName: inst.dbName,
    Endpoint: endpointKnown ? endpoint(inst, pg, ctx) : undefined,
    AllocatedStorage: inst.allocatedStorage,
    InstanceCreateTime: status === 'creating' ? undefined : iso(inst.createdAt),
    PreferredBackupWindow: inst.preferredBackupWindow,
    BackupRetentionPeriod: inst.backupRetentionPeriod,
    DBSecurityGroups: [],
    VpcSecurityGroups: inst.vpcSecurityGroupIds.map((id) => ({ VpcSecurityGroupId: id, Status: 'active' })),
    DBParameterGroups: [{ DBParameterGroupName: inst.parameterGroupName, ParameterApplyStatus: 'in-sync' }],
    AvailabilityZone: inst.availabilityZone,
    DBSubnetGroup: inst.dbSubnetGroupName ? renderSubnetGroup(inst.dbSubnetGroupName) : undefined,
    PreferredMaintenanceWindow: inst.preferredMaintenanceWindow,
    // RDS reports a password change as pending, masked, until it has been applied.
    PendingModifiedValues:
      inst.masterPasswordChange && now < inst.masterPasswordChange.appliedAt
        ? { ...inst.pendingModifiedValues, MasterUserPassword: '****' }
        : inst.pendingModifiedValues,
    LatestRestorableTime: lrt === undefined ? undefined : iso(lrt),
    MultiAZ: inst.multiAz,
    EngineVersion: inst.engineVersion,
    AutoMinorVersionUpgrade: inst.autoMinorVersionUpgrade,
    ReadReplicaDBInstanceIdentifiers: [],
    LicenseModel: inst.licenseModel,
    Iops: inst.iops,
    OptionGroupMemberships: [
      { OptionGroupName: optionGroup(inst.engine, inst.engineVersion), Status: 'in-sync' },
    ],
    PubliclyAccessible: inst.publiclyAccessible,
    StorageType: inst.storageType,
    DbInstancePort: 0,
    StorageEncrypted: inst.storageEncrypted,
    KmsKeyId: inst.kmsKeyId,
    DbiResourceId: inst.resourceId,
    CACertificateIdentifier: 'rds-ca-rsa2048-g1',
    DomainMemberships: [],
    CopyTagsToSnapshot: inst.copyTagsToSnapshot,
    MonitoringInterval: 0,
    DBInstanceArn: inst.arn,
    IAMDatabaseAuthenticationEnabled: false,
    PerformanceInsightsEnabled: false,
    DeletionProtection: inst.deletionProtection,
    TagList: inst.tags,
    CustomerOwnedIpEnabled: false,
    BackupTarget: 'region',
    NetworkType: 'IPV4',
    MasterUserSecret: renderMasterUserSecret(inst.masterUserSecret, now),
    DedicatedLogVolume: false,
    IsStorageConfigUpgradeAvailable: false,
    MultiTenant: false,
  };
}

export function renderSnapshot(snap: DbSnapshot, ctx: ServiceContext): Record<string, unknown> {
  const now = ctx.clock.now();
  const status = settle(snap.timeline, now);
  const total = (snap.timeline.pending[0]?.at ?? snap.timeline.since) - snap.createdAt;
  const progress =
    status === 'available'
      ? 100
      : total > 0
        ? Math.min(99, Math.floor(((now - snap.createdAt) / total) * 100))
        : 0;
  return {
    DBSnapshotIdentifier: snap.id,
    DBInstanceIdentifier: snap.instanceId,
    SnapshotCreateTime: status === 'creating' ? undefined : iso(snap.createdAt),
    Engine: snap.engine,
    AllocatedStorage: snap.allocatedStorage,
    Status: status,
    Port: snap.port,
    AvailabilityZone: snap.availabilityZone,
    InstanceCreateTime: iso(snap.instanceCreateTime),
    MasterUsername: snap.masterUsername,
    EngineVersion: snap.engineVersion,
    LicenseModel: snap.licenseModel,
    SnapshotType: snap.type,
    Iops: snap.iops,
    OptionGroupName: optionGroup(snap.engine, snap.engineVersion),
    PercentProgress: progress,
    StorageType: snap.storageType,
    Encrypted: snap.encrypted,
    KmsKeyId: snap.kmsKeyId,
    DBSnapshotArn: snap.arn,
    IAMDatabaseAuthenticationEnabled: false,
    ProcessorFeatures: [],
    DbiResourceId: snap.dbiResourceId,
    TagList: snap.tags,
    OriginalSnapshotCreateTime: iso(snap.createdAt),
    SnapshotTarget: 'region',
    DedicatedLogVolume: false,
    MultiTenant: false,
  };
}
