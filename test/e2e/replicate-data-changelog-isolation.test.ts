// replicate-data's change log command, as an attacker with write access to the migrations
// (or a hostile dependency of the migration tool) would use it: the built bundle through
// the runner harness, against the sandbox with a real PostgreSQL. The step's environment
// holds what a real release job's does (AWS keys from configure-aws-credentials, the OIDC
// request token, GITHUB_TOKEN); the command must get none of it, and nothing it prints may
// act as a workflow command.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeDBInstancesCommand, RDSClient, type DBInstance } from '@aws-sdk/client-rds';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sandbox } from '@immut/sandbox';
import { REPO_ROOT, describeRun, errorsOf, runAction, type ActionRun } from '@immut/action-runner';
import { ADMIN_CREDENTIALS, sandboxEnv, startE2eSandbox } from '@immut/test-support/sandbox';

const ACTION = 'replicate-data';
const SOURCE = 'app-db';
const ATTACK_PASSWORD = 'Pwned-by-the-changelog-1';

/** What configure-aws-credentials, the runner and `env:` put in a real release step. */
const STEP_SECRETS = {
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLEsessiontoken',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-that-mints-id-tokens',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.actions.example/idtoken',
  ACTIONS_RUNTIME_TOKEN: 'actions-runtime-token',
  GITHUB_TOKEN: 'ghs_stepGithubToken0000000000000000000',
};

/** Lines a hostile change log prints: each would be obeyed by the runner if printed bare. */
const HOSTILE_LINES = [
  '::add-mask::injected-mask-value',
  '::error::injected error',
  '::warning::injected warning',
  '::notice::injected notice',
  '::set-output name=db-instance-id::hijacked',
  '::save-state name=replicate-data-guard::{}',
  '::debug::injected debug',
];
const printHostile = `printf '%s\\n' ${HOSTILE_LINES.map((l) => `'${l}'`).join(' ')}`;

let sandbox: Sandbox;
let rds: RDSClient;
let dir: string;
const out: Record<string, ActionRun> = {};

const inputs = (build: string, extra: Record<string, string>) => ({
  role: 'api',
  env: 'test',
  build,
  'source-db': SOURCE,
  timeout: '24h',
  ...extra,
});

const run = (build: string, extra: Record<string, string>, env: Record<string, string> = {}) =>
  runAction(ACTION, {
    inputs: inputs(build, extra),
    env: { ...sandboxEnv(sandbox, ACTION), ...STEP_SECRETS, ...env },
    timeoutMs: 60_000,
  });

async function source(): Promise<DBInstance | undefined> {
  const { DBInstances } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: SOURCE }));
  return DBInstances?.[0];
}

/** The attack from the issue: the change log calls ModifyDBInstance on the source with a
 *  new master password, with whatever credentials its environment gives the AWS SDK. */
function writeAttack(): string {
  const script = path.join(dir, 'attack.cjs');
  writeFileSync(
    script,
    `const { createRequire } = require('node:module');
const { writeFileSync } = require('node:fs');
const sdk = createRequire(${JSON.stringify(path.join(REPO_ROOT, 'package.json'))})('@aws-sdk/client-rds');
// Keep the default credential chain off any real instance metadata service.
process.env.AWS_EC2_METADATA_DISABLED = 'true';
const [endpoint, outFile] = process.argv.slice(2);
const rds = new sdk.RDSClient({ endpoint, region: 'us-east-1', maxAttempts: 1 });
rds
  .send(new sdk.ModifyDBInstanceCommand({ DBInstanceIdentifier: ${JSON.stringify(SOURCE)}, MasterUserPassword: ${JSON.stringify(ATTACK_PASSWORD)}, ApplyImmediately: true }))
  .then(() => writeFileSync(outFile, 'modified the source'))
  .catch((e) => writeFileSync(outFile, 'refused: ' + e.name + ': ' + e.message));
`,
  );
  return script;
}

beforeAll(async () => {
  sandbox = await startE2eSandbox({ postgres: true });
  rds = new RDSClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { ...ADMIN_CREDENTIALS },
  });
  dir = mkdtempSync(path.join(os.tmpdir(), 'immut-changelog-'));
  const attack = writeAttack();
  const envFile = path.join(dir, 'env.txt');
  // Every environment the command can read through /proc, as a process of the same user can.
  const peek = (file: string) =>
    `for f in /proc/[0-9]*/environ; do cat "$f"; echo; done 2>/dev/null | tr '\\0' '\\n' > '${path.join(dir, file)}'`;
  const [dump, attacked, failed, refused, missing, peeked, peekedPlain] = await Promise.all([
    run(
      'envdump',
      {
        'changelog-command': `env > '${envFile}' && ${printHostile}`,
        'changelog-env': 'MIGRATIONS_LABEL, GITHUB_SHA',
      },
      { MIGRATIONS_LABEL: 'release-7', NOT_LISTED: 'stays out' },
    ),
    run('attack', {
      'changelog-command': `node '${attack}' '${sandbox.endpoint}' '${path.join(dir, 'attack.txt')}'`,
    }),
    run('hostilefail', { 'changelog-command': `${printHostile}; exit 3` }),
    run('refused', {
      'changelog-command': 'true',
      'changelog-env': 'NODE_ENV,AWS_SECRET_ACCESS_KEY,ACTIONS_ID_TOKEN_REQUEST_TOKEN,GITHUB_TOKEN',
    }),
    run('missing', { 'changelog-command': 'true', 'changelog-env': 'NOT_SET_ANYWHERE' }),
    run('peek', { 'changelog-command': peek('peek.txt') }),
    run('peekplain', { 'changelog-command': peek('peek-plain.txt'), 'changelog-isolation': 'none' }),
  ]);
  Object.assign(out, { dump, attacked, failed, refused, missing, peeked, peekedPlain });
}, 120_000);

afterAll(async () => {
  rds?.destroy();
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const envSeen = (): Record<string, string> =>
  Object.fromEntries(
    readFileSync(path.join(dir, 'env.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

describe('the change log command never gets immut’s keys', () => {
  it('gets the replica’s connection and the listed variables, and none of AWS_*, ACTIONS_*, GITHUB_TOKEN, INPUT_*', async () => {
    if (out['dump']?.exitCode !== 0) throw new Error(describeRun(out['dump']!));
    const { DBInstances } = await rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'test-api-envdump' }),
    );
    const replica = DBInstances?.[0]?.Endpoint;
    const env = envSeen();
    const names = Object.keys(env);
    expect(names.filter((n) => /^(AWS_|ACTIONS_|INPUT_|STATE_|GITHUB_TOKEN$)/i.test(n))).toEqual([]);
    for (const secret of [...Object.values(STEP_SECRETS), 'test'])
      expect(Object.entries(env).filter(([, v]) => v === secret)).toEqual([]);
    expect(env).toMatchObject({
      PGHOST: replica?.Address,
      PGPORT: String(replica?.Port),
      PGDATABASE: expect.any(String),
      PGUSER: expect.any(String),
      PGPASSWORD: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      DATABASE_URL: expect.stringMatching(/^postgresql:\/\//),
      MIGRATIONS_LABEL: 'release-7',
      GITHUB_SHA: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(env['NOT_LISTED']).toBeUndefined();
    expect(env['PATH']).toBeTruthy();
  });

  it('cannot change the source with ModifyDBInstance: it finds no credentials, and the source stays available with its password', async () => {
    if (out['attacked']?.exitCode !== 0) throw new Error(describeRun(out['attacked']!));
    expect(readFileSync(path.join(dir, 'attack.txt'), 'utf8')).toMatch(/^refused: CredentialsProviderError/);
    const db = await source();
    expect(db?.DBInstanceStatus).toBe('available');
    expect(db?.PendingModifiedValues?.MasterUserPassword).toBeUndefined();
    const toSource = sandbox
      .calls()
      .filter((c) => c.operation === 'ModifyDBInstance' && c.params['DBInstanceIdentifier'] === SOURCE);
    expect(toSource).toEqual([]);
    expect(JSON.stringify(sandbox.calls())).not.toContain(ATTACK_PASSWORD);
  });

  it('cannot read the step’s keys from another process’s /proc/<pid>/environ: it runs in a PID namespace of its own', () => {
    if (out['peeked']?.exitCode !== 0) throw new Error(describeRun(out['peeked']!));
    const seen = readFileSync(path.join(dir, 'peek.txt'), 'utf8');
    expect(seen).toContain('PGPASSWORD='); // its own environment, so the loop did read /proc
    for (const secret of Object.values(STEP_SECRETS)) expect(seen).not.toContain(secret);
    expect(seen).not.toMatch(/^AWS_SECRET_ACCESS_KEY=/m);
  });

  it('with changelog-isolation none, runs as a plain child that can read them, and warns so', () => {
    // What the namespace prevents: without it, the same loop finds the step's keys.
    if (out['peekedPlain']?.exitCode !== 0) throw new Error(describeRun(out['peekedPlain']!));
    const seen = readFileSync(path.join(dir, 'peek-plain.txt'), 'utf8');
    expect(seen).toContain(STEP_SECRETS.AWS_SESSION_TOKEN);
    expect(out['peekedPlain']?.stdout).toMatch(/::warning::changelog-isolation is 'none'/);
  });

  it('refuses credential names in changelog-env with one clear error, before creating anything', () => {
    const run = out['refused']!;
    expect(run.exitCode).not.toBe(0);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    const message = errors[0]?.message ?? '';
    expect(message).toMatch(/^replicate-data: Input 'changelog-env' was 'NODE_ENV,AWS_SECRET_ACCESS_KEY,/);
    expect(message).toMatch(/AWS_SECRET_ACCESS_KEY is refused: AWS credentials/);
    expect(message).toMatch(/ACTIONS_ID_TOKEN_REQUEST_TOKEN is refused/);
    expect(message).toMatch(/GITHUB_TOKEN is refused/);
    expect(message).toMatch(/expected comma- or newline-separated environment variable NAMES/);
    expect(sandbox.calls().filter((c) => JSON.stringify(c.params).includes('test-api-refused'))).toEqual([]);
  });

  it('says which listed variable the step does not set', () => {
    const message = errorsOf(out['missing']!)[0]?.message ?? '';
    expect(message).toMatch(
      /Input 'changelog-env' was 'NOT_SET_ANYWHERE': NOT_SET_ANYWHERE is not set in the step's environment/,
    );
  });
});

describe('nothing the change log prints acts as a workflow command', () => {
  it('shows its lines as text, and none is obeyed: no mask, annotation, output, state or debug message', () => {
    const run = out['dump']!;
    for (const line of HOSTILE_LINES) expect(run.logLines).toContain(line);
    expect(run.masks).not.toContain('injected-mask-value');
    expect(run.annotations.filter((a) => /injected/.test(a.message))).toEqual([]);
    expect(run.outputs['db-instance-id']).toBe('test-api-envdump');
    expect(run.state['replicate-data-guard']).not.toBe('{}');
    expect(run.debug).not.toContain('injected debug');
  });

  it('keeps a failing change log’s lines in its one error annotation as text', () => {
    const run = out['failed']!;
    expect(run.exitCode).not.toBe(0);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/The change log command failed \(exit code 3\)/);
    expect(errors[0]?.message).toContain('::error::injected error');
    expect(run.annotations.filter((a) => a.level !== 'error')).toEqual([]);
    expect(run.masks).not.toContain('injected-mask-value');
    expect(run.outputs['db-instance-id']).toBeUndefined();
  });
});
