// The real release.yml and rebuild-the-world.yml through the local workflow runner, against
// the sandbox (AWS, the GitHub slice, and PostgreSQL behind RDS): the example world released,
// a rebuild with nothing changed, a rebuild with one role changed, and a rebuild in which one
// role's launch fails.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CallRecord, Sandbox } from '@immut/sandbox';
import { runWorkflow } from '@immut/workflow-runner';
import type { WorkflowRunResult } from '@immut/workflow-runner';
import { REPO_ROOT } from '@immut/action-runner';
import { parseWorld, planWorld } from '@immut/core/world';
import {
  WORKFLOW_TIME_SCALE,
  grantScope,
  machineEnv,
  startE2eSandbox,
  workflowRoles,
} from '@immut/test-support/sandbox';
import { describeRunFailure } from '@immut/test-support/workflow-failures';

const ROLES = ['api', 'web', 'worker'];
const ROLE_ARN = 'arn:aws:iam::123456789012:role/immut-test';
const GREETING = '  hello = world # not a comment  ';
let sandbox: Sandbox;
let consumer: string;

interface WorldRun {
  result: WorkflowRunResult;
  calls: CallRecord[];
}
const runs: WorldRun[] = [];

/** Role → { stage job id → outputs } of one rebuild-the-world run. */
function stageOutputs(result: WorkflowRunResult): Map<string, Record<string, Record<string, string>>> {
  const roles = new Map<string, Record<string, Record<string, string>>>();
  for (const job of result.jobs) {
    if (!job.called) continue;
    const stages: Record<string, Record<string, string>> = {};
    for (const stage of job.called.jobs) stages[stage.jobId] = { result: stage.result, ...stage.outputs };
    roles.set(String(job.matrix?.['role']), stages);
  }
  return roles;
}

async function rebuildTheWorld(runNumber: number, extra: Record<string, string> = {}): Promise<WorldRun> {
  const before = sandbox.calls().length;
  const result = await runWorkflow({
    workflowFile: '.github/workflows/rebuild-the-world.yml',
    event: 'workflow_dispatch',
    inputs: {
      'world-file': 'immut.world.yml',
      'aws-role-arn': ROLE_ARN,
      'max-parallel': '3',
      ...extra,
    },
    repoRoot: REPO_ROOT,
    workspaceSource: consumer,
    env: {
      ...machineEnv(sandbox),
      PATH: `${path.join(REPO_ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
    },
    github: {
      repository: 'acme/shop',
      sha: 'c0ffee'.padEnd(40, '0'),
      run_id: String(5000 + runNumber),
      run_number: String(runNumber),
      run_attempt: '1',
      api_url: sandbox.endpoint,
    },
    // The role the workflows assume holds the union of the actions' generated policies.
    awsRoles: workflowRoles(sandbox, ROLE_ARN),
    autoApproveEnvironments: true,
    log: () => undefined,
  });
  return { result, calls: sandbox.calls().slice(before) };
}

const created = (run: WorldRun, operation: string) =>
  run.calls.filter((c) => c.operation === operation && c.outcome === 'ok').length;

beforeAll(async () => {
  sandbox = await startE2eSandbox({ seed: 'default', postgres: true, timeScale: WORKFLOW_TIME_SCALE });
  consumer = mkdtempSync(path.join(tmpdir(), 'immut-world-e2e-'));
  cpSync(path.join(REPO_ROOT, 'examples', 'consumer'), consumer, { recursive: true });
  const worldFile = path.join(consumer, 'immut.world.yml');
  // The names the role manages (npm run iam --record-name): every role's DNS name, and
  // <role>.<env>.<zone>, under which launch-behind-lb names each build even when the role's
  // name is another (web: www.example.test, builds b….web.prod.example.test).
  const names = planWorld(parseWorld(readFileSync(worldFile, 'utf8'))).flatMap((p) => [
    ...(p['dns-name'] ? [p['dns-name']] : []),
    `${p.role}.${p.env}.${p.zone}`,
  ]);
  grantScope(sandbox, { recordNames: names });
  // A flag value that KEY=VALUE lines would not carry as written (spaces at both ends, '=', '#').
  writeFileSync(
    worldFile,
    readFileSync(worldFile, 'utf8').replace(
      '      LOG_LEVEL: info\n',
      `      LOG_LEVEL: info\n      GREETING: ${JSON.stringify(GREETING)}\n`,
    ),
  );

  runs.push(await rebuildTheWorld(1));
  runs.push(await rebuildTheWorld(2));
  writeFileSync(
    worldFile,
    readFileSync(worldFile, 'utf8').replace('app-version: 3.0.1', 'app-version: 3.1.0'),
  );
  runs.push(await rebuildTheWorld(3));
  // The worker's new targets never get healthy: its launch fails, the others go on.
  sandbox.addFaults([{ kind: 'target-never-healthy', match: { targetGroupName: 'prod-worker-b000004' } }]);
  runs.push(await rebuildTheWorld(4));
  // Chunks of two: the three roles go through the chunk workflow, as a world of more than
  // 256 roles does (GitHub runs at most 256 jobs from one matrix).
  runs.push(await rebuildTheWorld(5, { 'chunk-size': '2' }));
}, 420_000);

afterAll(async () => {
  await sandbox?.stop();
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('rebuild-the-world through the local runner', () => {
  it("needs nothing beyond the generated policy: IAM refuses none of the role's calls", () => {
    const refused = runs
      .flatMap((r) => r.calls)
      .filter((c) => c.iam)
      .map((c) => `${c.iam!.action} on ${c.iam!.resource}: ${JSON.stringify(c.params).slice(0, 300)}`);
    expect([...new Set(refused)]).toEqual([]);
  });

  it('releases every role of the example world and records the world release', () => {
    const [first] = runs;
    expect(describeRunFailure(first!.result)).toBe('');
    const stages = stageOutputs(first!.result);
    expect([...stages.keys()].sort()).toEqual(ROLES);
    for (const role of ROLES) {
      expect(stages.get(role)?.['cutover']?.['result']).toBe('success');
      expect(stages.get(role)?.['tag']?.['tag']).toBe(`immut/prod/${role}/b000001`);
    }
    expect(stages.get('api')?.['replicate']?.['db-instance-id']).toBe('prod-api-b000001');
    // The world's flags reach the release manifest value for value, through the matrix.
    const apiManifest = JSON.parse(stages.get('api')?.['tag']?.['manifest'] ?? '{}') as {
      flags?: Record<string, string>;
    };
    expect(apiManifest.flags).toEqual({
      LOG_LEVEL: 'info',
      GREETING,
      DB_PASSWORD_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api/db',
    });
    const record = first!.result.jobs.find((j) => j.jobId === 'record');
    const manifest = JSON.parse(
      record?.outputs['manifest'] ?? record?.steps.at(-1)?.outputs['manifest'] ?? '{}',
    ) as {
      roles?: Record<string, { tag?: string }>;
    };
    expect(
      Object.fromEntries(Object.entries(manifest.roles ?? {}).map(([role, r]) => [role, r.tag])),
    ).toEqual({
      api: 'immut/prod/api/b000001',
      web: 'immut/prod/web/b000001',
      worker: 'immut/prod/worker/b000001',
    });
  });

  it("prepares each role's load balancer and build name beside the bake, launches behind it, and draws the job graph", () => {
    const [first] = runs;
    for (const job of first!.result.jobs.filter((j) => j.called)) {
      const stage = (id: string) => job.called!.jobs.find((j) => j.jobId === id);
      expect(stage('prepare')?.result).toBe('success');
      expect(stage('launch')?.result).toBe('success');
      // One load balancer per role, made by prepare: launch adopted it.
      expect(stage('prepare')?.summary).toMatch(/\| load balancer \| \S+ \| \S+ \| created \|/);
      expect(stage('launch')?.summary).toMatch(/\| load balancer \| \S+ \| \S+ \| reused \|/);
      // The build's name too: made by prepare, read by launch.
      expect(stage('prepare')?.summary).toMatch(/\| DNS record \| \S+ \| A alias in \S+ \| created \|/);
      expect(stage('launch')?.summary).toMatch(/\| DNS record \| \S+ \| A alias in \S+ \| reused \|/);
      const graph = stage('cutover')?.summary ?? '';
      expect(graph).toContain('```mermaid');
      expect(graph).toMatch(/prepare\[.*\] --> launch/);
      expect(graph).toMatch(/bake\[.*\] --> tag/);
    }
    expect(created(first!, 'CreateLoadBalancer')).toBe(ROLES.length);
    // The zone is looked up once per role, by prepare: launch and cutover take its hosted-zone output.
    expect(created(first!, 'ListHostedZonesByName')).toBe(ROLES.length);
  });

  it('creates no new image when nothing changed', () => {
    const second = runs[1]!;
    expect(describeRunFailure(second.result)).toBe('');
    expect(created(second, 'CreateImage')).toBe(0);
    for (const stages of stageOutputs(second.result).values())
      expect(stages['bake']?.['cache-hit']).toBe('true');
  });

  it('rebakes only the role that changed', () => {
    const third = runs[2]!;
    expect(describeRunFailure(third.result)).toBe('');
    expect(created(third, 'CreateImage')).toBe(1);
    const stages = stageOutputs(third.result);
    expect(stages.get('web')?.['bake']?.['cache-hit']).toBe('false');
    expect(stages.get('api')?.['bake']?.['cache-hit']).toBe('true');
    expect(stages.get('worker')?.['bake']?.['cache-hit']).toBe('true');
  });

  it("keeps the other roles released when one role's launch fails, and cleans up that role's build", () => {
    const fourth = runs[3]!;
    expect(fourth.result.result).toBe('failure');
    const stages = stageOutputs(fourth.result);
    expect(stages.get('worker')?.['launch']?.['result']).toBe('failure');
    expect(stages.get('api')?.['cutover']?.['result']).toBe('success');
    expect(stages.get('web')?.['cutover']?.['result']).toBe('success');
    const leftovers = sandbox
      .inventory()
      .filter((item) => item.tags['immut:role'] === 'worker' && item.tags['immut:build'] === 'b000004')
      .filter((item) => !['terminated', 'shutting-down', 'deleted'].includes(item.state ?? ''))
      .filter((item) => item.kind !== 'image' && item.kind !== 'snapshot');
    expect(leftovers).toEqual([]);
  });

  it('releases a world of several chunks through the chunk workflow, chunk after chunk, and records every role', () => {
    const fifth = runs[4]!;
    expect(describeRunFailure(fifth.result)).toBe('');
    expect(fifth.result.jobs.find((j) => j.jobId === 'release')?.result).toBe('skipped');
    const chunks = fifth.result.jobs.filter((j) => j.jobId === 'chunks');
    expect(chunks.map((j) => [j.name, j.result])).toEqual([
      ['chunk 1', 'success'],
      ['chunk 2', 'success'],
    ]);
    // Chunks run one after another (max-parallel 1): the second starts after the first ended.
    expect(chunks[1]!.startedAt ?? 0).toBeGreaterThanOrEqual(
      (chunks[0]!.startedAt ?? Infinity) + chunks[0]!.durationMs,
    );
    const released = chunks.flatMap((chunk) =>
      chunk
        .called!.jobs.filter((j) => j.called)
        .map((j) => [chunk.name, String(j.matrix?.['role']), j.result]),
    );
    // The runner lists a chunk's legs in the order they finished, which varies: compare sorted.
    released.sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
    expect(released).toEqual([
      ['chunk 1', 'api', 'success'],
      ['chunk 1', 'web', 'success'],
      ['chunk 2', 'worker', 'success'],
    ]);
    const record = fifth.result.jobs.find((j) => j.jobId === 'record');
    const manifest = JSON.parse(
      record?.outputs['manifest'] ?? record?.steps.at(-1)?.outputs['manifest'] ?? '{}',
    ) as { roles?: Record<string, { tag?: string }> };
    expect(
      Object.fromEntries(Object.entries(manifest.roles ?? {}).map(([role, r]) => [role, r.tag])),
    ).toEqual({
      api: 'immut/prod/api/b000005',
      web: 'immut/prod/web/b000005',
      worker: 'immut/prod/worker/b000005',
    });
  });
});
