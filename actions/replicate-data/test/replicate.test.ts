// replicate-data's functions against the sandbox (real SDK clients over HTTP, no PostgreSQL:
// the change log here is an injected command runner or a real shell). The end-to-end file
// runs the bundle with PostgreSQL and a real migration tool.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateDBInstanceCommand,
  CreateDBSnapshotCommand,
  DescribeDBInstancesCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { startSandbox, type Sandbox } from '../../../packages/sandbox/src/index.js';
import { createAwsClient } from '../../../packages/core/src/aws.js';
import { CleanupLog } from '../../../packages/core/src/cleanup.js';
import { scaledClock } from '../../../packages/core/src/clock.js';
import { GuardError, UserError } from '../../../packages/core/src/errors.js';
import { guardSource, rdsInstanceSource } from '../../../packages/core/src/source-guard.js';
import { recordingIO } from '../../../test/support/recording-io.js';
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
function fakeExec(code = 0, lines: string[] = []): Exec & { seen: Array<Record<string, string>> } {
  const seen: Array<Record<string, string>> = [];
  const exec = (async (_command, { env, onLine }) => {
    seen.push(env);
    lines.forEach(onLine);
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

  it('requires the master password with a change log, and refuses the replica as its own source', () => {
    expect(crossCheck({ identity: identity('b1'), sourceId: 'app-db', changelogCommand: 'x' })).toEqual([
      expect.stringMatching(/^Input 'master-password' is required when 'changelog-command' is given/),
    ]);
    expect(crossCheck({ identity: identity('b1'), sourceId: 'unit-api-b1' })).toEqual([
      expect.stringMatching(
        /^Input 'source-db' was 'unit-api-b1': that is the name of this build's own replica/,
      ),
    ]);
    expect(
      crossCheck({
        identity: identity('b1'),
        sourceId: 'app-db',
        changelogCommand: 'x',
        masterPassword: 'p',
      }),
    ).toEqual([]);
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

  it('restores a tagged replica, runs the change log on it, then moves its password into Secrets Manager', async () => {
    const exec = fakeExec(0, ['migrated with secret-pw inside']);
    const { io, deps: d } = deps(exec);
    const result = await replicate(
      request('r1', {
        changelogCommand: 'migrate up',
        masterPassword: 'secret-pw',
        instanceClass: 'db.t4g.large',
      }),
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
    // The command got the replica's connection, never the source's.
    expect(exec.seen[0]).toMatchObject({
      PGHOST: result.endpoint,
      PGPORT: '5432',
      PGUSER: 'appadmin',
      PGDATABASE: 'app',
      PGPASSWORD: 'secret-pw',
      DATABASE_URL: `postgresql://appadmin:secret-pw@${result.endpoint}:5432/app`,
    });
    expect(io.log).toContain('migrated with *** inside');
    expect(d.cleanup.created()).toEqual([{ kind: 'db-instance', id: 'unit-api-r1', region: 'us-east-1' }]);
    expect(mutatingCalls().map((c) => c.operation)).toEqual([
      'RestoreDBInstanceFromDBSnapshot',
      'AddTagsToResource',
      'ModifyDBInstance',
    ]);
    const restore = sandbox.calls().find((c) => c.operation === 'RestoreDBInstanceFromDBSnapshot')!;
    expect(restore.params).toMatchObject({
      DeletionProtection: 'false',
      DBInstanceClass: 'db.t4g.large',
      DBSubnetGroupName: 'default',
    });
    const modify = sandbox.calls().find((c) => c.operation === 'ModifyDBInstance')!;
    expect(modify.params).toMatchObject({
      DBInstanceIdentifier: 'unit-api-r1',
      ManageMasterUserPassword: 'true',
    });
    expect(JSON.stringify(sandbox.calls())).not.toContain('secret-pw');
  });

  it('continues with its own replica on a re-run, without restoring or migrating again', async () => {
    const exec = fakeExec();
    const { io, deps: d } = deps(exec);
    const result = await replicate(
      request('r1', { changelogCommand: 'migrate up', masterPassword: 'secret-pw' }),
      d,
    );
    expect(result).toMatchObject({
      reused: true,
      changelog: 'applied earlier',
    });
    expect(result.timeToAvailableMs).toBeUndefined();
    expect(exec.seen).toEqual([]);
    expect(mutatingCalls()).toEqual([]);
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
    const exec = fakeExec(2, [
      'starting',
      'Error: boom (url postgresql://appadmin:secret-pw@h/app)',
      '    at Object.<anonymous> (x.js:1:1)',
      '',
    ]);
    const { deps: d } = deps(exec);
    const failure = replicate(
      request('r3', { changelogCommand: 'migrate up', masterPassword: 'secret-pw' }),
      d,
    );
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
        baseEnv: { PATH: process.env['PATH'] },
        exec: shellExec,
      }),
    ).rejects.toThrow(
      /exit code 3\) on the replica ad@min@db\.example:5432\/app db; its last lines:\ndb=app db user=ad@min pw=\*\*\*\nurl=postgresql:\/\/ad%40min:\*\*\*@db\.example/,
    );
    expect(io.log[0]).toMatch(/^group: Change log: echo/);
    expect(io.log.join('\n')).not.toMatch(/p@ss|p%40ss/);
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
    await replicateData.post!({ io, env: {}, clock: scaledClock(SCALE), cleanup: CleanupLog.fromState(io) });
    expect(io.log).toEqual([]);
    expect(io.failures).toEqual([]);
  });
});
