// `mode: unshare`, run with the SOURCE account's credentials after the target env's retirement
// (its `retired` output): takes back what a promotion into another account shared. tag-release
// (share-with) marked the source image and its snapshots `immut:used-by:<env>=<build>` and
// `immut:shared-with:<env>=<account>`; once that build of <env> is retired, the launch
// permission and the create-volume permissions for the account are removed and both marks
// deleted, so the source env's own retirement may then delete the image. An account another
// env's mark still names keeps its permissions (only this env's marks go). Each image is read
// again right before it changes, and only immut's images of the role are touched.
import {
  DeleteTagsCommand,
  DescribeImagesCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  type EC2Client,
  type Image as AwsImage,
} from '@aws-sdk/client-ec2';
import {
  MANAGED_BY_VALUE,
  SHARED_WITH_PREFIX,
  TAG,
  fromAwsTags,
  sharedWithTag,
  usedByTag,
  type Tags,
} from '@immut/core/tags';
import type { RoleEnv } from './discover.js';

export interface UnshareDecision {
  imageId: string;
  account: string;
  build: string;
  unshare: boolean;
  reason: string;
}

/** The role's images in this account marked as shared with `who.env`'s account. */
async function sharedImages(ec2: EC2Client, who: RoleEnv): Promise<AwsImage[]> {
  const out = await ec2.send(
    new DescribeImagesCommand({
      Owners: ['self'],
      Filters: [
        { Name: `tag:${TAG.managedBy}`, Values: [MANAGED_BY_VALUE] },
        { Name: `tag:${TAG.role}`, Values: [who.role] },
        { Name: 'tag-key', Values: [sharedWithTag(who.env)] },
      ],
    }),
  );
  return out.Images ?? [];
}

/** Whether to take back the share of one image: only when its using build was retired. */
export function decideUnshare(
  imageId: string,
  tags: Tags,
  who: RoleEnv,
  retired: ReadonlySet<string>,
): UnshareDecision {
  const account = tags[sharedWithTag(who.env)] ?? '';
  const build = tags[usedByTag(who.env)] ?? '';
  const base = { imageId, account, build };
  if (tags[TAG.managedBy] !== MANAGED_BY_VALUE || tags[TAG.role] !== who.role)
    return { ...base, unshare: false, reason: `not immut's image of role ${who.role}` };
  if (!/^\d{12}$/.test(account))
    return { ...base, unshare: false, reason: `${sharedWithTag(who.env)} is not an account id` };
  if (!retired.has(build))
    return {
      ...base,
      unshare: false,
      reason: build
        ? `${who.env} build ${build} uses it and was not retired`
        : `no ${usedByTag(who.env)} mark names the build using it`,
    };
  return { ...base, unshare: true, reason: `${who.env} build ${build} was retired` };
}

/** Other envs' marks naming the same account: their share stays. */
function otherEnvsSharing(tags: Tags, who: RoleEnv, account: string): string[] {
  return Object.entries(tags)
    .filter(([key]) => key.startsWith(SHARED_WITH_PREFIX) && key !== sharedWithTag(who.env))
    .filter(([, value]) => value === account)
    .map(([key]) => key.slice(SHARED_WITH_PREFIX.length));
}

async function reread(ec2: EC2Client, imageId: string): Promise<AwsImage | undefined> {
  try {
    return (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
  } catch (error) {
    if (error instanceof Error && error.name === 'InvalidAMIID.NotFound') return undefined;
    throw error;
  }
}

/** Removes the account's permissions (unless another env shares with it) and this env's marks. */
async function takeBack(
  ec2: EC2Client,
  image: AwsImage,
  d: UnshareDecision,
  who: RoleEnv,
  log: (l: string) => void,
) {
  const tags = fromAwsTags(image.Tags);
  const snapshotIds = (image.BlockDeviceMappings ?? []).flatMap((m) =>
    m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : [],
  );
  const others = otherEnvsSharing(tags, who, d.account);
  if (others.length === 0) {
    await ec2.send(
      new ModifyImageAttributeCommand({
        ImageId: d.imageId,
        LaunchPermission: { Remove: [{ UserId: d.account }] },
      }),
    );
    for (const snapshotId of snapshotIds)
      await ec2.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: snapshotId,
          Attribute: 'createVolumePermission',
          CreateVolumePermission: { Remove: [{ UserId: d.account }] },
        }),
      );
  } else log(`Image ${d.imageId} stays shared with ${d.account}: env(s) ${others.join(', ')} share it too.`);
  await ec2.send(
    new DeleteTagsCommand({
      Resources: [d.imageId, ...snapshotIds],
      Tags: [
        { Key: usedByTag(who.env), Value: d.build },
        { Key: sharedWithTag(who.env), Value: d.account },
      ],
    }),
  );
}

/**
 * Takes back the shares of images whose using build of `who.env` is among `retired`. Returns
 * every decision (a dry run changes nothing).
 */
export async function unshareRetired(
  ec2: EC2Client,
  who: RoleEnv,
  retired: readonly string[],
  options: { dryRun: boolean; log: (line: string) => void },
): Promise<UnshareDecision[]> {
  const retiredSet = new Set(retired);
  const decisions: UnshareDecision[] = [];
  for (const found of await sharedImages(ec2, who)) {
    if (!found.ImageId) continue;
    let d = decideUnshare(found.ImageId, fromAwsTags(found.Tags), who, retiredSet);
    if (d.unshare && !options.dryRun) {
      // Read again right before the change: a promotion since may have marked it anew.
      const now = await reread(ec2, found.ImageId);
      d = now
        ? decideUnshare(found.ImageId, fromAwsTags(now.Tags), who, retiredSet)
        : { ...d, unshare: false, reason: 'the image is gone' };
      if (d.unshare && now) await takeBack(ec2, now, d, who, options.log);
    }
    options.log(
      `${d.unshare ? (options.dryRun ? 'Would take back' : 'Took back') : 'Keep'} the share of ${d.imageId} with account ${d.account || '(none)'}: ${d.reason}.`,
    );
    decisions.push(d);
  }
  return decisions;
}
