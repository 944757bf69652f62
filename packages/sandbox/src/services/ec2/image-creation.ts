// Creating AMIs: CreateImage (from an instance) and CopyImage (from another image, maybe
// in another region). Both register an own image with fresh snapshots.
import type { BuilderHost } from '../../builder-exec/host.js';
import { DURATIONS } from '../../durations.js';
import { ACCOUNT_ID } from '../../seed.js';
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { timeline } from '../../timeline.js';
import { iso, missingParameter, required, str } from '../common/params.js';
import { toList, type Tag } from '../common/tags.js';
import { fingerprint, replayed, tokenKey } from './idempotency.js';
import { flag, tagSpecifications, validateAmiName } from './params.js';
import {
  findImage,
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

function assertUniqueName(state: Ec2State, name: string, region: string): void {
  const clash = Object.values(state.images).find(
    (i) => i.region === region && i.ownerId === ACCOUNT_ID && i.name === name,
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
): Image {
  const now = ctx.clock.now();
  const imageId = ctx.ids.next('ami');
  const fails = ctx.faults.active('image-fails', { ...match, name: fields.name, imageId });
  const blockDevices: BlockDevice[] = devices.map((d) => {
    const snapshotId = ctx.ids.next('snap');
    const snap: Snapshot = {
      snapshotId,
      region,
      ownerId: ACCOUNT_ID,
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
    ownerId: ACCOUNT_ID,
    isPublic: false,
    creationDate: iso(now),
    blockDevices,
    state: timeline<ImageStateName>(now, 'pending', [
      [DURATIONS.imagePendingToAvailable, fails ? 'failed' : 'available'],
    ]),
    stateReason: fails
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
  assertUniqueName(state, name, req.region);
  const description = str(p.Description);
  if (description !== undefined && description.length > 255) {
    throw new AwsError('InvalidParameterValue', 'AMI descriptions must be at most 255 characters');
  }
  const tags = tagSpecifications(p, ['image', 'snapshot']);
  const source = state.images[inst.imageId];
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
function copySource(state: Ec2State, imageId: string, region: string, now: number): Image {
  const source = findImage(state, imageId, region);
  if (!(source.isPublic || source.ownerId === ACCOUNT_ID))
    throw new AwsError('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
  const s = settleImage(source, now);
  if (s !== 'available')
    throw new AwsError(
      'IncorrectState',
      `The image '${imageId}' is not in a state from which it can be copied (state: ${s}).`,
    );
  return source;
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
  const source = copySource(state, sourceImageId, sourceRegion, now);
  validateAmiName(name);
  assertUniqueName(state, name, req.region);
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
  const devices = source.blockDevices.map((b): DeviceSource => ({
    deviceName: b.deviceName,
    volumeSize: b.volumeSize,
    volumeId: 'vol-ffffffff',
    encrypted: encrypted || b.encrypted,
    // Another key re-encrypts; without one, a copy in the same region keeps its key.
    kmsKeyId: kmsKeyId ?? (sourceRegion === req.region ? b.kmsKeyId : undefined),
    description: (imageId) =>
      `Copied for DestinationAmi ${imageId} from SourceAmi ${source.imageId} for SourceSnapshot ${b.snapshotId}. Task created on ${now}.`,
  }));
  const image = registerImage(state, ctx, req.region, fields, devices, tags, {
    sourceImageId: source.imageId,
    region: req.region,
  });
  if (!flag(p.DryRun)) env?.builders.shareContent(source.imageId, image.imageId);
  if (clientToken)
    state.copyTokens[tokenKey(req.region, clientToken)] = {
      imageId: image.imageId,
      fingerprint: fingerprint(p),
    };
  return { imageId: image.imageId };
}
