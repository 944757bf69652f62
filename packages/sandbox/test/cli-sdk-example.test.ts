// README "Use the sandbox with the AWS CLI / Terraform / your own SDK code": the example SDK
// script (examples/sandbox-sdk/launch.mjs), configured only through the AWS_* environment,
// against a started `immut-sandbox --port 0` process whose endpoint is read from its output.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../lib/bin.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../../examples/sandbox-sdk/launch.mjs', import.meta.url));

let sandbox: ChildProcess;
let endpoint: string;

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npx tsc -b packages/sandbox first`);
  sandbox = spawn(process.execPath, [BIN, '--port', '0', '--time-scale', '1000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  endpoint = await new Promise<string>((resolve, reject) => {
    createInterface({ input: sandbox.stdout! }).once('line', (line) =>
      resolve(line.replace(/^IMMUT_SANDBOX_ENDPOINT=/, '')),
    );
    sandbox.once('exit', () => reject(new Error('immut-sandbox exited before printing its endpoint')));
  });
});

afterAll(async () => {
  const exited = new Promise((resolve) => sandbox.once('exit', resolve));
  sandbox.kill('SIGTERM');
  await exited;
});

function example(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Only what a user's shell would set: no credentials or endpoint from the test process.
    const clean = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? '/tmp',
      ...env,
    };
    execFile(process.execPath, [EXAMPLE], { env: clean, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const AWS_ENV = () => ({
  AWS_ENDPOINT_URL: endpoint,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
});

interface Call {
  service: string;
  operation: string;
  outcome: string;
}

describe('the SDK example against immut-sandbox', () => {
  it('launches an instance, names it in DNS and terminates it, over the real SDK clients', async () => {
    const { code, stdout, stderr } = await example(AWS_ENV());
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('account 123456789012');
    expect(lines[1]).toBe('image ami-0a0000000000a2303');
    const id = /^instance (i-[0-9a-f]{17}) running at (10\.0\.\d+\.\d+)$/.exec(lines[2] ?? '');
    expect(id).not.toBeNull();
    expect(lines[3]).toBe(`record sdk-example.example.test A ${id?.[2]} INSYNC`);
    expect(lines[4]).toBe(`instance ${id?.[1]} terminated`);

    // The sandbox saw those calls, and the instance is gone.
    const calls = (await (await fetch(`${endpoint}/_sandbox/calls`)).json()) as Call[];
    const made = new Set(calls.filter((c) => c.outcome === 'ok').map((c) => `${c.service}:${c.operation}`));
    for (const call of [
      'sts:GetCallerIdentity',
      'ssm:GetParameter',
      'ec2:RunInstances',
      'ec2:DescribeInstances',
      'route53:ChangeResourceRecordSets',
      'route53:GetChange',
      'ec2:TerminateInstances',
    ]) {
      expect(made).toContain(call);
    }
    const inventory = (await (await fetch(`${endpoint}/_sandbox/inventory`)).json()) as Array<{
      id: string;
      state?: string;
    }>;
    expect(inventory.find((item) => item.id === id?.[1])?.state).toBe('terminated');
  }, 120_000);

  it('answers an operation it does not emulate as AWS answers an unknown action', async () => {
    const { DescribeRegionsCommand, EC2Client } = await import('@aws-sdk/client-ec2');
    const ec2 = new EC2Client({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    try {
      const error = await ec2.send(new DescribeRegionsCommand({})).then(
        () => undefined,
        (e: unknown) => e as { name: string; $metadata: { httpStatusCode?: number } },
      );
      expect(error?.name).toBe('InvalidAction');
      expect(error?.$metadata.httpStatusCode).toBe(400);
    } finally {
      ec2.destroy();
    }
  });

  it('fails with the SDK error when the hosted zone does not exist, and still terminates its instance', async () => {
    const { code, stdout, stderr } = await example({ ...AWS_ENV(), EXAMPLE_ZONE: 'missing.test' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('no hosted zone missing.test');
    expect(stdout).toMatch(/^instance (i-[0-9a-f]{17}) terminated$/m);
  }, 120_000);
});
