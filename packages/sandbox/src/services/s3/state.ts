// S3's state: buckets (one global namespace, each in a region and owned by an account)
// with their configuration and objects, and the multipart uploads in progress. Plain JSON
// (object bytes as base64) so `--state FILE` can keep it.
import type { TagMap } from '../common/tags.js';

export interface Checksum {
  /** `CRC32`, `CRC32C`, `SHA1` or `SHA256`, as S3 names them. */
  algorithm: string;
  /** Base64, as in the `x-amz-checksum-*` headers; multipart: `<checksum of checksums>-N`. */
  value: string;
}

export interface S3Object {
  key: string;
  /** The bytes, base64. */
  data: string;
  size: number;
  /** Quoted, as S3 returns it: `"<md5 hex>"`, or `"<md5 of part md5s>-N"` after multipart. */
  etag: string;
  lastModified: number;
  contentType: string;
  metadata: Record<string, string>;
  checksum?: Checksum;
}

export interface LifecycleRule {
  id: string;
  status: 'Enabled' | 'Disabled';
  /** The rule's filter prefix ('' = every object). */
  prefix: string;
  expirationDays?: number;
  abortIncompleteDays?: number;
}

export interface PublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface Encryption {
  algorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
  kmsKeyId?: string;
  bucketKeyEnabled: boolean;
}

export interface Bucket {
  name: string;
  region: string;
  /** The owning account: buckets of other accounts exist only to be collided with. */
  owner: string;
  createdAt: number;
  /** Undefined: no tag set (GetBucketTagging answers NoSuchTagSet). */
  tags?: TagMap;
  encryption: Encryption;
  publicAccessBlock?: PublicAccessBlock;
  lifecycle?: LifecycleRule[];
  objects: Record<string, S3Object>;
}

export interface UploadedPart {
  partNumber: number;
  data: string;
  size: number;
  etag: string;
  checksum?: Checksum;
}

export interface MultipartUpload {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: number;
  contentType: string;
  metadata: Record<string, string>;
  checksumAlgorithm?: string;
  parts: Record<string, UploadedPart>;
}

export interface S3State {
  buckets: Record<string, Bucket>;
  uploads: Record<string, MultipartUpload>;
}

export const emptyState = (): S3State => ({ buckets: {}, uploads: {} });

/** What every handler is given: the state and the sandbox account. */
export interface S3Context {
  state: S3State;
}
