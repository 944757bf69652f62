// Whole releases through the local workflow runner against the sandbox: how close one
// release comes to the unavoidable AWS waits, how many AWS calls it makes, and what a
// no-change rebuild costs. (How rebuild-the-world scales under the account rate limits:
// scale.ts.)
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseWorld, planWorld } from '@immut/core/world';
import { BUILDER_DURATIONS } from '@immut/sandbox';
import { DURATIONS } from '@immut/sandbox';
import { startSandbox, type CallRecord, type Sandbox } from '@immut/sandbox';
import type { RunWorkflowOptions, WorkflowRunResult } from '@immut/workflow-runner';
import type { InProcessAction } from '@immut/action-runner';
import { withProcessEnv } from './in-process.js';

type RunWorkflow = (options: RunWorkflowOptions) => Promise<WorkflowRunResult>;

export interface ReleaseBench {
  runWorkflow: RunWorkflow;
  root: string;
}

export async function loadRunner(root: string): Promise<ReleaseBench> {
  const bundle = path.join(root, '.build', 'workflow-runner', 'index.js');
  const runner = (await import(pathToFileURL(bundle).href)) as { runWorkflow: RunWorkflow };
  return { runWorkflow: runner.runWorkflow, root };
}

function consumerCopy(root: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'immut-bench-consumer-'));
  cpSync(path.join(root, 'examples', 'consumer'), dir, { recursive: true });
  return dir;
}

/**
 * The bench's AWS key. Every bench sandbox issues it (`credentials`), as AWS would have: S3
 * verifies the builder's presigned artifact URL against the secret of the key that signed it.
 */
const BENCH_KEY = { accessKeyId: 'bench', secretAccessKey: 'bench-secret' };
const ISSUED = { [BENCH_KEY.accessKeyId]: BENCH_KEY.secretAccessKey };

function machine(sandbox: Sandbox, root: string, timeScale: number): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: sandbox.endpoint,
    AWS_ACCESS_KEY_ID: BENCH_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: BENCH_KEY.secretAccessKey,
    AWS_REGION: 'us-east-1',
    IMMUT_TIME_SCALE: String(timeScale),
    PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
  };
}

function github(sandbox: Sandbox, runNumber: number): Record<string, string> {
  return {
    repository: 'acme/shop',
    sha: 'b'.repeat(40),
    run_id: String(9000 + runNumber),
    run_number: String(runNumber),
    run_attempt: '1',
    api_url: sandbox.endpoint,
  };
}

/** A lower bound in sandbox time (ms): its named terms, summed. */
export interface LowerBound {
  total: number;
  parts: Record<string, number>;
}

/** The waits no release can avoid, each from the sandbox's published DURATIONS. */
function waits(withData: boolean) {
  return {
    bake:
      DURATIONS.instancePendingToRunning +
      Object.values(BUILDER_DURATIONS).reduce((a, b) => a + b, 0) +
      DURATIONS.instanceStoppingToStopped +
      DURATIONS.imagePendingToAvailable,
    restore: withData ? DURATIONS.rdsCreating + DURATIONS.rdsBackingUp : 0,
    // The replica's two ModifyDBInstance waits: the one-time master password for the change
    // log, then the managed password (Secrets Manager). Each needs the one before it.
    passwords: withData ? 2 * DURATIONS.rdsModifying : 0,
    loadBalancer: DURATIONS.loadBalancerProvisioningToActive,
    serversRunning: DURATIONS.instancePendingToRunning,
    targetsHealthy: DURATIONS.targetInitialToHealthy,
    dns: DURATIONS.route53ChangePendingToInsync,
  };
}

/** One AWS wait of a release and where it sits: on the chain, or beside it (and why). */
export interface WaitTerm {
  wait: string;
  /** Sandbox ms, from the sandbox's DURATIONS (each row there names its source). */
  ms: number;
  where: string;
}

/**
 * Every AWS wait of one release of the example `api` role, the issue's "same analysis for
 * every other wait": which are on the critical path and which overlap it.
 */
export function waitTerms(): WaitTerm[] {
  const builder = Object.values(BUILDER_DURATIONS).reduce((a, b) => a + b, 0);
  return [
    { wait: 'builder running', ms: DURATIONS.instancePendingToRunning, where: 'bake (parallel branch)' },
    { wait: 'provisioning on the builder', ms: builder, where: 'bake (parallel branch)' },
    { wait: 'builder stopped', ms: DURATIONS.instanceStoppingToStopped, where: 'bake (parallel branch)' },
    {
      wait: 'image available (its EBS snapshots complete with it)',
      ms: DURATIONS.imagePendingToAvailable,
      where: 'bake (parallel branch)',
    },
    {
      wait: 'replica restored (creating, backing-up)',
      ms: DURATIONS.rdsCreating + DURATIONS.rdsBackingUp,
      where: 'replica branch: on the chain (the longest branch)',
    },
    {
      wait: 'source snapshot',
      ms: 0,
      where:
        'none with from: latest-snapshot (an existing snapshot); new-snapshot adds rdsSnapshotCreating before the restore',
    },
    {
      wait: "replica's one-time password (ModifyDBInstance)",
      ms: DURATIONS.rdsModifying,
      where: 'replica branch: on the chain (needs the replica available; the change log needs it)',
    },
    {
      wait: 'change log',
      ms: 0,
      where: "replica branch: no AWS wait (the command runs on the runner; its time is the runner's)",
    },
    {
      wait: "replica's managed password (ModifyDBInstance ManageMasterUserPassword)",
      ms: DURATIONS.rdsModifying,
      where: 'replica branch: on the chain (replaces the one-time password once the change log ran)',
    },
    {
      wait: 'load balancer active',
      ms: DURATIONS.loadBalancerProvisioningToActive,
      where: 'prepare (parallel branch)',
    },
    { wait: 'tagging (tag-release)', ms: 0, where: 'on the chain, but no AWS wait: API calls only' },
    { wait: 'servers running', ms: DURATIONS.instancePendingToRunning, where: 'launch: on the chain' },
    { wait: 'targets healthy', ms: DURATIONS.targetInitialToHealthy, where: 'launch: on the chain' },
    {
      wait: 'build name INSYNC',
      ms: DURATIONS.route53ChangePendingToInsync,
      where:
        'prepare (parallel branch): the name needs only the load balancer, so prepare makes it once the load balancer is active; launch reads it once',
    },
    {
      wait: 'cutover DNS INSYNC',
      ms: DURATIONS.route53ChangePendingToInsync,
      where: 'cutover: on the chain',
    },
  ];
}

const bound = (parts: Record<string, number>): LowerBound => ({
  total: Object.values(parts).reduce((a, b) => a + b, 0),
  parts,
});

/**
 * The unavoidable AWS waits of one release, in sandbox time (ms), with release.yml's prepare
 * job: the load balancer and the build's name are made beside the bake and the restore, so
 * their waits join the max; then the fleet (servers running, targets healthy) and the
 * cutover's DNS change. With `changelogMs`, the change log command's own run (measured) joins
 * the replica branch between its two password changes: the critical path of this run, not
 * only its AWS waits.
 */
export function criticalPathMs(withData: boolean, changelogMs?: number): LowerBound {
  const w = waits(withData);
  const replicaMs = w.restore + w.passwords + (changelogMs ?? 0);
  const term = `max(bake, restore + two password changes${changelogMs === undefined ? '' : ' + the change log run'}, load balancer active + build name INSYNC)`;
  return bound({
    [term]: Math.max(w.bake, replicaMs, w.loadBalancer + w.dns),
    'servers running': w.serversRunning,
    'targets healthy': w.targetsHealthy,
    'cutover DNS INSYNC': w.dns,
  });
}

/** The bound as bench/RESULTS.md at commit 3139997 counted it (no password waits, no build
 *  name): the denominator of that commit's ratio. */
export function criticalPathAt3139997Ms(withData: boolean): LowerBound {
  const w = waits(withData);
  return bound({
    'max(bake, restore, load balancer active)': Math.max(w.bake, w.restore, w.loadBalancer),
    'servers running': w.serversRunning,
    'targets healthy': w.targetsHealthy,
    'DNS INSYNC': w.dns,
  });
}

/**
 * The same bound before the prepare job: launch made the load balancer after the bake and the
 * restore, overlapping its provisioning only with its own servers' start.
 */
export function criticalPathBeforePrepareMs(withData: boolean): LowerBound {
  const w = waits(withData);
  return bound({
    'max(bake, restore + two password changes)': Math.max(w.bake, w.restore + w.passwords),
    'max(load balancer active, servers running)': Math.max(w.loadBalancer, w.serversRunning),
    'targets healthy': w.targetsHealthy,
    'build name INSYNC': w.dns,
    'cutover DNS INSYNC': w.dns,
  });
}

export interface CriticalPathResult {
  timeScale: number;
  /** The release's time: from its first job's start to its last job's end (jobsSpanMs). */
  wallMs: number;
  /** The whole call of the local runner: also its reading of the workflow files before the
   *  first job and its removal of the jobs' temp directories after the last. */
  runnerMs: number;
  lowerBoundMs: number;
  parts: Record<string, number>;
  /** The bound without the prepare job (sandbox ms), its terms named: the before of issue #20. */
  before: LowerBound;
  jobs: Array<{ job: string; ms: number }>;
  /** Each job's own result (`needs.<job>.result`), e.g. `{ replicate: 'success' }`. */
  needs: Record<string, string>;
  calls: CallRecord[];
  result: string;
  /**
   * The change log command's own run in sandbox ms, as replicate-data timed it (its
   * `changelog-time` output); undefined when it ran none. It is work on the replica branch, so
   * on the chain, but no AWS wait: at a high time scale its wall seconds weigh as many sandbox
   * seconds, which on AWS it would not.
   */
  changelogMs?: number;
}

/**
 * From the first job's start to the last job's end, as a run's jobs span on GitHub: the local
 * runner's own set-up before (reading the workflow files) and clean-up after (removing the
 * jobs' temp directories) are its cost, not the release's. Undefined when no job ran.
 */
export function jobsSpanMs(result: Pick<WorkflowRunResult, 'jobs'>): number | undefined {
  const ran = result.jobs.filter((j) => j.startedAt !== undefined);
  if (ran.length === 0) return undefined;
  const start = Math.min(...ran.map((j) => j.startedAt ?? 0));
  const end = Math.max(...ran.map((j) => (j.startedAt ?? 0) + j.durationMs));
  return end - start;
}

/** The run with the median release time (odd counts; of an even count, the later middle). */
export function medianRun<T extends { wallMs: number }>(runs: readonly T[]): T {
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new Error('medianRun: no runs');
  return median;
}

/** Parses core's formatDuration (`1m24s`, `45s`, `1h02m`) back to ms. */
export function parseFormattedDuration(text: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!text || !m) return undefined;
  const [h, min, s] = [m[1], m[2], m[3]].map((x) => Number(x ?? 0));
  return (((h ?? 0) * 60 + (min ?? 0)) * 60 + (s ?? 0)) * 1000;
}

/** replicate-data's `changelog-time` in the replicate job, in ms; undefined if it ran none. */
function changelogRunMs(result: WorkflowRunResult): number | undefined {
  const step = result.jobs.find((j) => j.jobId === 'replicate')?.steps.find((s) => s.id === 'replicate');
  return parseFormattedDuration(step?.outputs['changelog-time'] ?? '');
}

/** What bench/RESULTS.md reported at commit 3139997 (the "before" of issue #20 items 2–3). */
export const BEFORE_3139997 = { calls: 151, wallMs: 21_700, timeScale: 60 } as const;

/**
 * The jobs' own chain in wall ms: max(prepare, bake, replicate) + tag + launch + cutover, each
 * job from its start to its end. The rest of the wall time is the local runner starting jobs.
 */
export function jobChainMs(jobs: ReadonlyArray<{ job: string; ms: number }>): number {
  const of = (id: string) => jobs.find((j) => j.job === id)?.ms ?? 0;
  return Math.max(of('prepare'), of('bake'), of('replicate')) + of('tag') + of('launch') + of('cutover');
}

const secs = (ms: number) => `${Math.round(ms / 1000)} s`;
const termsOf = (b: LowerBound) =>
  Object.entries(b.parts)
    .map(([part, ms]) => `${part} ${secs(ms)}`)
    .join(' + ');

/** Issue #20 items 2–3: before (RESULTS.md at 3139997) → after (this run), and every wait. */
export function releaseBeforeAfter(r: CriticalPathResult, steady?: CriticalPathResult): string {
  const bound = criticalPathMs(true);
  const old = criticalPathAt3139997Ms(true);
  const wallSandbox = r.wallMs * r.timeScale;
  const beforeSandbox = BEFORE_3139997.wallMs * BEFORE_3139997.timeScale;
  const chainSandbox = jobChainMs(r.jobs) * r.timeScale;
  return [
    `Before → after issue #20 items 2–3 (waits that first poll when the change is due, at AWS's cadence, and fewer repeated lookups). Before: \`bench/RESULTS.md\` at commit 3139997 (one release, timed around the local runner's whole call); after: this run (the median release, its jobs' span; timed like before, its runner's whole call adds ${secs((r.runnerMs - r.wallMs) * r.timeScale)}). Sandbox seconds.`,
    '',
    '| | before (3139997) | after (this run) |',
    '| --- | --- | --- |',
    `| AWS calls per release | ${BEFORE_3139997.calls} | ${r.calls.length} (the role's first in an account)${steady ? `; ${steady.calls.length} (its next, the steady state)` : ''} |`,
    `| lower bound (terms) | ${termsOf(old)} = ${secs(old.total)} | ${termsOf(bound)} = ${secs(bound.total)} |`,
    `| release time / lower bound | ${(beforeSandbox / old.total).toFixed(2)} (${secs(beforeSandbox)} / ${secs(old.total)}); against today's terms ${(beforeSandbox / bound.total).toFixed(2)} | ${(wallSandbox / bound.total).toFixed(2)} (${secs(wallSandbox)} / ${secs(bound.total)}); against 3139997's terms ${(wallSandbox / old.total).toFixed(2)} |`,
    `| the jobs' own chain / lower bound (without the local runner's start of each job) | — | ${(chainSandbox / bound.total).toFixed(2)} (${secs(chainSandbox)}) |`,
    '',
    "Every AWS wait of the release, from the sandbox's published durations (packages/sandbox/src/durations.ts, each with its source):",
    '',
    '| wait | sandbox time | where it sits |',
    '| --- | --- | --- |',
    ...waitTerms().map((t) => `| ${t.wait} | ${secs(t.ms)} | ${t.where} |`),
  ].join('\n');
}

/** The example world's api role as release.yml's inputs; `overrides` replace its settings. */
function apiInputs(consumer: string, overrides: Record<string, string>): Record<string, string> {
  const plan = planWorld(parseWorld(readFileSync(path.join(consumer, 'immut.world.yml'), 'utf8'))).find(
    (p) => p.role === 'api',
  );
  if (!plan) throw new Error('the example world has no api role');
  const inputs: Record<string, string> = { 'aws-role-arn': 'arn:aws:iam::123456789012:role/bench' };
  for (const [key, value] of Object.entries(plan)) {
    if (value === undefined) continue;
    inputs[key] = Array.isArray(value)
      ? value.join(',')
      : typeof value === 'object'
        ? Object.entries(value)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join('\n')
        : String(value);
  }
  return Object.assign(inputs, overrides);
}

/** One release through release.yml in `sandbox` (run `runNumber`, so build b<runNumber>). */
async function releaseIn(
  bench: ReleaseBench,
  sandbox: Sandbox,
  consumer: string,
  inputs: Record<string, string>,
  runNumber: number,
  timeScale: number,
  inProcess?: InProcessAction,
): Promise<CriticalPathResult> {
  const before = sandbox.calls().length;
  const env = machine(sandbox, bench.root, timeScale);
  const started = performance.now();
  // In process, the SDK reads the endpoint and key from this process's environment.
  const result = await withProcessEnv(inProcess ? env : {}, () =>
    bench.runWorkflow({
      workflowFile: '.github/workflows/release.yml',
      event: 'workflow_call',
      inputs,
      repoRoot: bench.root,
      workspaceSource: consumer,
      env,
      github: github(sandbox, runNumber),
      autoApproveEnvironments: true,
      log: () => undefined,
      ...(inProcess ? { inProcessActions: inProcess } : {}),
    }),
  );
  const runnerMs = performance.now() - started;
  const after = criticalPathMs(true);
  const changelog = changelogRunMs(result);
  return {
    timeScale,
    wallMs: jobsSpanMs(result) ?? runnerMs,
    runnerMs,
    lowerBoundMs: after.total / timeScale,
    parts: after.parts,
    before: criticalPathBeforePrepareMs(true),
    jobs: result.jobs.map((j) => ({ job: j.jobId, ms: j.durationMs })),
    needs: Object.fromEntries(Object.entries(result.needs).map(([job, n]) => [job, n.result])),
    calls: sandbox.calls().slice(before),
    result: result.result,
    ...(changelog !== undefined ? { changelogMs: changelog } : {}),
  };
}

/** One release of the example world's api role (image and data) through release.yml, in a
 *  fresh sandbox (so it includes one-time set-up, see firstAndSteadyState); `overrides`
 *  replace the role's world settings (e.g. an Aurora `source-db`). */
export async function criticalPath(
  bench: ReleaseBench,
  timeScale: number,
  overrides: Record<string, string> = {},
  inProcess?: InProcessAction,
): Promise<CriticalPathResult> {
  const consumer = consumerCopy(bench.root);
  const sandbox = await startSandbox({ postgres: true, timeScale, seed: 'default', credentials: ISSUED });
  try {
    return await releaseIn(bench, sandbox, consumer, apiInputs(consumer, overrides), 1, timeScale, inProcess);
  } finally {
    await sandbox.stop();
    rmSync(consumer, { recursive: true, force: true });
  }
}

/**
 * The first release of the api role in an account (fresh sandbox: it pays one-time set-up such
 * as the S3 staging bucket) and then the usual case, the next release of the same role: a new
 * build with a new app version (so a real bake, not a cache hit), in the same account.
 */
export async function firstAndSteadyState(
  bench: ReleaseBench,
  timeScale: number,
): Promise<{ first: CriticalPathResult; steady: CriticalPathResult }> {
  const consumer = consumerCopy(bench.root);
  const sandbox = await startSandbox({ postgres: true, timeScale, seed: 'default', credentials: ISSUED });
  try {
    const first = await releaseIn(bench, sandbox, consumer, apiInputs(consumer, {}), 1, timeScale);
    const next = apiInputs(consumer, {});
    next['app-version'] = `${next['app-version'] ?? '1.0.0'}-next`;
    const steady = await releaseIn(bench, sandbox, consumer, next, 2, timeScale);
    return { first, steady };
  } finally {
    await sandbox.stop();
    rmSync(consumer, { recursive: true, force: true });
  }
}

const countCalls = (calls: readonly CallRecord[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const key = `${c.service}:${c.operation}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

/** Both releases' AWS calls per operation, side by side: what only the first one pays. */
export function firstAndSteadySection(first: CriticalPathResult, steady: CriticalPathResult): string {
  const a = countCalls(first.calls);
  const b = countCalls(steady.calls);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort(
    (x, y) => (b.get(y) ?? 0) - (b.get(x) ?? 0) || (a.get(y) ?? 0) - (a.get(x) ?? 0) || x.localeCompare(y),
  );
  return [
    '## AWS calls: first release of a role in an account, and the next one',
    '',
    `First: the api role's first release in a fresh account (one-time set-up included, e.g. the S3 staging bucket). Next (steady state, the usual case): the following release of the same role in the same account, build b000002 with a new app version (a real bake). Time scale ${first.timeScale}; results ${first.result} and ${steady.result}.`,
    '',
    `| call | first release | next release (steady state) |`,
    '| --- | --- | --- |',
    `| **all** | **${first.calls.length}** | **${steady.calls.length}** |`,
    ...keys.map((k) => `| ${k} | ${a.get(k) ?? 0} | ${b.get(k) ?? 0} |`),
    '',
  ].join('\n');
}

export interface WorldRunResult {
  roles: number;
  wallMs: number;
  succeeded: number;
  calls: number;
  throttled: number;
  imagesCreated: number;
  result: string;
}

async function rebuild(
  bench: ReleaseBench,
  sandbox: Sandbox,
  consumer: string,
  runNumber: number,
  timeScale: number,
  maxParallel: number,
): Promise<{ result: WorkflowRunResult; wallMs: number; calls: CallRecord[] }> {
  const before = sandbox.calls().length;
  const started = performance.now();
  const result = await bench.runWorkflow({
    workflowFile: '.github/workflows/rebuild-the-world.yml',
    event: 'workflow_dispatch',
    inputs: {
      'world-file': 'immut.world.yml',
      'aws-role-arn': 'arn:aws:iam::123456789012:role/bench',
      'max-parallel': String(maxParallel),
    },
    repoRoot: bench.root,
    workspaceSource: consumer,
    env: machine(sandbox, bench.root, timeScale),
    github: github(sandbox, runNumber),
    autoApproveEnvironments: true,
    log: () => undefined,
  });
  return { result, wallMs: performance.now() - started, calls: sandbox.calls().slice(before) };
}

function summarise(roles: number, run: Awaited<ReturnType<typeof rebuild>>): WorldRunResult {
  const legs = run.result.jobs.filter((j) => j.jobId === 'release');
  return {
    roles,
    wallMs: run.wallMs,
    succeeded: legs.filter((j) => j.result === 'success').length,
    calls: run.calls.length,
    throttled: run.calls.filter(
      (c) => c.injected || /Throttl|RequestLimitExceeded|PriorRequest/.test(c.errorCode ?? ''),
    ).length,
    imagesCreated: run.calls.filter((c) => c.operation === 'CreateImage' && c.outcome === 'ok').length,
    result: run.result.result,
  };
}

/** The example world twice with no change: what the second run creates and costs. */
export async function noChangeRebuild(
  bench: ReleaseBench,
  timeScale: number,
): Promise<{ first: WorldRunResult; second: WorldRunResult }> {
  const consumer = consumerCopy(bench.root);
  const sandbox = await startSandbox({ postgres: true, timeScale, seed: 'default', credentials: ISSUED });
  try {
    const first = summarise(3, await rebuild(bench, sandbox, consumer, 1, timeScale, 3));
    const second = summarise(3, await rebuild(bench, sandbox, consumer, 2, timeScale, 3));
    return { first, second };
  } finally {
    await sandbox.stop();
    rmSync(consumer, { recursive: true, force: true });
  }
}
