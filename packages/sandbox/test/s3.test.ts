// S3 through the unmodified @aws-sdk/client-s3: buckets and their configuration, objects
// with the SDK's default flexible checksums, listings, lifecycle expiry, and S3's errors.
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { S3Service, Sandbox } from '../src/index.js';
import { failure } from './helpers.js';
import { s3Client, startS3Sandbox } from './s3-helpers.js';

let sandbox: Sandbox;
let s3: S3Client;

beforeAll(async () => {
  sandbox = await startS3Sandbox();
  s3 = s3Client(sandbox);
});
afterAll(async () => {
  s3.destroy();
  await sandbox.stop();
});
beforeEach(async () => {
  await sandbox.reset();
});

const DAY = 24 * 60 * 60 * 1000;

describe('buckets', () => {
  it('creates a bucket with S3 defaults: SSE-S3 encryption and every public access block on', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'app-artifacts' }));
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'app-artifacts' }));
    expect(head.BucketRegion).toBe('us-east-1');
    const enc = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'app-artifacts' }));
    expect(
      enc.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
    ).toBe('AES256');
    const pab = await s3.send(new GetPublicAccessBlockCommand({ Bucket: 'app-artifacts' }));
    expect(pab.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    expect(sandbox.inventory()).toContainEqual({
      service: 's3',
      kind: 'bucket',
      id: 'app-artifacts',
      tags: {},
    });
  });

  it('refuses invalid names and a name another account owns', async () => {
    for (const bad of ['ab', 'Upper-case', 'has..dots', '192.168.1.1', '-edge', 'xn--punycode', 'x--ol-s3']) {
      const err = await failure(s3.send(new CreateBucketCommand({ Bucket: bad })));
      expect(err.name).toBe('InvalidBucketName');
    }
    const service = sandbox.services.find((s) => s.name === 's3') as S3Service;
    service.addForeignBucket('someone-elses', '999999999999');
    const taken = await failure(s3.send(new CreateBucketCommand({ Bucket: 'someone-elses' })));
    expect(taken.name).toBe('BucketAlreadyExists');
    expect(taken.$metadata?.httpStatusCode).toBe(409);
    const head = await failure(s3.send(new HeadBucketCommand({ Bucket: 'someone-elses' })));
    expect(head.$metadata?.httpStatusCode).toBe(403);
  });

  it('answers 200 for a bucket re-created in us-east-1 and BucketAlreadyOwnedByYou elsewhere', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'twice' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'twice' }));
    const eu = s3Client(sandbox, { region: 'eu-west-1' });
    try {
      await eu.send(
        new CreateBucketCommand({
          Bucket: 'twice-eu',
          CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
        }),
      );
      const again = await failure(
        eu.send(
          new CreateBucketCommand({
            Bucket: 'twice-eu',
            CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
          }),
        ),
      );
      expect(again.name).toBe('BucketAlreadyOwnedByYou');
      // (The SDK adds the client's region as LocationConstraint when none is given.)
      const elsewhere = await failure(
        eu.send(
          new CreateBucketCommand({
            Bucket: 'elsewhere',
            CreateBucketConfiguration: { LocationConstraint: 'eu-central-1' },
          }),
        ),
      );
      expect(elsewhere.name).toBe('IllegalLocationConstraintException');
    } finally {
      eu.destroy();
    }
  });

  it('refuses to delete a bucket that holds objects, then deletes it once empty', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'full' }));
    await s3.send(new PutObjectCommand({ Bucket: 'full', Key: 'a.txt', Body: 'a' }));
    const err = await failure(s3.send(new DeleteBucketCommand({ Bucket: 'full' })));
    expect(err.name).toBe('BucketNotEmpty');
    await s3.send(new DeleteObjectCommand({ Bucket: 'full', Key: 'a.txt' }));
    await s3.send(new DeleteBucketCommand({ Bucket: 'full' }));
    const gone = await failure(s3.send(new HeadBucketCommand({ Bucket: 'full' })));
    expect(gone.$metadata?.httpStatusCode).toBe(404);
    const missing = await failure(s3.send(new GetBucketTaggingCommand({ Bucket: 'full' })));
    expect(missing.name).toBe('NoSuchBucket');
  });

  it('keeps tags, encryption and public access block as put, and checks them', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'configured' }));
    expect((await failure(s3.send(new GetBucketTaggingCommand({ Bucket: 'configured' })))).name).toBe(
      'NoSuchTagSet',
    );
    await s3.send(
      new PutBucketTaggingCommand({
        Bucket: 'configured',
        Tagging: {
          TagSet: [
            { Key: 'immut:managed-by', Value: 'immut' },
            { Key: 'team', Value: 'a b' },
          ],
        },
      }),
    );
    const tags = await s3.send(new GetBucketTaggingCommand({ Bucket: 'configured' }));
    expect(tags.TagSet).toEqual([
      { Key: 'immut:managed-by', Value: 'immut' },
      { Key: 'team', Value: 'a b' },
    ]);
    const reserved = await failure(
      s3.send(
        new PutBucketTaggingCommand({
          Bucket: 'configured',
          Tagging: { TagSet: [{ Key: 'aws:x', Value: 'y' }] },
        }),
      ),
    );
    expect(reserved.name).toBe('InvalidTag');
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: 'configured',
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/app' },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
    );
    const enc = await s3.send(new GetBucketEncryptionCommand({ Bucket: 'configured' }));
    expect(enc.ServerSideEncryptionConfiguration?.Rules?.[0]).toEqual({
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/app' },
      BucketKeyEnabled: true,
    });
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'configured',
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: false,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: false,
        },
      }),
    );
    const pab = await s3.send(new GetPublicAccessBlockCommand({ Bucket: 'configured' }));
    expect(pab.PublicAccessBlockConfiguration?.IgnorePublicAcls).toBe(false);
  });
});

describe('objects', () => {
  beforeEach(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'objects' }));
  });

  it('stores bytes exactly, with the SDK checksum it was sent, and serves them back', async () => {
    const body = Buffer.from([0, 1, 2, 255, 254, 0x0d, 0x0a, ...Buffer.from('héllo')]);
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: 'objects',
        Key: 'dir/bin file.dat',
        Body: body,
        ContentType: 'application/x-test',
        Metadata: { origin: 'test' },
      }),
    );
    expect(put.ChecksumCRC32).toBeDefined();
    const got = await s3.send(
      new GetObjectCommand({ Bucket: 'objects', Key: 'dir/bin file.dat', ChecksumMode: 'ENABLED' }),
    );
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
    expect(got.ContentType).toBe('application/x-test');
    expect(got.Metadata).toEqual({ origin: 'test' });
    expect(got.ETag).toBe(put.ETag);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'dir/bin file.dat' }));
    expect(head.ContentLength).toBe(body.length);
    expect(head.ServerSideEncryption).toBe('AES256');
  });

  it('decodes an aws-chunked streaming upload with its trailing checksum', async () => {
    const data = Buffer.alloc(200_000, 'x');
    await s3.send(
      new PutObjectCommand({
        Bucket: 'objects',
        Key: 'streamed',
        Body: Readable.from([data.subarray(0, 70_000), data.subarray(70_000)]),
        ContentLength: data.length,
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'streamed' }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(data);
  });

  it('refuses a body whose checksum does not match, storing nothing', async () => {
    const err = await failure(
      s3.send(
        new PutObjectCommand({
          Bucket: 'objects',
          Key: 'bad',
          Body: 'abc',
          ChecksumSHA256: Buffer.alloc(32).toString('base64'),
        }),
      ),
    );
    expect(err.name).toBe('BadDigest');
    expect(
      (await failure(s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'bad' })))).$metadata
        ?.httpStatusCode,
    ).toBe(404);
  });

  it('answers NoSuchKey and NoSuchBucket', async () => {
    expect((await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'nope' })))).name).toBe(
      'NoSuchKey',
    );
    expect((await failure(s3.send(new GetObjectCommand({ Bucket: 'no-bucket', Key: 'x' })))).name).toBe(
      'NoSuchBucket',
    );
    const head = await failure(s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'nope' })));
    expect(head.name).toBe('NotFound');
  });

  it('honours If-None-Match: * (no overwrite)', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'once', Body: '1' }));
    const err = await failure(
      s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'once', Body: '2', IfNoneMatch: '*' })),
    );
    expect(err.$metadata?.httpStatusCode).toBe(412);
  });

  it('refuses calls naming another expected bucket owner', async () => {
    const err = await failure(
      s3.send(new HeadBucketCommand({ Bucket: 'objects', ExpectedBucketOwner: '999999999999' })),
    );
    expect(err.$metadata?.httpStatusCode).toBe(403);
    await s3.send(new HeadBucketCommand({ Bucket: 'objects', ExpectedBucketOwner: '123456789012' }));
  });

  it('lists by prefix and delimiter, page by page with continuation tokens', async () => {
    const keys = ['a/1', 'a/2', 'a/3', 'a/sub/x', 'b/1', 'c'];
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: 'objects', Key, Body: Key }));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: 'objects', Prefix: 'a/', MaxKeys: 2, ContinuationToken: token }),
      );
      seen.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.NextContinuationToken;
      pages++;
      expect(page.IsTruncated).toBe(token !== undefined);
    } while (token);
    expect(seen).toEqual(['a/1', 'a/2', 'a/3', 'a/sub/x']);
    expect(pages).toBe(2);
    const grouped = await s3.send(new ListObjectsV2Command({ Bucket: 'objects', Delimiter: '/' }));
    expect(grouped.Contents?.map((c) => c.Key)).toEqual(['c']);
    expect(grouped.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'b/']);
    const bad = await failure(
      s3.send(new ListObjectsV2Command({ Bucket: 'objects', ContinuationToken: 'bm9wZQ==' })),
    );
    expect(bad.name).toBe('InvalidArgument');
  });
});

describe('lifecycle', () => {
  it('expires objects under the rule prefix at the midnight after the given days, on the sandbox clock', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'expiring' }));
    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: 'expiring',
        LifecycleConfiguration: {
          Rules: [
            { ID: 'artifacts', Status: 'Enabled', Filter: { Prefix: 'artifacts/' }, Expiration: { Days: 1 } },
          ],
        },
      }),
    );
    const rules = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'expiring' }));
    expect(rules.Rules).toEqual([
      { ID: 'artifacts', Status: 'Enabled', Filter: { Prefix: 'artifacts/' }, Expiration: { Days: 1 } },
    ]);
    await s3.send(new PutObjectCommand({ Bucket: 'expiring', Key: 'artifacts/x.tar.gz', Body: 'x' }));
    await s3.send(new PutObjectCommand({ Bucket: 'expiring', Key: 'keep/y', Body: 'y' }));
    await s3.send(new HeadObjectCommand({ Bucket: 'expiring', Key: 'artifacts/x.tar.gz' }));
    sandbox.advance(2 * DAY);
    const gone = await failure(
      s3.send(new GetObjectCommand({ Bucket: 'expiring', Key: 'artifacts/x.tar.gz' })),
    );
    expect(gone.name).toBe('NoSuchKey');
    await s3.send(new HeadObjectCommand({ Bucket: 'expiring', Key: 'keep/y' }));
  });

  it('refuses a rule with non-positive days and answers NoSuchLifecycleConfiguration when none is set', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'rules' }));
    expect(
      (await failure(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: 'rules' })))).name,
    ).toBe('NoSuchLifecycleConfiguration');
    const err = await failure(
      s3.send(
        new PutBucketLifecycleConfigurationCommand({
          Bucket: 'rules',
          LifecycleConfiguration: {
            Rules: [{ ID: 'r', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 0 } }],
          },
        }),
      ),
    );
    expect(err.name).toBe('InvalidArgument');
  });
});

describe('IAM', () => {
  const KEY = { accessKeyId: 'AKIAS3SCOPED00000001', secretAccessKey: 'scoped-secret' };
  const POLICY = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:GetObject'],
        Resource: 'arn:aws:s3:::scoped-*/artifacts/*',
        Condition: { StringEquals: { 's3:ResourceAccount': '123456789012' } },
      },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::scoped-*',
        Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } },
      },
    ],
  };

  it('authorizes S3 calls as IAM actions on bucket and object ARNs, with S3 condition keys', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'scoped-bucket' }));
    sandbox.iam.set(KEY.accessKeyId, POLICY);
    const scoped = s3Client(sandbox, { credentials: KEY });
    try {
      await scoped.send(new PutObjectCommand({ Bucket: 'scoped-bucket', Key: 'artifacts/a', Body: 'a' }));
      // HeadObject is s3:GetObject.
      await scoped.send(new HeadObjectCommand({ Bucket: 'scoped-bucket', Key: 'artifacts/a' }));
      const outside = await failure(
        scoped.send(new PutObjectCommand({ Bucket: 'scoped-bucket', Key: 'other/a', Body: 'a' })),
      );
      expect(outside.name).toBe('AccessDenied');
      // HeadBucket is s3:ListBucket, allowed only on a bucket tagged team=a.
      const untagged = await failure(scoped.send(new HeadBucketCommand({ Bucket: 'scoped-bucket' })));
      expect(untagged.$metadata?.httpStatusCode).toBe(403);
      await s3.send(
        new PutBucketTaggingCommand({
          Bucket: 'scoped-bucket',
          Tagging: { TagSet: [{ Key: 'team', Value: 'a' }] },
        }),
      );
      await scoped.send(new HeadBucketCommand({ Bucket: 'scoped-bucket' }));
      // A bucket that does not exist is NoSuchBucket, whatever the policy.
      const missing = await failure(scoped.send(new GetBucketTaggingCommand({ Bucket: 'scoped-missing' })));
      expect(missing.name).toBe('NoSuchBucket');
      const refused = sandbox
        .calls()
        .filter((c) => c.iam)
        .map((c) => [c.operation, c.iam?.action, c.iam?.resource]);
      expect(refused).toEqual([
        ['PutObject', 's3:PutObject', 'arn:aws:s3:::scoped-bucket/other/a'],
        ['HeadBucket', 's3:ListBucket', 'arn:aws:s3:::scoped-bucket'],
      ]);
    } finally {
      scoped.destroy();
      sandbox.iam.remove(KEY.accessKeyId);
    }
  });
});
