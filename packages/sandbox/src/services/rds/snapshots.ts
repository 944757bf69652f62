// CreateDBSnapshot, DeleteDBSnapshot and DescribeDBSnapshots. Automated snapshots are
// taken by the lifecycle (lifecycle.ts); only manual ones are made and deleted here.
import { DURATIONS } from '../../durations.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { settle } from '../../timeline.js';
import { missingParameter, required, str } from '../common/params.js';
import { identifierParam } from './rules.js';
import { invalidInstanceState, invalidSnapshotState, snapshotExists } from './errors.js';
import { advance, deleteSnapshotRecord, snapshotFrom } from './lifecycle.js';
import { filterBy, pageOf, snapshotTags, snapshotTypeParam } from './params.js';
import { cloneToSnapshot } from './postgres-backing.js';
import { renderSnapshot } from './render.js';
import {
  getInstance,
  getSnapshot,
  idFromArnOrId,
  statusOf,
  type DbSnapshot,
  type RdsContext,
} from './state.js';

export async function createDbSnapshot(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const snapId = identifierParam(p, 'DBSnapshotIdentifier', 255);
  const inst = getInstance(rds.state, required(p, 'DBInstanceIdentifier', missingParameter));
  const now = ctx.clock.now();
  if (inst.clusterId)
    throw invalidInstanceState(
      `DB instance ${inst.id} is a member of DB cluster ${inst.clusterId}; snapshot the cluster (CreateDBClusterSnapshot).`,
    );
  if (statusOf(inst, now) !== 'available')
    throw invalidInstanceState(
      `Cannot create a snapshot because the database instance ${inst.id} is not currently in the available state.`,
    );
  if (rds.state.snapshots[snapId]) throw snapshotExists(snapId);
  const snap = snapshotFrom(
    ctx,
    inst,
    snapId,
    'manual',
    now,
    DURATIONS.rdsSnapshotCreating,
    snapshotTags(p, inst),
  );
  rds.state.snapshots[snapId] = snap;
  await cloneToSnapshot(rds, inst, snap);
  return { DBSnapshot: renderSnapshot(snap, ctx) };
}

export async function deleteDbSnapshot(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const snap = getSnapshot(rds.state, required(req.params, 'DBSnapshotIdentifier', missingParameter));
  const status = settle(snap.timeline, ctx.clock.now());
  if (snap.type !== 'manual') throw invalidSnapshotState('Only manual snapshots may be deleted.');
  if (status !== 'available')
    throw invalidSnapshotState(`Cannot delete the snapshot because it is in the ${status} state.`);
  const rendered = { ...renderSnapshot(snap, ctx), Status: 'deleted' };
  await deleteSnapshotRecord(rds, snap);
  return { DBSnapshot: rendered };
}

export async function describeDbSnapshots(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const instanceParam = str(p['DBInstanceIdentifier']);
  const snapParam = str(p['DBSnapshotIdentifier']);
  const type = snapshotTypeParam(p);
  let items = Object.values(rds.state.snapshots).sort((a, b) => a.id.localeCompare(b.id));
  if (snapParam) items = [getSnapshot(rds.state, snapParam)];
  if (instanceParam) {
    const id = idFromArnOrId(instanceParam, 'db');
    items = items.filter((s) => s.instanceId === id);
  }
  // Without SnapshotType, automated and manual snapshots are returned; shared, public
  // and awsbackup snapshots never exist in the sandbox.
  if (type) items = items.filter((s) => s.type === type);
  const dbiResourceId = str(p['DbiResourceId']);
  if (dbiResourceId) items = items.filter((s) => s.dbiResourceId === dbiResourceId);
  items = filterBy(items, p, {
    names: ['db-instance-id', 'db-snapshot-id', 'dbi-resource-id', 'snapshot-type', 'engine'],
    normalize: {
      'db-instance-id': (v) => idFromArnOrId(v, 'db'),
      'db-snapshot-id': (v) => idFromArnOrId(v, 'snapshot'),
    },
    fields: (s: DbSnapshot, name) => {
      if (name === 'db-instance-id') return [s.instanceId];
      if (name === 'db-snapshot-id') return [s.id];
      if (name === 'dbi-resource-id') return [s.dbiResourceId];
      if (name === 'snapshot-type') return [s.type];
      if (name === 'engine') return [s.engine];
      return undefined;
    },
  });
  const { page, marker } = pageOf(items, p);
  return { DBSnapshots: page.map((s) => renderSnapshot(s, ctx)), Marker: marker };
}
