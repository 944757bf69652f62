// The image: looked up by fingerprint (the cache), created from the stopped builder under
// core's name (CreateImage has no idempotency token, so an image an earlier attempt made is
// found by name first), waited for, and removed by the post step when the run failed.
import {
  CreateImageCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  paginateDescribeImages,
  type EC2Client,
  type Image,
  type Snapshot,
} from '@aws-sdk/client-ec2';
import type { ActionIO } from '@immut/core/action-io';
import type { Clock } from '@immut/core/clock';
import { UserError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import {
  MANAGED_BY_VALUE,
  TAG,
  assertManaged,
  fromAwsTags,
  managedProblem,
  toAwsTags,
  type Tags,
} from '@immut/core/tags';
import { AWS_WAITS, waitFor, type Deadline } from '@immut/core/wait';

export interface ImageInfo {
  imageId: string;
  name: string;
  state: string;
  creationDate: string;
}

const info = (image: Image): ImageInfo => ({
  imageId: image.ImageId ?? '',
  name: image.Name ?? '',
  state: image.State ?? 'unknown',
  creationDate: image.CreationDate ?? '',
});

/** What the role's images in this env tell a bake before it starts. */
export interface RoleImages {
  /** The cache: the newest available image carrying the fingerprint. */
  cached: ImageInfo | undefined;
  /** How long the builder of the role's newest available image with a recorded figure ran. */
  lastBuilderMs: number | undefined;
  /** The role's images in any state by name: an earlier attempt's image of this run is one. */
  byName: ReadonlyMap<string, NamedImage>;
}

/** An image with its tags and snapshots, as found by name. */
export type NamedImage = ImageInfo & { tags: Tags; snapshotIds: string[] };

/** A recorded builder duration above this is not believed (a bake's timeout is at most 6 h). */
const MAX_BUILDER_SECONDS = 6 * 3600;

/** The `immut:builder-seconds` tag's value, if it is a believable whole number of seconds. */
export function builderMsFromTag(value: string | undefined): number | undefined {
  if (value === undefined || !/^[0-9]{1,5}$/.test(value)) return undefined;
  const seconds = Number(value);
  return seconds > 0 && seconds <= MAX_BUILDER_SECONDS ? seconds * 1000 : undefined;
}

const newestFirst = (a: Image, b: Image): number =>
  (b.CreationDate ?? '').localeCompare(a.CreationDate ?? '');

/**
 * The images immut made for this role and env in this account (only such images are the
 * role's to reuse and later retire), in one call: the cache hit for the fingerprint and the
 * last recorded builder duration (available images only), and every image by name (any state:
 * an earlier attempt's pending or failed one), so a bake makes no other lookup before it starts.
 */
export async function findRoleImages(
  ec2: EC2Client,
  identity: Identity,
  fingerprint: string,
): Promise<RoleImages> {
  const images: Image[] = [];
  for await (const page of paginateDescribeImages(
    { client: ec2 },
    {
      Owners: ['self'],
      Filters: [
        { Name: `tag:${TAG.managedBy}`, Values: [MANAGED_BY_VALUE] },
        { Name: `tag:${TAG.role}`, Values: [identity.role] },
        { Name: `tag:${TAG.env}`, Values: [identity.env] },
      ],
    },
  )) {
    images.push(...(page.Images ?? []));
  }
  images.sort(newestFirst);
  const tagged = images.map((image) => ({ image, tags: fromAwsTags(image.Tags) }));
  const available = tagged.filter(({ image }) => image.State === 'available');
  const hit = available.find(({ tags }) => tags[TAG.fingerprint] === fingerprint);
  const lastBuilderMs = available
    .map(({ tags }) => builderMsFromTag(tags[TAG.builderSeconds]))
    .find((ms) => ms !== undefined);
  const byName = new Map<string, NamedImage>();
  for (const { image, tags } of tagged)
    if (image.Name && !byName.has(image.Name))
      byName.set(image.Name, { ...info(image), tags, snapshotIds: snapshotIdsOf(image) });
  return { cached: hit ? info(hit.image) : undefined, lastBuilderMs, byName };
}

/** This account's image with exactly this name, with its tags. */
export async function findImageByName(ec2: EC2Client, name: string): Promise<NamedImage | undefined> {
  const out = await ec2.send(
    new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] }),
  );
  const image = out.Images?.[0];
  return image
    ? { ...info(image), tags: fromAwsTags(image.Tags), snapshotIds: snapshotIdsOf(image) }
    : undefined;
}

/** This account's image with this id, with its tags and snapshots. */
export async function findImageById(
  ec2: EC2Client,
  imageId: string,
): Promise<(ImageInfo & { tags: Tags; snapshotIds: string[] }) | undefined> {
  const out = await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
  const image = out.Images?.[0];
  return image
    ? { ...info(image), tags: fromAwsTags(image.Tags), snapshotIds: snapshotIdsOf(image) }
    : undefined;
}

const snapshotIdsOf = (image: Image): string[] =>
  (image.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.SnapshotId ? [b.Ebs.SnapshotId] : []));

export async function createImage(
  ec2: EC2Client,
  input: { instanceId: string; name: string; description: string; tags: Tags },
): Promise<string> {
  const tags = toAwsTags(input.tags);
  let out;
  try {
    out = await ec2.send(
      new CreateImageCommand({
        InstanceId: input.instanceId,
        Name: input.name,
        Description: input.description.slice(0, 255),
        TagSpecifications: [
          { ResourceType: 'image', Tags: tags },
          { ResourceType: 'snapshot', Tags: tags },
        ],
      }),
    );
  } catch (error) {
    // The bake looked for an earlier attempt's image among the role's own images only: an
    // image of this name that is not one of them is someone else's, never reused or removed.
    if (!(error instanceof Error && error.name === 'InvalidAMIName.Duplicate')) throw error;
    const other = await findImageByName(ec2, input.name);
    throw new UserError(
      `An image named ${input.name} already exists in this account${other ? ` (${other.imageId})` : ''}, and it is not one of this role's images (it lacks immut's tags for this role and env); immut neither reuses nor removes it. Deregister or rename it, then run the bake again.`,
    );
  }
  if (!out.ImageId) throw new Error('CreateImage returned no image id');
  return out.ImageId;
}

/** Waits for `available`; `failed` ends the wait with the image's state reason. */
export async function waitForImage(
  ec2: EC2Client,
  imageId: string,
  options: {
    clock: Clock;
    deadline: Deadline;
    log: (line: string) => void;
    /** Created (or copied) by this very call chain: not due for minutes, so the first poll
     *  waits until then (AWS_WAITS.imageAvailable). */
    justCreated?: boolean;
  },
): Promise<void> {
  await waitFor({
    what: `image ${imageId} to become available`,
    clock: options.clock,
    log: options.log,
    timeoutMs: options.deadline.remaining(),
    ...(options.justCreated ? { expectedMs: AWS_WAITS.imageAvailable.expectedMs } : {}),
    minDelayMs: AWS_WAITS.imageAvailable.cadenceMs,
    maxDelayMs: 60_000,
    progressEveryMs: 60_000,
    check: async () => {
      let image: Image | undefined;
      try {
        image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
      } catch (error) {
        // Eventual consistency: a just-created image may not be visible yet.
        if ((error as Error).name !== 'InvalidAMIID.NotFound') throw error;
      }
      const state = image?.State ?? 'pending';
      if (state === 'available') return { done: true, value: undefined };
      if (state === 'failed' || state === 'error' || state === 'deregistered' || state === 'invalid') {
        const reason = image?.StateReason?.Message ?? image?.StateReason?.Code ?? 'no state reason given';
        return { failed: true, reason: `the image is ${state}: ${reason}` };
      }
      return { done: false, state };
    },
  });
}

/** The snapshot as it is now (re-read, not taken from the image), or undefined when gone. */
async function readSnapshot(ec2: EC2Client, snapshotId: string): Promise<Snapshot | undefined> {
  try {
    const out = await ec2.send(
      new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId], OwnerIds: ['self'] }),
    );
    return out.Snapshots?.[0];
  } catch (error) {
    if ((error as Error).name === 'InvalidSnapshot.NotFound') return undefined;
    throw error;
  }
}

/**
 * Deregisters an image immut made for this role and env, then deletes those of its
 * snapshots (DeregisterImage keeps them) that carry immut's tags for this role and env
 * themselves: each is re-read just before its deletion, since a snapshot outlives its image
 * and may have been taken over meanwhile (shared, restored from, retagged). A snapshot that
 * is not provably immut's is kept, with a warning naming it. Returns false when the image
 * was already gone.
 */
export async function removeImage(
  ec2: EC2Client,
  imageId: string,
  expected: Pick<Identity, 'role' | 'env'>,
  io: Pick<ActionIO, 'warning'>,
): Promise<boolean> {
  let image: Image | undefined;
  try {
    image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
  } catch (error) {
    if ((error as Error).name === 'InvalidAMIID.NotFound') return false;
    throw error;
  }
  if (!image) return false;
  assertManaged({ kind: 'image', id: imageId, tags: fromAwsTags(image.Tags) }, expected);
  await ec2.send(new DeregisterImageCommand({ ImageId: imageId }));
  for (const snapshotId of snapshotIdsOf(image)) {
    const snapshot = await readSnapshot(ec2, snapshotId);
    if (!snapshot) continue;
    const problem = managedProblem(fromAwsTags(snapshot.Tags), expected);
    if (problem !== undefined) {
      io.warning(
        `Kept snapshot ${snapshotId} of image ${imageId} (deregistered): ${problem}, and immut deletes only what carries its tags for role '${expected.role}' in env '${expected.env}'. Delete the snapshot yourself if nothing needs it.`,
      );
      continue;
    }
    try {
      await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
    } catch (error) {
      if ((error as Error).name !== 'InvalidSnapshot.NotFound') throw error;
    }
  }
  return true;
}
