// Presigned URLs made by the unmodified @aws-sdk/s3-request-presigner and fetched with a
// plain HTTP client: the sandbox checks the signature with the secret it issued for the
// key, enforces X-Amz-Expires on the sandbox clock, and answers S3's XML errors.
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../src/index.js';
import { S3_CREDENTIALS, s3Client, startS3Sandbox } from './s3-helpers.js';

let sandbox: Sandbox;
let s3: S3Client;
const BODY = Buffer.from('#!/bin/sh\necho "artifact"\n');

beforeAll(async () => {
  sandbox = await startS3Sandbox({ iamDefault: 'allow' });
  s3 = s3Client(sandbox);
  await s3.send(new CreateBucketCommand({ Bucket: 'staging' }));
  await s3.send(new PutObjectCommand({ Bucket: 'staging', Key: 'artifacts/app v1.tar.gz', Body: BODY }));
});
afterAll(async () => {
  s3.destroy();
  await sandbox.stop();
});

/** Signed in sandbox time, as a client that corrected its clock from S3's Date header. */
const presign = (key: string, expiresIn: number, client: S3Client = s3, bucket = 'staging') =>
  getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
    expiresIn,
    signingDate: new Date(sandbox.clock.now()),
  });

const xmlCode = (body: string): string | undefined => /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
const xmlMessage = (body: string): string | undefined => /<Message>([^<]+)<\/Message>/.exec(body)?.[1];

describe('presigned GET', () => {
  it('serves the object to a plain HTTP client holding a valid URL, and logs it as presigned', async () => {
    const url = await presign('artifacts/app v1.tar.gz', 600);
    expect(url).toContain('X-Amz-Signature=');
    sandbox.clearCalls();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BODY);
    const [call] = sandbox.calls();
    expect(call).toMatchObject({ service: 's3', operation: 'GetObject', outcome: 'ok' });
    expect(call?.params).toMatchObject({
      Bucket: 'staging',
      Key: 'artifacts/app v1.tar.gz',
      Presigned: true,
    });
  });

  it('answers SignatureDoesNotMatch for a tampered key, expiry or signature', async () => {
    const url = new URL(await presign('artifacts/app v1.tar.gz', 600));
    const tampered = [
      url.toString().replace('app%20v1', 'app%20v2'),
      url.toString().replace('X-Amz-Expires=600', 'X-Amz-Expires=6000'),
      url
        .toString()
        .replace(/X-Amz-Signature=([0-9a-f])/, (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`),
    ];
    for (const t of tampered) {
      const res = await fetch(t);
      const body = await res.text();
      expect(res.status).toBe(403);
      expect(xmlCode(body)).toBe('SignatureDoesNotMatch');
    }
  });

  it('answers AccessDenied "Request has expired" once X-Amz-Expires has passed on the sandbox clock', async () => {
    const url = await presign('artifacts/app v1.tar.gz', 60);
    expect((await fetch(url)).status).toBe(200);
    sandbox.advance(61_000);
    const res = await fetch(url);
    const body = await res.text();
    expect(res.status).toBe(403);
    expect(xmlCode(body)).toBe('AccessDenied');
    expect(xmlMessage(body)).toBe('Request has expired');
    expect(body).toContain('<X-Amz-Expires>60</X-Amz-Expires>');
  });

  it('answers NoSuchKey and NoSuchBucket for validly signed URLs to nothing', async () => {
    const noKey = await fetch(await presign('artifacts/missing.tar.gz', 600));
    expect(noKey.status).toBe(404);
    expect(xmlCode(await noKey.text())).toBe('NoSuchKey');
    const noBucket = await fetch(await presign('x', 600, s3, 'no-such-bucket'));
    expect(noBucket.status).toBe(404);
    expect(xmlCode(await noBucket.text())).toBe('NoSuchBucket');
  });

  it('answers InvalidAccessKeyId for a key the sandbox never issued, and refuses over a week', async () => {
    const stranger = s3Client(sandbox, {
      credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'guess' },
    });
    try {
      const res = await fetch(await presign('artifacts/app v1.tar.gz', 600, stranger));
      expect(res.status).toBe(403);
      expect(xmlCode(await res.text())).toBe('InvalidAccessKeyId');
    } finally {
      stranger.destroy();
    }
    const url = (await presign('artifacts/app v1.tar.gz', 600)).replace(
      'X-Amz-Expires=600',
      'X-Amz-Expires=604801',
    );
    const res = await fetch(url);
    expect(res.status).toBe(400);
    expect(xmlCode(await res.text())).toBe('AuthorizationQueryParametersError');
  });

  it('authorizes a presigned GET as the signer: a key without s3:GetObject is refused', async () => {
    sandbox.iam.set(S3_CREDENTIALS.accessKeyId, {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::staging/artifacts/other/*' },
      ],
    });
    try {
      const res = await fetch(await presign('artifacts/app v1.tar.gz', 600));
      expect(res.status).toBe(403);
      expect(xmlCode(await res.text())).toBe('AccessDenied');
    } finally {
      sandbox.iam.remove(S3_CREDENTIALS.accessKeyId);
    }
  });
});

describe('a presigned GET that arrives late (latency fault)', () => {
  /** Resolves once the sandbox's latency fault has fired: the request is being held. */
  async function held(): Promise<void> {
    for (;;) {
      const res = await fetch(`${sandbox.endpoint}/_sandbox/faults`);
      const faults = (await res.json()) as Array<{ kind?: string; fired: number }>;
      if (faults.some((f) => f.kind === 'latency' && f.fired > 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  afterEach(() => sandbox.clearFaults());

  it('is refused as expired when it reaches S3 after X-Amz-Expires (onArrival), and logged as the GET', async () => {
    const url = await presign('artifacts/app v1.tar.gz', 60);
    // Held on arrival for 10 minutes of sandbox time; the jump of the clock ends the hold.
    sandbox.addFaults([
      { kind: 'latency', service: 's3', operation: 'GetObject', onArrival: true, ms: 600_000, times: 1 },
    ]);
    sandbox.clearCalls();
    const answer = fetch(url);
    await held();
    sandbox.advance(600_000);
    const res = await answer;
    const body = await res.text();
    expect(res.status).toBe(403);
    expect(xmlCode(body)).toBe('AccessDenied');
    expect(xmlMessage(body)).toBe('Request has expired');
    const [call] = sandbox.calls();
    expect(call).toMatchObject({
      service: 's3',
      operation: 'GetObject',
      status: 403,
      errorCode: 'AccessDenied',
    });
    expect(call?.params).toMatchObject({ Key: 'artifacts/app v1.tar.gz', Presigned: true });
    expect(call?.injected).toBeUndefined();
  });

  it('is served when the delay comes after authentication (the default), however long it is', async () => {
    const url = await presign('artifacts/app v1.tar.gz', 60);
    sandbox.addFaults([{ kind: 'latency', service: 's3', operation: 'GetObject', wallMs: 300, times: 1 }]);
    const answer = fetch(url);
    await held();
    sandbox.advance(600_000);
    const res = await answer;
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(BODY);
  });
});
