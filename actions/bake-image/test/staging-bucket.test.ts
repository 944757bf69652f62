// immut's own staging bucket against the sandbox's S3, with bake-image's own policy: what a
// bucket it creates is sent, and what an older bucket of immut's is sent before it is used.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateBucketCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Sandbox } from '@immut/sandbox';
import {
  SANDBOX_ACCOUNT,
  SANDBOX_REGION,
  actionClientConfig,
  adminClientConfig,
  startE2eSandbox,
} from '@immut/test-support/sandbox';
import { ensureStagingBucket, stagingBucketName, stagingBucketTags } from '../artifact.js';

let sb: Sandbox;
let s3: S3Client;
let admin: S3Client;

beforeAll(async () => {
  sb = await startE2eSandbox();
  s3 = new S3Client({ ...actionClientConfig(sb, 'bake-image'), forcePathStyle: true });
  admin = new S3Client({ ...adminClientConfig(sb), forcePathStyle: true });
});

afterAll(async () => {
  s3.destroy();
  admin.destroy();
  await sb.stop();
});

const BUCKET = stagingBucketName(SANDBOX_ACCOUNT, SANDBOX_REGION);
const deps = () => ({
  s3,
  account: SANDBOX_ACCOUNT,
  region: SANDBOX_REGION,
  io: { info: () => undefined, warning: () => undefined },
});
/** The S3 operations sent since the last reset, answered or refused (a 404 is an answer). */
const s3Calls = (): string[] => sb.calls().flatMap((c) => (c.service === 's3' ? [c.operation] : []));

/** What a reader sees of the bucket's protection, expiry and configuration tag. */
async function configurationOf(bucket: string) {
  const pab = await admin.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
  const enc = await admin.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
  const lifecycle = await admin.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
  const tags = await admin.send(new GetBucketTaggingCommand({ Bucket: bucket }));
  return {
    publicAccessBlock: pab.PublicAccessBlockConfiguration,
    algorithm:
      enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
    expiryDays: lifecycle.Rules?.[0]?.Expiration?.Days,
    configVersion: (tags.TagSet ?? []).find((t) => t.Key === 'immut:staging-config')?.Value,
  };
}

const ALL_BLOCKED = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

describe("immut's staging bucket", () => {
  it("creates it with S3's defaults for a new bucket (public access blocked, SSE-S3) and sends only the expiry and its tags", async () => {
    await sb.reset();
    const bucket = await ensureStagingBucket(deps(), undefined);
    expect(bucket).toEqual({ name: BUCKET, owned: true, created: true });
    expect(s3Calls()).toEqual([
      'GetBucketTagging',
      'CreateBucket',
      'PutBucketLifecycleConfiguration',
      'PutBucketTagging',
    ]);
    expect(await configurationOf(BUCKET)).toEqual({
      publicAccessBlock: ALL_BLOCKED,
      algorithm: 'AES256',
      expiryDays: 1,
      configVersion: '1',
    });
  });

  it('blocks public access again on an older bucket of its own that was never configured, before using it', async () => {
    await sb.reset();
    // Made by immut before it configured buckets, and opened since by someone.
    const tags = stagingBucketTags(BUCKET);
    await admin.send(
      new CreateBucketCommand({
        Bucket: BUCKET,
        CreateBucketConfiguration: { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
      }),
    );
    await admin.send(
      new PutPublicAccessBlockCommand({
        Bucket: BUCKET,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: false,
          IgnorePublicAcls: false,
          BlockPublicPolicy: false,
          RestrictPublicBuckets: false,
        },
      }),
    );
    sb.clearCalls();
    const bucket = await ensureStagingBucket(deps(), undefined);
    expect(bucket).toEqual({ name: BUCKET, owned: true, created: false });
    expect(s3Calls()).toEqual([
      'GetBucketTagging',
      'PutPublicAccessBlock',
      'PutBucketEncryption',
      'PutBucketLifecycleConfiguration',
      'PutBucketTagging',
    ]);
    expect(await configurationOf(BUCKET)).toMatchObject({
      publicAccessBlock: ALL_BLOCKED,
      configVersion: '1',
    });
  });
});
