// Request payloads as S3 receives them. The SDK sends a streaming body with
// `Content-Encoding: aws-chunked` and `x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER`:
// `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n … 0\r\n<trailer>:<value>\r\n\r\n`, with the
// flexible checksum (CRC32 by default since SDK v3.729) as a trailer. Other bodies carry it
// (or Content-MD5) as a header. S3 checks every checksum it is given ("Checking object
// integrity" in the S3 user guide): a mismatch is BadDigest and nothing is stored.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { S3Error, badDigest } from './errors.js';
import type { Checksum } from './state.js';

export const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'SHA1', 'SHA256'] as const;

const incomplete = (): S3Error =>
  new S3Error('IncompleteBody', 'The request body terminated unexpectedly', 400);

/** Decodes an aws-chunked body: the payload and its trailing headers (lower-case names). */
export function decodeAwsChunked(body: Buffer): { data: Buffer; trailers: Record<string, string> } {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) throw incomplete();
    const size = parseInt(body.subarray(at, eol).toString('latin1').split(';')[0]!, 16);
    if (!Number.isSafeInteger(size) || size < 0) throw incomplete();
    at = eol + 2;
    if (size === 0) break;
    if (at + size + 2 > body.length) throw incomplete();
    chunks.push(body.subarray(at, at + size));
    at += size + 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.subarray(at).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { data: Buffer.concat(chunks), trailers };
}

let crc32cTable: Uint32Array | undefined;

/** CRC32C (Castagnoli), which zlib does not offer. */
function crc32c(data: Buffer): number {
  if (!crc32cTable) {
    crc32cTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
      crc32cTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = crc32cTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const uint32Base64 = (n: number): string => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b.toString('base64');
};

/** The checksum of `data` with an S3 algorithm, base64 as in `x-amz-checksum-*`. */
export function checksumOf(algorithm: string, data: Buffer): string {
  switch (algorithm) {
    case 'CRC32':
      return uint32Base64(crc32(data));
    case 'CRC32C':
      return uint32Base64(crc32c(data));
    case 'SHA1':
      return createHash('sha1').update(data).digest('base64');
    case 'SHA256':
      return createHash('sha256').update(data).digest('base64');
    default:
      throw new S3Error('NotImplemented', `The sandbox does not verify ${algorithm} checksums`, 501);
  }
}

const header = (headers: Record<string, string>, name: string): string | undefined => headers[name];

/**
 * Checks Content-MD5 and the one `x-amz-checksum-*` value given (header or trailer), and
 * returns the checksum to keep with the object.
 */
export function verifyChecksums(data: Buffer, headers: Record<string, string>): Checksum | undefined {
  const md5 = header(headers, 'content-md5');
  if (md5 !== undefined) {
    if (Buffer.from(md5, 'base64').length !== 16)
      throw new S3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400);
    if (createHash('md5').update(data).digest('base64') !== md5)
      throw new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400);
  }
  const given = Object.keys(headers).filter(
    (h) => h.startsWith('x-amz-checksum-') && h !== 'x-amz-checksum-type',
  );
  if (given.length > 1)
    throw new S3Error(
      'InvalidRequest',
      'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
      400,
    );
  const name = given[0];
  if (name === undefined) return undefined;
  const algorithm = name.slice('x-amz-checksum-'.length).toUpperCase();
  const value = headers[name]!;
  if (checksumOf(algorithm, data) !== value) throw badDigest(algorithm);
  return { algorithm, value };
}

/** The payload and the headers that describe it, aws-chunked decoded when it is. */
export function readPayload(
  bytes: Buffer,
  headers: Record<string, string>,
): { data: Buffer; headers: Record<string, string> } {
  const chunked =
    (headers['content-encoding'] ?? '').split(',').some((e) => e.trim() === 'aws-chunked') ||
    (headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
  if (!chunked) return { data: bytes, headers };
  const { data, trailers } = decodeAwsChunked(bytes);
  const declared = headers['x-amz-decoded-content-length'];
  if (declared !== undefined && Number(declared) !== data.length) throw incomplete();
  return { data, headers: { ...headers, ...trailers } };
}
