// promote.yml across AWS accounts, through the local workflow runner against the sandbox:
// staging in account A (the primary), prod in account B, each job under its account's role
// (the union policy of immut's actions). A staging release of the example world's worker role
// is promoted three times: shared (B launches A's image), copied with B's KMS key (B launches
// its own encrypted copy), shared again while retiring; the retirements in B delete the copy,
// and the source account then takes back the share of a retired build. The gate stays: a
// never-live release is refused in A, and `force` reaches B's manifest. Failure paths: B's run
// against an image A has not shared, a source role that may not share, an image encrypted with
// A's key that B may not use (the copy fails), and a copy with a KMS key B's role may not use.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CopyImageCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { actionPolicy } from '@immut/core/iam-policy';
import { readManifest, type ReleaseManifest } from '@immut/core/manifest';
import { parseWorld, planWorld } from '@immut/core/world';
import { parsePolicyList, seededKeyId, type CallRecord, type Sandbox } from '@immut/sandbox';
import { runWorkflow } from '@immut/workflow-runner';
import type { WorkflowRunResult } from '@immut/workflow-runner';
import { REPO_ROOT, runAction, type ActionRun } from '@immut/action-runner';
import {
  ADMIN_CREDENTIALS,
  SANDBOX_ACCOUNT,
  WORKFLOW_TIME_SCALE,
  documentedIamActions,
  grantScope,
  iamActionsCalled,
  PERMISSIONS,
  machineEnv,
  policyParams,
  startE2eSandbox,
  workflowRoles,
} from '@immut/test-support/sandbox';

const ACCOUNT_B = '210987654321';
const ROLE_A = `arn:aws:iam::${SANDBOX_ACCOUNT}:role/immut-staging`;
const ROLE_B = `arn:aws:iam::${ACCOUNT_B}:role/immut-prod`;
const ADMIN_B = { accessKeyId: 'sandbox-admin-b', secretAccessKey: 'sandbox-admin-b-secret' };
const STAGING_NAME = 'worker.staging.example.test';
const PROD_NAME = 'worker.prod.example.test';
const STAGING_TAG = 'immut/staging/worker/b000001';

let sandbox: Sandbox;
let consumer: string;
let roles: ReturnType<typeof workflowRoles>;
let worker: Record<string, string>;
let stagingImage = '';
const results: Record<string, WorkflowRunResult> = {};
const callsOf: Record<string, CallRecord[]> = {};
let unshared: ActionRun;
let ungranted: ActionRun;
let encrypted = '';
let ungrantedCalls: CallRecord[] = [];
let ungrantedCopy: { id: string; images: Image[] } = { id: '', images: [] };
let refusedShare: ActionRun;
let refusedShareCalls: CallRecord[] = [];
let refusedShareTags: { before: Record<string, string>; after: Record<string, string> } = {
  before: {},
  after: {},
};
let badKey: ActionRun;
/** What DescribeImageAttribute in A showed after each promotion. */
const launchPermissions: Record<string, string[]> = {};
/** The copy in B and what B's servers of its build ran, right after the second promotion. */
let copyState: { image: Image | undefined; servers: string[] } = { image: undefined, servers: [] };

function github(runNumber: number): Record<string, string> {
  return {
    repository: 'acme/shop',
    sha: 'd'.repeat(40),
    run_id: String(9000 + runNumber),
    run_number: String(runNumber),
    run_attempt: '1',
    api_url: sandbox.endpoint,
  };
}

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
    inputs,
    repoRoot: REPO_ROOT,
    workspaceSource: consumer,
    env: { ...machineEnv(sandbox), PATH: process.env['PATH'] ?? '' },
    awsRoles: roles,
    github: github(runNumber),
    autoApproveEnvironments: true,
    log: () => undefined,
  });
}

/** promote.yml's inputs: staging (account A) to prod (account B). */
function promoteInputs(build: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    release: STAGING_TAG,
    env: 'prod',
    build,
    region: worker['region'] ?? '',
    'aws-role-arn': ROLE_B,
    'source-aws-role-arn': ROLE_A,
    'source-zone': worker['zone'] ?? '',
    'source-dns-name': STAGING_NAME,
    count: '1',
    'subnet-ids': worker['subnet-ids'] ?? '',
    'security-group-ids': worker['security-group-ids'] ?? '',
    'lb-security-group-ids': worker['lb-security-group-ids'] ?? '',
    zone: worker['zone'] ?? '',
    'dns-name': PROD_NAME,
    ...extra,
  };
}

function job(result: WorkflowRunResult | undefined, id: string) {
  return result?.jobs.find((j) => j.jobId === id);
}

function manifestOf(name: string): ReleaseManifest {
  return readManifest(job(results[name], 'tag')?.outputs['manifest'] ?? '');
}

function ec2(account: 'A' | 'B'): EC2Client {
  return new EC2Client({
    endpoint: sandbox.endpoint,
    region: worker['region'] ?? 'us-east-1',
    credentials: account === 'A' ? { ...ADMIN_CREDENTIALS } : { ...ADMIN_B },
  });
}

async function inAccount<T>(account: 'A' | 'B', use: (client: EC2Client) => Promise<T>): Promise<T> {
  const client = ec2(account);
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}

const sharedWith = (imageId: string): Promise<string[]> =>
  inAccount('A', async (c) =>
    (
      (await c.send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' })))
        .LaunchPermissions ?? []
    ).flatMap((p) => (p.UserId ? [p.UserId] : [])),
  );

const imageTagsInA = (imageId: string): Promise<Record<string, string>> =>
  inAccount('A', async (c) =>
    Object.fromEntries(
      ((await c.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0]?.Tags ?? []).map(
        (t) => [t.Key ?? '', t.Value ?? ''],
      ),
    ),
  );

async function imagesInB(imageId: string) {
  return inAccount('B', async (c) => {
    try {
      return (await c.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images ?? [];
    } catch (error) {
      if ((error as Error).name === 'InvalidAMIID.NotFound') return [];
      throw error;
    }
  });
}

/** The images B's running servers of a prod build were launched from. */
async function prodServerImages(build: string): Promise<string[]> {
  return inAccount('B', async (c) => {
    const out = await c.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag:immut:env', Values: ['prod'] },
          { Name: 'tag:immut:build', Values: [build] },
          { Name: 'instance-state-name', Values: ['pending', 'running'] },
        ],
      }),
    );
    return [
      ...new Set((out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.ImageId ?? '')),
    ];
  });
}

/** tag-release run directly under a workflow role's credentials. */
function tagAs(roleArn: string, inputs: Record<string, string>): Promise<ActionRun> {
  const role = roles[roleArn];
  return runAction('tag-release', {
    inputs,
    env: {
      ...machineEnv(sandbox, WORKFLOW_TIME_SCALE),
      AWS_ACCESS_KEY_ID: role?.accessKeyId ?? '',
      AWS_SECRET_ACCESS_KEY: role?.secretAccessKey ?? '',
      AWS_REGION: worker['region'] ?? 'us-east-1',
      GITHUB_API_URL: sandbox.endpoint,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'd'.repeat(40),
    },
  });
}

/** tag-release in account B (the target side), as the prod role. */
function tagInB(build: string, inputs: Record<string, string>): Promise<ActionRun> {
  return tagAs(ROLE_B, {
    role: 'worker',
    env: 'prod',
    build,
    'promoted-from': STAGING_TAG,
    'shared-by': SANDBOX_ACCOUNT,
    ...inputs,
  });
}

/** tag-release in account A for env prod (the source side of a promotion), as staging's role. */
function tagInA(build: string, inputs: Record<string, string>): Promise<ActionRun> {
  return tagAs(ROLE_A, { role: 'worker', env: 'prod', build, ...inputs });
}

/** A staging release of `build` recorded (never cut over) for `imageId`. */
async function stagingRelease(build: string, imageId: string): Promise<void> {
  const bake = job(results['staging'], 'bake')?.outputs ?? {};
  const run = await tagAs(ROLE_A, {
    role: 'worker',
    env: 'staging',
    build,
    'image-id': imageId,
    fingerprint: bake['fingerprint'] ?? '',
    'base-image-id': bake['base-image-id'] ?? '',
    'app-version': worker['app-version'] ?? '',
  });
  if (run.exitCode !== 0) throw new Error(`staging release ${build}: ${run.stderr.slice(-500)}`);
}

/** A staging release whose image is a copy of the staging image encrypted with A's own key. */
async function encryptedStagingRelease(build: string): Promise<string> {
  const imageId = await inAccount('A', async (c) => {
    const source = (await c.send(new DescribeImagesCommand({ ImageIds: [stagingImage] }))).Images?.[0];
    const tags = (source?.Tags ?? []).map((t) =>
      t.Key === 'immut:build'
        ? { Key: t.Key, Value: build }
        : t.Key === 'immut:release'
          ? { Key: t.Key, Value: `worker-${build}` }
          : t,
    );
    const copy = await c.send(
      new CopyImageCommand({
        SourceImageId: stagingImage,
        SourceRegion: worker['region'] ?? 'us-east-1',
        Name: `immut-staging-worker-${build}-encrypted`,
        Encrypted: true,
        KmsKeyId: 'alias/immut-sandbox',
        TagSpecifications: [
          { ResourceType: 'image', Tags: tags },
          { ResourceType: 'snapshot', Tags: tags },
        ],
      }),
    );
    const id = copy.ImageId ?? '';
    for (let i = 0; i < 600; i++) {
      const state = (await c.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images?.[0]?.State;
      if (state === 'available') return id;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the encrypted copy ${id} never became available`);
  });
  await stagingRelease(build, imageId);
  return imageId;
}

async function promote(name: string, build: string, runNumber: number, extra: Record<string, string> = {}) {
  const from = sandbox.calls().at(-1)?.seq ?? 0;
  results[name] = await run(
    '.github/workflows/promote.yml',
    'workflow_dispatch',
    promoteInputs(build, extra),
    runNumber,
  );
  callsOf[name] = sandbox.calls().filter((c) => c.seq > from);
  launchPermissions[name] = await sharedWith(stagingImage);
}

beforeAll(async () => {
  sandbox = await startE2eSandbox({
    seed: 'default',
    timeScale: WORKFLOW_TIME_SCALE,
    accounts: [
      {
        id: ACCOUNT_B,
        credentials: { [ADMIN_B.accessKeyId]: ADMIN_B.secretAccessKey },
        iamPolicies: {
          [ADMIN_B.accessKeyId]: parsePolicyList(
            { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
            'admin-b',
          ),
        },
      },
    ],
  });
  consumer = mkdtempSync(path.join(tmpdir(), 'immut-promote-cross-e2e-'));
  cpSync(path.join(REPO_ROOT, 'examples', 'consumer'), consumer, { recursive: true });
  worker = workerInputs();
  grantScope(sandbox, { recordNames: [STAGING_NAME, PROD_NAME] });
  roles = { ...workflowRoles(sandbox, ROLE_A), ...workflowRoles(sandbox, ROLE_B) };

  results['staging'] = await run(
    '.github/workflows/release.yml',
    'workflow_call',
    { ...worker, env: 'staging', 'dns-name': STAGING_NAME, 'aws-role-arn': ROLE_A },
    1,
  );
  stagingImage = job(results['staging'], 'bake')?.outputs['image-id'] ?? '';

  // Before any share, B's run cannot see the image.
  unshared = await tagInB('b000009', {});

  // 1: shared, B launches A's image.
  await promote('shared', 'b000001', 2);
  // 2: copied into B, encrypted with B's own key; retires b000001, whose share A takes back.
  await promote('copied', 'b000002', 3, {
    'kms-key-id': 'alias/immut-sandbox',
    'retire-keep': '1',
    'retire-keep-images': '0',
  });
  const copyId = manifestOf('copied').image.id;
  copyState = { image: (await imagesInB(copyId))[0], servers: await prodServerImages('b000002') };
  // 3: shared again; retires b000002 with its copy.
  await promote('again', 'b000003', 4, { 'retire-keep': '1', 'retire-keep-images': '0' });

  // A copy with account A's key, which B may not use: the copy fails.
  const keyOfA = `arn:aws:kms:${worker['region'] ?? 'us-east-1'}:${SANDBOX_ACCOUNT}:key/${seededKeyId(SANDBOX_ACCOUNT, worker['region'] ?? 'us-east-1')}`;
  badKey = await tagInB('b000008', { 'kms-key-id': keyOfA });

  // The source side under a role without tag-release's ShareImage statement.
  const permissions = PERMISSIONS['tag-release'];
  if (!permissions) throw new Error('no tag-release permissions');
  const key = 'immut-tag-release-no-share';
  sandbox.issueCredentials(key, `${key}-secret`);
  sandbox.iam.set(
    key,
    actionPolicy(
      { ...permissions, iam: permissions.iam.filter((st) => st.sid !== 'ShareImage') },
      policyParams(sandbox, { recordNames: [STAGING_NAME, PROD_NAME] }),
    ),
  );
  const before = await imageTagsInA(stagingImage);
  const from = sandbox.calls().at(-1)?.seq ?? 0;
  refusedShare = await runAction('tag-release', {
    inputs: {
      role: 'worker',
      env: 'prod',
      build: 'b000007',
      'promoted-from': STAGING_TAG,
      'promoted-from-zone': worker['zone'] ?? '',
      'promoted-from-name': STAGING_NAME,
      'share-with': ACCOUNT_B,
    },
    env: {
      ...machineEnv(sandbox, WORKFLOW_TIME_SCALE),
      AWS_ACCESS_KEY_ID: key,
      AWS_SECRET_ACCESS_KEY: `${key}-secret`,
      AWS_REGION: worker['region'] ?? 'us-east-1',
      GITHUB_API_URL: sandbox.endpoint,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'd'.repeat(40),
    },
  });
  refusedShareCalls = sandbox.calls().filter((c) => c.seq > from);
  refusedShareTags = { before, after: await imageTagsInA(stagingImage) };

  // A staging release recorded but never cut over: the gate in A refuses it, force lets it through.
  await stagingRelease('b000004', stagingImage);
  await promote('neverLive', 'b000004', 5, { release: 'immut/staging/worker/b000004' });

  // An image encrypted with A's own key, whose key policy does not let B use it: shared, then
  // B's run must copy it (copy auto: it is encrypted), and the copy fails.
  encrypted = await encryptedStagingRelease('b000006');
  await tagInA('b000006', {
    'promoted-from': 'immut/staging/worker/b000006',
    'promoted-from-zone': worker['zone'] ?? '',
    'promoted-from-name': STAGING_NAME,
    'share-with': ACCOUNT_B,
    force: 'true',
  });
  const beforeCopy = sandbox.calls().at(-1)?.seq ?? 0;
  ungranted = await tagInB('b000006', { 'promoted-from': 'immut/staging/worker/b000006', force: 'true' });
  ungrantedCalls = sandbox.calls().filter((c) => c.seq > beforeCopy);
  const failedCopy = /the copy (ami-[0-9a-f]+)/.exec(
    ungranted.annotations.map((a) => a.message).join('\n'),
  )?.[1];
  ungrantedCopy = { id: failedCopy ?? '', images: failedCopy ? await imagesInB(failedCopy) : [] };
  await promote('forced', 'b000005', 6, { release: 'immut/staging/worker/b000004', force: 'true' });
}, 600_000);

afterAll(async () => {
  await sandbox?.stop();
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('promote.yml into another AWS account', () => {
  it('shares the staging image with account B, which launches it, baking nothing', async () => {
    expect(results['staging']?.result).toBe('success');
    const shared = results['shared'];
    expect(shared?.result).toBe('success');
    expect(callsOf['shared']?.filter((c) => c.operation === 'CreateImage')).toEqual([]);
    expect(callsOf['shared']?.filter((c) => c.operation === 'CopyImage')).toEqual([]);
    expect(launchPermissions['shared']).toEqual([ACCOUNT_B]);
    const manifest = manifestOf('shared');
    expect(job(shared, 'tag')?.outputs['tag']).toBe('immut/prod/worker/b000001');
    expect(manifest.image.id).toBe(stagingImage);
    expect(manifest.image.sharedFrom).toEqual({ account: SANDBOX_ACCOUNT, imageId: stagingImage });
    expect(manifest.image.copiedFrom).toBeUndefined();
    expect(manifest.promotedFrom?.tag).toBe(STAGING_TAG);
    expect(manifest.promotedFrom?.forced).toBeUndefined();
    // The fleet was made in B (its calls carry B's account), from A's image.
    const groups = callsOf['shared']?.filter((c) => c.operation === 'CreateAutoScalingGroup') ?? [];
    expect(groups.map((c) => c.account)).toEqual([ACCOUNT_B]);
    const share = callsOf['shared']?.filter((c) => c.operation === 'ModifyImageAttribute') ?? [];
    // Tried with DryRun first (the source role may share), then made, both in account A.
    expect(
      share.map((c) => [c.account ?? SANDBOX_ACCOUNT, c.params['DryRun'] ?? 'false', c.outcome]),
    ).toEqual([
      [SANDBOX_ACCOUNT, 'true', 'error'],
      [SANDBOX_ACCOUNT, 'false', 'ok'],
    ]);
    expect(
      callsOf['shared']?.filter((c) => c.operation === 'ModifySnapshotAttribute').length,
    ).toBeGreaterThan(0);
  });

  it('copies the image into B encrypted with B’s key when kms-key-id is given, and launches the copy', () => {
    const copied = results['copied'];
    expect(copied?.result).toBe('success');
    const manifest = manifestOf('copied');
    expect(manifest.image.id).not.toBe(stagingImage);
    expect(manifest.image.copiedFrom).toEqual({
      account: SANDBOX_ACCOUNT,
      region: worker['region'],
      imageId: stagingImage,
    });
    expect(manifest.image.sharedFrom).toBeUndefined();
    const copies = callsOf['copied']?.filter((c) => c.operation === 'CopyImage') ?? [];
    expect(copies.map((c) => [c.account, c.params['KmsKeyId'], c.outcome])).toEqual([
      [ACCOUNT_B, 'alias/immut-sandbox', 'ok'],
    ]);
    expect(callsOf['copied']?.filter((c) => c.operation === 'CreateImage')).toEqual([]);
  });

  it('records the copy as immut’s in B, encrypted with B’s key, and B’s servers run it', () => {
    const copyId = manifestOf('copied').image.id;
    const image = copyState.image;
    expect(image?.OwnerId).toBe(ACCOUNT_B);
    expect(image?.State).toBe('available');
    const tags = Object.fromEntries((image?.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
    expect(tags).toMatchObject({
      'immut:managed-by': 'immut',
      'immut:role': 'worker',
      'immut:env': 'prod',
      'immut:build': 'b000002',
      'immut:release': 'worker-b000002',
      'immut:copied-from': stagingImage,
    });
    const ebs = (image?.BlockDeviceMappings ?? []).flatMap((m) => (m.Ebs ? [m.Ebs] : []));
    expect(ebs.length).toBeGreaterThan(0);
    expect(ebs.every((e) => e.Encrypted === true)).toBe(true);
    expect(ebs.every((e) => (e.KmsKeyId ?? '').includes(`:${ACCOUNT_B}:key/`))).toBe(true);
    expect(copyState.servers).toEqual([copyId]);
  });

  it('takes back the share once the prod build running the shared image is retired', () => {
    const copied = results['copied'];
    expect(job(copied, 'retire')?.result).toBe('success');
    expect(JSON.parse(job(copied, 'retire')?.outputs['retired'] ?? '[]')).toEqual(['b000001']);
    expect(job(copied, 'unshare')?.result).toBe('success');
    // The copy holds no share: after b000001 retired, A no longer shares the image with B.
    expect(launchPermissions['copied']).toEqual([]);
    const removed = callsOf['copied']?.filter(
      (c) => c.operation === 'ModifyImageAttribute' && JSON.stringify(c.params).includes('Remove'),
    );
    expect(removed?.map((c) => c.account ?? SANDBOX_ACCOUNT)).toEqual([SANDBOX_ACCOUNT]);
  });

  it('deletes the copy in B when its prod build is retired, and keeps the share the live build uses', async () => {
    const again = results['again'];
    expect(again?.result).toBe('success');
    expect(JSON.parse(job(again, 'retire')?.outputs['retired'] ?? '[]')).toEqual(['b000002']);
    const copyId = manifestOf('copied').image.id;
    expect(await imagesInB(copyId)).toEqual([]);
    const deleted = callsOf['again']?.filter((c) =>
      ['DeregisterImage', 'DeleteSnapshot'].includes(c.operation),
    );
    expect(deleted?.every((c) => c.account === ACCOUNT_B)).toBe(true);
    expect(deleted?.map((c) => c.operation)).toContain('DeregisterImage');
    expect(deleted?.map((c) => c.operation)).toContain('DeleteSnapshot');
    const left = await inAccount('B', async (c) =>
      (
        (
          await c.send(
            new DescribeSnapshotsCommand({
              OwnerIds: ['self'],
              Filters: [{ Name: 'tag:immut:copied-from', Values: [stagingImage] }],
            }),
          )
        ).Snapshots ?? []
      ).map((s) => s.SnapshotId),
    );
    expect(left).toEqual([]);
    // b000003 runs A's image: the share stays, and its servers in B run it.
    expect(launchPermissions['again']).toEqual([ACCOUNT_B]);
    expect(manifestOf('again').image.sharedFrom?.imageId).toBe(stagingImage);
    expect(await prodServerImages('b000003')).toEqual([stagingImage]);
  });

  it('refuses, in B, an image A has not shared, naming the permission to add', () => {
    expect(unshared.exitCode).not.toBe(0);
    const message = unshared.annotations.map((a) => a.message).join('\n');
    expect(message).toContain(`is not visible to this account: it is not shared with it`);
    expect(message).toContain('ec2:ModifyImageAttribute (launchPermission)');
    expect(message).toContain('ec2:ModifySnapshotAttribute (createVolumePermission)');
  });

  it('fails the share, before marking anything, under a source role that may not share', () => {
    expect(refusedShare.exitCode).not.toBe(0);
    const message = refusedShare.annotations.map((a) => a.message).join('\n');
    expect(message).toContain('ec2:ModifyImageAttribute (launchPermission)');
    expect(message).toContain("tag-release's ShareImage statement");
    const refused = refusedShareCalls.filter((c) => c.iam);
    expect(refused.map((c) => [c.operation, c.params['DryRun']])).toEqual([['ModifyImageAttribute', 'true']]);
    expect(refusedShareCalls.filter((c) => c.operation === 'CreateTags')).toEqual([]);
    expect(refusedShareTags.after).toEqual(refusedShareTags.before);
  });

  it('keeps the gate across accounts: refuses a never-live release in A, and force is recorded in B', () => {
    const refused = results['neverLive'];
    expect(refused?.result).toBe('failure');
    expect(refused?.jobs.filter((j) => j.result !== 'skipped').map((j) => j.jobId)).toEqual(['gate']);
    const message = (job(refused, 'gate')?.steps.flatMap((st) => st.annotations) ?? [])
      .map((a) => a.message)
      .join('\n');
    expect(message).toContain(
      'Refusing to promote immut/staging/worker/b000004 to prod: it never became live in staging',
    );
    expect(callsOf['neverLive']?.filter((c) => !/^(Describe|List|Get)/.test(c.operation))).toEqual([]);

    const forced = results['forced'];
    expect(forced?.result).toBe('success');
    expect(job(forced, 'gate')?.outputs['forced']).toBe('true');
    const manifest = manifestOf('forced');
    expect(manifest.promotedFrom).toMatchObject({ tag: 'immut/staging/worker/b000004', forced: true });
    expect(manifest.image.sharedFrom).toEqual({ account: SANDBOX_ACCOUNT, imageId: stagingImage });
  });

  it('copies an image encrypted with A’s key, and fails without A’s key grant, naming it', () => {
    expect(ungranted.exitCode).not.toBe(0);
    const message = ungranted.annotations.map((a) => a.message).join('\n');
    expect(message).toMatch(
      new RegExp(`the copy ami-[0-9a-f]+ of ${encrypted} is failed: .*Copy image failed`),
    );
    expect(message).toContain(
      "the source account's KMS key policy (or a grant) letting this account use that key",
    );
    // B was allowed the copy (IAM); the failed copy is deregistered, and no release names it.
    expect(ungranted.outputs['tag'] ?? '').toBe('');
    const failedCopy = /the copy (ami-[0-9a-f]+)/.exec(message)?.[1] ?? '';
    expect(ungrantedCopy).toEqual({ id: failedCopy, images: [] });
    const dropped = ungrantedCalls.filter((c) => c.operation === 'DeregisterImage');
    expect(dropped.map((c) => [c.account, c.params['ImageId'], c.outcome])).toEqual([
      [ACCOUNT_B, failedCopy, 'ok'],
    ]);
    const documented = documentedIamActions('tag-release');
    expect(iamActionsCalled(ungrantedCalls).filter((a) => !documented.includes(a))).toEqual([]);
    expect(ungrantedCalls.filter((c) => c.iam)).toEqual([]);
  });

  it('fails a copy with a KMS key B may not use, naming the grant', () => {
    expect(badKey.exitCode).not.toBe(0);
    const message = badKey.annotations.map((a) => a.message).join('\n');
    // IAM refuses B's role A's key (its policy names B's keys only), or the copy fails.
    expect(message).toMatch(
      /Could not copy ami-[0-9a-f]+ into this account|copy ami-[0-9a-f]+ of ami-[0-9a-f]+ is failed/,
    );
    expect(message).toContain('kms:CreateGrant');
    expect(message).toContain('key policy');
  });

  it('calls only documented IAM actions in each account', () => {
    const all = Object.values(callsOf).flat();
    const documented = new Set(
      ['tag-release', 'retire-release', 'launch-behind-lb', 'cutover-dns'].flatMap(documentedIamActions),
    );
    expect(iamActionsCalled(all.filter((c) => c.outcome === 'ok')).filter((a) => !documented.has(a))).toEqual(
      [],
    );
    expect(all.filter((c) => c.iam)).toEqual([]);
    // The sharing, copying and unsharing statements are each used (KMS is called by EC2).
    expect(iamActionsCalled(all)).toEqual(
      expect.arrayContaining([
        'ec2:CopyImage',
        'ec2:DeleteTags',
        'ec2:ModifyImageAttribute',
        'ec2:ModifySnapshotAttribute',
      ]),
    );
  });
});
