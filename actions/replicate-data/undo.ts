// The post step's handlers: delete the replica (no final snapshot: it is a copy), an Aurora
// clone (after its writer instance), and the snapshot of the source that a failed run
// created. Each re-reads the resource and passes core's ownership guard first; the client also carries the source guard, so not even a
// corrupted saved state could make post delete the source.
import {
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  DescribeDBClustersCommand,
  type DBCluster,
  DeleteDBSnapshotCommand,
  DescribeDBSnapshotsCommand,
  type DBSnapshot,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { CreatedResource, UndoHandler } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import type { Identity } from '@immut/core/identity';
import { assertManaged, fromAwsTags } from '@immut/core/tags';
import { waitFor } from '@immut/core/wait';
import { describeInstance, tagsOf } from './replica.js';

/** How long post waits for a resource to become deletable (it has no timeout input). */
export const POST_WAIT_MS = 30 * 60_000;

export interface UndoContext {
  rdsFor: (region: string) => RDSClient;
  identity: Pick<Identity, 'role' | 'env'>;
  clock: Clock;
  log: (line: string) => void;
}

const isInvalidState = (error: unknown) =>
  error instanceof Error && /^InvalidDBInstanceState/.test(error.name);

export function deleteReplica(ctx: UndoContext): UndoHandler {
  return async (resource: CreatedResource) => {
    const rds = ctx.rdsFor(resource.region);
    const instance = await describeInstance(rds, resource.id);
    if (!instance) return; // already gone
    assertManaged({ kind: 'DB instance', id: resource.id, tags: tagsOf(instance) }, ctx.identity);
    if (instance.DBInstanceStatus === 'deleting') return;
    const send = () =>
      rds.send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: resource.id,
          SkipFinalSnapshot: true,
          DeleteAutomatedBackups: true,
        }),
      );
    try {
      await send();
    } catch (error) {
      // RDS refuses some transitions (e.g. mid-modify); wait for a settled state, once.
      if (!isInvalidState(error)) throw error;
      await waitFor({
        what: `DB instance ${resource.id} to become deletable`,
        timeoutMs: POST_WAIT_MS,
        clock: ctx.clock,
        log: ctx.log,
        check: async () => {
          const now = await describeInstance(rds, resource.id);
          const status = now?.DBInstanceStatus ?? 'gone';
          return [
            'available',
            'failed',
            'incompatible-restore',
            'incompatible-parameters',
            'storage-full',
            'gone',
            'deleting',
          ].includes(status)
            ? { done: true, value: status }
            : { done: false, state: status };
        },
      }).then((status) => (status === 'gone' || status === 'deleting' ? undefined : send()));
    }
    ctx.log(`Deleting DB instance ${resource.id} (no final snapshot).`);
  };
}

async function describeSnapshot(rds: RDSClient, id: string): Promise<DBSnapshot | undefined> {
  try {
    const { DBSnapshots } = await rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: id }));
    return DBSnapshots?.[0];
  } catch (error) {
    if (error instanceof Error && /^DBSnapshotNotFound/.test(error.name)) return undefined;
    throw error;
  }
}

export function deleteSnapshot(ctx: UndoContext): UndoHandler {
  return async (resource: CreatedResource) => {
    const rds = ctx.rdsFor(resource.region);
    const snapshot = await describeSnapshot(rds, resource.id);
    if (!snapshot) return;
    assertManaged(
      { kind: 'DB snapshot', id: resource.id, tags: fromAwsTags(snapshot.TagList) },
      ctx.identity,
    );
    if (snapshot.Status !== 'available') {
      // A snapshot being taken cannot be deleted until it is done.
      await waitFor({
        what: `DB snapshot ${resource.id} to finish so it can be deleted`,
        timeoutMs: POST_WAIT_MS,
        clock: ctx.clock,
        log: ctx.log,
        check: async () => {
          const now = await describeSnapshot(rds, resource.id);
          if (!now) return { done: true, value: undefined };
          return now.Status === 'creating'
            ? { done: false, state: 'creating' }
            : { done: true, value: undefined };
        },
      });
      if (!(await describeSnapshot(rds, resource.id))) return;
    }
    await rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: resource.id }));
  };
}

const isClusterState = (error: unknown) =>
  error instanceof Error && /^InvalidDBClusterState/.test(error.name);

async function describeClusterQuietly(rds: RDSClient, id: string): Promise<DBCluster | undefined> {
  try {
    return (await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }))).DBClusters?.[0];
  } catch (error) {
    if (error instanceof Error && /^DBClusterNotFound/.test(error.name)) return undefined;
    throw error;
  }
}

/**
 * Deletes an Aurora clone (no final snapshot: it is a copy). Its writer instance goes first
 * (the undo runs in reverse order of creation); RDS refuses the cluster while an instance
 * that is not being deleted remains, or while the clone is still being made, so post waits
 * for a deletable state once.
 */
export function deleteClusterReplica(ctx: UndoContext): UndoHandler {
  return async (resource: CreatedResource) => {
    const rds = ctx.rdsFor(resource.region);
    const cluster = await describeClusterQuietly(rds, resource.id);
    if (!cluster) return;
    assertManaged({ kind: 'DB cluster', id: resource.id, tags: fromAwsTags(cluster.TagList) }, ctx.identity);
    if (cluster.Status === 'deleting') return;
    const send = () =>
      rds.send(new DeleteDBClusterCommand({ DBClusterIdentifier: resource.id, SkipFinalSnapshot: true }));
    try {
      await send();
    } catch (error) {
      if (!isClusterState(error)) throw error;
      const status = await waitFor({
        what: `DB cluster ${resource.id} to become deletable`,
        timeoutMs: POST_WAIT_MS,
        clock: ctx.clock,
        log: ctx.log,
        check: async () => {
          const now = await describeClusterQuietly(rds, resource.id);
          const state = now?.Status ?? 'gone';
          if (['creating', 'modifying', 'resetting-master-credentials', 'backing-up'].includes(state))
            return { done: false, state };
          return { done: true, value: state };
        },
      });
      if (status === 'gone' || status === 'deleting') return;
      await send();
    }
    ctx.log(`Deleting DB cluster ${resource.id} (no final snapshot).`);
  };
}
