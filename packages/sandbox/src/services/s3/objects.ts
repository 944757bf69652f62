// Objects: Put/Get/Head/Delete and ListObjectsV2 (S3 API reference). Keys are at most
// 1024 bytes of UTF-8; a single PUT at most 5 GiB ("Amazon S3 multipart upload limits").
// Conditional writes (`If-None-Match: *`, `If-Match: <etag>`) answer 412 as S3 does.
import { createHash } from 'node:crypto';
import { RESPONSE_HEADERS, type SandboxRequest, type ServiceContext } from '../../service.js';
import { integer, str } from '../common/params.js';
import { bucketOf } from './buckets.js';
import { S3Error, invalidArgument, noSuchKey } from './errors.js';
import type { Checksum, S3Context, S3Object } from './state.js';
import { S3_RESULT, bodyOf } from './wire.js';

export const MAX_KEY_BYTES = 1024;
export const MAX_PUT_BYTES = 5 * 1024 ** 3;
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export function keyOf(req: SandboxRequest): string {
  const key = str(req.params['Key']) ?? '';
  if (Buffer.byteLength(key) > MAX_KEY_BYTES)
    throw new S3Error('KeyTooLongError', 'Your key is too long', 400, {
      Size: String(Buffer.byteLength(key)),
    });
  return key;
}

const preconditionFailed = (condition: string): S3Error =>
  new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, {
    Condition: condition,
  });

/** Refuses a write whose If-None-Match / If-Match does not hold for what is stored now. */
export function checkWriteConditions(req: SandboxRequest, existing: S3Object | undefined): void {
  const noneMatch = str(req.params['IfNoneMatch']);
  if (noneMatch !== undefined) {
    if (noneMatch !== '*')
      throw new S3Error(
        'NotImplemented',
        'A header you provided implies functionality that is not implemented',
        501,
        { Header: 'If-None-Match' },
      );
    if (existing) throw preconditionFailed('If-None-Match');
  }
  const match = str(req.params['IfMatch']);
  if (match !== undefined) {
    if (!existing) throw noSuchKey(keyOf(req));
    if (match !== existing.etag && `"${match}"` !== existing.etag) throw preconditionFailed('If-Match');
  }
}

const checksumHeaders = (checksum: Checksum | undefined): Record<string, string> =>
  checksum ? { [`x-amz-checksum-${checksum.algorithm.toLowerCase()}`]: checksum.value } : {};

export function putObject(s3: S3Context, req: SandboxRequest, ctx: ServiceContext): Record<string, unknown> {
  const bucket = bucketOf(s3, req, ctx);
  const key = keyOf(req);
  if (key === '') throw invalidArgument('A key must be given');
  const data = bodyOf(req.params);
  if (data.length > MAX_PUT_BYTES)
    throw new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400);
  checkWriteConditions(req, bucket.objects[key]);
  const checksum = req.params['Checksum'] as Checksum | undefined;
  const object: S3Object = {
    key,
    data: data.toString('base64'),
    size: data.length,
    etag: `"${createHash('md5').update(data).digest('hex')}"`,
    lastModified: ctx.clock.now(),
    contentType: str(req.params['ContentType']) ?? DEFAULT_CONTENT_TYPE,
    metadata: (req.params['Metadata'] as Record<string, string> | undefined) ?? {},
    ...(checksum ? { checksum } : {}),
  };
  bucket.objects[key] = object;
  return {
    [RESPONSE_HEADERS]: {
      ETag: object.etag,
      'x-amz-server-side-encryption': bucket.encryption.algorithm,
      ...checksumHeaders(checksum),
    },
  };
}

function objectHeaders(object: S3Object, req: SandboxRequest, encryption: string): Record<string, string> {
  const withChecksum = str(req.params['ChecksumMode'])?.toUpperCase() === 'ENABLED';
  return {
    'Content-Type': object.contentType,
    'Content-Length': String(object.size),
    ETag: object.etag,
    'Last-Modified': new Date(object.lastModified).toUTCString(),
    'Accept-Ranges': 'bytes',
    'x-amz-server-side-encryption': encryption,
    ...Object.fromEntries(Object.entries(object.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v])),
    ...(withChecksum ? checksumHeaders(object.checksum) : {}),
  };
}

function found(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): { object: S3Object; encryption: string } {
  const bucket = bucketOf(s3, req, ctx);
  const key = keyOf(req);
  const object = bucket.objects[key];
  if (!object) throw noSuchKey(key);
  return { object, encryption: bucket.encryption.algorithm };
}

export function getObject(s3: S3Context, req: SandboxRequest, ctx: ServiceContext): Record<string, unknown> {
  const { object, encryption } = found(s3, req, ctx);
  return {
    [RESPONSE_HEADERS]: objectHeaders(object, req, encryption),
    [S3_RESULT.bytes]: Buffer.from(object.data, 'base64'),
  };
}

export function headObject(s3: S3Context, req: SandboxRequest, ctx: ServiceContext): Record<string, unknown> {
  const { object, encryption } = found(s3, req, ctx);
  return { [RESPONSE_HEADERS]: objectHeaders(object, req, encryption) };
}

export function deleteObject(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const bucket = bucketOf(s3, req, ctx);
  const key = keyOf(req);
  const match = str(req.params['IfMatch']);
  const existing = bucket.objects[key];
  if (match !== undefined && existing && match !== existing.etag && `"${match}"` !== existing.etag)
    throw preconditionFailed('If-Match');
  // Deleting a key that does not exist succeeds (204), as on an unversioned bucket.
  delete bucket.objects[key];
  return { [S3_RESULT.status]: 204 };
}

/** Continuation tokens: the last key listed, opaque (base64) as S3's are. */
const encodeToken = (key: string): string => Buffer.from(`immut-sandbox:${key}`).toString('base64');

function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  if (!text.startsWith('immut-sandbox:'))
    throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  return text.slice('immut-sandbox:'.length);
}

export function listObjectsV2(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const bucket = bucketOf(s3, req, ctx);
  const prefix = str(req.params['prefix']) ?? '';
  const delimiter = str(req.params['delimiter']) ?? '';
  const maxKeys =
    integer(req.params['max-keys'], (t) =>
      invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', t),
    ) ?? 1000;
  if (maxKeys < 0)
    throw invalidArgument(
      'Provided max-keys not an integer or within integer range',
      'max-keys',
      String(maxKeys),
    );
  const token = str(req.params['continuation-token']);
  const startAfter = str(req.params['start-after']) ?? '';
  const after = token !== undefined ? decodeToken(token) : startAfter;
  const keys = Object.keys(bucket.objects)
    .filter((k) => k.startsWith(prefix) && k > after)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const contents: S3Object[] = [];
  const prefixes: string[] = [];
  let last: string | undefined;
  let truncated = false;
  for (const key of keys) {
    const cut = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
    const common = cut >= 0 ? key.slice(0, cut + delimiter.length) : undefined;
    if (common !== undefined && prefixes.includes(common)) continue;
    if (contents.length + prefixes.length >= maxKeys) {
      truncated = true;
      break;
    }
    if (common !== undefined) prefixes.push(common);
    else contents.push(bucket.objects[key]!);
    // A common prefix resumes after every key under it.
    last = common !== undefined ? `${common}\u{10ffff}` : key;
  }
  return {
    [S3_RESULT.root]: 'ListBucketResult',
    [S3_RESULT.xml]: {
      Name: bucket.name,
      Prefix: prefix,
      ...(delimiter !== '' ? { Delimiter: delimiter } : {}),
      MaxKeys: maxKeys,
      KeyCount: contents.length + prefixes.length,
      IsTruncated: truncated,
      ...(token !== undefined ? { ContinuationToken: token } : {}),
      ...(truncated && last !== undefined ? { NextContinuationToken: encodeToken(last) } : {}),
      ...(startAfter !== '' ? { StartAfter: startAfter } : {}),
      Contents: contents.map((o) => ({
        Key: o.key,
        LastModified: new Date(o.lastModified),
        ETag: o.etag,
        Size: o.size,
        StorageClass: 'STANDARD',
        ...(o.checksum ? { ChecksumAlgorithm: o.checksum.algorithm } : {}),
      })),
      CommonPrefixes: prefixes.map((p) => ({ Prefix: p })),
    },
  };
}
