// Whole releases through the local workflow runner against the sandbox: how close one
// release comes to the unavoidable AWS waits, how many AWS calls it makes, how
// rebuild-the-world scales with roles under AWS's throttling, and what a no-change rebuild
// costs.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { parseWorld, planWorld } from '@immut/core/world';
import { BUILDER_DURATIONS } from '@immut/sandbox';
import { DURATIONS } from '@immut/sandbox';
import { startSandbox, type CallRecord, type Sandbox } from '@immut/sandbox';
import type { RunWorkflowOptions, WorkflowRunResult } from '@immut/workflow-runner';

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
    loadBalancer: DURATIONS.loadBalancerProvisioningToActive,
    serversRunning: DURATIONS.instancePendingToRunning,
    targetsHealthy: DURATIONS.targetInitialToHealthy,
    dns: DURATIONS.route53ChangePendingToInsync,
  };
}

const bound = (parts: Record<string, number>): LowerBound => ({
  total: Object.values(parts).reduce((a, b) => a + b, 0),
  parts,
});

/**
 * The unavoidable AWS waits of one release, in sandbox time (ms), with release.yml's prepare
 * job: the load balancer is made beside the bake and the restore, so its provisioning joins
 * their max; then the fleet (servers running, targets healthy) and the cutover's DNS change.
 */
export function criticalPathMs(withData: boolean): LowerBound {
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
    'max(bake, restore)': Math.max(w.bake, w.restore),
    'max(load balancer active, servers running)': Math.max(w.loadBalancer, w.serversRunning),
    'targets healthy': w.targetsHealthy,
    'DNS INSYNC': w.dns,
  });
}

export interface CriticalPathResult {
  timeScale: number;
  wallMs: number;
  lowerBoundMs: number;
  parts: Record<string, number>;
  /** The bound without the prepare job (sandbox ms), its terms named: the before of issue #20. */
  before: LowerBound;
  jobs: Array<{ job: string; ms: number }>;
  /** Each job's own result (`needs.<job>.result`), e.g. `{ replicate: 'success' }`. */
  needs: Record<string, string>;
  calls: CallRecord[];
  result: string;
}

/** One release of the example world's api role (image and data) through release.yml;
 *  `overrides` replace the role's world settings (e.g. an Aurora `source-db`). */
export async function criticalPath(
  bench: ReleaseBench,
  timeScale: number,
  overrides: Record<string, string> = {},
): Promise<CriticalPathResult> {
  const consumer = consumerCopy(bench.root);
  const plan = planWorld(parseWorld(readFileSync(path.join(consumer, 'immut.world.yml'), 'utf8'))).find(
    (p) => p.role === 'api',
  );
  if (!plan) throw new Error('the example world has no api role');
  const sandbox = await startSandbox({ postgres: true, timeScale, seed: 'default', credentials: ISSUED });
  try {
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
    Object.assign(inputs, overrides);
    const started = performance.now();
    const result = await bench.runWorkflow({
      workflowFile: '.github/workflows/release.yml',
      event: 'workflow_call',
      inputs,
      repoRoot: bench.root,
      workspaceSource: consumer,
      env: machine(sandbox, bench.root, timeScale),
      github: github(sandbox, 1),
      autoApproveEnvironments: true,
      log: () => undefined,
    });
    const wallMs = performance.now() - started;
    const after = criticalPathMs(true);
    return {
      timeScale,
      wallMs,
      lowerBoundMs: after.total / timeScale,
      parts: after.parts,
      before: criticalPathBeforePrepareMs(true),
      jobs: result.jobs.map((j) => ({ job: j.jobId, ms: j.durationMs })),
      needs: Object.fromEntries(Object.entries(result.needs).map(([job, n]) => [job, n.result])),
      calls: sandbox.calls(),
      result: result.result,
    };
  } finally {
    await sandbox.stop();
    rmSync(consumer, { recursive: true, force: true });
  }
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

function worldWithRoles(consumer: string, roles: number): void {
  const file = path.join(consumer, 'immut.world.yml');
  const world = parseWorld(readFileSync(file, 'utf8'));
  const template = world.roles['worker'];
  const generated = Object.fromEntries(
    Array.from({ length: roles }, (_, i) => [`role${String(i + 1).padStart(2, '0')}`, { ...template }]),
  );
  writeFileSync(file, stringify({ ...world, roles: generated }));
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

/** rebuild-the-world with `roles` copies of the worker role under Route 53's and EC2's rates. */
export async function scale(bench: ReleaseBench, roles: number, timeScale: number): Promise<WorldRunResult> {
  const consumer = consumerCopy(bench.root);
  worldWithRoles(consumer, roles);
  const sandbox = await startSandbox({
    timeScale,
    seed: 'default',
    credentials: ISSUED,
    // AWS's published request rates (token buckets in sandbox time): Route 53 per account, and
    // EC2's non-mutating rate applied to all EC2 calls.
    faults: [
      { kind: 'rate-limit', service: 'route53', preset: 'route53-account' },
      { kind: 'rate-limit', service: 'ec2', preset: 'ec2-non-mutating' },
    ],
  });
  try {
    return summarise(roles, await rebuild(bench, sandbox, consumer, 1, timeScale, roles));
  } finally {
    await sandbox.stop();
    rmSync(consumer, { recursive: true, force: true });
  }
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
