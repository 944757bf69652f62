// npm run bench: measures immut and writes bench/RESULTS.md with the machine and the date.
// Every number in RESULTS.md comes from the run that wrote it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureColdStart, type BundleUnderTest, type ColdStart } from './cold-start.js';
import { dataLayerSection, dataLayerTerm } from './data-layer.js';
import {
  criticalPath,
  loadRunner,
  noChangeRebuild,
  scale,
  type CriticalPathResult,
  type LowerBound,
  type WorldRunResult,
} from './releases.js';

const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
/** A realistic time scale for the critical path: one sandbox minute is one wall second. */
const REALISTIC_SCALE = 60;
/** Sandbox time scale of the world runs (scale and no-change rebuild). */
const WORLD_SCALE = Number(process.env['BENCH_WORLD_SCALE'] ?? 200);
const SCALE_ROLES = (process.env['BENCH_ROLES'] ?? '10,25,50').split(',').map(Number);

const VALID_INPUTS: Record<string, Record<string, string>> = {
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
};

/** The naive baseline, bundled exactly like the actions (tsc output → ncc). */
async function buildBaseline(): Promise<BundleUnderTest> {
  const require = createRequire(import.meta.url);
  const ncc = require('@vercel/ncc') as (
    entry: string,
    options: object,
  ) => Promise<{ code: string; assets: Record<string, { source: string | Buffer }> }>;
  const out = path.join(ROOT, '.build', 'bench-baseline');
  mkdirSync(out, { recursive: true });
  const { code, assets } = await ncc(path.join(ROOT, '.build/tsc/bench/baseline.js'), {
    quiet: true,
    cache: false,
  });
  writeFileSync(path.join(out, 'index.js'), code);
  for (const [file, asset] of Object.entries(assets)) writeFileSync(path.join(out, file), asset.source);
  return {
    name: 'baseline (naive)',
    entry: path.join(out, 'index.js'),
    bundle: path.join(out, 'index.js'),
    validInputs: { role: 'api' },
  };
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;
const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);

function coldStartTable(results: ColdStart[], baseline: ColdStart): string {
  const ratio = (ours: number | undefined, base: number | undefined) =>
    ours === undefined || base === undefined ? '—' : (ours / base).toFixed(2);
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${kb(r.bundleBytes)} | ${ms(r.toInputErrorMs)} | ${ms(r.toFirstRequestMs)} | ${ratio(r.toFirstRequestMs, baseline.toFirstRequestMs)} | ${r.peakRssKb ? `${Math.round(r.peakRssKb / 1024)} MiB` : '—'} |`,
  );
  const base = `| ${baseline.name} | ${kb(baseline.bundleBytes)} | ${ms(baseline.toInputErrorMs)} | ${ms(baseline.toFirstRequestMs)} | 1.00 | ${baseline.peakRssKb ? `${Math.round(baseline.peakRssKb / 1024)} MiB` : '—'} |`;
  return [
    '| bundle | size | start → input error | start → first request | ratio to baseline | peak RSS (input error) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    base,
  ].join('\n');
}

const sec = (value: number) => `${(value / 1000).toFixed(1)} s`;

const terms = (b: LowerBound) =>
  Object.entries(b.parts)
    .map(([part, ms]) => `${part} ${Math.round(ms / 1000)} s`)
    .join(' + ');

/** Issue #20's first item: the lower bound without and with the parallel prepare job. */
export function lowerBoundBeforeAfter(before: LowerBound, after: LowerBound): string {
  return [
    'Lower bound in sandbox seconds, before → after the `prepare` job (load balancer, target group and listener made beside the bake and the restore):',
    '',
    '| | terms | sandbox time |',
    '| --- | --- | --- |',
    `| before | ${terms(before)} | ${Math.round(before.total / 1000)} s |`,
    `| after | ${terms(after)} | ${Math.round(after.total / 1000)} s |`,
  ].join('\n');
}

function criticalPathSection(r: CriticalPathResult): string {
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
    `Wall time ${sec(r.wallMs)}; lower bound ${sec(r.lowerBoundMs)} (the longest chain of unavoidable AWS waits: ${Object.entries(
      r.parts,
    )
      .map(([part, ms]) => `${part} ${Math.round(ms / 1000)} s`)
      .join(' + ')} of sandbox time); **ratio ${(r.wallMs / r.lowerBoundMs).toFixed(2)}**.`,
    '',
    lowerBoundBeforeAfter(r.before, { total: r.lowerBoundMs * r.timeScale, parts: r.parts }),
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

function worldSection(
  scaled: WorldRunResult[],
  noChange: { first: WorldRunResult; second: WorldRunResult },
): string {
  const one = scaled[0];
  return [
    '## Scale: rebuild-the-world with many roles under throttling',
    '',
    `Copies of the example \`worker\` role, all released at once (\`max-parallel\` = roles), with Route 53's per-account rate (burst 50, 10/s) and EC2's request rate (burst 100, 20/s) enforced as token buckets in sandbox time; time scale ${WORLD_SCALE}.`,
    '',
    '| roles | released | wall time | ratio to the first row | AWS calls | calls per role | throttled calls |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...scaled.map(
      (r) =>
        `| ${r.roles} | ${r.succeeded}/${r.roles} | ${sec(r.wallMs)} | ${one ? (r.wallMs / one.wallMs).toFixed(2) : '—'} | ${r.calls} | ${(r.calls / r.roles).toFixed(1)} | ${r.throttled} |`,
    ),
    '',
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

async function main(): Promise<void> {
  const started = new Date();
  const baselineBundle = await buildBaseline();
  const bundles: BundleUnderTest[] = Object.entries(VALID_INPUTS).map(([name, validInputs]) => ({
    name,
    entry: path.join(ROOT, 'dist', name, 'main.js'),
    bundle: path.join(ROOT, 'dist', name, 'index.js'),
    validInputs,
  }));
  const results: ColdStart[] = [];
  for (const bundle of bundles) {
    results.push(await measureColdStart(bundle, RUNS));
    console.log(`cold start: ${bundle.name} done`);
  }
  const baseline = await measureColdStart(baselineBundle, RUNS);
  const runner = await loadRunner(ROOT);
  const critical = await criticalPath(runner, REALISTIC_SCALE);
  const dataLayer = await dataLayerTerm(runner, REALISTIC_SCALE, critical);
  console.log(`critical path: ${sec(critical.wallMs)}`);
  const scaled: WorldRunResult[] = [];
  for (const roles of SCALE_ROLES) {
    scaled.push(await scale(runner, roles, WORLD_SCALE));
    console.log(`scale: ${roles} roles done`);
  }
  const noChange = await noChangeRebuild(runner, WORLD_SCALE);
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
    'From process start to the input error (no inputs), and to the first request to AWS or GitHub (valid inputs, a local endpoint that records the moment). The baseline imports @actions/core and the five SDK clients at the top and creates them before reading inputs, bundled with ncc like our actions.',
    '',
    coldStartTable(results, baseline),
    '',
    criticalPathSection(critical),
    '',
    dataLayerSection(dataLayer),
    worldSection(scaled, noChange),
  ].join('\n');
  writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), report);
  console.log(report);
}

await main();
