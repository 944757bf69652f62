// bake-image with an application artifact, end to end: the BUILT bundle against the
// sandbox's S3 and EC2, under bake-image's generated policy. The pack is staged once per
// digest (a single PUT, or multipart when large), the builder fetches it through the
// presigned URL and checks its sha256 before anything runs; the digest is part of the
// fingerprint (same artifact: cache hit, one byte changed: a new bake) and of the image's
// tags; a staged object that no longer matches its digest fails the bake with no image left.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateBucketCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { packArtifact } from '@immut/core/artifact';
import type { CallRecord, FaultSpec, S3Service, Sandbox } from '@immut/sandbox';
import {
  describeRun,
  errorsOf,
  runAction,
  runActionWithPost,
  type ActionRun,
  type RunOptions,
} from '@immut/action-runner';
import {
  adminClientConfig,
  documentedIamActions,
  iamActionsCalled,
  sandboxEnv,
  startE2eSandbox,
  SANDBOX_ACCOUNT,
} from '@immut/test-support/sandbox';

const ACTION = 'bake-image';
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = 'deploy/api/provision.sh';
const BUCKET = `immut-staging-${SANDBOX_ACCOUNT}-us-east-1`;
const INPUTS: Record<string, string> = {
  role: 'api',
  env: 'prod',
  'base-image': 'ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  provision: SCRIPT,
  'app-version': '1.2.3',
  artifact: 'app/',
};
const READ = { input: 'artifact', expected: 'workspace paths' };

const sandboxes: Sandbox[] = [];
const workspaces: string[] = [];
/** Calls of every bake-image run (for the permissions check), by sandbox. */
const actionCalls: CallRecord[] = [];

async function sandbox(faults: FaultSpec[] = []): Promise<Sandbox> {
  const sb = await startE2eSandbox({ faults });
  sandboxes.push(sb);
  return sb;
}

/** A workspace with the provisioning script and an app directory. */
function workspace(
  server = 'require("node:http").createServer((q, s) => s.end("ok")).listen(8080);\n',
): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'immut-artifact-ws-'));
  workspaces.push(dir);
  mkdirSync(path.join(dir, 'deploy/api'), { recursive: true });
  mkdirSync(path.join(dir, 'app/lib'), { recursive: true });
  writeFileSync(
    path.join(dir, SCRIPT),
    '#!/bin/bash\nset -euo pipefail\ntest -f "$IMMUT_APP_DIR/app/server.js"\n',
  );
  writeFileSync(path.join(dir, 'app/server.js'), server);
  writeFileSync(path.join(dir, 'app/lib/flags.js'), 'module.exports = {};\n');
  return dir;
}

function options(sb: Sandbox, cwd: string, inputs: Record<string, string> = {}): RunOptions {
  return {
    inputs: { ...INPUTS, timeout: '24h', ...inputs },
    env: { ...sandboxEnv(sb, ACTION) },
    cwd,
    timeoutMs: 90_000,
  };
}

/** Runs a step on a cleared call log and keeps its calls (for the permissions check unless told not to). */
async function recorded<R>(
  sb: Sandbox,
  step: () => Promise<R>,
  keepCalls = true,
): Promise<{ run: R; calls: CallRecord[] }> {
  sb.clearCalls();
  const run = await step();
  const calls = sb.calls();
  if (keepCalls) actionCalls.push(...calls);
  return { run, calls };
}

const bakeRun = (sb: Sandbox, ws: string, inputs: Record<string, string> = {}, keepCalls = true) =>
  recorded(sb, () => runAction(ACTION, options(sb, ws, inputs)), keepCalls);

const bakeRunWithPost = (sb: Sandbox, ws: string, inputs: Record<string, string> = {}) =>
  recorded(sb, () => runActionWithPost(ACTION, options(sb, ws, inputs)));

const ops = (calls: CallRecord[], service: string, operation: string): CallRecord[] =>
  calls.filter((c) => c.service === service && c.operation === operation && c.outcome === 'ok');
const uploads = (calls: CallRecord[]): CallRecord[] =>
  calls.filter(
    (c) =>
      c.service === 's3' && /^(PutObject|CreateMultipartUpload)$/.test(c.operation) && c.outcome === 'ok',
  );
/** The builder's GET: presigned, so it carries no Authorization header, only the query signature. */
const presignedGets = (calls: CallRecord[]): CallRecord[] =>
  calls.filter((c) => c.service === 's3' && c.operation === 'GetObject' && c.params['Presigned'] === true);

function expectSuccess(run: ActionRun): void {
  if (run.exitCode !== 0) throw new Error(describeRun(run));
}

const imagesOf = (sb: Sandbox) => sb.inventory().filter((i) => i.kind === 'image');
const s3Of = (sb: Sandbox): S3Service => sb.services.find((s) => s.name === 's3') as S3Service;

async function admin<T>(sb: Sandbox, fn: (s3: S3Client) => Promise<T>): Promise<T> {
  const s3 = new S3Client({ ...adminClientConfig(sb), forcePathStyle: true });
  try {
    return await fn(s3);
  } finally {
    s3.destroy();
  }
}

// --- scenarios ----------------------------------------------------------------------------

async function stagedScenario() {
  const sb = await sandbox();
  const ws = workspace();
  const first = await bakeRunWithPost(sb, ws);
  const second = await bakeRun(sb, ws, { build: 'b000002' });
  writeFileSync(path.join(ws, 'app/lib/flags.js'), 'module.exports = {}; \n');
  const changed = await bakeRun(sb, ws, { build: 'b000003' });
  return { sb, ws, first, second, changed };
}

async function multipartScenario() {
  const sb = await sandbox();
  const ws = workspace();
  // Incompressible, so the pack is over lib-storage's 8 MiB part size.
  writeFileSync(path.join(ws, 'app/lib/blob.bin'), randomBytes(9 * 1024 * 1024));
  const bake = await bakeRun(sb, ws);
  return { sb, bake };
}

/** The staged object was overwritten (same size, one byte flipped) before a bake reused it. */
async function tamperedScenario() {
  const sb = await sandbox();
  const ws = workspace();
  const pack = packArtifact(ws, ['app/'], READ);
  const tampered = Buffer.from(pack.bytes);
  tampered[tampered.length - 9] = tampered[tampered.length - 9]! ^ 0xff;
  await admin(sb, async (s3) => {
    await s3.send(
      new CreateBucketCommand({
        Bucket: BUCKET,
        CreateBucketConfiguration: {
          Tags: [
            { Key: 'immut:managed-by', Value: 'immut' },
            { Key: 'immut:component', Value: 'artifact-staging' },
          ],
        },
      }),
    );
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `artifacts/${pack.sha256}.tar.gz`, Body: tampered }),
    );
  });
  const bake = await bakeRunWithPost(sb, ws);
  return { sb, pack, bake };
}

/** immut's bucket name exists in this account without immut's tags, or in another account. */
async function notOursScenario() {
  const untagged = await sandbox();
  await admin(untagged, (s3) => s3.send(new CreateBucketCommand({ Bucket: BUCKET })));
  const foreign = await sandbox();
  s3Of(foreign).addForeignBucket(BUCKET, '999999999999');
  const ws = workspace();
  return {
    untagged: await bakeRun(untagged, ws),
    untaggedSb: untagged,
    // Refused by IAM (s3:ResourceAccount), as it should be: kept out of the permissions check.
    foreign: await bakeRun(foreign, ws, {}, false),
    foreignSb: foreign,
  };
}

/** S3 fails the builder's download: twice with 503 SlowDown (curl retries), or for good with 403. */
async function downloadScenario() {
  const flakySb = await sandbox([
    { service: 's3', operation: 'GetObject', error: 'SlowDown', status: 503, times: 2 },
  ]);
  const deniedSb = await sandbox([
    { service: 's3', operation: 'GetObject', error: 'AccessDenied', status: 403 },
  ]);
  return {
    flaky: await bakeRun(flakySb, workspace()),
    denied: await bakeRunWithPost(deniedSb, workspace()),
    deniedSb,
  };
}

/** The example consumer's api role, as its world file bakes it: the real app and provision.sh. */
async function exampleScenario() {
  const sb = await sandbox();
  const ws = mkdtempSync(path.join(os.tmpdir(), 'immut-artifact-example-'));
  workspaces.push(ws);
  cpSync(path.join(REPO_ROOT, 'examples/consumer'), ws, { recursive: true });
  const bake = await bakeRun(sb, ws, { provision: 'roles/api/provision.sh', artifact: 'app/api' });
  const imageId = bake.run.outputs['image-id'];
  return { sb, bake, content: imageId ? sb.imageContent(imageId) : undefined };
}

let example: Awaited<ReturnType<typeof exampleScenario>>;
let download: Awaited<ReturnType<typeof downloadScenario>>;
let staged: Awaited<ReturnType<typeof stagedScenario>>;
let multipart: Awaited<ReturnType<typeof multipartScenario>>;
let tampered: Awaited<ReturnType<typeof tamperedScenario>>;
let notOurs: Awaited<ReturnType<typeof notOursScenario>>;

beforeAll(async () => {
  [staged, multipart, tampered, notOurs, download, example] = await Promise.all([
    stagedScenario(),
    multipartScenario(),
    tamperedScenario(),
    notOursScenario(),
    downloadScenario(),
    exampleScenario(),
  ]);
}, 600_000);

afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.stop()));
  for (const w of workspaces) rmSync(w, { recursive: true, force: true });
});

describe('bake-image with an artifact', () => {
  it('stages the pack once, in a private, encrypted, expiring bucket of its own', async () => {
    const { sb, first } = staged;
    expectSuccess(first.run.main);
    const sha = first.run.main.outputs['artifact-sha256'];
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const puts = uploads(first.calls);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.params).toMatchObject({ Bucket: BUCKET, Key: `artifacts/${sha}.tar.gz` });
    await admin(sb, async (s3) => {
      const tags = await s3.send(new GetBucketTaggingCommand({ Bucket: BUCKET }));
      expect(Object.fromEntries((tags.TagSet ?? []).map((t) => [t.Key, t.Value]))).toMatchObject({
        'immut:managed-by': 'immut',
        'immut:component': 'artifact-staging',
        'immut:staging-config': '1',
      });
      const pab = await s3.send(new GetPublicAccessBlockCommand({ Bucket: BUCKET }));
      expect(Object.values(pab.PublicAccessBlockConfiguration ?? {})).toEqual([true, true, true, true]);
      const enc = await s3.send(new GetBucketEncryptionCommand({ Bucket: BUCKET }));
      expect(
        enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
      ).toBe('AES256');
      const rules = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: BUCKET }));
      expect(rules.Rules?.[0]).toMatchObject({
        Status: 'Enabled',
        Filter: { Prefix: 'artifacts/' },
        Expiration: { Days: 1 },
      });
      const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `artifacts/${sha}.tar.gz` }));
      const bytes = Buffer.from(await object.Body!.transformToByteArray());
      // The workspace has changed since (the one-byte scenario): the object is what was packed then.
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
    });
  });

  it('lets the builder fetch the pack through one presigned GET with a matching digest, never with credentials', () => {
    const { first } = staged;
    const gets = presignedGets(first.calls);
    expect(gets).toHaveLength(1);
    expect(gets[0]).toMatchObject({
      outcome: 'ok',
      params: { Bucket: BUCKET, Key: `artifacts/${first.run.main.outputs['artifact-sha256']}.tar.gz` },
    });
    expect(first.run.main.logLines.join('\n')).toMatch(
      /immut: artifact [0-9a-f]{64} unpacked to \/opt\/immut\/app/,
    );
  });

  it('records the digest on the image and keeps the staged object after post (it expires by lifecycle)', async () => {
    const { sb, first } = staged;
    const sha = first.run.main.outputs['artifact-sha256'];
    const ec2 = new EC2Client(adminClientConfig(sb));
    try {
      const out = await ec2.send(
        new DescribeImagesCommand({ ImageIds: [first.run.main.outputs['image-id']!] }),
      );
      const tags = Object.fromEntries((out.Images?.[0]?.Tags ?? []).map((t) => [t.Key, t.Value]));
      expect(tags['immut:artifact']).toBe(sha);
    } finally {
      ec2.destroy();
    }
    expect(first.run.post?.exitCode).toBe(0);
    expect(s3Of(sb).bucket(BUCKET)?.objects[`artifacts/${sha}.tar.gz`]).toBeDefined();
  });

  it('is a cache hit with no upload when the same artifact is baked again', () => {
    const { first, second } = staged;
    expectSuccess(second.run);
    expect(second.run.outputs['cache-hit']).toBe('true');
    expect(second.run.outputs['image-id']).toBe(first.run.main.outputs['image-id']);
    expect(uploads(second.calls)).toEqual([]);
    expect(ops(second.calls, 's3', 'UploadPart')).toEqual([]);
  });

  it('bakes a new image when one byte of the artifact changes', () => {
    const { first, changed } = staged;
    expectSuccess(changed.run);
    expect(changed.run.outputs['cache-hit']).toBe('false');
    expect(changed.run.outputs['fingerprint']).not.toBe(first.run.main.outputs['fingerprint']);
    expect(changed.run.outputs['artifact-sha256']).not.toBe(first.run.main.outputs['artifact-sha256']);
    expect(uploads(changed.calls)).toHaveLength(1);
    expect(presignedGets(changed.calls)).toHaveLength(1);
  });

  it('configures its bucket once: a later bake reads the tags that say so and puts no configuration', () => {
    const { first, changed } = staged;
    const configuring = ['PutPublicAccessBlock', 'PutBucketEncryption', 'PutBucketLifecycleConfiguration'];
    // A new bucket blocks public access and encrypts already (S3's defaults, read back above).
    expect(ops(first.calls, 's3', 'PutBucketLifecycleConfiguration')).toHaveLength(1);
    expect(ops(first.calls, 's3', 'PutPublicAccessBlock')).toEqual([]);
    expect(ops(first.calls, 's3', 'PutBucketEncryption')).toEqual([]);
    expect(ops(first.calls, 's3', 'PutBucketTagging')).toHaveLength(1);
    for (const op of [...configuring, 'PutBucketTagging', 'CreateBucket', 'HeadBucket'])
      expect(ops(changed.calls, 's3', op)).toEqual([]);
    expect(ops(changed.calls, 's3', 'GetBucketTagging')).toHaveLength(1);
  });

  it('uploads a large pack in parts with lib-storage', () => {
    const { bake } = multipart;
    expectSuccess(bake.run);
    expect(ops(bake.calls, 's3', 'PutObject')).toEqual([]);
    expect(ops(bake.calls, 's3', 'CreateMultipartUpload')).toHaveLength(1);
    expect(ops(bake.calls, 's3', 'UploadPart').length).toBeGreaterThanOrEqual(2);
    expect(ops(bake.calls, 's3', 'CompleteMultipartUpload')).toHaveLength(1);
    expect(presignedGets(bake.calls)).toHaveLength(1);
  });

  it('fails the bake on a staged object whose digest no longer matches, and leaves no image', () => {
    const { sb, bake, pack } = tampered;
    expect(bake.run.main.exitCode).not.toBe(0);
    expect(uploads(bake.calls)).toEqual([]);
    const console = bake.run.main.logLines.join('\n');
    expect(console).toContain(`IMMUT-ARTIFACT-FAILED`);
    expect(console).toMatch(new RegExp(`reason=digest expected=${pack.sha256} got=[0-9a-f]{64}`));
    expect(
      errorsOf(bake.run.main)
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(/step 'artifact' exited with status 1/);
    expect(imagesOf(sb).filter((i) => i.tags['immut:managed-by'] === 'immut')).toEqual([]);
    expect(ops(bake.calls, 'ec2', 'CreateImage')).toEqual([]);
  });

  it('retries a download S3 answers with 503, and fails the bake with a clear marker when S3 refuses it', () => {
    const { flaky, denied, deniedSb } = download;
    expectSuccess(flaky.run);
    expect(presignedGets(flaky.calls).map((c) => c.outcome)).toEqual(['error', 'error', 'ok']);
    expect(denied.run.main.exitCode).not.toBe(0);
    const console = denied.run.main.logLines.join('\n');
    expect(console).toMatch(/IMMUT-ARTIFACT-FAILED [a-z0-9-]+ reason=download/);
    expect(presignedGets(denied.calls)).toHaveLength(1);
    expect(imagesOf(deniedSb).filter((i) => i.tags['immut:managed-by'] === 'immut')).toEqual([]);
    expect(ops(denied.calls, 'ec2', 'CreateImage')).toEqual([]);
  });

  it("refuses immut's bucket name when it lacks immut's tags or belongs to another account", () => {
    const { untagged, foreign } = notOurs;
    expect(untagged.run.exitCode).not.toBe(0);
    expect(
      errorsOf(untagged.run)
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(/lacks immut's tags/);
    expect(uploads(untagged.calls)).toEqual([]);
    expect(foreign.run.exitCode).not.toBe(0);
    expect(
      errorsOf(foreign.run)
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(/belongs to another AWS account/);
    expect(ops(foreign.calls, 'ec2', 'RunInstances')).toEqual([]);
    // (The SDK may repeat the refused call once it corrected its clock to S3's Date header.)
    expect([
      ...new Set(foreign.calls.filter((c) => c.iam).map((c) => `${c.operation} ${c.iam?.action}`)),
    ]).toEqual(['GetBucketTagging s3:GetBucketTagging']);
  });
});

describe("the example consumer's api", () => {
  it('bakes the app from $IMMUT_APP_DIR into the image as a systemd unit reading the flags file', () => {
    const { bake, content } = example;
    expectSuccess(bake.run);
    expect(content).toBeDefined();
    const unit = readFileSync(path.join(content!, 'etc/systemd/system/api.service'), 'utf8');
    expect(unit).toContain('EnvironmentFile=/etc/immut/app.env');
    expect(unit).toContain('ExecStart=/usr/bin/env node /opt/api/server.js');
    expect(readFileSync(path.join(content!, 'opt/api/server.js'), 'utf8')).toBe(
      readFileSync(path.join(REPO_ROOT, 'examples/consumer/app/api/server.js'), 'utf8'),
    );
    // The build's own copy is gone (bake-image removes it before imaging); the app stays.
    expect(existsSync(path.join(content!, 'opt/immut/provision'))).toBe(false);
  });

  it('serves /health from the baked code with the flags as its environment', async () => {
    const server = path.join(example.content!, 'opt/api/server.js');
    // Below Linux's ephemeral range (32768-60999), where the tests' own connections and the
    // sandboxes' listeners (port 0) take their ports: a pick there can be in use already.
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const child = spawn(process.execPath, [server], {
      env: { PORT: String(port), RELEASE: 'api-b000001', ROLE: 'api', ENV: 'prod', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => (d.toString().includes('listening') ? resolve() : undefined));
        child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, release: 'api-b000001' });
      expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('permissions', () => {
  it('documents exactly the S3 calls bake-image makes for an artifact', () => {
    const called = iamActionsCalled(actionCalls.filter((c) => c.service === 's3')).filter((a) =>
      a.startsWith('s3:'),
    );
    const documented = documentedIamActions(ACTION).filter((a) => a.startsWith('s3:'));
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
    // s3:TagResource is authorized with CreateBucket (tags at creation); an upload is aborted
    // only on failure; HeadBucket (s3:ListBucket) checks only a bucket named with 'staging-bucket'.
    expect(documented.filter((a) => !called.includes(a))).toEqual([
      's3:AbortMultipartUpload',
      's3:ListBucket',
      's3:TagResource',
    ]);
    expect(actionCalls.filter((c) => c.iam)).toEqual([]);
  });
});
