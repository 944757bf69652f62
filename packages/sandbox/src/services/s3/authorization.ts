// The IAM authorizations S3 makes for each call (Service Authorization Reference, "Amazon
// S3", and the S3 user guide's "Required permissions for Amazon S3 API operations"): the
// IAM action is often not the operation's name (HeadObject → s3:GetObject, HeadBucket and
// ListObjectsV2 → s3:ListBucket, the multipart calls → s3:PutObject), the resource is the
// bucket (`arn:aws:s3:::bucket`) or the object (`arn:aws:s3:::bucket/key`), and S3 sets
// its condition keys: s3:ResourceAccount, s3:authType, s3:signatureversion, s3:prefix and
// s3:max-keys on listings, s3:x-amz-server-side-encryption on writes; the bucket's tags
// as aws:ResourceTag/… and s3:BucketTag/….
import type { AuthorizationRequest, RequestContext, ResourceRef } from '../../iam/request.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { str } from '../common/params.js';
import type { S3State } from './state.js';
import { MISSING_BUCKET } from './wire.js';
import { repeated } from './xml.js';

/** Operation → IAM action, and whether it acts on the bucket or an object. */
const ACTIONS: Record<string, { action: string; on: 'bucket' | 'object' | 'none' }> = {
  ListBuckets: { action: 'ListAllMyBuckets', on: 'none' },
  CreateBucket: { action: 'CreateBucket', on: 'bucket' },
  HeadBucket: { action: 'ListBucket', on: 'bucket' },
  DeleteBucket: { action: 'DeleteBucket', on: 'bucket' },
  GetBucketLocation: { action: 'GetBucketLocation', on: 'bucket' },
  PutBucketTagging: { action: 'PutBucketTagging', on: 'bucket' },
  GetBucketTagging: { action: 'GetBucketTagging', on: 'bucket' },
  DeleteBucketTagging: { action: 'PutBucketTagging', on: 'bucket' },
  PutBucketEncryption: { action: 'PutEncryptionConfiguration', on: 'bucket' },
  GetBucketEncryption: { action: 'GetEncryptionConfiguration', on: 'bucket' },
  PutPublicAccessBlock: { action: 'PutBucketPublicAccessBlock', on: 'bucket' },
  GetPublicAccessBlock: { action: 'GetBucketPublicAccessBlock', on: 'bucket' },
  PutBucketLifecycleConfiguration: { action: 'PutLifecycleConfiguration', on: 'bucket' },
  GetBucketLifecycleConfiguration: { action: 'GetLifecycleConfiguration', on: 'bucket' },
  DeleteBucketLifecycle: { action: 'PutLifecycleConfiguration', on: 'bucket' },
  ListObjectsV2: { action: 'ListBucket', on: 'bucket' },
  ListObjects: { action: 'ListBucket', on: 'bucket' },
  ListMultipartUploads: { action: 'ListBucketMultipartUploads', on: 'bucket' },
  PutObject: { action: 'PutObject', on: 'object' },
  CopyObject: { action: 'PutObject', on: 'object' },
  GetObject: { action: 'GetObject', on: 'object' },
  HeadObject: { action: 'GetObject', on: 'object' },
  DeleteObject: { action: 'DeleteObject', on: 'object' },
  CreateMultipartUpload: { action: 'PutObject', on: 'object' },
  UploadPart: { action: 'PutObject', on: 'object' },
  CompleteMultipartUpload: { action: 'PutObject', on: 'object' },
  AbortMultipartUpload: { action: 'AbortMultipartUpload', on: 'object' },
  ListParts: { action: 'ListMultipartUploadParts', on: 'object' },
  DeleteObjects: { action: 'DeleteObject', on: 'object' },
};

/** The IAM action an S3 operation is authorized as (`HeadObject` → `s3:GetObject`). */
export function s3IamAction(operation: string): string {
  return `s3:${ACTIONS[operation]?.action ?? operation}`;
}

function context(req: SandboxRequest, owner: string | undefined): RequestContext {
  const out: RequestContext = {
    's3:authType': req.params['Presigned'] === true ? 'REST-QUERY-STRING' : 'REST-HEADER',
    's3:signatureversion': 'AWS4-HMAC-SHA256',
  };
  if (owner !== undefined) out['s3:ResourceAccount'] = owner;
  if (/^List(ObjectsV2|Objects)$/.test(req.operation)) {
    out['s3:prefix'] = str(req.params['prefix']) ?? '';
    const maxKeys = str(req.params['max-keys']);
    if (maxKeys !== undefined) out['s3:max-keys'] = maxKeys;
  }
  const sse = str(req.params['ServerSideEncryption']);
  if (sse !== undefined) out['s3:x-amz-server-side-encryption'] = sse;
  return out;
}

function creationTags(req: SandboxRequest): Record<string, string> {
  const config = (req.params['CreateBucketConfiguration'] ?? {}) as Record<string, unknown>;
  const tags = (config['Tags'] ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const t of repeated(tags['Tag'])) out[str(t['Key']) ?? ''] = str(t['Value']) ?? '';
  return out;
}

/** The authorizations of one S3 call; reads the bucket's owner and tags without changing state. */
export function s3Authorization(state: () => S3State) {
  return (req: SandboxRequest, ctx: ServiceContext): AuthorizationRequest[] => {
    const known = ACTIONS[req.operation];
    const action = s3IamAction(req.operation);
    if (!known || known.on === 'none') return [{ action }];
    const bucketName = str(req.params['Bucket']) ?? '';
    // A bucket that does not exist: S3 answers NoSuchBucket before authorizing anything.
    if (req.params[MISSING_BUCKET] === true) return [];
    const bucket = state().buckets[bucketName];
    // A bucket that does not exist yet (CreateBucket) is the caller's account's.
    const owner = bucket?.owner ?? (req.operation === 'CreateBucket' ? ctx.accountId : undefined);
    const tags = bucket?.tags ?? {};
    const bucketTags = Object.fromEntries(Object.entries(tags).map(([k, v]) => [`s3:BucketTag/${k}`, v]));
    const resource: ResourceRef =
      known.on === 'bucket'
        ? { type: 'bucket', ids: { BucketName: bucketName } }
        : { type: 'object', ids: { BucketName: bucketName, ObjectName: str(req.params['Key']) ?? '' } };
    const base: AuthorizationRequest = {
      action,
      resource,
      resourceTags: tags,
      context: { ...context(req, owner), ...bucketTags },
    };
    if (req.operation !== 'CreateBucket') return [base];
    // Creating a bucket with tags also needs s3:TagResource (S3 user guide, "Creating a
    // bucket with tags"); both see the tags as aws:RequestTag/….
    const requestTags = creationTags(req);
    if (Object.keys(requestTags).length === 0) return [base];
    const ctxKeys = context(req, owner);
    return [
      { action, resource, requestTags, context: ctxKeys },
      { action: 's3:TagResource', resource, requestTags, context: ctxKeys },
    ];
  };
}
