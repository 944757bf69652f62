// Accounts: every access key belongs to an account, each account has its own resources, and
// the sandbox's state (file, inventory, control API) covers them all. Real SDK v3 clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateLaunchTemplateCommand,
  CreateImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeVpcsCommand,
  ModifyImageAttributeCommand,
  RunInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
} from '@aws-sdk/client-auto-scaling';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ACCOUNT_ID, DURATIONS, SEED, startSandbox, type Sandbox } from '../src/index.js';
import { clients, clientsFor, control, failure } from './helpers.js';

const A = ACCOUNT_ID;
const B = '210987654321';
const KEY_B = 'account-b-key';
const AL_LATEST = 'ami-0a0000000000a2303';

const launch = async (ec2: EC2Client, imageId = AL_LATEST): Promise<string> =>
  (
    await ec2.send(
      new RunInstancesCommand({ ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
    )
  ).Instances![0]!.InstanceId!;

describe('accounts', () => {
  let sb: Sandbox;
  let a: ReturnType<typeof clients>;
  let b: ReturnType<typeof clientsFor>;
  beforeAll(async () => {
    sb = await startSandbox({
      timeScale: 1,
      accounts: [{ id: B, credentials: { [KEY_B]: `${KEY_B}-secret` } }],
    });
    a = clients(sb);
    b = clientsFor(sb, KEY_B);
  });
  afterAll(async () => {
    a.destroy();
    b.destroy();
    await sb.stop();
  });
  beforeEach(async () => {
    await sb.reset();
  });

  it("answers STS GetCallerIdentity with the key's account; an undeclared key is the primary's", async () => {
    expect(await b.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: B,
      Arn: `arn:aws:iam::${B}:user/sandbox`,
    });
    expect((await a.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(A);
    expect(sb.accounts()).toEqual([A, B]);
    expect(sb.accountOf(KEY_B)).toBe(B);
    expect(sb.accountOf('anything-else')).toBe(A);
  });

  it('keeps resources per account, each seeded alike', async () => {
    const [vpcB] = (await b.ec2.send(new DescribeVpcsCommand({}))).Vpcs!;
    expect(vpcB).toMatchObject({ VpcId: SEED.vpc.vpcId, OwnerId: B, IsDefault: true });
    const id = await launch(a.ec2);
    expect((await failure(b.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })))).name).toBe(
      'InvalidInstanceID.NotFound',
    );
    const inB = await launch(b.ec2);
    const reservations = (await b.ec2.send(new DescribeInstancesCommand({}))).Reservations!;
    expect(reservations).toHaveLength(1);
    expect(reservations[0]).toMatchObject({ OwnerId: B, Instances: [{ InstanceId: inB }] });
    // The call log names the account of calls made with another account's key.
    const calls = sb.calls().filter((c) => c.operation === 'RunInstances');
    expect(calls.map((c) => c.account)).toEqual([undefined, B]);
  });

  it("lists every account's resources with inventory('*'), the primary's by default", async () => {
    const inA = await launch(a.ec2);
    const inB = await launch(b.ec2);
    const primary = sb.inventory().filter((i) => i.kind === 'instance');
    expect(primary.map((i) => i.id)).toEqual([inA]);
    expect(primary[0]!.account).toBeUndefined();
    const all = sb.inventory('*').filter((i) => i.kind === 'instance');
    expect(all.map((i) => [i.account, i.id])).toEqual([
      [A, inA],
      [B, inB],
    ]);
    expect(
      sb
        .inventory(B)
        .filter((i) => i.kind === 'instance')
        .map((i) => i.id),
    ).toEqual([inB]);
    const overHttp = await control<Array<{ id: string; account?: string }>>(
      sb,
      'GET',
      `inventory?account=${B}`,
    );
    expect(overHttp.body.filter((i) => i.id === inB)).toEqual([expect.objectContaining({ account: B })]);
    expect(() => sb.inventory('999999999999')).toThrow(/no sandbox account 999999999999/);
  });

  it('launches a shared image through a launch template and an Auto Scaling group in the other account', async () => {
    const id = await launch(a.ec2);
    sb.advance(DURATIONS.instancePendingToRunning);
    const { ImageId } = await a.ec2.send(new CreateImageCommand({ InstanceId: id, Name: 'fleet' }));
    sb.advance(DURATIONS.imagePendingToAvailable);
    await a.ec2.send(new ModifyImageAttributeCommand({ ImageId, OperationType: 'add', UserIds: [B] }));
    await b.ec2.send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: 'shared-fleet',
        LaunchTemplateData: { ImageId, InstanceType: 't3.micro' },
      }),
    );
    const asg = new AutoScalingClient({
      endpoint: sb.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: KEY_B, secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    try {
      await asg.send(
        new CreateAutoScalingGroupCommand({
          AutoScalingGroupName: 'shared-fleet',
          LaunchTemplate: { LaunchTemplateName: 'shared-fleet', Version: '$Latest' },
          MinSize: 1,
          MaxSize: 1,
          DesiredCapacity: 1,
          VPCZoneIdentifier: SEED.subnets[0].subnetId,
        }),
      );
      sb.advance(DURATIONS.instancePendingToRunning * 4);
      const [group] = (await asg.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups!;
      expect(group!.AutoScalingGroupARN).toContain(`:${B}:autoScalingGroup:`);
      const [member] = group!.Instances!;
      const [inst] = (await b.ec2.send(new DescribeInstancesCommand({ InstanceIds: [member!.InstanceId!] })))
        .Reservations![0]!.Instances!;
      expect(inst).toMatchObject({ ImageId, State: { Name: 'running' } });
    } finally {
      asg.destroy();
    }
  });

  it('creates an account for a key issued into it at run time, seeded', async () => {
    const C = '333344445555';
    sb.issueCredentials('key-c', 'secret-c', C);
    // Seeded at once: a policy can be filled with the new account's zones right away.
    expect(
      sb
        .inventory(C)
        .filter((i) => ['vpc', 'hosted-zone'].includes(i.kind))
        .map((i) => i.kind)
        .sort(),
    ).toEqual(['hosted-zone', 'vpc']);
    const c = clientsFor(sb, 'key-c');
    try {
      expect((await c.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(C);
      expect((await c.ec2.send(new DescribeImagesCommand({ ImageIds: [AL_LATEST] }))).Images).toHaveLength(1);
      expect(sb.accounts()).toContain(C);
      const listed = await control<Array<{ id: string; accessKeys: string[] }>>(sb, 'GET', 'accounts');
      expect(listed.body.find((x) => x.id === C)?.accessKeys).toEqual(['key-c']);
    } finally {
      c.destroy();
    }
    expect(() => sb.issueCredentials('key-d', 'secret-d', '12345')).toThrow(/12-digit AWS account id/);
  });
});

describe('accounts and the state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-accounts-'));
  const stateFile = join(dir, 'state.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every account, its keys and its shares across a restart', async () => {
    const first = await startSandbox({
      timeScale: 1,
      stateFile,
      accounts: [{ id: B, credentials: { [KEY_B]: 's' } }],
    });
    let imageId: string;
    let instanceInB: string;
    {
      const a = clients(first);
      const b = clientsFor(first, KEY_B);
      try {
        const id = await launch(a.ec2);
        first.advance(DURATIONS.instancePendingToRunning);
        imageId = (await a.ec2.send(new CreateImageCommand({ InstanceId: id, Name: 'kept' }))).ImageId!;
        first.advance(DURATIONS.imagePendingToAvailable);
        await a.ec2.send(
          new ModifyImageAttributeCommand({ ImageId: imageId, OperationType: 'add', UserIds: [B] }),
        );
        instanceInB = await launch(b.ec2, imageId);
      } finally {
        a.destroy();
        b.destroy();
        await first.stop();
      }
    }
    // Restarted without declaring the account: the state file brings it, and its key, back.
    const second = await startSandbox({ timeScale: 1, stateFile });
    const b = clientsFor(second, KEY_B);
    try {
      expect(second.accounts()).toEqual([A, B]);
      expect((await b.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(B);
      const [shared] = (await b.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images!;
      expect(shared!.OwnerId).toBe(A);
      const reservations = (await b.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceInB] })))
        .Reservations!;
      expect(reservations[0]!.Instances![0]!.ImageId).toBe(imageId);
      expect(second.inventory('*').some((i) => i.account === B && i.id === instanceInB)).toBe(true);
    } finally {
      b.destroy();
      await second.stop();
    }
  });
});

describe('declaring accounts', () => {
  it('refuses a malformed account, a key in two accounts and policies for a key of another account', async () => {
    await expect(startSandbox({ accounts: [{ id: 'prod' }] })).rejects.toThrow(
      /accounts\[0\]\.id: expected a 12-digit AWS account id/,
    );
    await expect(
      startSandbox({
        accounts: [
          { id: B, credentials: { k: 's' } },
          { id: '333344445555', credentials: { k: 's' } },
        ],
      }),
    ).rejects.toThrow(/access key k is in two accounts/);
    await expect(
      startSandbox({
        accounts: [
          {
            id: B,
            iamPolicies: { other: [{ Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }] }] },
          },
        ],
      }),
    ).rejects.toThrow(/other is not one of account 210987654321's credentials/);
  });

  it("enforces each account's IAM policies on its keys, with that account as the principal", async () => {
    const sb = await startSandbox({
      timeScale: 1,
      accounts: [
        {
          id: B,
          credentials: { [KEY_B]: 's' },
          iamPolicies: {
            [KEY_B]: [{ Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*'], Resource: ['*'] }] }],
          },
        },
      ],
    });
    const b = clientsFor(sb, KEY_B);
    try {
      await b.ec2.send(new DescribeVpcsCommand({}));
      const err = await failure(launch(b.ec2));
      expect(err.name).toBe('UnauthorizedOperation');
      expect(err.message).toContain(
        `User: arn:aws:iam::${B}:user/sandbox is not authorized to perform: ec2:RunInstances`,
      );
    } finally {
      b.destroy();
      await sb.stop();
    }
  });
});
