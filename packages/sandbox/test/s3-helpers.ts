// Shared by the S3 tests: an unmodified S3 client (path-style, as immut configures it) on a
// sandbox that knows the client's secret, so presigned URLs can be verified.
import { S3Client } from '@aws-sdk/client-s3';
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/index.js';

export const S3_CREDENTIALS = { accessKeyId: 'AKIAS3TESTKEY0000001', secretAccessKey: 's3-test-secret' };

export async function startS3Sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({
    ...options,
    credentials: {
      [S3_CREDENTIALS.accessKeyId]: S3_CREDENTIALS.secretAccessKey,
      ...(options.credentials ?? {}),
    },
  });
}

export function s3Client(
  sandbox: Sandbox,
  options: { region?: string; credentials?: { accessKeyId: string; secretAccessKey: string } } = {},
): S3Client {
  return new S3Client({
    endpoint: sandbox.endpoint,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? S3_CREDENTIALS,
    forcePathStyle: true,
    maxAttempts: 1,
  });
}
