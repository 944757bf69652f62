// Reliability matrix of replicate-data: one PostgreSQL-backed sandbox (it takes seconds to
// start) for every row; each row is its own build, so its replica and its faults (matched on
// the replica's identifier) are its own and the rows run at once. The source database's
// tables are checksummed before and after all rows, so this matrix's beforeAll awaits them
// (driver.ts). Rows named `c…` copy the Aurora source `app-cluster` instead: a copy-on-write
// clone plus a writer instance, whose faults match the clone's or the writer's identifier.
// See README.md.
import { expect, it } from '@jest/globals';
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import path from 'node:path';
import { pgClient } from '@immut/sandbox';
import type { CallRecord, FaultSpec, Sandbox } from '@immut/sandbox';
import { REPO_ROOT } from '@immut/action-runner';
import { ADMIN_CREDENTIALS, sandboxEnv } from '@immut/test-support/sandbox';
import { drive, faultMatrix, insideWait, type RowResult } from './driver.js';
import { expectOnlyReleased, liveOfBuild, passwordsInCallLog, type RowSpec } from './support.js';

const ACTION = 'replicate-data';
const SOURCE = 'app-db';
const CLUSTER_SOURCE = 'app-cluster';
const migrate = (dir: string) =>
  `node "${path.join(REPO_ROOT, 'node_modules', 'node-pg-migrate', 'bin', 'node-pg-migrate.js')}" up --migrations-dir "${path.join(REPO_ROOT, 'test', 'fixtures', 'replicate-data', dir)}"`;
const CHANGELOG = { 'changelog-command': migrate('migrations') };
const replicaId = (build: string) => `test-api-${build}`;

interface ReplicateRow extends RowSpec {
  /** Faults of this row; `match` on the replica's identifier is added to error faults. */
  faults: FaultSpec[];
  inputs?: Record<string, string>;
  /** An Aurora row: the source is app-cluster, the replica a clone and its writer. */
  cluster?: boolean;
}

/** The inputs of an Aurora row: the cluster source, and a change log. */
const AURORA = { 'source-db': CLUSTER_SOURCE, ...CHANGELOG };

const rds = (operation: string, error: string, times?: number): FaultSpec => ({
  service: 'rds',
  operation,
  error,
  ...(times ? { times } : {}),
});

/** Throttling ×2 on an Aurora row's call that names the clone (or its writer) in `param`. */
const rdsOn = (operation: string, param: string): FaultSpec => ({
  service: 'rds',
  operation,
  error: 'Throttling',
  times: 2,
  match: { [param]: '<replica>' },
});

/** Row names are builds: [a-z0-9]{1,12}. */
export const ROWS: ReplicateRow[] = [
  {
    name: 'throttled',
    fault: 'RDS Throttling ×2 on RestoreDBInstanceFromDBSnapshot, DescribeDBInstances, ModifyDBInstance',
    outcome: 'succeeds',
    inputs: CHANGELOG,
    faults: ['RestoreDBInstanceFromDBSnapshot', 'DescribeDBInstances', 'ModifyDBInstance'].map((op) =>
      rds(op, 'Throttling', 2),
    ),
  },
  {
    name: 'restoreonce',
    fault: 'InternalError ×1 on RestoreDBInstanceFromDBSnapshot',
    outcome: 'succeeds',
    faults: [rds('RestoreDBInstanceFromDBSnapshot', 'InternalError', 1)],
  },
  {
    name: 'restoreerr',
    fault: 'InternalError on every RestoreDBInstanceFromDBSnapshot',
    outcome: 'fails',
    faults: [rds('RestoreDBInstanceFromDBSnapshot', 'InternalError')],
  },
  {
    name: 'modifyonce',
    fault: 'InternalError ×1 on ModifyDBInstance',
    outcome: 'succeeds',
    inputs: CHANGELOG,
    faults: [rds('ModifyDBInstance', 'InternalError', 1)],
  },
  {
    name: 'modifyerr',
    fault: 'InternalError on every ModifyDBInstance',
    outcome: 'fails',
    inputs: CHANGELOG,
    faults: [rds('ModifyDBInstance', 'InternalError')],
  },
  {
    name: 'restorefails',
    fault: 'the restored instance fails (restore-fails)',
    outcome: 'fails',
    faults: [{ kind: 'restore-fails' }],
  },
  {
    name: 'migratefails',
    fault: 'the change log (migration) fails',
    outcome: 'fails',
    inputs: { 'changelog-command': migrate('migrations-broken') },
    faults: [],
  },
  {
    name: 'cancelled',
    fault: 'SIGTERM while waiting for the restore, then post',
    outcome: 'fails',
    inputs: CHANGELOG,
    faults: [],
    shape: 'cancel',
  },
  {
    name: 'rerun',
    fault: 'first attempt killed while waiting for the restore (no post); the run re-run',
    outcome: 'succeeds',
    inputs: CHANGELOG,
    faults: [],
    shape: 'rerun',
  },
  {
    name: 'cclonefails',
    fault: 'Aurora: the copy-on-write clone fails (restore-fails: cloning-failed)',
    outcome: 'fails',
    cluster: true,
    inputs: AURORA,
    faults: [{ kind: 'restore-fails', match: { DBClusterIdentifier: '<replica>' } }],
  },
  {
    name: 'cwriterfails',
    fault: 'Aurora: the writer instance never becomes available (restore-fails on CreateDBInstance)',
    outcome: 'fails',
    cluster: true,
    inputs: AURORA,
    faults: [
      { kind: 'restore-fails', match: { DBInstanceIdentifier: '<replica>', operation: 'CreateDBInstance' } },
    ],
  },
  {
    name: 'cthrottled',
    fault:
      'Aurora: RDS Throttling ×2 on RestoreDBClusterToPointInTime, DescribeDBClusters, CreateDBInstance, ModifyDBCluster',
    outcome: 'succeeds',
    cluster: true,
    inputs: AURORA,
    faults: [
      rdsOn('RestoreDBClusterToPointInTime', 'DBClusterIdentifier'),
      rdsOn('DescribeDBClusters', 'DBClusterIdentifier'),
      rdsOn('CreateDBInstance', 'DBInstanceIdentifier'),
      rdsOn('ModifyDBCluster', 'DBClusterIdentifier'),
    ],
  },
  {
    name: 'ccancelled',
    fault: 'Aurora: SIGTERM while waiting for the clone, then post',
    outcome: 'fails',
    cluster: true,
    inputs: AURORA,
    faults: [],
    shape: 'cancel',
  },
  {
    name: 'crerun',
    fault: 'Aurora: first attempt killed while waiting for the clone (no post); the run re-run',
    outcome: 'succeeds',
    cluster: true,
    inputs: AURORA,
    faults: [],
    shape: 'rerun',
  },
];

/** Scopes a fault to one build's replica, so rows sharing the sandbox do not share faults. */
function scoped(fault: FaultSpec, build: string): FaultSpec {
  // A fault that names its own match (Aurora rows) gets the replica's identifier filled in.
  if ('match' in fault && fault.match) {
    const match = Object.fromEntries(
      Object.entries(fault.match).map(([k, v]) => [k, v === '<replica>' ? replicaId(build) : v]),
    );
    return { ...fault, match } as FaultSpec;
  }
  if ('service' in fault && (fault.kind === undefined || fault.kind === 'error'))
    return { ...fault, match: { DBInstanceIdentifier: replicaId(build) } };
  if (fault.kind === 'restore-fails') return { ...fault, match: { DBInstanceIdentifier: replicaId(build) } };
  return fault;
}

let sandbox: Sandbox;
let env: Record<string, string>;
let client: RDSClient;

/** Where the source instance's and the source cluster's databases are. */
async function sourceConnections() {
  const db = (await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: SOURCE })))
    .DBInstances?.[0];
  const cluster = (await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: CLUSTER_SOURCE })))
    .DBClusters?.[0];
  if (!db?.Endpoint?.Address || !cluster?.Endpoint) throw new Error('a source has no endpoint');
  return [
    { host: db.Endpoint.Address, port: db.Endpoint.Port!, database: db.DBName!, user: db.MasterUsername! },
    {
      host: cluster.Endpoint,
      port: cluster.Port!,
      database: cluster.DatabaseName!,
      user: cluster.MasterUsername!,
    },
  ];
}

/** A checksum of every table of both sources' databases: names, columns and every row. */
async function sourceChecksum(): Promise<string> {
  const sums: string[] = [];
  for (const c of await sourceConnections()) sums.push(await checksumOf(c));
  return sums.join('\n---\n');
}

async function checksumOf(c: {
  host: string;
  port: number;
  database: string;
  user: string;
}): Promise<string> {
  const pg = await pgClient({ ...c, password: 'the-sandbox-trusts-loopback' });
  await pg.connect();
  try {
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
  } finally {
    await pg.end();
  }
}

interface Result extends RowResult {
  /** This build's live RDS resources after the row, by kind. */
  live: Record<string, number>;
  passwords: string[];
}

let checksumBefore: string;
let checksumAfter: string;

it('leaves the source database unchanged by every row (a checksum of its tables)', () => {
  expect(checksumBefore).toMatch(/customers\(/);
  expect(checksumAfter).toBe(checksumBefore);
});

faultMatrix<ReplicateRow, Result>({
  action: ACTION,
  rows: ROWS,
  async setup(ctx) {
    sandbox = await ctx.sandbox({ postgres: true });
    env = sandboxEnv(sandbox, ACTION);
    client = new RDSClient({
      endpoint: sandbox.endpoint,
      region: 'us-east-1',
      credentials: { ...ADMIN_CREDENTIALS },
    });
    ctx.cleanup(() => client.destroy());
    checksumBefore = await sourceChecksum();
  },
  async run(row) {
    const build = row.name;
    const mine = (c: CallRecord) =>
      c.params['DBInstanceIdentifier'] === replicaId(build) ||
      c.params['DBClusterIdentifier'] === replicaId(build);
    sandbox.addFaults(row.faults.map((f) => scoped(f, build)));
    const runs = await drive(row, {
      action: ACTION,
      options: {
        inputs: { role: 'api', env: 'test', build, 'source-db': SOURCE, timeout: '24h', ...row.inputs },
        env,
      },
      // cancel and rerun: during the restore (the clone's) wait.
      cancelAt: row.cluster
        ? insideWait(sandbox, 'RestoreDBClusterToPointInTime', 'DescribeDBClusters', mine)
        : insideWait(sandbox, 'RestoreDBInstanceFromDBSnapshot', 'DescribeDBInstances', mine),
    });
    const calls = sandbox.calls().filter(mine);
    // An Aurora clone's one-time password goes to ModifyDBCluster.
    const clusterPasswords = calls.flatMap((c) => {
      const p = c.operation === 'ModifyDBCluster' ? c.params['MasterUserPassword'] : undefined;
      return typeof p === 'string' ? [p] : [];
    });
    const passwords = [...passwordsInCallLog(calls), ...clusterPasswords];
    return { ...runs, sandbox, live: liveOfBuild(sandbox, build), passwords };
  },
  async afterRows() {
    checksumAfter = await sourceChecksum();
  },
  orphans: {
    title: 'leaves no orphan: the replica on success, nothing live on failure',
    check: (row, r) =>
      expectOnlyReleased(
        row,
        r.live,
        row.cluster ? { 'db-instance': 1, 'db-cluster': 1 } : { 'db-instance': 1 },
      ),
  },
  secrets: {
    title: "leaks no secret: neither the GitHub token nor the replica's one-time password",
    of(row, r) {
      // A run that set a password (one with a change log that succeeded) must have it found.
      if (row.inputs?.['changelog-command'] && row.outcome === 'succeeds')
        expect(r.passwords.length).toBeGreaterThan(0);
      return r.passwords;
    },
  },
});
