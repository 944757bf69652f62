// --state FILE persistence across restarts, and the CLI entry (`main`).
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { main, parseCli } from '../src/cli.js';
import { DURATIONS, startSandbox, type Sandbox } from '../src/index.js';
import { credentials, failure } from './helpers.js';

const dirs: string[] = [];
const running: Sandbox[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'immut-sandbox-'));
  dirs.push(d);
  return d;
};

describe('--state FILE', () => {
  it('keeps resources, tags, ids and sandbox time across a restart', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const first = await startSandbox({ timeScale: 1, stateFile });
    const c1 = new EC2Client({ endpoint: first.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    const run = await c1.send(
      new RunInstancesCommand({
        ImageId: 'ami-0a0000000000a2303',
        MinCount: 1,
        MaxCount: 1,
        ClientToken: 'release-1',
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'release', Value: '1' }] }],
      }),
    );
    const instanceId = run.Instances![0]!.InstanceId!;
    first.advance(DURATIONS.instancePendingToRunning);
    const { ImageId } = await c1.send(new CreateImageCommand({ InstanceId: instanceId, Name: 'release-1' }));
    expect(existsSync(stateFile)).toBe(true); // written after each mutating call
    const stoppedAt = first.clock.now();
    c1.destroy();
    await first.stop();

    const second = await startSandbox({ timeScale: 1, stateFile });
    running.push(second);
    expect(second.clock.now()).toBeGreaterThanOrEqual(stoppedAt);
    const c2 = new EC2Client({ endpoint: second.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    try {
      const inst = (await c2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })))
        .Reservations![0]!.Instances![0]!;
      expect(inst).toMatchObject({ State: { Name: 'running' }, Tags: [{ Key: 'release', Value: '1' }] });
      const [img] = (await c2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] }))).Images!;
      expect(img).toMatchObject({ Name: 'release-1', State: 'pending' });
      second.advance(DURATIONS.imagePendingToAvailable);
      expect((await c2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] }))).Images![0]!.State).toBe(
        'available',
      );
      // The idempotency token survived; duplicate names are still refused; new ids are fresh.
      const again = await c2.send(
        new RunInstancesCommand({
          ImageId: 'ami-0a0000000000a2303',
          MinCount: 1,
          MaxCount: 1,
          ClientToken: 'release-1',
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'release', Value: '1' }] }],
        }),
      );
      expect(again.Instances![0]!.InstanceId).toBe(instanceId);
      expect(
        (await failure(c2.send(new CreateImageCommand({ InstanceId: instanceId, Name: 'release-1' })))).name,
      ).toBe('InvalidAMIName.Duplicate');
      const next = await c2.send(
        new RunInstancesCommand({ ImageId: 'ami-0a0000000000a2303', MinCount: 1, MaxCount: 1 }),
      );
      expect(next.Instances![0]!.InstanceId).not.toBe(instanceId);
      const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as {
        version: number;
        services: Record<string, unknown>;
      };
      expect(saved.version).toBe(1);
      expect(Object.keys(saved.services)).toEqual(expect.arrayContaining(['ec2', 'ssm', 'sts']));
    } finally {
      c2.destroy();
    }
  });
});

describe('CLI', () => {
  it('parses options and rejects bad ones', () => {
    expect(parseCli(['--port', '0', '--seed', 'empty', '--time-scale', '1000', '--postgres'])).toMatchObject({
      port: 0,
      seed: 'empty',
      timeScale: 1000,
      postgres: true,
    });
    expect(() => parseCli(['--time-scale', '0'])).toThrow(/time-scale/);
    expect(() => parseCli(['--seed', 'lots'])).toThrow(/seed/);
    expect(() => parseCli(['--bogus'])).toThrow();
  });

  it('prints the endpoint first, loads faults from a file and serves the requested seed', async () => {
    const dir = tempDir();
    const faultsFile = join(dir, 'faults.json');
    writeFileSync(
      faultsFile,
      JSON.stringify([{ service: 'sts', operation: 'GetCallerIdentity', error: 'InternalError', times: 1 }]),
    );
    const out: string[] = [];
    const err: string[] = [];
    const s = await main(
      ['--port', '0', '--seed', 'empty', '--time-scale', '1000', '--faults', faultsFile],
      { stdout: (l) => out.push(l), stderr: (l) => err.push(l) },
      false,
    );
    expect(s).toBeDefined();
    running.push(s!);
    expect(out[0]).toBe(`IMMUT_SANDBOX_ENDPOINT=${s!.endpoint}`);
    expect(out[0]).toMatch(/^IMMUT_SANDBOX_ENDPOINT=http:\/\/127\.0\.0\.1:\d+$/);
    const ec2 = new EC2Client({ endpoint: s!.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    const sts = new STSClient({ endpoint: s!.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    try {
      expect((await ec2.send(new DescribeImagesCommand({}))).Images).toEqual([]);
      expect((await failure(sts.send(new GetCallerIdentityCommand({})))).name).toBe('InternalError');
      await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
        Account: '123456789012',
      });
    } finally {
      ec2.destroy();
      sts.destroy();
    }
  });

  it('reports bad arguments on stderr with exit code 2', async () => {
    const err: string[] = [];
    const s = await main(['--port', 'x'], { stdout: () => undefined, stderr: (l) => err.push(l) }, false);
    expect(s).toBeUndefined();
    expect(process.exitCode).toBe(2);
    process.exitCode = undefined;
    expect(err.join('\n')).toMatch(/--port/);
  });
});
