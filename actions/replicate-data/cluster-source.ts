// The source side for Aurora: what the source is (an RDS DB instance, or an Aurora DB cluster,
// detected when source-db names no instance), and which point of a cluster's history the
// clone starts from. Everything here only reads the source.
import {
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  paginateDescribeDBClusterSnapshots,
  type DBCluster,
  type DBClusterSnapshot,
  type DBInstance,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { UserError } from '@immut/core/errors';
import { describeSource, type FromSpec, type RestorePoint } from './source.js';

/** The source, by kind. */
export type Source = { kind: 'instance'; instance: DBInstance } | { kind: 'cluster'; cluster: DBCluster };

const isCode = (error: unknown, ...codes: string[]) => error instanceof Error && codes.includes(error.name);

export async function describeCluster(rds: RDSClient, id: string): Promise<DBCluster | undefined> {
  try {
    const { DBClusters } = await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
    return DBClusters?.[0];
  } catch (error) {
    if (isCode(error, 'DBClusterNotFoundFault', 'DBClusterNotFound')) return undefined;
    throw error;
  }
}

/**
 * The source: `source-cluster` names a cluster; `source-db` names an instance or, when no
 * instance has that name, a cluster (DescribeDBInstances, then DescribeDBClusters).
 */
export async function detectSource(
  rds: RDSClient,
  sourceId: string,
  explicitCluster: boolean,
  region: string,
): Promise<Source> {
  if (!explicitCluster) {
    try {
      const instance = await describeSource(rds, sourceId, region);
      if (instance.DBClusterIdentifier) {
        throw new UserError(
          `Input 'source-db' was '${sourceId}': that is an instance of the Aurora DB cluster '${instance.DBClusterIdentifier}'; expected the cluster (set source-db or source-cluster to '${instance.DBClusterIdentifier}').`,
        );
      }
      return { kind: 'instance', instance };
    } catch (error) {
      // describeSource's "no such instance": look for a cluster of that name before giving up.
      if (!(error instanceof UserError) || !/there is no RDS DB instance/.test(error.message)) throw error;
      const cluster = await describeCluster(rds, sourceId);
      if (cluster) return { kind: 'cluster', cluster };
      throw new UserError(
        `Input 'source-db' was '${sourceId}': there is no RDS DB instance or Aurora DB cluster with that identifier in ${region}; expected the identifier of an existing DB instance or cluster (check the region too).`,
      );
    }
  }
  const cluster = await describeCluster(rds, sourceId);
  if (cluster) return { kind: 'cluster', cluster };
  throw new UserError(
    `Input 'source-cluster' was '${sourceId}': there is no Aurora DB cluster with that identifier in ${region}; expected the identifier of an existing DB cluster (check the region too).`,
  );
}

async function describeClusterSnapshot(rds: RDSClient, id: string): Promise<DBClusterSnapshot | undefined> {
  try {
    const { DBClusterSnapshots } = await rds.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: id }),
    );
    return DBClusterSnapshots?.[0];
  } catch (error) {
    if (isCode(error, 'DBClusterSnapshotNotFoundFault', 'DBClusterSnapshotNotFound')) return undefined;
    throw error;
  }
}

const snapshotPoint = (s: DBClusterSnapshot): RestorePoint => ({
  kind: 'snapshot',
  snapshotId: s.DBClusterSnapshotIdentifier ?? '',
  takenAt: s.SnapshotCreateTime?.toISOString(),
  type: s.SnapshotType ?? 'manual',
});

/** The cluster's latest restorable time, for a clone or a point-in-time copy. */
function latestRestorable(cluster: DBCluster, fromText: string): string {
  const latest = cluster.LatestRestorableTime;
  if (!latest) {
    throw new UserError(
      `Input 'from' was '${fromText}', but source cluster '${cluster.DBClusterIdentifier ?? '?'}' has no restorable time (it is ${cluster.Status ?? 'not available'}); expected an available cluster (or use a cluster snapshot).`,
    );
  }
  return latest.toISOString();
}

async function newestClusterSnapshot(rds: RDSClient, clusterId: string): Promise<RestorePoint> {
  const all: DBClusterSnapshot[] = [];
  for await (const page of paginateDescribeDBClusterSnapshots(
    { client: rds },
    { DBClusterIdentifier: clusterId },
  ))
    all.push(...(page.DBClusterSnapshots ?? []));
  const newest = all
    .filter((s) => s.Status === 'available' && s.SnapshotCreateTime)
    .sort((a, b) => b.SnapshotCreateTime!.getTime() - a.SnapshotCreateTime!.getTime())[0];
  if (!newest) {
    throw new UserError(
      `Input 'from' was 'latest-snapshot', but source cluster '${clusterId}' has no available cluster snapshot; expected at least one (or use 'clone' or 'point-in-time').`,
    );
  }
  return snapshotPoint(newest);
}

async function namedClusterSnapshot(rds: RDSClient, clusterId: string, id: string): Promise<RestorePoint> {
  const snap = await describeClusterSnapshot(rds, id);
  if (!snap) {
    throw new UserError(
      `Input 'from' was 'snapshot:${id}': there is no DB cluster snapshot with that identifier; expected a cluster snapshot of '${clusterId}'.`,
    );
  }
  if (snap.DBClusterIdentifier !== clusterId) {
    throw new UserError(
      `Input 'from' was 'snapshot:${id}': that snapshot is of DB cluster '${snap.DBClusterIdentifier ?? '?'}', not of the source '${clusterId}'; expected a snapshot of the source.`,
    );
  }
  if (snap.Status !== 'available') {
    throw new UserError(
      `Input 'from' was 'snapshot:${id}': that cluster snapshot is ${snap.Status ?? 'in an unknown state'}; expected an available snapshot.`,
    );
  }
  return snapshotPoint(snap);
}

/**
 * Resolves `from` for a cluster source: `clone` (the default) is a copy-on-write clone at the
 * latest restorable time; `point-in-time` a full copy at that time; `snapshot:<id>` and
 * `latest-snapshot` a cluster snapshot of the source.
 */
export async function resolveClusterPoint(
  rds: RDSClient,
  cluster: DBCluster,
  from: FromSpec,
): Promise<RestorePoint> {
  const clusterId = cluster.DBClusterIdentifier ?? '';
  switch (from.kind) {
    case 'clone':
      return { kind: 'copy-on-write', time: latestRestorable(cluster, 'clone') };
    case 'point-in-time':
      return { kind: 'point-in-time', time: latestRestorable(cluster, 'point-in-time') };
    case 'snapshot':
      return namedClusterSnapshot(rds, clusterId, from.snapshotId);
    case 'latest-snapshot':
      return newestClusterSnapshot(rds, clusterId);
    case 'new-snapshot':
      throw new UserError(
        `Input 'from' was 'new-snapshot', but the source '${clusterId}' is an Aurora DB cluster; expected 'clone' (a copy-on-write clone of its latest state, the default), 'point-in-time', 'latest-snapshot' or 'snapshot:<cluster snapshot id>'.`,
      );
  }
}
