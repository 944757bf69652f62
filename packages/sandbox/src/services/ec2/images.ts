// AMIs: DescribeImages and DeregisterImage (creating images is in image-creation.ts).
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { missingParameter, required } from '../common/params.js';
import { filtered, flag, paginate, strList, tagSet, type FilterTable } from './params.js';
import { foreignImages, mayLaunch, visibleImage } from './sharing.js';
import { inRegion, settleImage, tagsOf, type Ec2Result, type Ec2State, type Image } from './state.js';

export function renderImage(state: Ec2State, img: Image, now: number): Ec2Result {
  const s = settleImage(img, now);
  return {
    imageId: img.imageId,
    imageLocation: img.ownerAlias ? `${img.ownerAlias}/${img.name}` : `${img.ownerId}/${img.name}`,
    imageState: s,
    imageOwnerId: img.ownerId,
    creationDate: img.creationDate,
    isPublic: img.isPublic,
    architecture: img.architecture,
    imageType: 'machine',
    sriovNetSupport: 'simple',
    imageOwnerAlias: img.ownerAlias,
    name: img.name,
    description: img.description,
    rootDeviceType: 'ebs',
    rootDeviceName: img.rootDeviceName,
    blockDeviceMapping: img.blockDevices.map((b) => ({
      deviceName: b.deviceName,
      ebs: {
        snapshotId: b.snapshotId,
        volumeSize: b.volumeSize,
        deleteOnTermination: b.deleteOnTermination,
        volumeType: b.volumeType,
        encrypted: b.encrypted,
        kmsKeyId: b.kmsKeyId,
      },
    })),
    virtualizationType: 'hvm',
    tagSet: tagSet(state.tags[img.imageId]),
    hypervisor: 'xen',
    enaSupport: true,
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    bootMode: img.architecture === 'arm64' ? 'uefi' : 'uefi-preferred',
    imdsSupport: 'v2.0',
    stateReason: s === 'failed' ? img.stateReason : undefined,
    sourceInstanceId: img.sourceInstanceId,
    sourceImageId: img.sourceImageId,
    sourceImageRegion: img.sourceImageRegion,
  };
}

const imageFilters = (now: number): FilterTable<Image> => ({
  name: (img) => [img.name],
  state: (img) => [settleImage(img, now)],
  'image-id': (img) => [img.imageId],
  'owner-id': (img) => [img.ownerId],
  'owner-alias': (img) => (img.ownerAlias ? [img.ownerAlias] : []),
  architecture: (img) => [img.architecture],
  'creation-date': (img) => [img.creationDate],
  'source-instance-id': (img) => (img.sourceInstanceId ? [img.sourceInstanceId] : []),
  'is-public': (img) => [String(img.isPublic)],
  'root-device-type': () => ['ebs'],
  'virtualization-type': () => ['hvm'],
  description: (img) => (img.description ? [img.description] : []),
  'image-type': () => ['machine'],
  platform: () => [],
  'block-device-mapping.snapshot-id': (img) => img.blockDevices.map((b) => b.snapshotId),
});

const OWNER_ALIASES = ['self', 'amazon', 'aws-marketplace', 'aws-backup-vault'];

/** Whether `owner` (self, an alias or an account id) owns the image. */
const ownedBy = (img: Image, owner: string, self: string): boolean =>
  owner === 'self'
    ? img.ownerId === self
    : /^\d{12}$/.test(owner)
      ? img.ownerId === owner
      : img.ownerAlias === owner;

/** ExecutableBy: `all` (public), `self` or the caller's id (what it may launch), another
 *  account's id (the caller's images shared with that account). */
const executableBy = (img: Image, who: string, self: string): boolean =>
  who === 'all'
    ? img.isPublic
    : who === 'self' || who === self
      ? mayLaunch(img, self)
      : img.ownerId === self && (img.isPublic || (img.launchPermission ?? []).includes(who));

export function describeImages(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const p = req.params;
  const now = ctx.clock.now();
  const ids = strList(p.ImageId);
  const owners = strList(p.Owner);
  const executors = strList(p.ExecutableBy);
  const self = ctx.accountId;
  // The caller's own state holds its images and the public ones; other accounts' images
  // shared with it are read from theirs (sharing.ts).
  let images = [...inRegion(Object.values(state.images), req.region), ...foreignImages(ctx, req.region)];
  if (ids.length > 0) {
    for (const id of ids) visibleImage(state, ctx, id, req.region);
    images = images.filter((i) => ids.includes(i.imageId));
  }
  if (owners.length > 0) {
    for (const o of owners) {
      if (!OWNER_ALIASES.includes(o) && !/^\d{12}$/.test(o)) {
        throw new AwsError('InvalidUserID.Malformed', `Invalid user id: "${o}"`);
      }
    }
    images = images.filter((i) => owners.some((o) => ownedBy(i, o, self)));
  }
  if (executors.length > 0) images = images.filter((i) => executors.some((e) => executableBy(i, e, self)));
  // Without owners or ids, AWS lists every image you may launch: yours, the public ones and
  // those shared with you.
  images = images.filter((i) => mayLaunch(i, self));
  const matching = filtered(images, p, imageFilters(now), (img) => tagsOf(state, img.imageId)).sort((a, b) =>
    a.creationDate < b.creationDate
      ? -1
      : a.creationDate > b.creationDate
        ? 1
        : a.imageId < b.imageId
          ? -1
          : 1,
  );
  if (p.MaxResults !== undefined && ids.length > 0) {
    throw new AwsError(
      'InvalidParameterCombination',
      'The parameter imageIdsSet cannot be used with the parameter maxResults',
    );
  }
  const { page, nextToken } = paginate(matching, p, 1, 1000);
  return { imagesSet: page.map((i) => renderImage(state, i, now)), nextToken };
}

export function deregisterImage(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const imageId = required(req.params, 'ImageId', missingParameter);
  const image = visibleImage(state, ctx, imageId, req.region);
  if (image.ownerId !== ctx.accountId)
    throw new AwsError(
      'UnauthorizedOperation',
      `You are not authorized to deregister image ${imageId}.`,
      403,
    );
  delete state.images[imageId];
  delete state.tags[imageId];
  const results: Array<{ snapshotId: string; returnCode: string }> = [];
  if (flag(req.params.DeleteAssociatedSnapshots)) {
    for (const b of image.blockDevices) {
      const stillUsed = Object.values(state.images).some((i) =>
        i.blockDevices.some((d) => d.snapshotId === b.snapshotId),
      );
      if (stillUsed) {
        results.push({ snapshotId: b.snapshotId, returnCode: 'error-generic' });
      } else if (state.snapshots[b.snapshotId]) {
        delete state.snapshots[b.snapshotId];
        delete state.tags[b.snapshotId];
        results.push({ snapshotId: b.snapshotId, returnCode: 'success' });
      }
    }
  }
  return { return: true, deleteSnapshotResultSet: results.length > 0 ? results : undefined };
}
