// Publishing the baked image: encrypting it with a KMS key and copying it to other regions.
//
// Encryption is a copy: CopyImage (Encrypted, KmsKeyId) of the builder's image in the same
// region gives the encrypted image under the image's name; the unencrypted intermediate is
// then deregistered and its snapshots deleted. (Packer's encrypt_boot does the same. An
// encrypted builder volume would avoid the intermediate, but then the builder's launch
// needs the key too, and a failed key would only show after provisioning.)
//
// Copies: CopyImage sent to each destination region with SourceRegion, under the same name,
// tagged there like the image (image and snapshots), waited for together.
//
// The cache must only ever match a complete artefact. The intermediate never carries
// `immut:fingerprint`; with copies, the image in the bake region gets it only once every
// copy is available. A cache hit still checks the copies and makes the missing ones.
//
// Idempotency: everything is looked up by name first (a re-run adopts what an earlier
// attempt made), and each CopyImage carries a ClientToken derived from the run, attempt,
// source and destination, so a retried request never makes a second copy. Every image
// made here is recorded for the post step right after CopyImage returns its id.
import {
  CopyImageCommand,
  CreateTagsCommand,
  type CopyImageCommandInput,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { createHash } from 'node:crypto';
import type { ActionIO } from '@immut/core/action-io';
import type { CleanupLog } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import type { Identity } from '@immut/core/identity';
import { TAG, assertManaged, toAwsTags, type Tags } from '@immut/core/tags';
import type { Deadline } from '@immut/core/wait';
import { findImageById, findImageByName, removeImage, waitForImage } from './image.js';
import { kmsKeyIn, type KmsKey } from './kms-key.js';

/** Cleanup kind of every image (the post step removes it and its snapshots). */
export const IMAGE_KIND = 'image';

export interface PublishSpec {
  identity: Identity;
  /** The bake region. */
  home: string;
  fingerprint: string;
  kmsKey: KmsKey | undefined;
  copyToRegions: readonly string[];
  /** The published image's tags, `immut:fingerprint` included. */
  tags: Tags;
  /** Seeds the ClientTokens: the same for every request of one attempt of one run. */
  tokenSeed: string;
}

export interface PublishDeps {
  ec2For: (region: string) => EC2Client;
  io: Pick<ActionIO, 'info' | 'warning'>;
  clock: Clock;
  cleanup: CleanupLog;
}

export interface ImageRef {
  imageId: string;
  name: string;
}

export interface RegionCopy {
  region: string;
  imageId: string;
  /** `copied`: made by this run; `existing`: found under the image's name. */
  how: 'copied' | 'existing' | 'missing';
}

/** Tags of an image at creation: with copies to make, the fingerprint comes last. */
export function tagsAtCreation(spec: PublishSpec): Tags {
  if (spec.copyToRegions.length === 0) return spec.tags;
  const { [TAG.fingerprint]: _later, ...rest } = spec.tags;
  return rest;
}

/**
 * CopyImage's idempotency token (at most 64 ASCII characters): one per attempt of a run,
 * source and destination, so the SDK's retries of one request make one image.
 */
export function copyToken(
  purpose: 'encrypt' | 'copy',
  seed: string,
  sourceImageId: string,
  region: string,
): string {
  const hash = createHash('sha256').update([seed, sourceImageId, region].join('\0')).digest('hex');
  return `immut-${purpose}-${hash.slice(0, 40)}`;
}

function copyInput(
  spec: PublishSpec,
  purpose: 'encrypt' | 'copy',
  source: ImageRef,
  region: string,
  tags: Tags,
  dryRun = false,
): CopyImageCommandInput {
  const aws = toAwsTags(tags);
  const kmsKeyId = spec.kmsKey ? kmsKeyIn(spec.kmsKey, region) : undefined;
  const { env, role, build } = spec.identity;
  const what =
    purpose === 'encrypt'
      ? `encrypted copy of ${source.imageId}`
      : `copy of ${source.imageId} (${spec.home})`;
  return {
    SourceImageId: source.imageId,
    SourceRegion: spec.home,
    Name: source.name,
    Description: `immut ${env}/${role} ${build}: ${what}`.slice(0, 255),
    // A copy of an encrypted image must be encrypted too, with a key of its region.
    ...(kmsKeyId ? { Encrypted: true, KmsKeyId: kmsKeyId } : {}),
    ClientToken: copyToken(purpose, spec.tokenSeed, source.imageId, region),
    TagSpecifications: [
      { ResourceType: 'image', Tags: aws },
      { ResourceType: 'snapshot', Tags: aws },
    ],
    ...(dryRun ? { DryRun: true } : {}),
  };
}

async function sendCopy(ec2: EC2Client, input: CopyImageCommandInput): Promise<string> {
  const out = await ec2.send(new CopyImageCommand(input));
  if (!out.ImageId) throw new Error('CopyImage returned no image id');
  return out.ImageId;
}

/**
 * The encrypted image, copied from the unencrypted `intermediate` under `name`; then the
 * intermediate and its snapshots are deleted. Returns the encrypted image's id.
 */
export async function encryptImage(
  intermediate: ImageRef,
  name: string,
  spec: PublishSpec,
  deps: PublishDeps,
  deadline: Deadline,
): Promise<string> {
  const { io, cleanup, clock } = deps;
  const ec2 = deps.ec2For(spec.home);
  const key = spec.kmsKey?.raw ?? '';
  const imageId = await sendCopy(
    ec2,
    copyInput(spec, 'encrypt', { imageId: intermediate.imageId, name }, spec.home, tagsAtCreation(spec)),
  );
  cleanup.record({ kind: IMAGE_KIND, id: imageId, region: spec.home });
  io.info(`Encrypting: image ${imageId} (${name}) is a copy of ${intermediate.imageId} with KMS key ${key}.`);
  await waitForImage(ec2, imageId, { clock, deadline, log: (l) => io.info(l), justCreated: true });
  await dropIntermediate(ec2, intermediate.imageId, spec.identity, deps);
  return imageId;
}

/** Deregisters the unencrypted intermediate and deletes its snapshots. */
export async function dropIntermediate(
  ec2: EC2Client,
  imageId: string,
  identity: Identity,
  deps: Pick<PublishDeps, 'io' | 'cleanup'>,
): Promise<void> {
  await removeImage(ec2, imageId, identity, deps.io);
  deps.cleanup.forget(IMAGE_KIND, imageId);
  deps.io.info(`Removed the unencrypted intermediate image ${imageId} and its snapshots.`);
}

/**
 * The copy of `source` in `region` under the source's name: one found there (an earlier
 * attempt's or, on a cache hit, the run that published it), or a new one. A found copy is
 * recorded for cleanup only when `adopt` says it belongs to this run's image.
 */
async function startCopy(
  region: string,
  source: ImageRef,
  spec: PublishSpec,
  deps: PublishDeps,
  adopt: boolean,
): Promise<RegionCopy> {
  const ec2 = deps.ec2For(region);
  const existing = await findImageByName(ec2, source.name);
  if (existing) {
    assertManaged({ kind: 'image', id: existing.imageId, tags: existing.tags }, spec.identity);
    if (existing.state === 'available' || existing.state === 'pending') {
      if (adopt) deps.cleanup.record({ kind: IMAGE_KIND, id: existing.imageId, region });
      deps.io.info(`Copy in ${region}: image ${existing.imageId} (${existing.state}) already exists.`);
      return { region, imageId: existing.imageId, how: 'existing' };
    }
    // A failed copy only blocks the name.
    deps.io.info(`Removing the ${existing.state} copy ${existing.imageId} in ${region}.`);
    await removeImage(ec2, existing.imageId, spec.identity, deps.io);
  }
  const imageId = await sendCopy(
    ec2,
    copyInput(spec, 'copy', source, region, { ...spec.tags, [TAG.name]: source.name }),
  );
  deps.cleanup.record({ kind: IMAGE_KIND, id: imageId, region });
  deps.io.info(`Copying ${source.imageId} to ${region}: image ${imageId}.`);
  return { region, imageId, how: 'copied' };
}

/**
 * Every copy of `source` in spec.copyToRegions, available: starts the missing ones one
 * region after another (each recorded at once), then waits for all of them together.
 */
export async function ensureCopies(
  source: ImageRef,
  spec: PublishSpec,
  deps: PublishDeps,
  deadline: Deadline,
  adopt: boolean,
): Promise<RegionCopy[]> {
  const copies: RegionCopy[] = [];
  for (const region of spec.copyToRegions) copies.push(await startCopy(region, source, spec, deps, adopt));
  // allSettled: no wait is left running when another fails.
  const waits = await Promise.allSettled(
    copies.map((c) =>
      waitForImage(deps.ec2For(c.region), c.imageId, {
        clock: deps.clock,
        deadline,
        log: (l) => deps.io.info(`${c.region}: ${l}`),
      }),
    ),
  );
  const failed = waits.flatMap((w, i) =>
    w.status === 'rejected' ? [`${copies[i]!.region}: ${(w.reason as Error).message}`] : [],
  );
  if (failed.length === 1) throw (waits.find((w) => w.status === 'rejected') as PromiseRejectedResult).reason;
  if (failed.length > 1) throw new Error(`${failed.length} copies failed:\n${failed.join('\n')}`);
  return copies;
}

/** What a dry run would copy: the copies that exist, and the missing ones EC2's DryRun
 *  says may be made. */
export async function planCopies(
  source: ImageRef | undefined,
  spec: PublishSpec,
  deps: Pick<PublishDeps, 'ec2For'>,
): Promise<RegionCopy[]> {
  const plan: RegionCopy[] = [];
  for (const region of spec.copyToRegions) {
    const ec2 = deps.ec2For(region);
    const existing = source ? await findImageByName(ec2, source.name) : undefined;
    if (existing && (existing.state === 'available' || existing.state === 'pending')) {
      plan.push({ region, imageId: existing.imageId, how: 'existing' });
      continue;
    }
    if (source) await checkCopyPermission(ec2, copyInput(spec, 'copy', source, region, spec.tags, true));
    plan.push({ region, imageId: '', how: 'missing' });
  }
  return plan;
}

async function checkCopyPermission(ec2: EC2Client, input: CopyImageCommandInput): Promise<void> {
  try {
    await ec2.send(new CopyImageCommand(input));
  } catch (error) {
    if ((error as Error).name === 'DryRunOperation') return;
    throw error;
  }
  throw new Error('CopyImage with DryRun succeeded instead of answering DryRunOperation');
}

/** Tags the image in the bake region (and its snapshots) with its fingerprint once its
 *  copies exist: from now on the cache may match it. */
export async function markPublished(ec2: EC2Client, imageId: string, spec: PublishSpec): Promise<void> {
  const image = await findImageById(ec2, imageId);
  await ec2.send(
    new CreateTagsCommand({
      Resources: [imageId, ...(image?.snapshotIds ?? [])],
      Tags: [{ Key: TAG.fingerprint, Value: spec.fingerprint }],
    }),
  );
}
