// The Aurora replica: a clone (or copy) of the source cluster plus one writer instance. Find
// this build's own cluster (a re-run continues with it), restore a new one, add its writer,
// wait for both, set and rotate the cluster's master password, and mark its change log
// applied. Every call here names the replica, never the source, except as the clone's
// SourceDBClusterIdentifier (the source guard on the client enforces that).
import {
  CreateDBInstanceCommand,
  ModifyDBClusterCommand,
  RestoreDBClusterFromSnapshotCommand,
  RestoreDBClusterToPointInTimeCommand,
  type DBCluster,
  type DBInstance,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { GuardError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { fromAwsTags, toAwsTags, type Tags } from '@immut/core/tags';
import { describeCluster } from './cluster-source.js';
import { applyOneTimePassword } from './password.js';
import {
  assertOwnBuild,
  manageMasterPassword,
  markChangelog,
  waitAvailable,
  waitUntilAvailable,
  type Expected,
  type PasswordTarget,
  type WaitContext,
} from './replica.js';
import { REPLICA_TAG, type RestorePoint } from './source.js';

/** Cluster states a clone never leaves on its own (Aurora user guide, "Viewing DB cluster status"). */
export const FAILED_CLUSTER_STATES = new Set([
  'cloning-failed',
  'failed',
  'inaccessible-encryption-credentials',
  'incompatible-parameters',
  'incompatible-restore',
  'migration-failed',
  'deleting',
]);

export const clusterTags = (cluster: DBCluster): Tags => fromAwsTags(cluster.TagList);

/** A cluster with the replica's name must be this build's own: immut's tags for this role and env, and this build. */
export function assertOwnCluster(cluster: DBCluster, identity: Identity): void {
  assertOwnBuild('DB cluster', cluster.DBClusterIdentifier ?? '?', clusterTags(cluster), identity);
}

/** What the clone needs beyond the point. */
export interface ClusterSettings {
  clusterId: string;
  sourceId: string;
  engine: string;
  dbSubnetGroup?: string;
  securityGroupIds: string[];
  serverless?: { min: number; max: number };
  tags: Tags;
}

/** Sends the restore call for `point`; the cluster is then `creating`. */
export async function restoreCluster(rds: RDSClient, point: RestorePoint, s: ClusterSettings): Promise<void> {
  const common = {
    DBClusterIdentifier: s.clusterId,
    DBSubnetGroupName: s.dbSubnetGroup,
    VpcSecurityGroupIds: s.securityGroupIds.length > 0 ? s.securityGroupIds : undefined,
    // A per-release copy must stay deletable by the post step and by retirement.
    DeletionProtection: false,
    ServerlessV2ScalingConfiguration: s.serverless
      ? { MinCapacity: s.serverless.min, MaxCapacity: s.serverless.max }
      : undefined,
    Tags: toAwsTags(s.tags),
  };
  if (point.kind === 'snapshot') {
    await rds.send(
      new RestoreDBClusterFromSnapshotCommand({
        ...common,
        SnapshotIdentifier: point.snapshotId,
        Engine: s.engine,
      }),
    );
    return;
  }
  await rds.send(
    new RestoreDBClusterToPointInTimeCommand({
      ...common,
      SourceDBClusterIdentifier: s.sourceId,
      RestoreType: point.kind === 'copy-on-write' ? 'copy-on-write' : 'full-copy',
      UseLatestRestorableTime: true,
    }),
  );
}

export interface ClusterAvailableOptions {
  what?: string;
  settled?: (cluster: DBCluster) => boolean;
  expected?: Expected;
}

/** Waits until the cluster is `available` (with its endpoint), failing fast on a failure state. */
export async function waitClusterAvailable(
  ctx: WaitContext,
  id: string,
  options: ClusterAvailableOptions = {},
): Promise<DBCluster> {
  return waitUntilAvailable(
    ctx,
    `DB cluster ${id}`,
    {
      describe: () => describeCluster(ctx.rds, id),
      status: (cluster) => cluster.Status,
      failure: (status) => (FAILED_CLUSTER_STATES.has(status) ? ' (RDS could not make the copy)' : undefined),
      reachable: (cluster) => !!cluster.Endpoint,
    },
    options,
  );
}

/** The writer's settings: its class, or db.serverless when the clone has a capacity range. */
export interface WriterSettings {
  instanceId: string;
  clusterId: string;
  engine: string;
  instanceClass: string;
  tags: Tags;
}

/** Adds the writer instance to the clone (the first instance of a cluster is its writer). */
export async function createWriter(rds: RDSClient, w: WriterSettings): Promise<void> {
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: w.instanceId,
      DBClusterIdentifier: w.clusterId,
      Engine: w.engine,
      DBInstanceClass: w.instanceClass,
      PubliclyAccessible: false,
      Tags: toAwsTags(w.tags),
    }),
  );
}

/** Waits for the writer; it must be a member of this build's cluster. */
export async function waitWriter(
  ctx: WaitContext,
  instanceId: string,
  clusterId: string,
  expected?: Expected,
): Promise<DBInstance> {
  const writer = await waitAvailable(ctx, instanceId, {
    what: `writer instance ${instanceId} to become available`,
    expected,
  });
  if (writer.DBClusterIdentifier !== clusterId)
    throw new GuardError(
      `DB instance ${instanceId} is not a member of this build's DB cluster ${clusterId}; refusing to use it.`,
    );
  return writer;
}

/** The clone `clusterId` as a password target. */
function clusterTarget(ctx: WaitContext, clusterId: string): PasswordTarget<DBCluster> {
  return {
    label: `DB cluster ${clusterId}`,
    id: clusterId,
    modify: (change) =>
      ctx.rds.send(
        new ModifyDBClusterCommand({ DBClusterIdentifier: clusterId, ...change, ApplyImmediately: true }),
      ),
    waitAvailable: (options) => waitClusterAvailable(ctx, clusterId, options),
  };
}

/** Sets the one-time master password on the clone and waits until RDS has applied it. */
export async function setClusterPassword(
  ctx: WaitContext,
  clusterId: string,
  password: string,
): Promise<DBCluster> {
  return applyOneTimePassword(ctx, clusterTarget(ctx, clusterId), password);
}

/** Moves the clone's master password into Secrets Manager; returns the secret's ARN. */
export async function rotateClusterPassword(
  ctx: WaitContext,
  cluster: DBCluster,
): Promise<{ secretArn: string; latest: DBCluster }> {
  const id = cluster.DBClusterIdentifier ?? '';
  return manageMasterPassword(ctx, clusterTarget(ctx, id), cluster, cluster.MasterUserSecret?.SecretArn);
}

/** Records on the clone that its change log ran, so a re-run skips it. */
export async function markClusterChangelog(rds: RDSClient, cluster: DBCluster): Promise<void> {
  await markChangelog(rds, cluster.DBClusterArn);
}

export const clusterChangelogApplied = (cluster: DBCluster): boolean =>
  clusterTags(cluster)[REPLICA_TAG.changelog] === 'applied';
