// Bucket configuration: default encryption, Block Public Access and lifecycle rules, read
// and written as S3's documents.
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { boolean, str } from '../common/params.js';
import { bucketOf } from './buckets.js';
import { S3Error, invalidArgument, malformedXml } from './errors.js';
import { getLifecycle, putLifecycle } from './lifecycle.js';
import type { Encryption, PublicAccessBlock, S3Context } from './state.js';
import { S3_RESULT } from './wire.js';
import { repeated } from './xml.js';

type Handler = (s3: S3Context, req: SandboxRequest, ctx: ServiceContext) => Record<string, unknown>;

const ALGORITHMS: readonly Encryption['algorithm'][] = ['AES256', 'aws:kms', 'aws:kms:dsse'];

function parseEncryption(doc: unknown): Encryption {
  const rules = repeated((doc as Record<string, unknown> | undefined)?.['Rule']);
  if (rules.length !== 1) throw malformedXml();
  const rule = rules[0]!;
  const apply = (rule['ApplyServerSideEncryptionByDefault'] ?? {}) as Record<string, unknown>;
  const algorithm = str(apply['SSEAlgorithm']);
  if (!ALGORITHMS.includes(algorithm as Encryption['algorithm'])) throw malformedXml();
  const kmsKeyId = str(apply['KMSMasterKeyID']);
  if (kmsKeyId !== undefined && algorithm === 'AES256')
    throw invalidArgument(
      'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse',
      'ApplyServerSideEncryptionByDefault',
    );
  return {
    algorithm: algorithm as Encryption['algorithm'],
    ...(kmsKeyId !== undefined ? { kmsKeyId } : {}),
    bucketKeyEnabled: boolean(rule['BucketKeyEnabled']) ?? false,
  };
}

const PAB_KEYS: ReadonlyArray<keyof PublicAccessBlock> = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
];

function parsePublicAccessBlock(doc: unknown): PublicAccessBlock {
  if (!doc || typeof doc !== 'object') throw malformedXml();
  const d = doc as Record<string, unknown>;
  const out = {} as PublicAccessBlock;
  for (const key of PAB_KEYS) out[key] = boolean(d[key], () => malformedXml()) ?? false;
  return out;
}

export const CONFIG_HANDLERS: Record<string, Handler> = {
  PutBucketEncryption: (s3, req, ctx) => {
    const bucket = bucketOf(s3, req, ctx);
    bucket.encryption = parseEncryption(req.params['ServerSideEncryptionConfiguration']);
    return {};
  },
  GetBucketEncryption: (s3, req, ctx) => {
    const { encryption: e } = bucketOf(s3, req, ctx);
    return {
      [S3_RESULT.root]: 'ServerSideEncryptionConfiguration',
      [S3_RESULT.xml]: {
        Rule: [
          {
            ApplyServerSideEncryptionByDefault: { SSEAlgorithm: e.algorithm, KMSMasterKeyID: e.kmsKeyId },
            BucketKeyEnabled: e.bucketKeyEnabled,
          },
        ],
      },
    };
  },
  PutPublicAccessBlock: (s3, req, ctx) => {
    const bucket = bucketOf(s3, req, ctx);
    bucket.publicAccessBlock = parsePublicAccessBlock(req.params['PublicAccessBlockConfiguration']);
    return {};
  },
  GetPublicAccessBlock: (s3, req, ctx) => {
    const bucket = bucketOf(s3, req, ctx);
    if (!bucket.publicAccessBlock)
      throw new S3Error(
        'NoSuchPublicAccessBlockConfiguration',
        'The public access block configuration was not found',
        404,
        { BucketName: bucket.name },
      );
    return {
      [S3_RESULT.root]: 'PublicAccessBlockConfiguration',
      [S3_RESULT.xml]: { ...bucket.publicAccessBlock },
    };
  },
  PutBucketLifecycleConfiguration: (s3, req, ctx) => putLifecycle(bucketOf(s3, req, ctx), req),
  GetBucketLifecycleConfiguration: (s3, req, ctx) => getLifecycle(bucketOf(s3, req, ctx)),
  DeleteBucketLifecycle: (s3, req, ctx) => {
    delete bucketOf(s3, req, ctx).lifecycle;
    return { [S3_RESULT.status]: 204 };
  },
};
