// EC2 over the wire with the real SDK v3 client. The sandbox runs at time scale 1 and the
// tests move its clock with `advance`, so every state is observed deterministically.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CopyImageCommand,
  CreateImageCommand,
  CreateTagsCommand,
  DeleteSnapshotCommand,
  DeleteTagsCommand,
  DeregisterImageCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetConsoleOutputCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  paginateDescribeImages,
  paginateDescribeInstances,
  type RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import { DURATIONS, SEED, startSandbox, type Sandbox } from '../src/index.js';
import { clients, failure } from './helpers.js';

const AL_LATEST = 'ami-0a0000000000a2303';
const SUBNET_B = SEED.subnets[1].subnetId;

let sb: Sandbox;
let ec2: EC2Client;
let c: ReturnType<typeof clients>;

beforeAll(async () => {
  sb = await startSandbox({ timeScale: 1 });
  c = clients(sb);
  ec2 = c.ec2;
});
afterAll(async () => {
  c.destroy();
  await sb.stop();
});
beforeEach(async () => {
  await sb.reset();
});

async function launch(input: Partial<RunInstancesCommandInput> = {}) {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: AL_LATEST,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      ...input,
    }),
  );
  return out.Instances!.map((i) => i.InstanceId!);
}

async function stateOf(id: string): Promise<string | undefined> {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  return out.Reservations?.[0]?.Instances?.[0]?.State?.Name;
}

async function runningInstance(): Promise<string> {
  const [id] = await launch();
  sb.advance(DURATIONS.instancePendingToRunning);
  expect(await stateOf(id!)).toBe('running');
  return id!;
}

describe('DescribeImages', () => {
  it('filters by owner alias, account id and self', async () => {
    const amazon = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }));
    expect(amazon.Images!.map((i) => i.ImageId).sort()).toEqual(
      SEED.images
        .filter((i) => i.family === 'al2023')
        .map((i) => i.imageId)
        .sort(),
    );
    const canonical = await ec2.send(new DescribeImagesCommand({ Owners: ['099720109477'] }));
    expect(canonical.Images).toHaveLength(3);
    expect(canonical.Images!.every((i) => i.OwnerId === '099720109477' && i.Public === true)).toBe(true);
    const self = await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(self.Images).toEqual([]);
  });

  it('matches name wildcards (* and ?), state, image-id and architecture; values OR-ed, filters AND-ed', async () => {
    const noble2025 = await ec2.send(
      new DescribeImagesCommand({
        Filters: [
          { Name: 'name', Values: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-2025*'] },
        ],
      }),
    );
    expect(noble2025.Images!.map((i) => i.ImageId)).toEqual(['ami-0c0000000000b2403']);
    const q = await ec2.send(
      new DescribeImagesCommand({
        Filters: [{ Name: 'name', Values: ['al2023-ami-2023.6.2024121?.0-kernel-6.1-x86_64'] }],
      }),
    );
    expect(q.Images!.map((i) => i.ImageId)).toEqual(['ami-0a0000000000a2302']);
    const anded = await ec2.send(
      new DescribeImagesCommand({
        Owners: ['amazon'],
        Filters: [
          { Name: 'name', Values: ['al2023-ami-*'] },
          { Name: 'architecture', Values: ['arm64'] },
          { Name: 'state', Values: ['available'] },
        ],
      }),
    );
    expect(anded.Images!.map((i) => i.ImageId)).toEqual(['ami-0a0000000000a2304']);
    const ored = await ec2.send(
      new DescribeImagesCommand({
        Filters: [{ Name: 'image-id', Values: ['ami-0a0000000000a2301', 'ami-0c0000000000b2401'] }],
      }),
    );
    expect(ored.Images).toHaveLength(2);
    const caseSensitive = await ec2.send(
      new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: ['AL2023-*'] }] }),
    );
    expect(caseSensitive.Images).toEqual([]);
  });

  it('rejects unknown and malformed ids and unknown filters with the real codes', async () => {
    expect(
      (await failure(ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })))).name,
    ).toBe('InvalidAMIID.NotFound');
    expect((await failure(ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-zz'] })))).name).toBe(
      'InvalidAMIID.Malformed',
    );
    const bad = await failure(
      ec2.send(new DescribeImagesCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })),
    );
    expect(bad.name).toBe('InvalidParameterValue');
    expect(bad.$metadata?.httpStatusCode).toBe(400);
  });

  it('filters by tag:K on own images', async () => {
    const id = await runningInstance();
    const { ImageId } = await ec2.send(
      new CreateImageCommand({
        InstanceId: id,
        Name: 'myapp-1',
        TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'app', Value: 'myapp' }] }],
      }),
    );
    const tagged = await ec2.send(
      new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'tag:app', Values: ['my*'] }] }),
    );
    expect(tagged.Images!.map((i) => i.ImageId)).toEqual([ImageId]);
    const other = await ec2.send(
      new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'tag:app', Values: ['other'] }] }),
    );
    expect(other.Images).toEqual([]);
  });

  it('paginates with MaxResults / NextToken (the SDK paginator sees every image once)', async () => {
    const first = await ec2.send(new DescribeImagesCommand({ MaxResults: 2 }));
    expect(first.Images).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    const ids: string[] = [];
    for await (const page of paginateDescribeImages({ client: ec2, pageSize: 3 }, {})) {
      expect(page.Images!.length).toBeLessThanOrEqual(3);
      ids.push(...page.Images!.map((i) => i.ImageId!));
    }
    expect(ids.sort()).toEqual(SEED.images.map((i) => i.imageId).sort());
    expect((await failure(ec2.send(new DescribeImagesCommand({ NextToken: 'garbage!' })))).name).toBe(
      'InvalidPaginationToken',
    );
  });
});

describe('RunInstances', () => {
  it("launches MaxCount instances into the subnet's zone with tags, pending then running", async () => {
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: AL_LATEST,
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 3,
        SubnetId: SUBNET_B,
        SecurityGroupIds: [SEED.securityGroup.groupId],
        UserData: Buffer.from('#!/bin/sh\necho hi\n').toString('base64'),
        InstanceInitiatedShutdownBehavior: 'terminate',
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'app', Value: 'web' }] }],
      }),
    );
    expect(out.Instances).toHaveLength(3);
    expect(out.Instances!.map((i) => i.AmiLaunchIndex)).toEqual([0, 1, 2]);
    for (const i of out.Instances!) {
      expect(i.State).toEqual({ Code: 0, Name: 'pending' });
      expect(i.Placement?.AvailabilityZone).toBe('us-east-1b');
      expect(i.SubnetId).toBe(SUBNET_B);
      expect(i.VpcId).toBe(SEED.vpc.vpcId);
      expect(i.Tags).toEqual([{ Key: 'app', Value: 'web' }]);
      expect(i.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    }
    expect(new Set(out.Instances!.map((i) => i.PrivateIpAddress)).size).toBe(3);
    sb.advance(DURATIONS.instancePendingToRunning - 1000);
    expect(await stateOf(out.Instances![0]!.InstanceId!)).toBe('pending');
    sb.advance(1000);
    expect(await stateOf(out.Instances![0]!.InstanceId!)).toBe('running');
  });

  it('is idempotent by ClientToken and rejects a reused token with other parameters', async () => {
    const input: RunInstancesCommandInput = {
      ImageId: AL_LATEST,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 2,
      ClientToken: 'deploy-42',
    };
    const first = await ec2.send(new RunInstancesCommand(input));
    const again = await ec2.send(new RunInstancesCommand(input));
    expect(again.ReservationId).toBe(first.ReservationId);
    expect(again.Instances!.map((i) => i.InstanceId)).toEqual(first.Instances!.map((i) => i.InstanceId));
    const all = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: ['deploy-42'] }] }),
    );
    expect(all.Reservations!.flatMap((r) => r.Instances!)).toHaveLength(2);
    const mismatch = await failure(ec2.send(new RunInstancesCommand({ ...input, InstanceType: 't3.large' })));
    expect(mismatch.name).toBe('IdempotentParameterMismatch');
    expect(mismatch.$metadata?.httpStatusCode).toBe(400);
  });

  it('enforces UserData base64 and its 16 KB limit', async () => {
    expect((await failure(launch({ UserData: '#!/bin/sh not base64' }))).name).toBe('InvalidParameterValue');
    const ok = Buffer.alloc(16384, 'a').toString('base64');
    await expect(launch({ UserData: ok })).resolves.toHaveLength(1);
    const big = Buffer.alloc(16385, 'a').toString('base64');
    const err = await failure(launch({ UserData: big }));
    expect(err.name).toBe('InvalidParameterValue');
    expect(err.message).toMatch(/16384/);
  });

  it('answers unknown image, subnet and group with their not-found codes, and other bad input', async () => {
    expect((await failure(launch({ ImageId: 'ami-0123456789abcdef0' }))).name).toBe('InvalidAMIID.NotFound');
    expect((await failure(launch({ SubnetId: 'subnet-0123456789abcdef0' }))).name).toBe(
      'InvalidSubnetID.NotFound',
    );
    expect((await failure(launch({ SecurityGroupIds: ['sg-0123456789abcdef0'] }))).name).toBe(
      'InvalidGroup.NotFound',
    );
    expect((await failure(launch({ MinCount: 3, MaxCount: 2 }))).name).toBe('InvalidParameterValue');
    expect((await failure(launch({ InstanceInitiatedShutdownBehavior: 'hibernate' as 'stop' }))).name).toBe(
      'InvalidParameterValue',
    );
    expect(
      (
        await failure(
          launch({ TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'a', Value: 'b' }] }] }),
        )
      ).name,
    ).toBe('InvalidParameterValue');
  });

  it('answers DryRun with DryRunOperation (412) and launches nothing', async () => {
    const err = await failure(launch({ DryRun: true }));
    expect(err.name).toBe('DryRunOperation');
    expect(err.$metadata?.httpStatusCode).toBe(412);
    const all = await ec2.send(new DescribeInstancesCommand({}));
    expect(all.Reservations).toEqual([]);
    // A dry run still validates: a bad image is reported as such.
    expect((await failure(launch({ DryRun: true, ImageId: 'ami-0123456789abcdef0' }))).name).toBe(
      'InvalidAMIID.NotFound',
    );
  });
});

describe('DescribeInstances', () => {
  it('filters by tag, state and id, and reports unknown ids', async () => {
    const [web] = await launch({
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'web' }] }],
    });
    const [db] = await launch({
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'db' }] }],
    });
    const byTag = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag:role', Values: ['web'] }] }),
    );
    expect(byTag.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([web]);
    const tagKey = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag-key', Values: ['role'] }] }),
    );
    expect(tagKey.Reservations).toHaveLength(2);
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [db!] }));
    const live = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running'] }],
      }),
    );
    expect(live.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([web]);
    expect(
      (await failure(ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })))).name,
    ).toBe('InvalidInstanceID.NotFound');
    expect((await failure(ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-nope'] })))).name).toBe(
      'InvalidInstanceID.Malformed',
    );
    expect(
      (await failure(ec2.send(new DescribeInstancesCommand({ InstanceIds: [web!], MaxResults: 5 })))).name,
    ).toBe('InvalidParameterCombination');
  });

  it('paginates (MaxResults 5..1000) and the SDK paginator collects every instance', async () => {
    await launch({ MinCount: 7, MaxCount: 7 });
    const first = await ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    expect(first.Reservations![0]!.Instances).toHaveLength(5);
    expect(first.NextToken).toBeDefined();
    const ids: string[] = [];
    for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 5 }, {})) {
      ids.push(...page.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!)));
    }
    expect(new Set(ids).size).toBe(7);
    expect((await failure(ec2.send(new DescribeInstancesCommand({ MaxResults: 4 })))).name).toBe(
      'InvalidParameterValue',
    );
  });
});

describe('instance lifecycle', () => {
  it('stops: stopping then stopped; pending instances cannot stop', async () => {
    const [pending] = await launch();
    expect((await failure(ec2.send(new StopInstancesCommand({ InstanceIds: [pending!] })))).name).toBe(
      'IncorrectInstanceState',
    );
    sb.advance(DURATIONS.instancePendingToRunning);
    const out = await ec2.send(new StopInstancesCommand({ InstanceIds: [pending!] }));
    expect(out.StoppingInstances?.[0]).toMatchObject({
      PreviousState: { Name: 'running', Code: 16 },
      CurrentState: { Name: 'stopping', Code: 64 },
    });
    sb.advance(DURATIONS.instanceStoppingToStopped);
    expect(await stateOf(pending!)).toBe('stopped');
  });

  it('terminates idempotently; terminated instances stay visible for an hour', async () => {
    const id = await runningInstance();
    const first = await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(first.TerminatingInstances?.[0]).toMatchObject({
      PreviousState: { Name: 'running' },
      CurrentState: { Name: 'shutting-down', Code: 32 },
    });
    sb.advance(DURATIONS.instanceShuttingDownToTerminated);
    const again = await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(again.TerminatingInstances?.[0]).toMatchObject({
      PreviousState: { Name: 'terminated', Code: 48 },
      CurrentState: { Name: 'terminated', Code: 48 },
    });
    sb.advance(DURATIONS.terminatedVisibleFor + 1000);
    expect((await failure(ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })))).name).toBe(
      'InvalidInstanceID.NotFound',
    );
    expect(
      (await failure(ec2.send(new TerminateInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })))).name,
    ).toBe('InvalidInstanceID.NotFound');
  });

  it('GetConsoleOutput returns base64 boot output once the instance has booted', async () => {
    const [id] = await launch({ UserData: Buffer.from('#!/bin/sh\n').toString('base64') });
    const early = await ec2.send(new GetConsoleOutputCommand({ InstanceId: id! }));
    expect(early.Output).toBeUndefined();
    sb.advance(DURATIONS.instancePendingToRunning);
    const out = await ec2.send(new GetConsoleOutputCommand({ InstanceId: id! }));
    const text = Buffer.from(out.Output!, 'base64').toString('utf8');
    expect(text).toContain(id);
    expect(text).toMatch(/Cloud-init .* finished/);
    expect(
      (await failure(ec2.send(new GetConsoleOutputCommand({ InstanceId: 'i-0123456789abcdef0' })))).name,
    ).toBe('InvalidInstanceID.NotFound');
  });
});

describe('images and snapshots', () => {
  it('CreateImage enforces AMI name rules and uniqueness', async () => {
    const id = await runningInstance();
    for (const bad of ['ab', 'has*star', 'x'.repeat(129), 'tab\tname']) {
      expect((await failure(ec2.send(new CreateImageCommand({ InstanceId: id, Name: bad })))).name).toBe(
        'InvalidAMIName.Malformed',
      );
    }
    const okName = "My App (v1.2) [x86]/build-3 'rc'@_ok";
    const { ImageId } = await ec2.send(new CreateImageCommand({ InstanceId: id, Name: okName }));
    expect(ImageId).toMatch(/^ami-[0-9a-f]{17}$/);
    const dup = await failure(ec2.send(new CreateImageCommand({ InstanceId: id, Name: okName })));
    expect(dup.name).toBe('InvalidAMIName.Duplicate');
    expect(dup.message).toContain(ImageId);
    await expect(
      ec2.send(new CreateImageCommand({ InstanceId: id, Name: 'x'.repeat(128) })),
    ).resolves.toBeDefined();
  });

  it('CreateImage needs a running or stopped instance', async () => {
    const [pending] = await launch();
    expect(
      (await failure(ec2.send(new CreateImageCommand({ InstanceId: pending!, Name: 'from-pending' })))).name,
    ).toBe('IncorrectInstanceState');
    sb.advance(DURATIONS.instancePendingToRunning);
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [pending!] }));
    sb.advance(DURATIONS.instanceShuttingDownToTerminated);
    expect(
      (await failure(ec2.send(new CreateImageCommand({ InstanceId: pending!, Name: 'from-terminated' }))))
        .name,
    ).toBe('IncorrectInstanceState');
    expect(
      (await failure(ec2.send(new CreateImageCommand({ InstanceId: 'i-0123456789abcdef0', Name: 'nope' }))))
        .name,
    ).toBe('InvalidInstanceID.NotFound');
  });

  it('CreateImage snapshots the volume, tags image and snapshot, and goes pending → available', async () => {
    const id = await runningInstance();
    const { ImageId } = await ec2.send(
      new CreateImageCommand({
        InstanceId: id,
        Name: 'myapp-42',
        TagSpecifications: [
          { ResourceType: 'image', Tags: [{ Key: 'release', Value: '42' }] },
          { ResourceType: 'snapshot', Tags: [{ Key: 'release', Value: '42-snap' }] },
        ],
      }),
    );
    const [img] = (await ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] }))).Images!;
    expect(img).toMatchObject({
      State: 'pending',
      Name: 'myapp-42',
      OwnerId: '123456789012',
      SourceInstanceId: id,
      Tags: [{ Key: 'release', Value: '42' }],
    });
    const snapId = img!.BlockDeviceMappings![0]!.Ebs!.SnapshotId!;
    const [snap] = (await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapId] }))).Snapshots!;
    expect(snap).toMatchObject({
      State: 'pending',
      Description: `Created by CreateImage(${id}) for ${ImageId}`,
      Tags: [{ Key: 'release', Value: '42-snap' }],
    });
    sb.advance(DURATIONS.imagePendingToAvailable);
    expect((await ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] }))).Images![0]!.State).toBe(
      'available',
    );
    expect(
      (await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapId] }))).Snapshots![0],
    ).toMatchObject({ State: 'completed', Progress: '100%' });
    const own = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    expect(own.Snapshots!.map((s) => s.SnapshotId)).toEqual([snapId]);
  });

  it('DeleteSnapshot refuses snapshots in use; DeregisterImage keeps or deletes them', async () => {
    const id = await runningInstance();
    const a = (await ec2.send(new CreateImageCommand({ InstanceId: id, Name: 'keep-snaps' }))).ImageId!;
    const b = (await ec2.send(new CreateImageCommand({ InstanceId: id, Name: 'drop-snaps' }))).ImageId!;
    sb.advance(DURATIONS.imagePendingToAvailable);
    const snapOf = async (imageId: string) =>
      (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images![0]!
        .BlockDeviceMappings![0]!.Ebs!.SnapshotId!;
    const snapA = await snapOf(a);
    const snapB = await snapOf(b);
    const inUse = await failure(ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapA })));
    expect(inUse.name).toBe('InvalidSnapshot.InUse');
    await ec2.send(new DeregisterImageCommand({ ImageId: a }));
    await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapA }));
    expect((await failure(ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapA] })))).name).toBe(
      'InvalidSnapshot.NotFound',
    );
    const out = await ec2.send(new DeregisterImageCommand({ ImageId: b, DeleteAssociatedSnapshots: true }));
    expect(out.Return).toBe(true);
    expect(out.DeleteSnapshotResults).toEqual([{ SnapshotId: snapB, ReturnCode: 'success' }]);
    expect((await failure(ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapB] })))).name).toBe(
      'InvalidSnapshot.NotFound',
    );
    expect((await failure(ec2.send(new DescribeImagesCommand({ ImageIds: [b] })))).name).toBe(
      'InvalidAMIID.NotFound',
    );
    expect((await failure(ec2.send(new DeregisterImageCommand({ ImageId: b })))).name).toBe(
      'InvalidAMIID.NotFound',
    );
    expect(
      (await failure(ec2.send(new DeleteSnapshotCommand({ SnapshotId: 'snap-0123456789abcdef0' })))).name,
    ).toBe('InvalidSnapshot.NotFound');
    expect((await failure(ec2.send(new DeregisterImageCommand({ ImageId: AL_LATEST })))).name).toBe(
      'UnauthorizedOperation',
    );
  });

  it('CopyImage copies into another region, with tags and ClientToken idempotency', async () => {
    const id = await runningInstance();
    const { ImageId } = await ec2.send(
      new CreateImageCommand({
        InstanceId: id,
        Name: 'myapp-7',
        TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'release', Value: '7' }] }],
      }),
    );
    const west = clients(sb, 'us-west-2');
    try {
      expect(
        (
          await failure(
            west.ec2.send(
              new CopyImageCommand({ SourceImageId: ImageId!, SourceRegion: 'us-east-1', Name: 'myapp-7' }),
            ),
          )
        ).name,
      ).toBe('IncorrectState');
      sb.advance(DURATIONS.imagePendingToAvailable);
      const input = {
        SourceImageId: ImageId!,
        SourceRegion: 'us-east-1',
        Name: 'myapp-7',
        CopyImageTags: true,
        ClientToken: 'copy-7',
      };
      const copy = await west.ec2.send(new CopyImageCommand(input));
      expect(copy.ImageId).not.toBe(ImageId);
      expect((await west.ec2.send(new CopyImageCommand(input))).ImageId).toBe(copy.ImageId);
      const [img] = (await west.ec2.send(new DescribeImagesCommand({ ImageIds: [copy.ImageId!] }))).Images!;
      expect(img).toMatchObject({
        State: 'pending',
        SourceImageId: ImageId,
        SourceImageRegion: 'us-east-1',
        Tags: [{ Key: 'release', Value: '7' }],
      });
      // Regions are separate: the copy is not in us-east-1, the source not in us-west-2.
      expect((await failure(ec2.send(new DescribeImagesCommand({ ImageIds: [copy.ImageId!] })))).name).toBe(
        'InvalidAMIID.NotFound',
      );
      expect((await failure(west.ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] })))).name).toBe(
        'InvalidAMIID.NotFound',
      );
      expect(
        (
          await failure(
            west.ec2.send(
              new CopyImageCommand({ SourceImageId: ImageId!, SourceRegion: 'us-east-1', Name: 'myapp-7' }),
            ),
          )
        ).name,
      ).toBe('InvalidAMIName.Duplicate');
    } finally {
      west.destroy();
    }
  });

  it('CopyImage encrypts with a KMS key: image and snapshots show it, here and in copies elsewhere', async () => {
    const id = await runningInstance();
    const { ImageId } = await ec2.send(new CreateImageCommand({ InstanceId: id, Name: 'plain-8' }));
    sb.advance(DURATIONS.imagePendingToAvailable);
    const key = 'arn:aws:kms:us-east-1:123456789012:alias/images';
    expect(
      (
        await failure(
          ec2.send(
            new CopyImageCommand({
              SourceImageId: ImageId!,
              SourceRegion: 'us-east-1',
              Name: 'x-8',
              KmsKeyId: key,
            }),
          ),
        )
      ).name,
    ).toBe('InvalidParameterCombination');
    const tags = [{ Key: 'release', Value: '8' }];
    const { ImageId: encryptedId } = await ec2.send(
      new CopyImageCommand({
        SourceImageId: ImageId!,
        SourceRegion: 'us-east-1',
        Name: 'encrypted-8',
        Encrypted: true,
        KmsKeyId: key,
        TagSpecifications: [
          { ResourceType: 'image', Tags: tags },
          { ResourceType: 'snapshot', Tags: tags },
        ],
      }),
    );
    const [image] = (await ec2.send(new DescribeImagesCommand({ ImageIds: [encryptedId!] }))).Images!;
    const ebs = image!.BlockDeviceMappings![0]!.Ebs!;
    expect(ebs).toMatchObject({ Encrypted: true, KmsKeyId: key });
    expect(image!.Tags).toEqual(tags);
    const [snap] = (await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [ebs.SnapshotId!] })))
      .Snapshots!;
    expect(snap).toMatchObject({ Encrypted: true, KmsKeyId: key, Tags: tags });
    // The unencrypted source stays as it was.
    const [source] = (await ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] }))).Images!;
    expect(source!.BlockDeviceMappings![0]!.Ebs).toMatchObject({ Encrypted: false });
    expect(source!.BlockDeviceMappings![0]!.Ebs!.KmsKeyId).toBeUndefined();

    sb.advance(DURATIONS.imagePendingToAvailable);
    const west = clients(sb, 'us-west-2');
    try {
      const westKey = 'arn:aws:kms:us-west-2:123456789012:alias/images';
      const { ImageId: copyId } = await west.ec2.send(
        new CopyImageCommand({
          SourceImageId: encryptedId!,
          SourceRegion: 'us-east-1',
          Name: 'encrypted-8',
          Encrypted: true,
          KmsKeyId: westKey,
        }),
      );
      const [copy] = (await west.ec2.send(new DescribeImagesCommand({ ImageIds: [copyId!] }))).Images!;
      expect(copy!.BlockDeviceMappings![0]!.Ebs).toMatchObject({ Encrypted: true, KmsKeyId: westKey });
    } finally {
      west.destroy();
    }
  });
});

describe('tags', () => {
  it('creates, overwrites, describes and deletes tags', async () => {
    const [id] = await launch();
    await ec2.send(
      new CreateTagsCommand({
        Resources: [id!, AL_LATEST],
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'team', Value: 'a' },
        ],
      }),
    );
    await ec2.send(new CreateTagsCommand({ Resources: [id!], Tags: [{ Key: 'team', Value: 'b' }] }));
    const tags = await ec2.send(
      new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id!] }] }),
    );
    expect(tags.Tags).toEqual([
      { Key: 'env', ResourceId: id, ResourceType: 'instance', Value: 'prod' },
      { Key: 'team', ResourceId: id, ResourceType: 'instance', Value: 'b' },
    ]);
    const images = await ec2.send(
      new DescribeTagsCommand({
        Filters: [
          { Name: 'resource-type', Values: ['image'] },
          { Name: 'key', Values: ['env'] },
        ],
      }),
    );
    expect(images.Tags!.map((t) => t.ResourceId)).toEqual([AL_LATEST]);
    // A value that does not match leaves the tag; a bare key deletes it.
    await ec2.send(new DeleteTagsCommand({ Resources: [id!], Tags: [{ Key: 'env', Value: 'dev' }] }));
    await ec2.send(new DeleteTagsCommand({ Resources: [id!], Tags: [{ Key: 'team' }] }));
    const left = await ec2.send(
      new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id!] }] }),
    );
    expect(left.Tags!.map((t) => t.Key)).toEqual(['env']);
  });

  it('enforces key ≤ 127, value ≤ 256, no aws: prefix, 50 per resource, existing resources', async () => {
    const [id] = await launch();
    const tag = (Key: string, Value = 'v') =>
      ec2.send(new CreateTagsCommand({ Resources: [id!], Tags: [{ Key, Value }] }));
    await expect(tag('k'.repeat(127))).resolves.toBeDefined();
    expect((await failure(tag('k'.repeat(128)))).name).toBe('InvalidParameterValue');
    await expect(tag('long', 'v'.repeat(256))).resolves.toBeDefined();
    expect((await failure(tag('long', 'v'.repeat(257)))).name).toBe('InvalidParameterValue');
    expect((await failure(tag('aws:reserved'))).name).toBe('InvalidParameterValue');
    expect((await failure(tag('AWS:reserved'))).name).toBe('InvalidParameterValue');
    const many = Array.from({ length: 48 }, (_, n) => ({ Key: `k${n}`, Value: 'x' }));
    await ec2.send(new CreateTagsCommand({ Resources: [id!], Tags: many })); // 2 + 48 = 50
    await expect(tag('k0', 'overwrite is fine')).resolves.toBeDefined();
    expect((await failure(tag('one-too-many'))).name).toBe('TagLimitExceeded');
    expect(
      (
        await failure(
          ec2.send(
            new CreateTagsCommand({ Resources: ['i-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] }),
          ),
        )
      ).name,
    ).toBe('InvalidInstanceID.NotFound');
    expect(
      (
        await failure(
          ec2.send(
            new CreateTagsCommand({
              Resources: ['snap-0123456789abcdef0'],
              Tags: [{ Key: 'a', Value: 'b' }],
            }),
          ),
        )
      ).name,
    ).toBe('InvalidSnapshot.NotFound');
  });
});

describe('network', () => {
  it('describes the seeded VPC, subnets, security group and zones', async () => {
    const vpcs = await ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }),
    );
    expect(vpcs.Vpcs!.map((v) => v.VpcId)).toEqual([SEED.vpc.vpcId]);
    const subnets = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [SEED.vpc.vpcId] }] }),
    );
    expect(subnets.Subnets!.map((s) => s.AvailabilityZone).sort()).toEqual([
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
    ]);
    const inB = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'availability-zone', Values: ['us-east-1b'] }] }),
    );
    expect(inB.Subnets!.map((s) => s.SubnetId)).toEqual([SUBNET_B]);
    const sgs = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [SEED.securityGroup.groupId] }));
    expect(sgs.SecurityGroups![0]).toMatchObject({ GroupName: 'default', VpcId: SEED.vpc.vpcId });
    const azs = await ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['us-east-1a'] }));
    expect(azs.AvailabilityZones![0]).toMatchObject({
      ZoneName: 'us-east-1a',
      State: 'available',
      RegionName: 'us-east-1',
    });
    expect(
      (await failure(ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] })))).name,
    ).toBe('InvalidSubnetID.NotFound');
    expect(
      (await failure(ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-0123456789abcdef0'] }))))
        .name,
    ).toBe('InvalidGroup.NotFound');
    expect(
      (await failure(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] })))).name,
    ).toBe('InvalidVpcID.NotFound');
  });
});
