// promote-world.yml through the local workflow runner against the sandbox: a two-role world
// (web, worker) released twice in staging by rebuild-the-world, the second time with
// worker's launch failing (its release is recorded but never goes live). The first world
// release is promoted to prod: both roles run staging's images there, nothing is baked, and
// prod records its own world release. The second is promoted too: web goes to prod, worker
// is refused by its gate, saying why, and the run fails with prod's world release marking
// worker missing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { readManifest } from '@immut/core/manifest';
import { parseWorld, planWorld } from '@immut/core/world';
import { readWorldRelease } from '@immut/core/world-release';
import type { CallRecord, Sandbox } from '@immut/sandbox';
import { REPO_ROOT } from '@immut/action-runner';
import { runWorkflow, type JobRun, type WorkflowRunResult } from '@immut/workflow-runner';
import {
  ADMIN_CREDENTIALS,
  WORKFLOW_TIME_SCALE,
  grantScope,
  machineEnv,
  startE2eSandbox,
  workflowRoles,
} from '@immut/test-support/sandbox';
import { describeRunFailure } from '@immut/test-support/workflow-failures';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/immut-test';
const ROLES = ['web', 'worker'];
const STAGING_FILE = 'immut.world.staging.yml';
const PROD_FILE = 'immut.world.yml';
let sandbox: Sandbox;
let consumer: string;

interface Run {
  result: WorkflowRunResult;
  calls: CallRecord[];
}
const runs: Record<string, Run> = {};

/** The example world file without api (no PostgreSQL needed); prod's worker gets a data layer. */
function twoRoleWorld(file: string, edit: (world: Record<string, unknown>) => void = () => undefined): void {
  const world = parseYaml(readFileSync(path.join(REPO_ROOT, 'examples', 'consumer', file), 'utf8')) as {
    roles: Record<string, unknown>;
  };
  delete world.roles['api'];
  edit(world);
  writeFileSync(path.join(consumer, file), stringify(world));
}

async function run(workflowFile: string, inputs: Record<string, string>, runNumber: number): Promise<Run> {
  const before = sandbox.calls().length;
  const result = await runWorkflow({
    workflowFile,
    event: 'workflow_dispatch',
    inputs: { ...inputs, 'aws-role-arn': ROLE_ARN },
    repoRoot: REPO_ROOT,
    workspaceSource: consumer,
    env: { ...machineEnv(sandbox), PATH: process.env['PATH'] ?? '' },
    awsRoles: workflowRoles(sandbox, ROLE_ARN),
    github: {
      repository: 'acme/shop',
      sha: 'e'.repeat(40),
      run_id: String(9000 + runNumber),
      run_number: String(runNumber),
      run_attempt: '1',
      api_url: sandbox.endpoint,
    },
    autoApproveEnvironments: true,
    log: () => undefined,
  });
  return { result, calls: sandbox.calls().slice(before) };
}

const rebuildStaging = (runNumber: number) =>
  run('.github/workflows/rebuild-the-world.yml', { 'world-file': STAGING_FILE }, runNumber);

const promoteWorld = (release: string, runNumber: number) =>
  run(
    '.github/workflows/promote-world.yml',
    { release, 'source-world-file': STAGING_FILE, 'world-file': PROD_FILE },
    runNumber,
  );

/** The matrix leg of `role` in a top-level run, and a job of the workflow it called. */
function leg(result: WorkflowRunResult | undefined, role: string): JobRun | undefined {
  return result?.jobs.find((j) => j.called && j.matrix?.['role'] === role);
}
function stage(result: WorkflowRunResult | undefined, role: string, jobId: string): JobRun | undefined {
  return leg(result, role)?.called?.jobs.find((j) => j.jobId === jobId);
}
const top = (result: WorkflowRunResult | undefined, jobId: string) =>
  result?.jobs.find((j) => j.jobId === jobId && !j.called);

function messages(job: JobRun | undefined): string {
  return (job?.annotations ?? [])
    .concat(job?.steps.flatMap((s) => s.annotations) ?? [])
    .map((a) => a.message)
    .join('\n');
}

/** The image each running prod server of a role was launched from. */
async function prodImages(): Promise<Record<string, string[]>> {
  const ec2 = new EC2Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { ...ADMIN_CREDENTIALS },
  });
  try {
    const out = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag:immut:env', Values: ['prod'] },
          { Name: 'instance-state-name', Values: ['pending', 'running'] },
        ],
      }),
    );
    const images: Record<string, string[]> = {};
    for (const instance of (out.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      const role = instance.Tags?.find((t) => t.Key === 'immut:role')?.Value ?? '?';
      images[role] = [...new Set([...(images[role] ?? []), instance.ImageId ?? ''])].sort();
    }
    return images;
  } finally {
    ec2.destroy();
  }
}
let imagesAfterFirst: Record<string, string[]> = {};

beforeAll(async () => {
  sandbox = await startE2eSandbox({ seed: 'default', timeScale: WORKFLOW_TIME_SCALE });
  consumer = mkdtempSync(path.join(tmpdir(), 'immut-promote-world-e2e-'));
  cpSync(path.join(REPO_ROOT, 'examples', 'consumer'), consumer, { recursive: true });
  twoRoleWorld(STAGING_FILE);
  // Prod's worker has a data layer of its own, which staging's has not: the target world's
  // settings are what each promotion runs with.
  twoRoleWorld(PROD_FILE, (world) => {
    const roles = world['roles'] as Record<string, Record<string, unknown>>;
    roles['worker'] = { ...roles['worker'], 'source-db': 'app-db', from: 'latest-snapshot' };
  });
  const names = [STAGING_FILE, PROD_FILE].flatMap((file) =>
    planWorld(parseWorld(readFileSync(path.join(consumer, file), 'utf8'))).flatMap((p) => [
      p['dns-name'],
      `${p.role}.${p.env}.${p.zone}`,
    ]),
  );
  grantScope(sandbox, { recordNames: names });

  runs['staging1'] = await rebuildStaging(1);
  // Worker's second staging release never goes live: its targets never get healthy.
  sandbox.addFaults([{ kind: 'target-never-healthy', match: { targetGroupName: 'staging-worker-b000002' } }]);
  runs['staging2'] = await rebuildStaging(2);
  runs['prod1'] = await promoteWorld('immut/staging/world/b000001', 3);
  imagesAfterFirst = await prodImages();
  runs['prod2'] = await promoteWorld('immut/staging/world/b000002', 4);
}, 420_000);

afterAll(async () => {
  await sandbox?.stop();
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('promote-world.yml through the local runner', () => {
  it("needs nothing beyond the generated policy: IAM refuses none of the role's calls", () => {
    const refused = Object.values(runs)
      .flatMap((r) => r.calls)
      .filter((c) => c.iam)
      .map((c) => `${c.iam?.action} on ${c.iam?.resource}`);
    expect([...new Set(refused)]).toEqual([]);
  });

  it('starts from a world released in staging, then one whose worker never went live', () => {
    expect(describeRunFailure(runs['staging1']!.result)).toBe('');
    expect(runs['staging2']?.result.result).toBe('failure');
    expect(stage(runs['staging2']?.result, 'worker', 'tag')?.result).toBe('success');
    expect(stage(runs['staging2']?.result, 'worker', 'launch')?.result).toBe('failure');
    expect(stage(runs['staging2']?.result, 'web', 'cutover')?.result).toBe('success');
  });

  it('promotes every role of the world release in one run, one matrix leg per role', () => {
    const { result } = runs['prod1']!;
    expect(describeRunFailure(result)).toBe('');
    expect(result.jobs.filter((j) => j.called).map((j) => j.matrix?.['role'])).toEqual(
      expect.arrayContaining(ROLES),
    );
    expect(result.jobs.filter((j) => j.called)).toHaveLength(2);
    for (const role of ROLES) {
      expect(leg(result, role)?.name).toBe(role);
      const source = readManifest(stage(runs['staging1']?.result, role, 'tag')?.outputs['manifest'] ?? '');
      const promoted = readManifest(stage(result, role, 'tag')?.outputs['manifest'] ?? '');
      expect(stage(result, role, 'tag')?.outputs['tag']).toBe(`immut/prod/${role}/b000001`);
      expect(promoted.image.id).toBe(source.image.id);
      expect(promoted.promotedFrom?.tag).toBe(`immut/staging/${role}/b000001`);
      expect(stage(result, role, 'cutover')?.result).toBe('success');
    }
    // The target world's settings: prod's worker got a replica of prod's source.
    const worker = readManifest(stage(result, 'worker', 'tag')?.outputs['manifest'] ?? '');
    expect(worker.data?.instance).toBe('prod-worker-b000001');
    expect(stage(result, 'web', 'replicate')?.result).toBe('skipped');
  });

  it("runs staging's images on every prod server, baking nothing", () => {
    const { calls } = runs['prod1']!;
    expect(calls.filter((c) => ['CreateImage', 'CopyImage'].includes(c.operation))).toEqual([]);
    for (const role of ROLES) {
      const image = stage(runs['staging1']?.result, role, 'bake')?.outputs['image-id'];
      expect(image).toMatch(/^ami-/);
      expect(imagesAfterFirst[role]).toEqual([image]);
    }
  });

  it("records prod's world release, listing each promoted role's release", () => {
    const record = top(runs['prod1']?.result, 'record');
    expect(record?.outputs['tag']).toBe('immut/prod/world/b000001');
    const manifest = readWorldRelease(
      record?.steps.find((s) => s.outputs['manifest'])?.outputs['manifest'] ?? '',
    );
    expect(manifest.env).toBe('prod');
    expect(Object.keys(manifest.roles).sort()).toEqual(ROLES);
    for (const role of ROLES)
      expect(manifest.roles[role]).toMatchObject({ status: 'released', tag: `immut/prod/${role}/b000001` });
  });

  it('refuses the never-live role with a clear message, promotes the other, and fails the run', () => {
    const { result, calls } = runs['prod2']!;
    expect(result.result).toBe('failure');
    expect(stage(result, 'web', 'cutover')?.result).toBe('success');
    expect(stage(result, 'worker', 'gate')?.result).toBe('failure');
    expect(messages(stage(result, 'worker', 'gate'))).toContain(
      'Refusing to promote immut/staging/worker/b000002 to prod: it never became live in staging',
    );
    expect(
      leg(result, 'worker')
        ?.called?.jobs.filter((j) => j.result !== 'skipped')
        .map((j) => j.jobId),
    ).toEqual(['gate']);
    // Nothing of worker's was made in prod.
    expect(JSON.stringify(calls.filter((c) => !/^(Describe|List|Get)/.test(c.operation)))).not.toContain(
      'prod-worker-b000002',
    );
    const record = top(result, 'record');
    expect(record?.result).toBe('failure');
    expect(messages(record)).toContain(
      'World release immut/prod/world/b000002 was recorded with 1 of 2 role(s) missing: worker',
    );
    expect(messages(record)).toContain('their promotion from immut/staging/world/b000002 was refused');
  });
});
