// Emulated Aurora over HTTP with the real RDSClient: the seeded source cluster, copy-on-write
// and full-copy clones (backed by a real PostgreSQL database each), writer instances, the
// one-time password state, cluster snapshots, the delete order AWS enforces, tags on cluster
// ARNs, filters and pagination, and the real errors.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AddTagsToResourceCommand,
  CreateDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  DeleteDBClusterCommand,
  DeleteDBClusterSnapshotCommand,
  DeleteDBInstanceCommand,
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBInstancesCommand,
  ListTagsForResourceCommand,
  ModifyDBClusterCommand,
  ModifyDBInstanceCommand,
  RDSClient,
  RestoreDBClusterFromSnapshotCommand,
  RestoreDBClusterToPointInTimeCommand,
  type DBCluster,
} from '@aws-sdk/client-rds';
import { startSandbox, type Sandbox } from '../src/index.js';
import { pgClient, type PgClient } from '../src/postgres.js';

const MIN = 60_000;
const SOURCE = 'app-cluster';

let sandbox: Sandbox;
let rds: RDSClient;
/** A sandbox without PostgreSQL, for the tests that make many clusters. */
let plain: Sandbox;
let plainRds: RDSClient;
const open: PgClient[] = [];

const client = (sb: Sandbox) =>
  new RDSClient({
    endpoint: sb.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 1, seed: 'default', postgres: true });
  rds = client(sandbox);
  plain = await startSandbox({ timeScale: 1, seed: 'default' });
  plainRds = client(plain);
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((c) => c.end().catch(() => undefined)));
  rds.destroy();
  plainRds.destroy();
  await sandbox.stop();
  await plain.stop();
}, 30_000);

type SdkError = Error & { $metadata?: { httpStatusCode?: number } };

async function failure(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to fail');
}

async function cluster(id: string, c = rds): Promise<DBCluster> {
  return (await c.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }))).DBClusters![0]!;
}

async function instanceStatus(id: string): Promise<string | undefined> {
  return (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances![0]
    ?.DBInstanceStatus;
}

const clone = (id: string, extra: Record<string, unknown> = {}, c = rds) =>
  c.send(
    new RestoreDBClusterToPointInTimeCommand({
      DBClusterIdentifier: id,
      SourceDBClusterIdentifier: SOURCE,
      RestoreType: 'copy-on-write',
      UseLatestRestorableTime: true,
      ...extra,
    }),
  );

/** Connect the way an application would: the cluster's writer endpoint, port, database and user. */
async function connect(id: string): Promise<PgClient> {
  const c = await cluster(id);
  const pg = await pgClient({
    host: c.Endpoint!,
    port: c.Port!,
    database: c.DatabaseName!,
    user: c.MasterUsername!,
    password: 'the-sandbox-trusts-loopback',
  });
  await pg.connect();
  open.push(pg);
  return pg;
}

async function customers(id: string): Promise<string[]> {
  const pg = await connect(id);
  const { rows } = await pg.query<{ email: string }>('SELECT email FROM customers ORDER BY id');
  return rows.map((r) => r.email);
}

describe('the seeded Aurora source', () => {
  it('is app-cluster (aurora-postgresql, backups kept 7 days) with a writer instance and real data', async () => {
    const c = await cluster(SOURCE);
    expect(c).toMatchObject({
      Engine: 'aurora-postgresql',
      Status: 'available',
      BackupRetentionPeriod: 7,
      DBClusterArn: 'arn:aws:rds:us-east-1:123456789012:cluster:app-cluster',
      DBClusterMembers: [
        expect.objectContaining({ DBInstanceIdentifier: 'app-cluster-writer', IsClusterWriter: true }),
      ],
    });
    expect(c.LatestRestorableTime).toBeInstanceOf(Date);
    expect(c.EarliestRestorableTime!.getTime()).toBeLessThan(c.LatestRestorableTime!.getTime());
    expect(await customers(SOURCE)).toHaveLength(5);
    const writer = await rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: [SOURCE] }] }),
    );
    expect(writer.DBInstances!.map((i) => [i.DBInstanceIdentifier, i.DBClusterIdentifier])).toEqual([
      ['app-cluster-writer', SOURCE],
    ]);
    const snaps = await rds.send(new DescribeDBClusterSnapshotsCommand({ DBClusterIdentifier: SOURCE }));
    expect(snaps.DBClusterSnapshots).toEqual([
      expect.objectContaining({
        SnapshotType: 'automated',
        Status: 'available',
        Engine: 'aurora-postgresql',
      }),
    ]);
  });

  it('filters clusters by engine and db-cluster-id (identifier or ARN), and rejects unknown filters', async () => {
    const byEngine = await rds.send(
      new DescribeDBClustersCommand({ Filters: [{ Name: 'engine', Values: ['aurora-postgresql'] }] }),
    );
    expect(byEngine.DBClusters!.map((c) => c.DBClusterIdentifier)).toContain(SOURCE);
    const none = await rds.send(
      new DescribeDBClustersCommand({ Filters: [{ Name: 'engine', Values: ['aurora-mysql'] }] }),
    );
    expect(none.DBClusters).toEqual([]);
    const byArn = await rds.send(
      new DescribeDBClustersCommand({
        Filters: [
          { Name: 'db-cluster-id', Values: ['arn:aws:rds:us-east-1:123456789012:cluster:app-cluster'] },
        ],
      }),
    );
    expect(byArn.DBClusters!.map((c) => c.DBClusterIdentifier)).toEqual([SOURCE]);
    const err = await failure(
      rds.send(new DescribeDBClustersCommand({ Filters: [{ Name: 'tag:env', Values: ['x'] }] })),
    );
    expect(err.name).toBe('InvalidParameterValue');
    const missing = await failure(cluster('no-such-cluster'));
    expect(missing.name).toBe('DBClusterNotFoundFault');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });
});

describe('a copy-on-write clone', () => {
  it('is ready in the clone time, with a writer added once it is available, and holds the source data', async () => {
    const out = await clone('clone-a', {
      DBSubnetGroupName: 'replicas',
      VpcSecurityGroupIds: ['sg-0123456789abcdef0'],
      Tags: [{ Key: 'owner', Value: 'tests' }],
    });
    expect(out.DBCluster).toMatchObject({ Status: 'creating', DBSubnetGroup: 'replicas' });
    expect(out.DBCluster!.CloneGroupId).toBe((await cluster(SOURCE)).CloneGroupId);
    // "You can create DB instances only after … the DB cluster is available."
    const early = await failure(
      rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: 'clone-a-writer',
          DBClusterIdentifier: 'clone-a',
          DBInstanceClass: 'db.r6g.large',
          Engine: 'aurora-postgresql',
        }),
      ),
    );
    expect(early.name).toBe('InvalidDBClusterStateFault');
    sandbox.advance(1 * MIN);
    expect((await cluster('clone-a')).Status).toBe('available');
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'clone-a-writer',
        DBClusterIdentifier: 'clone-a',
        DBInstanceClass: 'db.r6g.large',
        Engine: 'aurora-postgresql',
      }),
    );
    expect(await instanceStatus('clone-a-writer')).toBe('creating');
    sandbox.advance(5 * MIN);
    expect(await instanceStatus('clone-a-writer')).toBe('available');
    const c = await cluster('clone-a');
    expect(c.DBClusterMembers).toEqual([
      expect.objectContaining({ DBInstanceIdentifier: 'clone-a-writer', IsClusterWriter: true }),
    ]);
    expect(c.VpcSecurityGroups).toEqual([{ VpcSecurityGroupId: 'sg-0123456789abcdef0', Status: 'active' }]);
    expect(await customers('clone-a')).toEqual(await customers(SOURCE));
  });

  it("changes only the clone's data, never the source's", async () => {
    const before = await customers(SOURCE);
    const pg = await connect('clone-a');
    await pg.query('ALTER TABLE customers ADD COLUMN tier text');
    await pg.query("INSERT INTO customers (name, email) VALUES ('Alan Turing', 'alan@example.test')");
    expect(await customers('clone-a')).toHaveLength(before.length + 1);
    expect(await customers(SOURCE)).toEqual(before);
    const columns = await (
      await connect(SOURCE)
    ).query<{ c: string }>(
      "SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'customers'",
    );
    expect(columns.rows.map((r) => r.c)).not.toContain('tier');
  });

  it('takes tags by cluster ARN', async () => {
    const arn = (await cluster('clone-a')).DBClusterArn!;
    await rds.send(
      new AddTagsToResourceCommand({ ResourceName: arn, Tags: [{ Key: 'stage', Value: 'test' }] }),
    );
    const { TagList } = await rds.send(new ListTagsForResourceCommand({ ResourceName: arn }));
    expect(TagList).toEqual([
      { Key: 'owner', Value: 'tests' },
      { Key: 'stage', Value: 'test' },
    ]);
  });

  it('sets a master password on the cluster (resetting-master-credentials, pending until applied), not on its instance', async () => {
    const refused = await failure(
      rds.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: 'clone-a-writer',
          MasterUserPassword: 'a-new-password-1',
        }),
      ),
    );
    expect(refused.name).toBe('InvalidParameterCombination');
    const out = await rds.send(
      new ModifyDBClusterCommand({
        DBClusterIdentifier: 'clone-a',
        MasterUserPassword: 'a-new-password-1',
        ApplyImmediately: true,
      }),
    );
    expect(out.DBCluster).toMatchObject({
      Status: 'resetting-master-credentials',
      PendingModifiedValues: { MasterUserPassword: '****' },
    });
    const busy = await failure(
      rds.send(
        new ModifyDBClusterCommand({ DBClusterIdentifier: 'clone-a', ManageMasterUserPassword: true }),
      ),
    );
    expect(busy.name).toBe('InvalidDBClusterStateFault');
    sandbox.advance(2 * MIN);
    const after = await cluster('clone-a');
    expect(after.Status).toBe('available');
    expect(after.PendingModifiedValues?.MasterUserPassword).toBeUndefined();
    const managed = await rds.send(
      new ModifyDBClusterCommand({
        DBClusterIdentifier: 'clone-a',
        ManageMasterUserPassword: true,
        ApplyImmediately: true,
      }),
    );
    expect(managed.DBCluster!.MasterUserSecret?.SecretArn).toMatch(/:secret:rds!cluster-/);
    sandbox.advance(2 * MIN);
  });

  it('is deleted instances first: the cluster refuses while an instance remains, then needs a final snapshot decision', async () => {
    const first = await failure(
      rds.send(new DeleteDBClusterCommand({ DBClusterIdentifier: 'clone-a', SkipFinalSnapshot: true })),
    );
    expect(first.name).toBe('InvalidDBClusterStateFault');
    expect(first.message).toMatch(/still contains DB instances/);
    const withFinal = await failure(
      rds.send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: 'clone-a-writer',
          FinalDBSnapshotIdentifier: 'x',
        }),
      ),
    );
    expect(withFinal.name).toBe('InvalidParameterCombination');
    await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'clone-a-writer' }));
    expect(await instanceStatus('clone-a-writer')).toBe('deleting');
    const undecided = await failure(rds.send(new DeleteDBClusterCommand({ DBClusterIdentifier: 'clone-a' })));
    expect(undecided.name).toBe('InvalidParameterCombination');
    await rds.send(
      new DeleteDBClusterCommand({
        DBClusterIdentifier: 'clone-a',
        FinalDBSnapshotIdentifier: 'clone-a-final',
      }),
    );
    expect((await cluster('clone-a')).Status).toBe('deleting');
    sandbox.advance(3 * MIN);
    expect((await failure(cluster('clone-a'))).name).toBe('DBClusterNotFoundFault');
    const final = await rds.send(
      new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'clone-a-final' }),
    );
    expect(final.DBClusterSnapshots![0]).toMatchObject({
      SnapshotType: 'manual',
      DBClusterIdentifier: 'clone-a',
    });
    // The final snapshot keeps the clone's data: restore it and read it.
    sandbox.advance(5 * MIN);
    await rds.send(
      new RestoreDBClusterFromSnapshotCommand({
        DBClusterIdentifier: 'from-final',
        SnapshotIdentifier: 'clone-a-final',
        Engine: 'aurora-postgresql',
      }),
    );
    sandbox.advance(10 * MIN);
    expect(await customers('from-final')).toContain('alan@example.test');
  });
});

describe('restores and snapshots', () => {
  it('refuses what AWS refuses', async () => {
    const both = await failure(clone('bad-a', { RestoreToTime: new Date() }));
    expect(both.name).toBe('InvalidParameterCombination');
    const cowTime = await failure(
      clone('bad-b', { UseLatestRestorableTime: undefined, RestoreToTime: new Date(Date.now()) }),
    );
    expect(cowTime.name).toBe('InvalidParameterCombination');
    const exists = await failure(clone(SOURCE));
    expect(exists.name).toBe('DBClusterAlreadyExistsFault');
    const noSource = await failure(clone('bad-c', { SourceDBClusterIdentifier: 'nope' }));
    expect(noSource.name).toBe('DBClusterNotFoundFault');
    const badId = await failure(clone('bad--id'));
    expect(badId.name).toBe('InvalidParameterValue');
    const noInstance = await failure(
      rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: 'orphan',
          DBClusterIdentifier: 'nope',
          DBInstanceClass: 'db.r6g.large',
          Engine: 'aurora-postgresql',
        }),
      ),
    );
    expect(noInstance.name).toBe('DBClusterNotFoundFault');
  });

  it('makes a full copy from a point in time, which takes longer than a clone', async () => {
    const now = (await cluster(SOURCE)).LatestRestorableTime!;
    await rds.send(
      new RestoreDBClusterToPointInTimeCommand({
        DBClusterIdentifier: 'full-a',
        SourceDBClusterIdentifier: SOURCE,
        RestoreType: 'full-copy',
        RestoreToTime: new Date(now.getTime() - 60 * MIN),
      }),
    );
    sandbox.advance(2 * MIN);
    expect((await cluster('full-a')).Status).toBe('creating');
    expect((await cluster('full-a')).CloneGroupId).not.toBe((await cluster(SOURCE)).CloneGroupId);
    sandbox.advance(9 * MIN);
    expect((await cluster('full-a')).Status).toBe('available');
    expect(await customers('full-a')).toHaveLength(5);
    const tooOld = await failure(
      rds.send(
        new RestoreDBClusterToPointInTimeCommand({
          DBClusterIdentifier: 'full-b',
          SourceDBClusterIdentifier: SOURCE,
          RestoreToTime: new Date(now.getTime() - 30 * 24 * 60 * MIN),
        }),
      ),
    );
    expect(tooOld.name).toBe('InvalidRestoreFault');
  });

  it('snapshots a cluster, restores it (Engine required and matching) and deletes the snapshot', async () => {
    await rds.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: SOURCE,
        DBClusterSnapshotIdentifier: 'manual-1',
      }),
    );
    const dup = await failure(
      rds.send(
        new CreateDBClusterSnapshotCommand({
          DBClusterIdentifier: SOURCE,
          DBClusterSnapshotIdentifier: 'manual-1',
        }),
      ),
    );
    expect(dup.name).toBe('DBClusterSnapshotAlreadyExistsFault');
    const notYet = await failure(
      rds.send(
        new RestoreDBClusterFromSnapshotCommand({
          DBClusterIdentifier: 'snap-a',
          SnapshotIdentifier: 'manual-1',
          Engine: 'aurora-postgresql',
        }),
      ),
    );
    expect(notYet.name).toBe('InvalidDBClusterSnapshotStateFault');
    sandbox.advance(5 * MIN);
    const wrongEngine = await failure(
      rds.send(
        new RestoreDBClusterFromSnapshotCommand({
          DBClusterIdentifier: 'snap-a',
          SnapshotIdentifier: 'manual-1',
          Engine: 'aurora-mysql',
        }),
      ),
    );
    expect(wrongEngine.name).toBe('InvalidParameterCombination');
    await rds.send(
      new RestoreDBClusterFromSnapshotCommand({
        DBClusterIdentifier: 'snap-a',
        SnapshotIdentifier: 'manual-1',
        Engine: 'aurora-postgresql',
        ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 },
      }),
    );
    sandbox.advance(11 * MIN);
    expect(await customers('snap-a')).toHaveLength(5);
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'snap-a-writer',
        DBClusterIdentifier: 'snap-a',
        DBInstanceClass: 'db.serverless',
        Engine: 'aurora-postgresql',
      }),
    );
    expect((await cluster('snap-a')).ServerlessV2ScalingConfiguration).toEqual({
      MinCapacity: 0.5,
      MaxCapacity: 4,
    });
    await rds.send(new DeleteDBClusterSnapshotCommand({ DBClusterSnapshotIdentifier: 'manual-1' }));
    const gone = await failure(
      rds.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: 'manual-1' })),
    );
    expect(gone.name).toBe('DBClusterSnapshotNotFoundFault');
  });

  it('refuses a db.serverless writer in a cluster without a Serverless v2 capacity range', async () => {
    await clone('cow-noscale');
    sandbox.advance(2 * MIN);
    const err = await failure(
      rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: 'cow-noscale-writer',
          DBClusterIdentifier: 'cow-noscale',
          DBInstanceClass: 'db.serverless',
          Engine: 'aurora-postgresql',
        }),
      ),
    );
    expect(err.name).toBe('InvalidParameterCombination');
  });

  it('fails a clone under the restore-fails fault (cloning-failed)', async () => {
    sandbox.addFaults([{ kind: 'restore-fails', match: { DBClusterIdentifier: 'cow-fails' } }]);
    await clone('cow-fails');
    sandbox.advance(2 * MIN);
    expect((await cluster('cow-fails')).Status).toBe('cloning-failed');
  });
});

describe('limits and pagination', () => {
  it('allows 15 copy-on-write clones of a storage (clones of clones count), then only full copies', async () => {
    for (let i = 0; i < 14; i++) await clone(`cow-${i}`, {}, plainRds);
    plain.advance(2 * MIN);
    // The 15th is a clone of a clone: it shares the same storage root.
    await plainRds.send(
      new RestoreDBClusterToPointInTimeCommand({
        DBClusterIdentifier: 'cow-14',
        SourceDBClusterIdentifier: 'cow-0',
        RestoreType: 'copy-on-write',
        UseLatestRestorableTime: true,
      }),
    );
    const over = await failure(clone('cow-15', {}, plainRds));
    expect(over.name).toBe('InvalidDBClusterStateFault');
    expect(over.message).toMatch(/15/);
    await clone('full-15', { RestoreType: 'full-copy' }, plainRds);
    // Deleting a clone frees a place.
    await plainRds.send(
      new DeleteDBClusterCommand({ DBClusterIdentifier: 'cow-3', SkipFinalSnapshot: true }),
    );
    await clone('cow-15', {}, plainRds);
  });

  it('pages DescribeDBClusters with MaxRecords and Marker', async () => {
    for (let i = 0; i < 5; i++) await clone(`page-${i}`, { RestoreType: 'full-copy' }, plainRds);
    const first = await plainRds.send(new DescribeDBClustersCommand({ MaxRecords: 20 }));
    expect(first.DBClusters).toHaveLength(20);
    expect(first.Marker).toBeTruthy();
    const second = await plainRds.send(
      new DescribeDBClustersCommand({ MaxRecords: 20, Marker: first.Marker }),
    );
    const ids = [...first.DBClusters!, ...second.DBClusters!].map((c) => c.DBClusterIdentifier);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    const bad = await failure(plainRds.send(new DescribeDBClustersCommand({ MaxRecords: 5 })));
    expect(bad.name).toBe('InvalidParameterValue');
  });
});
