// Reliability matrix of replicate-data: one PostgreSQL-backed sandbox (it takes seconds to
// start) for every row; each row is its own build, so its replica and its faults (matched on
// the replica's identifier) are its own and the rows run at once. The source database's
// tables are checksummed before and after all rows. See README.md.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import path from 'node:path';
import { pgClient } from '../../packages/sandbox/src/postgres.js';
import type { FaultSpec, Sandbox } from '../../packages/sandbox/src/index.js';
import { REPO_ROOT, runAction, runActionWithPost, type RunOptions } from '../harness/run-action.js';
import { sandboxEnv, startE2eSandbox } from '../support/sandbox.js';
import {
  ALWAYS_SECRET,
  expectCleanOutcome,
  isLive,
  passwordsInCallLog,
  runMainUntilCancelled,
  secretLeaks,
  startRows,
  type RowRuns,
  type RowSpec,
} from './support.js';

const ACTION = 'replicate-data';
const SOURCE = 'app-db';
const migrate = (dir: string) =>
  `node "${path.join(REPO_ROOT, 'node_modules', 'node-pg-migrate', 'bin', 'node-pg-migrate.js')}" up --migrations-dir "${path.join(REPO_ROOT, 'test', 'fixtures', 'replicate-data', dir)}"`;
const CHANGELOG = { 'changelog-command': migrate('migrations') };
const replicaId = (build: string) => `test-api-${build}`;

interface ReplicateRow extends RowSpec {
  /** Faults of this row; `match` on the replica's identifier is added to error faults. */
  faults: FaultSpec[];
  inputs?: Record<string, string>;
  shape?: 'plain' | 'cancel' | 'rerun';
}

const rds = (operation: string, error: string, times?: number): FaultSpec => ({
  service: 'rds',
  operation,
  error,
  ...(times ? { times } : {}),
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
];

/** Scopes a fault to one build's replica, so rows sharing the sandbox do not share faults. */
function scoped(fault: FaultSpec, build: string): FaultSpec {
  if ('service' in fault && (fault.kind === undefined || fault.kind === 'error'))
    return { ...fault, match: { DBInstanceIdentifier: replicaId(build) } };
  if (fault.kind === 'restore-fails') return { ...fault, match: { DBInstanceIdentifier: replicaId(build) } };
  return fault;
}

let sandbox: Sandbox;
let env: Record<string, string>;
let client: RDSClient;

/** A checksum of every table of the source's database: names, columns and every row. */
async function sourceChecksum(): Promise<string> {
  const db = (await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: SOURCE })))
    .DBInstances?.[0];
  if (!db?.Endpoint?.Address) throw new Error('the source has no endpoint');
  const pg = await pgClient({
    host: db.Endpoint.Address,
    port: db.Endpoint.Port!,
    database: db.DBName!,
    user: db.MasterUsername!,
    password: 'the-sandbox-trusts-loopback',
  });
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

interface Result extends RowRuns {
  /** This build's live RDS resources after the row, by kind. */
  live: Record<string, number>;
  passwords: string[];
}

async function runRow(row: ReplicateRow): Promise<Result> {
  const build = row.name;
  sandbox.addFaults(row.faults.map((f) => scoped(f, build)));
  const inputs = { role: 'api', env: 'test', build, 'source-db': SOURCE, timeout: '24h', ...row.inputs };
  const options = (extra: Record<string, string> = {}): RunOptions => ({
    inputs,
    env: { ...env, ...extra },
    timeoutMs: 60_000,
  });
  let runs: RowRuns;
  if (row.shape === 'cancel' || row.shape === 'rerun') {
    const id = replicaId(build);
    const mine = () =>
      sandbox.calls().filter((c) => c.params['DBInstanceIdentifier'] === id && c.outcome === 'ok');
    const cancelled = await runMainUntilCancelled(ACTION, { inputs, env }, () => {
      const calls = mine();
      const restored = calls.find((c) => c.operation === 'RestoreDBInstanceFromDBSnapshot');
      return (
        restored !== undefined &&
        calls.some((c) => c.operation === 'DescribeDBInstances' && c.seq > restored.seq)
      );
    });
    if (row.shape === 'cancel') {
      const post = await runAction(ACTION, { ...options(), step: 'post', state: cancelled.state });
      runs = { judged: post, all: [cancelled.run, post] };
    } else {
      const second = await runActionWithPost(ACTION, options({ GITHUB_RUN_ATTEMPT: '2' }));
      runs = {
        judged: second.main,
        all: [cancelled.run, second.main, ...(second.post ? [second.post] : [])],
      };
    }
  } else {
    const { main, post } = await runActionWithPost(ACTION, options());
    runs = { judged: main, all: [main, ...(post ? [post] : [])] };
  }
  const live: Record<string, number> = {};
  for (const item of sandbox.inventory()) {
    if (item.tags['immut:build'] !== build || !isLive(item)) continue;
    live[item.kind] = (live[item.kind] ?? 0) + 1;
  }
  const passwords = passwordsInCallLog(
    sandbox.calls().filter((c) => c.params['DBInstanceIdentifier'] === replicaId(build)),
  );
  return { ...runs, live, passwords };
}

let checksumBefore: string;
let checksumAfter: string;
let results: Map<string, Promise<Result>>;

beforeAll(async () => {
  sandbox = await startE2eSandbox({ postgres: true });
  env = sandboxEnv(sandbox);
  client = new RDSClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  checksumBefore = await sourceChecksum();
  results = startRows(ROWS, runRow);
  await Promise.allSettled([...results.values()]);
  checksumAfter = await sourceChecksum();
}, 120_000);

afterAll(async () => {
  client?.destroy();
  await sandbox?.stop();
}, 60_000);

it('leaves the source database unchanged by every row (a checksum of its tables)', () => {
  expect(checksumBefore).toMatch(/customers\(/);
  expect(checksumAfter).toBe(checksumBefore);
});

describe.each(ROWS)('replicate-data under $fault', (row) => {
  it(row.outcome === 'succeeds' ? 'succeeds after retries' : 'fails with one clear error', async () => {
    const r = await results.get(row.name)!;
    if (row.shape === 'cancel') {
      expect(r.all[0]?.signal).toBe('SIGTERM');
      expectCleanOutcome({ ...row, outcome: 'succeeds' }, r);
    } else {
      expectCleanOutcome(row, r);
    }
  });

  it('leaves no orphan: the replica on success, nothing live on failure', async () => {
    const r = await results.get(row.name)!;
    expect(r.live).toEqual(row.outcome === 'succeeds' ? { 'db-instance': 1 } : {});
  });

  it("leaks no secret: neither the GitHub token nor the replica's one-time password", async () => {
    const r = await results.get(row.name)!;
    if (row.inputs?.['changelog-command'] && row.outcome === 'succeeds')
      expect(r.passwords.length).toBeGreaterThan(0);
    expect(secretLeaks([...ALWAYS_SECRET, ...r.passwords], r.all, sandbox)).toEqual([]);
  });
});
