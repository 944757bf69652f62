import { describe, expect, it } from '@jest/globals';
import { InputError } from '@immut/core/errors';
import { optional, readInputs } from '@immut/core/inputs';
import {
  envNames,
  missingEnvNames,
  refusedEnvName,
  runUserCommand,
  userCommandEnv,
  isolationPrefix,
  runUserCommandIsolated,
} from '@immut/core/user-command';

/** A step's environment as configure-aws-credentials and the runner leave it. */
const STEP_ENV: Record<string, string> = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: '/home/runner',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TMPDIR: '/tmp/runner',
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEKEY',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/secret',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjE-session',
  AWS_REGION: 'us-east-1',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/x',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token',
  GITHUB_TOKEN: 'ghs_token',
  'INPUT_CHANGELOG-COMMAND': 'migrate up',
  STATE_guard: '{}',
  GITHUB_SHA: 'abc123',
  NODE_ENV: 'production',
  DEPLOY_API_TOKEN: 'user-secret',
};

const read = (raw: string) =>
  readInputs({ changelogEnv: optional(envNames('the change log command')) }, (name) =>
    name === 'changelog-env' ? raw : '',
  ).changelogEnv;

function problemOf(raw: string): string {
  try {
    read(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error(`'${raw}' was accepted`);
}

describe('userCommandEnv', () => {
  it('builds the environment from nothing: base names, what immut sets and the listed names only', () => {
    const env = userCommandEnv({
      from: STEP_ENV,
      set: { PGHOST: 'replica.example', PGPASSWORD: 'one-time' },
      extra: ['NODE_ENV', 'GITHUB_SHA'],
      platform: 'linux',
    });
    expect(env).toEqual({
      PATH: STEP_ENV['PATH'],
      HOME: STEP_ENV['HOME'],
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TMPDIR: '/tmp/runner',
      NODE_ENV: 'production',
      GITHUB_SHA: 'abc123',
      PGHOST: 'replica.example',
      PGPASSWORD: 'one-time',
    });
  });

  it('never hands on AWS_*, ACTIONS_*, GITHUB_TOKEN or INPUT_*, even when a caller lists them', () => {
    const env = userCommandEnv({
      from: STEP_ENV,
      set: {},
      extra: ['AWS_SECRET_ACCESS_KEY', 'aws_session_token', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'GITHUB_TOKEN'],
      platform: 'linux',
    });
    expect(Object.keys(env).sort()).toEqual(['HOME', 'LANG', 'LC_ALL', 'PATH', 'TMPDIR']);
  });

  it('lets what immut sets win over the step, and refuses to set a credential of its own', () => {
    const env = userCommandEnv({
      from: { ...STEP_ENV, PGHOST: 'source.example' },
      set: { PGHOST: 'replica.example' },
      extra: [],
    });
    expect(env['PGHOST']).toBe('replica.example');
    expect(() => userCommandEnv({ from: {}, set: { AWS_PROFILE: 'x' }, extra: [] })).toThrow(
      /must not set AWS_PROFILE/,
    );
  });

  it('keeps what a Windows shell needs, in the spelling the step has', () => {
    const env = userCommandEnv({
      from: { Path: 'C:\\bin', SystemRoot: 'C:\\Windows', COMSPEC: 'cmd.exe', AWS_REGION: 'x' },
      set: {},
      extra: [],
      platform: 'win32',
    });
    expect(env).toEqual({ SystemRoot: 'C:\\Windows', COMSPEC: 'cmd.exe' });
  });

  it('reports listed names the step does not set', () => {
    expect(missingEnvNames(STEP_ENV, ['NODE_ENV', 'NOPE'])).toEqual(['NOPE']);
  });
});

describe('the env-names input', () => {
  it('reads comma- or newline-separated names', () => {
    expect(read('NODE_ENV, GITHUB_SHA\nMIGRATIONS_DIR')).toEqual([
      'NODE_ENV',
      'GITHUB_SHA',
      'MIGRATIONS_DIR',
    ]);
  });

  it.each([
    ['AWS_ACCESS_KEY_ID', /AWS_ACCESS_KEY_ID is refused: AWS credentials/],
    ['aws_profile', /aws_profile is refused: AWS credentials/],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', /is refused: ACTIONS_\* variables hold the runner’s tokens/],
    ['ACTIONS_RUNTIME_URL', /is refused: ACTIONS_\*/],
    ['GITHUB_TOKEN', /GITHUB_TOKEN is refused: the GitHub token stays with immut/],
    ['GH_TOKEN', /GH_TOKEN is refused/],
    ['GITHUB_ENV', /GITHUB_ENV is refused: file-command paths/],
    ['INPUT_SOURCE-DB', /is not a variable name/],
    ['INPUT_TIMEOUT', /INPUT_TIMEOUT is refused: INPUT_\* variables are the inputs/],
    ['STATE_X', /STATE_X is refused/],
    ['NPM_TOKEN', /NPM_TOKEN is refused: it looks like a credential/],
    ['AZURE_CLIENT_SECRET', /looks like a credential/],
    ['STRIPE_API_KEY', /looks like a credential/],
    ['DB_PASS', /looks like a credential/],
    ['GOOGLE_APPLICATION_CREDENTIALS', /looks like a credential/],
    ['SSH_AUTH_SOCK', /looks like a credential/],
    ['KUBECONFIG', /looks like a credential/],
  ])('refuses %s with the reason', (name, reason) => {
    const message = problemOf(`NODE_ENV,${name}`);
    expect(message).toMatch(/^Input 'changelog-env' was 'NODE_ENV,/);
    expect(message).toMatch(reason);
    expect(message).toMatch(/expected comma- or newline-separated environment variable NAMES/);
  });

  it('refuses malformed names, showing them cut, and duplicates in any case', () => {
    expect(problemOf('NODE_ENV=production')).toMatch(/"NODE_ENV=production" is not a variable name/);
    expect(problemOf('$(curl evil)')).toMatch(/"\$\(curl evil\)" is not a variable name/);
    expect(problemOf(`A${'B'.repeat(200)}`)).toMatch(/"ABBB+\.\.\." is not a variable name/);
    expect(problemOf(`A${'B'.repeat(10_000)}`).length).toBeLessThan(700);
    expect(problemOf('node_env,NODE_ENV')).toMatch(/NODE_ENV is listed twice/);
    expect(problemOf(Array.from({ length: 51 }, (_, i) => `V${i}`).join(','))).toMatch(
      /51 names, more than 50/,
    );
  });

  it('lets ordinary names through', () => {
    for (const name of ['NODE_ENV', 'GITHUB_SHA', 'RUNNER_TEMP', 'PGSSLMODE', 'SORT_KEY', 'OAUTH_ISSUER_URL'])
      expect(refusedEnvName(name)).toBeUndefined();
  });
});

describe('runUserCommand', () => {
  it('runs through the shell with exactly the given environment, streaming both outputs', async () => {
    const lines: string[] = [];
    const code = await runUserCommand('env | sort; echo to-stderr >&2; exit 4', {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ONLY: 'this' },
      onLine: (line) => lines.push(line),
    });
    expect(code).toBe(4);
    expect(lines).toContain('ONLY=this');
    expect(lines).toContain('to-stderr');
    expect(lines.filter((l) => /^(AWS_|ACTIONS_|GITHUB_|INPUT_|HOME=)/.test(l))).toEqual([]);
  });

  it('closes stdin, so a command waiting for input ends instead of hanging', async () => {
    const lines: string[] = [];
    const code = await runUserCommand('read line; echo "read: $?"', {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
      onLine: (line) => lines.push(line),
    });
    expect(code).toBe(0);
    expect(lines).toEqual(['read: 1']);
  });
});

describe('isolationPrefix', () => {
  const ok = { status: 0, stdout: '1\n', stderr: '' };
  const refused = { status: 1, stdout: '', stderr: 'unshare: unshare failed: Operation not permitted\n' };

  it('refuses a runner that is not Linux, saying so', () => {
    expect(isolationPrefix({ platform: 'darwin' })).toEqual({
      problem: 'user commands are isolated with Linux namespaces, and this runner is darwin',
    });
  });

  it('as root, creates the PID namespace directly, without a user namespace', () => {
    const tried: string[][] = [];
    const found = isolationPrefix({ platform: 'linux', uid: 0, run: (argv) => (tried.push([...argv]), ok) });
    expect(found).toEqual({ prefix: ['unshare', '--pid', '--fork', '--kill-child', '--mount-proc', '--'] });
    expect(tried[0]?.slice(-3)).toEqual(['/bin/sh', '-c', 'echo $$']);
  });

  it('as another user, falls back to mapping root when util-linux cannot map the current user', () => {
    const found = isolationPrefix({
      platform: 'linux',
      uid: 1001,
      run: (argv) => (argv.includes('--map-current-user') ? refused : ok),
    });
    expect(found).toEqual({
      prefix: expect.arrayContaining(['--user', '--map-root-user', '--pid', '--mount-proc']),
    });
  });

  it('counts a shell that is not process 1 as no isolation, and names every reason', () => {
    const found = isolationPrefix({
      platform: 'linux',
      uid: 1001,
      run: (argv) => (argv.includes('--map-current-user') ? { ...ok, stdout: '4242\n' } : refused),
    });
    expect(found).toEqual({
      problem: expect.stringMatching(
        /^this runner cannot create a PID namespace \(unshare --user --map-current-user .*exit status 0; unshare --user --map-root-user .*Operation not permitted\)$/,
      ),
    });
  });

  it('on this Linux host, runs a command that sees only its own processes', async () => {
    const found = isolationPrefix();
    if (!('prefix' in found)) throw new Error(found.problem);
    const lines: string[] = [];
    const code = await runUserCommandIsolated(found.prefix)(
      `echo "pid $$"; test -e /proc/${process.pid} && echo "sees ${process.pid}"; ls /proc | grep -c '^[0-9]'`,
      { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' }, onLine: (line) => lines.push(line) },
    );
    expect(code).toBe(0);
    expect(lines[0]).toBe('pid 1');
    expect(lines).not.toContain(`sees ${process.pid}`);
    expect(Number(lines.at(-1))).toBeLessThan(5);
  });
});
