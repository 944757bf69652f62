// End-to-end contract of every BUILT bundle (dist/<action>/index.js), run through the runner
// harness exactly as the GitHub runner runs it:
//   (a) no inputs → non-zero exit, exactly one ::error:: naming every missing required input;
//   (b) one bad value → one ::error:: naming the input, showing the value, saying what is expected;
//   (c) post after a failed main → exits 0 (nothing was created).
// All runs start together in beforeAll (the harness limits how many run at once).
import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT,
  describeRun,
  errorsOf,
  readActionYml,
  runAction,
  runActionWithPost,
  type ActionRun,
  type ActionRunWithPost,
  type ActionYml,
} from '@immut/action-runner';

const ACTIONS = ['bake-image', 'replicate-data', 'tag-release', 'launch-behind-lb', 'cutover-dns'] as const;
type Action = (typeof ACTIONS)[number];

const YML: Record<Action, ActionYml> = Object.fromEntries(
  ACTIONS.map((a) => [a, readActionYml(path.join(REPO_ROOT, a))]),
) as Record<Action, ActionYml>;

/** A valid value for every input a valid run needs, by action.yml input name. */
const VALID_VALUES: Readonly<Record<string, string>> = {
  role: 'api',
  env: 'prod',
  build: 'b000042',
  region: 'us-east-1',
  'base-image': 'ami-0123456789abcdef0',
  'image-id': 'ami-0123456789abcdef0',
  'base-image-id': 'ami-0fedcba9876543210',
  provision: 'provision.sh',
  fingerprint: '0123456789abcdef'.repeat(4),
  'source-db': 'app-db',
  'app-version': '1.2.3',
  'subnet-ids': 'subnet-0aaaaaaaaaaaaaaaa,subnet-0bbbbbbbbbbbbbbbb',
  'security-group-ids': 'sg-0aaaaaaaaaaaaaaaa',
  'lb-security-group-ids': 'sg-0bbbbbbbbbbbbbbbb',
  zone: 'example.test',
  name: 'api.prod.example.test',
  'target-dns-name': 'prod-api-b000042-1234567890.us-east-1.elb.amazonaws.com',
  'target-zone-id': 'Z35SXDOTRQ7X7K',
  'github-token': 'ghs_anything',
};

/** Inputs action.yml documents as needed although not `required: true` (one of several, or per mode). */
const CONDITIONALLY_REQUIRED: Partial<Record<Action, readonly string[]>> = {
  'launch-behind-lb': ['image-id'], // "Either this (release) or image-id."
  'cutover-dns': ['target-dns-name', 'target-zone-id'], // "Required for mode cutover" (the default mode)
};

/** Inputs with `required: true` and no default: what a run without inputs must name. */
function missingWithoutInputs(action: Action): string[] {
  return Object.entries(YML[action].inputs)
    .filter(([, input]) => input?.required === true && (input.default === undefined || input.default === ''))
    .map(([name]) => name);
}

/** Every required input (with or without default), plus build/region and the conditional ones. */
function validInputs(action: Action): Record<string, string> {
  const required = Object.entries(YML[action].inputs)
    .filter(([, input]) => input?.required === true)
    .map(([name]) => name);
  const names = [...new Set([...required, 'build', 'region', ...(CONDITIONALLY_REQUIRED[action] ?? [])])];
  const unknown = names.filter((name) => VALID_VALUES[name] === undefined);
  if (unknown.length > 0) {
    throw new Error(
      `No valid example value for input(s) ${unknown.join(', ')} of ${action}: add one to VALID_VALUES`,
    );
  }
  return Object.fromEntries(names.map((name) => [name, VALID_VALUES[name] ?? '']));
}

interface BadCase {
  input: string;
  value: string;
  /** How the message shows the value (multi-line values are shown with \n). */
  shown: string;
  expected: RegExp;
  /** Default: every action declaring the input. */
  actions?: readonly Action[];
}

const BAD_CASES: readonly BadCase[] = [
  {
    input: 'role',
    value: 'API',
    shown: 'API',
    expected: /expected 1–20 lowercase letters, digits or single hyphens/,
  },
  { input: 'env', value: 'internal', shown: 'internal', expected: /reserved.*expected an env name/ },
  { input: 'dry-run', value: 'maybe', shown: 'maybe', expected: /expected 'true' or 'false'/ },
  {
    input: 'timeout',
    value: '15x',
    shown: '15x',
    expected: /expected a duration from \S+ to \S+, such as 90s, 15m or 1h30m/,
  },
  { input: 'count', value: '0', shown: '0', expected: /expected a whole number from 1 to 100/ },
  {
    input: 'subnet-ids',
    value: 'subnet-0aaaaaaaaaaaaaaaa',
    shown: 'subnet-0aaaaaaaaaaaaaaaa',
    expected: /expected at least 2 comma- or newline-separated subnet-/,
    actions: ['launch-behind-lb'], // bake-image takes a single subnet
  },
  {
    input: 'flags',
    value: 'GOOD=1\nnot a flag line',
    shown: 'GOOD=1\\nnot a flag line',
    expected: /line 2.*expected KEY=VALUE lines/,
  },
];

function omit(inputs: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).filter(([name]) => !names.includes(name)));
}

function badCasesOf(action: Action): BadCase[] {
  return BAD_CASES.filter((c) => (c.actions ? c.actions.includes(action) : c.input in YML[action].inputs));
}

// ---------------------------------------------------------------------------------------
// All runs, started together.

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const runs = new Map<string, Promise<Settled<ActionRun | ActionRunWithPost>>>();

function start(key: string, run: () => Promise<ActionRun | ActionRunWithPost>): void {
  runs.set(
    key,
    run().then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    ),
  );
}

async function result<T extends ActionRun | ActionRunWithPost>(key: string): Promise<T> {
  const settled = await runs.get(key);
  if (!settled) throw new Error(`no run '${key}' was started`);
  if (!settled.ok) throw settled.error;
  return settled.value as T;
}

const missingBundles = ACTIONS.filter((a) => !existsSync(path.join(REPO_ROOT, 'dist', a, 'index.js')));

beforeAll(async () => {
  if (missingBundles.length > 0) {
    throw new Error(
      `The e2e tests run the built bundles, and ${missingBundles.map((a) => `dist/${a}/index.js`).join(', ')} ` +
        'is missing. Run `npm run build` (node scripts/build.mjs) first.',
    );
  }
  for (const action of ACTIONS) {
    const valid = validInputs(action);
    start(`${action}:none`, () => runActionWithPost(action, {}));
    for (const bad of badCasesOf(action)) {
      start(`${action}:bad:${bad.input}`, () =>
        runAction(action, { inputs: { ...valid, [bad.input]: bad.value } }),
      );
    }
  }
  const bake = validInputs('bake-image');
  start('bake-image:no-region', () => runAction('bake-image', { inputs: omit(bake, 'region') }));
  start('bake-image:two-bad', () =>
    runAction('bake-image', { inputs: { ...bake, role: 'API', 'dry-run': 'maybe' } }),
  );
  // Known gaps (see "known bugs" below).
  const launch = validInputs('launch-behind-lb');
  start('launch-behind-lb:no-image', () =>
    runAction('launch-behind-lb', { inputs: omit(launch, 'image-id') }),
  );
  const cutover = validInputs('cutover-dns');
  start('cutover-dns:no-target', () =>
    runAction('cutover-dns', { inputs: omit(cutover, 'target-dns-name', 'target-zone-id') }),
  );
  start('cutover-dns:falling-steps', () =>
    runAction('cutover-dns', { inputs: { ...cutover, strategy: 'weighted', steps: '50,10' } }),
  );
  await Promise.all(runs.values());
}, 120_000);

/** The one ::error:: of a failed run; fails with the run's log otherwise. */
function theOneError(run: ActionRun): string {
  const errors = errorsOf(run);
  const rawErrorLines = run.stdout.split(/\r?\n/).filter((line) => line.startsWith('::error'));
  if (run.exitCode === 0 || errors.length !== 1 || rawErrorLines.length !== 1) {
    throw new Error(`expected a non-zero exit and exactly one ::error:: line\n${describeRun(run)}`);
  }
  const message = errors[0]?.message ?? '';
  expect(message).not.toMatch(/\n\s+at /); // no stack trace for a user's mistake
  expect(message).not.toMatch(/likely a bug in immut/);
  return message;
}

function problemCount(message: string): number {
  return message.match(/Input '[^']+'/g)?.length ?? 0;
}

describe.each(ACTIONS)('%s', (action) => {
  it('(a) without inputs fails with one ::error:: naming every missing required input', async () => {
    const { main } = await result<ActionRunWithPost>(`${action}:none`);
    const message = theOneError(main);
    const missing = missingWithoutInputs(action);
    expect(missing).toContain('role');
    for (const name of missing) expect(message).toContain(`Input '${name}' is required but was not given`);
    expect(problemCount(message)).toBe(missing.length);
    expect(main.outputs).toEqual({});
  });

  const cases = badCasesOf(action);
  it.each(cases.map((c) => [c.input, c] as const))(
    '(b) a bad %s gives one ::error:: naming it, its value and what is expected',
    async (_input, bad) => {
      const run = await result<ActionRun>(`${action}:bad:${bad.input}`);
      const message = theOneError(run);
      expect(message).toContain(`Input '${bad.input}' was '${bad.shown}'`);
      expect(message).toMatch(bad.expected);
      expect(problemCount(message)).toBe(1); // the rest of the valid set really is valid
      expect(run.outputs).toEqual({});
    },
  );

  if (YML[action].runs.post !== undefined) {
    it('(c) post after a main that failed on missing inputs exits 0', async () => {
      const { main, post } = await result<ActionRunWithPost>(`${action}:none`);
      expect(main.exitCode).not.toBe(0);
      expect(post).toBeDefined();
      if (!post) return;
      expect(post.exitCode).toBe(0);
      expect(errorsOf(post)).toEqual([]);
      expect(post.outputs).toEqual({});
    });
  } else {
    it('has no post step, so none runs', async () => {
      const { post } = await result<ActionRunWithPost>(`${action}:none`);
      expect(post).toBeUndefined();
    });
  }
});

describe('common inputs', () => {
  it('names region, AWS_REGION and AWS_DEFAULT_REGION when no region is known', async () => {
    const message = theOneError(await result<ActionRun>('bake-image:no-region'));
    expect(message).toMatch(
      /Input 'region' was not given and neither AWS_REGION nor AWS_DEFAULT_REGION is set/,
    );
  });

  it('reports every bad input in the one ::error:: line', async () => {
    const message = theOneError(await result<ActionRun>('bake-image:two-bad'));
    expect(message).toContain("Input 'role' was 'API'");
    expect(message).toContain("Input 'dry-run' was 'maybe'");
    expect(problemCount(message)).toBe(2);
  });
});

describe('messages and rules that span inputs', () => {
  it('a malformed flags line reads as a sentence ("it line 2 … is not KEY=VALUE" does not)', async () => {
    const message = theOneError(await result<ActionRun>('tag-release:bad:flags'));
    expect(message).not.toMatch(/: it line \d/);
  });

  it('launch-behind-lb without release or image-id is an input error, not "its inputs are valid"', async () => {
    const message = theOneError(await result<ActionRun>('launch-behind-lb:no-image'));
    expect(message).toMatch(/release.*image-id|image-id.*release/);
    expect(message).not.toMatch(/inputs are valid/);
  });

  it('cutover-dns in mode cutover without target-dns-name is an input error', async () => {
    const message = theOneError(await result<ActionRun>('cutover-dns:no-target'));
    expect(message).toMatch(/target-dns-name/);
    expect(message).not.toMatch(/inputs are valid/);
  });

  it("cutover-dns rejects steps that do not rise to 100 ('50,10')", async () => {
    const message = theOneError(await result<ActionRun>('cutover-dns:falling-steps'));
    expect(message).toContain("Input 'steps' was '50,10'");
  });
});
