// runTagRelease recording a promotion against the sandbox (AWS + GitHub slice), with the real
// SDK clients: the gate reads the source role's history record from Route 53, the image is
// reused unchanged and marked as used by the target env, and the manifest names its source.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { CleanupLog } from '@immut/core/cleanup';
import { scaledClock } from '@immut/core/clock';
import { historyRecord } from '@immut/core/dns-history';
import { createGitHubClient } from '@immut/core/github';
import type { Identity } from '@immut/core/identity';
import { manifestDigest } from '@immut/core/manifest';
import { PromotionRefusedError } from '@immut/core/promotion';
import { fromAwsTags } from '@immut/core/tags';
import type { Sandbox } from '@immut/sandbox';
import { ACCOUNT_ID, startSandbox } from '@immut/sandbox';
import { recordingIO } from '@immut/test-support/recording-io';
import { ADMIN_CREDENTIALS } from '@immut/test-support/sandbox';
import {
  FINGERPRINT,
  REPOSITORY,
  SEED_AMI,
  SHA,
  makeImage,
  sandboxClients,
  tagReleaseClients,
} from '@immut/test-support/release-parts';
import { promotionInputProblems } from '../promote.js';
import { runTagRelease, type RunOptions } from '../run.js';

let sandbox: Sandbox;
let runnerTemp: string;
let route53: Route53Client;
let zoneId: string;
const NAME = 'api.staging.example.test';

beforeAll(async () => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  sandbox = await startSandbox({ timeScale: 1000 });
  runnerTemp = mkdtempSync(join(tmpdir(), 'immut-promote-'));
  route53 = new Route53Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { ...ADMIN_CREDENTIALS },
    maxAttempts: 1,
  });
  const zone = await route53.send(
    new CreateHostedZoneCommand({ Name: 'example.test', CallerReference: 'promote' }),
  );
  zoneId = (zone.HostedZone?.Id ?? '').replace('/hostedzone/', '');
});
afterAll(async () => {
  route53.destroy();
  await sandbox.stop();
  rmSync(runnerTemp, { recursive: true, force: true });
  nock.enableNetConnect();
  nock.restore();
});

function options(identity: Identity, overrides: Partial<RunOptions> = {}) {
  const env = { RUNNER_TEMP: runnerTemp, GITHUB_API_URL: sandbox.endpoint };
  const io = recordingIO({}, { env });
  const octokit = createGitHubClient({ token: 't', env, action: 'tag-release', log: io, timeScale: 1000 });
  const run: RunOptions = {
    inputs: {
      dbInstanceId: undefined,
      dbEndpoint: undefined,
      dataSource: undefined,
      changelogApplied: undefined,
      flags: { LOG_LEVEL: 'info' },
    },
    identity,
    region: 'us-east-1',
    dryRun: false,
    provenance: { repository: 'immut-test/app', sha: SHA, runUrl: '' },
    repository: REPOSITORY,
    clients: { ...tagReleaseClients(sandbox), route53, octokit: async () => octokit },
    now: '2025-02-01T12:00:00Z',
    io,
    env,
    cleanup: new CleanupLog(io),
    ...overrides,
  };
  return { run, io };
}

/** A staging release of `build`, recorded as release.yml records it. */
async function stagingRelease(build: string) {
  const id = { role: 'api', env: 'staging', build };
  const imageId = await makeImage(sandbox, id);
  const { run } = options(id, {
    inputs: {
      ...options(id).run.inputs,
      imageId,
      fingerprint: FINGERPRINT,
      baseImageId: SEED_AMI,
      appVersion: '2.0.0',
    },
  });
  return { imageId, manifest: (await runTagRelease(run)).manifest };
}

/** The staging name's history record, as cutover-dns writes it after a cutover to `current`. */
async function cutOver(current: string, previous?: string) {
  const target = (b: string) => ({
    build: b,
    release: `api-${b}`,
    dnsName: `lb-${b}.elb.test`,
    zoneId: 'Z35SXDOTRQ7X7K',
  });
  const record = historyRecord(NAME, {
    role: 'api',
    env: 'staging',
    current: target(current),
    ...(previous ? { previous: target(previous) } : {}),
    at: '2025-02-01T11:00:00Z',
  });
  await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      ChangeBatch: { Changes: [{ Action: 'UPSERT', ResourceRecordSet: record }] },
    }),
  );
}

const prod = (build: string) => ({ role: 'api', env: 'prod', build });
const promotion = (tag: string, force = false) => ({ tag, zone: zoneId, name: NAME, force });

async function imageTags(imageId: string) {
  const { ec2 } = sandboxClients(sandbox);
  const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
  return fromAwsTags(image?.Tags);
}

describe('promotion', () => {
  it('records a prod release of a live staging release, reusing its image unchanged', async () => {
    const source = await stagingRelease('b20');
    await cutOver('b20', 'b19');
    const { run, io } = options(prod('b20'), { promotion: promotion('immut/staging/api/b20') });
    const result = await runTagRelease(run);
    expect(result.tag).toBe('immut/prod/api/b20');
    expect(result.manifest.image).toEqual(source.manifest.image);
    expect(result.manifest.app).toEqual(source.manifest.app);
    expect(result.manifest.flags).toEqual({ LOG_LEVEL: 'info' });
    expect(result.manifest.promotedFrom).toEqual({
      tag: 'immut/staging/api/b20',
      manifestDigest: manifestDigest(source.manifest),
    });
    expect(io.log.join('\n')).toContain('build b20 is live');
    const tags = await imageTags(source.imageId);
    // Marked as used by prod; the staging release's own tag is left as it was.
    expect(tags['immut:used-by:prod']).toBe('b20');
    expect(tags['immut:release']).toBe('api-b20');
    expect(tags['immut:env']).toBe('staging');
  });

  it('refuses a release that never became live, before recording anything', async () => {
    await stagingRelease('b21');
    await cutOver('b20', 'b19');
    sandbox.github.clearCalls();
    const { run } = options(prod('b21'), { promotion: promotion('immut/staging/api/b21') });
    const refused = runTagRelease(run);
    await expect(refused).rejects.toThrow(PromotionRefusedError);
    await expect(refused).rejects.toThrow(
      /Refusing to promote immut\/staging\/api\/b21 to prod: it never became live in staging\. Checked the history record _immut-history\.api\.staging\.example\.test\. in hosted zone example\.test .*build b20 live and build b19 before it.*force: true/,
    );
    expect(sandbox.github.calls().filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('with force, promotes it anyway and the manifest says so', async () => {
    const source = await stagingRelease('b22');
    const { run, io } = options(prod('b22'), { promotion: promotion('immut/staging/api/b22', true) });
    const result = await runTagRelease(run);
    expect(result.manifest.promotedFrom).toEqual({
      tag: 'immut/staging/api/b22',
      manifestDigest: manifestDigest(source.manifest),
      forced: true,
    });
    expect(io.log.join('\n')).toContain('warning: Promoting immut/staging/api/b22 with force');
  });

  it('copies the image into another region, tagged as the target release’s, and records copiedFrom', async () => {
    const source = await stagingRelease('b23');
    await cutOver('b23', 'b22');
    const config = { endpoint: sandbox.endpoint, credentials: { ...ADMIN_CREDENTIALS }, maxAttempts: 1 };
    const clients = new Map(
      ['us-east-1', 'eu-west-1'].map((r) => [r, new EC2Client({ ...config, region: r })] as const),
    );
    const ec2For = (r: string): EC2Client => clients.get(r) ?? new EC2Client({ ...config, region: r });
    const base = options(prod('b23')).run;
    const { run, io } = options(prod('b23'), {
      region: 'eu-west-1',
      promotion: promotion('immut/staging/api/b23'),
      clients: { ...base.clients, ec2: ec2For('eu-west-1'), ec2For },
      clock: scaledClock(1000),
    });
    try {
      const result = await runTagRelease(run);
      const copyId = result.manifest.image.id;
      expect(copyId).not.toBe(source.imageId);
      expect(result.manifest.image.region).toBe('eu-west-1');
      expect(result.manifest.image.copiedFrom).toEqual({
        account: ACCOUNT_ID,
        region: 'us-east-1',
        imageId: source.imageId,
      });
      expect(result.manifest.image.fingerprint).toBe(source.manifest.image.fingerprint);
      expect(io.log.join('\n')).toContain('this release is in eu-west-1 and the image in us-east-1');
      const copy = (await ec2For('eu-west-1').send(new DescribeImagesCommand({ ImageIds: [copyId] })))
        .Images?.[0];
      expect(copy?.State).toBe('available');
      expect(fromAwsTags(copy?.Tags)).toMatchObject({
        'immut:managed-by': 'immut',
        'immut:env': 'prod',
        'immut:build': 'b23',
        'immut:release': 'api-b23',
        'immut:copied-from': source.imageId,
      });
      // The source image is not marked: the copy is the prod release's own.
      expect((await imageTags(source.imageId))['immut:used-by:prod']).toBeUndefined();
      // A re-run adopts the copy instead of making a second one.
      const rerun = options(prod('b23'));
      const again = await runTagRelease({ ...run, io: rerun.io, cleanup: rerun.run.cleanup });
      expect(again.manifest.image.id).toBe(copyId);
    } finally {
      for (const c of clients.values()) c.destroy();
    }
  });

  it("refuses copy 'never' when the target region needs a copy", async () => {
    await cutOver('b23', 'b22');
    const { run } = options(prod('b25'), {
      region: 'eu-west-1',
      promotion: { ...promotion('immut/staging/api/b23'), copy: 'never' },
      clients: {
        ...options(prod('b25')).run.clients,
        ec2For: () => sandboxClients(sandbox).ec2,
      },
    });
    await expect(runTagRelease(run)).rejects.toThrow(
      /Input 'copy' was 'never', but the image ami-[0-9a-f]+ must be copied: this release is in eu-west-1 and the image in us-east-1/,
    );
  });

  it('refuses a source of another role', async () => {
    const { run } = options(prod('b24'), { promotion: promotion('immut/staging/web/b20') });
    await expect(runTagRelease(run)).rejects.toThrow(
      /expected a release of role 'api' in another env than 'prod'/,
    );
  });
});

describe('promotion inputs', () => {
  const none = {
    imageId: undefined,
    fingerprint: undefined,
    baseImageId: undefined,
    appVersion: undefined,
    promotedFrom: undefined,
    promotedFromZone: undefined,
    promotedFromName: undefined,
    force: false,
  };

  it('needs the image inputs without promoted-from, and refuses force there', () => {
    const problems = promotionInputProblems({ ...none, force: true });
    expect(problems).toEqual([
      expect.stringContaining("Input 'image-id' is required"),
      expect.stringContaining("Input 'fingerprint' is required"),
      expect.stringContaining("Input 'base-image-id' is required"),
      expect.stringContaining("Input 'app-version' is required"),
      expect.stringContaining("Input 'force' is only for a promotion"),
    ]);
  });

  it('refuses image inputs with promoted-from, and needs the source zone and name', () => {
    const problems = promotionInputProblems({
      ...none,
      promotedFrom: 'immut/staging/api/b1',
      imageId: 'ami-12345678',
    });
    expect(problems).toEqual([
      expect.stringContaining("Input 'image-id' was given with 'promoted-from'"),
      expect.stringContaining("Input 'promoted-from-zone' is required with 'promoted-from'"),
      expect.stringContaining("Input 'promoted-from-name' is required with 'promoted-from'"),
    ]);
  });

  it('takes no source zone or name with shared-by: the gate ran in the source account', () => {
    const problems = promotionInputProblems({
      ...none,
      promotedFrom: 'immut/staging/api/b1',
      promotedFromZone: 'example.test',
      sharedBy: '123456789012',
    });
    expect(problems).toEqual([
      expect.stringContaining("Input 'promoted-from-zone' was given with 'shared-by'"),
    ]);
  });

  it('refuses share-with with shared-by or a KMS key, and cross-account inputs without promoted-from', () => {
    const both = promotionInputProblems({
      ...none,
      promotedFrom: 'immut/staging/api/b1',
      promotedFromZone: 'example.test',
      promotedFromName: 'api.staging.example.test',
      shareWith: '210987654321',
      sharedBy: '123456789012',
      kmsKeyId: 'alias/prod',
    });
    expect(both).toEqual([
      expect.stringContaining("Input 'promoted-from-zone' was given with 'shared-by'"),
      expect.stringContaining("Input 'promoted-from-name' was given with 'shared-by'"),
      expect.stringContaining("Inputs 'share-with' and 'shared-by' were both given"),
      expect.stringContaining("Input 'kms-key-id' was given with 'share-with'"),
    ]);
    const alone = promotionInputProblems({
      ...none,
      imageId: 'ami-12345678',
      fingerprint: 'ab'.repeat(8),
      baseImageId: 'ami-12345678',
      appVersion: '1',
      shareWith: '210987654321',
      copy: 'always',
    });
    expect(alone).toEqual([
      expect.stringContaining("Input 'share-with' is only for a promotion"),
      expect.stringContaining("Input 'copy' is only for a promotion"),
    ]);
  });
});
