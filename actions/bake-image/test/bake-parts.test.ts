// The parts of a bake, with real SDK clients against the sandbox (time scale 1, moved by
// `advance`) and real files in a temp workspace.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateImageCommand,
  DeleteTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GuardError, InputError, UserError } from '@immut/core/errors';
import { DURATIONS, SEED, startSandbox, type Sandbox } from '@immut/sandbox';
import { parseBaseImage, resolveBaseImage, ssmParameterAllowed } from '../base-image.js';
import {
  builderDurationMs,
  clientToken,
  launchBuilder,
  terminateBuilder,
  type BuilderPlan,
} from '../builder.js';
import { fingerprint, type BakeContent } from '../fingerprint.js';
import { builderMsFromTag, createImage, removeImage } from '../image.js';
import { SSM_PREFIX, bakeImageInputs } from '../inputs.js';
import { resolveNetwork } from '../network.js';
import { filesDirFor, readProvision } from '../provision.js';
import { readInputs } from '@immut/core/inputs';

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

describe('the builder duration recorded for the next bake', () => {
  it('is the middle of the interval in which the builder stopped', () => {
    expect(builderDurationMs({ lastRunningMs: 200_000, stoppedSeenMs: 210_000 })).toBe(205_000);
  });

  it('shrinks by a tenth when the first poll already found the builder stopped', () => {
    expect(builderDurationMs({ lastRunningMs: undefined, stoppedSeenMs: 300_000 })).toBe(270_000);
  });

  it('believes only a whole number of seconds up to six hours from the tag', () => {
    expect(builderMsFromTag('263')).toBe(263_000);
    expect(builderMsFromTag(String(6 * 3600))).toBe(6 * 3600 * 1000);
    for (const bad of [undefined, '', '0', '-5', '1.5', '1e3', '21601', '99999999', ' 12'])
      expect(builderMsFromTag(bad)).toBeUndefined();
  });
});

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

  it('reads only /aws/service/ and the allowed prefixes, never a SecureString, never showing a value', async () => {
    const secret = 'hunter2-very-secret-value';
    await ssm.send(
      new PutParameterCommand({ Name: '/team/images/secret', Value: secret, Type: 'SecureString' }),
    );
    await ssm.send(new PutParameterCommand({ Name: '/team/images/motd', Value: secret, Type: 'String' }));
    await ssm.send(
      new PutParameterCommand({ Name: '/team/images/base', Value: 'ami-0a0000000000a2303', Type: 'String' }),
    );
    const prefixes = ['/team/images/'];
    const failed = async (given: string, allowed: string[]): Promise<string> => {
      const error = await resolveBaseImage({ ec2, ssm }, given, allowed).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      const message = (error as Error).message;
      expect(message).not.toContain('hunter2');
      return message;
    };
    expect(await failed('ssm:/team/images/secret', prefixes)).toMatch(
      /SSM parameter '\/team\/images\/secret' is a SecureString/,
    );
    expect(await failed('ssm:/team/images/motd', prefixes)).toMatch(/does not hold an image id/);
    expect(await failed('ssm:/team/images/base', [])).toMatch(/is not under \/aws\/service\//);
    expect(await failed('ssm:/team/imagesX/base', prefixes)).toMatch(/is not under/);
    expect((await resolveBaseImage({ ec2, ssm }, 'ssm:/team/images/base', prefixes)).imageId).toBe(
      'ami-0a0000000000a2303',
    );
    const reads = sb.calls().filter((c) => c.operation === 'GetParameter');
    expect(reads.map((c) => c.params.Name)).not.toContain('/team/imagesX/base');
    for (const read of reads) expect(read.params.WithDecryption).not.toBe(true);
  });

  it('allows a parameter only under /aws/service/ or a listed prefix, ignoring a version selector', () => {
    expect(ssmParameterAllowed('/aws/service/x/y', [])).toBe(true);
    expect(ssmParameterAllowed('/aws/reference/secretsmanager/db', [])).toBe(false);
    expect(ssmParameterAllowed('/team/images/base:3', ['/team/images/'])).toBe(true);
    expect(ssmParameterAllowed('/team/images-other/base', ['/team/images/'])).toBe(false);
    expect(() => parseBaseImage('ssm:/aws/service/../../prod/db')).toThrow(/not an SSM parameter path/);
    expect(() => parseBaseImage('ssm:/a//b')).toThrow(InputError);
  });

  it('takes prefixes that are parameter paths ending in /, never under /aws/ or /ssm/', () => {
    for (const ok of ['/team/images/', '/a/', '/Team_1/x.y-z/']) expect(SSM_PREFIX.test(ok)).toBe(true);
    for (const bad of [
      '/',
      'team/',
      '/team',
      '/aws/service/',
      '/AWS/x/',
      '/ssm/x/',
      '/a/../',
      '/a//',
      '/a b/',
    ])
      expect(SSM_PREFIX.test(bad)).toBe(false);
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

  it('refuses a script whose real path leaves the workspace, through any component', () => {
    symlinkSync('/proc', path.join(ws, 'p'));
    symlinkSync('/etc', path.join(ws, 'etc'));
    mkdirSync(path.join(ws, 'deploy'));
    symlinkSync('../..', path.join(ws, 'deploy/up')); // the workspace's parent
    const sibling = `${ws}-outside.sh`;
    writeFileSync(sibling, '#!/bin/sh\n');
    try {
      for (const given of ['p/self/environ', 'etc/hostname', `deploy/up/${path.basename(sibling)}`])
        expect(() => readProvision(ws, given)).toThrow(/outside the workspace/);
    } finally {
      rmSync(sibling);
    }
  });

  it('follows a symlink that stays inside the workspace', () => {
    mkdirSync(path.join(ws, 'scripts'));
    writeFileSync(path.join(ws, 'scripts/common.sh'), '#!/bin/sh\necho hi\n');
    symlinkSync('scripts/common.sh', path.join(ws, 'provision.sh'));
    expect(readProvision(ws, 'provision.sh').script).toMatchObject({ name: 'provision.sh' });
  });

  it('refuses what is not a regular file, and a script over the size cap', () => {
    execFileSync('mkfifo', [path.join(ws, 'fifo.sh')]);
    mkdirSync(path.join(ws, 'dir.sh'));
    expect(() => readProvision(ws, 'fifo.sh')).toThrow(/it is not a regular file/);
    expect(() => readProvision(ws, 'dir.sh')).toThrow(/it is not a regular file/);
    expect(() => readProvision(ws, '/dev/zero')).toThrow(/absolute path/);
    writeFileSync(path.join(ws, 'big.sh'), Buffer.alloc(1024 * 1024 + 1, 'x'));
    expect(() => readProvision(ws, 'big.sh')).toThrow(/1048577 bytes, over the 1048576 bytes/);
  });

  it('refuses a shipped files directory that leads out of the workspace', () => {
    writeFileSync(path.join(ws, 'provision.sh'), 'x');
    symlinkSync('/etc', path.join(ws, 'provision.files'));
    expect(() => readProvision(ws, 'provision.sh')).toThrow(/files directory 'provision.files': .*outside/);
  });

  it('refuses a provision path with .. or an absolute path as an input, showing it cut', () => {
    const read = (provision: string) => () =>
      readInputs(
        bakeImageInputs,
        (name) =>
          (
            ({
              role: 'api',
              env: 'prod',
              'base-image': 'ami-0a0000000000a2303',
              provision,
            }) as Record<string, string>
          )[name] ?? '',
      );
    expect(read('../etc/passwd')).toThrow(
      /Input 'provision' was '..\/etc\/passwd': it leads outside the workspace/,
    );
    expect(read('/etc/passwd')).toThrow(/Input 'provision' was '\/etc\/passwd': it is an absolute path/);
    expect(read('x'.repeat(10_000))).toThrow(/Input 'provision' was 'x{99}…' \(10000 characters\)/);
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
    const io = { warning: (line: string) => warnings.push(line) };
    const warnings: string[] = [];
    await expect(removeImage(ec2, image.ImageId!, identity, io)).rejects.toThrow(GuardError);
    expect(await removeImage(ec2, 'ami-0123456789abcdef0', identity, io)).toBe(false);
  });

  it("refuses to image under a name that another's image holds, naming it, and leaves that image alone", async () => {
    const launch = () =>
      ec2.send(
        new RunInstancesCommand({
          ImageId: 'ami-0a0000000000a2303',
          InstanceType: 't3.small',
          MinCount: 1,
          MaxCount: 1,
        }),
      );
    const [theirs, ours] = [await launch(), await launch()];
    sb.advance(DURATIONS.instancePendingToRunning);
    // Not one of the role's images: no immut tags, so the bake's listing never saw it.
    const other = await ec2.send(
      new CreateImageCommand({
        InstanceId: theirs.Instances![0]!.InstanceId!,
        Name: 'immut/prod/api/b000043/y',
      }),
    );
    const attempt = createImage(ec2, {
      instanceId: ours.Instances![0]!.InstanceId!,
      name: 'immut/prod/api/b000043/y',
      description: 'test',
      tags: { 'immut:managed-by': 'immut', 'immut:role': 'api', 'immut:env': 'prod' },
    });
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(
      `An image named immut/prod/api/b000043/y already exists in this account (${other.ImageId!}), and it is not one of this role's images`,
    );
    const images = await ec2.send(new DescribeImagesCommand({ ImageIds: [other.ImageId!] }));
    expect(images.Images?.[0]?.State).not.toBe('deregistered');
    expect(sb.calls().filter((c) => c.operation === 'DeregisterImage')).toEqual([]);
  });

  it("deletes an immut image's snapshots only when each carries immut's tags itself", async () => {
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-0a0000000000a2303',
        InstanceType: 't3.small',
        MinCount: 1,
        MaxCount: 1,
      }),
    );
    sb.advance(DURATIONS.instancePendingToRunning);
    const tags = {
      Name: 'immut/prod/api/b000042/x',
      'immut:managed-by': 'immut',
      'immut:role': 'api',
      'immut:env': 'prod',
    };
    const imageId = await createImage(ec2, {
      instanceId: out.Instances![0]!.InstanceId!,
      name: 'immut/prod/api/b000042/x',
      description: 'test',
      tags,
    });
    const snapshotIds = async (): Promise<string[]> =>
      ((await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots ?? []).map(
        (s) => s.SnapshotId!,
      );
    const [snapshotId] = await snapshotIds();
    expect(snapshotId).toBeDefined();
    // Taken over by another role after the image was made.
    await ec2.send(
      new DeleteTagsCommand({ Resources: [snapshotId!], Tags: [{ Key: 'immut:role', Value: 'api' }] }),
    );
    const warnings: string[] = [];
    expect(await removeImage(ec2, imageId, identity, { warning: (l) => warnings.push(l) })).toBe(true);
    expect(await snapshotIds()).toEqual([snapshotId]);
    expect(warnings).toEqual([
      expect.stringMatching(new RegExp(`Kept snapshot ${snapshotId} of image ${imageId}.*role '\\(none\\)'`)),
    ]);
    expect(sb.calls().filter((c) => c.operation === 'DeleteSnapshot')).toEqual([]);
  });
});
