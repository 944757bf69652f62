// npm run bench: measures immut and writes bench/RESULTS.md with the machine and the date.
// Every number in RESULTS.md comes from the run that wrote it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VALID_INPUTS, coldStartSection, type BundleUnderTest } from './cold-start.js';
import { dataLayerSection, dataLayerTerm } from './data-layer.js';
import {
  criticalPath,
  criticalPathMs,
  firstAndSteadySection,
  firstAndSteadyState,
  loadRunner,
  medianRun,
  noChangeRebuild,
  releaseBeforeAfter,
  type CriticalPathResult,
  type LowerBound,
  type ReleaseBench,
  type WorldRunResult,
} from './releases.js';
import { inProcessActions } from './in-process.js';
import { planningMs, scaleRows, scaleSection } from './scale.js';

const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
/** A realistic time scale for the critical path: one sandbox minute is one wall second.
 *  BENCH_RELEASE_SCALE sets another (the runner's fixed cost per job weighs less when lower). */
const REALISTIC_SCALE = Number(process.env['BENCH_RELEASE_SCALE'] ?? 60);
/** A second, lower scale for the same release: what shrinks with the scale is wall time. */
const LOW_SCALE = Number(process.env['BENCH_RELEASE_LOW_SCALE'] ?? 10);
/** Each release figure at the realistic scale is the median of this many releases, each in a
 *  fresh sandbox (one release varies by a few hundredths on this machine). */
const RELEASE_RUNS = Number(process.env['BENCH_RELEASE_RUNS'] ?? 3);
/** Sandbox time scale of the no-change rebuild. */
const WORLD_SCALE = Number(process.env['BENCH_WORLD_SCALE'] ?? 200);
/**
 * BENCH_ONLY=release: only the release section (one release of `api`, its calls and critical
 * path), printed and not written to RESULTS.md, so a change to the waits can be measured in
 * about a minute. BENCH_ONLY=cold-start: only the cold-start table (bench/cold-start.ts),
 * printed. Unset: the whole bench, written to RESULTS.md.
 */
const ONLY = process.env['BENCH_ONLY'];
/** BENCH_ONLY=scale: only the scale table under the account rate limits (bench/scale.ts), printed. */
const RATE_LIMITED_ROLES = (process.env['BENCH_SCALE_ROLES'] ?? '10,50,256').split(',').map(Number);
/** Low, so the machine's own time adds few sandbox seconds to the rows (scale.ts). */
const RATE_LIMITED_SCALE = Number(process.env['BENCH_SCALE_TIME_SCALE'] ?? 2);
/** Runs of the one-role row every scale ratio divides by (BENCH_SCALE_BASE_RUNS): the median counts. */
const BASE_RUNS = Math.max(1, Math.trunc(Number(process.env['BENCH_SCALE_BASE_RUNS'] ?? 3)) || 1);
/** How the scale rows run action steps: in the bench's process (default: 256 roles' worth of
 *  node processes do not fit in this machine's memory), or BENCH_SCALE_STEPS=processes. */
const SCALE_STEPS = process.env['BENCH_SCALE_STEPS'] === 'processes' ? 'processes' : 'in-process';

async function rateLimitedScale(): Promise<string> {
  const rows = await scaleRows(
    await loadRunner(ROOT),
    RATE_LIMITED_ROLES,
    RATE_LIMITED_SCALE,
    SCALE_STEPS,
    BASE_RUNS,
  );
  return scaleSection(rows, { roles: 1000, ms: planningMs(ROOT, 1000) });
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const sec = (value: number) => `${(value / 1000).toFixed(1)} s`;

const terms = (b: LowerBound) =>
  Object.entries(b.parts)
    .map(([part, ms]) => `${part} ${Math.round(ms / 1000)} s`)
    .join(' + ');

/** Issue #20's first item: the lower bound without and with the parallel prepare job. */
export function lowerBoundBeforeAfter(before: LowerBound, after: LowerBound): string {
  return [
    "Lower bound in sandbox seconds, before → after the `prepare` job (load balancer, target group, listener and the build's name made beside the bake and the restore):",
    '',
    '| | terms | sandbox time |',
    '| --- | --- | --- |',
    `| before | ${terms(before)} | ${Math.round(before.total / 1000)} s |`,
    `| after | ${terms(after)} | ${Math.round(after.total / 1000)} s |`,
  ].join('\n');
}

/**
 * The release against its critical path with the change log command's own run (as
 * replicate-data timed it) as a term of the replica branch; '—' when it ran none.
 */
function ratioWithChangelog(r: CriticalPathResult): string {
  if (r.changelogMs === undefined) return '—';
  return ((r.wallMs * r.timeScale) / criticalPathMs(true, r.changelogMs).total).toFixed(2);
}

function criticalPathSection(r: CriticalPathResult, steady?: CriticalPathResult): string {
  const byOperation = new Map<string, number>();
  for (const call of r.calls) {
    const key = `${call.service}:${call.operation}`;
    byOperation.set(key, (byOperation.get(key) ?? 0) + 1);
  }
  const calls = [...byOperation].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    '## Critical-path efficiency of one release',
    '',
    `The example world's \`api\` role (image and data) through \`release.yml\` and the local runner, with the sandbox at time scale ${r.timeScale} (one sandbox minute is ${(60 / r.timeScale).toFixed(1)} wall seconds). Result: ${r.result}.`,
    '',
    `Release time ${sec(r.wallMs)}, the median of ${RELEASE_RUNS} such releases, each in a fresh sandbox, from the first job's start to the last job's end (the local runner's own set-up and clean-up around the jobs, reading the workflow files and removing the jobs' temp directories, are outside: ${((r.runnerMs - r.wallMs) / 1000).toFixed(2)} s in this run); lower bound ${sec(r.lowerBoundMs)} (the longest chain of unavoidable AWS waits: ${Object.entries(
      r.parts,
    )
      .map(([part, ms]) => `${part} ${Math.round(ms / 1000)} s`)
      .join(' + ')} of sandbox time); **ratio ${(r.wallMs / r.lowerBoundMs).toFixed(2)}**.`,
    '',
    r.changelogMs === undefined
      ? 'The change log ran no command in this release.'
      : `The change log command (node-pg-migrate against the replica) is on the replica branch too, but it is the user's work, not an AWS wait: it ran for ${Math.round(r.changelogMs / 1000)} s of sandbox time (replicate-data's \`changelog-time\`), ${sec(r.changelogMs / r.timeScale)} of wall time, which on AWS would take the same wall time and no more. With it as a term of the replica branch, the critical path of this run is ${Math.round(criticalPathMs(true, r.changelogMs).total / 1000)} s, and the release takes **${ratioWithChangelog(r)}×** it.`,
    '',
    lowerBoundBeforeAfter(r.before, { total: r.lowerBoundMs * r.timeScale, parts: r.parts }),
    '',
    releaseBeforeAfter(r, steady),
    '',
    'Where the time goes, per job (jobs overlap: bake and replicate run in parallel):',
    '',
    '| job | wall time |',
    '| --- | --- |',
    ...r.jobs.map((j) => `| ${j.job} | ${sec(j.ms)} |`),
    '',
    '## API economy',
    '',
    `AWS calls of that release, polling included: **${r.calls.length}** in all.`,
    '',
    '| call | count |',
    '| --- | --- |',
    ...calls.map(([call, n]) => `| ${call} | ${n} |`),
    '',
  ].join('\n');
}

/**
 * The release's time beyond its lower bound, at two time scales. Every wall second (the local
 * runner starting jobs and processes, CPU) is `scale` sandbox seconds, while what the actions
 * add to the AWS waits (polls after the change was due, calls in between) is sandbox time at
 * any scale. So the overshoot is a + b × scale: two scales give a (the actions' own) and b
 * (the machine's wall time), and the ratio a release would have without the local runner.
 */
export function overshootSection(
  high: CriticalPathResult,
  low: CriticalPathResult,
  inProcess: CriticalPathResult,
): string {
  const over = (r: CriticalPathResult) => r.wallMs * r.timeScale - r.lowerBoundMs * r.timeScale;
  const bound = high.lowerBoundMs * high.timeScale;
  const wallPart = (over(high) - over(low)) / (high.timeScale - low.timeScale);
  const own = over(high) - wallPart * high.timeScale;
  const row = (r: CriticalPathResult) =>
    `| ${r.timeScale} | ${r.result} | ${Math.round(over(r) / 1000)} s | ${(r.wallMs / r.lowerBoundMs).toFixed(2)} | ${ratioWithChangelog(r)} |`;
  return [
    "## The actions' share of the release time",
    '',
    "The same release at two time scales, each in a fresh sandbox. Every wall second of the local runner (starting jobs and action processes, CPU) is `scale` sandbox seconds, while what the actions add to AWS's waits (a poll after the change was due, the calls between waits) is sandbox time at any scale. So the time beyond the lower bound is a + b × scale, and the two rows give both parts.",
    '',
    '| time scale | result | sandbox time beyond the lower bound | release / lower bound | release / critical path with the change log run |',
    '| --- | --- | --- | --- | --- |',
    row(high),
    row(low),
    '',
    `- b, the machine's wall time per release: **${(wallPart / 1000).toFixed(1)} wall s** (its cost in sandbox time grows with the scale).`,
    `- a, the actions' own time beyond the lower bound: **${Math.round(own / 1000)} sandbox s**, so a release without the local runner's costs takes **${((bound + own) / bound).toFixed(2)}×** its lower bound of ${Math.round(bound / 1000)} s.`,
    '',
    `Measured around the runner instead of split: the same release at time scale ${inProcess.timeScale}, in a fresh sandbox, with every action step run inside the bench's process (bench/in-process.ts, as the scale rows run them) rather than as a node process of its own. The local runner still starts the jobs and runs the workflow; the user's change-log command is still a process. One such release runs first and is not counted: it loads the actions' modules into the bench's process, on one thread beside every other job's and the sandbox, where a process per step loads its own on a runner of its own (the cold-start table above measures that load). The row is the median of the ${RELEASE_RUNS} releases after it. Result: ${inProcess.result}.`,
    '',
    '| time scale | action steps | sandbox time beyond the lower bound | release / lower bound | release / critical path with the change log run |',
    '| --- | --- | --- | --- | --- |',
    `| ${high.timeScale} | a node process each | ${Math.round(over(high) / 1000)} s | ${(high.wallMs / high.lowerBoundMs).toFixed(2)} | ${ratioWithChangelog(high)} |`,
    `| ${inProcess.timeScale} | in the bench's process | ${Math.round(over(inProcess) / 1000)} s | **${(inProcess.wallMs / inProcess.lowerBoundMs).toFixed(2)}** | **${ratioWithChangelog(inProcess)}** |`,
    '',
  ].join('\n');
}

function noChangeSection(noChange: { first: WorldRunResult; second: WorldRunResult }): string {
  return [
    '## No-change rebuild',
    '',
    `The example world (three roles, api with data) released twice with nothing changed, time scale ${WORLD_SCALE}.`,
    '',
    '| run | result | wall time | images created | AWS calls |',
    '| --- | --- | --- | --- | --- |',
    `| first | ${noChange.first.result} | ${sec(noChange.first.wallMs)} | ${noChange.first.imagesCreated} | ${noChange.first.calls} |`,
    `| second (no change) | ${noChange.second.result} | ${sec(noChange.second.wallMs)} | ${noChange.second.imagesCreated} | ${noChange.second.calls} |`,
    '',
    `Second run's wall time as a ratio of the first: **${(noChange.second.wallMs / noChange.first.wallMs).toFixed(2)}**.`,
    '',
  ].join('\n');
}

/** Every action's bundle as the runner starts it (dist/<a>/main.js). */
function actionBundles(): BundleUnderTest[] {
  return Object.entries(VALID_INPUTS).map(([name, validInputs]) => ({
    name,
    entry: path.join(ROOT, 'dist', name, 'main.js'),
    bundle: path.join(ROOT, 'dist', name, 'index.js'),
    validInputs,
  }));
}

interface ReleaseRows {
  /** The role's first release in a fresh account, and its next release there (the calls). */
  first: CriticalPathResult;
  steady: CriticalPathResult;
  /** The median of RELEASE_RUNS first releases (`first` among them): the critical path's figures. */
  critical: CriticalPathResult;
  low: CriticalPathResult;
  inProcess: CriticalPathResult;
}

async function freshReleases(
  runner: ReleaseBench,
  count: number,
  inProcess?: Awaited<ReturnType<typeof inProcessActions>>,
): Promise<CriticalPathResult[]> {
  const runs: CriticalPathResult[] = [];
  for (let i = 0; i < count; i++) runs.push(await criticalPath(runner, REALISTIC_SCALE, {}, inProcess));
  return runs;
}

async function releaseRows(runner: ReleaseBench): Promise<ReleaseRows> {
  const { first, steady } = await firstAndSteadyState(runner, REALISTIC_SCALE);
  const critical = medianRun([first, ...(await freshReleases(runner, RELEASE_RUNS - 1))]);
  const low = await criticalPath(runner, LOW_SCALE);
  // In process, the actions' modules load once, in the first release, and on one thread with
  // every other job's and the sandbox's: what a process per step loads beside the others on
  // runners of their own (the cold-start table measures that load). So one release first,
  // not counted, then the timed ones.
  const actions = await inProcessActions(ROOT);
  await criticalPath(runner, REALISTIC_SCALE, {}, actions);
  const inProcess = medianRun(await freshReleases(runner, RELEASE_RUNS, actions));
  return { first, steady, critical, low, inProcess };
}

async function releaseOnly(): Promise<void> {
  const { first, steady, critical, low, inProcess } = await releaseRows(await loadRunner(ROOT));
  console.log(criticalPathSection(critical, steady));
  console.log(firstAndSteadySection(first, steady));
  console.log(overshootSection(critical, low, inProcess));
}

async function main(): Promise<void> {
  if (ONLY === 'release') return releaseOnly();
  if (ONLY === 'scale') return console.log(await rateLimitedScale());
  if (ONLY === 'cold-start') return console.log(await coldStartSection(ROOT, actionBundles(), RUNS));
  if (ONLY !== undefined)
    throw new Error(
      `BENCH_ONLY: expected 'release', 'scale', 'cold-start' or unset, got '${ONLY.slice(0, 40)}'`,
    );
  const started = new Date();
  const coldStart = await coldStartSection(ROOT, actionBundles(), RUNS);
  const runner = await loadRunner(ROOT);
  const { first, steady, critical, low: lowScale, inProcess } = await releaseRows(runner);
  const dataLayer = await dataLayerTerm(runner, REALISTIC_SCALE, critical);
  console.log(`critical path: ${sec(critical.wallMs)}`);
  const noChange = await noChangeRebuild(runner, WORLD_SCALE);
  const rateLimited = await rateLimitedScale();
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const report = [
    '# immut benchmarks',
    '',
    `Written by \`npm run bench\` on ${started.toISOString()} at commit ${commit}.`,
    `Machine: ${machine()}. Each time is the median of ${RUNS} runs.`,
    '',
    '## Cold start of every action bundle',
    '',
    coldStart,
    '',
    criticalPathSection(critical, steady),
    '',
    firstAndSteadySection(first, steady),
    overshootSection(critical, lowScale, inProcess),
    dataLayerSection(dataLayer),
    noChangeSection(noChange),
    rateLimited,
  ].join('\n');
  writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), report);
  console.log(report);
}

await main();
