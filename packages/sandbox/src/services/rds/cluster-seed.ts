// The default seed's Aurora source: a cluster `app-cluster` (aurora-postgresql, backups kept
// 7 days) made a month ago with one writer instance `app-cluster-writer`, and an automated
// cluster snapshot from last night; with PostgreSQL, a `customers` table like app-db's: four
// customers at the snapshot, five now.
import { DURATIONS } from '../../durations.js';
import type { PostgresBackend } from '../../postgres.js';
import { SEED } from '../../seed.js';
import type { ServiceContext } from '../../service.js';
import { settle, timeline } from '../../timeline.js';
import { memberOf } from './cluster-instances.js';
import { newClusterSnapshot } from './cluster-snapshots.js';
import {
  AURORA_ENGINES,
  clusterArn,
  pgClusterName,
  type ClusterStatus,
  type DbCluster,
  type DbClusterSnapshot,
} from './cluster-state.js';
import { hexId, uuid } from './lifecycle.js';
import { pgFailure, pgSnapshotName } from './postgres-backing.js';
import { insertCustomers } from './seed-customers.js';
import { automatedSnapshotId } from './rules.js';
import { DAY, MIN, type DbInstance, type InstanceStatus, type RdsContext } from './state.js';

export const SEED_CLUSTER = 'app-cluster';
export const SEED_CLUSTER_WRITER = 'app-cluster-writer';

function seedCluster(ctx: ServiceContext, region: string, now: number): DbCluster {
  const created = now - 30 * DAY;
  const engine = AURORA_ENGINES['aurora-postgresql']!;
  return {
    id: SEED_CLUSTER,
    arn: clusterArn(ctx, region, SEED_CLUSTER),
    region,
    resourceId: `cluster-${hexId(ctx, 26).toUpperCase()}`,
    engine: 'aurora-postgresql',
    engineVersion: engine.version,
    engineMode: 'provisioned',
    port: engine.port,
    masterUsername: 'appadmin',
    databaseName: 'app',
    backupRetentionPeriod: 7,
    preferredBackupWindow: '03:00-03:30',
    preferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    storageEncrypted: true,
    kmsKeyId: `arn:aws:kms:${region}:${ctx.accountId}:key/${uuid(ctx)}`,
    deletionProtection: false,
    copyTagsToSnapshot: true,
    vpcSecurityGroupIds: [SEED.securityGroup.groupId],
    dbSubnetGroupName: 'default',
    parameterGroupName: `default.${engine.family}`,
    availabilityZones: SEED.subnets.map((s) => s.availabilityZone),
    requestedAt: created - DURATIONS.auroraFullCopyCreating,
    createdAt: created,
    timeline: timeline<ClusterStatus>(created, 'available'),
    tags: [
      { Key: 'app', Value: 'demo' },
      { Key: 'env', Value: 'production' },
    ],
    origin: 'created',
    copyRoot: SEED_CLUSTER,
    cloneGroupId: uuid(ctx),
  };
}

/** The cluster's writer, as CreateDBInstance makes a member, but created with the cluster
 *  in the past. */
function seedWriter(ctx: ServiceContext, c: DbCluster): DbInstance {
  const createdAt = c.createdAt + DURATIONS.auroraInstanceCreating;
  return {
    ...memberOf(ctx, c.region, SEED_CLUSTER_WRITER, c, 'db.r6g.large', {}),
    requestedAt: c.createdAt,
    createdAt,
    timeline: timeline<InstanceStatus>(createdAt, 'available'),
    tags: [...c.tags],
  };
}

/** The cluster's database and its snapshot's clone: four customers at the snapshot, five now. */
async function seedDatabases(b: PostgresBackend, cluster: string, snap: string): Promise<void> {
  await b.dropDatabase(cluster);
  await b.dropDatabase(snap);
  await b.createDatabase(cluster);
  await insertCustomers(b, cluster, 0, 4);
  await b.cloneDatabase(cluster, snap);
  await insertCustomers(b, cluster, 4, 5);
}

/** Seeds `app-cluster` next to `app-db` (seed.ts calls it); nothing when it exists. */
export async function seedAuroraSource(rds: RdsContext, ctx: ServiceContext): Promise<void> {
  if (rds.state.clusters[SEED_CLUSTER]) return;
  const region = ctx.region ?? 'us-east-1';
  const now = ctx.clock.now();
  const c = seedCluster(ctx, region, now);
  const writer = seedWriter(ctx, c);
  const at = Math.floor(now / DAY) * DAY - DAY + 3 * 60 * MIN + 10 * MIN;
  const snap: DbClusterSnapshot = newClusterSnapshot(ctx, c, automatedSnapshotId(c.id, at), 'automated', at, [
    ...c.tags,
  ]);
  settle(snap.timeline, now);
  rds.state.clusters[c.id] = c;
  rds.state.instances[writer.id] = writer;
  rds.state.clusterSnapshots[snap.id] = snap;
  if (!rds.pg.backend) return;
  const clusterDb = pgClusterName(c.id, c.requestedAt);
  const snapDb = pgSnapshotName(`cluster-${snap.id}`, snap.createdAt);
  try {
    await rds.pg.run((b) => seedDatabases(b, clusterDb, snapDb));
  } catch (err) {
    throw pgFailure(err);
  }
  const user = rds.pg.backend.user;
  Object.assign(c, { pgDatabase: clusterDb, databaseName: clusterDb, masterUsername: user });
  Object.assign(writer, { pgDatabase: clusterDb, dbName: clusterDb, masterUsername: user });
  Object.assign(snap, { pgDatabase: snapDb, databaseName: clusterDb, masterUsername: user });
}
