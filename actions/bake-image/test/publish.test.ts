// Publishing a bake: encryption with a KMS key and copies to other regions. bake() in
// process with real SDK clients against the sandbox (one client per region), a recording
// IO, and a clock that moves the sandbox's clock when the action sleeps.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CleanupLog } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import { fromAwsTags } from '@immut/core/tags';
import { startSandbox, type Sandbox } from '@immut/sandbox';
import { recordingIO } from '@immut/test-support/recording-io';
import { bake, KIND, type BakeInputs } from '../bake.js';
import { fingerprint, type BakeContent } from '../fingerprint.js';
import { findRoleImages } from '../image.js';
import { kmsKeyIn, kmsKeyProblem, parseKmsKey, type KmsKey } from '../kms-key.js';
import { imageIds } from '../main.js';
import { copyToken } from '../publish.js';
import { renderSummary } from '../summary.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const HOME = 'us-east-1';
const ALIAS_ARN = 'arn:aws:kms:us-east-1:123456789012:alias/immut-images';
const identity = (build: string) => ({ role: 'api', env: 'prod', build });

let sb: Sandbox;
let ssm: SSMClient;
let ws: string;
const clients = new Map<string, EC2Client>();

function ec2For(region: string): EC2Client {
  let client = clients.get(region);
  if (!client) {
    client = new EC2Client({ endpoint: sb.endpoint, region, credentials, maxAttempts: 1 });
    clients.set(region, client);
  }
  return client;
}

beforeAll(async () => {
  sb = await startSandbox({ timeScale: 1 });
  ssm = new SSMClient({ endpoint: sb.endpoint, region: HOME, credentials, maxAttempts: 1 });
});
afterAll(async () => {
  ssm.destroy();
  for (const client of clients.values()) client.destroy();
  await sb.stop();
});
beforeEach(async () => {
  await sb.reset();
  ws = mkdtempSync(path.join(os.tmpdir(), 'immut-publish-'));
  mkdirSync(path.join(ws, 'deploy'));
  writeFileSync(path.join(ws, 'deploy/provision.sh'), '#!/bin/bash\nset -e\n');
});
afterEach(() => rmSync(ws, { recursive: true, force: true }));

const sandboxClock = (): Clock => ({ now: () => sb.clock.now(), sleep: async (ms) => sb.advance(ms) });

const key = (raw: string): KmsKey => {
  const parsed = parseKmsKey(raw);
  if (!parsed) throw new Error(`test key ${raw} does not parse`);
  return parsed;
};

const inputs = (over: Partial<BakeInputs> = {}): BakeInputs => ({
  identity: identity('b000007'),
  region: HOME,
  dryRun: false,
  baseImage: 'ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  ssmParameterPrefixes: [],
  provision: 'deploy/provision.sh',
  logPaths: ['/var/log/api/*.log'],
  appVersion: '2.0.0',
  instanceType: 't3.small',
  subnetIds: undefined,
  securityGroupIds: undefined,
  instanceProfile: undefined,
  force: false,
  keepOnFailure: false,
  timeoutMs: 60 * 60_000,
  kmsKey: undefined,
  copyToRegions: [],
  artifact: [],
  stagingBucket: undefined,
  ...over,
});

function deps(env: Record<string, string> = { GITHUB_RUN_ID: '77' }) {
  const io = recordingIO();
  return {
    ec2: ec2For(HOME),
    ec2For,
    ssm,
    io,
    clock: sandboxClock(),
    cleanup: new CleanupLog(io),
    env,
    workspace: ws,
  };
}

async function ownImages(region: string): Promise<Image[]> {
  return (await ec2For(region).send(new DescribeImagesCommand({ Owners: ['self'] }))).Images ?? [];
}

async function ownSnapshotIds(region: string): Promise<string[]> {
  const out = await ec2For(region).send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
  return (out.Snapshots ?? []).map((s) => s.SnapshotId!);
}

const copyCalls = () => sb.calls().filter((c) => c.operation === 'CopyImage' && c.outcome === 'ok');

describe('the KMS key input', () => {
  it('accepts a key id, a multi-region key id, an alias, a key ARN and an alias ARN', () => {
    expect(parseKmsKey('1234abcd-12ab-34cd-56ef-1234567890ab')).toMatchObject({ form: 'key-id' });
    expect(parseKmsKey(`mrk-${'a'.repeat(32)}`)).toMatchObject({ form: 'key-id', multiRegion: true });
    expect(parseKmsKey('alias/immut_images-1')).toMatchObject({ form: 'alias', region: undefined });
    expect(
      parseKmsKey('arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
    ).toMatchObject({ form: 'key-arn', region: 'eu-west-1', multiRegion: false });
    expect(parseKmsKey(ALIAS_ARN)).toMatchObject({ form: 'alias-arn', region: 'us-east-1' });
    expect(parseKmsKey('arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/x')).toMatchObject({
      region: 'us-gov-west-1',
    });
  });

  it('refuses anything else', () => {
    for (const bad of [
      'my-key',
      'alias/',
      'alias/has space',
      '1234ABCD-12ab-34cd-56ef-1234567890ab',
      'arn:aws:kms:us-east-1:123:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'arn:aws:kms:us-east-1:123456789012:key/not-a-key',
      'arn:aws:s3:::bucket',
    ]) {
      expect(parseKmsKey(bad)).toBeUndefined();
    }
  });

  it('must be of the bake region, and reach the copy regions', () => {
    const single = key('1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(kmsKeyProblem(single, HOME, [])).toBeUndefined();
    expect(kmsKeyProblem(single, HOME, ['eu-west-1'])).toMatch(
      /single-region key .* cannot encrypt the copies in eu-west-1/,
    );
    expect(kmsKeyProblem(key('alias/images'), HOME, ['eu-west-1'])).toBeUndefined();
    expect(kmsKeyProblem(key(`mrk-${'b'.repeat(32)}`), HOME, ['eu-west-1'])).toBeUndefined();
    expect(kmsKeyProblem(key(ALIAS_ARN), 'eu-west-1', [])).toMatch(
      /the key is in us-east-1, but the image is made in eu-west-1/,
    );
  });

  it('names the same alias, or the replica of a multi-region key, in each region', () => {
    expect(kmsKeyIn(key(ALIAS_ARN), 'eu-west-1')).toBe(
      'arn:aws:kms:eu-west-1:123456789012:alias/immut-images',
    );
    const mrk = `arn:aws:kms:us-east-1:123456789012:key/mrk-${'c'.repeat(32)}`;
    expect(kmsKeyIn(key(mrk), 'ap-south-1')).toBe(mrk.replace('us-east-1', 'ap-south-1'));
    expect(kmsKeyIn(key('alias/images'), 'eu-west-1')).toBe('alias/images');
  });
});

describe('the fingerprint of a published image', () => {
  const content: BakeContent = {
    role: 'api',
    env: 'prod',
    logPaths: [],
    script: { name: 'provision.sh', content: Buffer.from('#!/bin/bash\n') },
    files: [],
  };
  const base = 'ami-0a0000000000a2303';

  it('changes with the KMS key and the copy regions, not with their order', () => {
    const plain = fingerprint(base, content);
    expect(fingerprint(base, content, { copyToRegions: [] })).toBe(plain);
    const encrypted = fingerprint(base, content, { kmsKeyId: 'alias/a' });
    expect(encrypted).not.toBe(plain);
    expect(fingerprint(base, content, { kmsKeyId: 'alias/b' })).not.toBe(encrypted);
    const copied = fingerprint(base, content, { copyToRegions: ['eu-west-1', 'us-west-2'] });
    expect(copied).not.toBe(plain);
    expect(fingerprint(base, content, { copyToRegions: ['us-west-2', 'eu-west-1'] })).toBe(copied);
    expect(fingerprint(base, content, { copyToRegions: ['us-west-2'] })).not.toBe(copied);
  });

  it('gives CopyImage a token per attempt, source and destination', () => {
    const token = copyToken('copy', 'run\u00001', 'ami-0123456789abcdef0', 'eu-west-1');
    expect(token).toMatch(/^immut-copy-[0-9a-f]{40}$/);
    expect(token.length).toBeLessThanOrEqual(64);
    expect(copyToken('copy', 'run\u00001', 'ami-0123456789abcdef0', 'eu-west-1')).toBe(token);
    expect(copyToken('copy', 'run\u00002', 'ami-0123456789abcdef0', 'eu-west-1')).not.toBe(token);
    expect(copyToken('copy', 'run\u00001', 'ami-0123456789abcdef0', 'us-west-2')).not.toBe(token);
  });
});

describe('an encrypted bake', () => {
  it('publishes an image encrypted with the key and deletes the unencrypted intermediate', async () => {
    const d = deps();
    const result = await bake(inputs({ kmsKey: key(ALIAS_ARN) }), d);
    expect(result.phases.map((p) => p.name)).toEqual(['resolve', 'builder', 'image', 'encrypt']);
    const intermediate = result.encryption?.intermediateId;
    expect(intermediate).toMatch(/^ami-/);
    const images = await ownImages(HOME);
    expect(images.map((i) => i.ImageId)).toEqual([result.image!.imageId]);
    const [image] = images;
    expect(image!.Name).toBe(result.imageName);
    const ebs = image!.BlockDeviceMappings![0]!.Ebs!;
    expect(ebs).toMatchObject({ Encrypted: true, KmsKeyId: ALIAS_ARN });
    expect(fromAwsTags(image!.Tags)['immut:fingerprint']).toBe(result.fingerprint);
    // Only the encrypted image's snapshot is left; it is tagged like the image.
    expect(await ownSnapshotIds(HOME)).toEqual([ebs.SnapshotId]);
    const [snap] = (await d.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [ebs.SnapshotId!] })))
      .Snapshots!;
    expect(snap).toMatchObject({ Encrypted: true, KmsKeyId: ALIAS_ARN });
    expect(fromAwsTags(snap!.Tags)['immut:fingerprint']).toBe(result.fingerprint);
    // The intermediate was made without the fingerprint, so the cache could never match it.
    const created = sb.calls().find((c) => c.operation === 'CreateImage' && c.outcome === 'ok');
    expect(created!.params.Name).toBe(`${result.imageName}/unencrypted`);
    expect(JSON.stringify(created!.params)).not.toContain('immut:fingerprint');
    expect(d.cleanup.created().map((r) => r.id)).not.toContain(intermediate);
    expect(renderSummary(identity('b000007'), result)).toContain(`KMS key ${ALIAS_ARN}`);
  });

  it('records the intermediate for the post step when encryption fails', async () => {
    sb.addFaults([
      { service: 'ec2', operation: 'CopyImage', error: 'InvalidParameterValue', message: 'bad key' },
    ]);
    const d = deps();
    await expect(bake(inputs({ kmsKey: key('alias/images') }), d)).rejects.toThrow(/bad key/);
    const recorded = d.cleanup.created().filter((r) => r.kind === KIND.image);
    const [intermediate] = await ownImages(HOME);
    expect(intermediate!.Name).toMatch(/\/unencrypted$/);
    expect(recorded).toEqual([{ kind: 'image', id: intermediate!.ImageId, region: HOME }]);
    // The builder was terminated all the same.
    expect(d.cleanup.created().filter((r) => r.kind === KIND.builder)).toEqual([]);
  });
});

describe('copies to other regions', () => {
  const regions = ['us-west-2', 'eu-west-1'];

  it('copies the image to each region, tagged there, and publishes the fingerprint last', async () => {
    const d = deps();
    const result = await bake(inputs({ copyToRegions: regions }), d);
    expect(result.phases.map((p) => p.name)).toEqual(['resolve', 'builder', 'image', 'copies']);
    const ids = imageIds(result)!;
    expect(Object.keys(ids)).toEqual([HOME, ...regions]);
    expect(ids[HOME]).toBe(result.image!.imageId);
    for (const region of regions) {
      const [copy] = await ownImages(region);
      expect(copy).toMatchObject({ ImageId: ids[region], Name: result.imageName, State: 'available' });
      expect(fromAwsTags(copy!.Tags)).toMatchObject({
        'immut:managed-by': 'immut',
        'immut:build': 'b000007',
        'immut:fingerprint': result.fingerprint,
        Name: result.imageName,
      });
      const snapshots = await ec2For(region).send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
      expect(fromAwsTags(snapshots.Snapshots![0]!.Tags)['immut:fingerprint']).toBe(result.fingerprint);
    }
    // The image in the bake region was created without its fingerprint and tagged at the end.
    const ops = sb
      .calls()
      .filter((c) => c.outcome === 'ok')
      .map((c) => c.operation);
    expect(JSON.stringify(sb.calls().find((c) => c.operation === 'CreateImage')!.params)).not.toContain(
      'immut:fingerprint',
    );
    expect(ops.lastIndexOf('CreateTags')).toBeGreaterThan(ops.lastIndexOf('CopyImage'));
    const homeSnapshots = await ec2For(HOME).send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    expect(fromAwsTags(homeSnapshots.Snapshots![0]!.Tags)['immut:fingerprint']).toBe(result.fingerprint);
    expect((await findRoleImages(d.ec2, identity('b000007'), result.fingerprint)).cached?.imageId).toBe(
      ids[HOME],
    );
  });

  it('a cache hit makes no copies, and makes a copy again when one has gone missing', async () => {
    const first = await bake(inputs({ copyToRegions: regions }), deps());
    sb.clearCalls();
    const hit = await bake(inputs({ copyToRegions: regions, identity: identity('b000008') }), deps());
    expect(hit.cacheHit).toBe(true);
    expect(imageIds(hit)).toEqual(imageIds(first));
    expect(copyCalls()).toEqual([]);

    const lost = imageIds(first)!['eu-west-1']!;
    await ec2For('eu-west-1').send(new DeregisterImageCommand({ ImageId: lost }));
    sb.clearCalls();
    const d = deps();
    const healed = await bake(inputs({ copyToRegions: regions, identity: identity('b000009') }), d);
    expect(healed.cacheHit).toBe(true);
    expect(copyCalls().map((c) => c.region)).toEqual(['eu-west-1']);
    expect(healed.copies.map((c) => [c.region, c.how])).toEqual([
      ['us-west-2', 'existing'],
      ['eu-west-1', 'copied'],
    ]);
    // Only the copy this run made is its to clean up; the cached image and the other copy are not.
    const made = healed.copies.find((c) => c.how === 'copied')!;
    expect(d.cleanup.created()).toEqual([{ kind: 'image', id: made.imageId, region: 'eu-west-1' }]);
  });

  it('a failed copy leaves the image unpublished, and a re-run of the run adopts what was made', async () => {
    sb.addFaults([
      {
        service: 'ec2',
        operation: 'CopyImage',
        error: 'ResourceLimitExceeded',
        message: 'You have reached the limit of concurrent AMI copies',
        times: 1,
        match: { KmsKeyId: 'arn:aws:kms:eu-west-1:*' },
      },
    ]);
    const first = deps();
    const over = { copyToRegions: regions, kmsKey: key(ALIAS_ARN) };
    await expect(bake(inputs(over), first)).rejects.toThrow(/concurrent AMI copies/);
    const recorded = first.cleanup.created().filter((r) => r.kind === KIND.image);
    expect(recorded.map((r) => r.region)).toEqual([HOME, 'us-west-2']);
    const [home] = await ownImages(HOME);
    expect(fromAwsTags(home!.Tags)['immut:fingerprint']).toBeUndefined();
    expect(await ownImages('eu-west-1')).toEqual([]);

    // The same run again (no post step in between): nothing is made twice.
    sb.clearCalls();
    const again = deps({ GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2' });
    const result = await bake(inputs(over), again);
    expect(result.image).toMatchObject({ imageId: home!.ImageId, how: 'earlier-attempt' });
    expect(copyCalls().map((c) => c.region)).toEqual(['eu-west-1']);
    expect(sb.calls().filter((c) => c.operation === 'RunInstances')).toEqual([]);
    const [copy] = await ownImages('eu-west-1');
    expect(copy!.BlockDeviceMappings![0]!.Ebs).toMatchObject({
      Encrypted: true,
      KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:alias/immut-images',
    });
    expect((await findRoleImages(again.ec2, identity('b000007'), result.fingerprint)).cached?.imageId).toBe(
      home!.ImageId,
    );
  });

  it('a dry run on a cache hit reports the missing copies, checked with EC2 DryRun, and makes none', async () => {
    const first = await bake(inputs({ copyToRegions: regions }), deps());
    await ec2For('us-west-2').send(new DeregisterImageCommand({ ImageId: imageIds(first)!['us-west-2']! }));
    sb.clearCalls();
    const dry = await bake(
      inputs({ copyToRegions: regions, dryRun: true, identity: identity('b000010') }),
      deps(),
    );
    expect(dry.copies.map((c) => [c.region, c.how])).toEqual([
      ['us-west-2', 'missing'],
      ['eu-west-1', 'existing'],
    ]);
    expect(imageIds(dry)).toBeUndefined();
    const copies = sb.calls().filter((c) => c.operation === 'CopyImage');
    expect(copies.map((c) => [c.region, c.errorCode])).toEqual([['us-west-2', 'DryRunOperation']]);
    expect(await ownImages('us-west-2')).toEqual([]);
  });
});
