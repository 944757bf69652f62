// S3 (restXml, path-style): buckets with tagging, default encryption, Block Public Access
// and lifecycle rules; objects (Put/Get/Head/Delete, ListObjectsV2, multipart uploads);
// presigned URLs verified against the credentials the sandbox issued. Its own codec
// (wire.ts) speaks S3's wire; this module owns the state and binds the handlers to it.
import type { EmulatedService, SandboxRequest, ServiceContext } from '../../service.js';
import { s3Authorization } from './authorization.js';
import {
  createBucket,
  deleteBucket,
  deleteBucketTagging,
  getBucketLocation,
  getBucketTagging,
  headBucket,
  listBuckets,
  putBucketTagging,
} from './buckets.js';
import { CONFIG_HANDLERS } from './config.js';
import { S3Error } from './errors.js';
import { expireObjects } from './lifecycle.js';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  uploadPart,
} from './multipart.js';
import { deleteObject, getObject, headObject, listObjectsV2, putObject } from './objects.js';
import { emptyState, type Bucket, type S3Context, type S3State } from './state.js';
import { s3Codec } from './wire.js';

export { s3IamAction } from './authorization.js';

type Handler = (s3: S3Context, req: SandboxRequest, ctx: ServiceContext) => Record<string, unknown>;

const HANDLERS: Record<string, Handler> = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  HeadBucket: headBucket,
  DeleteBucket: deleteBucket,
  GetBucketLocation: getBucketLocation,
  PutBucketTagging: putBucketTagging,
  GetBucketTagging: getBucketTagging,
  DeleteBucketTagging: deleteBucketTagging,
  ...CONFIG_HANDLERS,
  PutObject: putObject,
  GetObject: getObject,
  HeadObject: headObject,
  DeleteObject: deleteObject,
  ListObjectsV2: listObjectsV2,
  CreateMultipartUpload: createMultipartUpload,
  UploadPart: uploadPart,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
};

/** Operations the wire recognises that the sandbox does not emulate. */
const NOT_EMULATED = ['ListObjects', 'ListMultipartUploads', 'ListParts', 'CopyObject', 'DeleteObjects'];

export type S3Service = EmulatedService & {
  /** A bucket of another account, so that creating that name collides (tests). */
  addForeignBucket(name: string, owner: string, region?: string): void;
  /** A bucket as stored (tests and other services), or undefined. */
  bucket(name: string): Bucket | undefined;
};

export function createS3Service(ctx: ServiceContext): S3Service {
  const s3: S3Context = { state: emptyState() };
  const operations: EmulatedService['operations'] = {};
  for (const [name, handler] of Object.entries(HANDLERS)) operations[name] = (req, c) => handler(s3, req, c);
  for (const name of NOT_EMULATED) {
    operations[name] = () => {
      throw new S3Error('NotImplemented', `The sandbox does not emulate S3 ${name}`, 501);
    };
  }
  return {
    name: 's3',
    protocol: 'rest-xml',
    namespace: 'http://s3.amazonaws.com/doc/2006-03-01/',
    codec: s3Codec(ctx, (name) => name in s3.state.buckets),
    operations,
    authorization: s3Authorization(() => s3.state),
    inventory: (c) => {
      const items: ReturnType<EmulatedService['inventory']> = [];
      for (const bucket of Object.values(s3.state.buckets)) {
        if (bucket.owner !== c.accountId) continue;
        expireObjects(s3, bucket, c.clock.now());
        items.push({ kind: 'bucket', id: bucket.name, tags: { ...(bucket.tags ?? {}) } });
        for (const key of Object.keys(bucket.objects))
          items.push({ kind: 'object', id: `${bucket.name}/${key}`, tags: {} });
      }
      return items;
    },
    snapshotState: () => structuredClone(s3.state),
    restoreState: (state) => {
      s3.state = { ...emptyState(), ...(structuredClone(state) as Partial<S3State>) };
    },
    reset: () => {
      s3.state = emptyState();
    },
    addForeignBucket: (name, owner, region = ctx.region ?? 'us-east-1') => {
      s3.state.buckets[name] = {
        name,
        region,
        owner,
        createdAt: ctx.clock.now(),
        encryption: { algorithm: 'AES256', bucketKeyEnabled: false },
        objects: {},
      };
    },
    bucket: (name) => s3.state.buckets[name],
  };
}
