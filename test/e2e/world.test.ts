// The world action through the runner harness: plan mode turns the world file into the
// matrix of rebuild-the-world, whose entries must fit release.yml's inputs; record mode
// records the world release against the sandbox's GitHub slice, where the roles' releases
// were recorded by the tag-release bundle, as the release jobs of the same run do.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPOSITORY, makeImage, releaseInputs as tagReleaseInputs } from '@immut/test-support/release-parts';
import { readWorldRelease, type WorldRelease } from '@immut/core/world-release';
import type { Sandbox } from '@immut/sandbox';
import { REPO_ROOT, describeRun, errorsOf, runAction, type ActionRun } from '@immut/action-runner';
import { sandboxEnv, startE2eSandbox } from '@immut/test-support/sandbox';

const releaseInputs = Object.keys(
  (
    parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/release.yml'), 'utf8')) as {
      on: { workflow_call: { inputs: Record<string, unknown> } };
    }
  ).on.workflow_call.inputs,
);

/** Temp directories of this file's tests, removed after them (also when a test fails). */
const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('world action, mode plan', () => {
  it('outputs one matrix entry per role whose keys are release.yml inputs', async () => {
    const run = await runAction('world', {
      inputs: { mode: 'plan', 'world-file': 'examples/consumer/immut.world.yml' },
      cwd: REPO_ROOT,
    });
    expect(errorsOf(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const matrix = JSON.parse(run.outputs['matrix'] ?? '') as { include: Array<Record<string, string>> };
    expect(matrix.include.map((e) => e['role'])).toEqual(['api', 'web', 'worker']);
    for (const entry of matrix.include) {
      expect(Object.keys(entry).filter((key) => !releaseInputs.includes(key))).toEqual([]);
      expect(Object.values(entry).every((value) => typeof value === 'string')).toBe(true);
    }
    expect(matrix.include[0]).toMatchObject({
      'subnet-ids': 'subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002,subnet-0a1b2c3d4e5f60003',
      count: '2',
    });
    // Flags travel as a JSON object: tag-release reads it back value for value.
    expect(JSON.parse(matrix.include[0]?.['flags'] ?? '')).toEqual({
      LOG_LEVEL: 'info',
      DB_PASSWORD_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api/db',
    });
    expect(run.outputs['env']).toBe('prod');
    expect(run.outputs['roles']).toBe('api,web,worker');
    expect(run.summary).toContain('| api |');
  });

  it('reports every mistake of a world file with its path, in one error', async () => {
    const dir = tempDir('immut-world-');
    writeFileSync(
      path.join(dir, 'immut.world.yml'),
      'schema: immut.world/v1\nenv: prod\nregion: us-east-1\nzone: example.test\nroles:\n  api:\n    provision: p.sh\n    count: 0\n',
    );
    const run = await runAction('world', { inputs: { mode: 'plan' }, cwd: dir });
    expect(run.exitCode).not.toBe(0);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    const message = errors[0]?.message ?? '';
    expect(message).toMatch(/^world: immut\.world\.yml has \d+ problem\(s\):/);
    expect(message).toContain('roles.api.count:');
    expect(message).toContain('roles.api.base-image: required');
    expect(run.outputs).toEqual({});
  });

  describe('a world file that is not a file of the workspace', () => {
    /** A workspace inside a directory that holds a valid world file of its own. */
    function nested(): { outer: string; ws: string } {
      const outer = tempDir('immut-world-outer-');
      writeFileSync(
        path.join(outer, 'x.yml'),
        readFileSync(path.join(REPO_ROOT, 'examples/consumer/immut.world.yml'), 'utf8'),
      );
      const ws = path.join(outer, 'ws');
      mkdirSync(ws);
      return { outer, ws };
    }

    async function refused(worldFile: string, ws: string): Promise<string> {
      const run = await runAction('world', { inputs: { mode: 'plan', 'world-file': worldFile }, cwd: ws });
      expect(run.exitCode).not.toBe(0);
      expect(run.outputs).toEqual({});
      const errors = errorsOf(run);
      expect(errors).toHaveLength(1);
      return errors[0]?.message ?? '';
    }

    it('refuses ../x.yml', async () => {
      const { ws } = nested();
      expect(await refused('../x.yml', ws)).toMatch(/Input 'world-file' was '\.\.\/x\.yml': .*workspace/);
    });

    it('refuses an absolute path', async () => {
      const { outer, ws } = nested();
      const file = path.join(outer, 'x.yml');
      expect(await refused(file, ws)).toMatch(
        /Input 'world-file' was '.*x\.yml': .*relative to the workspace/,
      );
    });

    it('refuses a committed symlink that leads out of the workspace', async () => {
      const { ws } = nested();
      symlinkSync('../x.yml', path.join(ws, 'immut.world.yml'));
      mkdirSync(path.join(ws, 'conf'));
      symlinkSync('..', path.join(ws, 'conf', 'up'));
      expect(await refused('immut.world.yml', ws)).toMatch(
        /Input 'world-file' was 'immut\.world\.yml': .*outside the workspace/,
      );
      expect(await refused('conf/up/../x.yml', ws)).toMatch(
        /Input 'world-file' was 'conf\/up\/\.\.\/x\.yml'/,
      );
    });

    it('refuses a FIFO and a directory instead of hanging or crashing', async () => {
      const { ws } = nested();
      execFileSync('mkfifo', [path.join(ws, 'fifo.yml')]);
      mkdirSync(path.join(ws, 'dir.yml'));
      expect(await refused('fifo.yml', ws)).toMatch(
        /Input 'world-file' was 'fifo\.yml': it is not a regular file/,
      );
      expect(await refused('dir.yml', ws)).toMatch(
        /Input 'world-file' was 'dir\.yml': it is not a regular file/,
      );
    });

    it('shows a 10,000-character path cut, with its length', async () => {
      const { ws } = nested();
      const message = await refused(`${'w'.repeat(9_996)}.yml`, ws);
      expect(message).toMatch(/Input 'world-file' was '[^']{1,120}…' \(10000 characters\)/);
      expect(message.length).toBeLessThan(1000);
    });

    it('still reads a world file reached through a symlink inside the workspace', async () => {
      const { ws } = nested();
      mkdirSync(path.join(ws, 'conf'));
      writeFileSync(
        path.join(ws, 'conf', 'world.yml'),
        readFileSync(path.join(REPO_ROOT, 'examples/consumer/immut.world.yml'), 'utf8'),
      );
      symlinkSync('conf/world.yml', path.join(ws, 'immut.world.yml'));
      const run = await runAction('world', { inputs: { mode: 'plan' }, cwd: ws });
      expect(errorsOf(run)).toEqual([]);
      expect(run.outputs['roles']).toBe('api,web,worker');
    });
  });

  describe('a hostile world file', () => {
    const example = readFileSync(path.join(REPO_ROOT, 'examples/consumer/immut.world.yml'), 'utf8');

    /** Plans `text` as the workspace's world file; returns the one error. */
    async function planRefused(text: string): Promise<string> {
      const dir = tempDir('immut-world-hostile-');
      writeFileSync(path.join(dir, 'immut.world.yml'), text);
      const run = await runAction('world', { inputs: { mode: 'plan' }, cwd: dir });
      expect(run.exitCode).not.toBe(0);
      expect(run.outputs['matrix']).toBeUndefined();
      const errors = errorsOf(run);
      expect(errors).toHaveLength(1);
      return errors[0]?.message ?? '';
    }

    it('refuses a flag value with a newline instead of passing two flags on', async () => {
      const message = await planRefused(example.replace('LOG_LEVEL: info', 'LOG_LEVEL: "info\\nINJECTED=1"'));
      expect(message).toMatch(
        /roles\.api\.flags\.LOG_LEVEL: flag LOG_LEVEL is refused: its value has a control character \(U\+000A\) at character 5/,
      );
    });

    it('plans more roles than GitHub runs from one matrix as chunks', async () => {
      const world = (n: number) =>
        example.slice(0, example.indexOf('roles:\n')) +
        `roles:\n${Array.from({ length: n }, (_, i) => `  r${i}:\n    provision: p.sh\n    app-version: '1'\n`).join('')}`;
      const dir = tempDir('immut-world-chunks-');
      writeFileSync(path.join(dir, 'immut.world.yml'), world(257));
      const whole = await runAction('world', { inputs: { mode: 'plan' }, cwd: dir });
      expect(whole.exitCode).toBe(0);
      expect(whole.outputs).toMatchObject({ count: '257', 'chunk-count': '2', chunks: '[1,2]' });
      // No matrix of 257 legs: GitHub would refuse it; rebuild-the-world runs the chunks instead.
      expect(whole.outputs['matrix']).toBeUndefined();
      const second = await runAction('world', { inputs: { mode: 'plan', chunk: '2' }, cwd: dir });
      expect(second.exitCode).toBe(0);
      const matrix = JSON.parse(second.outputs['matrix'] ?? '{}') as { include?: Array<{ role: string }> };
      expect(matrix.include).toHaveLength(1);
      expect(second.outputs['roles']).toBe(matrix.include?.[0]?.role);
      // Beyond 7,000 roles: refused (packages/core/test/world.test.ts).
    });

    it('refuses a YAML bomb', async () => {
      const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
      for (const [prev, next] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg'])
        levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]`);
      expect(await planRefused(`${levels.join('\n')}\n${example}`)).toMatch(
        /^world: immut\.world\.yml has 1 problem\(s\):\n- too many YAML aliases/,
      );
    });

    it('refuses a world file over 2 MiB without reading it, saying how big it is', async () => {
      const message = await planRefused(`# ${'x'.repeat(2_200_000)}\n${example}`);
      expect(message).toMatch(/\b2201\d{3} bytes\b/);
      expect(message).toMatch(/\b2097152\b/);
    });
  });

  it('names a world file that does not exist', async () => {
    const run = await runAction('world', { inputs: { mode: 'plan', 'world-file': 'nope.yml' } });
    expect(errorsOf(run)[0]?.message).toMatch(
      /Input 'world-file' was 'nope\.yml': no such file in the workspace/,
    );
  });
});

// ---------------------------------------------------------------------------------------
// mode record

const WORLD_FILE = 'examples/consumer/immut.world.yml';
const ROLES = ['api', 'web', 'worker'];
/** The harness's GITHUB_RUN_NUMBER is 42: every action of the run derives this build. */
const RUN_BUILD = 'b000042';

function githubEnv(
  sandbox: Sandbox,
  extra: Record<string, string> = {},
  action = 'world',
): Record<string, string> {
  return { ...sandboxEnv(sandbox, action), GITHUB_API_URL: sandbox.endpoint, ...extra };
}

/** What one role's release job leaves on GitHub: tag-release's bundle, run in this build. */
async function releaseRole(sandbox: Sandbox, role: string, build?: string): Promise<void> {
  const imageId = await makeImage(sandbox, { role, env: 'prod', build: build ?? RUN_BUILD });
  const run = await runAction('tag-release', {
    inputs: { ...tagReleaseInputs(imageId), role, ...(build ? { build } : {}) },
    env: githubEnv(sandbox, {}, 'tag-release'),
  });
  if (run.exitCode !== 0) throw new Error(`releasing ${role} failed:\n${describeRun(run)}`);
}

function recordWorld(
  sandbox: Sandbox,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction('world', {
    inputs: { mode: 'record', 'world-file': WORLD_FILE, ...inputs },
    env: githubEnv(sandbox, env),
    cwd: REPO_ROOT,
  });
}

function githubWrites(sandbox: Sandbox): string[] {
  return sandbox.github
    .calls()
    .filter((c) => c.method !== 'GET')
    .map((c) => `${c.operation} ${c.status}`);
}

function errorText(run: ActionRun): string {
  return errorsOf(run)
    .map((a) => a.message)
    .join('\n');
}

function manifestOf(run: ActionRun): WorldRelease {
  return readWorldRelease(run.outputs['manifest'] ?? '');
}

function repoState(sandbox: Sandbox): unknown {
  return sandbox.github.snapshotState().repos[`${REPOSITORY.owner}/${REPOSITORY.repo}`];
}

const RECORDED = [
  'git.createTag 201',
  'git.createRef 201',
  'repos.createRelease 201',
  'repos.uploadReleaseAsset 201',
];

interface Scenario {
  sandbox: Sandbox;
  runs: Record<string, ActionRun>;
  writes: Record<string, string[]>;
  /** The repository's GitHub state before and after each step. */
  before: Record<string, unknown>;
  state: Record<string, unknown>;
  /** GitHub calls answered by an injected fault, per step. */
  injected: Record<string, string[]>;
}

const sandboxes: Sandbox[] = [];

async function scenario(steps: (s: Scenario) => Promise<void>): Promise<Scenario> {
  const sandbox = await startE2eSandbox({ seed: 'default' });
  sandboxes.push(sandbox);
  const s: Scenario = { sandbox, runs: {}, writes: {}, before: {}, state: {}, injected: {} };
  await steps(s);
  return s;
}

/** Runs the world action as step `name`, keeping its GitHub writes and the state after it. */
async function step(s: Scenario, name: string, run: () => Promise<ActionRun>): Promise<void> {
  s.sandbox.github.clearCalls();
  s.before[name] = repoState(s.sandbox);
  s.runs[name] = await run();
  s.writes[name] = githubWrites(s.sandbox);
  s.injected[name] = s.sandbox.github
    .calls()
    .filter((c) => c.injected)
    .map((c) => c.operation);
  s.state[name] = repoState(s.sandbox);
}

let complete: Scenario;
let partial: Scenario;
let dryRun: Scenario;
let failures: Scenario;

beforeAll(async () => {
  [complete, partial, dryRun, failures] = await Promise.all([
    // Every role released in the run's build; the record job runs, then is re-run (attempt 2).
    scenario(async (s) => {
      await Promise.all(ROLES.map((role) => releaseRole(s.sandbox, role)));
      await step(s, 'first', () => recordWorld(s.sandbox));
      await step(s, 'rerun', () => recordWorld(s.sandbox, {}, { GITHUB_RUN_ATTEMPT: '2' }));
    }),
    // web's release job failed: the world is recorded without it and the step fails; then
    // web is re-run on its own and released, and the record job again: a conflict.
    scenario(async (s) => {
      await Promise.all(['api', 'worker'].map((role) => releaseRole(s.sandbox, role, 'p1')));
      await step(s, 'first', () => recordWorld(s.sandbox, { build: 'p1' }));
      await step(s, 'again', () => recordWorld(s.sandbox, { build: 'p1' }));
      await releaseRole(s.sandbox, 'web', 'p1');
      await step(s, 'conflict', () => recordWorld(s.sandbox, { build: 'p1' }));
    }),
    scenario(async (s) => {
      await releaseRole(s.sandbox, 'api', 'd1');
      await step(s, 'dry', () => recordWorld(s.sandbox, { build: 'd1', 'dry-run': 'true' }));
    }),
    scenario(async (s) => {
      await Promise.all(ROLES.map((role) => releaseRole(s.sandbox, role, 'f1')));
      s.sandbox.github.addFaults([
        {
          operation: 'git.createTag',
          status: 403,
          message: 'Resource not accessible by integration',
          times: 1,
        },
      ]);
      await step(s, 'forbidden', () => recordWorld(s.sandbox, { build: 'f1' }));
      s.sandbox.github.addFaults([
        { operation: 'repos.uploadReleaseAsset', status: 500, message: 'Server Error' },
      ]);
      await step(s, 'half', () => recordWorld(s.sandbox, { build: 'f1' }));
      s.sandbox.github.clearFaults();
      await step(s, 'completed', () => recordWorld(s.sandbox, { build: 'f1' }));
      s.sandbox.github.addFaults([
        { operation: 'repos.getReleaseByTag', kind: 'rate-limit', times: 2 },
        { operation: 'git.getRef', kind: 'secondary-rate-limit', times: 1 },
      ]);
      await step(s, 'throttled', () => recordWorld(s.sandbox, { build: 'f1' }));
      s.sandbox.github.clearFaults();
      await step(s, 'badBuild', () => recordWorld(s.sandbox, { build: 'B-1' }));
      await step(s, 'noRun', () => recordWorld(s.sandbox, {}, { GITHUB_RUN_NUMBER: '' }));
      await step(s, 'badSha', () => recordWorld(s.sandbox, { build: 'f1' }, { GITHUB_SHA: 'main' }));
    }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.stop()));
});

describe('world action, mode record: every role released', () => {
  it('records the world release listing every role’s release tag, and sets the outputs', () => {
    const run = complete.runs['first']!;
    expect({ exit: run.exitCode, errors: errorsOf(run) }).toEqual({ exit: 0, errors: [] });
    expect(complete.writes['first']).toEqual(RECORDED);
    expect(run.outputs['tag']).toBe(`immut/prod/world/${RUN_BUILD}`);
    expect(run.outputs['release-url']).toContain(`/immut-test/app/releases/tag/`);
    const manifest = manifestOf(run);
    expect(manifest).toMatchObject({
      schema: 'immut.world-release/v1',
      world: `immut/prod/world/${RUN_BUILD}`,
      env: 'prod',
      build: RUN_BUILD,
      source: {
        repository: 'immut-test/app',
        sha: '0123456789abcdef0123456789abcdef01234567',
        run: 'https://github.com/immut-test/app/actions/runs/9876543210',
      },
    });
    expect(Object.keys(manifest.roles)).toEqual(ROLES);
    for (const role of ROLES) {
      expect(manifest.roles[role]).toEqual({
        status: 'released',
        release: `${role}-${RUN_BUILD}`,
        tag: `immut/prod/${role}/${RUN_BUILD}`,
        image: expect.stringMatching(/^ami-/),
        app: '1.4.2',
      });
    }
    expect(run.outputs['env']).toBe('prod');
    expect(run.outputs['roles']).toBe('api,web,worker');
    expect(run.summary).toContain('All 3 role(s) released.');
    expect(run.summary).toContain(`| api | ✅ released | [immut/prod/api/${RUN_BUILD}](`);
  });

  it('records a tag message and release asset that hold the same manifest', async () => {
    const octokit = getOctokit('t', { baseUrl: complete.sandbox.endpoint });
    const tag = `immut/prod/world/${RUN_BUILD}`;
    const ref = await octokit.rest.git.getRef({ ...REPOSITORY, ref: `tags/${tag}` });
    const object = await octokit.rest.git.getTag({ ...REPOSITORY, tag_sha: ref.data.object.sha });
    expect(object.data.message.split('\n')[0]).toBe(`immut world release world-${RUN_BUILD} (prod)`);
    const { data: release } = await octokit.rest.repos.getReleaseByTag({ ...REPOSITORY, tag });
    expect(release.name).toBe(`world-${RUN_BUILD} (prod)`);
    expect(release.body).toContain('```json');
    const asset = release.assets.find((a) => a.name === 'manifest.json');
    const { data } = await octokit.rest.repos.getReleaseAsset({
      ...REPOSITORY,
      asset_id: asset?.id ?? 0,
      headers: { accept: 'application/octet-stream' },
    });
    const text =
      typeof data === 'string' ? data : Buffer.from(data as unknown as ArrayBuffer).toString('utf8');
    expect(readWorldRelease(text)).toEqual(manifestOf(complete.runs['first']!));
  });

  it('changes nothing on a re-run of the record job (another attempt of the same run)', () => {
    const run = complete.runs['rerun']!;
    expect({ exit: run.exitCode, writes: complete.writes['rerun'] }).toEqual({ exit: 0, writes: [] });
    expect(run.outputs['manifest']).toBe(complete.runs['first']!.outputs['manifest']);
    expect(run.outputs['release-url']).toBe(complete.runs['first']!.outputs['release-url']);
    expect(run.summary).toContain('nothing changed');
    expect(complete.state['rerun']).toEqual(complete.before['rerun']);
  });
});

describe('world action, mode record: a role missing', () => {
  it('records the world with the role marked missing, then fails the step naming it', () => {
    const run = partial.runs['first']!;
    expect(partial.writes['first']).toEqual(RECORDED);
    expect(run.exitCode).toBe(1);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain(
      'World release immut/prod/world/p1 was recorded with 1 of 3 role(s) missing: web (no release under immut/prod/web/p1;',
    );
    const manifest = manifestOf(run);
    expect(manifest.roles['web']).toEqual({
      status: 'missing',
      reason: 'no release was recorded under immut/prod/web/p1: its release job failed or did not run',
    });
    expect(manifest.roles['api']).toMatchObject({ status: 'released', tag: 'immut/prod/api/p1' });
    expect(manifest.roles['worker']).toMatchObject({ status: 'released', tag: 'immut/prod/worker/p1' });
    expect(run.outputs['tag']).toBe('immut/prod/world/p1');
    expect(run.outputs['release-url']).not.toBe('');
    expect(run.summary).toContain('| web | ❌ missing |');
    expect(run.summary).toContain('2 of 3 role(s) released; missing: web.');
  });

  it('an identical re-run writes nothing and still fails naming the missing role', () => {
    const run = partial.runs['again']!;
    expect(partial.writes['again']).toEqual([]);
    expect(run.exitCode).toBe(1);
    expect(errorText(run)).toContain('missing: web');
    expect(run.outputs['manifest']).toBe(partial.runs['first']!.outputs['manifest']);
  });

  it('refuses to rewrite the world once the missing role is released, with a clear error, changing nothing', () => {
    const run = partial.runs['conflict']!;
    expect(run.exitCode).toBe(1);
    expect(partial.writes['conflict']).toEqual([]);
    expect(partial.state['conflict']).toEqual(partial.before['conflict']);
    expect(errorText(run)).toContain(
      'World release immut/prod/world/p1 already exists and its manifest differs: roles.web (missing recorded, released as immut/prod/web/p1 now). A world release is never rewritten',
    );
    expect(run.outputs['tag']).toBeUndefined();
  });
});

describe('world action, mode record: dry run', () => {
  it('prints the manifest it would record, warns about missing roles, and writes nothing', () => {
    const run = dryRun.runs['dry']!;
    expect({ exit: run.exitCode, writes: dryRun.writes['dry'] }).toEqual({ exit: 0, writes: [] });
    const log = run.logLines.join('\n');
    expect(log).toContain('"schema": "immut.world-release/v1"');
    expect(log).toContain('Dry run: would create the annotated git tag immut/prod/world/d1');
    expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      expect.stringContaining('would be recorded with 2 of 3 role(s) missing: web, worker'),
    ]);
    expect(manifestOf(run).roles['api']).toMatchObject({ status: 'released' });
    expect(run.outputs['release-url']).toBe('');
  });
});

describe('world action, mode record: failures', () => {
  it('says which permission the workflow needs when GitHub refuses the write', () => {
    const run = failures.runs['forbidden']!;
    expect(run.exitCode).toBe(1);
    expect(errorText(run)).toContain('needs `permissions: contents: write`');
    expect(failures.writes['forbidden']).toEqual(['git.createTag 403']);
  });

  it('keeps what a failed run recorded, says so, and a re-run completes it', () => {
    const half = failures.runs['half']!;
    expect(half.exitCode).toBe(1);
    expect(errorText(half)).toMatch(
      /they are kept on purpose .*re-run this job to complete the world release/,
    );
    const completed = failures.runs['completed']!;
    expect({ exit: completed.exitCode, writes: failures.writes['completed'] }).toEqual({
      exit: 0,
      writes: ['repos.uploadReleaseAsset 201'],
    });
  });

  it('retries GitHub rate limits while reading the roles', () => {
    const run = failures.runs['throttled']!;
    expect({ exit: run.exitCode, run: run.exitCode === 0 ? '' : describeRun(run) }).toEqual({
      exit: 0,
      run: '',
    });
    // The roles are read in parallel, so the order of the answered calls varies.
    expect([...(failures.injected['throttled'] ?? [])].sort()).toEqual([
      'git.getRef',
      'repos.getReleaseByTag',
      'repos.getReleaseByTag',
    ]);
    expect(run.outputs['manifest']).toBe(failures.runs['completed']!.outputs['manifest']);
  });

  it('rejects a bad build, a missing run number and a bad GITHUB_SHA with a clear error, writing nothing', () => {
    expect(errorText(failures.runs['badBuild']!)).toMatch(
      /Input 'build' was 'B-1'.*expected 1–12 lowercase letters or digits/,
    );
    expect(errorText(failures.runs['noRun']!)).toContain(
      "Input 'build' was not given and GITHUB_RUN_NUMBER is not set",
    );
    expect(errorText(failures.runs['badSha']!)).toContain("GITHUB_SHA is 'main', expected a commit sha");
    for (const name of ['badBuild', 'noRun', 'badSha']) {
      expect({ name, exit: failures.runs[name]!.exitCode, writes: failures.writes[name] }).toEqual({
        name,
        exit: 1,
        writes: [],
      });
    }
  });
});
