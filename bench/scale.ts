// Issue #20 item 5, worlds of many roles: rebuild-the-world with N copies of the example
// `worker` role, every role released at once, against a sandbox that enforces AWS's
// account-level API rate limits as token buckets in sandbox time (packages/sandbox/src/limits.ts:
// EC2, Route 53, ELBv2, Auto Scaling, RDS). Per row: the sandbox time each role's release took
// (its release leg, start to end) against one role's alone, the AWS calls per role, and the
// throttled responses and their retries, counted from the sandbox's call log. Also: how long
// planning a world of 1,000 roles takes.
//
// Measuring around the runner: on GitHub every job has a runner of its own, while here the local
// runner would start a node process of ~120 MB for every action step, and 256 roles' worth of
// them neither fit in this machine's memory nor share its two cores without measuring them. So
// the rows run every action step inside the bench's process by default (in-process.ts: the
// same compiled source as the bundles, under the same wrapper); BENCH_SCALE_STEPS=processes
// runs them as processes, limited by IMMUT_ACTION_SLOTS as memory allows. Sandbox time runs
// `timeScale` times faster than wall time, so every wall second the machine adds shows as
// `timeScale` sandbox seconds of a release: the rows run at a low time scale
// (BENCH_SCALE_TIME_SCALE, default 2), and the one-role row that every ratio divides by pays the
// same fixed costs, so the ratio measures what many roles add: throttling and contention. The
// wall time and CPU of each row are reported beside it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseWorld, planWorld } from '@immut/core/world';
import { startSandbox, type CallRecord, type Sandbox } from '@immut/sandbox';
import type { InProcessAction } from '@immut/action-runner';
import type { JobRun, WorkflowRunResult } from '@immut/workflow-runner';
import { chunkPlans, chunking, releaseMatrix } from '../actions/world/plan.js';
import { inProcessActions, withProcessEnv } from './in-process.js';
import type { ReleaseBench } from './releases.js';

/** The throttling codes the services answer (limits.ts), as the SDK classifies them. */
const THROTTLED = /^(Throttling|ThrottlingException|RequestLimitExceeded|PriorRequestNotComplete)$/;

const KEY = { accessKeyId: 'bench', secretAccessKey: 'bench-secret' };

export interface ScaleRow {
  roles: number;
  timeScale: number;
  /** Release legs that succeeded. */
  released: number;
  /** Each role's release, start to end, in sandbox ms. */
  perRoleMs: number[];
  /** Per job of release.yml (bake, prepare, tag, launch, cutover …): the slowest role's, sandbox ms. */
  jobsMs: Record<string, number>;
  calls: number;
  throttled: number;
  /** Throttled calls that were sent again (same service, operation and parameters) later. */
  retried: number;
  /** The throttled calls not sent again that way (service:operation code), to look into. */
  unretried: string[];
  /** Throttled responses per service:operation. */
  byOperation: Record<string, number>;
  wallMs: number;
  /** CPU seconds this process and every child it reaped used during the row: the runner, the
   *  action processes, the sandbox and its builders, all sharing this machine's cores. */
  cpuSeconds: number;
  /** The machine's 1-minute load average at the end of the row (other processes included). */
  load: number;
  /** Action processes the local runner ran at once (IMMUT_ACTION_SLOTS); 0 in process. */
  slots: number;
  /** How the action steps ran: a node process each, or inside the bench's process. */
  steps: StepMode;
  /** The one-role row only: each run's release time in sandbox ms, in the order run; the row
   *  shows the median run, the base every ratio divides by. */
  baseRunsMs?: number[];
  /** Why release jobs failed (job: first error), one per distinct message. */
  failures: string[];
  result: string;
}

/** CPU seconds of this process plus its reaped children (Linux /proc; 0 elsewhere). */
function cpuSeconds(): number {
  const self = process.resourceUsage();
  let children = 0;
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th (clock ticks).
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = 0;
  }
  return (self.userCPUTime + self.systemCPUTime) / 1e6 + (Number.isFinite(children) ? children : 0);
}

function consumerWith(root: string, roles: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'immut-bench-scale-'));
  cpSync(path.join(root, 'examples', 'consumer'), dir, { recursive: true });
  const file = path.join(dir, 'immut.world.yml');
  const world = parseWorld(readFileSync(file, 'utf8'));
  const worker = world.roles['worker'];
  const generated = Object.fromEntries(
    Array.from({ length: roles }, (_, i) => [`w${String(i + 1).padStart(3, '0')}`, { ...worker }]),
  );
  // No aliases: every role written out, as a team's file would be (the world file allows few).
  writeFileSync(file, stringify({ ...world, roles: generated }, { aliasDuplicateObjects: false }));
  return dir;
}

/** Throttled calls, and how many of them were sent again later with the same parameters. */
export function throttleCounts(calls: readonly CallRecord[]): {
  throttled: number;
  retried: number;
  unretried: string[];
  byOperation: Record<string, number>;
} {
  const later = new Map<string, number[]>();
  calls.forEach((call, index) => {
    const key = `${call.service}:${call.operation}:${JSON.stringify(call.params)}`;
    later.set(key, [...(later.get(key) ?? []), index]);
  });
  let throttled = 0;
  let retried = 0;
  const unretried: string[] = [];
  const byOperation: Record<string, number> = {};
  calls.forEach((call, index) => {
    if (!THROTTLED.test(call.errorCode ?? '')) return;
    throttled++;
    const operation = `${call.service}:${call.operation}`;
    byOperation[operation] = (byOperation[operation] ?? 0) + 1;
    const key = `${call.service}:${call.operation}:${JSON.stringify(call.params)}`;
    if ((later.get(key) ?? []).some((i) => i > index)) retried++;
    else unretried.push(`${call.service}:${call.operation} ${call.errorCode ?? ''}`);
  });
  return { throttled, retried, unretried, byOperation };
}

/** The release legs of a run, whichever form it took (one matrix, or chunks of matrices). */
function releaseLegs(result: WorkflowRunResult): JobRun[] {
  const top = result.jobs.filter((j) => j.jobId === 'release' && j.called);
  const chunked = result.jobs
    .filter((j) => j.jobId === 'chunks' && j.called)
    .flatMap((chunk) => chunk.called!.jobs.filter((j) => j.jobId === 'release' && j.called));
  return [...top, ...chunked];
}

function failuresOf(legs: JobRun[]): string[] {
  const messages = legs.flatMap((leg) =>
    (leg.called?.jobs ?? [])
      .filter((job) => job.result === 'failure')
      .map(
        (job) =>
          `${job.jobId}: ${(job.error ?? job.annotations.find((a) => a.level === 'error')?.message ?? '').slice(0, 300)}`,
      ),
  );
  return [...new Set(messages)];
}

/** Jobs of the run itself that failed (the plan, a chunk), with their first error. */
function runFailures(result: WorkflowRunResult): string[] {
  return result.jobs
    .filter((job) => job.result === 'failure' && job.jobId !== 'release')
    .map(
      (job) =>
        `${job.jobId}: ${(job.error ?? job.annotations.find((a) => a.level === 'error')?.message ?? '').slice(0, 300)}`,
    );
}

/** For each job of the release workflow, the slowest role's duration in sandbox ms. */
function slowestJobs(legs: JobRun[], timeScale: number): Record<string, number> {
  const slowest: Record<string, number> = {};
  for (const leg of legs)
    for (const job of leg.called?.jobs ?? [])
      slowest[job.jobId] = Math.max(slowest[job.jobId] ?? 0, job.durationMs * timeScale);
  return slowest;
}

/**
 * How many action processes may run at once. A release keeps two of them waiting on AWS at a
 * time (bake beside prepare, then launch): the local runner's default of twice the cores would
 * queue the releases behind each other, which GitHub, a runner per job, never does. Each
 * process holds about 120 MB (resident, measured on Node 24), so the slots stop at half the free
 * memory, leaving the rest to the sandbox and the machine.
 */
function actionSlots(roles: number): number {
  const byMemory = Math.floor((freemem() * 0.5) / (120 * 1024 * 1024));
  return Math.max(4, Math.min(roles * 2 + 4, byMemory));
}

/** How a row runs action steps: `processes` as the local runner does, `in-process` (in-process.ts). */
export type StepMode = 'processes' | 'in-process';

/** One rebuild-the-world of `roles` worker copies, all at once, under the rate limits. */
export async function scaleRow(
  bench: ReleaseBench,
  roles: number,
  timeScale: number,
  steps: StepMode,
): Promise<ScaleRow> {
  if (steps === 'in-process') {
    const inProcess = await inProcessActions(bench.root);
    return measuredRow(bench, roles, timeScale, { slots: 0, inProcess });
  }
  const slots = actionSlots(roles);
  const before = process.env['IMMUT_ACTION_SLOTS'];
  process.env['IMMUT_ACTION_SLOTS'] = String(slots);
  try {
    return await measuredRow(bench, roles, timeScale, { slots });
  } finally {
    if (before === undefined) delete process.env['IMMUT_ACTION_SLOTS'];
    else process.env['IMMUT_ACTION_SLOTS'] = before;
  }
}

async function measuredRow(
  bench: ReleaseBench,
  roles: number,
  timeScale: number,
  steps: { slots: number; inProcess?: InProcessAction },
): Promise<ScaleRow> {
  const { slots, inProcess } = steps;
  const consumer = consumerWith(bench.root, roles);
  const sandbox: Sandbox = await startSandbox({
    timeScale,
    seed: 'default',
    credentials: { [KEY.accessKeyId]: KEY.secretAccessKey },
    rateLimits: true,
  });
  const aws = {
    AWS_ENDPOINT_URL: sandbox.endpoint,
    AWS_ACCESS_KEY_ID: KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey,
    AWS_REGION: 'us-east-1',
  };
  try {
    const started = performance.now();
    const cpuBefore = cpuSeconds();
    // In process, the SDK reads the endpoint and key from this process's environment.
    const result = await withProcessEnv(inProcess ? aws : {}, () =>
      bench.runWorkflow({
        workflowFile: '.github/workflows/rebuild-the-world.yml',
        event: 'workflow_dispatch',
        inputs: {
          'world-file': 'immut.world.yml',
          'aws-role-arn': 'arn:aws:iam::123456789012:role/bench',
          'max-parallel': String(Math.min(roles, 256)),
        },
        repoRoot: bench.root,
        workspaceSource: consumer,
        env: {
          ...aws,
          IMMUT_TIME_SCALE: String(timeScale),
          PATH: `${path.join(bench.root, 'node_modules', '.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
        },
        github: {
          repository: 'acme/shop',
          sha: 'b'.repeat(40),
          run_id: '9100',
          run_number: '1',
          run_attempt: '1',
          api_url: sandbox.endpoint,
        },
        autoApproveEnvironments: true,
        log: () => undefined,
        ...(inProcess ? { inProcessActions: inProcess } : {}),
      }),
    );
    const wallMs = performance.now() - started;
    const legs = releaseLegs(result);
    const calls = sandbox.calls();
    return {
      roles,
      timeScale,
      released: legs.filter((l) => l.result === 'success').length,
      // The clock is linear between jumps and the bench makes none: wall × scale.
      perRoleMs: legs.map((l) => l.durationMs * timeScale),
      jobsMs: slowestJobs(legs, timeScale),
      calls: calls.length,
      ...throttleCounts(calls),
      wallMs,
      cpuSeconds: cpuSeconds() - cpuBefore,
      load: loadavg()[0] ?? 0,
      slots,
      steps: inProcess ? 'in-process' : 'processes',
      failures: [...new Set([...runFailures(result), ...failuresOf(legs)])],
      result: result.result,
    };
  } finally {
    await sandbox.stop();
    rmSync(consumer, { recursive: true, force: true });
  }
}

/** Wall ms to validate and plan a world of `roles` roles and write every chunk's matrix; median of `runs`. */
export function planningMs(root: string, roles: number, runs = 5): number {
  const example = readFileSync(path.join(root, 'examples', 'consumer', 'immut.world.yml'), 'utf8');
  const head = example.slice(0, example.indexOf('roles:\n'));
  const text = `${head}roles:\n${Array.from(
    { length: roles },
    (_, i) =>
      `  w${String(i).padStart(5, '0')}:\n    provision: roles/worker/provision.sh\n    log-paths: [/var/log/worker/*.log]\n    app-version: 0.9.${i}\n`,
  ).join('')}`;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const plans = planWorld(parseWorld(text));
    const { size, count } = chunking(plans.length, 256);
    for (let chunk = 1; chunk <= count; chunk++) releaseMatrix(chunkPlans(plans, chunk, size));
    times.push(performance.now() - started);
  }
  return median(times);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const s = (ms: number) => `${Math.round(ms / 1000)} s`;

/** The first sandbox-time scale table (bench/RESULTS.md at 65d77af, time scale 5): the
 *  before of issue #20 item 5, per row: max ÷ one role, and AWS calls per role. */
export const BEFORE_65D77AF = {
  commit: '65d77af',
  timeScale: 5,
  rows: {
    1: { ratio: 1.0, calls: 57.0 },
    10: { ratio: 1.02, calls: 57.3 },
    50: { ratio: 1.08, calls: 57.8 },
    256: { ratio: 1.69, calls: 65.8 },
  } as Record<number, { ratio: number; calls: number }>,
} as const;

/** `before → now` for one figure of a row, or just now when the before table had no such row. */
function beforeNow(before: number | undefined, now: string, digits: number): string {
  return before === undefined ? now : `${before.toFixed(digits)} → ${now}`;
}

export function scaleSection(rows: ScaleRow[], planning: { roles: number; ms: number }): string {
  const one = rows.find((r) => r.roles === 1);
  const base = one ? Math.max(...one.perRoleMs) : undefined;
  return [
    '## Scale: many roles under the account rate limits (sandbox time)',
    '',
    `Copies of the example \`worker\` role through rebuild-the-world, all at once, with the sandbox enforcing every service's account-level API rate limits as token buckets in sandbox time (Route 53's request and change-throughput buckets and its per-zone PriorRequestNotComplete, EC2's per-API buckets by category, and ELBv2, Auto Scaling and RDS; packages/sandbox/src/limits.ts names each figure's source). Time scale ${rows[0]?.timeScale ?? '—'}: low, so the machine's own costs add few sandbox seconds; the one-role row pays the same per step. The one-role row is the median of ${rows[0]?.baseRunsMs?.length ?? 1} run(s) (BENCH_SCALE_BASE_RUNS): every ratio divides by it, and one release's time varies by a few percent with where each wait's first poll falls. Action steps ran ${rows[0]?.steps === 'processes' ? 'as a node process each, at most the slots shown at once' : "inside the bench's process (bench/in-process.ts): GitHub gives every job a runner of its own, and a node process per step for 256 roles does not fit in this machine"}.`,
    '',
    `| roles | released | sandbox time per role (median / max) | max ÷ one role (before at ${BEFORE_65D77AF.commit}, time scale ${BEFORE_65D77AF.timeScale} → now) | AWS calls per role (before → now) | throttled responses | of them retried | wall time | action processes at once (0: in process) | CPU per role (runner, actions, sandbox) | CPU ÷ (cores × wall) | load average |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => {
      const max = Math.max(...r.perRoleMs, 0);
      const before = BEFORE_65D77AF.rows[r.roles];
      const time = r.baseRunsMs
        ? `${s(max)} (median of ${r.baseRunsMs.length} runs: ${r.baseRunsMs.map(s).join(', ')})`
        : `${s(median(r.perRoleMs))} / ${s(max)}`;
      return `| ${r.roles} | ${r.released}/${r.roles} | ${time} | ${beforeNow(before?.ratio, base ? (max / base).toFixed(2) : '—', 2)} | ${beforeNow(before?.calls, (r.calls / r.roles).toFixed(1), 1)} | ${r.throttled} | ${r.retried} | ${s(r.wallMs)} | ${r.slots} | ${(r.cpuSeconds / r.roles).toFixed(1)} s | ${(r.cpuSeconds / ((cpus().length * r.wallMs) / 1000)).toFixed(2)} | ${r.load.toFixed(1)} |`;
    }),
    '',
    "Reading the rows: a ratio above 1 with no throttled response is time the releases spent waiting for the machine, not for AWS: every wall second a step waits for a core, or (with processes) for one of the local runner's action slots (fewer than 2 × roles + 4: memory), is `timeScale` sandbox seconds. When CPU ÷ (cores × wall) nears 1, or the load average is well above the core count (other work on the machine), the row measures the machine, and the ratio says nothing about the actions; run it on a quiet machine, or at a lower BENCH_SCALE_TIME_SCALE.",
    '',
    `Planning a world of ${planning.roles.toLocaleString('en-US')} roles (validate the file, plan every role, write every chunk's matrix): **${Math.round(planning.ms)} ms** (median of 5).`,
    '',
  ].join('\n');
}

/**
 * One role alone, `runs` times: the run with the median release time. Every ratio divides by
 * it, and one release's time varies by a few percent (where each wait's first poll falls).
 */
async function baseRow(
  bench: ReleaseBench,
  timeScale: number,
  steps: StepMode,
  runs: number,
): Promise<ScaleRow> {
  const all: ScaleRow[] = [];
  for (let run = 0; run < runs; run++) all.push(await scaleRow(bench, 1, timeScale, steps));
  const time = (row: ScaleRow) => Math.max(...row.perRoleMs, 0);
  const sorted = [...all].sort((a, b) => time(a) - time(b));
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...middle, baseRunsMs: all.map(time) };
}

/**
 * The rows of BENCH_SCALE_ROLES (default 10,50,256), after the one-role row they divide by (the
 * median of `baseRuns` runs).
 */
export async function scaleRows(
  bench: ReleaseBench,
  roles: number[],
  timeScale: number,
  steps: StepMode,
  baseRuns: number,
): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const n of [1, ...roles.filter((r) => r !== 1)]) {
    rows.push(
      n === 1 ? await baseRow(bench, timeScale, steps, baseRuns) : await scaleRow(bench, n, timeScale, steps),
    );
    const row = rows.at(-1)!;
    console.log(
      `scale: ${n} role(s): ${row.released}/${n} released, max ${s(Math.max(...row.perRoleMs, 0))} sandbox (${Object.entries(
        row.jobsMs,
      )
        .map(([job, ms]) => `${job} ${s(ms)}`)
        .join(
          ', ',
        )}), ${row.failures.length > 0 ? `FAILED: ${row.failures.join(' | ')}; ` : ''}${row.throttled} throttled (${row.retried} retried${row.unretried.length > 0 ? `; not: ${row.unretried.join(', ')}` : ''}; ${Object.entries(
        row.byOperation,
      )
        .sort((a, b) => b[1] - a[1])
        .map(([operation, count]) => `${operation} ${count}`)
        .join(
          ', ',
        )}), ${s(row.wallMs)} wall, ${row.slots} slots, ${Math.round(row.cpuSeconds)} CPU s, load ${row.load.toFixed(1)}`,
    );
  }
  return rows;
}
