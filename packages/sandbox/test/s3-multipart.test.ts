// Multipart uploads: @aws-sdk/lib-storage's Upload over the unmodified client (a body over
// 5 MiB goes in parts), and S3's part rules through the low-level calls.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../src/index.js';
import { failure } from './helpers.js';
import { s3Client, startS3Sandbox } from './s3-helpers.js';

let sandbox: Sandbox;
let s3: S3Client;
const MiB = 1024 * 1024;

beforeAll(async () => {
  sandbox = await startS3Sandbox();
  s3 = s3Client(sandbox);
  await s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
});
afterAll(async () => {
  s3.destroy();
  await sandbox.stop();
});

/** Bytes that differ per position, so a misplaced part would show. */
const pattern = (size: number): Buffer => {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) b.writeUInt32BE(i >>> 0, i);
  return b;
};

describe('multipart uploads', () => {
  it('assembles a lib-storage Upload of 12 MiB from its parts, with a multipart ETag', async () => {
    const body = pattern(12 * MiB);
    sandbox.clearCalls();
    const done = await new Upload({
      client: s3,
      params: { Bucket: 'uploads', Key: 'big.bin', Body: body },
      partSize: 5 * MiB,
    }).done();
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-3"$/);
    const ops = sandbox.calls().map((c) => c.operation);
    expect(ops.filter((o) => o === 'UploadPart')).toHaveLength(3);
    expect(ops).toContain('CreateMultipartUpload');
    expect(ops).toContain('CompleteMultipartUpload');
    const got = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'big.bin' }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      createHash('sha256').update(body).digest('hex'),
    );
  });

  it('refuses to complete with a part under 5 MiB that is not the last (EntityTooSmall)', async () => {
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'uploads', Key: 'small-parts' }),
    );
    const p1 = await s3.send(
      new UploadPartCommand({ Bucket: 'uploads', Key: 'small-parts', UploadId, PartNumber: 1, Body: 'a' }),
    );
    const p2 = await s3.send(
      new UploadPartCommand({ Bucket: 'uploads', Key: 'small-parts', UploadId, PartNumber: 2, Body: 'b' }),
    );
    const parts = [
      { PartNumber: 1, ETag: p1.ETag },
      { PartNumber: 2, ETag: p2.ETag },
    ];
    const small = await failure(
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'uploads',
          Key: 'small-parts',
          UploadId,
          MultipartUpload: { Parts: parts },
        }),
      ),
    );
    expect(small.name).toBe('EntityTooSmall');
    const order = await failure(
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'uploads',
          Key: 'small-parts',
          UploadId,
          MultipartUpload: { Parts: [...parts].reverse() },
        }),
      ),
    );
    expect(order.name).toBe('InvalidPartOrder');
    const wrongTag = await failure(
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'uploads',
          Key: 'small-parts',
          UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p2.ETag }] },
        }),
      ),
    );
    expect(wrongTag.name).toBe('InvalidPart');
    // A single small part is the last part: allowed.
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'uploads',
        Key: 'small-parts',
        UploadId,
        MultipartUpload: { Parts: [parts[0]!] },
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'small-parts' }));
    expect(await got.Body!.transformToString()).toBe('a');
  });

  it('forgets an aborted upload (NoSuchUpload afterwards) and refuses part number 0', async () => {
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'uploads', Key: 'aborted' }),
    );
    const zero = await failure(
      s3.send(
        new UploadPartCommand({ Bucket: 'uploads', Key: 'aborted', UploadId, PartNumber: 0, Body: 'x' }),
      ),
    );
    expect(zero.name).toBe('InvalidArgument');
    await s3.send(new AbortMultipartUploadCommand({ Bucket: 'uploads', Key: 'aborted', UploadId }));
    const gone = await failure(
      s3.send(
        new UploadPartCommand({ Bucket: 'uploads', Key: 'aborted', UploadId, PartNumber: 1, Body: 'x' }),
      ),
    );
    expect(gone.name).toBe('NoSuchUpload');
  });
});
