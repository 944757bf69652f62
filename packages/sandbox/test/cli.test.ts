// The immut-sandbox command as a user meets it: the compiled bin in its own process, its help,
// its errors, how it stops (also when the process that started it goes away), and what it
// leaves behind.
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../lib/bin.js', import.meta.url));

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function start(args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npx tsc -b packages/sandbox first`);
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  cleanups.push(() => child.kill('SIGKILL'));
  return child;
}

function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

const run = (args: string[]): Promise<Finished> => finished(start(args));

/** The endpoint from the first stdout line. */
function endpointOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) throw new Error('no stdout');
    createInterface({ input: child.stdout }).once('line', (line) => {
      const match = /^IMMUT_SANDBOX_ENDPOINT=(http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
      else reject(new Error(`unexpected first line ${line}`));
    });
    child.once('exit', () => reject(new Error('exited before printing its endpoint')));
  });
}

const answers = async (endpoint: string): Promise<boolean> =>
  fetch(`${endpoint}/_sandbox/health`).then(
    (r) => r.ok,
    () => false,
  );

describe('immut-sandbox --help', () => {
  it('describes every option with its default, and gives examples', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const option of [
      '--port N',
      '--seed default|empty',
      '--time-scale X',
      '--faults FILE',
      '--state FILE',
      '--postgres',
      '--random-seed N',
      '--iam-policy FILE',
      '--iam-default allow|deny',
      '--operations',
      '-h, --help',
    ]) {
      expect(stdout).toMatch(new RegExp(`^  ${option.replace(/[|]/g, '\\|')}\\n {6}\\S`, 'm'));
    }
    for (const fallback of [
      '(default: 0)',
      '(default: default)',
      '(default: 1)',
      '(default: off)',
      '(default: deny with --iam-policy, else allow)',
    ]) {
      expect(stdout.replace(/\n\s+/g, ' ')).toContain(fallback);
    }
    expect(stdout).toMatch(/^examples:\n {2}immut-sandbox --port 4566$/m);
    expect(stdout).toContain('AWS_ENDPOINT_URL=');
  });

  it('lists the services and operations it emulates', async () => {
    const { code, stdout } = await run(['--operations']);
    expect(code).toBe(0);
    const services: Record<string, string[]> = Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((line) => [line.split(':')[0] ?? '', line.split(': ')[1]?.split(' ') ?? []]),
    );
    expect(services['ec2']).toEqual(expect.arrayContaining(['RunInstances', 'DescribeImages']));
    expect(services['sts']).toContain('GetCallerIdentity');
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['ec2', 'elasticloadbalancing', 'rds', 'route53', 'ssm', 'sts']),
    );
    for (const operations of Object.values(services)) expect(operations.length).toBeGreaterThan(0);
    // The README's "What it supports" table has a row for each of them.
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
    const table = readme.slice(
      readme.indexOf('**What it supports.**'),
      readme.indexOf('**What it does not.**'),
    );
    const rows = [...table.matchAll(/^\| ([^|]+?) \|/gm)].map((m) => m[1]);
    const README_NAMES: Record<string, string> = {
      ec2: 'EC2',
      elasticloadbalancing: 'ELBv2',
      autoscaling: 'Auto Scaling',
      rds: 'RDS',
      route53: 'Route 53',
      s3: 'S3',
      ssm: 'SSM',
      sts: 'STS',
      kms: 'KMS',
    };
    for (const service of Object.keys(services)) expect(rows).toContain(README_NAMES[service] ?? service);
  });
});

describe('immut-sandbox usage errors', () => {
  it.each([
    [['--bogus'], /^immut-sandbox: unknown option --bogus$/m],
    [['--port'], /^immut-sandbox: option --port needs a value \(N\)$/m],
    [['--port', '70000'], /^immut-sandbox: --port must be an integer 0\.\.65535, got "70000"$/m],
    [['--port', '12ab'], /--port must be an integer 0\.\.65535, got "12ab"/],
    [['--time-scale', '-3'], /--time-scale must be a positive number, got "-3"/],
    [['--random-seed', '1.5'], /--random-seed must be an integer, got "1\.5"/],
    [['--seed', 'x'.repeat(70)], /--seed must be default or empty, got "x{60}…"$/m],
    [['--postgres=yes'], /option --postgres takes no value/],
    [['stray'], /unexpected argument "stray"/],
    [
      ['--faults', '/nonexistent/faults.json'],
      /--faults \/nonexistent\/faults\.json: cannot read JSON \(no such file\)/,
    ],
    [['--regions', 'us-west-2,mars'], /regions: expected region names such as us-west-2, got "mars"/],
  ])('%j: one clear line, the usage, exit code 2, no stack', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^usage: immut-sandbox \[options\]/m);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr.trim().split('\n')).toHaveLength(2);
  });

  it('says when the port is in use, without a stack, and exits 2', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => busy.close());
    const port = (busy.address() as { port: number }).port;
    const { code, stderr } = await run(['--port', String(port)]);
    expect(code).toBe(2);
    expect(stderr).toContain(`immut-sandbox: port ${port} on 127.0.0.1 is in use`);
    expect(stderr).toContain('--port 0 for a free one');
    expect(stderr).not.toMatch(/EADDRINUSE|^\s+at /m);
  });
});

describe('immut-sandbox with more accounts and regions', () => {
  it('starts with the accounts of --accounts and the regions of --regions', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'immut-cli-accounts-'));
    cleanups.push(() => rmSync(temp, { recursive: true, force: true }));
    const file = join(temp, 'accounts.json');
    writeFileSync(file, JSON.stringify([{ id: '210987654321', credentials: { 'key-b': 'secret-b' } }]));
    const child = start(['--port', '0', '--accounts', file, '--regions', 'us-west-2']);
    const done = finished(child);
    const endpoint = await endpointOf(child);
    const accounts = (await (await fetch(`${endpoint}/_sandbox/accounts`)).json()) as Array<{
      id: string;
      accessKeys: string[];
    }>;
    expect(accounts.map((a) => [a.id, a.accessKeys])).toEqual([
      ['123456789012', []],
      ['210987654321', ['key-b']],
    ]);
    const inventory = (await (
      await fetch(`${endpoint}/_sandbox/inventory?account=210987654321`)
    ).json()) as Array<{
      kind: string;
      id: string;
    }>;
    expect(inventory.filter((i) => i.kind === 'vpc')).toHaveLength(2);
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);

    writeFileSync(file, JSON.stringify({ id: 'x' }));
    const refused = await run(['--accounts', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('expected a JSON list of accounts');
  });
});

describe('stopping immut-sandbox', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops on %s: exit 0 after a clean stop', async (signal) => {
    const child = start(['--port', '0']);
    const done = finished(child);
    const endpoint = await endpointOf(child);
    expect(await answers(endpoint)).toBe(true);
    child.kill(signal);
    const { code, signal: killedBy, stderr } = await done;
    expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
    expect(stderr).toContain(`immut-sandbox: ${signal}, stopping`);
  });

  // Like the shell npm runs a script in: the sandbox is its child, not exec'd in its place.
  // Returns the sandbox's pid and a way to kill the wrapper; stderr collects the sandbox's.
  async function startWrapped(temp: string) {
    const wrapper = spawn(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" --port 0 --postgres & echo "pid=$!"; wait`],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: temp } },
    );
    cleanups.push(() => wrapper.kill('SIGKILL'));
    const output = { stderr: '' };
    wrapper.stderr?.setEncoding('utf8').on('data', (c: string) => (output.stderr += c));
    const lines = createInterface({ input: wrapper.stdout! })[Symbol.asyncIterator]();
    const pid = Number(/^pid=(\d+)$/.exec(String((await lines.next()).value))?.[1]);
    cleanups.push(() => alive(pid) && process.kill(pid, 'SIGKILL'));
    return { pid, lines, output, killWrapper: () => wrapper.kill('SIGKILL') };
  }

  /** A private TMPDIR shows exactly what the sandbox leaves behind. As root, embedded
   *  PostgreSQL runs as the postgres user, which must be able to enter it. */
  function privateTemp(): string {
    const temp = mkdtempSync(join(tmpdir(), 'immut-cli-test-'));
    chmodSync(temp, 0o755);
    cleanups.push(() => rmSync(temp, { recursive: true, force: true }));
    return temp;
  }

  async function expectGone(pid: number, temp: string, output: { stderr: string }): Promise<void> {
    // It notices within a second and its own stop timeout is 30 s.
    const deadline = Date.now() + 60_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect({ alive: alive(pid), stderr: output.stderr }).toEqual({
      alive: false,
      stderr: expect.stringMatching(/parent process \d+ exited, stopping/),
    });
    expect(readdirSync(temp)).toEqual([]);
  }

  it('stops when the process that started it dies (npm run killed), PostgreSQL and its temp dir included', async () => {
    const temp = privateTemp();
    const { pid, lines, output, killWrapper } = await startWrapped(temp);
    expect(String((await lines.next()).value)).toMatch(/^IMMUT_SANDBOX_ENDPOINT=/);
    expect(readdirSync(temp).filter((f) => f.startsWith('immut-sandbox-pg-'))).toHaveLength(1);
    killWrapper();
    await expectGone(pid, temp, output);
  }, 90_000);

  // The parent must be known before start-up ends: read afterwards, it is already whoever
  // adopted the orphan, and the sandbox would serve on (the cause of a CI failure, where a
  // loaded machine let the test kill the wrapper between the endpoint line and that read).
  it('stops when the process that started it dies while it is still starting', async () => {
    const temp = privateTemp();
    const { pid, output, killWrapper } = await startWrapped(temp);
    // PostgreSQL's directory exists once start-up is under way, well before it ends.
    const deadline = Date.now() + 60_000;
    while (readdirSync(temp).length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    killWrapper();
    await expectGone(pid, temp, output);
  }, 120_000);
});

/** Running: a process that has exited but that nobody reaped yet (a zombie, as an orphan of
 *  a parent that does not reap adopted children stays) counts as gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S …"; the state follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
