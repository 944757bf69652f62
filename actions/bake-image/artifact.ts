// The application artifact's way to the builder: packed from the workspace (core's
// reproducible tar.gz), staged in S3 under its digest, and handed to the builder as a
// presigned GET URL that expires with the bake, so the builder never holds AWS credentials
// and the bucket stays private.
//
// The staging bucket is the one the user names (`staging-bucket`, immut-staging-…), or
// immut's own `immut-staging-<account>-<region>`, created when missing with Block Public
// Access, SSE-S3 default encryption, a lifecycle rule expiring artifacts/ after a day, and
// immut's tags; immut uses its own bucket only when those tags say it is immut's. That
// configuration is applied once, then marked in the tag `immut:staging-config` (its version):
// re-applying it on every bake cost three calls for nothing, and drift is better watched by
// AWS Config than undone in passing. Every call
// names the expected owner (this account), so a bucket of the same name in another account
// (bucket names are global) is never written to. Objects are content-addressed
// (`artifacts/<sha256>.tar.gz`): an unchanged artifact is not uploaded again. Staged objects
// are kept (a re-run and the next bake of the same artifact reuse them) and expire by the
// lifecycle rule; the post step does not delete them.
import {
  CreateBucketCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  type BucketLocationConstraint,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { BuilderArtifact } from '@immut/core/builder-protocol';
import { GuardError, UserError } from '@immut/core/errors';
import { MANAGED_BY_VALUE, TAG } from '@immut/core/tags';

/** `immut:component` of immut's own staging bucket. */
export const STAGING_COMPONENT = 'artifact-staging';
/** Where artifacts live in the bucket; the lifecycle rule covers exactly this prefix. */
export const ARTIFACT_PREFIX = 'artifacts/';
/** Staged artifacts expire this many days after upload (S3 rounds up to the next midnight UTC). */
export const ARTIFACT_EXPIRY_DAYS = 1;
/** The lifecycle rule immut puts on its bucket. */
export const LIFECYCLE_RULE_ID = 'immut-expire-artifacts';
/** X-Amz-Expires' ceiling (S3: "Maximum value of 604800 (seven days)"). */
export const PRESIGN_MAX_SECONDS = 604_800;
/** lib-storage part size: parts of 8 MiB (S3's minimum is 5 MiB); larger packs go multipart. */
export const UPLOAD_PART_BYTES = 8 * 1024 * 1024;

export const stagingBucketName = (account: string, region: string): string =>
  `immut-staging-${account}-${region}`;

export const artifactKey = (sha256: string): string => `${ARTIFACT_PREFIX}${sha256}.tar.gz`;

/** The version of configureStagingBucket: raise it when that changes, and buckets configured
 *  before are configured again on their next use. */
export const STAGING_CONFIG_VERSION = '1';

/** The tags of immut's staging bucket (shared by every role and env of the account and region). */
export function stagingBucketTags(bucket: string): Record<string, string> {
  return { [TAG.managedBy]: MANAGED_BY_VALUE, [TAG.component]: STAGING_COMPONENT, [TAG.name]: bucket };
}

export interface StagingDeps {
  s3: S3Client;
  account: string;
  region: string;
  io: { info: (line: string) => void; warning: (line: string) => void };
}

export interface StagingBucket {
  name: string;
  /** immut's own bucket (created and configured by immut), or the one the user named. */
  owned: boolean;
  created: boolean;
}

const status = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/** 'present', 'missing', or 'forbidden' (another account's, or no access). */
async function probeBucket(deps: StagingDeps, bucket: string): Promise<'present' | 'missing' | 'forbidden'> {
  try {
    await deps.s3.send(new HeadBucketCommand({ Bucket: bucket, ExpectedBucketOwner: deps.account }));
    return 'present';
  } catch (error) {
    if (status(error) === 404) return 'missing';
    if (status(error) === 403) return 'forbidden';
    throw error;
  }
}

/** immut's own bucket's tags, 'missing' when there is no such bucket (one call for both). */
async function ownBucketTags(deps: StagingDeps, bucket: string): Promise<Record<string, string> | 'missing'> {
  try {
    const out = await deps.s3.send(
      new GetBucketTaggingCommand({ Bucket: bucket, ExpectedBucketOwner: deps.account }),
    );
    return Object.fromEntries((out.TagSet ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  } catch (error) {
    if ((error as Error).name === 'NoSuchTagSet') return {};
    if (status(error) === 404) return 'missing';
    if (status(error) === 403) throw takenByAnother(bucket);
    throw error;
  }
}

/** Throws unless immut's own bucket carries immut's staging tags. */
function assertStagingTags(bucket: string, tags: Record<string, string>): void {
  if (tags[TAG.managedBy] !== MANAGED_BY_VALUE || tags[TAG.component] !== STAGING_COMPONENT) {
    throw new GuardError(
      `Refusing to stage the artifact in bucket ${bucket}: it exists in this account but lacks immut's tags (${TAG.managedBy}=${MANAGED_BY_VALUE}, ${TAG.component}=${STAGING_COMPONENT}), so immut did not create it. Name a bucket of yours with 'staging-bucket', or tag this one if it is meant for immut.`,
    );
  }
}

async function createStagingBucket(deps: StagingDeps, bucket: string): Promise<boolean> {
  const tags = stagingBucketTags(bucket);
  try {
    await deps.s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: {
          ...(deps.region === 'us-east-1'
            ? {}
            : { LocationConstraint: deps.region as BucketLocationConstraint }),
          Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
        },
      }),
    );
    return true;
  } catch (error) {
    const name = (error as Error).name;
    // A concurrent bake created it first: use it (its tags are checked next).
    if (name === 'BucketAlreadyOwnedByYou') return false;
    if (name === 'BucketAlreadyExists') throw takenByAnother(bucket);
    throw error;
  }
}

const takenByAnother = (bucket: string): UserError =>
  new UserError(
    `The staging bucket name ${bucket} belongs to another AWS account (bucket names are global), or this role may not read it. Name a bucket of yours with 'staging-bucket' (immut-staging-…).`,
  );

interface BucketOwner {
  Bucket: string;
  ExpectedBucketOwner: string;
}

/**
 * Block Public Access, SSE-S3 default encryption and the expiry rule, then the tag that says so
 * (last: a bucket whose configuration failed midway is configured again next time). A bucket
 * this run just created is not sent the first two: S3 gives every new bucket all four Block
 * Public Access settings (since April 2023) and SSE-S3 default encryption (since January 2023).
 */
async function configureStagingBucket(
  deps: StagingDeps,
  bucket: string,
  tags: Record<string, string>,
  createdNow: boolean,
): Promise<void> {
  const owner: BucketOwner = { Bucket: bucket, ExpectedBucketOwner: deps.account };
  if (!createdNow) await secureOlderBucket(deps, owner);
  await deps.s3.send(
    new PutBucketLifecycleConfigurationCommand({
      ...owner,
      LifecycleConfiguration: {
        Rules: [
          {
            ID: LIFECYCLE_RULE_ID,
            Status: 'Enabled',
            Filter: { Prefix: ARTIFACT_PREFIX },
            Expiration: { Days: ARTIFACT_EXPIRY_DAYS },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: ARTIFACT_EXPIRY_DAYS },
          },
        ],
      },
    }),
  );
  // PutBucketTagging replaces the whole set: the bucket's own tags go along.
  const tagSet = { ...tags, [TAG.stagingConfig]: STAGING_CONFIG_VERSION };
  await deps.s3.send(
    new PutBucketTaggingCommand({
      ...owner,
      Tagging: { TagSet: Object.entries(tagSet).map(([Key, Value]) => ({ Key, Value })) },
    }),
  );
}

/** What S3 gives a new bucket, sent to one made before those defaults or changed since. */
async function secureOlderBucket(deps: StagingDeps, owner: BucketOwner): Promise<void> {
  await deps.s3.send(
    new PutPublicAccessBlockCommand({
      ...owner,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
  await deps.s3.send(
    new PutBucketEncryptionCommand({
      ...owner,
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
      },
    }),
  );
}

/** The bucket to stage in: the named one (which must exist here), or immut's own. */
export async function ensureStagingBucket(
  deps: StagingDeps,
  named: string | undefined,
): Promise<StagingBucket> {
  if (named !== undefined) {
    const found = await probeBucket(deps, named);
    if (found === 'missing')
      throw new UserError(
        `Input 'staging-bucket' was '${named}': no such bucket; expected an existing bucket of this account.`,
      );
    if (found === 'forbidden') throw takenByAnother(named);
    return { name: named, owned: false, created: false };
  }
  const name = stagingBucketName(deps.account, deps.region);
  const found = await ownBucketTags(deps, name);
  const created = found === 'missing' ? await createStagingBucket(deps, name) : false;
  // A bucket another bake created between the two calls: read what it has.
  const tags = created
    ? stagingBucketTags(name)
    : found === 'missing'
      ? await ownBucketTags(deps, name)
      : found;
  if (tags === 'missing') throw new Error(`S3 reported bucket ${name} both existing and missing`);
  assertStagingTags(name, tags);
  if (tags[TAG.stagingConfig] !== STAGING_CONFIG_VERSION)
    await configureStagingBucket(deps, name, tags, created);
  if (created)
    deps.io.info(
      `Created staging bucket ${name} (private, SSE-S3, artifacts expire after ${ARTIFACT_EXPIRY_DAYS} day).`,
    );
  return { name, owned: true, created };
}

export interface PackToStage {
  bytes: Buffer;
  sha256: string;
  size: number;
}

/** Uploads the pack unless the same digest is already staged; returns whether it uploaded. */
export async function stageArtifact(deps: StagingDeps, bucket: string, pack: PackToStage): Promise<boolean> {
  const key = artifactKey(pack.sha256);
  try {
    const head = await deps.s3.send(
      new HeadObjectCommand({ Bucket: bucket, Key: key, ExpectedBucketOwner: deps.account }),
    );
    if (head.ContentLength === pack.size) {
      deps.io.info(
        `Artifact ${pack.sha256} is already staged in s3://${bucket}/${key}; not uploading it again.`,
      );
      return false;
    }
    deps.io.warning(
      `s3://${bucket}/${key} has ${head.ContentLength} bytes, not ${pack.size}; uploading it again.`,
    );
  } catch (error) {
    if (status(error) !== 404) throw error;
  }
  await new Upload({
    client: deps.s3,
    params: {
      Bucket: bucket,
      Key: key,
      Body: pack.bytes,
      ContentType: 'application/gzip',
      ExpectedBucketOwner: deps.account,
    },
    partSize: UPLOAD_PART_BYTES,
    queueSize: 4,
    leavePartsOnError: false,
  }).done();
  deps.io.info(`Staged artifact ${pack.sha256} (${pack.size} bytes) as s3://${bucket}/${key}.`);
  return true;
}

/**
 * A GET URL for the staged pack, valid until the bake's deadline (at most S3's 7 days).
 * Signed at the time S3 last reported (the SDK corrects a skewed clock from S3's Date
 * header), so a runner with a wrong clock does not hand out a URL that is already expired.
 */
export async function presignArtifact(
  deps: StagingDeps,
  bucket: string,
  pack: PackToStage,
  validForMs: number,
): Promise<BuilderArtifact> {
  const expiresIn = Math.min(PRESIGN_MAX_SECONDS, Math.max(1, Math.ceil(validForMs / 1000)));
  const offset = (deps.s3.config as { systemClockOffset?: number }).systemClockOffset ?? 0;
  const url = await getSignedUrl(
    deps.s3,
    new GetObjectCommand({ Bucket: bucket, Key: artifactKey(pack.sha256) }),
    {
      expiresIn,
      signingDate: new Date(Date.now() + offset),
    },
  );
  return { url, sha256: pack.sha256, size: pack.size };
}
