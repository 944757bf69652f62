// Images and snapshots across accounts. Each account's EC2 keeps its own state (accounts.ts);
// an image lives in its owner's state only. Another account sees it when the owner shared
// it (launch permission for that account, or the `all` group), and then DescribeImages lists
// it with the owner's OwnerId, RunInstances and CopyImage use it, and only the owner may
// change it ("Share an AMI with specific AWS accounts", EC2 user guide). Tags are per account
// (a shared image carries, for each account, the tags that account put on it), so the tags
// the caller sees are those in its own state, keyed by the image id.
import { AwsError, type ServiceContext } from '../../service.js';
import { checkIdFormat } from './params.js';
import type { Ec2State, Image, Snapshot } from './state.js';

/** What other accounts may read of one account's EC2 state (never change). */
export interface SharingView {
  /** The owner's image if `accountId` may launch it (shared with it, or public). */
  image(imageId: string, region: string, accountId: string): Image | undefined;
  /** The owner's images `accountId` may launch in `region`. */
  images(region: string, accountId: string): Image[];
  /** The owner's snapshot if `accountId` may create volumes from it. */
  snapshot(snapshotId: string, region: string, accountId: string): Snapshot | undefined;
  /** The owner's snapshots `accountId` may create volumes from in `region`. */
  snapshots(region: string, accountId: string): Snapshot[];
}

/** Whether the owner of `img` lets `accountId` launch it. */
export const mayLaunch = (img: Image, accountId: string): boolean =>
  img.ownerId === accountId || img.isPublic || (img.launchPermission ?? []).includes(accountId);

/** Whether `accountId` may create volumes from (and so copy) a snapshot. */
export const mayCreateVolume = (snap: Snapshot, accountId: string): boolean =>
  snap.ownerId === accountId ||
  snap.isPublic === true ||
  (snap.createVolumePermission ?? []).includes(accountId);

export function sharingView(state: () => Ec2State): SharingView {
  // Only what the account owns is shared from here: the public images of the seed are in
  // every account's own state already.
  return {
    image(imageId, region, accountId) {
      const img = state().images[imageId];
      return img && img.region === region && img.ownerId !== accountId && mayLaunch(img, accountId)
        ? img
        : undefined;
    },
    images(region, accountId) {
      return Object.values(state().images).filter(
        (img) => img.region === region && img.ownerId !== accountId && mayLaunch(img, accountId),
      );
    },
    snapshot(snapshotId, region, accountId) {
      const snap = state().snapshots[snapshotId];
      return snap && snap.region === region && snap.ownerId !== accountId && mayCreateVolume(snap, accountId)
        ? snap
        : undefined;
    },
    snapshots(region, accountId) {
      return Object.values(state().snapshots).filter(
        (snap) => snap.region === region && snap.ownerId !== accountId && mayCreateVolume(snap, accountId),
      );
    },
  };
}

/** The EC2 sharing views of the caller's other accounts, with their owners' ids. */
function peers(ctx: ServiceContext): Array<{ ownerId: string; view: SharingView }> {
  const directory = ctx.accounts;
  if (!directory) return [];
  const out: Array<{ ownerId: string; view: SharingView }> = [];
  for (const id of directory.ids()) {
    if (id === ctx.accountId) continue;
    const ec2 = directory.service(id, 'ec2') as { sharing?: SharingView } | undefined;
    if (ec2?.sharing) out.push({ ownerId: id, view: ec2.sharing });
  }
  return out;
}

/** Another account's image that the caller may launch, if any. */
export function foreignImage(ctx: ServiceContext, imageId: string, region: string): Image | undefined {
  for (const { ownerId, view } of peers(ctx)) {
    const img = view.image(imageId, region, ctx.accountId);
    if (img && img.ownerId === ownerId) return img;
  }
  return undefined;
}

/** Every image of other accounts the caller may launch in `region`. */
export function foreignImages(ctx: ServiceContext, region: string): Image[] {
  return peers(ctx).flatMap(({ ownerId, view }) =>
    view.images(region, ctx.accountId).filter((img) => img.ownerId === ownerId),
  );
}

/** Every snapshot of other accounts the caller may create volumes from in `region`. */
export function foreignSnapshots(ctx: ServiceContext, region: string): Snapshot[] {
  return peers(ctx).flatMap(({ ownerId, view }) =>
    view.snapshots(region, ctx.accountId).filter((snap) => snap.ownerId === ownerId),
  );
}

/** Another account's snapshot the caller may create volumes from, if any. */
export function foreignSnapshot(
  ctx: ServiceContext,
  snapshotId: string,
  region: string,
): Snapshot | undefined {
  for (const { view } of peers(ctx)) {
    const snap = view.snapshot(snapshotId, region, ctx.accountId);
    if (snap) return snap;
  }
  return undefined;
}

const notFound = (id: string): AwsError =>
  new AwsError('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);

/** An image the caller may see: its own, a public one, or one shared with it. Anything else
 *  does not exist for the caller: AWS answers InvalidAMIID.NotFound for another account's
 *  private image, as for an id that was never used. */
export function visibleImage(state: Ec2State, ctx: ServiceContext, id: string, region: string): Image {
  checkIdFormat(id, 'ami', 'InvalidAMIID.Malformed', '');
  const own = state.images[id];
  if (own && own.region === region) {
    if (mayLaunch(own, ctx.accountId)) return own;
    throw notFound(id);
  }
  const shared = foreignImage(ctx, id, region);
  if (shared) return shared;
  throw notFound(id);
}

/** The image, if the caller owns it. A visible image of another owner (shared, or public):
 *  AuthFailure, as AWS answers a non-owner's DescribeImageAttribute/ModifyImageAttribute. */
export function ownedImage(state: Ec2State, ctx: ServiceContext, id: string, region: string): Image {
  const img = visibleImage(state, ctx, id, region);
  if (img.ownerId !== ctx.accountId) throw new AwsError('AuthFailure', `Not authorized for image:${id}`, 403);
  return img;
}
