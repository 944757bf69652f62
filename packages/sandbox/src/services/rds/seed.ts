// The default seed (with the Aurora cluster `app-cluster` of cluster-seed.ts): a source instance `app-db` (postgres, backups kept 7 days) made a
// month ago, with automated snapshots from the last two nights; with PostgreSQL, a
// `customers` table that grew by one row after each snapshot.
import { DURATIONS } from '../../durations.js';
import type { PostgresBackend } from '../../postgres.js';
import { SEED } from '../../seed.js';
import type { ServiceContext } from '../../service.js';
import { settle, timeline } from '../../timeline.js';
import { seedAuroraSource } from './cluster-seed.js';
import { advance, hexId, snapshotFrom, uuid } from './lifecycle.js';
import { pgFailure, pgSnapshotName } from './postgres-backing.js';
import { insertCustomers } from './seed-customers.js';
import { automatedSnapshotId, ENGINES } from './rules.js';
import {
  DAY,
  instanceArn,
  MIN,
  type DbInstance,
  type DbSnapshot,
  type InstanceStatus,
  type RdsContext,
} from './state.js';

function seedInstance(ctx: ServiceContext, region: string, now: number): DbInstance {
  const created = now - 30 * DAY;
  const engineInfo = ENGINES['postgres']!;
  return {
    id: 'app-db',
    arn: instanceArn(ctx, region, 'app-db'),
    region,
    resourceId: `db-${hexId(ctx, 26).toUpperCase()}`,
    instanceClass: 'db.t4g.micro',
    engine: 'postgres',
    engineVersion: engineInfo.version,
    licenseModel: engineInfo.license,
    allocatedStorage: 20,
    storageType: 'gp3',
    masterUsername: 'appadmin',
    dbName: 'app',
    port: engineInfo.port,
    backupRetentionPeriod: 7,
    preferredBackupWindow: '03:00-03:30',
    preferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    multiAz: false,
    publiclyAccessible: false,
    autoMinorVersionUpgrade: true,
    storageEncrypted: true,
    kmsKeyId: `arn:aws:kms:${region}:${ctx.accountId}:key/${uuid(ctx)}`,
    deletionProtection: false,
    copyTagsToSnapshot: true,
    vpcSecurityGroupIds: [SEED.securityGroup.groupId],
    dbSubnetGroupName: 'default',
    parameterGroupName: `default.${engineInfo.family}`,
    availabilityZone: `${region}a`,
    requestedAt: created - DURATIONS.rdsCreating,
    createdAt: created,
    timeline: timeline<InstanceStatus>(created, 'available'),
    tags: [
      { Key: 'app', Value: 'demo' },
      { Key: 'env', Value: 'production' },
    ],
    pendingModifiedValues: {},
    initialBackupAt: created,
    initialBackupTaken: true,
    earliestRestorableAt: now - 7 * DAY,
  };
}

/** The `app-db` database and its snapshots' clones: three customers at the older
 *  snapshot, four at the newer, five now. */
async function seedDatabases(b: PostgresBackend, snaps: DbSnapshot[]): Promise<void> {
  await b.dropDatabase('app-db');
  await b.createDatabase('app-db');
  await insertCustomers(b, 'app-db', 0, 3);
  for (let s = 0; s < snaps.length; s++) {
    const snap = snaps[s]!;
    snap.pgDatabase = pgSnapshotName(snap.id, snap.createdAt);
    await b.dropDatabase(snap.pgDatabase);
    await b.cloneDatabase('app-db', snap.pgDatabase);
    await insertCustomers(b, 'app-db', 3 + s, 4 + s);
  }
}

/** The default seed: `app-db`, then the Aurora source `app-cluster` (cluster-seed.ts). */
export async function seed(rds: RdsContext, ctx: ServiceContext): Promise<void> {
  await seedAppDb(rds, ctx);
  await seedAuroraSource(rds, ctx);
}

async function seedAppDb(rds: RdsContext, ctx: ServiceContext): Promise<void> {
  await advance(rds, ctx);
  if (rds.state.instances['app-db']) return;
  const region = ctx.region ?? 'us-east-1';
  const now = ctx.clock.now();
  const inst = seedInstance(ctx, region, now);
  rds.state.instances[inst.id] = inst;
  const today = Math.floor(now / DAY) * DAY;
  const snapshotTimes = [today - 2 * DAY + 3 * 60 * MIN + 10 * MIN, today - DAY + 3 * 60 * MIN + 10 * MIN];
  const snaps = snapshotTimes.map((at) =>
    snapshotFrom(ctx, inst, automatedSnapshotId(inst.id, at), 'automated', at, 8 * MIN, [...inst.tags]),
  );
  for (const snap of snaps) {
    settle(snap.timeline, now);
    rds.state.snapshots[snap.id] = snap;
  }
  if (!rds.pg.uses('postgres')) return;
  try {
    await rds.pg.run((b) => seedDatabases(b, snaps));
  } catch (err) {
    throw pgFailure(err);
  }
  inst.pgDatabase = 'app-db';
  inst.dbName = 'app-db';
  inst.masterUsername = rds.pg.backend!.user;
  for (const snap of snaps) snap.masterUsername = rds.pg.backend!.user;
}
