// replicate-data end to end: the built bundle, run as the runner runs it, against the sandbox
// with a real PostgreSQL behind RDS. The change log is applied by a real migration tool
// (node-pg-migrate) through the connection the action provides, and the tests read both
// databases with `pg` to prove the replica changed and the source did not. The action never
// gets the source's password: it sets a one-time one on the replica, which the sandbox sees
// in its call log (and the tests take from there to prove it leaks nowhere else).
//
// One sandbox (PostgreSQL takes seconds to start) serves every scenario; each scenario uses
// its own build, so its replica, snapshot and faults are its own and scenarios run in parallel.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateDBInstanceCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
  type DBInstance,
} from '@aws-sdk/client-rds';
import path from 'node:path';
import { pgClient, type PgClient } from '@immut/sandbox';
import type { CallRecord, Sandbox } from '@immut/sandbox';
import {
  FAKE_GITHUB_TOKEN,
  REPO_ROOT,
  describeRun,
  errorsOf,
  runAction,
  runActionWithPost,
  type ActionRun,
} from '@immut/action-runner';
import {
  documentedIamActions,
  ADMIN_CREDENTIALS,
  iamActionsCalled,
  sandboxEnv,
  startE2eSandbox,
} from '@immut/test-support/sandbox';

const ACTION = 'replicate-data';
const SOURCE = 'app-db';
/** The sandbox's PostgreSQL trusts loopback connections (passwords are recorded, not
 *  verified), so the tests read the databases with a password of their own. */
const TEST_PASSWORD = 'tests-read-with-any-password';

const fixture = (dir: string) => path.join(REPO_ROOT, 'test', 'fixtures', 'replicate-data', dir);
const migrate = (dir: string) =>
  `node "${path.join(REPO_ROOT, 'node_modules', 'node-pg-migrate', 'bin', 'node-pg-migrate.js')}" up --migrations-dir "${fixture(dir)}"`;
const MIGRATE_OK = migrate('migrations');
const MIGRATE_BROKEN = migrate('migrations-broken');

let sandbox: Sandbox;
let rds: RDSClient;
let env: Record<string, string>;
const runs: ActionRun[] = [];
const clients: PgClient[] = [];

const replicaId = (build: string) => `test-api-${build}`;

function inputs(build: string, extra: Record<string, string> = {}): Record<string, string> {
  // The longest deadline: many runs share two cores, and at 2000x a slow second of wall time
  // is half an hour of the action's clock. The cancellation scenario sets its own.
  return { role: 'api', env: 'test', build, 'source-db': SOURCE, timeout: '24h', ...extra };
}

const withChangelog = (command = MIGRATE_OK) => ({ 'changelog-command': command });

async function run(build: string, extra: Record<string, string> = {}): Promise<ActionRun> {
  const result = await runAction(ACTION, { inputs: inputs(build, extra), env, timeoutMs: 60_000 });
  runs.push(result);
  return result;
}

async function runWithPost(build: string, extra: Record<string, string> = {}, runEnv = env) {
  const result = await runActionWithPost(ACTION, {
    inputs: inputs(build, extra),
    env: runEnv,
    timeoutMs: 60_000,
  });
  runs.push(result.main);
  if (result.post) runs.push(result.post);
  return result;
}

async function instance(id: string): Promise<DBInstance | undefined> {
  try {
    return (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances?.[0];
  } catch {
    return undefined;
  }
}

/** A `pg` connection to an instance's database, the way an application connects. */
async function connect(id: string): Promise<PgClient> {
  const db = await instance(id);
  if (!db?.Endpoint?.Address) throw new Error(`${id} has no endpoint`);
  const client = await pgClient({
    host: db.Endpoint.Address,
    port: db.Endpoint.Port!,
    database: db.DBName!,
    user: db.MasterUsername!,
    password: TEST_PASSWORD,
  });
  await client.connect();
  clients.push(client);
  return client;
}

interface DataShape {
  customers: number;
  hasOrders: boolean;
  hasLoyaltyTier: boolean;
  migrations: string[];
}

async function shapeOf(id: string): Promise<DataShape> {
  const c = await connect(id);
  const count = await c.query<{ n: string }>('SELECT count(*) AS n FROM customers');
  const tables = await c.query<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'",
  );
  const columns = await c.query<{ c: string }>(
    "SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'customers'",
  );
  const names = tables.rows.map((r) => r.t);
  const migrations = names.includes('pgmigrations')
    ? (await c.query<{ name: string }>('SELECT name FROM pgmigrations ORDER BY id')).rows.map((r) => r.name)
    : [];
  return {
    customers: Number(count.rows[0]?.n),
    hasOrders: names.includes('orders'),
    hasLoyaltyTier: columns.rows.some((r) => r.c === 'loyalty_tier'),
    migrations,
  };
}

/** Calls that named this build's replica or snapshot. */
function callsFor(build: string): CallRecord[] {
  const id = replicaId(build);
  return sandbox
    .calls()
    .filter(
      (c) => JSON.stringify(c.params).includes(`"${id}`) || JSON.stringify(c.params).includes(`:${id}"`),
    );
}

const isMutating = (c: CallRecord) => !/^(Describe|List)/.test(c.operation);

/** The one-time master passwords the action set on this build's replica, in order. */
function passwordsSent(build: string): string[] {
  return sandbox
    .calls()
    .filter(
      (c) => c.operation === 'ModifyDBInstance' && c.params['DBInstanceIdentifier'] === replicaId(build),
    )
    .flatMap((c) => {
      const password = c.params['MasterUserPassword'];
      return typeof password === 'string' ? [password] : [];
    });
}

function expectSucceeded(result: ActionRun): void {
  if (result.exitCode !== 0) throw new Error(describeRun(result));
}

function expectFailedWith(result: ActionRun, pattern: RegExp): string {
  expect(result.exitCode).not.toBe(0);
  const errors = errorsOf(result);
  expect(errors).toHaveLength(1);
  expect(errors[0]?.message).toMatch(pattern);
  return errors[0]?.message ?? '';
}

beforeAll(async () => {
  sandbox = await startE2eSandbox({ postgres: true });
  env = sandboxEnv(sandbox, ACTION);
  rds = new RDSClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { ...ADMIN_CREDENTIALS },
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  rds?.destroy();
  await sandbox?.stop();
}, 60_000);

/** Each input's bad values: [case, inputs, the error expected]. */
const BAD_INPUTS: Array<[string, Record<string, string>, RegExp]> = [
  ['role', { role: 'API!' }, /Input 'role' was 'API!'/],
  ['env', { env: 'internal' }, /Input 'env' was 'internal'.*reserved/],
  ['build', { build: 'B-1' }, /Input 'build' was 'B-1'/],
  ['region', { region: 'mars' }, /Input 'region' was 'mars'.*AWS region/],
  ['dry-run', { 'dry-run': 'maybe' }, /Input 'dry-run' was 'maybe'.*'true' or 'false'/],
  [
    'source-db (form)',
    { 'source-db': '1db--x' },
    /Input 'source-db' was '1db--x'.*RDS DB instance identifier/,
  ],
  ['source-db (missing)', { 'source-db': '' }, /Input 'source-db' is required but was not given/],
  [
    'source-db (no such instance)',
    { 'source-db': 'no-such-db' },
    /Input 'source-db' was 'no-such-db': there is no RDS DB instance/,
  ],
  [
    'source-db (the replica itself)',
    { 'source-db': 'test-api-bad' },
    /Input 'source-db' was 'test-api-bad': that is the name of this build's own replica/,
  ],
  ['from (form)', { from: 'yesterday' }, /Input 'from' was 'yesterday'.*'latest-snapshot'/],
  [
    'from (no such snapshot)',
    { from: 'snapshot:nope' },
    /Input 'from' was 'snapshot:nope': there is no DB snapshot/,
  ],
  ['db-subnet-group', { 'db-subnet-group': 'bad/group' }, /Input 'db-subnet-group' was 'bad\/group'/],
  ['security-group-ids', { 'security-group-ids': 'sg-zz' }, /Input 'security-group-ids' was 'sg-zz'/],
  [
    'instance-class',
    { 'instance-class': 't3.micro' },
    /Input 'instance-class' was 't3.micro'.*db\.t4g\.micro/,
  ],
  ['keep-on-failure', { 'keep-on-failure': 'yes' }, /Input 'keep-on-failure' was 'yes'/],
  ['timeout (form)', { timeout: 'soon' }, /Input 'timeout' was 'soon'.*duration/],
  ['timeout (range)', { timeout: '1m' }, /Input 'timeout' was '1m': out of range/],
];

type Scenario = { main: ActionRun; post: ActionRun | undefined };
const results: Record<string, Scenario> = {};
const badOutcomes = new Map<string, Scenario>();
const reruns: Record<string, ActionRun> = {};
let sourceBefore: DataShape;
let snapshots: { id: string; at: Date }[];
let slowSandbox: Sandbox;

/**
 * Every scenario, started together (each its own build) so the file stays fast. Only one
 * order matters: `fresh` takes a new snapshot of the source, which would then be the
 * newest, so it starts after `latest` has resolved its snapshot.
 */
async function runScenarios(): Promise<void> {
  sourceBefore = await shapeOf(SOURCE);
  const { DBSnapshots } = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: SOURCE }));
  snapshots = (DBSnapshots ?? [])
    .map((s) => ({ id: s.DBSnapshotIdentifier!, at: s.SnapshotCreateTime! }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  sandbox.addFaults([
    { kind: 'restore-fails', match: { DBInstanceIdentifier: replicaId('rfail') } },
    {
      service: 'rds',
      operation: 'DescribeDBInstances',
      error: 'Throttling',
      times: 1,
      match: { DBInstanceIdentifier: replicaId('throttled') },
    },
    {
      service: 'rds',
      operation: 'RestoreDBInstanceFromDBSnapshot',
      error: 'Throttling',
      times: 1,
      match: { DBInstanceIdentifier: replicaId('throttled') },
    },
  ]);
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: replicaId('foreign'),
      DBInstanceClass: 'db.t4g.micro',
      Engine: 'postgres',
      AllocatedStorage: 20,
      MasterUsername: 'someone',
      MasterUserPassword: 'someone-elses-pw',
      Tags: [{ Key: 'team', Value: 'billing' }],
    }),
  );
  const scenario = async (build: string, extra: Record<string, string>) => {
    results[build] = await runWithPost(build, extra);
  };
  const latest = scenario('latest', { from: 'latest-snapshot', ...withChangelog() });
  await Promise.all([
    latest,
    latest.then(() =>
      scenario('fresh', { from: 'new-snapshot', ...withChangelog(), 'instance-class': 'db.t4g.small' }),
    ),
    scenario('named', { from: `snapshot:${snapshots[0]!.id}` }),
    scenario('pitr', { from: 'point-in-time', ...withChangelog() }),
    scenario('broken', { ...withChangelog(MIGRATE_BROKEN) }),
    scenario('rfail', { from: 'point-in-time' }),
    scenario('throttled', {}),
    scenario('foreign', withChangelog()),
    scenario('keep', { ...withChangelog(MIGRATE_BROKEN), 'keep-on-failure': 'true' }).then(async () => {
      reruns['keep'] = await run('keep', withChangelog());
    }),
    scenario('again', withChangelog()).then(async () => {
      reruns['again'] = await run('again', withChangelog());
    }),
    cancelledRun(),
    ...(
      [
        ['dry1', 'dry1', { from: 'new-snapshot', 'dry-run': 'true', ...withChangelog() }],
        ['dry2', 'dry2', { from: 'latest-snapshot', 'dry-run': 'true' }],
      ] as const
    ).map(async ([key, build, extra]) => {
      reruns[key] = await run(build, extra);
    }),
    // Post after bad inputs is shown once; every other case runs main only.
    ...BAD_INPUTS.map(async ([name, bad], i) =>
      badOutcomes.set(
        name,
        i === 0 ? await runWithPost('bad', bad) : { main: await run('bad', bad), post: undefined },
      ),
    ),
  ]);
}

/**
 * A run stopped midway, as a cancelled one would be: its deadline (the 5m minimum) passes
 * while the snapshot (4 min) or the restore (12 min) is under way. It runs against its own
 * sandbox without PostgreSQL, whose slow real database copies would otherwise let sandbox
 * time race past the steps during the calls themselves.
 */
async function cancelledRun(): Promise<void> {
  slowSandbox = await startE2eSandbox({ timeScale: 500 });
  results['cancel'] = await runWithPost(
    'cancel',
    { from: 'new-snapshot', timeout: '5m' },
    sandboxEnv(slowSandbox, ACTION, 500),
  );
}

beforeAll(async () => {
  await runScenarios();
}, 120_000);

afterAll(async () => {
  await slowSandbox?.stop();
});

describe('replicating with the change log applied', () => {
  it('applies the migrations to the replica restored from the latest snapshot, and not to the source', async () => {
    const { main, post } = results['latest']!;
    expectSucceeded(main);
    const replica = await shapeOf(replicaId('latest'));
    // The newest seeded snapshot has four customers; the tool's own table records its run.
    expect(replica).toEqual({
      customers: 4,
      hasOrders: true,
      hasLoyaltyTier: true,
      migrations: ['1735689600000_loyalty-and-orders'],
    });
    expect(await shapeOf(SOURCE)).toEqual(sourceBefore);
    expect(sourceBefore).toMatchObject({
      customers: 5,
      hasOrders: false,
      hasLoyaltyTier: false,
      migrations: [],
    });
    // The tool's output is in the log, in its own group.
    expect(main.logLines.join('\n')).toMatch(/Migrations complete!/);
    expect(main.commands.some((c) => c.command === 'group' && c.message.startsWith('Change log: '))).toBe(
      true,
    );
    // A successful run leaves everything in place.
    expect(post?.exitCode).toBe(0);
    expect((await instance(replicaId('latest')))?.DBInstanceStatus).toBe('available');
  });

  it('sets the outputs of the contract', () => {
    const { main } = results['latest']!;
    const newest = snapshots[snapshots.length - 1]!.id;
    expect(main.outputs).toMatchObject({
      'db-instance-id': replicaId('latest'),
      endpoint: '127.0.0.1',
      source: `snapshot:${newest}`,
      'changelog-applied': 'true',
      engine: 'postgres',
    });
    expect(Number(main.outputs['port'])).toBeGreaterThan(0);
    expect(main.outputs['master-user-secret-arn']).toMatch(
      /^arn:aws:secretsmanager:us-east-1:\d{12}:secret:rds!db-/,
    );
    expect(main.outputs['time-to-available']).toMatch(/^\d+(?:h\d{2}m|m\d{2}s|s)$/);
    expect(main.outputs['changelog-time']).toMatch(/^\d+(?:h\d{2}m|m\d{2}s|s)$/);
  });

  it('restores a tagged, deletable replica with the source settings and its own managed master password', async () => {
    const db = (await instance(replicaId('latest')))!;
    const tags = Object.fromEntries((db.TagList ?? []).map((t) => [t.Key, t.Value]));
    expect(tags).toMatchObject({
      Name: replicaId('latest'),
      'immut:managed-by': 'immut',
      'immut:role': 'api',
      'immut:env': 'test',
      'immut:build': 'latest',
      'immut:release': 'api-latest',
      'immut:source-db': SOURCE,
      'immut:restored-from': results['latest']!.main.outputs['source'],
      'immut:changelog': 'applied',
    });
    expect(db.DeletionProtection).toBe(false);
    expect(db.DBInstanceClass).toBe('db.t4g.micro'); // the source's
    expect(db.DBSubnetGroup?.DBSubnetGroupName).toBe('default'); // the source's
    expect(db.MasterUserSecret?.SecretArn).toBe(results['latest']!.main.outputs['master-user-secret-arn']);
    // The source keeps its own password arrangement and tags.
    const source = (await instance(SOURCE))!;
    expect(source.MasterUserSecret).toBeUndefined();
    expect((source.TagList ?? []).map((t) => t.Key)).toEqual(['app', 'env']);
    expect(source.DBInstanceStatus).toBe('available');
  });

  it('writes a summary with the source, the point, the replica, the time to available and the change log', () => {
    const { summary } = results['latest']!.main;
    expect(summary).toContain(`${SOURCE} (only read)`);
    expect(summary).toContain(`snapshot ${snapshots[snapshots.length - 1]!.id} (automated, taken `);
    expect(summary).toContain(`${replicaId('latest')} at 127.0.0.1:`);
    expect(summary).toMatch(/\| Time to available \| \d+(?:h\d{2}m|m\d{2}s|s) \|/);
    expect(summary).toMatch(/\| Change log \| applied, ran for \d+(?:h\d{2}m|m\d{2}s|s) \|/);
    expect(summary).toContain('```mermaid');
  });

  it("restores a named snapshot's data, and without a change log leaves it unchanged", async () => {
    const { main } = results['named']!;
    expectSucceeded(main);
    expect(main.outputs['source']).toBe(`snapshot:${snapshots[0]!.id}`);
    expect(main.outputs['changelog-applied']).toBe('false');
    expect(main.outputs['changelog-time']).toBe('');
    expect(await shapeOf(replicaId('named'))).toEqual({
      customers: 3,
      hasOrders: false,
      hasLoyaltyTier: false,
      migrations: [],
    });
  });

  it("restores to the source's latest restorable time", async () => {
    const { main } = results['pitr']!;
    expectSucceeded(main);
    expect(main.outputs['source']).toMatch(/^point-in-time:\d{4}-\d\d-\d\dT/);
    expect(main.summary).toMatch(/point in time .* \(latest restorable\)/);
    expect(await shapeOf(replicaId('pitr'))).toMatchObject({
      customers: 5,
      hasOrders: true,
      hasLoyaltyTier: true,
    });
    const pitrCall = sandbox.calls().find((c) => c.operation === 'RestoreDBInstanceToPointInTime');
    expect(pitrCall?.params).toMatchObject({
      UseLatestRestorableTime: 'true',
      SourceDBInstanceIdentifier: SOURCE,
    });
  });

  it('takes a new snapshot of the source, restores it in the given class and keeps the snapshot', async () => {
    const { main, post } = results['fresh']!;
    expectSucceeded(main);
    expect(main.outputs['source']).toBe('snapshot:test-api-fresh-source');
    expect(await shapeOf(replicaId('fresh'))).toMatchObject({ customers: 5, hasOrders: true });
    expect((await instance(replicaId('fresh')))?.DBInstanceClass).toBe('db.t4g.small');
    const snap = sandbox.inventory().find((r) => r.id === 'test-api-fresh-source');
    expect(snap).toMatchObject({ kind: 'db-snapshot', state: 'available' });
    expect(snap?.tags).toMatchObject({
      'immut:managed-by': 'immut',
      'immut:build': 'fresh',
      'immut:source-db': SOURCE,
    });
    expect(post?.exitCode).toBe(0);
  });

  it('never sends a mutating call that names the source, except the snapshot and point-in-time reads', () => {
    const allowed = new Set([
      'CreateDBSnapshot.DBInstanceIdentifier',
      'RestoreDBInstanceToPointInTime.SourceDBInstanceIdentifier',
    ]);
    const offending = sandbox
      .calls()
      .filter(isMutating)
      .flatMap((c) =>
        Object.entries(c.params)
          .filter(([, v]) => typeof v === 'string' && (v === SOURCE || v.endsWith(`:db:${SOURCE}`)))
          .map(([k]) => `${c.operation}.${k}`),
      )
      .filter((where) => !allowed.has(where));
    expect(offending).toEqual([]);
  });

  it('sets a fresh one-time password on the replica for each change log run, and on nothing else', () => {
    const latest = passwordsSent('latest');
    expect(latest).toHaveLength(1);
    expect(latest[0]).toMatch(/^[A-Za-z0-9_-]{32}$/);
    for (const build of ['fresh', 'pitr', 'broken', 'again']) expect(passwordsSent(build)).toHaveLength(1);
    // The kept replica's re-run cannot know the failed run's password, so it sets its own.
    const keep = passwordsSent('keep');
    expect(keep).toHaveLength(2);
    expect(keep[0]).not.toBe(keep[1]);
    // No change log, no password.
    for (const build of ['named', 'throttled', 'rfail']) expect(passwordsSent(build)).toEqual([]);
    const all = sandbox.calls().flatMap((c) => {
      const password = c.params['MasterUserPassword'];
      return c.operation === 'ModifyDBInstance' && typeof password === 'string' ? [password] : [];
    });
    expect(new Set(all).size).toBe(all.length);
    // The order on the replica: restore, one-time password, change log, then Secrets Manager.
    const modifies = callsFor('latest')
      .filter(isMutating)
      .map((c) => [
        c.operation,
        c.params['MasterUserPassword']
          ? 'MasterUserPassword'
          : c.params['ManageMasterUserPassword']
            ? 'ManageMasterUserPassword'
            : '',
      ]);
    expect(modifies).toEqual([
      ['RestoreDBInstanceFromDBSnapshot', ''],
      ['ModifyDBInstance', 'MasterUserPassword'],
      ['AddTagsToResource', ''],
      ['ModifyDBInstance', 'ManageMasterUserPassword'],
    ]);
  });

  it('never sends ModifyDBInstance (or any other change) to the source', () => {
    const modified = [...sandbox.calls(), ...slowSandbox.calls()]
      .filter((c) => c.operation === 'ModifyDBInstance')
      .map((c) => String(c.params['DBInstanceIdentifier']));
    expect(modified.length).toBeGreaterThan(0);
    expect(modified.filter((id) => !id.startsWith('test-api-'))).toEqual([]);
    expect(modified.map((id) => id.toLowerCase())).not.toContain(SOURCE);
  });

  it('never shows the one-time password in a log line, output, summary, annotation, state or tag', async () => {
    const all = [
      ...Object.values(results).flatMap((r) => (r.post ? [r.main, r.post] : [r.main])),
      ...Object.values(reruns),
    ];
    // The sandbox saw every password the action generated; nothing the action shows may.
    const passwords = ['latest', 'fresh', 'pitr', 'broken', 'keep', 'again'].flatMap(passwordsSent);
    expect(passwords).toHaveLength(7);
    const forms = [...new Set(passwords.flatMap((p) => [p, encodeURIComponent(p)]))];
    for (const r of all) {
      // What the runner shows, and the raw streams (minus the mask registrations themselves),
      // so a leak is caught even where the runner's masking would have hidden it.
      const raw = `${r.stdout}\n${r.stderr}`
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
      const shown = [
        ...r.logLines,
        ...r.annotations.map((a) => a.message),
        ...r.debug,
        r.summary,
        JSON.stringify(r.outputs),
        JSON.stringify(r.state),
        raw,
      ].join('\n');
      for (const form of forms) expect(shown).not.toContain(form);
    }
    // Each was registered as a secret by its run, so the runner masks it everywhere; and
    // these are the only secrets: no input carries the source's password any more.
    const secretsOf = (r: ActionRun) => r.masks.filter((m) => m !== FAKE_GITHUB_TOKEN);
    expect(secretsOf(results['latest']!.main)).toEqual(passwordsSent('latest'));
    expect(secretsOf(results['broken']!.main)).toEqual(passwordsSent('broken'));
    expect(all.flatMap(secretsOf).filter((m) => !passwords.includes(m))).toEqual([]);
    // Nor is it kept in any resource's tags or state.
    const inventory = JSON.stringify(sandbox.inventory());
    for (const form of forms) expect(inventory).not.toContain(form);
  });
});

describe('failures and cleanup', () => {
  it('fails with the migration tool’s output when the change log fails, and post deletes the replica', async () => {
    const { main, post } = results['broken']!;
    const message = expectFailedWith(main, /The change log command failed \(exit code \d+\)/);
    expect(message).toMatch(/relation "invoices" does not exist/);
    expect(message).not.toContain(passwordsSent('broken')[0]);
    expect(post?.exitCode).toBe(0);
    expect(post?.logLines.join('\n')).toMatch(/removed db-instance test-api-broken/);
    expect((await instance(replicaId('broken')))?.DBInstanceStatus ?? 'gone').toMatch(/deleting|gone/);
    const deletes = callsFor('broken').filter((c) => c.operation === 'DeleteDBInstance');
    expect(deletes.map((c) => c.params)).toEqual([
      expect.objectContaining({ DBInstanceIdentifier: replicaId('broken'), SkipFinalSnapshot: 'true' }),
    ]);
    // The source is untouched by the failed migration.
    expect(await shapeOf(SOURCE)).toEqual(sourceBefore);
  });

  it('fails when the restore fails, and post deletes the failed replica', async () => {
    const { main, post } = results['rfail']!;
    expectFailedWith(
      main,
      /Waiting for DB instance test-api-rfail to become available failed .*incompatible-restore/,
    );
    expect(post?.exitCode).toBe(0);
    expect((await instance(replicaId('rfail')))?.DBInstanceStatus ?? 'gone').toMatch(/deleting|gone/);
  });

  it('cleans up after a run that stopped midway: the new snapshot and the replica', () => {
    const { main, post } = results['cancel']!;
    expectFailedWith(
      main,
      /Timed out after .* waiting for (DB snapshot test-api-cancel-source|DB instance test-api-cancel) to become available/,
    );
    const created = JSON.parse(main.state['immut-created'] ?? '[]') as Array<{ kind: string; id: string }>;
    expect(created[0]).toEqual({ kind: 'db-snapshot', id: 'test-api-cancel-source', region: 'us-east-1' });
    expect(post?.exitCode).toBe(0);
    for (const { kind, id } of created) expect(post?.logLines).toContain(`removed ${kind} ${id}`);
    const left = slowSandbox
      .inventory()
      .filter((r) => r.id.startsWith('test-api-cancel') && r.state !== 'deleting');
    expect(left).toEqual([]);
  });

  it('keeps the replica of a failed run with keep-on-failure, and a re-run continues with it', async () => {
    const failed = results['keep']!;
    expectFailedWith(failed.main, /change log command failed/);
    expect(failed.post?.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      expect.stringMatching(/keep-on-failure is set.*db-instance test-api-keep/),
    ]);
    const rerun = reruns['keep']!;
    expectSucceeded(rerun);
    expect(rerun.logLines.join('\n')).toMatch(
      /Found test-api-keep, restored from snapshot:.* by an earlier run/,
    );
    expect((await instance(replicaId('keep')))?.DBInstanceStatus).toBe('available');
    expect(await shapeOf(replicaId('keep'))).toMatchObject({ hasOrders: true, hasLoyaltyTier: true });
    expect(callsFor('keep').filter((c) => c.operation.startsWith('Restore'))).toHaveLength(1);
  });
});

describe('re-runs, throttling and guards', () => {
  it('re-running a finished build finds its replica and changes nothing', () => {
    const first = results['again']!.main;
    const second = reruns['again']!;
    expectSucceeded(first);
    expectSucceeded(second);
    // Neither the copy nor the change log ran again, so neither was timed.
    expect(second.outputs).toEqual({ ...first.outputs, 'time-to-available': '', 'changelog-time': '' });
    expect(second.logLines.join('\n')).toMatch(
      /applied to test-api-again by an earlier run of this build; not running it again/,
    );
    expect(second.summary).toMatch(/\| Change log \| applied earlier \|/);
    const mutating = callsFor('again')
      .filter(isMutating)
      .map((c) => c.operation);
    expect(mutating).toEqual([
      'RestoreDBInstanceFromDBSnapshot',
      'ModifyDBInstance',
      'AddTagsToResource',
      'ModifyDBInstance',
    ]);
    expect(
      sandbox.inventory().filter((r) => r.kind === 'db-instance' && r.tags['immut:build'] === 'again'),
    ).toHaveLength(1);
  });

  it('retries throttled calls and still succeeds', () => {
    expectSucceeded(results['throttled']!.main);
    const calls = callsFor('throttled');
    const throttled = calls.filter((c) => c.injected && c.errorCode === 'Throttling');
    expect(throttled.map((c) => c.operation).sort()).toEqual([
      'DescribeDBInstances',
      'RestoreDBInstanceFromDBSnapshot',
    ]);
    expect(
      calls.filter((c) => c.operation === 'RestoreDBInstanceFromDBSnapshot' && c.outcome === 'ok'),
    ).toHaveLength(1);
  });

  it('refuses a same-named instance that immut did not create, and touches nothing', async () => {
    const { main, post } = results['foreign']!;
    expectFailedWith(
      main,
      /Refusing to modify DB instance test-api-foreign: it has no immut:managed-by=immut tag/,
    );
    expect(post?.exitCode).toBe(0);
    const mutating = callsFor('foreign')
      .filter(isMutating)
      .map((c) => c.operation);
    expect(mutating).toEqual(['CreateDBInstance']); // the test's own
    expect((await instance(replicaId('foreign')))?.DBInstanceStatus).not.toBe('deleting');
  });

  it('dry-run resolves the point and checks the names, creating and changing nothing', async () => {
    const [fresh, latest] = [reruns['dry1']!, reruns['dry2']!];
    expectSucceeded(fresh);
    expectSucceeded(latest);
    expect(fresh.outputs).toEqual({
      'db-instance-id': replicaId('dry1'),
      'db-cluster-id': '',
      'data-kind': 'instance',
      source: 'snapshot:test-api-dry1-source',
      engine: 'postgres',
    });
    // Other scenarios take snapshots of the source meanwhile, so the newest one then is
    // one of the source's available snapshots now.
    const { DBSnapshots } = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: SOURCE }));
    const ids = (DBSnapshots ?? []).map((snap) => `snapshot:${snap.DBSnapshotIdentifier}`);
    expect(ids).toContain(latest.outputs['source']);
    expect(fresh.logLines.join('\n')).toMatch(
      /Dry run: would take a new snapshot test-api-dry1-source of app-db/,
    );
    expect(fresh.summary).toMatch(/Dry run: .*nothing was created or changed/);
    expect([...callsFor('dry1'), ...callsFor('dry2')].filter(isMutating)).toEqual([]);
    expect(sandbox.inventory().filter((r) => /^test-api-dry/.test(r.id))).toEqual([]);
  }, 60_000);
});

describe('bad inputs', () => {
  it.each(BAD_INPUTS)(
    '%s: a clear error naming the input and the value, and nothing created',
    (name, _bad, pattern) => {
      const { main } = badOutcomes.get(name)!;
      expectFailedWith(main, pattern);
    },
  );

  it('post succeeds quietly after main failed on its inputs', () => {
    const { post } = badOutcomes.get(BAD_INPUTS[0]![0])!;
    expect(post?.exitCode).toBe(0);
    expect(post?.annotations).toEqual([]);
    expect(post?.logLines.filter((l) => !/Warning|node/.test(l))).toEqual([]);
  });

  it('created or changed nothing for any of them', () => {
    expect(callsFor('bad').filter(isMutating)).toEqual([]);
    expect(sandbox.inventory().filter((r) => r.id.startsWith('test-api-bad'))).toEqual([]);
  });
});

describe('permissions', () => {
  it('calls only IAM actions listed in permissions.json, and every rds one is exercised', () => {
    const calls = [...sandbox.calls(), ...slowSandbox.calls()];
    const called = iamActionsCalled(calls.filter((c) => c.operation !== 'CreateDBInstance')); // the test's own
    const documented = documentedIamActions(ACTION);
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
    // Aurora's own calls are exercised by replicate-data-cluster.test.ts.
    const aurora = new Set([
      'rds:CreateDBInstance',
      'rds:DeleteDBCluster',
      'rds:DescribeDBClusterSnapshots',
      'rds:ModifyDBCluster',
      'rds:RestoreDBClusterFromSnapshot',
      'rds:RestoreDBClusterToPointInTime',
    ]);
    // Secrets Manager is called by RDS itself (ManageMasterUserPassword), on the caller's
    // permissions; the sandbox cannot see those calls.
    expect(documented.filter((a) => !called.includes(a) && !aurora.has(a))).toEqual([
      'secretsmanager:CreateSecret',
      'secretsmanager:RotateSecret',
      'secretsmanager:TagResource',
    ]);
  });
});
