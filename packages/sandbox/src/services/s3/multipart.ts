// Multipart uploads ("Amazon S3 multipart upload limits" in the S3 user guide): part
// numbers 1–10,000, each part at most 5 GiB and at least 5 MiB except the last (checked
// at completion: EntityTooSmall), parts listed in ascending order with the ETags UploadPart
// returned. The object's ETag is the MD5 of the parts' binary MD5s, then `-<count>`.
import { createHash } from 'node:crypto';
import { RESPONSE_HEADERS, type SandboxRequest, type ServiceContext } from '../../service.js';
import { integer, str } from '../common/params.js';
import { bucketOf } from './buckets.js';
import { S3Error, invalidArgument, noSuchUpload } from './errors.js';
import { checkWriteConditions, keyOf } from './objects.js';
import { checksumOf } from './payload.js';
import type { Checksum, MultipartUpload, S3Context, S3Object } from './state.js';
import { S3_RESULT, bodyOf } from './wire.js';
import { repeated } from './xml.js';

export const MIN_PART_BYTES = 5 * 1024 ** 2;
export const MAX_PART_BYTES = 5 * 1024 ** 3;
export const MAX_PARTS = 10_000;

export function createMultipartUpload(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const bucket = bucketOf(s3, req, ctx);
  const key = keyOf(req);
  if (key === '') throw invalidArgument('A key must be given');
  const uploadId = Buffer.from(ctx.ids.next('mpu', 32)).toString('base64url');
  const algorithm = str(req.params['ChecksumAlgorithm'])?.toUpperCase();
  s3.state.uploads[uploadId] = {
    uploadId,
    bucket: bucket.name,
    key,
    initiated: ctx.clock.now(),
    contentType: str(req.params['ContentType']) ?? 'application/octet-stream',
    metadata: (req.params['Metadata'] as Record<string, string> | undefined) ?? {},
    ...(algorithm ? { checksumAlgorithm: algorithm } : {}),
    parts: {},
  };
  return {
    [RESPONSE_HEADERS]: algorithm ? { 'x-amz-checksum-algorithm': algorithm } : {},
    [S3_RESULT.root]: 'InitiateMultipartUploadResult',
    [S3_RESULT.xml]: { Bucket: bucket.name, Key: key, UploadId: uploadId },
  };
}

function uploadOf(s3: S3Context, req: SandboxRequest, ctx: ServiceContext): MultipartUpload {
  const bucket = bucketOf(s3, req, ctx);
  const uploadId = str(req.params['uploadId']) ?? '';
  const upload = s3.state.uploads[uploadId];
  if (!upload || upload.bucket !== bucket.name || upload.key !== keyOf(req)) throw noSuchUpload(uploadId);
  return upload;
}

const badPartNumber = (text: string): S3Error =>
  invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', text);

export function uploadPart(s3: S3Context, req: SandboxRequest, ctx: ServiceContext): Record<string, unknown> {
  const upload = uploadOf(s3, req, ctx);
  const partNumber = integer(req.params['partNumber'], badPartNumber);
  if (partNumber === undefined || partNumber < 1 || partNumber > MAX_PARTS)
    throw badPartNumber(String(partNumber));
  const data = bodyOf(req.params);
  if (data.length > MAX_PART_BYTES)
    throw new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400);
  const checksum = req.params['Checksum'] as Checksum | undefined;
  const etag = `"${createHash('md5').update(data).digest('hex')}"`;
  upload.parts[String(partNumber)] = {
    partNumber,
    data: data.toString('base64'),
    size: data.length,
    etag,
    ...(checksum ? { checksum } : {}),
  };
  return {
    [RESPONSE_HEADERS]: {
      ETag: etag,
      ...(checksum ? { [`x-amz-checksum-${checksum.algorithm.toLowerCase()}`]: checksum.value } : {}),
    },
  };
}

const invalidPart = (): S3Error =>
  new S3Error(
    'InvalidPart',
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
  );

/** The parts the completion names, checked against what was uploaded, in order. */
function completedParts(upload: MultipartUpload, req: SandboxRequest) {
  const doc = req.params['CompleteMultipartUpload'] as Record<string, unknown> | undefined;
  const listed = repeated(doc?.['Part']);
  if (listed.length === 0)
    throw new S3Error(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema',
      400,
    );
  const numbers = listed.map((p) => integer(p['PartNumber'], badPartNumber) ?? 0);
  if (numbers.some((n, i) => i > 0 && n <= numbers[i - 1]!))
    throw new S3Error(
      'InvalidPartOrder',
      'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
      400,
    );
  return listed.map((p, i) => {
    const number = numbers[i]!;
    const part = upload.parts[String(number)];
    const etag = str(p['ETag']) ?? '';
    if (!part || (etag !== part.etag && `"${etag}"` !== part.etag)) throw invalidPart();
    if (i < listed.length - 1 && part.size < MIN_PART_BYTES)
      throw new S3Error(
        'EntityTooSmall',
        'Your proposed upload is smaller than the minimum allowed object size.',
        400,
        {
          ProposedSize: String(part.size),
          MinSizeAllowed: String(MIN_PART_BYTES),
          PartNumber: String(number),
          ETag: part.etag,
        },
      );
    return part;
  });
}

/** The composite checksum S3 gives a multipart object: the checksum of the parts' checksums, `-N`. */
function compositeChecksum(
  upload: MultipartUpload,
  parts: ReturnType<typeof completedParts>,
): Checksum | undefined {
  const algorithm = upload.checksumAlgorithm;
  if (!algorithm || parts.some((p) => p.checksum?.algorithm !== algorithm)) return undefined;
  const joined = Buffer.concat(parts.map((p) => Buffer.from(p.checksum!.value, 'base64')));
  return { algorithm, value: `${checksumOf(algorithm, joined)}-${parts.length}` };
}

export function completeMultipartUpload(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const upload = uploadOf(s3, req, ctx);
  const bucket = bucketOf(s3, req, ctx);
  const parts = completedParts(upload, req);
  checkWriteConditions(req, bucket.objects[upload.key]);
  const data = Buffer.concat(parts.map((p) => Buffer.from(p.data, 'base64')));
  const md5s = Buffer.concat(parts.map((p) => Buffer.from(p.etag.replace(/"/g, ''), 'hex')));
  const etag = `"${createHash('md5').update(md5s).digest('hex')}-${parts.length}"`;
  const checksum = compositeChecksum(upload, parts);
  const object: S3Object = {
    key: upload.key,
    data: data.toString('base64'),
    size: data.length,
    etag,
    lastModified: ctx.clock.now(),
    contentType: upload.contentType,
    metadata: upload.metadata,
    ...(checksum ? { checksum } : {}),
  };
  bucket.objects[upload.key] = object;
  delete s3.state.uploads[upload.uploadId];
  return {
    [RESPONSE_HEADERS]: { 'x-amz-server-side-encryption': bucket.encryption.algorithm },
    [S3_RESULT.root]: 'CompleteMultipartUploadResult',
    [S3_RESULT.xml]: {
      Location: `/${bucket.name}/${encodeURIComponent(upload.key).replace(/%2F/g, '/')}`,
      Bucket: bucket.name,
      Key: upload.key,
      ETag: etag,
      ...(checksum ? { [`Checksum${checksum.algorithm}`]: checksum.value } : {}),
    },
  };
}

export function abortMultipartUpload(
  s3: S3Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const upload = uploadOf(s3, req, ctx);
  delete s3.state.uploads[upload.uploadId];
  return { [S3_RESULT.status]: 204 };
}
