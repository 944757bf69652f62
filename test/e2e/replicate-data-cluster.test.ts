// replicate-data against an Aurora source, end to end: the built bundle, run as the runner
// runs it under its generated IAM policy, against the sandbox with a real PostgreSQL behind
// the seeded cluster `app-cluster`. The replica is a copy-on-write clone plus one writer
// instance; the change log (node-pg-migrate) runs on the clone only, and the tests read both
// databases with `pg` to prove the clone holds the source's data and the source never changed.
//
// One sandbox serves every scenario; each uses its own build (its own clone, writer and faults).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DescribeDBClustersCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBInstancesCommand,
  RDSClient,
  type DBCluster,
} from '@aws-sdk/client-rds';
import {
  ChangeResourceRecordSetsCommand,
  ListHostedZonesByNameCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import path from 'node:path';
import { historyRecord } from '@immut/core/dns-history';
import { pgClient, type PgClient } from '@immut/sandbox';
import type { CallRecord, Sandbox } from '@immut/sandbox';
import {
  REPO_ROOT,
  describeRun,
  errorsOf,
  runAction,
  runActionWithPost,
  type ActionRun,
} from '@immut/action-runner';
import {
  ADMIN_CREDENTIALS,
  documentedIamActions,
  iamActionsCalled,
  sandboxEnv,
  startE2eSandbox,
} from '@immut/test-support/sandbox';

const ACTION = 'replicate-data';
const SOURCE = 'app-cluster';
const migrate = (dir: string) =>
  `node "${path.join(REPO_ROOT, 'node_modules', 'node-pg-migrate', 'bin', 'node-pg-migrate.js')}" up --migrations-dir "${path.join(REPO_ROOT, 'test', 'fixtures', 'replicate-data', dir)}"`;
const MIGRATE_OK = migrate('migrations');
const MIGRATE_BROKEN = migrate('migrations-broken');

let sandbox: Sandbox;
let rds: RDSClient;
let env: Record<string, string>;
const clients: PgClient[] = [];

const replicaId = (build: string) => `test-api-${build}`;

type Scenario = { main: ActionRun; post: ActionRun | undefined };
const results: Record<string, Scenario> = {};
const reruns: Record<string, ActionRun> = {};
let checksumBefore: string;
let sourceRowsBefore: string[];
let snapshotId: string;

async function runWithPost(build: string, extra: Record<string, string>): Promise<Scenario> {
  const r = await runActionWithPost(ACTION, {
    inputs: { role: 'api', env: 'test', build, timeout: '24h', ...extra },
    env,
    timeoutMs: 60_000,
  });
  return { main: r.main, post: r.post };
}

async function cluster(id: string): Promise<DBCluster | undefined> {
  try {
    return (await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }))).DBClusters?.[0];
  } catch {
    return undefined;
  }
}

/** A `pg` connection to a cluster's database through its writer endpoint, as an application connects. */
async function connect(id: string): Promise<PgClient> {
  const c = await cluster(id);
  if (!c?.Endpoint) throw new Error(`${id} has no endpoint`);
  const client = await pgClient({
    host: c.Endpoint,
    port: c.Port!,
    database: c.DatabaseName!,
    user: c.MasterUsername!,
    password: 'the-sandbox-trusts-loopback',
  });
  await client.connect();
  clients.push(client);
  return client;
}

/** A checksum of every table of a cluster's database: names, columns and every row. */
async function checksum(id: string): Promise<string> {
  const pg = await connect(id);
  const tables = await pg.query<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  const parts: string[] = [];
  for (const { t } of tables.rows) {
    const columns = await pg.query<{ c: string }>(
      "SELECT column_name || ':' || data_type AS c FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position",
      [t],
    );
    const rows = await pg.query<{ h: string | null }>(
      `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t.replace(/"/g, '""')}" x`,
    );
    parts.push(`${t}(${columns.rows.map((r) => r.c).join(',')})=${rows.rows[0]?.h ?? 'empty'}`);
  }
  return parts.join('\n');
}

async function customerRows(id: string): Promise<string[]> {
  const pg = await connect(id);
  const { rows } = await pg.query<{ r: string }>(
    'SELECT id || name || email || created_at::text AS r FROM customers ORDER BY id',
  );
  return rows.map((r) => r.r);
}

async function tableNames(id: string): Promise<string[]> {
  const pg = await connect(id);
  const { rows } = await pg.query<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  );
  return rows.map((r) => r.t);
}

/** Calls that named this build's clone or writer. */
function callsFor(build: string): CallRecord[] {
  const id = replicaId(build);
  return sandbox.calls().filter((c) => {
    const text = JSON.stringify(c.params);
    return text.includes(`"${id}"`) || text.includes(`:${id}"`);
  });
}

const isMutating = (c: CallRecord) => !/^(Describe|List)/.test(c.operation);

function expectSucceeded(run: ActionRun): void {
  if (run.exitCode !== 0) throw new Error(describeRun(run));
}

function theError(run: ActionRun): string {
  expect(run.exitCode).not.toBe(0);
  const errors = errorsOf(run);
  expect(errors).toHaveLength(1);
  return errors[0]?.message ?? '';
}

/**
 * Retirement of Aurora replicas: three builds of role `old` cloned from the cluster, then
 * retire-release keeps the newest one (the role's name has no records, so none is live).
 */
let retired: ActionRun;
/** Indexes in the call log: where the tests' own DNS set-up starts, and retire-release's run. */
let setupFrom = 0;
let retireFrom = 0;
async function retireScenario(): Promise<void> {
  for (const build of ['b1', 'b2', 'b3']) {
    const r = await runActionWithPost(ACTION, {
      inputs: { role: 'old', env: 'test', build, 'source-db': SOURCE, timeout: '24h' },
      env,
      timeoutMs: 60_000,
    });
    expectSucceeded(r.main);
  }
  setupFrom = sandbox.calls().length;
  // b3 is the live build: cutover-dns's history record names it (the builds have no servers).
  const route53 = new Route53Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { ...ADMIN_CREDENTIALS },
  });
  const zone = await route53.send(new ListHostedZonesByNameCommand({ DNSName: 'example.test' }));
  const target = (build: string) => ({
    build,
    release: `old-${build}`,
    dnsName: `test-old-${build}-1.us-east-1.elb.amazonaws.com`,
    zoneId: 'Z35SXDOTRQ7X7K',
  });
  await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zone.HostedZones![0]!.Id!.replace('/hostedzone/', ''),
      ChangeBatch: {
        Changes: [
          {
            Action: 'UPSERT',
            ResourceRecordSet: historyRecord('old.test.example.test', {
              role: 'old',
              env: 'test',
              current: target('b3'),
              previous: target('b2'),
              at: new Date(Date.now() - 3_600_000).toISOString(),
            }),
          },
        ],
      },
    }),
  );
  route53.destroy();
  retireFrom = sandbox.calls().length;
  retired = await runAction('retire-release', {
    inputs: { role: 'old', env: 'test', zone: 'example.test', keep: '1', timeout: '6h' },
    env: sandboxEnv(sandbox, 'retire-release'),
    timeoutMs: 60_000,
  });
}

/** Inputs that are wrong together or for the source's kind: [case, inputs, the error expected]. */
const BAD: Array<[string, Record<string, string>, RegExp]> = [
  [
    'both sources',
    { 'source-db': 'app-db', 'source-cluster': SOURCE },
    /Inputs 'source-db' \('app-db'\) and 'source-cluster' \('app-cluster'\) were both given; expected one/,
  ],
  ['no source', {}, /Input 'source-db' is required but was not given; expected .*source-cluster/],
  [
    'no such cluster',
    { 'source-cluster': 'no-such-cluster' },
    /Input 'source-cluster' was 'no-such-cluster': there is no Aurora DB cluster/,
  ],
  [
    'no such instance or cluster',
    { 'source-db': 'no-such-db' },
    /Input 'source-db' was 'no-such-db': there is no RDS DB instance or Aurora DB cluster/,
  ],
  [
    'a member instance',
    { 'source-db': 'app-cluster-writer' },
    /Input 'source-db' was 'app-cluster-writer': that is an instance of the Aurora DB cluster 'app-cluster'/,
  ],
  [
    'capacity range',
    { 'source-db': SOURCE, 'serverless-capacity': '8-2' },
    /Input 'serverless-capacity' was '8-2': expected MIN-MAX with MIN ≤ MAX/,
  ],
  [
    'capacity form',
    { 'source-db': SOURCE, 'serverless-capacity': 'lots' },
    /Input 'serverless-capacity' was 'lots'.*MIN-MAX/,
  ],
  [
    'capacity and class',
    { 'source-db': SOURCE, 'serverless-capacity': '0.5-4', 'instance-class': 'db.r6g.large' },
    /Inputs 'instance-class' \('db.r6g.large'\) and 'serverless-capacity' were both given/,
  ],
  [
    'capacity for an instance',
    { 'source-db': 'app-db', 'serverless-capacity': '0.5-4' },
    /Input 'serverless-capacity' was given, but source 'app-db' is an RDS DB instance/,
  ],
  [
    'clone of an instance',
    { 'source-db': 'app-db', from: 'clone' },
    /Input 'from' was 'clone', but source 'app-db' is an RDS DB instance/,
  ],
  [
    'an instance snapshot for a cluster',
    { 'source-db': SOURCE, from: 'snapshot:no-such-cluster-snapshot' },
    /Input 'from' was 'snapshot:no-such-cluster-snapshot': there is no DB cluster snapshot/,
  ],
];
const bad: Record<string, Scenario> = {};

beforeAll(async () => {
  sandbox = await startE2eSandbox({ postgres: true, policy: { recordNames: ['old.test.example.test'] } });
  env = sandboxEnv(sandbox, ACTION);
  rds = new RDSClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { ...ADMIN_CREDENTIALS },
  });
  checksumBefore = await checksum(SOURCE);
  sourceRowsBefore = await customerRows(SOURCE);
  const snaps = await rds.send(new DescribeDBClusterSnapshotsCommand({ DBClusterIdentifier: SOURCE }));
  snapshotId = snaps.DBClusterSnapshots![0]!.DBClusterSnapshotIdentifier!;
  sandbox.addFaults([{ kind: 'restore-fails', match: { DBClusterIdentifier: replicaId('cfail') } }]);
  const scenario = async (build: string, extra: Record<string, string>) => {
    results[build] = await runWithPost(build, extra);
  };
  await Promise.all([
    scenario('clone', {
      'source-db': SOURCE,
      'changelog-command': MIGRATE_OK,
      'db-subnet-group': 'replicas',
      'security-group-ids': 'sg-0aaaaaaaaaaaaaaaa',
    }),
    scenario('again', { 'source-cluster': SOURCE, 'changelog-command': MIGRATE_OK }).then(async () => {
      reruns['again'] = (
        await runWithPost('again', { 'source-cluster': SOURCE, 'changelog-command': MIGRATE_OK })
      ).main;
    }),
    scenario('snap', { 'source-cluster': SOURCE, from: `snapshot:${snapshotId}` }),
    scenario('scaled', { 'source-db': SOURCE, from: 'point-in-time', 'serverless-capacity': '0.5-4' }),
    scenario('broken', { 'source-db': SOURCE, 'changelog-command': MIGRATE_BROKEN }),
    scenario('cfail', { 'source-db': SOURCE }),
    scenario('newsnap', { 'source-db': SOURCE, from: 'new-snapshot' }),
    ...BAD.map(async ([name, extra]) => {
      bad[name] = await runWithPost('bad', extra);
    }),
  ]);
  // Retirement runs alone at the end, so the call log tells its calls from replicate-data's.
  await retireScenario();
}, 240_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  rds?.destroy();
  await sandbox?.stop();
}, 60_000);

describe('an Aurora source', () => {
  it('clones it copy-on-write with a writer instance, and applies the change log to the clone only', async () => {
    const { main, post } = results['clone']!;
    expectSucceeded(main);
    expect(main.outputs).toMatchObject({
      'db-instance-id': replicaId('clone'),
      'db-cluster-id': replicaId('clone'),
      'data-kind': 'cluster',
      'changelog-applied': 'true',
      engine: 'aurora-postgresql',
      endpoint: '127.0.0.1',
    });
    expect(main.outputs['source']).toMatch(/^copy-on-write:\d{4}-\d\d-\d\dT/);
    expect(main.outputs['master-user-secret-arn']).toMatch(/:secret:rds!cluster-/);
    // The clone holds the source's rows as they were at the clone time, plus the migration.
    expect(await customerRows(replicaId('clone'))).toEqual(sourceRowsBefore);
    expect(await tableNames(replicaId('clone'))).toEqual(
      expect.arrayContaining(['customers', 'orders', 'pgmigrations']),
    );
    // The source: unchanged, tables and rows.
    expect(await checksum(SOURCE)).toBe(checksumBefore);
    expect(await tableNames(SOURCE)).toEqual(['customers']);
    expect(post?.exitCode).toBe(0);
    const c = (await cluster(replicaId('clone')))!;
    expect(c.Status).toBe('available');
    expect(c.DBSubnetGroup).toBe('replicas');
    expect(c.VpcSecurityGroups).toEqual([{ VpcSecurityGroupId: 'sg-0aaaaaaaaaaaaaaaa', Status: 'active' }]);
    expect(c.DBClusterMembers).toEqual([
      expect.objectContaining({ DBInstanceIdentifier: replicaId('clone'), IsClusterWriter: true }),
    ]);
    expect(Object.fromEntries((c.TagList ?? []).map((t) => [t.Key, t.Value]))).toMatchObject({
      'immut:managed-by': 'immut',
      'immut:build': 'clone',
      'immut:source-db': SOURCE,
      'immut:data-kind': 'cluster',
      'immut:changelog': 'applied',
    });
  });

  it('makes the clone with RestoreType copy-on-write, in its own subnet group and security groups, then the writer', () => {
    const mutating = callsFor('clone').filter(isMutating);
    expect(mutating.map((c) => c.operation)).toEqual([
      'RestoreDBClusterToPointInTime',
      'CreateDBInstance',
      'ModifyDBCluster',
      'AddTagsToResource',
      'ModifyDBCluster',
    ]);
    expect(mutating[0]!.params).toMatchObject({
      SourceDBClusterIdentifier: SOURCE,
      RestoreType: 'copy-on-write',
      UseLatestRestorableTime: 'true',
      DBSubnetGroupName: 'replicas',
    });
    expect(mutating[1]!.params).toMatchObject({
      DBClusterIdentifier: replicaId('clone'),
      PubliclyAccessible: 'false',
    });
    expect(mutating[2]!.params['MasterUserPassword']).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(mutating[4]!.params).toMatchObject({ ManageMasterUserPassword: 'true' });
  });

  it('names the data layer and how it was copied in the summary', () => {
    const { summary } = results['clone']!.main;
    expect(summary).toContain(`${SOURCE} (Aurora DB cluster, only read)`);
    expect(summary).toMatch(/\| Data layer \| Aurora DB cluster, copied by copy-on-write \|/);
    expect(summary).toContain(`cluster ${replicaId('clone')}, writer ${replicaId('clone')} at 127.0.0.1:`);
  });

  it('re-running a finished build finds its clone and writer and changes nothing', () => {
    const first = results['again']!.main;
    const second = reruns['again']!;
    expectSucceeded(first);
    expectSucceeded(second);
    // Neither the copy nor the change log ran again, so neither was timed.
    expect(second.outputs).toEqual({ ...first.outputs, 'time-to-available': '', 'changelog-time': '' });
    expect(second.summary).toMatch(/\| Change log \| applied earlier \|/);
    expect(
      callsFor('again')
        .filter(isMutating)
        .map((c) => c.operation),
    ).toEqual([
      'RestoreDBClusterToPointInTime',
      'CreateDBInstance',
      'ModifyDBCluster',
      'AddTagsToResource',
      'ModifyDBCluster',
    ]);
  });

  it("restores a named cluster snapshot with the snapshot's data", async () => {
    const { main } = results['snap']!;
    expectSucceeded(main);
    expect(main.outputs['source']).toBe(`snapshot:${snapshotId}`);
    expect(
      callsFor('snap').find((c) => c.operation === 'RestoreDBClusterFromSnapshot')?.params,
    ).toMatchObject({
      SnapshotIdentifier: snapshotId,
      Engine: 'aurora-postgresql',
    });
    // The seeded snapshot was taken before the fifth customer.
    expect(await customerRows(replicaId('snap'))).toEqual(sourceRowsBefore.slice(0, 4));
  });

  it('makes a full copy at the latest restorable time with a Serverless v2 writer', async () => {
    const { main } = results['scaled']!;
    expectSucceeded(main);
    expect(main.outputs['source']).toMatch(/^point-in-time:/);
    expect(
      callsFor('scaled').find((c) => c.operation === 'RestoreDBClusterToPointInTime')?.params,
    ).toMatchObject({
      RestoreType: 'full-copy',
    });
    const writer = (
      await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: replicaId('scaled') }))
    ).DBInstances![0]!;
    expect(writer.DBInstanceClass).toBe('db.serverless');
    expect((await cluster(replicaId('scaled')))?.ServerlessV2ScalingConfiguration).toEqual({
      MinCapacity: 0.5,
      MaxCapacity: 4,
    });
    // Without a change log the copy equals the source.
    expect(await checksum(replicaId('scaled'))).toBe(checksumBefore);
  });

  it('refuses new-snapshot for a cluster, naming the forms it takes', () => {
    const message = theError(results['newsnap']!.main);
    expect(message).toMatch(/Input 'from' was 'new-snapshot'.*Aurora DB cluster.*'clone'/);
    expect(callsFor('newsnap').filter(isMutating)).toEqual([]);
  });
});

describe('inputs', () => {
  it.each(BAD)('refuses %s with one clear error, creating nothing', (name, _inputs, expected) => {
    const { main, post } = bad[name]!;
    expect(theError(main)).toMatch(expected);
    expect(post?.exitCode ?? 0).toBe(0);
  });

  it('created nothing for any of them', () => {
    expect(callsFor('bad').filter(isMutating)).toEqual([]);
  });
});

describe('failures and cleanup', () => {
  it('fails when the change log fails, and post removes the writer instance, then the cluster', async () => {
    const { main, post } = results['broken']!;
    expect(theError(main)).toMatch(/The change log command failed/);
    expect(post?.exitCode).toBe(0);
    const deletes = callsFor('broken')
      .filter((c) => c.operation === 'DeleteDBInstance' || c.operation === 'DeleteDBCluster')
      .map((c) => [c.operation, c.params['SkipFinalSnapshot']]);
    expect(deletes).toEqual([
      ['DeleteDBInstance', 'true'],
      ['DeleteDBCluster', 'true'],
    ]);
    expect((await cluster(replicaId('broken')))?.Status ?? 'gone').toMatch(/deleting|gone/);
    expect(await checksum(SOURCE)).toBe(checksumBefore);
  });

  it('fails when the clone fails (cloning-failed), and post deletes the failed cluster', async () => {
    const { main, post } = results['cfail']!;
    expect(theError(main)).toMatch(/DB cluster test-api-cfail .*cloning-failed/);
    expect(post?.exitCode).toBe(0);
    expect(
      callsFor('cfail')
        .filter(isMutating)
        .map((c) => c.operation),
    ).toEqual(['RestoreDBClusterToPointInTime', 'DeleteDBCluster']);
  });

  it('never sends a mutating call that names the source cluster, except as the clone source', () => {
    const offending = sandbox
      .calls()
      .filter(isMutating)
      .flatMap((c) =>
        Object.entries(c.params)
          .filter(([, v]) => typeof v === 'string' && (v === SOURCE || v.endsWith(`:cluster:${SOURCE}`)))
          .map(([k]) => `${c.operation}.${k}`),
      )
      .filter((where) => where !== 'RestoreDBClusterToPointInTime.SourceDBClusterIdentifier');
    expect(offending).toEqual([]);
  });

  it('leaves the source checksum unchanged after every scenario', async () => {
    expect(await checksum(SOURCE)).toBe(checksumBefore);
  });
});

describe('retirement', () => {
  it('retires older Aurora replicas: the writer instance first, then the cluster, without a final snapshot', async () => {
    expectSucceeded(retired);
    const order = sandbox
      .calls()
      .filter((c) => c.operation === 'DeleteDBInstance' || c.operation === 'DeleteDBCluster')
      .map((c) => [c.operation, String(c.params['DBInstanceIdentifier'] ?? c.params['DBClusterIdentifier'])])
      .filter(([, id]) => id!.startsWith('test-old-'));
    expect(order).toEqual([
      ['DeleteDBInstance', 'test-old-b2'],
      ['DeleteDBCluster', 'test-old-b2'],
      ['DeleteDBInstance', 'test-old-b1'],
      ['DeleteDBCluster', 'test-old-b1'],
    ]);
    const clusterDeletes = sandbox
      .calls()
      .filter(
        (c) =>
          c.operation === 'DeleteDBCluster' &&
          String(c.params['DBClusterIdentifier']).startsWith('test-old-'),
      );
    for (const c of clusterDeletes) expect(c.params['SkipFinalSnapshot']).toBe('true');
    for (const build of ['b1', 'b2'])
      expect((await cluster(`test-old-${build}`))?.Status ?? 'gone').toMatch(/deleting|gone/);
    expect((await cluster('test-old-b3'))?.Status).toBe('available');
    expect(await checksum(SOURCE)).toBe(checksumBefore);
  });
});

describe('permissions', () => {
  it('calls only IAM actions in permissions.ts, and exercises every Aurora one', () => {
    const all = sandbox.calls();
    const called = iamActionsCalled(all.slice(0, setupFrom));
    const documented = documentedIamActions(ACTION);
    // retire-release's own calls against its permissions.
    const retireCalls = all.slice(retireFrom);
    const retireDocumented = documentedIamActions('retire-release');
    expect(iamActionsCalled(retireCalls).filter((a) => !retireDocumented.includes(a))).toEqual([]);
    expect(iamActionsCalled(retireCalls)).toEqual(
      expect.arrayContaining(['rds:DescribeDBClusters', 'rds:DeleteDBCluster']),
    );
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
    for (const a of [
      'rds:DescribeDBClusters',
      'rds:DescribeDBClusterSnapshots',
      'rds:RestoreDBClusterToPointInTime',
      'rds:RestoreDBClusterFromSnapshot',
      'rds:CreateDBInstance',
      'rds:ModifyDBCluster',
      'rds:DeleteDBCluster',
      'rds:DeleteDBInstance',
    ])
      expect(called).toContain(a);
  });
});
