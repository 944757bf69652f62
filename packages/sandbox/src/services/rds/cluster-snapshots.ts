// DB cluster snapshots: CreateDBClusterSnapshot, DescribeDBClusterSnapshots and
// DeleteDBClusterSnapshot, plus the record a final snapshot (DeleteDBCluster) and the seed's
// automated snapshots share. With a PostgreSQL backend a snapshot is a clone of its
// cluster's database, as an instance snapshot is of its instance's.
import { DURATIONS } from '../../durations.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { settle, timeline } from '../../timeline.js';
import { missingParameter, required, str } from '../common/params.js';
import type { Tag } from '../common/tags.js';
import { renderClusterSnapshot } from './cluster-render.js';
import {
  clusterIdOf,
  clusterSnapshotArn,
  clusterStatusOf,
  getCluster,
  getClusterSnapshot,
  type DbCluster,
  type DbClusterSnapshot,
} from './cluster-state.js';
import { clusterSnapshotExists, invalidClusterSnapshotState, invalidClusterState } from './errors.js';
import { advance, deleteClusterSnapshotRecord } from './lifecycle.js';
import { filterBy, pageOf, snapshotTags, snapshotTypeParam } from './params.js';
import { pgFailure, pgSnapshotName } from './postgres-backing.js';
import { identifierParam } from './rules.js';
import type { RdsContext } from './state.js';

/** A snapshot of `c` taken at `at`, `creating` for the snapshot duration. */
export function newClusterSnapshot(
  ctx: ServiceContext,
  c: DbCluster,
  id: string,
  type: 'automated' | 'manual',
  at: number,
  tags: Tag[],
): DbClusterSnapshot {
  return {
    id,
    arn: clusterSnapshotArn(ctx, c.region, id),
    clusterId: c.id,
    type,
    region: c.region,
    createdAt: at,
    timeline: timeline<'creating' | 'available'>(at, 'creating', [
      [DURATIONS.rdsSnapshotCreating, 'available'],
    ]),
    engine: c.engine,
    engineVersion: c.engineVersion,
    port: c.port,
    masterUsername: c.masterUsername,
    databaseName: c.databaseName,
    storageEncrypted: c.storageEncrypted,
    kmsKeyId: c.kmsKeyId,
    clusterCreateTime: c.createdAt,
    clusterResourceId: c.resourceId,
    availabilityZones: [...c.availabilityZones],
    tags,
  };
}

/** Stores the snapshot and clones its cluster's database; on failure the snapshot is removed
 *  again and the request fails. */
export async function storeClusterSnapshot(
  rds: RdsContext,
  c: DbCluster,
  snap: DbClusterSnapshot,
): Promise<void> {
  rds.state.clusterSnapshots[snap.id] = snap;
  if (!c.pgDatabase || !rds.pg.backend) return;
  snap.pgDatabase = pgSnapshotName(`cluster-${snap.id}`, snap.createdAt);
  try {
    await rds.pg.run(async (b) => {
      await b.dropDatabase(snap.pgDatabase!);
      await b.cloneDatabase(c.pgDatabase!, snap.pgDatabase!);
    });
  } catch (err) {
    delete rds.state.clusterSnapshots[snap.id];
    throw pgFailure(err);
  }
}

export async function createDbClusterSnapshot(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const snapId = identifierParam(p, 'DBClusterSnapshotIdentifier', 255);
  const c = getCluster(rds.state, required(p, 'DBClusterIdentifier', missingParameter));
  const now = ctx.clock.now();
  if (clusterStatusOf(c, now) !== 'available')
    throw invalidClusterState(`DB cluster ${c.id} is not in the available state; it cannot be snapshotted.`);
  if (rds.state.clusterSnapshots[snapId]) throw clusterSnapshotExists(snapId);
  const snap = newClusterSnapshot(ctx, c, snapId, 'manual', now, snapshotTags(p, c));
  await storeClusterSnapshot(rds, c, snap);
  return { DBClusterSnapshot: renderClusterSnapshot(snap, ctx) };
}

export async function deleteDbClusterSnapshot(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const snap = getClusterSnapshot(
    rds.state,
    required(req.params, 'DBClusterSnapshotIdentifier', missingParameter),
  );
  const status = settle(snap.timeline, ctx.clock.now());
  if (snap.type !== 'manual')
    throw invalidClusterSnapshotState('Only manual cluster snapshots may be deleted.');
  if (status !== 'available')
    throw invalidClusterSnapshotState(
      `Cannot delete the cluster snapshot because it is in the ${status} state.`,
    );
  const rendered = { ...renderClusterSnapshot(snap, ctx), Status: 'deleted' };
  await deleteClusterSnapshotRecord(rds, snap);
  return { DBClusterSnapshot: rendered };
}

export async function describeDbClusterSnapshots(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const clusterParam = str(p['DBClusterIdentifier']);
  const snapParam = str(p['DBClusterSnapshotIdentifier']);
  const type = snapshotTypeParam(p);
  let items = Object.values(rds.state.clusterSnapshots).sort((a, b) => a.id.localeCompare(b.id));
  if (snapParam) items = [getClusterSnapshot(rds.state, snapParam)];
  if (clusterParam) {
    const id = clusterIdOf(clusterParam, 'cluster');
    items = items.filter((s) => s.clusterId === id);
  }
  if (type) items = items.filter((s) => s.type === type);
  items = filterBy(items, p, {
    names: ['db-cluster-id', 'db-cluster-snapshot-id', 'snapshot-type', 'engine'],
    normalize: {
      'db-cluster-id': (v) => clusterIdOf(v, 'cluster'),
      'db-cluster-snapshot-id': (v) => clusterIdOf(v, 'cluster-snapshot'),
    },
    fields: (s: DbClusterSnapshot, name) => {
      if (name === 'db-cluster-id') return [s.clusterId];
      if (name === 'db-cluster-snapshot-id') return [s.id];
      if (name === 'snapshot-type') return [s.type];
      if (name === 'engine') return [s.engine];
      return undefined;
    },
  });
  const { page, marker } = pageOf(items, p);
  return { DBClusterSnapshots: page.map((s) => renderClusterSnapshot(s, ctx)), Marker: marker };
}
