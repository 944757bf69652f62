// The parts of a bake, with real SDK clients against the sandbox (time scale 1, moved by
// `advance`) and real files in a temp workspace.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateImageCommand,
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GuardError, InputError } from '@immut/core/errors';
import { DURATIONS, SEED, startSandbox, type Sandbox } from '@immut/sandbox';
import { parseBaseImage, resolveBaseImage } from '../base-image.js';
import { clientToken, launchBuilder, terminateBuilder, type BuilderPlan } from '../builder.js';
import { fingerprint, type BakeContent } from '../fingerprint.js';
import { removeImage } from '../image.js';
import { resolveNetwork } from '../network.js';
import { filesDirFor, readProvision } from '../provision.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const identity = { role: 'api', env: 'prod', build: 'b000042' };

let sb: Sandbox;
let ec2: EC2Client;
let ssm: SSMClient;
let ws: string;

beforeAll(async () => {
  sb = await startSandbox({ timeScale: 1 });
  const config = { endpoint: sb.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
  ec2 = new EC2Client(config);
  ssm = new SSMClient(config);
});
afterAll(async () => {
  ec2.destroy();
  ssm.destroy();
  await sb.stop();
});
beforeEach(async () => {
  await sb.reset();
  ws = mkdtempSync(path.join(os.tmpdir(), 'immut-bake-unit-'));
});
afterEach(() => rmSync(ws, { recursive: true, force: true }));

describe('resolveBaseImage', () => {
  it('follows an SSM public parameter to an available image', async () => {
    const base = await resolveBaseImage(
      { ec2, ssm },
      'ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    );
    expect(base).toMatchObject({
      imageId: 'ami-0a0000000000a2303',
      creationDate: '2025-01-16T18:42:10.000Z',
    });
  });

  it('picks the newest available image matching a name filter of the given owners', async () => {
    const base = await resolveBaseImage({ ec2, ssm }, 'filter:al2023-ami-*-x86_64;owners=amazon');
    expect(base.imageId).toBe('ami-0a0000000000a2303');
    const ubuntu = await resolveBaseImage({ ec2, ssm }, 'filter:ubuntu/images/*;owners=099720109477');
    expect(ubuntu.imageId).toBe('ami-0c0000000000b2403');
  });

  it('checks a fixed image id exists', async () => {
    expect((await resolveBaseImage({ ec2, ssm }, 'ami-0a0000000000a2301')).name).toMatch(/^al2023-ami-/);
    await expect(resolveBaseImage({ ec2, ssm }, 'ami-0123456789abcdef0')).rejects.toThrow(InputError);
  });

  it('requires owners for a name filter', () => {
    expect(() => parseBaseImage('filter:al2023-*')).toThrow(/owners=/);
    expect(parseBaseImage('filter:my image *;owners=self,123456789012')).toEqual({
      kind: 'filter',
      pattern: 'my image *',
      owners: ['self', '123456789012'],
    });
  });
});

describe('readProvision', () => {
  it('reads the script and the files in its .files directory, with modes', () => {
    mkdirSync(path.join(ws, 'deploy/provision.files/bin'), { recursive: true });
    writeFileSync(path.join(ws, 'deploy/provision.sh'), '#!/bin/sh\n');
    writeFileSync(path.join(ws, 'deploy/provision.files/b.conf'), 'b');
    writeFileSync(path.join(ws, 'deploy/provision.files/bin/run'), 'run');
    chmodSync(path.join(ws, 'deploy/provision.files/bin/run'), 0o755);
    writeFileSync(path.join(ws, 'deploy/other-role.sh'), 'not shipped');
    const provision = readProvision(ws, 'deploy/provision.sh');
    expect(provision.filesDir).toBe('deploy/provision.files');
    expect(provision.files.map((f) => [f.path, f.mode])).toEqual([
      ['b.conf', 0o644],
      ['bin/run', 0o755],
    ]);
    expect(filesDirFor('a/b/setup.bash')).toBe('a/b/setup.files');
  });

  it('refuses symlinks among the shipped files', () => {
    mkdirSync(path.join(ws, 'provision.files'));
    writeFileSync(path.join(ws, 'provision.sh'), 'x');
    symlinkSync('/etc/passwd', path.join(ws, 'provision.files/passwd'));
    expect(() => readProvision(ws, 'provision.sh')).toThrow(/symlinks are not shipped/);
  });
});

describe('fingerprint', () => {
  const content = (over: Partial<BakeContent> = {}): BakeContent => ({
    role: 'api',
    env: 'prod',
    appVersion: '1.0.0',
    logPaths: ['/var/log/api/*.log'],
    script: { name: 'provision.sh', content: Buffer.from('#!/bin/sh\n') },
    files: [{ path: 'a.conf', mode: 0o644, content: Buffer.from('a') }],
    ...over,
  });

  it('is stable and changes with everything that shapes the image', () => {
    const base = fingerprint('ami-0a0000000000a2303', content());
    expect(fingerprint('ami-0a0000000000a2303', content())).toBe(base);
    const variants = [
      fingerprint('ami-0a0000000000a2302', content()),
      fingerprint('ami-0a0000000000a2303', content({ appVersion: '1.0.1' })),
      fingerprint('ami-0a0000000000a2303', content({ logPaths: [] })),
      fingerprint('ami-0a0000000000a2303', content({ env: 'staging' })),
      fingerprint(
        'ami-0a0000000000a2303',
        content({ script: { name: 'provision.sh', content: Buffer.from('#!/bin/bash\n') } }),
      ),
      fingerprint(
        'ami-0a0000000000a2303',
        content({ files: [{ path: 'a.conf', mode: 0o755, content: Buffer.from('a') }] }),
      ),
      fingerprint(
        'ami-0a0000000000a2303',
        content({ files: [{ path: 'a.conf', mode: 0o644, content: Buffer.from('b') }] }),
      ),
      fingerprint('ami-0a0000000000a2303', content({ files: [] })),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });
});

describe('resolveNetwork', () => {
  it('uses the default subnets in zone order when none are given', async () => {
    const network = await resolveNetwork(ec2, undefined, undefined, 'us-east-1');
    expect(network.subnets.map((s) => s.id)).toEqual(SEED.subnets.map((s) => s.subnetId));
  });

  it('keeps the given order and checks the groups exist', async () => {
    const [a, b] = SEED.subnets.map((s) => s.subnetId);
    const network = await resolveNetwork(ec2, [b!, a!], [SEED.securityGroup.groupId], 'us-east-1');
    expect(network.subnets.map((s) => s.id)).toEqual([b, a]);
    await expect(resolveNetwork(ec2, [a!], ['sg-0123456789abcdef0'], 'us-east-1')).rejects.toThrow(
      /Input 'security-group-ids'/,
    );
  });
});

describe('launchBuilder', () => {
  const plan = async (): Promise<BuilderPlan> => ({
    identity,
    fingerprint: 'f'.repeat(64),
    bakeId: 'ffffffff-000000000000',
    baseImageId: 'ami-0a0000000000a2303',
    instanceType: 't3.small',
    instanceProfile: undefined,
    network: await resolveNetwork(ec2, undefined, undefined, 'us-east-1'),
    userData: Buffer.from('#!/bin/sh\n'),
    tags: {
      'immut:managed-by': 'immut',
      'immut:role': 'api',
      'immut:env': 'prod',
      'immut:component': 'builder',
    },
    runKey: '1234',
  });
  const log = { info: () => undefined, warning: () => undefined };

  it('returns the same builder when launched again with the same run', async () => {
    const p = await plan();
    const recorded: string[] = [];
    const first = await launchBuilder(ec2, p, (id) => recorded.push(id), log);
    const again = await launchBuilder(ec2, p, (id) => recorded.push(id), log);
    expect(again.instanceId).toBe(first.instanceId);
    expect(recorded).toEqual([first.instanceId, first.instanceId]);
  });

  it('steps past a token whose builder an earlier attempt already terminated', async () => {
    const p = await plan();
    const first = await launchBuilder(ec2, p, () => undefined, log);
    sb.advance(DURATIONS.instancePendingToRunning);
    expect(await terminateBuilder(ec2, first.instanceId, identity)).toBe(true);
    const second = await launchBuilder(ec2, p, () => undefined, log);
    expect(second.instanceId).not.toBe(first.instanceId);
    expect(clientToken(p, second.subnetId, 1)).toMatch(/-1$/);
    const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [second.instanceId] }));
    expect(out.Reservations?.[0]?.Instances?.[0]?.ClientToken).toBe(clientToken(p, second.subnetId, 1));
  });
});

describe('guards', () => {
  it('refuses to terminate an instance that is not an immut builder of this role', async () => {
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-0a0000000000a2303',
        InstanceType: 't3.small',
        MinCount: 1,
        MaxCount: 1,
      }),
    );
    const id = out.Instances![0]!.InstanceId!;
    await expect(terminateBuilder(ec2, id, identity)).rejects.toThrow(GuardError);
  });

  it('refuses to remove an image immut did not make', async () => {
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-0a0000000000a2303',
        InstanceType: 't3.small',
        MinCount: 1,
        MaxCount: 1,
      }),
    );
    sb.advance(DURATIONS.instancePendingToRunning);
    const image = await ec2.send(
      new CreateImageCommand({ InstanceId: out.Instances![0]!.InstanceId!, Name: 'someone-elses' }),
    );
    await expect(removeImage(ec2, image.ImageId!, identity)).rejects.toThrow(GuardError);
    expect(await removeImage(ec2, 'ami-0123456789abcdef0', identity)).toBe(false);
  });
});
