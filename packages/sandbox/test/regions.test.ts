// A second seeded region (the `regions` option): its own network, public images and SSM
// parameters with ids of its own, a KMS key per account, and an image promoted into it from
// another account and region with CopyImage's SourceRegion. Real SDK v3 clients.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CopyImageCommand,
  CreateImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSubnetsCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  RunInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { DURATIONS, SEED, SEED_KEY_ALIAS, seededKeyId, startSandbox, type Sandbox } from '../src/index.js';
import { clients, clientsFor, kmsCall } from './helpers.js';

const B = '210987654321';
const KEY_B = 'account-b-key';
const WEST = 'us-west-2';
const LATEST = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

const launch = async (ec2: EC2Client, imageId: string): Promise<string> =>
  (
    await ec2.send(
      new RunInstancesCommand({ ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
    )
  ).Instances![0]!.InstanceId!;
const stateOf = async (ec2: EC2Client, id: string): Promise<string | undefined> =>
  (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0]!.Instances![0]!
    .State!.Name;

describe('a second region', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({
      timeScale: 1,
      regions: [WEST],
      accounts: [{ id: B, credentials: { [KEY_B]: 's' } }],
    });
  });
  afterAll(async () => {
    await sb.stop();
  });

  it('is seeded like the first, with its own zones and ids, in every account', async () => {
    for (const key of ['test', KEY_B]) {
      const west = key === 'test' ? clients(sb, WEST) : clientsFor(sb, key, WEST);
      const forSsm = clients(sb, WEST);
      const ssm = forSsm.ssm;
      try {
        const subnets = (await west.ec2.send(new DescribeSubnetsCommand({}))).Subnets!;
        expect(subnets.map((s) => s.AvailabilityZone).sort()).toEqual([
          'us-west-2a',
          'us-west-2b',
          'us-west-2c',
        ]);
        expect(subnets.map((s) => s.SubnetId)).not.toContain(SEED.subnets[0].subnetId);
        const imageId = (await ssm.send(new GetParameterCommand({ Name: LATEST }))).Parameter!.Value!;
        expect(imageId).toMatch(/^ami-[0-9a-f]{17}$/);
        expect(imageId).not.toBe('ami-0a0000000000a2303');
        const [image] = (await west.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images!;
        expect(image!.Name).toMatch(/^al2023-ami-2023\.6\.20250115\.0-kernel-6\.1-x86_64$/);
        const id = await launch(west.ec2, imageId);
        sb.advance(DURATIONS.instancePendingToRunning);
        expect(await stateOf(west.ec2, id)).toBe('running');
      } finally {
        west.destroy();
        forSsm.destroy();
      }
    }
    const { body } = await kmsCall<{ KeyMetadata: { Arn: string } }>(
      sb,
      KEY_B,
      'DescribeKey',
      { KeyId: SEED_KEY_ALIAS },
      WEST,
    );
    expect(body.KeyMetadata.Arn).toBe(`arn:aws:kms:${WEST}:${B}:key/${seededKeyId(B, WEST)}`);
  });

  it("takes another account's shared image across regions with CopyImage, re-encrypted with the target's key", async () => {
    const a = clients(sb);
    const bWest = clientsFor(sb, KEY_B, WEST);
    try {
      const builder = await launch(a.ec2, 'ami-0a0000000000a2303');
      sb.advance(DURATIONS.instancePendingToRunning);
      const { ImageId } = await a.ec2.send(new CreateImageCommand({ InstanceId: builder, Name: 'promoted' }));
      sb.advance(DURATIONS.imagePendingToAvailable);
      const [image] = (await a.ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] }))).Images!;
      await a.ec2.send(new ModifyImageAttributeCommand({ ImageId, OperationType: 'add', UserIds: [B] }));
      await a.ec2.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: image!.BlockDeviceMappings![0]!.Ebs!.SnapshotId!,
          OperationType: 'add',
          UserIds: [B],
        }),
      );
      const { ImageId: copyId } = await bWest.ec2.send(
        new CopyImageCommand({
          SourceImageId: ImageId!,
          SourceRegion: 'us-east-1',
          Name: 'promoted',
          Encrypted: true,
          KmsKeyId: SEED_KEY_ALIAS,
        }),
      );
      sb.advance(DURATIONS.imagePendingToAvailable);
      const [copy] = (await bWest.ec2.send(new DescribeImagesCommand({ ImageIds: [copyId!] }))).Images!;
      expect(copy).toMatchObject({
        OwnerId: B,
        State: 'available',
        SourceImageId: ImageId,
        SourceImageRegion: 'us-east-1',
      });
      expect(copy!.BlockDeviceMappings![0]!.Ebs).toMatchObject({
        Encrypted: true,
        KmsKeyId: `arn:aws:kms:${WEST}:${B}:key/${seededKeyId(B, WEST)}`,
      });
      const id = await launch(bWest.ec2, copyId!);
      sb.advance(DURATIONS.instancePendingToRunning);
      expect(await stateOf(bWest.ec2, id)).toBe('running');
      // The copy is in B's us-west-2 only.
      const a2 = clients(sb, WEST);
      try {
        await expect(a2.ec2.send(new DescribeImagesCommand({ ImageIds: [copyId!] }))).rejects.toMatchObject({
          name: 'InvalidAMIID.NotFound',
        });
      } finally {
        a2.destroy();
      }
    } finally {
      a.destroy();
      bWest.destroy();
    }
  });
});

describe('without the regions option', () => {
  it('seeds us-east-1 only, as before', async () => {
    const sb = await startSandbox({ timeScale: 1 });
    const west = clients(sb, WEST);
    try {
      expect((await west.ec2.send(new DescribeSubnetsCommand({}))).Subnets).toEqual([]);
      await expect(startSandbox({ regions: ['mars-1'] })).rejects.toThrow(/regions: expected region names/);
    } finally {
      west.destroy();
      await sb.stop();
    }
  });
});
