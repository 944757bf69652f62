// Shared test helpers: real SDK clients pointed at a sandbox, and the control API.
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { Sandbox } from '../src/index.js';

export const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export function clients(sandbox: Sandbox, region = 'us-east-1') {
  const config = { endpoint: sandbox.endpoint, region, credentials, maxAttempts: 1 };
  const ec2 = new EC2Client(config);
  const ssm = new SSMClient(config);
  const sts = new STSClient(config);
  return {
    ec2,
    ssm,
    sts,
    destroy() {
      ec2.destroy();
      ssm.destroy();
      sts.destroy();
    },
  };
}

export async function control<T = unknown>(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sandbox.endpoint}/_sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function failure(
  promise: Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number }; $fault?: string }> {
  try {
    await promise;
  } catch (e) {
    return e as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A KMS call over the wire as @aws-sdk/client-kms sends it (awsJson1_1, `X-Amz-Target:
 *  TrentService.<Operation>`, the SigV4 credential scope naming `kms`). The client package
 *  is not installed here; the sandbox does not check signatures, so the Authorization
 *  header carries the scope and an unchecked signature. */
export async function kmsCall<T = Record<string, unknown>>(
  sandbox: Sandbox,
  accessKeyId: string,
  operation: string,
  body: Record<string, unknown>,
  region = 'us-east-1',
): Promise<{ status: number; body: T & { __type?: string; message?: string } }> {
  const res = await fetch(`${sandbox.endpoint}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `TrentService.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20250101/${region}/kms/aws4_request, SignedHeaders=content-type;host;x-amz-target, Signature=${'0'.repeat(64)}`,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T & { __type?: string; message?: string } };
}

/** SDK clients holding one access key (another account's, see SandboxOptions.accounts). */
export function clientsFor(sandbox: Sandbox, accessKeyId: string, region = 'us-east-1') {
  const config = {
    endpoint: sandbox.endpoint,
    region,
    credentials: { accessKeyId, secretAccessKey: `${accessKeyId}-secret` },
    maxAttempts: 1,
  };
  const ec2 = new EC2Client(config);
  const sts = new STSClient(config);
  return {
    ec2,
    sts,
    destroy() {
      ec2.destroy();
      sts.destroy();
    },
  };
}
