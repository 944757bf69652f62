// The hostile-input suite (issue 16): every row of hostile-inputs.cases.ts runs the action's
// BUILT bundle through the runner harness against the sandbox (each action its own sandbox,
// its own IAM key). A row ends either in one clear error (names the input, shows the value
// cut short, says what is expected) or in safe acceptance (the value stayed data). Every row,
// whatever it expects: no stack trace, no canary file, no workflow command from the value
// obeyed, no long run of the value echoed. Release actions run with dry-run: true, so each
// action's sandbox must see no mutating AWS call and the GitHub API no write at all.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEED, type Sandbox } from '@immut/sandbox';
import { describeRun, errorsOf, runAction, type ActionRun } from '@immut/action-runner';
import { makeDb, makeImage, releaseInputs } from '@immut/test-support/release-parts';
import { sandboxEnv, startE2eSandbox } from '@immut/test-support/sandbox';
import { REPO_ROOT } from '@immut/action-runner';
import { CASES, type Action, type HostileCase } from './hostile-inputs.cases.js';
import { BEGIN, END, renderHostileInputs } from './hostile-inputs.readme.js';

jest.setTimeout(600_000);

/** Longest acceptable error annotation: one readable message, never the payload in full. */
const MAX_ANNOTATION = 600;
const CONCURRENCY = 4;

const [SUBNET_A, SUBNET_B] = SEED.subnets.map((s) => s.subnetId) as [string, string];
const SG = SEED.securityGroup.groupId;
const AL_IMAGE = 'ami-0a0000000000a2303';
const AL_SSM = 'ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/** Inputs under which each action, in a dry run, succeeds in the seeded sandbox. */
const BASE: Record<Action, Record<string, string>> = {
  'bake-image': {
    role: 'api',
    env: 'prod',
    'base-image': AL_SSM,
    provision: 'deploy/api/provision.sh',
    'app-version': '1.2.3',
    'dry-run': 'true',
  },
  'replicate-data': { role: 'api', env: 'prod', 'source-db': 'app-db', 'dry-run': 'true' },
  'tag-release': {
    role: 'api',
    env: 'prod',
    'image-id': AL_IMAGE,
    fingerprint: '0123456789abcdef',
    'base-image-id': AL_IMAGE,
    'app-version': '1.2.3',
    'dry-run': 'true',
  },
  'launch-behind-lb': {
    role: 'api',
    env: 'prod',
    'image-id': AL_IMAGE,
    'subnet-ids': `${SUBNET_A},${SUBNET_B}`,
    'security-group-ids': SG,
    'lb-security-group-ids': SG,
    count: '1',
    'dry-run': 'true',
  },
  'cutover-dns': {
    role: 'api',
    env: 'prod',
    zone: 'example.test',
    name: 'api.example.test',
    'target-dns-name': 'prod-api-1-abc.us-east-1.elb.amazonaws.com',
    'target-zone-id': 'Z35SXDOTRQ7X7K',
    'dry-run': 'true',
  },
  'retire-release': { role: 'api', env: 'prod', zone: 'example.test', 'dry-run': 'true' },
  world: { mode: 'plan', 'world-file': 'w.yml', 'dry-run': 'true' },
};

/** Files every case's workspace starts with: what the base inputs read. */
const WORLD_OK = [
  'schema: immut.world/v1',
  'env: prod',
  'region: us-east-1',
  'zone: example.test',
  'defaults:',
  `  base-image: ${AL_SSM}`,
  `  subnet-ids: [${SUBNET_A}, ${SUBNET_B}]`,
  `  security-group-ids: [${SG}]`,
  `  lb-security-group-ids: [${SG}]`,
  'roles:',
  '  api:',
  '    provision: roles/api/provision.sh',
  '    app-version: "1.0.0"',
  '',
].join('\n');
const WORKSPACE_FILES: Readonly<Record<string, string>> = {
  'deploy/api/provision.sh': '#!/bin/bash\nset -e\necho provisioned\n',
  'roles/api/provision.sh': '#!/bin/bash\nset -e\necho provisioned\n',
  'w.yml': WORLD_OK,
};

/** Calls that read only; anything else in a dry run is an extra AWS call. */
const READ_ONLY = /^(?:Describe|List|Get|Head)/;

/** The build immut derives from the harness's GITHUB_RUN_NUMBER (42). */
const HARNESS_BUILD = 'b000042';
/** How many calls each sandbox saw before the rows ran (the tests' own set-up). */
const setUpCalls = new Map<Action, number>();

let root: string;
let canary: string;
let outside: string;
const sandboxes = new Map<Action, Sandbox>();
const runs = new Map<HostileCase, ActionRun>();
const failures = new Map<HostileCase, Error>();

const fill = (text: string): string => text.replaceAll('@CANARY@', canary).replaceAll('@OUTSIDE@', outside);

function workspaceFor(c: HostileCase, index: number): string {
  const dir = path.join(root, `ws-${index}`);
  mkdirSync(dir, { recursive: true });
  const write = (rel: string, content: string): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  };
  for (const [rel, content] of Object.entries(WORKSPACE_FILES)) write(rel, content);
  for (const [rel, content] of Object.entries(c.files ?? {})) write(rel, fill(content));
  for (const [rel, target] of Object.entries(c.symlinks ?? {})) {
    const link = path.join(dir, rel);
    rmSync(link, { force: true, recursive: true });
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(fill(target), link);
  }
  return dir;
}

async function runCase(c: HostileCase, index: number): Promise<ActionRun> {
  const sandbox = sandboxes.get(c.action);
  if (!sandbox) throw new Error(`no sandbox for ${c.action}`);
  const options = {
    inputs: {
      ...Object.fromEntries(Object.entries(BASE[c.action]).filter(([name]) => !c.without?.includes(name))),
      [c.input]: fill(c.value),
    },
    env: { ...sandboxEnv(sandbox, c.action), GITHUB_API_URL: sandbox.endpoint },
    cwd: workspaceFor(c, index),
    timeoutMs: 120_000,
  };
  try {
    return await runAction(c.action, options);
  } catch (error) {
    // Another engineer may be rebuilding this bundle right now: retry once.
    if (!/ENOENT|no such file|does not exist|Cannot find/i.test(String(error))) throw error;
    await new Promise((r) => setTimeout(r, 20_000));
    return await runAction(c.action, options);
  }
}

async function pool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index] as T, index);
      }
    }),
  );
}

const ACTIONS = [...new Set(CASES.map((c) => c.action))];
const ACTIVE = CASES.filter((c) => c.known === undefined);
/** Per action, its base inputs alone (a benign value): what "an unrelated failure" looks like. */
const BASELINES = new Map<Action, ActionRun>();
const baselineCase = (action: Action): HostileCase => ({
  action,
  input: Object.keys(BASE[action])[0] ?? 'role',
  kind: 'newline',
  label: 'baseline',
  value: BASE[action][Object.keys(BASE[action])[0] ?? 'role'] ?? '',
  expect: 'safe',
});

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'immut-hostile-'));
  canary = path.join(root, 'CANARY');
  outside = path.join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.sh'), '#!/bin/sh\necho outside-secret\n');
  writeFileSync(path.join(outside, 'world.yml'), WORLD_OK);
  writeFileSync(path.join(outside, 'provision.sh'), '#!/bin/sh\n');
  for (const action of ACTIONS) sandboxes.set(action, await startE2eSandbox());
  // tag-release records what bake-image and replicate-data made: an immut-managed AMI and replica.
  const tagSandbox = sandboxes.get('tag-release');
  if (tagSandbox) {
    const identity = { role: 'api', env: 'prod', build: HARNESS_BUILD };
    const imageId = await makeImage(tagSandbox, identity);
    const dbId = await makeDb(tagSandbox, identity);
    BASE['tag-release'] = { ...releaseInputs(imageId, dbId), 'dry-run': 'true' };
  }
  for (const [action, sandbox] of sandboxes) setUpCalls.set(action, sandbox.calls().length);
  const work: Array<{ c: HostileCase; baseline: boolean }> = [
    ...ACTIONS.map((action) => ({ c: baselineCase(action), baseline: true })),
    ...ACTIVE.map((c) => ({ c, baseline: false })),
  ];
  await pool(work, CONCURRENCY, async ({ c, baseline }, index) => {
    try {
      const run = await runCase(c, index);
      if (baseline) BASELINES.set(c.action, run);
      else runs.set(c, run);
    } catch (error) {
      failures.set(c, error as Error);
    }
  });
}, 1_200_000);

afterAll(async () => {
  await Promise.all([...sandboxes.values()].map((s) => s.stop()));
  if (root) rmSync(root, { recursive: true, force: true });
}, 60_000);

/** What a step's log must never show: a stack trace, or immut blaming itself. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** Workflow commands a value could smuggle in to change the job (outputs, masks, env, path). */
const STATEFUL_COMMANDS = new Set([
  'set-output',
  'save-state',
  'add-mask',
  'set-env',
  'add-path',
  'stop-commands',
]);

function expectSafeRun(c: HostileCase, run: ActionRun): void {
  const everything = `${run.stdout}\n${run.stderr}`;
  expect(everything).not.toMatch(STACK);
  expect(everything).not.toMatch(/bug in immut|failed unexpectedly/i);
  // The payload never ran.
  expect(existsSync(canary)).toBe(false);
  // No workflow command carried the payload's marker.
  const obeyed = run.commands.filter(
    (cmd) =>
      (STATEFUL_COMMANDS.has(cmd.command) || cmd.message === 'pwned') &&
      `${cmd.message} ${Object.values(cmd.properties).join(' ')}`.includes('pwned'),
  );
  expect(obeyed).toEqual([]);
  expect(Object.keys(run.outputs)).not.toContain('pwned');
  expect(run.masks).not.toContain('pwned');
  // A long value is never echoed at length, anywhere (debug lines included).
  if (c.value.length > 300) expect(everything).not.toContain(fill(c.value).slice(0, 300));
}

function expectRefused(c: HostileCase, run: ActionRun): void {
  const errors = errorsOf(run);
  if (run.exitCode !== 1 || errors.length !== 1) throw new Error(`expected one refusal\n${describeRun(run)}`);
  const message = errors[0]?.message ?? '';
  expect(message).toMatch(c.names ?? new RegExp(`Input '${c.input}'`));
  // A world file's problems read `path: what is expected`; an input's say "expected".
  if (!c.names) expect(message).toMatch(/expected/i);
  expect(message.length).toBeLessThan(MAX_ANNOTATION);
}

/** Succeeded, or failed exactly as the benign base inputs do (an unrelated reason). */
function expectAccepted(c: HostileCase, run: ActionRun): void {
  const baseline = BASELINES.get(c.action);
  if (run.exitCode === 0) {
    expect(errorsOf(run)).toEqual([]);
    return;
  }
  const same =
    baseline !== undefined &&
    baseline.exitCode === run.exitCode &&
    JSON.stringify(errorsOf(baseline).map((a) => a.message)) ===
      JSON.stringify(errorsOf(run).map((a) => a.message));
  if (!same)
    throw new Error(`expected the run to succeed (or fail as the base inputs do)\n${describeRun(run)}`);
}

describe.each(ACTIONS)('%s', (action) => {
  const cases = CASES.filter((c) => c.action === action);

  if (cases.some((c) => c.expect === 'safe'))
    it('succeeds with its base inputs in a dry run (what a safe row is compared with)', () => {
      const run = BASELINES.get(action);
      if (!run) throw new Error('the baseline did not run');
      if (run.exitCode !== 0) throw new Error(describeRun(run));
    });

  it.each(cases.map((c) => [`${c.input}: ${c.label} (${c.kind}) → ${c.expect}`, c] as const))(
    '%s',
    (_title, c) => {
      if (c.known !== undefined) return; // listed in the README as a known gap
      const failure = failures.get(c);
      if (failure) throw failure;
      const run = runs.get(c);
      if (!run) throw new Error('the case did not run');
      expectSafeRun(c, run);
      if (c.expect === 'refused') expectRefused(c, run);
      else expectAccepted(c, run);
    },
  );

  it('makes no mutating AWS call and no GitHub write (every row is a dry run or refused)', () => {
    const sandbox = sandboxes.get(action);
    if (!sandbox) throw new Error('no sandbox');
    const mutating = sandbox
      .calls()
      .slice(setUpCalls.get(action) ?? 0)
      // EC2's DryRun only checks permissions (DryRunOperation), it changes nothing.
      .filter((call) => !READ_ONLY.test(call.operation) && String(call.params['DryRun']) !== 'true')
      .map((call) => `${call.service}:${call.operation}`);
    expect(mutating).toEqual([]);
    expect(sandbox.github.calls().filter((call) => call.method !== 'GET')).toEqual([]);
  });
});

it('holds at least 150 cases, at least 10 per action', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(150);
  for (const action of ACTIONS)
    expect(CASES.filter((c) => c.action === action).length).toBeGreaterThanOrEqual(10);
});

it('is listed, case by case, in test/reliability/README.md', () => {
  const file = path.join(REPO_ROOT, 'test/reliability/README.md');
  const readme = readFileSync(file, 'utf8');
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  const rendered = renderHostileInputs(CASES);
  if (process.env['HOSTILE_README'] === 'write' && from >= 0 && to > from) {
    writeFileSync(file, readme.slice(0, from) + rendered + readme.slice(to + END.length));
    return;
  }
  expect(from).toBeGreaterThanOrEqual(0);
  expect(readme.slice(from, to + END.length)).toBe(rendered);
});
