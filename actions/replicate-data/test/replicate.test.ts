// replicate-data's functions against the sandbox (real SDK clients over HTTP, no PostgreSQL:
// the change log here is an injected command runner or a real shell). The end-to-end file
// runs the bundle with PostgreSQL and a real migration tool.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CreateDBInstanceCommand,
  CreateDBSnapshotCommand,
  DescribeDBInstancesCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { startSandbox, type Sandbox } from '@immut/sandbox';
import { createAwsClient } from '@immut/core/aws';
import { CleanupLog } from '@immut/core/cleanup';
import { scaledClock } from '@immut/core/clock';
import { GuardError, UserError } from '@immut/core/errors';
import { runAction } from '@immut/core/run-action';
import { guardSource, rdsInstanceSource } from '@immut/core/source-guard';
import { deadlineFrom } from '@immut/core/wait';
import { manualClock } from '@immut/test-support/manual-clock';
import { recordingIO } from '@immut/test-support/recording-io';
import {
  connectionEnv,
  databaseUrl,
  runChangelog,
  scrub,
  secretForms,
  shellExec,
  type Exec,
} from '../changelog.js';
import { replicateData } from '../main.js';
import { crossCheck, replicate, type ReplicateRequest } from '../replicate.js';
import { acceptablePassword, generatePassword, setOneTimePassword } from '../password.js';
import { newestAvailable, parseFrom } from '../source.js';
import { deleteReplica, deleteSnapshot } from '../undo.js';

const SCALE = 5000;
const identity = (build: string) => ({ role: 'api', env: 'unit', build });
const provenance = { repository: 'o/r', sha: 'abc', runUrl: '' };

let sandbox: Sandbox;
let rds: RDSClient;
const savedEnv = { ...process.env };

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: SCALE });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: sandbox.endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  });
  rds = guardSource(
    createAwsClient(RDSClient, { region: 'us-east-1', action: 'test' }),
    rdsInstanceSource('app-db'),
  );
});

afterAll(async () => {
  rds.destroy();
  await sandbox.stop();
  process.env = savedEnv;
});

function request(build: string, extra: Partial<ReplicateRequest> = {}): ReplicateRequest {
  return {
    identity: identity(build),
    region: 'us-east-1',
    dryRun: false,
    sourceId: 'app-db',
    from: { kind: 'latest-snapshot' },
    timeoutMs: 24 * 3_600_000,
    provenance,
    ...extra,
  };
}

/** An injected command runner that records what it was given and answers with `code`. */
function fakeExec(
  code = 0,
  lines: string[] | ((env: Record<string, string>) => string[]) = [],
): Exec & { seen: Array<Record<string, string>> } {
  const seen: Array<Record<string, string>> = [];
  const exec = (async (_command, { env, onLine }) => {
    seen.push(env);
    (typeof lines === 'function' ? lines(env) : lines).forEach(onLine);
    return code;
  }) as Exec & { seen: typeof seen };
  exec.seen = seen;
  return exec;
}

function deps(exec?: Exec) {
  const io = recordingIO();
  return { io, deps: { rds, io, clock: scaledClock(SCALE), cleanup: new CleanupLog(io), env: {}, exec } };
}

const mutatingCalls = () => sandbox.calls().filter((c) => !/^(Describe|List)/.test(c.operation));

/** The one-time passwords the sandbox was sent (it sees them; nothing else may). */
const passwordsSent = (replicaId: string) =>
  sandbox
    .calls()
    .filter((c) => c.operation === 'ModifyDBInstance' && c.params['DBInstanceIdentifier'] === replicaId)
    .flatMap((c) =>
      typeof c.params['MasterUserPassword'] === 'string' ? [c.params['MasterUserPassword']] : [],
    );

describe('inputs', () => {
  it('parses every form of from', () => {
    expect(parseFrom('latest-snapshot')).toEqual({ kind: 'latest-snapshot' });
    expect(parseFrom('snapshot:rds:app-db-2025-01-01-03-10')).toEqual({
      kind: 'snapshot',
      snapshotId: 'rds:app-db-2025-01-01-03-10',
    });
    expect(parseFrom('point-in-time')).toEqual({ kind: 'point-in-time' });
    expect(parseFrom('new-snapshot')).toEqual({ kind: 'new-snapshot' });
  });

  it('refuses the replica as its own source', () => {
    expect(crossCheck({ identity: identity('b1'), sourceId: 'unit-api-b1' })).toEqual([
      expect.stringMatching(
        /^Input 'source-db' was 'unit-api-b1': that is the name of this build's own replica/,
      ),
    ]);
    expect(crossCheck({ identity: identity('b1'), sourceId: 'app-db' })).toEqual([]);
  });
});

describe('choosing the point', () => {
  it('takes the newest available snapshot, automated or manual', () => {
    const at = (iso: string) => new Date(iso);
    expect(
      newestAvailable([
        { DBSnapshotIdentifier: 'old', Status: 'available', SnapshotCreateTime: at('2025-01-01T00:00:00Z') },
        {
          DBSnapshotIdentifier: 'manual',
          Status: 'available',
          SnapshotCreateTime: at('2025-01-03T00:00:00Z'),
        },
        { DBSnapshotIdentifier: 'busy', Status: 'creating', SnapshotCreateTime: at('2025-01-04T00:00:00Z') },
        { DBSnapshotIdentifier: 'mid', Status: 'available', SnapshotCreateTime: at('2025-01-02T00:00:00Z') },
      ])?.DBSnapshotIdentifier,
    ).toBe('manual');
    expect(newestAvailable([])).toBeUndefined();
  });

  it('refuses a snapshot of another instance, and a missing one', async () => {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'other-db',
        DBInstanceClass: 'db.t4g.micro',
        Engine: 'postgres',
        AllocatedStorage: 20,
        MasterUsername: 'u',
        MasterUserPassword: 'password-1',
        BackupRetentionPeriod: 0,
      }),
    );
    await sandbox.advance(30 * 60_000);
    await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'other-db', DBSnapshotIdentifier: 'other-snap' }),
    );
    await expect(
      replicate(request('p1', { from: { kind: 'snapshot', snapshotId: 'other-snap' } }), deps().deps),
    ).rejects.toThrow(/that snapshot is of DB instance 'other-db', not of source-db 'app-db'/);
    await expect(
      replicate(request('p1', { from: { kind: 'snapshot', snapshotId: 'nope' } }), deps().deps),
    ).rejects.toThrow(/'snapshot:nope': there is no DB snapshot/);
    // A source without backups has no point in time to restore to.
    await expect(
      replicate(request('p1', { sourceId: 'other-db', from: { kind: 'point-in-time' } }), deps().deps),
    ).rejects.toThrow(/Input 'from' was 'point-in-time', but source 'other-db' has no restorable time/);
    await expect(replicate(request('p1', { sourceId: 'missing-db' }), deps().deps)).rejects.toBeInstanceOf(
      UserError,
    );
  });
});

describe('replicate', () => {
  beforeEach(() => sandbox.clearCalls());
  /** The password of the failed run of build r3, which its re-run cannot know. */
  let r3Password: string | undefined;

  it('restores a tagged replica, sets a one-time password, runs the change log with it, then moves the password into Secrets Manager', async () => {
    // The command sees the replica as it is then: the one-time password in effect.
    const statusSeen: unknown[] = [];
    const exec = fakeExec(0, (env) => [`migrated with ${env['PGPASSWORD']} inside`]);
    const { io, deps: d } = deps(async (command, options) => {
      const { DBInstances } = await rds.send(
        new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'unit-api-r1' }),
      );
      statusSeen.push([DBInstances?.[0]?.DBInstanceStatus, DBInstances?.[0]?.PendingModifiedValues]);
      return exec(command, options);
    });
    // Masking comes before the password goes anywhere: no call has carried it yet.
    const sentWhenMasked: boolean[] = [];
    const setSecret = io.setSecret;
    io.setSecret = (value) => {
      sentWhenMasked.push(JSON.stringify(sandbox.calls()).includes(value));
      setSecret(value);
    };
    const result = await replicate(
      request('r1', { changelogCommand: 'migrate up', instanceClass: 'db.t4g.large' }),
      d,
    );
    expect(result).toMatchObject({
      replicaId: 'unit-api-r1',
      engine: 'postgres',
      reused: false,
      changelog: 'applied',
      instanceClass: 'db.t4g.large',
      source: expect.stringMatching(/^snapshot:rds:app-db-/),
      secretArn: expect.stringMatching(/^arn:aws:secretsmanager:/),
      endpoint: expect.stringMatching(/^unit-api-r1\..*\.rds\.amazonaws\.com$/),
      port: 5432,
    });
    expect(result.timeToAvailableMs).toBeGreaterThan(0);
    const [password, ...more] = passwordsSent('unit-api-r1');
    expect(more).toEqual([]);
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(io.secrets).toEqual([password]);
    expect(sentWhenMasked).toEqual([false]);
    // The command got the replica's connection with the source's master user and the
    // one-time password, once RDS had applied it.
    expect(exec.seen[0]).toMatchObject({
      PGHOST: result.endpoint,
      PGPORT: '5432',
      PGUSER: 'appadmin',
      PGDATABASE: 'app',
      PGPASSWORD: password,
      DATABASE_URL: `postgresql://appadmin:${password}@${result.endpoint}:5432/app`,
    });
    expect(statusSeen).toEqual([['available', {}]]);
    expect(io.log).toContain('migrated with *** inside');
    expect(io.log.join('\n')).not.toContain(password);
    expect(d.cleanup.created()).toEqual([{ kind: 'db-instance', id: 'unit-api-r1', region: 'us-east-1' }]);
    expect(mutatingCalls().map((c) => c.operation)).toEqual([
      'RestoreDBInstanceFromDBSnapshot',
      'ModifyDBInstance',
      'AddTagsToResource',
      'ModifyDBInstance',
    ]);
    const restore = sandbox.calls().find((c) => c.operation === 'RestoreDBInstanceFromDBSnapshot')!;
    expect(restore.params).toMatchObject({
      DeletionProtection: 'false',
      DBInstanceClass: 'db.t4g.large',
      DBSubnetGroupName: 'default',
    });
    const modifies = sandbox.calls().filter((c) => c.operation === 'ModifyDBInstance');
    expect(modifies.map((c) => c.params)).toEqual([
      { DBInstanceIdentifier: 'unit-api-r1', MasterUserPassword: password, ApplyImmediately: 'true' },
      { DBInstanceIdentifier: 'unit-api-r1', ManageMasterUserPassword: 'true', ApplyImmediately: 'true' },
    ]);
    // Only that one call carried it; RDS keeps it nowhere readable.
    expect(sandbox.calls().filter((c) => JSON.stringify(c).includes(password!))).toEqual([modifies[0]]);
    expect(JSON.stringify(sandbox.inventory())).not.toContain(password);
  });

  it('continues with its own replica on a re-run, without restoring or migrating again', async () => {
    const exec = fakeExec();
    const { io, deps: d } = deps(exec);
    const result = await replicate(request('r1', { changelogCommand: 'migrate up' }), d);
    expect(result).toMatchObject({
      reused: true,
      changelog: 'applied earlier',
    });
    expect(result.timeToAvailableMs).toBeUndefined();
    expect(exec.seen).toEqual([]);
    // No password is set when the change log is not run.
    expect(mutatingCalls()).toEqual([]);
    expect(io.secrets).toEqual([]);
    expect(d.cleanup.created()).toEqual([]);
    expect(io.log.join('\n')).toMatch(
      /Found unit-api-r1, restored from snapshot:rds:app-db-.* by an earlier run/,
    );
  });

  it('refuses an instance with the replica name that immut did not create', async () => {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'unit-api-taken',
        DBInstanceClass: 'db.t4g.micro',
        Engine: 'postgres',
        AllocatedStorage: 20,
        MasterUsername: 'u',
        MasterUserPassword: 'password-1',
      }),
    );
    sandbox.clearCalls();
    await expect(replicate(request('taken'), deps().deps)).rejects.toBeInstanceOf(GuardError);
    expect(mutatingCalls()).toEqual([]);
  });

  it('refuses a replica of this build that belongs to another build or source', async () => {
    const { deps: d } = deps();
    await replicate(request('r2', { from: { kind: 'point-in-time' } }), d);
    await expect(replicate(request('r2', { sourceId: 'other-db' }), deps().deps)).rejects.toThrow(
      /was restored from 'app-db', not source-db 'other-db'/,
    );
  });

  it('fails with the command’s last lines, without the password, and leaves the replica for post', async () => {
    const exec = fakeExec(2, (env) => [
      'starting',
      `Error: boom (url postgresql://appadmin:${env['PGPASSWORD']}@h/app)`,
      '    at Object.<anonymous> (x.js:1:1)',
      '',
    ]);
    const { deps: d } = deps(exec);
    const failure = replicate(request('r3', { changelogCommand: 'migrate up' }), d);
    await expect(failure).rejects.toThrow(
      'The change log command failed (exit code 2) on the replica appadmin@',
    );
    await expect(failure).rejects.toThrow(
      /its last lines:\nstarting\nError: boom \(url postgresql:\/\/appadmin:\*\*\*@h\/app\)$/,
    );
    expect(d.cleanup.created()).toEqual([{ kind: 'db-instance', id: 'unit-api-r3', region: 'us-east-1' }]);
    // Not marked applied, so a re-run (with keep-on-failure) runs it again.
    const { DBInstances } = await rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'unit-api-r3' }),
    );
    expect(DBInstances?.[0]?.TagList?.some((t) => t.Key === 'immut:changelog')).toBe(false);
    // Its one-time password is still the replica's, not yet replaced by a managed one.
    expect(DBInstances?.[0]?.MasterUserSecret).toBeUndefined();
    r3Password = passwordsSent('unit-api-r3')[0];
    expect(r3Password).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('gives a re-run whose change log has not run yet a fresh password', async () => {
    const exec = fakeExec();
    const { io, deps: d } = deps(exec);
    const result = await replicate(request('r3', { changelogCommand: 'migrate up' }), d);
    expect(result).toMatchObject({ reused: true, changelog: 'applied' });
    const [second] = passwordsSent('unit-api-r3');
    expect(second).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(second).not.toBe(r3Password);
    expect(exec.seen[0]?.['PGPASSWORD']).toBe(second);
    expect(io.secrets).toEqual([second]);
    expect(result.secretArn).toMatch(/^arn:aws:secretsmanager:/);
  });

  it('refuses to apply a change log to a replica an earlier run finished without one', async () => {
    await replicate(request('r5'), deps().deps);
    sandbox.clearCalls();
    const exec = fakeExec();
    await expect(
      replicate(request('r5', { changelogCommand: 'migrate up' }), deps(exec).deps),
    ).rejects.toThrow(
      /Replica unit-api-r5 was finished by an earlier run of this build without a changelog-command.*use a new build/,
    );
    expect(exec.seen).toEqual([]);
    expect(mutatingCalls()).toEqual([]);
  });

  it('never sends the source a ModifyDBInstance: the guard refuses a password change that names it', async () => {
    const ctx = {
      rds,
      clock: scaledClock(SCALE),
      deadline: deadlineFrom(scaledClock(SCALE), 60_000),
      log: () => undefined,
    };
    await expect(
      setOneTimePassword(ctx, { DBInstanceIdentifier: 'app-db' }, generatePassword()),
    ).rejects.toBeInstanceOf(GuardError);
    await expect(
      setOneTimePassword(ctx, { DBInstanceIdentifier: 'APP-DB' }, generatePassword()),
    ).rejects.toThrow(/names the source RDS DB instance 'app-db'/);
    expect(mutatingCalls()).toEqual([]);
  });

  it('takes a new snapshot of the source, recorded for cleanup, and a dry run takes none', async () => {
    const dry = deps();
    const planned = await replicate(
      request('r4', { from: { kind: 'new-snapshot' }, dryRun: true }),
      dry.deps,
    );
    expect(planned).toMatchObject({
      dryRun: true,
      source: 'snapshot:unit-api-r4-source',
      changelog: 'not run (dry run)',
    });
    expect(mutatingCalls()).toEqual([]);
    expect(dry.deps.cleanup.created()).toEqual([]);

    const real = deps();
    const result = await replicate(request('r4', { from: { kind: 'new-snapshot' } }), real.deps);
    expect(result.source).toBe('snapshot:unit-api-r4-source');
    expect(real.deps.cleanup.created().map((r) => r.kind)).toEqual(['db-snapshot', 'db-instance']);
    const snapshotCall = sandbox.calls().find((c) => c.operation === 'CreateDBSnapshot')!;
    expect(snapshotCall.params).toMatchObject({
      DBInstanceIdentifier: 'app-db',
      DBSnapshotIdentifier: 'unit-api-r4-source',
    });
  });
});

describe('the one-time password', () => {
  it('is 32 URL-safe characters that every engine accepts, and new each time', () => {
    const drawn = Array.from({ length: 200 }, () => generatePassword());
    for (const p of drawn) {
      expect(p).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(acceptablePassword(p)).toBe(true);
      expect(encodeURIComponent(p)).toBe(p); // one form to mask
    }
    expect(new Set(drawn).size).toBe(drawn.length);
  });

  it('draws again when a draw lacks a digit or a letter of either case', () => {
    const good = 'QWxhZGRpbjpvcGVuIHNlc2FtZTEyMzQ1Njc4';
    // 24 zero bytes encode as 32 'A's: no lower-case letter, no digit.
    const draws = [Buffer.alloc(24, 0), Buffer.from(good, 'base64url')];
    expect(generatePassword(() => draws.shift()!)).toBe(good);
    expect(draws).toEqual([]);
  });

  it('checks the RDS rules', () => {
    expect(acceptablePassword('Abcdefg1')).toBe(true);
    for (const bad of [
      'Abcdef1',
      'Abc/defg1',
      'Abc@defg1',
      'Abc"defg1',
      "Abc'defg1",
      'Abc defg1',
      'abcdefg1',
      'ABCDEFG1',
      'Abcdefgh',
      `A1${'b'.repeat(127)}`,
    ]) {
      expect(acceptablePassword(bad)).toBe(false);
    }
  });
});

describe('the change log command', () => {
  const connection = {
    engine: 'postgres',
    host: 'db.example',
    port: 5432,
    database: 'app db',
    user: 'ad@min',
  };

  it('gives every engine a DATABASE_URL with escaped credentials', () => {
    expect(databaseUrl(connection, 'p@ss:w/rd')).toBe(
      'postgresql://ad%40min:p%40ss%3Aw%2Frd@db.example:5432/app%20db',
    );
    expect(connectionEnv({ ...connection, engine: 'mysql', port: 3306 }, 'pw')).toMatchObject({
      DATABASE_URL: 'mysql://ad%40min:pw@db.example:3306/app%20db',
      MYSQL_HOST: 'db.example',
      MYSQL_PWD: 'pw',
      DB_PASSWORD: 'pw',
    });
    expect(secretForms('p@ss')).toEqual(['p@ss', 'p%40ss']);
    expect(scrub('a p@ss b p%40ss', secretForms('p@ss'))).toBe('a *** b ***');
  });

  it('runs through a real shell with the connection in its environment, scrubbing the password', async () => {
    const io = recordingIO();
    await expect(
      runChangelog({
        command:
          'echo "db=$PGDATABASE user=$PGUSER pw=$PGPASSWORD" && echo "url=$DATABASE_URL" >&2 && exit 3',
        connection,
        password: 'p@ss',
        io,
        stepEnv: { PATH: process.env['PATH'] },
        exec: shellExec,
      }),
    ).rejects.toThrow(
      /exit code 3\) on the replica ad@min@db\.example:5432\/app db; its last lines:\ndb=app db user=ad@min pw=\*\*\*\nurl=postgresql:\/\/ad%40min:\*\*\*@db\.example/,
    );
    expect(io.log[0]).toMatch(/^group: Change log: echo/);
    expect(io.log.join('\n')).not.toMatch(/p@ss|p%40ss/);
  });

  it('runs with PATH, HOME, locale, the connection and the listed names only: no AWS or runner credentials', async () => {
    const io = recordingIO();
    const stepEnv = {
      PATH: process.env['PATH'],
      HOME: '/home/runner',
      LANG: 'C.UTF-8',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      AWS_SESSION_TOKEN: 'aws-session',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request',
      GITHUB_TOKEN: 'ghs_x',
      'INPUT_CHANGELOG-COMMAND': 'env',
      MIGRATIONS_DIR: 'db/migrations',
      UNLISTED: 'not passed',
    };
    await runChangelog({
      command: 'env | sort',
      connection,
      password: 'p@ss',
      io,
      stepEnv,
      extraEnv: ['MIGRATIONS_DIR'],
      exec: shellExec,
    });
    const names = io.log
      .filter((l) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(l))
      .map((l) => l.slice(0, l.indexOf('=')))
      .filter((n) => !['PWD', 'SHLVL', '_'].includes(n)); // the shell's own
    expect(names.sort()).toEqual(
      [
        'DATABASE_URL',
        'DB_HOST',
        'DB_NAME',
        'DB_PASSWORD',
        'DB_PORT',
        'DB_USER',
        'HOME',
        'LANG',
        'MIGRATIONS_DIR',
        'PATH',
        'PGDATABASE',
        'PGHOST',
        'PGPASSWORD',
        'PGPORT',
        'PGUSER',
      ].sort(),
    );
    expect(io.log).toContain('MIGRATIONS_DIR=db/migrations');
    expect(io.log).toContain('PGPASSWORD=***');
  });

  it("runs the command in the step's workspace, whatever this process's directory", async () => {
    const workspace = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'immut-changelog-')));
    try {
      const io = recordingIO();
      await runChangelog({
        command: 'pwd',
        connection,
        password: 'p@ss',
        io,
        stepEnv: { PATH: process.env['PATH'], GITHUB_WORKSPACE: workspace },
        exec: shellExec,
      });
      expect(workspace).not.toBe(process.cwd());
      expect(io.log).toContain(workspace);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it("prints the command's output with workflow commands stopped, so none of its lines is obeyed", async () => {
    const io = recordingIO();
    await runChangelog({
      command: "printf '::add-mask::x\\n::set-output name=a::b\\n'",
      connection,
      password: 'p@ss',
      io,
      stepEnv: { PATH: process.env['PATH'] },
      exec: shellExec,
    });
    const token = /^::stop-commands::(\S+)$/.exec(io.log[2] ?? '')?.[1];
    expect(io.log.slice(1)).toEqual([
      expect.stringMatching(/^Running the change log on the replica/),
      `::stop-commands::${token}`,
      '::add-mask::x',
      '::set-output name=a::b',
      `::${token}::`,
      expect.stringMatching(/^The change log ran for \d+s\.$/),
    ]);
  });

  it("returns how long the command ran on the action's clock, and says it", async () => {
    const io = recordingIO();
    const clock = manualClock();
    const ms = await runChangelog({
      command: 'migrate up',
      connection,
      password: 'p@ss',
      io,
      stepEnv: {},
      clock,
      // The command takes 84 s of the action's clock (sandbox time against the sandbox).
      exec: async () => {
        await clock.sleep(84_000);
        return 0;
      },
    });
    expect(ms).toBe(84_000);
    expect(io.log.at(-1)).toBe('The change log ran for 1m24s.');
  });

  it('refuses changelog-env names immut sets, names the step does not set, and a list without a command', () => {
    const base = { identity: identity('b1'), sourceId: 'app-db', changelogCommand: 'migrate up' };
    expect(crossCheck({ ...base, changelogEnv: ['NODE_ENV'] }, { NODE_ENV: 'production' })).toEqual([]);
    expect(
      crossCheck({ ...base, changelogEnv: ['PGHOST', 'NODE_ENV'] }, { NODE_ENV: 'x', PGHOST: 'y' }),
    ).toEqual([
      "Input 'changelog-env' was 'PGHOST,NODE_ENV': PGHOST is set by immut to the replica's connection; remove it from changelog-env.",
    ]);
    expect(crossCheck({ ...base, changelogEnv: ['NODE_ENV', 'NODE_ENVV'] }, { NODE_ENV: 'x' })).toEqual([
      "Input 'changelog-env' was 'NODE_ENV,NODE_ENVV': NODE_ENVV is not set in the step's environment; set it in the step's env: (or remove it from changelog-env).",
    ]);
    expect(
      crossCheck({ ...base, changelogCommand: undefined, changelogEnv: ['NODE_ENV'] }, { NODE_ENV: 'x' }),
    ).toEqual([
      "Input 'changelog-env' was 'NODE_ENV', but no changelog-command is given; set changelog-command or remove changelog-env.",
    ]);
  });
});

describe('post', () => {
  const undo = () => ({
    rdsFor: () => rds,
    identity: { role: 'api', env: 'unit' },
    clock: scaledClock(SCALE),
    log: () => undefined,
  });

  it('deletes its own replica without a final snapshot, and refuses anything else', async () => {
    await replicate(request('u1'), deps().deps);
    sandbox.clearCalls();
    await deleteReplica(undo())({ kind: 'db-instance', id: 'unit-api-u1', region: 'us-east-1' });
    expect(mutatingCalls().map((c) => [c.operation, c.params['SkipFinalSnapshot']])).toEqual([
      ['DeleteDBInstance', 'true'],
    ]);
    await expect(
      deleteReplica(undo())({ kind: 'db-instance', id: 'unit-api-taken', region: 'us-east-1' }),
    ).rejects.toBeInstanceOf(GuardError);
    // Even a corrupted record naming the source cannot delete it.
    await expect(
      deleteReplica(undo())({ kind: 'db-instance', id: 'app-db', region: 'us-east-1' }),
    ).rejects.toThrow(/it has no immut:managed-by=immut tag/);
    // Already gone: nothing to do.
    await deleteReplica(undo())({ kind: 'db-instance', id: 'never-existed', region: 'us-east-1' });
  });

  it('waits for a snapshot being taken, then deletes it', async () => {
    const created = await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'app-db',
        DBSnapshotIdentifier: 'unit-api-u2-source',
        Tags: [
          { Key: 'immut:managed-by', Value: 'immut' },
          { Key: 'immut:role', Value: 'api' },
          { Key: 'immut:env', Value: 'unit' },
        ],
      }),
    );
    expect(created.DBSnapshot?.Status).toBe('creating');
    await deleteSnapshot(undo())({ kind: 'db-snapshot', id: 'unit-api-u2-source', region: 'us-east-1' });
    expect(sandbox.inventory().some((r) => r.id === 'unit-api-u2-source')).toBe(false);
  });

  it('is quiet when the main step recorded nothing, whatever the inputs', async () => {
    const io = recordingIO({ 'keep-on-failure': 'not-a-bool', role: '!!' });
    await runAction(replicateData, io, 'post');
    expect(io.log).toEqual([]);
    expect(io.failures).toEqual([]);
  });
});
