// mode unshare: the source account takes back what a promotion into another account shared,
// once the target build that ran the image is retired. The decision rules, then the calls
// against the sandbox with the real SDK: permissions removed, marks deleted, other images and
// other envs' shares left alone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateTagsCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeSnapshotAttributeCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import { MANAGED_BY_VALUE, TAG, fromAwsTags, sharedWithTag, usedByTag } from '@immut/core/tags';
import { startSandbox, type Sandbox } from '@immut/sandbox';
import { makeImage, sandboxClients } from '@immut/test-support/release-parts';
import { decideUnshare, unshareRetired } from '../unshare.js';

const B = '210987654321';
const who = { role: 'api', env: 'prod' };
const mine = {
  [TAG.managedBy]: MANAGED_BY_VALUE,
  [TAG.role]: 'api',
  [TAG.env]: 'staging',
  [usedByTag('prod')]: 'b2',
  [sharedWithTag('prod')]: B,
};

describe('decideUnshare', () => {
  it('takes back the share only when the build using it was retired', () => {
    expect(decideUnshare('ami-1', mine, who, new Set(['b2']))).toMatchObject({
      unshare: true,
      account: B,
      build: 'b2',
    });
    expect(decideUnshare('ami-1', mine, who, new Set(['b1']))).toMatchObject({
      unshare: false,
      reason: 'prod build b2 uses it and was not retired',
    });
  });

  it("leaves images that are not immut's of the role, or whose mark is not an account", () => {
    const retired = new Set(['b2']);
    expect(decideUnshare('ami-1', { ...mine, [TAG.role]: 'web' }, who, retired).unshare).toBe(false);
    expect(decideUnshare('ami-1', { ...mine, [TAG.managedBy]: 'someone' }, who, retired).unshare).toBe(false);
    expect(
      decideUnshare('ami-1', { ...mine, [sharedWithTag('prod')]: 'everyone' }, who, retired).unshare,
    ).toBe(false);
  });
});

describe('unshareRetired against the sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ timeScale: 1000, accounts: [{ id: B }] });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  async function shared(
    extra: Record<string, string>,
    build: string,
  ): Promise<{ image: string; snapshot: string }> {
    const { ec2 } = sandboxClients(sandbox);
    const image = await makeImage(sandbox, { role: 'api', env: 'staging', build });
    const found = (await ec2.send(new DescribeImagesCommand({ ImageIds: [image] }))).Images?.[0];
    const snapshot = found?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId ?? '';
    await ec2.send(
      new CreateTagsCommand({
        Resources: [image, snapshot],
        Tags: Object.entries(extra).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    await ec2.send(
      new ModifyImageAttributeCommand({ ImageId: image, LaunchPermission: { Add: [{ UserId: B }] } }),
    );
    await ec2.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: snapshot,
        Attribute: 'createVolumePermission',
        CreateVolumePermission: { Add: [{ UserId: B }] },
      }),
    );
    return { image, snapshot };
  }

  async function permissions(image: string, snapshot: string) {
    const { ec2 } = sandboxClients(sandbox);
    const launch = await ec2.send(
      new DescribeImageAttributeCommand({ ImageId: image, Attribute: 'launchPermission' }),
    );
    const volume = await ec2.send(
      new DescribeSnapshotAttributeCommand({ SnapshotId: snapshot, Attribute: 'createVolumePermission' }),
    );
    const tags = fromAwsTags(
      (await ec2.send(new DescribeImagesCommand({ ImageIds: [image] }))).Images?.[0]?.Tags,
    );
    return {
      launch: (launch.LaunchPermissions ?? []).map((p) => p.UserId),
      volume: (volume.CreateVolumePermissions ?? []).map((p) => p.UserId),
      tags,
    };
  }

  it("removes the retired build's share and marks, keeps a share another build or env holds", async () => {
    const retired = await shared({ [usedByTag('prod')]: 'b2', [sharedWithTag('prod')]: B }, 'b30');
    const running = await shared({ [usedByTag('prod')]: 'b3', [sharedWithTag('prod')]: B }, 'b31');
    const twoEnvs = await shared(
      {
        [usedByTag('prod')]: 'b2',
        [sharedWithTag('prod')]: B,
        [sharedWithTag('perf')]: B,
        [usedByTag('perf')]: 'b7',
      },
      'b32',
    );
    const { ec2 } = sandboxClients(sandbox);
    const log: string[] = [];
    const decisions = await unshareRetired(ec2, who, ['b2'], { dryRun: false, log: (l) => log.push(l) });
    expect(
      decisions
        .filter((d) => d.unshare)
        .map((d) => d.imageId)
        .sort(),
    ).toEqual([retired.image, twoEnvs.image].sort());

    const gone = await permissions(retired.image, retired.snapshot);
    expect(gone.launch).toEqual([]);
    expect(gone.volume).toEqual([]);
    expect(gone.tags[usedByTag('prod')]).toBeUndefined();
    expect(gone.tags[sharedWithTag('prod')]).toBeUndefined();

    const kept = await permissions(running.image, running.snapshot);
    expect(kept.launch).toEqual([B]);
    expect(kept.tags[usedByTag('prod')]).toBe('b3');

    // perf still shares the image with the same account: the permission stays, prod's marks go.
    const both = await permissions(twoEnvs.image, twoEnvs.snapshot);
    expect(both.launch).toEqual([B]);
    expect(both.volume).toEqual([B]);
    expect(both.tags[sharedWithTag('prod')]).toBeUndefined();
    expect(both.tags[sharedWithTag('perf')]).toBe(B);
    expect(log.join('\n')).toContain('env(s) perf share it too');
  });

  it('changes nothing in a dry run', async () => {
    const image = await shared({ [usedByTag('prod')]: 'b4', [sharedWithTag('prod')]: B }, 'b33');
    const { ec2 } = sandboxClients(sandbox);
    const decisions = await unshareRetired(ec2, who, ['b4'], { dryRun: true, log: () => undefined });
    expect(decisions.find((d) => d.imageId === image.image)?.unshare).toBe(true);
    expect((await permissions(image.image, image.snapshot)).launch).toEqual([B]);
  });
});
