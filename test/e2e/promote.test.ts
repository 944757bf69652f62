// promote.yml through the local workflow runner against the sandbox: a staging release of the
// example world's worker role (release.yml), promoted to prod unchanged — the same image, no
// bake — and a staging release that never went live, refused by the gate before anything is made.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { manifestDigest, readManifest } from '@immut/core/manifest';
import { parseWorld, planWorld } from '@immut/core/world';
import type { CallRecord, Sandbox } from '@immut/sandbox';
import { runWorkflow } from '@immut/workflow-runner';
import type { WorkflowRunResult } from '@immut/workflow-runner';
import { REPO_ROOT, runAction } from '@immut/action-runner';
import {
  ADMIN_CREDENTIALS,
  WORKFLOW_TIME_SCALE,
  grantScope,
  machineEnv,
  sandboxEnv,
  startE2eSandbox,
  workflowRoles,
} from '@immut/test-support/sandbox';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/immut-test';
const STAGING_NAME = 'worker.staging.example.test';
const PROD_NAME = 'worker.prod.example.test';
let sandbox: Sandbox;
let consumer: string;
const results: Record<string, WorkflowRunResult> = {};
let promotionCalls: CallRecord[] = [];
let refusedCalls: CallRecord[] = [];
let imageTags: Record<string, string> = {};

function github(runNumber: number): Record<string, string> {
  return {
    repository: 'acme/shop',
    sha: 'd'.repeat(40),
    run_id: String(8000 + runNumber),
    run_number: String(runNumber),
    run_attempt: '1',
    api_url: sandbox.endpoint,
  };
}

/** The worker role of the example world, as release.yml inputs. */
function workerInputs(): Record<string, string> {
  const plan = planWorld(parseWorld(readFileSync(path.join(consumer, 'immut.world.yml'), 'utf8'))).find(
    (p) => p.role === 'worker',
  );
  if (!plan) throw new Error('no worker role in the example world');
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(plan)) {
    if (value !== undefined) inputs[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return inputs;
}

async function run(
  file: string,
  event: 'workflow_call' | 'workflow_dispatch',
  inputs: Record<string, string>,
  runNumber: number,
): Promise<WorkflowRunResult> {
  return runWorkflow({
    workflowFile: file,
    event,
    inputs: { ...inputs, 'aws-role-arn': ROLE_ARN },
    repoRoot: REPO_ROOT,
    workspaceSource: consumer,
    env: { ...machineEnv(sandbox), PATH: process.env['PATH'] ?? '' },
    awsRoles: workflowRoles(sandbox, ROLE_ARN),
    github: github(runNumber),
    autoApproveEnvironments: true,
    log: () => undefined,
  });
}

function promoteInputs(worker: Record<string, string>, release: string): Record<string, string> {
  return {
    release,
    env: 'prod',
    region: worker['region'] ?? '',
    'source-zone': worker['zone'] ?? '',
    'source-dns-name': STAGING_NAME,
    count: worker['count'] ?? '1',
    'subnet-ids': worker['subnet-ids'] ?? '',
    'security-group-ids': worker['security-group-ids'] ?? '',
    'lb-security-group-ids': worker['lb-security-group-ids'] ?? '',
    zone: worker['zone'] ?? '',
    'dns-name': PROD_NAME,
    flags: 'LOG_LEVEL=warn',
  };
}

function job(result: WorkflowRunResult | undefined, id: string) {
  return result?.jobs.find((j) => j.jobId === id);
}

async function tagsOf(imageId: string): Promise<Record<string, string>> {
  const ec2 = new EC2Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { ...ADMIN_CREDENTIALS },
  });
  try {
    const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
    return Object.fromEntries((image?.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  } finally {
    ec2.destroy();
  }
}

beforeAll(async () => {
  sandbox = await startE2eSandbox({ seed: 'default', timeScale: WORKFLOW_TIME_SCALE });
  consumer = mkdtempSync(path.join(tmpdir(), 'immut-promote-e2e-'));
  cpSync(path.join(REPO_ROOT, 'examples', 'consumer'), consumer, { recursive: true });
  const worker = workerInputs();
  grantScope(sandbox, { recordNames: [STAGING_NAME, PROD_NAME] });

  const staging = { ...worker, env: 'staging', 'dns-name': STAGING_NAME };
  results['staging'] = await run('.github/workflows/release.yml', 'workflow_call', staging, 1);

  let from = sandbox.calls().at(-1)?.seq ?? 0;
  // Prod has a data layer of its own: the replica comes from prod's source, app-db.
  results['promote'] = await run(
    '.github/workflows/promote.yml',
    'workflow_dispatch',
    {
      ...promoteInputs(worker, 'immut/staging/worker/b000001'),
      'source-db': 'app-db',
      from: 'latest-snapshot',
    },
    2,
  );
  promotionCalls = sandbox.calls().filter((c) => c.seq > from);
  imageTags = await tagsOf(job(results['staging'], 'bake')?.outputs['image-id'] ?? '');

  // A staging release recorded but never cut over: its own tag for the same image.
  const bake = job(results['staging'], 'bake')?.outputs ?? {};
  await runAction('tag-release', {
    inputs: {
      role: 'worker',
      env: 'staging',
      build: 'b000003',
      'image-id': bake['image-id'] ?? '',
      fingerprint: bake['fingerprint'] ?? '',
      'base-image-id': bake['base-image-id'] ?? '',
      'app-version': worker['app-version'] ?? '',
    },
    env: {
      ...sandboxEnv(sandbox, 'tag-release'),
      GITHUB_API_URL: sandbox.endpoint,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'd'.repeat(40),
    },
  });
  from = sandbox.calls().at(-1)?.seq ?? 0;
  results['refused'] = await run(
    '.github/workflows/promote.yml',
    'workflow_dispatch',
    promoteInputs(worker, 'immut/staging/worker/b000003'),
    4,
  );
  refusedCalls = sandbox.calls().filter((c) => c.seq > from);
  results['forced'] = await run(
    '.github/workflows/promote.yml',
    'workflow_dispatch',
    { ...promoteInputs(worker, 'immut/staging/worker/b000003'), force: 'true' },
    5,
  );
}, 240_000);

afterAll(async () => {
  await sandbox?.stop();
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('promote.yml through the local runner', () => {
  it('with force, promotes the never-live release and its manifest says so', () => {
    const forced = results['forced'];
    expect(forced?.result).toBe('success');
    const manifest = readManifest(job(forced, 'tag')?.outputs['manifest'] ?? '');
    expect(job(forced, 'tag')?.outputs['tag']).toBe('immut/prod/worker/b000003');
    expect(manifest.promotedFrom?.tag).toBe('immut/staging/worker/b000003');
    expect(manifest.promotedFrom?.forced).toBe(true);
  });

  it('promotes the live staging release to prod with the same image, baking nothing', () => {
    expect(results['staging']?.result).toBe('success');
    const promote = results['promote'];
    expect(promote?.result).toBe('success');
    expect(promote?.jobs.map((j) => j.jobId).sort()).toEqual([
      'cutover',
      'gate',
      'launch',
      'replicate',
      'retire',
      'tag',
      'unshare',
    ]);
    // No retire-keep, and one account: nothing to retire, nothing shared to take back.
    expect(job(promote, 'retire')?.result).toBe('skipped');
    expect(job(promote, 'unshare')?.result).toBe('skipped');
    expect(job(promote, 'replicate')?.result).toBe('success');
    expect(promotionCalls.filter((c) => c.operation === 'CreateImage')).toEqual([]);
    // The promoted build was launched (its fleet), from the staging image.
    expect(promotionCalls.filter((c) => c.operation === 'CreateAutoScalingGroup').length).toBe(1);
    const source = readManifest(job(results['staging'], 'tag')?.outputs['manifest'] ?? '');
    const manifest = readManifest(job(promote, 'tag')?.outputs['manifest'] ?? '');
    expect(job(promote, 'tag')?.outputs['tag']).toBe('immut/prod/worker/b000001');
    expect(manifest.env).toBe('prod');
    expect(manifest.image.id).toBe(source.image.id);
    expect(manifest.image.id).toBe(job(results['staging'], 'bake')?.outputs['image-id']);
    expect(manifest.promotedFrom).toEqual({
      tag: 'immut/staging/worker/b000001',
      manifestDigest: manifestDigest(source),
    });
    expect(manifest.flags).toEqual({ LOG_LEVEL: 'warn' });
    // A fresh prod replica, from prod's source (the staging release had none).
    expect(source.data).toBeUndefined();
    expect(manifest.data?.instance).toBe('prod-worker-b000001');
    expect(manifest.data?.from).toContain('app-db');
    expect(imageTags['immut:used-by:prod']).toBe('b000001');
    expect(imageTags['immut:env']).toBe('staging');
  });

  it('moves the prod name to the promoted build', () => {
    const cutover = promotionCalls.filter(
      (c) =>
        c.operation === 'ChangeResourceRecordSets' &&
        JSON.stringify(c.params).includes(`_immut-history.${PROD_NAME}`),
    );
    expect(cutover.length).toBeGreaterThan(0);
    expect(job(results['promote'], 'cutover')?.result).toBe('success');
    // Zone lookups: the gate's and the tag's (the source role's history), and launch's. The
    // cutover takes launch's hosted-zone output and looks nothing up.
    expect(promotionCalls.filter((c) => c.operation === 'ListHostedZonesByName')).toHaveLength(3);
  });

  it('refuses a staging release that never became live, with a clear message, making nothing', () => {
    const refused = results['refused'];
    expect(refused?.result).toBe('failure');
    expect(job(refused, 'gate')?.result).toBe('failure');
    expect(refused?.jobs.filter((j) => j.result !== 'skipped').map((j) => j.jobId)).toEqual(['gate']);
    const message = (job(refused, 'gate')?.annotations ?? [])
      .concat(job(refused, 'gate')?.steps.flatMap((s) => s.annotations) ?? [])
      .map((a) => a.message)
      .join('\n');
    expect(message).toContain(
      'Refusing to promote immut/staging/worker/b000003 to prod: it never became live in staging',
    );
    expect(message).toContain('force: true');
    expect(refusedCalls.filter((c) => !/^(Describe|List|Get|AssumeRole)/.test(c.operation))).toEqual([]);
  });
});
