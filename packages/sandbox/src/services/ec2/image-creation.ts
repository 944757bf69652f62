// Creating AMIs: CreateImage (from an instance) and CopyImage (from another image, maybe
// in another region). Both register an own image with fresh snapshots.
import type { BuilderHost } from '../../builder-exec/host.js';
import { DURATIONS } from '../../durations.js';
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { timeline } from '../../timeline.js';
import { iso, missingParameter, required, str } from '../common/params.js';
import { toList, type Tag } from '../common/tags.js';
import { fingerprint, replayed, tokenKey } from './idempotency.js';
import { flag, tagSpecifications, validateAmiName } from './params.js';
import {
  findInstance,
  settleImage,
  settleInstance,
  type BlockDevice,
  type Ec2Result,
  type Ec2State,
  type Image,
  type ImageStateName,
  type Snapshot,
  type SnapshotStateName,
} from './state.js';
import { addTags } from './tags.js';
import { ebsKeyUse } from '../kms/use.js';
import { foreignImage, foreignSnapshot, visibleImage } from './sharing.js';

function assertUniqueName(state: Ec2State, name: string, region: string, ownerId: string): void {
  const clash = Object.values(state.images).find(
    (i) => i.region === region && i.ownerId === ownerId && i.name === name,
  );
  if (clash)
    throw new AwsError(
      'InvalidAMIName.Duplicate',
      `AMI name ${name} is already in use by AMI ${clash.imageId}`,
    );
}

/** A device of the new image: the volume it is snapshotted from. */
interface DeviceSource {
  deviceName: string;
  volumeSize: number;
  volumeId: string;
  encrypted: boolean;
  kmsKeyId?: string | undefined;
  description: (imageId: string) => string;
}

type ImageFields = Omit<
  Image,
  'imageId' | 'region' | 'ownerId' | 'isPublic' | 'creationDate' | 'blockDevices' | 'state'
>;

/** Register a new own image with snapshots of `devices`; it becomes available (or failed,
 *  when the `image-fails` behaviour is active) after DURATIONS.imagePendingToAvailable. */
function registerImage(
  state: Ec2State,
  ctx: ServiceContext,
  region: string,
  fields: ImageFields,
  devices: DeviceSource[],
  tags: Record<string, Tag[]>,
  match: Record<string, string>,
  failure?: { code: string; message: string },
): Image {
  const now = ctx.clock.now();
  const imageId = ctx.ids.next('ami');
  const fails =
    ctx.faults.active('image-fails', { ...match, name: fields.name, imageId }) || failure !== undefined;
  const blockDevices: BlockDevice[] = devices.map((d) => {
    const snapshotId = ctx.ids.next('snap');
    const snap: Snapshot = {
      snapshotId,
      region,
      ownerId: ctx.accountId,
      volumeId: d.volumeId,
      volumeSize: d.volumeSize,
      description: d.description(imageId),
      startTime: now,
      encrypted: d.encrypted,
      ...(d.kmsKeyId ? { kmsKeyId: d.kmsKeyId } : {}),
      state: timeline<SnapshotStateName>(now, 'pending', [
        [DURATIONS.snapshotPendingToCompleted, fails ? 'error' : 'completed'],
      ]),
    };
    state.snapshots[snapshotId] = snap;
    if (tags.snapshot) addTags(state, snapshotId, tags.snapshot);
    return {
      deviceName: d.deviceName,
      snapshotId,
      volumeSize: d.volumeSize,
      volumeType: 'gp3',
      deleteOnTermination: true,
      encrypted: d.encrypted,
      ...(d.kmsKeyId ? { kmsKeyId: d.kmsKeyId } : {}),
    };
  });
  const image: Image = {
    ...fields,
    imageId,
    region,
    ownerId: ctx.accountId,
    isPublic: false,
    creationDate: iso(now),
    blockDevices,
    state: timeline<ImageStateName>(now, 'pending', [
      [DURATIONS.imagePendingToAvailable, fails ? 'failed' : 'available'],
    ]),
    stateReason: failure
      ? failure
      : fails
        ? {
            code: 'Client.InternalError',
            message: 'Client.InternalError: Image creation failed (injected fault image-fails)',
          }
        : undefined,
  };
  state.images[imageId] = image;
  if (tags.image) addTags(state, imageId, tags.image);
  return image;
}

export function createImage(
  state: Ec2State,
  req: SandboxRequest,
  ctx: ServiceContext,
  env?: { builders: BuilderHost },
): Ec2Result {
  const p = req.params;
  const now = ctx.clock.now();
  const instanceId = required(p, 'InstanceId', missingParameter);
  const name = required(p, 'Name', missingParameter);
  const inst = findInstance(state, instanceId, req.region, now);
  validateAmiName(name);
  const s = settleInstance(inst, now);
  if (s !== 'running' && s !== 'stopped') {
    throw new AwsError(
      'IncorrectInstanceState',
      `Instance '${instanceId}' is not in a state from which it can be imaged (state: ${s}).`,
    );
  }
  assertUniqueName(state, name, req.region, ctx.accountId);
  const description = str(p.Description);
  if (description !== undefined && description.length > 255) {
    throw new AwsError('InvalidParameterValue', 'AMI descriptions must be at most 255 characters');
  }
  const tags = tagSpecifications(p, ['image', 'snapshot']);
  const source = state.images[inst.imageId] ?? foreignImage(ctx, inst.imageId, req.region);
  const root: DeviceSource = {
    deviceName: inst.rootDeviceName,
    volumeSize: inst.rootVolumeSize,
    volumeId: inst.rootVolumeId,
    encrypted: source?.blockDevices[0]?.encrypted ?? false,
    kmsKeyId: source?.blockDevices[0]?.kmsKeyId,
    description: (imageId) => `Created by CreateImage(${inst.instanceId}) for ${imageId}`,
  };
  const fields: ImageFields = {
    name,
    description,
    architecture: inst.architecture,
    rootDeviceName: inst.rootDeviceName,
    sourceInstanceId: inst.instanceId,
  };
  const image = registerImage(state, ctx, req.region, fields, [root], tags, { instanceId: inst.instanceId });
  // The image holds what the instance's root holds now (a builder's: what its script left).
  if (!flag(p.DryRun)) env?.builders.captureImage(image.imageId, inst.instanceId);
  return { imageId: image.imageId };
}

/** The image CopyImage copies: one we may launch, and available. */
/** The image CopyImage copies: one we may launch (own, public or shared with us), and
 *  available. Another account's image also needs its snapshots shared with us
 *  (createVolumePermission): "Copy an AMI" in the EC2 user guide asks the owner to grant read
 *  permissions on the storage that backs the AMI. */
function copySource(state: Ec2State, ctx: ServiceContext, imageId: string, region: string): Image {
  const source = visibleImage(state, ctx, imageId, region);
  const storageShared =
    source.ownerId === ctx.accountId ||
    source.isPublic ||
    source.blockDevices.every((b) => foreignSnapshot(ctx, b.snapshotId, region) !== undefined);
  if (!storageShared)
    throw new AwsError('AuthFailure', 'You do not have permission to access the storage of this ami', 403);
  const s = settleImage(source, ctx.clock.now());
  if (s !== 'available')
    throw new AwsError(
      'IncorrectState',
      `The image '${imageId}' is not in a state from which it can be copied (state: ${s}).`,
    );
  return source;
}

/** A copy whose source key or target key the caller may not use is accepted, and then
 *  fails (the image goes `failed`): AWS checks KMS access while it copies the snapshots. The
 *  message is the status AWS gives such a copy (quoted in hashicorp/packer#6599). */
const COPY_FAILED = {
  code: 'Server.InternalError',
  message: 'Server.InternalError: Copy image failed with an internal error.',
};

/** The copy's target key (its ARN when KMS knows it, else as named) and whether the copy
 *  fails for a key the caller may not use: a source device's or the target's (kms/use.ts). */
function copyKeys(
  ctx: ServiceContext,
  source: Image,
  kmsKeyId: string | undefined,
  region: string,
): { target?: string; failure?: { code: string; message: string } } {
  const sourceKeysUsable = source.blockDevices.every(
    (b) => !b.encrypted || ebsKeyUse(ctx, b.kmsKeyId, source.region, source.ownerId).usable,
  );
  const target = kmsKeyId !== undefined ? ebsKeyUse(ctx, kmsKeyId, region) : undefined;
  const usable = sourceKeysUsable && (target?.usable ?? true);
  return {
    ...(kmsKeyId !== undefined ? { target: target?.arn ?? kmsKeyId } : {}),
    ...(usable ? {} : { failure: { ...COPY_FAILED } }),
  };
}

export function copyImage(
  state: Ec2State,
  req: SandboxRequest,
  ctx: ServiceContext,
  env?: { builders: BuilderHost },
): Ec2Result {
  const p = req.params;
  const now = ctx.clock.now();
  const sourceImageId = required(p, 'SourceImageId', missingParameter);
  const sourceRegion = required(p, 'SourceRegion', missingParameter);
  const name = required(p, 'Name', missingParameter);
  const clientToken = str(p.ClientToken);
  if (clientToken) {
    const previous = replayed(state.copyTokens, req.region, clientToken, p);
    if (previous) return { imageId: previous.imageId };
  }
  const source = copySource(state, ctx, sourceImageId, sourceRegion);
  validateAmiName(name);
  assertUniqueName(state, name, req.region, ctx.accountId);
  const tags = tagSpecifications(p, ['image', 'snapshot']);
  if (flag(p.CopyImageTags)) tags.image = [...toList(state.tags[source.imageId]), ...(tags.image ?? [])];
  const encrypted = flag(p.Encrypted);
  const kmsKeyId = str(p.KmsKeyId);
  if (kmsKeyId !== undefined && !encrypted) {
    throw new AwsError(
      'InvalidParameterCombination',
      'The parameter KmsKeyId requires the parameter Encrypted to be set.',
    );
  }
  const fields: ImageFields = {
    name,
    description: str(p.Description) ?? source.description,
    architecture: source.architecture,
    rootDeviceName: source.rootDeviceName,
    sourceImageId: source.imageId,
    sourceImageRegion: sourceRegion,
  };
  const keys = copyKeys(ctx, source, kmsKeyId, req.region);
  const devices = source.blockDevices.map((b): DeviceSource => ({
    deviceName: b.deviceName,
    volumeSize: b.volumeSize,
    volumeId: 'vol-ffffffff',
    encrypted: encrypted || b.encrypted,
    // Another key re-encrypts; without one, a copy of our own image in the same region keeps
    // its key, and any other copy gets our AWS managed key (no kmsKeyId).
    kmsKeyId:
      keys.target ??
      (sourceRegion === req.region && source.ownerId === ctx.accountId ? b.kmsKeyId : undefined),
    description: (imageId) =>
      `Copied for DestinationAmi ${imageId} from SourceAmi ${source.imageId} for SourceSnapshot ${b.snapshotId}. Task created on ${now}.`,
  }));
  const match = { sourceImageId: source.imageId, region: req.region };
  const image = registerImage(state, ctx, req.region, fields, devices, tags, match, keys.failure);
  if (!flag(p.DryRun)) env?.builders.shareContent(source.imageId, image.imageId);
  if (clientToken)
    state.copyTokens[tokenKey(req.region, clientToken)] = {
      imageId: image.imageId,
      fingerprint: fingerprint(p),
    };
  return { imageId: image.imageId };
}
