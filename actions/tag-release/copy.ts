// The target side of a promotion across accounts or regions: which image the target release
// runs. A source image in this account and region is reused as it is (promote.ts). Another
// account's image, shared with this one (`shared-by`), is used as shared, unless a copy is
// needed: the target is in another region (an AMI is regional), the image is encrypted (its
// snapshots use the source account's key; a copy re-encrypts them with one of this account),
// `kms-key-id` names this account's key, or `copy: always` asks for it. The copy (CopyImage)
// is this account's own image, tagged at creation with immut's tags for the target release
// (so the target env's retirement deletes it with the build), and carries
// `immut:copied-from=<source image>`, by which a re-run finds and adopts it.
import { createHash } from 'node:crypto';
import {
  CopyImageCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  type EC2Client,
  type Image as AwsImage,
} from '@aws-sdk/client-ec2';
import type { ActionIO } from '@immut/core/action-io';
import type { CleanupLog } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import { InputError, UserError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import type { ReleaseManifest } from '@immut/core/manifest';
import { gitTag } from '@immut/core/naming';
import type { Provenance } from '@immut/core/provenance';
import {
  COPIED_FROM_TAG,
  TAG,
  assertManaged,
  fromAwsTags,
  releaseFilters,
  standardTags,
  toAwsTags,
} from '@immut/core/tags';
import { waitFor } from '@immut/core/wait';

/** Cleanup kind of a copy this run made (the post step lists it; a re-run adopts it). */
export const COPY_KIND = 'image copy';

/** How long a copy may take. CopyImage's time depends on the snapshots' size and AWS's load
 *  ("Copy an AMI": a copy can take minutes to hours); an hour covers immut's root volumes. */
const COPY_TIMEOUT_MS = 60 * 60_000;

export interface PlacementRequest {
  source: ReleaseManifest;
  /** The account that shared the image, when it is another account's. */
  sharedBy: string | undefined;
  copy: 'auto' | 'always' | 'never';
  kmsKeyId: string | undefined;
}

export interface PlacementContext {
  identity: Identity;
  region: string;
  provenance: Provenance;
  ec2For: (region: string) => EC2Client;
  dryRun: boolean;
  /** The run and attempt (GITHUB_RUN_ID/GITHUB_RUN_ATTEMPT), for CopyImage's ClientToken. */
  attempt: string;
  clock: Clock;
  io: Pick<ActionIO, 'info'>;
  cleanup: Pick<CleanupLog, 'record'>;
}

/** The image the target release runs, as the manifest records it. */
export interface Placement {
  imageId: string;
  /** `foreign`: the shared image itself (another account's); `copy`: this account's copy. */
  kind: 'foreign' | 'copy';
  recorded: Pick<ReleaseManifest['image'], 'sharedFrom' | 'copiedFrom'>;
  /** What was (or in a dry run, would be) made. */
  changes: string[];
}

function awsName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/** How to make the source account's share, for messages. */
function shareHint(sharedBy: string | undefined, here: string): string {
  return sharedBy
    ? `The source account ${sharedBy} shares it first: promote.yml's gate job runs tag-release with share-with: <this account> under the source env's role (source-aws-role-arn), which needs ec2:ModifyImageAttribute (launchPermission) on the image and ec2:ModifySnapshotAttribute (createVolumePermission) on its snapshots.`
    : `Expected an image of this account in ${here}.`;
}

/** The source image as this account sees it: shared with it, or its own. */
async function readSource(ctx: PlacementContext, request: PlacementRequest): Promise<AwsImage> {
  const { image } = request.source;
  let found: AwsImage | undefined;
  try {
    found = (await ctx.ec2For(image.region).send(new DescribeImagesCommand({ ImageIds: [image.id] })))
      .Images?.[0];
  } catch (error) {
    if (!['InvalidAMIID.NotFound', 'InvalidAMIID.Unavailable'].includes(awsName(error))) throw error;
  }
  const tag = gitTag(request.source);
  if (!found)
    throw new UserError(
      `The image ${image.id} of ${tag} (${request.sharedBy ? `account ${request.sharedBy}, ` : ''}${image.region}) is not visible to this account: ${request.sharedBy ? 'it is not shared with it (no launch permission)' : 'no such image'}. ${shareHint(request.sharedBy, image.region)}`,
    );
  if (request.sharedBy && found.OwnerId !== request.sharedBy)
    throw new InputError([
      `Input 'shared-by' was '${request.sharedBy}': the image ${image.id} of ${tag} belongs to account ${found.OwnerId ?? '(unknown)'}; expected the account that owns and shared it.`,
    ]);
  if (found.State !== 'available')
    throw new UserError(`The image ${image.id} of ${tag} is '${found.State}'; expected an available image.`);
  return found;
}

/** Why a copy is needed (empty: the shared or own image serves as it is). */
function copyReasons(request: PlacementRequest, image: AwsImage, region: string): string[] {
  const reasons: string[] = [];
  if (request.source.image.region !== region)
    reasons.push(`this release is in ${region} and the image in ${request.source.image.region}`);
  const encrypted = (image.BlockDeviceMappings ?? []).some((m) => m.Ebs?.Encrypted === true);
  if (request.sharedBy && encrypted)
    reasons.push(`its snapshots are encrypted with a KMS key of account ${request.sharedBy}`);
  if (request.kmsKeyId) reasons.push(`kms-key-id names this account's key ${request.kmsKeyId}`);
  if (request.copy === 'always') reasons.push(`copy is 'always'`);
  return reasons;
}

/** A copy an earlier attempt of this release made (adopted, not made twice). */
async function findCopy(ctx: PlacementContext, sourceId: string): Promise<AwsImage | undefined> {
  const out = await ctx.ec2For(ctx.region).send(
    new DescribeImagesCommand({
      Owners: ['self'],
      Filters: [...releaseFilters(ctx.identity), { Name: `tag:${COPIED_FROM_TAG}`, Values: [sourceId] }],
    }),
  );
  return (out.Images ?? []).find((i) => i.State === 'available' || i.State === 'pending');
}

/** CopyImage's idempotency token: one per attempt of the run, target release, source and
 *  region, so the SDK's retries of one request make one copy, and a re-run after a failed
 *  copy (deregistered below) asks for a new one. */
function copyToken(ctx: PlacementContext, sourceId: string): string {
  const seed = [gitTag(ctx.identity), sourceId, ctx.region, ctx.attempt].join('\0');
  return `immut-promote-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
}

/** The grants a copy of another account's (encrypted) image needs, for messages. */
function copyHint(request: PlacementRequest): string {
  const key = request.kmsKeyId ? `this account's key ${request.kmsKeyId}` : "this account's default EBS key";
  return `A copy needs: the source snapshots' create-volume permission for this account (the source side's ec2:ModifySnapshotAttribute); when they are encrypted, the source account's KMS key policy (or a grant) letting this account use that key (kms:Decrypt, kms:DescribeKey, kms:CreateGrant, kms:ReEncrypt*); and this role's tag-release CopyWithKms statement on ${key} (kms:CreateGrant, kms:Decrypt, kms:DescribeKey, kms:GenerateDataKeyWithoutPlaintext, kms:ReEncrypt* through EC2).`;
}

async function startCopy(
  ctx: PlacementContext,
  request: PlacementRequest,
  source: AwsImage,
): Promise<string> {
  const { identity } = ctx;
  const from = request.source.image;
  const name = `immut-${identity.env}-${identity.role}-${identity.build}-${from.id}`;
  const tags = standardTags(identity, ctx.provenance, name, {
    [TAG.fingerprint]: from.fingerprint,
    [TAG.baseImage]: from.base,
    [COPIED_FROM_TAG]: from.id,
  });
  const encrypt = !!request.kmsKeyId || (source.BlockDeviceMappings ?? []).some((m) => m.Ebs?.Encrypted);
  try {
    const out = await ctx.ec2For(ctx.region).send(
      new CopyImageCommand({
        SourceImageId: from.id,
        SourceRegion: from.region,
        Name: name,
        Description:
          `immut ${identity.env}/${identity.role} ${identity.build}: copy of ${from.id} (${source.OwnerId ?? ''}, ${from.region}), promoted from ${gitTag(request.source)}`.slice(
            0,
            255,
          ),
        ...(encrypt ? { Encrypted: true } : {}),
        ...(request.kmsKeyId ? { KmsKeyId: request.kmsKeyId } : {}),
        ClientToken: copyToken(ctx, from.id),
        TagSpecifications: [
          { ResourceType: 'image', Tags: toAwsTags(tags) },
          { ResourceType: 'snapshot', Tags: toAwsTags(tags) },
        ],
      }),
    );
    if (!out.ImageId) throw new Error('CopyImage returned no image id');
    return out.ImageId;
  } catch (error) {
    if (
      !/^(UnauthorizedOperation|AccessDenied|AuthFailure|InvalidAMIID|KMS|InvalidKMSKey)/.test(awsName(error))
    )
      throw error;
    throw new UserError(
      `Could not copy ${from.id} into this account (${ctx.region}): ${awsName(error)}: ${(error as Error).message.slice(0, 300)}. ${copyHint(request)}`,
    );
  }
}

/** Waits for the copy; a copy that fails (e.g. a KMS key it may not use) says what to grant. */
async function awaitCopy(ctx: PlacementContext, request: PlacementRequest, copyId: string): Promise<void> {
  const ec2 = ctx.ec2For(ctx.region);
  const deadline = ctx.clock.now() + COPY_TIMEOUT_MS;
  await waitFor({
    what: `the copy ${copyId} to become available`,
    clock: ctx.clock,
    log: (line) => ctx.io.info(line),
    timeoutMs: Math.max(0, deadline - ctx.clock.now()),
    minDelayMs: 15_000,
    maxDelayMs: 60_000,
    progressEveryMs: 60_000,
    check: async () => {
      let image: AwsImage | undefined;
      try {
        image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [copyId] }))).Images?.[0];
      } catch (error) {
        // Eventual consistency: a just-made image may not be visible yet.
        if (awsName(error) !== 'InvalidAMIID.NotFound') throw error;
      }
      const state = image?.State ?? 'pending';
      if (state === 'available') return { done: true, value: undefined };
      if (['failed', 'error', 'deregistered', 'invalid'].includes(state)) {
        const reason = image?.StateReason?.Message ?? image?.StateReason?.Code ?? 'no reason given';
        return {
          failed: true,
          reason: `the copy ${copyId} of ${request.source.image.id} is ${state}: ${reason}. ${copyHint(request)}`,
        };
      }
      return { done: false, state };
    },
  });
}

/**
 * Deregisters a copy this run made that failed (a failed image holds nothing usable, and
 * retirement keeps images that are not available), after reading again that it is failed and
 * immut's for this release. A copy still pending (a timeout) is left for a re-run to adopt.
 */
async function dropFailedCopy(ctx: PlacementContext, copyId: string): Promise<void> {
  const ec2 = ctx.ec2For(ctx.region);
  const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [copyId] })).catch(() => undefined))
    ?.Images?.[0];
  if (image?.State !== 'failed') return;
  assertManaged({ kind: 'image', id: copyId, tags: fromAwsTags(image.Tags) }, ctx.identity);
  await ec2.send(new DeregisterImageCommand({ ImageId: copyId }));
  ctx.io.info(`Deregistered the failed copy ${copyId}.`);
}

/** This account's copy of the source image: adopted from an earlier attempt, or made now. */
async function placeCopy(
  ctx: PlacementContext,
  request: PlacementRequest,
  source: AwsImage,
  reasons: string[],
): Promise<Placement> {
  const from = request.source.image;
  const recorded = {
    copiedFrom: { account: source.OwnerId ?? request.sharedBy ?? '', region: from.region, imageId: from.id },
  };
  const existing = await findCopy(ctx, from.id);
  if (existing?.ImageId) {
    assertManaged({ kind: 'image', id: existing.ImageId, tags: fromAwsTags(existing.Tags) }, ctx.identity);
    ctx.io.info(`Adopting ${existing.ImageId}, the copy of ${from.id} an earlier attempt made.`);
    if (existing.State !== 'available') await awaitCopy(ctx, request, existing.ImageId);
    return { imageId: existing.ImageId, kind: 'copy', recorded, changes: [] };
  }
  const what = `a copy of ${from.id} (${from.region}) in ${ctx.region}, because ${reasons.join(' and ')}`;
  if (ctx.dryRun) {
    ctx.io.info(`Dry run: would make ${what}; the release would record the copy's id.`);
    return { imageId: from.id, kind: 'copy', recorded, changes: [what] };
  }
  const copyId = await startCopy(ctx, request, source);
  ctx.cleanup.record({ kind: COPY_KIND, id: copyId, region: ctx.region });
  ctx.io.info(`Copying: ${copyId} is ${what}.`);
  try {
    await awaitCopy(ctx, request, copyId);
  } catch (error) {
    await dropFailedCopy(ctx, copyId);
    throw error;
  }
  return { imageId: copyId, kind: 'copy', recorded, changes: [`${copyId}, ${what}`] };
}

/**
 * The image of a promotion across accounts or regions: the shared image as it is, or this
 * account's copy. Undefined when the source image is this account's, in this region, and
 * nothing asks for a copy (promote.ts reuses it as within one account).
 */
export async function placeImage(
  ctx: PlacementContext,
  request: PlacementRequest,
): Promise<Placement | undefined> {
  const crosses = !!request.sharedBy || request.source.image.region !== ctx.region;
  if (!crosses && request.copy !== 'always' && !request.kmsKeyId) return undefined;
  const source = await readSource(ctx, request);
  const reasons = copyReasons(request, source, ctx.region);
  if (reasons.length === 0) {
    // Only a shared image gets here without a reason to copy.
    const account = request.sharedBy ?? '';
    ctx.io.info(`Using ${source.ImageId}, shared by account ${account}, as it is (no copy needed).`);
    return {
      imageId: request.source.image.id,
      kind: 'foreign',
      recorded: { sharedFrom: { account, imageId: request.source.image.id } },
      changes: [],
    };
  }
  if (request.copy === 'never')
    throw new InputError([
      `Input 'copy' was 'never', but the image ${request.source.image.id} must be copied: ${reasons.join(' and ')}. Use copy 'auto'.`,
    ]);
  // A copy of an image of this same account copies immut's own image only.
  if (!request.sharedBy)
    assertManaged(
      { kind: 'image', id: request.source.image.id, tags: fromAwsTags(source.Tags) },
      request.source,
    );
  return placeCopy(ctx, request, source, reasons);
}
