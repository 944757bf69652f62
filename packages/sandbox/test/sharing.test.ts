// Images across accounts with the real SDK v3 EC2 client: account A (the primary) shares an
// image with account B (ModifyImageAttribute), B sees and launches it, loses it when the
// permission goes, copies it into its own account (CopyImage, re-encrypted with its own KMS
// key), and fails the way AWS fails when a KMS key is not B's to use.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CopyImageCommand,
  CreateImageCommand,
  CreateTagsCommand,
  DeregisterImageCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  ResetImageAttributeCommand,
  RunInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import {
  ACCOUNT_ID,
  DURATIONS,
  SEED_KEY_ALIAS,
  seededKeyId,
  startSandbox,
  type Sandbox,
} from '../src/index.js';
import { clients, clientsFor, failure, kmsCall } from './helpers.js';

const A = ACCOUNT_ID;
const B = '210987654321';
const KEY_B = 'account-b-key';
const AL_LATEST = 'ami-0a0000000000a2303';
const keyArn = (account: string): string =>
  `arn:aws:kms:us-east-1:${account}:key/${seededKeyId(account, 'us-east-1')}`;

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

async function launch(ec2: EC2Client, imageId: string): Promise<string> {
  const out = await ec2.send(
    new RunInstancesCommand({ ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
  );
  return out.Instances![0]!.InstanceId!;
}

async function instance(ec2: EC2Client, id: string) {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  return out.Reservations![0]!.Instances![0]!;
}

/** An available image of A's, made from a running instance. */
async function imageOfA(name = 'app'): Promise<string> {
  const id = await launch(a.ec2, AL_LATEST);
  sb.advance(DURATIONS.instancePendingToRunning);
  const { ImageId } = await a.ec2.send(new CreateImageCommand({ InstanceId: id, Name: name }));
  sb.advance(DURATIONS.imagePendingToAvailable);
  return ImageId!;
}

/** An available copy of A's image encrypted with A's seeded customer managed key. */
async function encryptedImageOfA(): Promise<string> {
  const plain = await imageOfA('plain');
  const { ImageId } = await a.ec2.send(
    new CopyImageCommand({
      SourceImageId: plain,
      SourceRegion: 'us-east-1',
      Name: 'encrypted',
      Encrypted: true,
      KmsKeyId: SEED_KEY_ALIAS,
    }),
  );
  sb.advance(DURATIONS.imagePendingToAvailable);
  return ImageId!;
}

const share = (imageId: string, account = B) =>
  a.ec2.send(
    new ModifyImageAttributeCommand({
      ImageId: imageId,
      Attribute: 'launchPermission',
      LaunchPermission: { Add: [{ UserId: account }] },
    }),
  );

describe('an image shared with another account', () => {
  it('is invisible to the other account and cannot be launched there until shared', async () => {
    const imageId = await imageOfA();
    const described = await failure(b.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] })));
    expect(described.name).toBe('InvalidAMIID.NotFound');
    expect(described.message).toBe(`The image id '[${imageId}]' does not exist`);
    const launched = await failure(launch(b.ec2, imageId));
    expect(launched.name).toBe('InvalidAMIID.NotFound');
    const owned = await b.ec2.send(new DescribeImagesCommand({ Owners: [A] }));
    expect(owned.Images).toEqual([]);
  });

  it('is listed for the other account with its owner id, and launches there', async () => {
    const imageId = await imageOfA();
    await share(imageId);
    const [byId] = (await b.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images!;
    expect(byId).toMatchObject({ ImageId: imageId, OwnerId: A, State: 'available', Public: false });
    const byOwner = await b.ec2.send(new DescribeImagesCommand({ Owners: [A] }));
    expect(byOwner.Images!.map((i) => i.ImageId)).toEqual([imageId]);
    const executable = await b.ec2.send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }));
    expect(executable.Images!.map((i) => i.ImageId)).toContain(imageId);
    const mine = await b.ec2.send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(mine.Images).toEqual([]);

    const id = await launch(b.ec2, imageId);
    sb.advance(DURATIONS.instancePendingToRunning);
    expect(await instance(b.ec2, id)).toMatchObject({ ImageId: imageId, State: { Name: 'running' } });
    // The instance is B's: A does not see it.
    expect((await failure(a.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })))).name).toBe(
      'InvalidInstanceID.NotFound',
    );
  });

  it("stays the owner's: the other account may tag it for itself only, never change or deregister it", async () => {
    const imageId = await imageOfA();
    await share(imageId);
    await b.ec2.send(new CreateTagsCommand({ Resources: [imageId], Tags: [{ Key: 'seen-by', Value: 'b' }] }));
    const [inB] = (await b.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images!;
    expect(inB!.Tags).toEqual([{ Key: 'seen-by', Value: 'b' }]);
    const [inA] = (await a.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images!;
    expect(inA!.Tags ?? []).toEqual([]);

    const modified = await failure(
      b.ec2.send(
        new ModifyImageAttributeCommand({
          ImageId: imageId,
          LaunchPermission: { Add: [{ Group: 'all' }] },
        }),
      ),
    );
    expect(modified.name).toBe('AuthFailure');
    expect(modified.message).toBe(`Not authorized for image:${imageId}`);
    const described = await failure(
      b.ec2.send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' })),
    );
    expect(described.name).toBe('AuthFailure');
    const deregistered = await failure(b.ec2.send(new DeregisterImageCommand({ ImageId: imageId })));
    expect(deregistered.name).toBe('UnauthorizedOperation');
    expect((await a.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images).toHaveLength(1);
  });

  it('records its launch permissions, and removing one stops new launches in that account', async () => {
    const imageId = await imageOfA();
    await a.ec2.send(
      new ModifyImageAttributeCommand({
        ImageId: imageId,
        OperationType: 'add',
        UserIds: [B, '333344445555'],
      }),
    );
    const attr = await a.ec2.send(
      new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }),
    );
    expect(attr.LaunchPermissions).toEqual([{ UserId: B }, { UserId: '333344445555' }]);
    const running = await launch(b.ec2, imageId);

    await a.ec2.send(
      new ModifyImageAttributeCommand({
        ImageId: imageId,
        Attribute: 'launchPermission',
        LaunchPermission: { Remove: [{ UserId: B }] },
      }),
    );
    expect((await failure(launch(b.ec2, imageId))).name).toBe('InvalidAMIID.NotFound');
    expect((await failure(b.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] })))).name).toBe(
      'InvalidAMIID.NotFound',
    );
    // What B launched before keeps running.
    sb.advance(DURATIONS.instancePendingToRunning);
    expect((await instance(b.ec2, running)).State!.Name).toBe('running');

    await a.ec2.send(new ResetImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }));
    const reset = await a.ec2.send(
      new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }),
    );
    expect(reset.LaunchPermissions).toEqual([]);
  });

  it('refuses a launch permission that names no account', async () => {
    const imageId = await imageOfA();
    const err = await failure(
      a.ec2.send(
        new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: 'bob' }] } }),
      ),
    );
    expect(err.name).toBe('InvalidAMIAttributeItemValue');
    expect(err.message).toContain('"bob"');
    const public_ = await failure(
      a.ec2.send(new ModifyImageAttributeCommand({ ImageId: AL_LATEST, OperationType: 'add', UserIds: [B] })),
    );
    expect(public_.name).toBe('AuthFailure');
  });
});

describe('an encrypted image shared with another account', () => {
  it('cannot be shared when an AWS managed key encrypts it', async () => {
    const plain = await imageOfA('plain');
    const { ImageId } = await a.ec2.send(
      new CopyImageCommand({
        SourceImageId: plain,
        SourceRegion: 'us-east-1',
        Name: 'managed',
        Encrypted: true,
      }),
    );
    sb.advance(DURATIONS.imagePendingToAvailable);
    const err = await failure(share(ImageId!));
    expect(err.name).toBe('InvalidParameter');
    expect(err.message).toBe(
      "Snapshots encrypted with the AWS Managed CMK can't be shared. Specify another snapshot.",
    );
    const [image] = (await a.ec2.send(new DescribeImagesCommand({ ImageIds: [ImageId!] }))).Images!;
    const snapshotId = image!.BlockDeviceMappings![0]!.Ebs!.SnapshotId!;
    const snap = await failure(
      a.ec2.send(
        new ModifySnapshotAttributeCommand({ SnapshotId: snapshotId, OperationType: 'add', UserIds: [B] }),
      ),
    );
    expect(snap.name).toBe('InvalidParameter');
  });

  it('fails to start there without the key, and starts once the key owner grants its use', async () => {
    const imageId = await encryptedImageOfA();
    const [image] = (await a.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images!;
    expect(image!.BlockDeviceMappings![0]!.Ebs).toMatchObject({ Encrypted: true, KmsKeyId: keyArn(A) });
    await share(imageId);

    const refused = await launch(b.ec2, imageId);
    expect((await instance(b.ec2, refused)).State!.Name).toBe('pending');
    sb.advance(DURATIONS.encryptedLaunchFailsAfter);
    expect(await instance(b.ec2, refused)).toMatchObject({
      State: { Name: 'terminated' },
      StateReason: { Code: 'Client.InternalError', Message: 'Client.InternalError: Client error on launch' },
    });

    const grant = await kmsCall(sb, 'test', 'CreateGrant', {
      KeyId: SEED_KEY_ALIAS,
      GranteePrincipal: `arn:aws:iam::${B}:root`,
      Operations: [
        'Decrypt',
        'DescribeKey',
        'CreateGrant',
        'GenerateDataKeyWithoutPlaintext',
        'ReEncryptFrom',
      ],
    });
    expect(grant.status).toBe(200);
    const started = await launch(b.ec2, imageId);
    sb.advance(DURATIONS.instancePendingToRunning);
    expect((await instance(b.ec2, started)).State!.Name).toBe('running');
  });
});

describe('CopyImage of a shared image', () => {
  async function sharedEncrypted(): Promise<{ imageId: string; snapshotId: string }> {
    const imageId = await encryptedImageOfA();
    await share(imageId);
    const [image] = (await a.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images!;
    return { imageId, snapshotId: image!.BlockDeviceMappings![0]!.Ebs!.SnapshotId! };
  }
  const copyInB = (imageId: string, keyId = SEED_KEY_ALIAS) =>
    b.ec2.send(
      new CopyImageCommand({
        SourceImageId: imageId,
        SourceRegion: 'us-east-1',
        Name: 'app-copy',
        Encrypted: true,
        KmsKeyId: keyId,
        TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'immut:managed-by', Value: 'immut' }] }],
      }),
    );
  const grantB = () =>
    kmsCall<{ GrantId: string }>(sb, 'test', 'CreateGrant', {
      KeyId: SEED_KEY_ALIAS,
      GranteePrincipal: `arn:aws:iam::${B}:root`,
      Operations: ['Decrypt', 'DescribeKey', 'CreateGrant'],
    });

  it('needs the snapshots shared too, which the other account then sees', async () => {
    const { imageId, snapshotId } = await sharedEncrypted();
    const err = await failure(copyInB(imageId));
    expect(err.name).toBe('AuthFailure');
    expect(err.message).toBe('You do not have permission to access the storage of this ami');
    const hidden = await failure(b.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] })));
    expect(hidden.name).toBe('InvalidSnapshot.NotFound');

    await a.ec2.send(
      new ModifySnapshotAttributeCommand({ SnapshotId: snapshotId, OperationType: 'add', UserIds: [B] }),
    );
    const [seen] = (await b.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] }))).Snapshots!;
    expect(seen).toMatchObject({ SnapshotId: snapshotId, OwnerId: A, Encrypted: true });
    const restorable = await b.ec2.send(new DescribeSnapshotsCommand({ RestorableByUserIds: ['self'] }));
    expect(restorable.Snapshots!.map((x) => x.SnapshotId)).toContain(snapshotId);
    const own = await b.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    expect(own.Snapshots).toEqual([]);
    const copied = await failure(
      b.ec2.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: snapshotId,
          OperationType: 'add',
          UserIds: ['333344445555'],
        }),
      ),
    );
    expect(copied.name).toBe('AuthFailure');
  });

  it("makes an image of the caller's own, re-encrypted with its key, pending and then available", async () => {
    const { imageId, snapshotId } = await sharedEncrypted();
    await a.ec2.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: snapshotId,
        Attribute: 'createVolumePermission',
        CreateVolumePermission: { Add: [{ UserId: B }] },
      }),
    );
    const attr = await a.ec2.send(
      new DescribeSnapshotAttributeCommand({ SnapshotId: snapshotId, Attribute: 'createVolumePermission' }),
    );
    expect(attr.CreateVolumePermissions).toEqual([{ UserId: B }]);
    expect((await grantB()).status).toBe(200);

    const { ImageId: copyId } = await copyInB(imageId);
    const [pending] = (await b.ec2.send(new DescribeImagesCommand({ ImageIds: [copyId!] }))).Images!;
    expect(pending).toMatchObject({ OwnerId: B, State: 'pending', SourceImageId: imageId });
    expect(pending!.Tags).toEqual([{ Key: 'immut:managed-by', Value: 'immut' }]);
    sb.advance(DURATIONS.imagePendingToAvailable);
    const [copy] = (await b.ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
    expect(copy).toMatchObject({ ImageId: copyId, State: 'available' });
    const ebs = copy!.BlockDeviceMappings![0]!.Ebs!;
    expect(ebs).toMatchObject({ Encrypted: true, KmsKeyId: keyArn(B) });
    expect(ebs.SnapshotId).not.toBe(snapshotId);
    const [snap] = (await b.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [ebs.SnapshotId!] })))
      .Snapshots!;
    expect(snap).toMatchObject({ OwnerId: B, Encrypted: true, KmsKeyId: keyArn(B), State: 'completed' });
    // A does not see B's copy.
    expect((await failure(a.ec2.send(new DescribeImagesCommand({ ImageIds: [copyId!] })))).name).toBe(
      'InvalidAMIID.NotFound',
    );
  });

  it("fails the copy when the caller may not use the source image's key, or the key it names", async () => {
    const { imageId, snapshotId } = await sharedEncrypted();
    await a.ec2.send(
      new ModifySnapshotAttributeCommand({ SnapshotId: snapshotId, OperationType: 'add', UserIds: [B] }),
    );
    // No grant on A's key: the copy is accepted, then fails.
    const { ImageId: noGrant } = await copyInB(imageId);
    sb.advance(DURATIONS.imagePendingToAvailable);
    const [failed] = (await b.ec2.send(new DescribeImagesCommand({ ImageIds: [noGrant!] }))).Images!;
    expect(failed).toMatchObject({
      State: 'failed',
      StateReason: {
        Code: 'Server.InternalError',
        Message: 'Server.InternalError: Copy image failed with an internal error.',
      },
    });

    // With the grant, but naming A's key as the target (B has no right to encrypt with it).
    const { body } = await grantB();
    const { ImageId: foreignKey } = await b.ec2.send(
      new CopyImageCommand({
        SourceImageId: imageId,
        SourceRegion: 'us-east-1',
        Name: 'app-copy-2',
        Encrypted: true,
        KmsKeyId: `arn:aws:kms:us-east-1:${A}:key/not-a-key`,
      }),
    );
    sb.advance(DURATIONS.imagePendingToAvailable);
    const [refused] = (await b.ec2.send(new DescribeImagesCommand({ ImageIds: [foreignKey!] }))).Images!;
    expect(refused!.State).toBe('failed');

    // Revoking the grant takes the key away again.
    expect(
      (await kmsCall(sb, 'test', 'RevokeGrant', { KeyId: SEED_KEY_ALIAS, GrantId: body.GrantId })).status,
    ).toBe(200);
    const { ImageId: revoked } = await b.ec2.send(
      new CopyImageCommand({
        SourceImageId: imageId,
        SourceRegion: 'us-east-1',
        Name: 'app-copy-3',
        Encrypted: true,
      }),
    );
    sb.advance(DURATIONS.imagePendingToAvailable);
    expect((await b.ec2.send(new DescribeImagesCommand({ ImageIds: [revoked!] }))).Images![0]!.State).toBe(
      'failed',
    );
  });
});
