// Emulated Amazon RDS (awsQuery, API version 2014-10-31): DB instances and DB snapshots
// with AWS's identifier rules, status lifecycles on the sandbox clock, automated and
// manual snapshots, restores from a snapshot or to a point in time, tags, and — when a
// PostgreSQL backend is attached — a real database behind every postgres instance.
//
// Shapes and error codes follow the RDS model in @aws-sdk/client-rds (DBInstance,
// DBSnapshot, *Fault awsQueryError codes); the rules are the ones in the RDS API
// reference for each operation. State is plain JSON; statuses advance lazily on read.
//
// This module owns the state (in an `RdsContext`) and wires the handlers of the other
// modules to it; the handlers themselves are plain functions of that context.
import type { PostgresBackend } from '../../postgres.js';
import type { EmulatedService, OperationHandler, SandboxRequest, ServiceContext } from '../../service.js';
import { settle } from '../../timeline.js';
import { toMap } from '../common/tags.js';
import { rdsAuthorization } from './authorization.js';
import { restoreDbClusterFromSnapshot, restoreDbClusterToPointInTime } from './cluster-restore.js';
import {
  createDbClusterSnapshot,
  deleteDbClusterSnapshot,
  describeDbClusterSnapshots,
} from './cluster-snapshots.js';
import { clusterStatusOf } from './cluster-state.js';
import { deleteDbCluster, describeDbClusters, modifyDbCluster } from './clusters.js';
import { createDbInstance, deleteDbInstance, describeDbInstances } from './instances.js';
import { modifyDbInstance } from './modify.js';
import { PostgresBacking } from './postgres-backing.js';
import { restoreDbInstanceFromDbSnapshot, restoreDbInstanceToPointInTime } from './restore.js';
import { seed } from './seed.js';
import { createDbSnapshot, deleteDbSnapshot, describeDbSnapshots } from './snapshots.js';
import {
  emptyState,
  restoredState,
  statusOf,
  type RdsContext,
  type RdsHandler,
  type RdsServiceOptions,
} from './state.js';
import { addTagsToResource, listTagsForResource, removeTagsFromResource } from './tags.js';

export { automatedSnapshotId, validIdentifier } from './rules.js';
export { RDS_TIMINGS, type RdsServiceOptions } from './state.js';

export const RDS_NAMESPACE = 'http://rds.amazonaws.com/doc/2014-10-31/';

export type RdsService = EmulatedService & {
  seed(ctx: ServiceContext): Promise<void>;
  start(ctx: ServiceContext): Promise<void> | undefined;
  stop(): Promise<void>;
  /** The PostgreSQL backend, if any (for tests and the sandbox's handle). */
  readonly postgres: PostgresBackend | undefined;
};

const HANDLERS: Record<string, RdsHandler> = {
  CreateDBInstance: createDbInstance,
  DescribeDBInstances: describeDbInstances,
  ModifyDBInstance: modifyDbInstance,
  DeleteDBInstance: deleteDbInstance,
  CreateDBSnapshot: createDbSnapshot,
  DeleteDBSnapshot: deleteDbSnapshot,
  DescribeDBSnapshots: describeDbSnapshots,
  RestoreDBInstanceFromDBSnapshot: restoreDbInstanceFromDbSnapshot,
  RestoreDBInstanceToPointInTime: restoreDbInstanceToPointInTime,
  AddTagsToResource: addTagsToResource,
  ListTagsForResource: listTagsForResource,
  RemoveTagsFromResource: removeTagsFromResource,
  // Aurora: clusters and their snapshots (instances join a cluster through CreateDBInstance).
  DescribeDBClusters: describeDbClusters,
  RestoreDBClusterToPointInTime: restoreDbClusterToPointInTime,
  RestoreDBClusterFromSnapshot: restoreDbClusterFromSnapshot,
  ModifyDBCluster: modifyDbCluster,
  DeleteDBCluster: deleteDbCluster,
  CreateDBClusterSnapshot: createDbClusterSnapshot,
  DescribeDBClusterSnapshots: describeDbClusterSnapshots,
  DeleteDBClusterSnapshot: deleteDbClusterSnapshot,
};

type InventoryItem = ReturnType<EmulatedService['inventory']>[number];

function inventory(rds: RdsContext, ctx: ServiceContext): InventoryItem[] {
  const now = ctx.clock.now();
  const out: InventoryItem[] = [];
  for (const inst of Object.values(rds.state.instances)) {
    const status = statusOf(inst, now);
    if (status === 'deleted') continue;
    out.push({ kind: 'db-instance', id: inst.id, state: status, tags: toMap(inst.tags) });
  }
  for (const snap of Object.values(rds.state.snapshots)) {
    out.push({ kind: 'db-snapshot', id: snap.id, state: settle(snap.timeline, now), tags: toMap(snap.tags) });
  }
  for (const c of Object.values(rds.state.clusters)) {
    const status = clusterStatusOf(c, now);
    if (status !== 'deleted') out.push({ kind: 'db-cluster', id: c.id, state: status, tags: toMap(c.tags) });
  }
  for (const cs of Object.values(rds.state.clusterSnapshots)) {
    out.push({
      kind: 'db-cluster-snapshot',
      id: cs.id,
      state: settle(cs.timeline, now),
      tags: toMap(cs.tags),
    });
  }
  return out;
}

/** Empties the state; the databases behind it are dropped in the background (in queue
 *  order, so before anything a later seed creates). */
function reset(rds: RdsContext): void {
  const names = [
    ...Object.values(rds.state.instances).map((i) => i.pgDatabase),
    ...Object.values(rds.state.snapshots).map((s) => s.pgDatabase),
    ...Object.values(rds.state.clusters).map((c) => c.pgDatabase),
    ...Object.values(rds.state.clusterSnapshots).map((s) => s.pgDatabase),
  ].filter((n): n is string => n !== undefined);
  rds.state = emptyState();
  if (rds.pg.backend) for (const name of names) void rds.pg.dropQuietly(name);
}

export function createRdsService(options: RdsServiceOptions = {}): RdsService {
  const rds: RdsContext = { state: emptyState(), pg: new PostgresBacking(options.postgres), options };
  const operations: Record<string, OperationHandler> = Object.fromEntries(
    Object.entries(HANDLERS).map(([name, handler]) => [
      name,
      (req: SandboxRequest, ctx: ServiceContext) => handler(rds, req, ctx),
    ]),
  );

  return {
    name: 'rds',
    protocol: 'query',
    namespace: RDS_NAMESPACE,
    operations,
    listItemNames: {
      DBInstances: 'DBInstance',
      DBSnapshots: 'DBSnapshot',
      DBClusters: 'DBCluster',
      DBClusterSnapshots: 'DBClusterSnapshot',
      DBClusterMembers: 'DBClusterMember',
      AvailabilityZones: 'AvailabilityZone',
      ReadReplicaIdentifiers: 'ReadReplicaIdentifier',
      AssociatedRoles: 'DBClusterRole',
      TagList: 'Tag',
      VpcSecurityGroups: 'VpcSecurityGroupMembership',
      DBSecurityGroups: 'DBSecurityGroup',
      DBParameterGroups: 'DBParameterGroup',
      OptionGroupMemberships: 'OptionGroupMembership',
      ReadReplicaDBInstanceIdentifiers: 'ReadReplicaDBInstanceIdentifier',
      DomainMemberships: 'DomainMembership',
      ProcessorFeatures: 'ProcessorFeature',
      Subnets: 'Subnet',
    },
    get postgres() {
      return rds.pg.backend;
    },
    inventory: (ctx) => inventory(rds, ctx),
    authorization: (req) => rdsAuthorization(rds.state, req),
    snapshotState() {
      return JSON.parse(JSON.stringify(rds.state)) as unknown;
    },
    restoreState(saved) {
      rds.state = restoredState(saved);
    },
    reset: () => reset(rds),
    seed: (ctx) => seed(rds, ctx),
    // Nothing to start without PostgreSQL (so an account made at run time seeds at once).
    start: (ctx) => (ctx.options?.postgres ? rds.pg.start(ctx) : undefined),
    stop: () => rds.pg.stop(),
  };
}
