// Presigned URLs, verified as S3 does (S3 API reference, "Authenticating Requests: Using
// Query Parameters (AWS Signature Version 4)"): the canonical request is rebuilt from the
// request as received (the payload is `UNSIGNED-PAYLOAD`), signed with the secret the
// sandbox issued for the access key, and compared with X-Amz-Signature; then the expiry
// (X-Amz-Date + X-Amz-Expires, at most 7 days) is checked against sandbox time.
// Header-signed requests are not verified (the sandbox takes any credentials for them).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { RawRequest } from '../../protocols/types.js';
import { S3Error, accessDenied } from './errors.js';

/** X-Amz-Expires' ceiling: "Minimum value of 1. Maximum value of 604800 (seven days)". */
export const PRESIGNED_MAX_EXPIRES_SECONDS = 604_800;

const REQUIRED = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
] as const;

/** Whether a request is presigned (its authentication is in the query). */
export const isPresigned = (raw: RawRequest): boolean =>
  raw.query.has('X-Amz-Signature') || raw.query.has('X-Amz-Credential');

const queryError = (message: string): S3Error =>
  new S3Error('AuthorizationQueryParametersError', message, 400);

/** RFC 3986 encoding as SigV4 wants it: encodeURIComponent plus `!'()*`. */
const uriEscape = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const sha256Hex = (data: string): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

function canonicalQuery(query: URLSearchParams): string {
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of query) if (k !== 'X-Amz-Signature') pairs.push([uriEscape(k), uriEscape(v)]);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function canonicalHeaders(raw: RawRequest, signed: string[]): string {
  return signed
    .map((name) => {
      const value = raw.headers[name];
      const text = Array.isArray(value) ? value.join(',') : (value ?? '');
      return `${name}:${text.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
}

/** The canonical request S3 rebuilds from what it received. */
export function canonicalRequest(raw: RawRequest, signedHeaders: string[]): string {
  return [
    raw.method,
    raw.path,
    canonicalQuery(raw.query),
    canonicalHeaders(raw, signedHeaders),
    signedHeaders.join(';'),
    raw.query.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
  ].join('\n');
}

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

/** `20250107T120000Z` → ms since the epoch, or undefined. */
function amzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

export interface PresignedIdentity {
  accessKeyId: string;
  /** When the URL was signed (sandbox time, ms). */
  signedAt: number;
}

/**
 * Checks a presigned request; throws S3's error for a malformed, forged or expired one.
 * `secretOf` gives the secret the sandbox issued for an access key (undefined: unknown key).
 */
export function verifyPresigned(
  raw: RawRequest,
  secretOf: (accessKeyId: string) => string | undefined,
  now: number,
): PresignedIdentity {
  const missing = REQUIRED.filter((k) => !raw.query.get(k));
  if (missing.length > 0)
    throw queryError(`Query-string authentication version 4 requires the ${REQUIRED.join(', ')} parameters.`);
  const q = (k: (typeof REQUIRED)[number]): string => raw.query.get(k)!;
  if (q('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256')
    throw queryError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  const expires = Number(q('X-Amz-Expires'));
  if (!/^\d+$/.test(q('X-Amz-Expires')) || expires < 1)
    throw queryError('X-Amz-Expires must be non-negative');
  if (expires > PRESIGNED_MAX_EXPIRES_SECONDS)
    throw queryError('X-Amz-Expires must be less than a week (in seconds) that is; 604800 seconds');
  const signedAt = amzDate(q('X-Amz-Date'));
  if (signedAt === undefined)
    throw queryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
  const scope = q('X-Amz-Credential').split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request' || scope[3] !== 's3')
    throw queryError(
      `Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`,
    );
  const [accessKeyId, date, region] = scope as [string, string, string, string, string];
  if (date !== q('X-Amz-Date').slice(0, 8))
    throw queryError(
      `Error parsing the X-Amz-Credential parameter; incorrect date format "${date}". This date in the credential must be in the format "yyyyMMdd".`,
    );
  const secret = secretOf(accessKeyId);
  if (secret === undefined) {
    throw new S3Error(
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
      403,
      {
        AWSAccessKeyId: accessKeyId,
      },
    );
  }
  const signedHeaders = q('X-Amz-SignedHeaders').split(';');
  const canonical = canonicalRequest(raw, signedHeaders);
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    q('X-Amz-Date'),
    scope.slice(1).join('/'),
    sha256Hex(canonical),
  ].join('\n');
  const expected = createHmac('sha256', signingKey(secret, date, region, 's3'))
    .update(stringToSign)
    .digest();
  const given = Buffer.from(q('X-Amz-Signature'), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new S3Error(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      403,
      {
        AWSAccessKeyId: accessKeyId,
        StringToSign: stringToSign,
        SignatureProvided: q('X-Amz-Signature'),
        CanonicalRequest: canonical,
      },
    );
  }
  if (now > signedAt + expires * 1000) {
    throw accessDenied('Request has expired', {
      'X-Amz-Expires': String(expires),
      Expires: new Date(signedAt + expires * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ServerTime: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  }
  return { accessKeyId, signedAt };
}
