// Buckets: one namespace for every account ("Bucket naming rules" in the S3 user guide),
// each in a region, owned by an account. New buckets get what S3 gives every new bucket
// since 2023: SSE-S3 default encryption (January 2023) and all four Block Public Access
// settings on (April 2023). Lifecycle expiration is applied whenever a bucket is read.
import { RESPONSE_HEADERS, type SandboxRequest, type ServiceContext } from '../../service.js';
import { str } from '../common/params.js';
import { S3Error, accessDenied, invalidArgument, noSuchBucket } from './errors.js';
import { expireObjects } from './lifecycle.js';
import type { Bucket, S3Context } from './state.js';
import { S3_RESULT } from './wire.js';
import { repeated } from './xml.js';

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** The problem with a bucket name, or undefined when S3 accepts it. */
export function bucketNameProblem(name: string): string | undefined {
  if (!BUCKET_NAME.test(name))
    return '3 to 63 characters of lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit';
  if (name.includes('..')) return 'no two adjacent periods';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'not formatted as an IP address';
  if (RESERVED_PREFIXES.some((p) => name.startsWith(p))) return 'a reserved prefix';
  if (RESERVED_SUFFIXES.some((s) => name.endsWith(s))) return 'a reserved suffix';
  return undefined;
}

const invalidBucketName = (name: string): S3Error =>
  new S3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: name });

/** The bucket a request names, with its expired objects gone; S3's errors otherwise. */
export function bucketOf(s3: S3Context, req: SandboxRequest, ctx: ServiceContext): Bucket {
  const name = str(req.params['Bucket']) ?? '';
  const bucket = s3.state.buckets[name];
  if (!bucket) throw noSuchBucket(name);
  const expected = str(req.params['ExpectedBucketOwner']);
  // Another account's bucket: no cross-account grants exist here, so nothing is allowed.
  if (bucket.owner !== ctx.accountId || (expected !== undefined && expected !== bucket.owner))
    throw accessDenied();
  expireObjects(s3, bucket, ctx.clock.now());
  return bucket;
}

const ALL_BLOCKED = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

export function createBucket(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const name = str(req.params['Bucket']) ?? '';
  if (bucketNameProblem(name)) throw invalidBucketName(name);
  const config = (req.params['CreateBucketConfiguration'] ?? {}) as Record<string, unknown>;
  const constraint = str(config['LocationConstraint']);
  // us-east-1 takes no constraint (naming it is invalid); elsewhere it must be the region.
  if (req.region === 'us-east-1' && constraint !== undefined)
    throw new S3Error('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, {
      LocationConstraint: constraint,
    });
  if (req.region !== 'us-east-1' && constraint !== req.region)
    throw new S3Error(
      'IllegalLocationConstraintException',
      `The ${constraint ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      400,
    );
  const existing = s3.state.buckets[name];
  if (existing) {
    if (existing.owner !== ctx.accountId)
      throw new S3Error(
        'BucketAlreadyExists',
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
        409,
        { BucketName: name },
      );
    // "For legacy compatibility, if you re-create an existing bucket that you already own
    // in the North Virginia Region, Amazon S3 returns 200 OK" (CreateBucket, Errors).
    if (existing.region !== 'us-east-1' || req.region !== 'us-east-1')
      throw new S3Error(
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        409,
        { BucketName: name },
      );
    return { [RESPONSE_HEADERS]: { Location: `/${name}` } };
  }
  // Tags at creation (CreateBucketConfiguration.Tags) are checked like PutBucketTagging's.
  const tags = config['Tags'] === undefined ? undefined : parseTagSet({ TagSet: config['Tags'] });
  s3.state.buckets[name] = {
    name,
    region: req.region,
    owner: ctx.accountId,
    createdAt: ctx.clock.now(),
    ...(tags && Object.keys(tags).length > 0 ? { tags } : {}),
    encryption: { algorithm: 'AES256', bucketKeyEnabled: false },
    publicAccessBlock: { ...ALL_BLOCKED },
    objects: {},
  };
  return { [RESPONSE_HEADERS]: { Location: `/${name}` } };
}

export function headBucket(s3: S3Context, req: SandboxRequest, ctx: ServiceContext): Record<string, unknown> {
  const bucket = bucketOf(s3, req, ctx);
  return { [RESPONSE_HEADERS]: { 'x-amz-bucket-region': bucket.region } };
}

export function deleteBucket(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const bucket = bucketOf(s3, req, ctx);
  if (Object.keys(bucket.objects).length > 0)
    throw new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, {
      BucketName: bucket.name,
    });
  for (const [id, upload] of Object.entries(s3.state.uploads))
    if (upload.bucket === bucket.name) delete s3.state.uploads[id];
  delete s3.state.buckets[bucket.name];
  return { [S3_RESULT.status]: 204 };
}

export function listBuckets(
  s3: S3Context,
  _req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const own = Object.values(s3.state.buckets)
    .filter((b) => b.owner === ctx.accountId)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    [S3_RESULT.root]: 'ListAllMyBucketsResult',
    [S3_RESULT.xml]: {
      Owner: { ID: ctx.accountId },
      Buckets: {
        Bucket: own.map((b) => ({
          Name: b.name,
          CreationDate: new Date(b.createdAt),
          BucketRegion: b.region,
        })),
      },
    },
  };
}

export function getBucketLocation(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const bucket = bucketOf(s3, req, ctx);
  // us-east-1 answers an empty constraint.
  return {
    [S3_RESULT.root]: 'LocationConstraint',
    [S3_RESULT.xml]: { '#text': bucket.region === 'us-east-1' ? '' : bucket.region },
  };
}

// ---- Tagging ----------------------------------------------------------------------------

const invalidTag = (message: string): S3Error => new S3Error('InvalidTag', message, 400);

/** A tag set as S3 checks it (PutBucketTagging: at most 50, keys 1–128, values ≤ 256, no `aws:`). */
export function parseTagSet(tagging: unknown): Record<string, string> {
  const set = ((tagging ?? {}) as Record<string, unknown>)['TagSet'] as Record<string, unknown> | undefined;
  const tags: Record<string, string> = {};
  for (const tag of repeated(set?.['Tag'])) {
    const key = str(tag['Key']) ?? '';
    const value = str(tag['Value']) ?? '';
    if ([...key].length < 1 || [...key].length > 128)
      throw invalidTag('The TagKey you have provided is invalid');
    if ([...value].length > 256) throw invalidTag('The TagValue you have provided is invalid');
    if (key.toLowerCase().startsWith('aws:'))
      throw invalidTag('System tags cannot be added/updated by requester');
    if (key in tags) throw invalidTag('Cannot provide multiple Tags with the same key');
    tags[key] = value;
  }
  if (Object.keys(tags).length > 50) throw invalidTag('Object tags cannot be greater than 50');
  return tags;
}

export function putBucketTagging(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const bucket = bucketOf(s3, req, ctx);
  if (req.params['Tagging'] === undefined) throw invalidArgument('Tagging is required');
  bucket.tags = parseTagSet(req.params['Tagging']);
  return { [S3_RESULT.status]: 204 };
}

export function getBucketTagging(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const bucket = bucketOf(s3, req, ctx);
  if (!bucket.tags)
    throw new S3Error('NoSuchTagSet', 'The TagSet does not exist', 404, { BucketName: bucket.name });
  return {
    [S3_RESULT.root]: 'Tagging',
    [S3_RESULT.xml]: { TagSet: { Tag: Object.entries(bucket.tags).map(([Key, Value]) => ({ Key, Value })) } },
  };
}

export function deleteBucketTagging(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  delete bucketOf(s3, req, ctx).tags;
  return { [S3_RESULT.status]: 204 };
}
