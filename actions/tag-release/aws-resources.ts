// The AWS side of a release: find the AMI and its snapshots the inputs name (the data replica:
// db-resources.ts), check that each is immut's own for this role and env (core's guard) before
// anything is recorded, and later tag each with `immut:release=<release id>`.
import {
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import type { RDSClient } from '@aws-sdk/client-rds';
import { InputError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { TAG, assertManaged, fromAwsTags, type Tags } from '@immut/core/tags';

export interface ReleaseImage {
  id: string;
  tags: Tags;
  snapshots: Array<{ id: string; tags: Tags }>;
  /** Another account's image shared with this one: its tags are not readable here, and this
   *  account may not tag it; the source account guarded and marked it when sharing. */
  foreign?: true;
}

export interface ReleaseDb {
  id: string;
  arn: string;
  engine: string;
  /** Host name, from DescribeDBInstances. */
  address?: string;
  /** The Aurora DB cluster the replica instance is the writer of (replicate-data's clone). */
  clusterId?: string;
  tags: Tags;
}

export interface ReleaseResources {
  image: ReleaseImage;
  db?: ReleaseDb;
}

export interface AwsClients {
  ec2: EC2Client;
  /** RDS, made when first asked: a release without data never loads its SDK (db-resources.ts). */
  rds: () => Promise<RDSClient>;
}

export function awsName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** The AMI and its snapshots, each through the guard; a missing or unusable AMI is an input error. */
export async function findImage(
  ec2: EC2Client,
  imageId: string,
  id: Identity,
  region: string,
): Promise<ReleaseImage> {
  let image;
  try {
    image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
  } catch (error) {
    if (!['InvalidAMIID.NotFound', 'InvalidAMIID.Unavailable'].includes(awsName(error) ?? '')) throw error;
  }
  if (!image) {
    throw new InputError([
      `Input 'image-id' was '${imageId}': no such AMI in ${region}; expected bake-image's image-id output from the same region.`,
    ]);
  }
  if (image.State !== 'available') {
    throw new InputError([
      `Input 'image-id' was '${imageId}': the AMI is '${image.State}'; expected an available image (bake-image waits for it).`,
    ]);
  }
  const tags = fromAwsTags(image.Tags);
  assertManaged({ kind: 'image', id: imageId, tags }, id);
  const snapshotIds = (image.BlockDeviceMappings ?? []).flatMap((m) =>
    m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : [],
  );
  const snapshots =
    snapshotIds.length === 0
      ? []
      : ((await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: snapshotIds }))).Snapshots ?? []).map(
          (s) => ({
            id: s.SnapshotId ?? '',
            tags: fromAwsTags(s.Tags),
          }),
        );
  for (const snapshot of snapshots)
    assertManaged({ kind: 'snapshot', id: snapshot.id, tags: snapshot.tags }, id);
  return { id: imageId, tags, snapshots };
}

/**
 * The tag the image and its snapshots get. A baked release writes `immut:release`. A promoted
 * one leaves that (the source env's) alone and writes `immut:used-by:<env>=<build>`, so the
 * source env's retirement keeps an image another env still runs (retire-release).
 */
export interface ImageTag {
  key: string;
  value: string;
}

function imageTagOf(release: string, imageTag: ImageTag | undefined): ImageTag {
  return imageTag ?? { key: TAG.release, value: release };
}

/** What `tagResources` would change: every resource not yet tagged with this release. */
export function untagged(resources: ReleaseResources, release: string, imageTag?: ImageTag): string[] {
  const { key, value } = imageTagOf(release, imageTag);
  const ec2 = resources.image.foreign
    ? []
    : [{ id: resources.image.id, tags: resources.image.tags }, ...resources.image.snapshots];
  const db = resources.db ? [{ id: resources.db.id, tags: resources.db.tags }] : [];
  return [
    ...ec2.filter((r) => r.tags[key] !== value).map((r) => `${key}=${value} on ${r.id}`),
    ...db.filter((r) => r.tags[TAG.release] !== release).map((r) => `${TAG.release}=${release} on ${r.id}`),
  ];
}

/**
 * Tags the AMI, its snapshots and the replica with `immut:release`. Resources already
 * carrying this release are left alone, so a re-run changes nothing. An image reused by a
 * later build (same fingerprint) carries the latest release that recorded it.
 */
export async function tagResources(
  clients: AwsClients,
  resources: ReleaseResources,
  release: string,
  imageTag?: ImageTag,
): Promise<string[]> {
  const tag = [{ Key: TAG.release, Value: release }];
  const { key, value } = imageTagOf(release, imageTag);
  const ec2Ids = (resources.image.foreign ? [] : [resources.image, ...resources.image.snapshots])
    .filter((r) => r.tags[key] !== value)
    .map((r) => r.id);
  if (ec2Ids.length > 0)
    await clients.ec2.send(new CreateTagsCommand({ Resources: ec2Ids, Tags: [{ Key: key, Value: value }] }));
  const changed = [...ec2Ids];
  if (resources.db && resources.db.tags[TAG.release] !== release) {
    const { tagDb } = await import('./db-resources.js');
    await tagDb(await clients.rds(), resources.db, tag);
    changed.push(resources.db.id);
  }
  return changed;
}
