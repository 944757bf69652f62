// S3's wire (restXml, path-style addressing: `/<bucket>` and `/<bucket>/<key>`): which
// operation a request is, chosen by method, whether a key is named, the sub-resource in
// the query (`?tagging`, `?uploads`, `?uploadId=…`, `list-type=2`) and a header or two;
// presigned requests verified once they arrive (Decoded.authenticate), before IAM.
// Responses are S3's own: documents with their own roots, data in headers, object bytes as
// the body, errors as `<Error>`.
import { AwsError, RESPONSE_HEADERS, type EmulatedService, type ServiceContext } from '../../service.js';
import type { Decoded, ProtocolCodec, RawRequest, RawResponse } from '../../protocols/types.js';
import { S3Error } from './errors.js';
import { readPayload, verifyChecksums } from './payload.js';
import { isPresigned, verifyPresigned } from './signing.js';
import { parseS3Xml, renderS3Xml, type XmlTree } from './xml.js';

/** Reserved keys of a handler's result (besides RESPONSE_HEADERS). */
export const S3_RESULT = {
  /** HTTP status of the success (default 200). */
  status: '$status',
  /** Root element name of the XML document; with `xml` the tree under it. */
  root: '$root',
  xml: '$xml',
  /** The object's bytes as the body. */
  bytes: '$bytes',
} as const;

/** Set (non-enumerable) on the params of a call naming a bucket that does not exist. */
export const MISSING_BUCKET = '$missingBucket';

/** The decoded payload, kept off the call log (non-enumerable on params). */
export const BODY = '$body';

export const bodyOf = (params: Record<string, unknown>): Buffer =>
  (params[BODY] as Buffer | undefined) ?? Buffer.alloc(0);

type Route = (hasKey: boolean, query: URLSearchParams, headers: Record<string, string>) => string | undefined;

const sub = (query: URLSearchParams, names: readonly string[]): string | undefined =>
  names.find((n) => query.has(n));

const BUCKET_SUBRESOURCES: Record<string, string> = {
  tagging: 'BucketTagging',
  encryption: 'BucketEncryption',
  publicAccessBlock: 'PublicAccessBlock',
  lifecycle: 'BucketLifecycleConfiguration',
};

const ROUTES: Record<string, Route> = {
  GET: (hasKey, q) => {
    if (hasKey) return q.has('uploadId') ? 'ListParts' : 'GetObject';
    const s = sub(q, Object.keys(BUCKET_SUBRESOURCES));
    if (s) return `Get${BUCKET_SUBRESOURCES[s]}`;
    if (q.has('location')) return 'GetBucketLocation';
    if (q.has('uploads')) return 'ListMultipartUploads';
    return q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
  },
  HEAD: (hasKey) => (hasKey ? 'HeadObject' : 'HeadBucket'),
  PUT: (hasKey, q, h) => {
    if (hasKey) {
      if (q.has('partNumber') && q.has('uploadId')) return 'UploadPart';
      return h['x-amz-copy-source'] ? 'CopyObject' : 'PutObject';
    }
    const s = sub(q, Object.keys(BUCKET_SUBRESOURCES));
    return s ? `Put${BUCKET_SUBRESOURCES[s]}` : 'CreateBucket';
  },
  POST: (hasKey, q) => {
    if (!hasKey) return q.has('delete') ? 'DeleteObjects' : undefined;
    if (q.has('uploads')) return 'CreateMultipartUpload';
    return q.has('uploadId') ? 'CompleteMultipartUpload' : undefined;
  },
  DELETE: (hasKey, q) => {
    if (hasKey) return q.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
    if (q.has('tagging')) return 'DeleteBucketTagging';
    if (q.has('lifecycle')) return 'DeleteBucketLifecycle';
    return 'DeleteBucket';
  },
};

/** Header names handed to handlers as params (S3's model names). */
const HEADER_PARAMS: Record<string, string> = {
  'content-type': 'ContentType',
  'content-md5': 'ContentMD5',
  'if-none-match': 'IfNoneMatch',
  'if-match': 'IfMatch',
  'x-amz-expected-bucket-owner': 'ExpectedBucketOwner',
  'x-amz-server-side-encryption': 'ServerSideEncryption',
  'x-amz-checksum-mode': 'ChecksumMode',
  'x-amz-checksum-algorithm': 'ChecksumAlgorithm',
  'x-amz-sdk-checksum-algorithm': 'ChecksumAlgorithm',
  'x-amz-tagging': 'Tagging',
};

function flatHeaders(raw: RawRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  }
  return out;
}

/** `/bucket/a/b%20c` → bucket `bucket`, key `a/b c`; `/` → neither. */
function bucketAndKey(path: string): { bucket?: string; key?: string } {
  const rest = path.replace(/^\//, '');
  if (rest === '') return {};
  const slash = rest.indexOf('/');
  if (slash < 0) return { bucket: decodeURIComponent(rest) };
  const key = rest.slice(slash + 1);
  return {
    bucket: decodeURIComponent(rest.slice(0, slash)),
    ...(key === '' ? {} : { key: decodeURIComponent(key) }),
  };
}

const WITH_BODY = /^(PutObject|UploadPart|Put|CompleteMultipartUpload|DeleteObjects|CreateBucket)/;

/** Checks a presigned request on the sandbox clock, when it is checked (see `authenticate`). */
const checkPresigned = (raw: RawRequest, ctx: ServiceContext): void =>
  void verifyPresigned(raw, (key) => ctx.options?.credentials?.[key], ctx.clock.now());

function decodeRequest(raw: RawRequest, ctx: ServiceContext, exists: (bucket: string) => boolean): Decoded {
  const presigned = isPresigned(raw);
  const headers = flatHeaders(raw);
  const { bucket, key } = bucketAndKey(raw.path);
  const route = ROUTES[raw.method];
  const operation =
    bucket === undefined
      ? raw.method === 'GET'
        ? 'ListBuckets'
        : undefined
      : route?.(key !== undefined, raw.query, headers);
  if (!operation)
    throw new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
      Method: raw.method,
    });
  const params: Record<string, unknown> = {};
  // S3 answers NoSuchBucket for a bucket that does not exist, to whoever asks: there is no
  // owner whose policies could apply. Marked here (off the call log), so IAM lets it through
  // to the handler, which answers NoSuchBucket.
  if (bucket !== undefined && operation !== 'CreateBucket' && !exists(bucket))
    Object.defineProperty(params, MISSING_BUCKET, { value: true, enumerable: false });
  for (const [k, v] of raw.query) if (!k.startsWith('X-Amz-')) params[k] = v;
  for (const [h, name] of Object.entries(HEADER_PARAMS))
    if (headers[h] !== undefined) params[name] = headers[h];
  const metadata = Object.entries(headers).filter(([h]) => h.startsWith('x-amz-meta-'));
  if (metadata.length > 0)
    params['Metadata'] = Object.fromEntries(metadata.map(([h, v]) => [h.slice(11), v]));
  if (bucket !== undefined) params['Bucket'] = bucket;
  if (key !== undefined) params['Key'] = key;
  if (presigned) params['Presigned'] = true;
  if (WITH_BODY.test(operation)) {
    const payload = readPayload(raw.bytes ?? Buffer.from(raw.body, 'utf8'), headers);
    const checksum = verifyChecksums(payload.data, payload.headers);
    if (checksum) params['Checksum'] = checksum;
    params['ContentLength'] = payload.data.length;
    Object.defineProperty(params, BODY, { value: payload.data, enumerable: false });
    if (!/^(PutObject|UploadPart)$/.test(operation)) {
      const doc = parseS3Xml(payload.data.toString('utf8'));
      if (doc) params[doc.root] = doc.content;
    }
  }
  // The front authenticates after the request's arrival (a latency fault may hold it): a
  // URL that was valid when sent may have expired when S3 reads it. The call log then names
  // the refused operation (GetObject, Presigned) rather than an unknown call.
  return { operation, params, ...(presigned ? { authenticate: () => checkPresigned(raw, ctx) } : {}) };
}

/** S3's codec, answering in sandbox time (the `Date` the SDK samples to correct its clock). */
export function s3Codec(ctx: ServiceContext, exists: (bucket: string) => boolean): ProtocolCodec {
  const baseHeaders = (requestId: string): Record<string, string> => ({
    'x-amz-request-id': requestId,
    'x-amz-id-2': Buffer.from(requestId).toString('base64'),
    date: new Date(ctx.clock.now()).toUTCString(),
  });
  return {
    decode(raw: RawRequest, _service: EmulatedService) {
      try {
        return decodeRequest(raw, ctx, exists);
      } catch (e) {
        if (!(e instanceof AwsError)) throw e;
        // S3 authenticates a presigned request before reading it: a forged or expired URL
        // is refused as such, whatever else is wrong with the request.
        try {
          if (isPresigned(raw)) checkPresigned(raw, ctx);
        } catch (auth) {
          if (auth instanceof AwsError) return auth;
          throw auth;
        }
        return e;
      }
    },
    success(_service, _operation, result, requestId): RawResponse {
      const headers: Record<string, string> = baseHeaders(requestId);
      const extra = result[RESPONSE_HEADERS] as Record<string, unknown> | undefined;
      for (const [k, v] of Object.entries(extra ?? {}))
        if (v !== undefined) headers[k.toLowerCase()] = String(v);
      const status = (result[S3_RESULT.status] as number | undefined) ?? 200;
      const bytes = result[S3_RESULT.bytes] as Buffer | undefined;
      if (bytes) return { status, headers, body: '', bytes };
      const root = result[S3_RESULT.root] as string | undefined;
      if (!root) return { status, headers, body: '' };
      headers['content-type'] = 'application/xml';
      return { status, headers, body: renderS3Xml(root, result[S3_RESULT.xml] as XmlTree) };
    },
    error(_service, err, requestId): RawResponse {
      const details = err instanceof S3Error ? err.details : {};
      const body = renderS3Xml(
        'Error',
        {
          Code: err.code,
          Message: err.message,
          ...details,
          RequestId: requestId,
          HostId: Buffer.from(requestId).toString('base64'),
        },
        undefined,
      );
      return {
        status: err.status,
        headers: { ...baseHeaders(requestId), 'content-type': 'application/xml' },
        body,
      };
    },
  };
}
