// Aurora DB clusters: DescribeDBClusters, ModifyDBCluster and DeleteDBCluster, and the new
// cluster record the restores (cluster-restore.ts) and the seed share. A cluster is deleted
// only once its instances are (DeleteDBInstance first: cluster-instances.ts).
import { DURATIONS } from '../../durations.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { timeline, transition } from '../../timeline.js';
import { missingParameter, required, str, type Params } from '../common/params.js';
import { applyCredentials, applySharedNow, scheduleModification } from './modify.js';
import { newClusterSnapshot, storeClusterSnapshot } from './cluster-snapshots.js';
import { renderCluster } from './cluster-render.js';
import {
  clusterArn,
  clusterIdOf,
  clusterStatusOf,
  getCluster,
  membersOf,
  type ClusterStatus,
  type DbCluster,
} from './cluster-state.js';
import { combination, invalidClusterState } from './errors.js';
import { advance, deleteClusterSnapshotRecord, dropBacking, hexId, uuid } from './lifecycle.js';
import { bool, filterBy, int, lowerUnlessArn, pageOf } from './params.js';
import { checkIdentifier, checkMasterCredentials, checkRetention } from './rules.js';
import { statusOf, type RdsContext } from './state.js';

/** The fields a new cluster is given; the rest follows from them. */
export type ClusterFields = Omit<
  DbCluster,
  | 'id'
  | 'arn'
  | 'region'
  | 'resourceId'
  | 'requestedAt'
  | 'createdAt'
  | 'timeline'
  | 'cloneGroupId'
  | 'copyRoot'
> & { cloneGroupId?: string; copyRoot?: string };

/** A new cluster, `creating` for `creating` ms, then `available` (or `failAs`). */
export function newCluster(
  ctx: ServiceContext,
  region: string,
  id: string,
  fields: ClusterFields,
  creating: number,
  failAs?: ClusterStatus,
): DbCluster {
  const now = ctx.clock.now();
  return {
    ...fields,
    id,
    arn: clusterArn(ctx, region, id),
    region,
    resourceId: `cluster-${hexId(ctx, 26).toUpperCase()}`,
    requestedAt: now,
    createdAt: now + creating,
    timeline: timeline<ClusterStatus>(now, 'creating', [[creating, failAs ?? 'available']]),
    cloneGroupId: fields.cloneGroupId ?? uuid(ctx),
    copyRoot: fields.copyRoot ?? id,
  };
}

export async function describeDbClusters(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const idParam = str(p['DBClusterIdentifier']);
  let items = Object.values(rds.state.clusters).sort((a, b) => a.id.localeCompare(b.id));
  if (idParam) items = [getCluster(rds.state, idParam)];
  items = filterBy(items, p, {
    names: ['clone-group-id', 'db-cluster-id', 'db-cluster-resource-id', 'domain', 'engine'],
    normalize: { 'db-cluster-id': lowerUnlessArn },
    fields: (c: DbCluster, name) => {
      if (name === 'clone-group-id') return [c.cloneGroupId];
      if (name === 'db-cluster-id') return [c.id, c.arn];
      if (name === 'db-cluster-resource-id') return [c.resourceId];
      if (name === 'engine') return [c.engine];
      return []; // no directory domains in the sandbox
    },
  });
  const { page, marker } = pageOf(items, p);
  return { DBClusters: page.map((c) => renderCluster(rds.state, c, rds.pg, ctx)), Marker: marker };
}

/** Settings that apply at once. */
function applyNow(c: DbCluster, p: Params): void {
  applySharedNow(c, p);
  const retention = int(p, 'BackupRetentionPeriod');
  if (retention !== undefined) {
    // Aurora always keeps backups: 1 to 35 days.
    if (retention < 1) throw combination('Aurora DB clusters keep automated backups for 1 to 35 days.');
    checkRetention(retention);
    c.backupRetentionPeriod = retention;
  }
}

export async function modifyDbCluster(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const c = getCluster(rds.state, required(p, 'DBClusterIdentifier', missingParameter));
  const now = ctx.clock.now();
  const status = clusterStatusOf(c, now);
  if (status !== 'available')
    throw invalidClusterState(`DB cluster ${c.id} is not available for modification with status ${status}.`);
  if (str(p['NewDBClusterIdentifier']))
    throw combination('Renaming a DB cluster (NewDBClusterIdentifier) is not supported by the sandbox.');
  const credentials = checkMasterCredentials(p, !!c.masterUserSecret, 'a DB cluster');
  applyNow(c, p);
  const busy = applyCredentials(c, credentials, p, ctx, now, 'cluster');
  if (busy) scheduleModification(c, busy, credentials.password !== undefined, now);
  return { DBCluster: renderCluster(rds.state, c, rds.pg, ctx) };
}

/** DeleteDBCluster's checks, in AWS's order; the final snapshot's identifier when one is asked for. */
function checkDelete(rds: RdsContext, c: DbCluster, p: Params, now: number): string | undefined {
  const status = clusterStatusOf(c, now);
  if (status === 'deleting') throw invalidClusterState(`DB cluster ${c.id} is already being deleted.`);
  if (c.deletionProtection)
    throw combination('Cannot delete protected Cluster, please disable deletion protection and try again.');
  // Every instance must be deleted first (or be being deleted).
  const remaining = membersOf(rds.state, c.id).filter(
    (i) => !['deleting', 'deleted'].includes(statusOf(i, now)),
  );
  if (remaining.length > 0)
    throw invalidClusterState(
      `Cluster cannot be deleted, it still contains DB instances in non-deleting state (${remaining.map((i) => i.id).join(', ')}).`,
    );
  const skip = bool(p, 'SkipFinalSnapshot') ?? false;
  const finalId = str(p['FinalDBSnapshotIdentifier']);
  if (skip && finalId)
    throw combination('FinalDBSnapshotIdentifier can not be specified when SkipFinalSnapshot is true.');
  if (!skip && !finalId)
    throw combination('FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.');
  if (skip) return undefined;
  if (status !== 'available')
    throw invalidClusterState(`DB cluster ${c.id} is ${status} - a final snapshot cannot be taken.`);
  return checkIdentifier('FinalDBSnapshotIdentifier', finalId!, 255);
}

export async function deleteDbCluster(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const c = getCluster(
    rds.state,
    clusterIdOf(required(p, 'DBClusterIdentifier', missingParameter), 'cluster'),
  );
  const now = ctx.clock.now();
  const finalId = checkDelete(rds, c, p, now);
  if (finalId) {
    const snap = newClusterSnapshot(ctx, c, finalId, 'manual', now, c.copyTagsToSnapshot ? [...c.tags] : []);
    await storeClusterSnapshot(rds, c, snap);
  }
  transition(c.timeline, now, 'deleting', [[DURATIONS.rdsDeleting, 'deleted']]);
  const rendered = renderCluster(rds.state, c, rds.pg, ctx);
  // Automated cluster snapshots go with the cluster unless DeleteAutomatedBackups=false.
  if (bool(p, 'DeleteAutomatedBackups') ?? true) {
    for (const s of Object.values(rds.state.clusterSnapshots)) {
      if (s.clusterId === c.id && s.type === 'automated') await deleteClusterSnapshotRecord(rds, s);
    }
  }
  await dropBacking(rds, c);
  return { DBCluster: rendered };
}
