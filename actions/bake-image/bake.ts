// The bake, start to finish: resolve the OS head, fingerprint, reuse a cached image or
// launch a builder, watch it, read its console, image it, and always terminate it; then
// publish the image (encrypt it, copy it to other regions: publish.ts).
// Plain functions over injected clients, so tests drive them against the sandbox: bake()
// makes one BakeContext, each step takes it and returns what it produces, and bake()
// assembles the BakeResult from those.
import type { EC2Client, Instance } from '@aws-sdk/client-ec2';
import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { ActionIO } from '@immut/core/action-io';
import { artifactTags, packArtifact, type PackedArtifact } from '@immut/core/artifact';
import {
  USER_DATA_LIMIT_BYTES,
  bakeIdFor,
  consoleTail,
  encodeUserData,
  renderBuilderScript,
  selfDestructMinutes,
  type BuilderArtifact,
  type EncodedUserData,
} from '@immut/core/builder-protocol';
import type { CleanupLog } from '@immut/core/cleanup';
import { formatDuration, type Clock } from '@immut/core/clock';
import { InputError, UserError, describeError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { builderName, imageName, intermediateImageName } from '@immut/core/naming';
import type { Env } from '@immut/core/provenance';
import { provenanceFromEnv } from '@immut/core/provenance';
import { TAG, assertManaged, standardTags, type Tags } from '@immut/core/tags';
import { printUntrusted } from '@immut/core/untrusted-output';
import { deadlineFrom, type Deadline } from '@immut/core/wait';
import type { StagingDeps } from './artifact.js';
import { parseBaseImage, resolveBaseImage, type BaseImage } from './base-image.js';
import {
  BUILDER_COMPONENT,
  CONSOLE_SETTLE_MS,
  findLiveBuilders,
  launchBuilder,
  readBuilderConsole,
  runInstancesInput,
  terminateBuilder,
  builderDurationMs,
  watchBuilder,
  type BuilderConsole,
  type BuilderPlan,
} from './builder.js';
import { fingerprint, fingerprintDescription, type BakeContent, type Publication } from './fingerprint.js';
import { createImage, findRoleImages, removeImage, waitForImage, type RoleImages } from './image.js';
import type { KmsKey } from './kms-key.js';
import { resolveNetwork } from './network.js';
import { ARTIFACT_EXPECTED } from './inputs.js';
import { readProvision, type Provision } from './provision.js';
import {
  IMAGE_KIND,
  dropIntermediate,
  encryptImage,
  ensureCopies,
  markPublished,
  planCopies,
  tagsAtCreation,
  type ImageRef,
  type PublishDeps,
  type PublishSpec,
  type RegionCopy,
} from './publish.js';

/** Cleanup kinds this action records (undone by the post step). */
export const KIND = { builder: 'builder', image: IMAGE_KIND } as const;

/** `immut:component` of the unencrypted image an encrypted bake copies and then deletes. */
export const INTERMEDIATE_COMPONENT = 'unencrypted-intermediate';

export interface BakeInputs {
  identity: Identity;
  region: string;
  dryRun: boolean;
  baseImage: string;
  /** SSM parameter path prefixes the user allows for `base-image: ssm:…`, besides /aws/service/. */
  ssmParameterPrefixes: string[];
  provision: string;
  logPaths: string[];
  appVersion: string | undefined;
  instanceType: string;
  subnetIds: string[] | undefined;
  securityGroupIds: string[] | undefined;
  instanceProfile: string | undefined;
  force: boolean;
  keepOnFailure: boolean;
  timeoutMs: number;
  /** Encrypt the published image with this key. */
  kmsKey: KmsKey | undefined;
  /** Other regions to copy the published image to. */
  copyToRegions: string[];
  /** Workspace paths shipped as the application artifact ([]: none). */
  artifact: string[];
  /** The bucket to stage the artifact in; undefined: immut's own. */
  stagingBucket: string | undefined;
}

/** The AWS clients a bake uses. */
export interface BakeClients {
  /** EC2 in the bake region. */
  ec2: EC2Client;
  /** EC2 in any region (the bake region's is `ec2`), for the copies. */
  ec2For: (region: string) => EC2Client;
  ssm: SSMClient;
  /** S3 in the bake region and this account's id: needed only with an artifact, and made
   *  when the bake first stages it (after its first requests, issue #20). */
  staging?: () => Promise<StagingClients>;
}

export interface StagingClients {
  s3: S3Client;
  accountId: () => Promise<string>;
}

/** What bake() is given: its clients and the action's IO, clock, cleanup log and environment. */
export interface BakeDeps extends BakeClients {
  io: Pick<ActionIO, 'info' | 'warning' | 'debug' | 'group'>;
  clock: Clock;
  cleanup: CleanupLog;
  env: Env;
  /** GITHUB_WORKSPACE: where the provisioning script is read from. */
  workspace: string;
  /** The bake's timeout, when the caller already counts it (its clients retry throttling until
   *  it); otherwise counted from here. */
  deadline?: Deadline;
}

export interface Phase {
  name: string;
  ms: number;
}

export interface BakeResult {
  base: BaseImage;
  /** The bake region. */
  region: string;
  fingerprint: string;
  cacheHit: boolean;
  dryRun: boolean;
  /** The image in the outputs; absent on a dry run that would bake. */
  image: { imageId: string; name: string; how: 'cache' | 'baked' | 'earlier-attempt' } | undefined;
  /** The KMS key the image is encrypted with, and the intermediate it was copied from. */
  encryption: { kmsKeyId: string; intermediateId: string | undefined } | undefined;
  /** The image in each of copy-to-regions (`missing` only on a dry run). */
  copies: RegionCopy[];
  /** The name a new image gets (also on a dry run). */
  imageName: string;
  builder:
    { instanceId: string; subnetId: string; zone: string; adopted: boolean; terminated: boolean } | undefined;
  userData: EncodedUserData | undefined;
  provision: { script: string; filesDir: string | undefined; fileCount: number };
  /** The application artifact, and where it was staged (not on a cache hit or dry run). */
  artifact:
    | {
        sha256: string;
        size: number;
        paths: string[];
        entries: number;
        staged: { bucket: string; key: string; uploaded: boolean } | undefined;
      }
    | undefined;
  phases: Phase[];
}

/** Times phases on the action's clock. */
function phaseTimer(clock: Clock) {
  const phases: Phase[] = [];
  let start = clock.now();
  return {
    phases,
    end(name: string) {
      const now = clock.now();
      phases.push({ name, ms: now - start });
      start = now;
    },
  };
}

type PhaseTimer = ReturnType<typeof phaseTimer>;

/**
 * What every step of one bake shares: made once by bake() from its inputs and deps, and
 * passed to each step, which returns what it produces (bake() assembles the BakeResult).
 */
export interface BakeContext {
  inputs: BakeInputs;
  clients: BakeClients;
  io: BakeDeps['io'];
  clock: Clock;
  /** Records what the bake creates, for the post step. */
  cleanup: CleanupLog;
  /** The runner's environment: provenance, and the run's identity across attempts. */
  env: Env;
  /** GITHUB_WORKSPACE: where the provisioning script is read from. */
  workspace: string;
  /** The bake's timeout, counted from its start. */
  deadline: Deadline;
  /** The phases' times, for the summary. */
  timer: PhaseTimer;
}

function bakeContext(inputs: BakeInputs, deps: BakeDeps): BakeContext {
  return {
    inputs,
    clients: {
      ec2: deps.ec2,
      ec2For: deps.ec2For,
      ssm: deps.ssm,
      ...(deps.staging ? { staging: deps.staging } : {}),
    },
    io: deps.io,
    clock: deps.clock,
    cleanup: deps.cleanup,
    env: deps.env,
    workspace: deps.workspace,
    deadline: deps.deadline ?? deadlineFrom(deps.clock, inputs.timeoutMs),
    timer: phaseTimer(deps.clock),
  };
}

/** What publish.ts needs of the context. */
function publishDeps(ctx: BakeContext): PublishDeps {
  return { ec2For: ctx.clients.ec2For, io: ctx.io, clock: ctx.clock, cleanup: ctx.cleanup };
}

/** Identifies the workflow run across attempts (GITHUB_RUN_ID). */
const runKeyOf = (ctx: Pick<BakeContext, 'inputs' | 'env'>): string =>
  ctx.env['GITHUB_RUN_ID'] ?? `build-${ctx.inputs.identity.build}`;

/** What the bake makes, settled before anything is looked up or launched. */
interface Recipe {
  base: BaseImage;
  provision: Provision;
  /** The packed application artifact, when one was given. */
  artifact: PackedArtifact | undefined;
  content: BakeContent;
  fingerprint: string;
  /** The name a new image gets (also on a dry run). */
  name: string;
  spec: PublishSpec;
}

function publishSpec(
  ctx: BakeContext,
  fp: string,
  base: BaseImage,
  name: string,
  artifact: PackedArtifact | undefined,
): PublishSpec {
  const { inputs } = ctx;
  const { role, env, build } = inputs.identity;
  return {
    identity: inputs.identity,
    home: inputs.region,
    fingerprint: fp,
    kmsKey: inputs.kmsKey,
    copyToRegions: inputs.copyToRegions,
    tags: standardTags(inputs.identity, provenanceFromEnv(ctx.env), name, {
      [TAG.fingerprint]: fp,
      [TAG.baseImage]: base.imageId,
      ...(artifact ? artifactTags(artifact) : {}),
    }),
    // Per attempt: a re-run finds an earlier attempt's images by name instead.
    tokenSeed: [runKeyOf(ctx), ctx.env['GITHUB_RUN_ATTEMPT'] ?? '1', env, role, build, fp].join('\0'),
  };
}

/** Resolves the OS head, reads the provisioning and fingerprints the two. */
async function resolveRecipe(ctx: BakeContext): Promise<Recipe> {
  const { inputs, io } = ctx;
  parseBaseImage(inputs.baseImage); // input errors before any call
  const provision = readProvision(ctx.workspace, inputs.provision);
  const artifact =
    inputs.artifact.length > 0
      ? packArtifact(ctx.workspace, inputs.artifact, { input: 'artifact', expected: ARTIFACT_EXPECTED })
      : undefined;
  if (artifact)
    io.info(
      `Artifact: ${artifact.entries} entries from ${artifact.paths.join(', ')}, ${artifact.size} bytes packed, sha256 ${artifact.sha256}`,
    );
  const digest = artifact ? { sha256: artifact.sha256, size: artifact.size } : undefined;
  const base = await resolveBaseImage(ctx.clients, inputs.baseImage, inputs.ssmParameterPrefixes);
  io.info(`OS head: ${base.imageId} (${base.name}, ${base.creationDate}) from ${base.from}`);
  const content: BakeContent = {
    role: inputs.identity.role,
    env: inputs.identity.env,
    ...(inputs.appVersion === undefined ? {} : { appVersion: inputs.appVersion }),
    logPaths: [...inputs.logPaths].sort(),
    script: provision.script,
    files: provision.files,
  };
  const publication: Publication = { kmsKeyId: inputs.kmsKey?.raw, copyToRegions: inputs.copyToRegions };
  const fp = fingerprint(base.imageId, content, publication, digest);
  io.info(`Fingerprint: ${fp}`);
  io.debug(
    `Fingerprint of: ${JSON.stringify(fingerprintDescription(base.imageId, content, publication, digest))}`,
  );
  const name = imageName(inputs.identity, fp);
  const spec = publishSpec(ctx, fp, base, name, artifact);
  return { base, provision, artifact, content, fingerprint: fp, name, spec };
}

function userDataFor(
  inputs: BakeInputs,
  content: BakeContent,
  bakeId: string,
  artifact: BuilderArtifact | undefined,
): EncodedUserData {
  const encoded = encodeUserData(
    renderBuilderScript({
      ...content,
      bakeId,
      selfDestructMinutes: selfDestructMinutes(inputs.timeoutMs),
      ...(artifact ? { artifact } : {}),
    }),
  );
  if (encoded.bytes.length > USER_DATA_LIMIT_BYTES) {
    throw new InputError([
      `Input 'provision' was '${inputs.provision}': the script and its shipped files make ${encoded.bytes.length} bytes of user data${encoded.compressed ? ' even compressed' : ''}, over EC2's limit of ${USER_DATA_LIMIT_BYTES}; expected a smaller script — fetch large files from S3 or a package repository instead of shipping them.`,
    ]);
  }
  return encoded;
}

/** The builder to launch: its user data (the provisioning script) and its network. */
async function planBuilder(
  ctx: BakeContext,
  recipe: Recipe,
  artifact: BuilderArtifact | undefined,
): Promise<{ plan: BuilderPlan; userData: EncodedUserData }> {
  const { inputs } = ctx;
  const fp = recipe.fingerprint;
  const bakeId = bakeIdFor(runKeyOf(ctx), fp);
  const userData = userDataFor(inputs, recipe.content, bakeId, artifact);
  const network = await resolveNetwork(
    ctx.clients.ec2,
    inputs.subnetIds,
    inputs.securityGroupIds,
    inputs.region,
  );
  const plan: BuilderPlan = {
    identity: inputs.identity,
    fingerprint: fp,
    bakeId,
    baseImageId: recipe.base.imageId,
    instanceType: inputs.instanceType,
    instanceProfile: inputs.instanceProfile,
    network,
    userData: userData.bytes,
    runKey: runKeyOf(ctx),
    tags: standardTags(inputs.identity, provenanceFromEnv(ctx.env), builderName(inputs.identity), {
      [TAG.component]: BUILDER_COMPONENT,
      [TAG.fingerprint]: fp,
      [TAG.baseImage]: recipe.base.imageId,
    }),
  };
  return { plan, userData };
}

/** Checks, without launching, that the caller may launch the builder (EC2 DryRun). */
async function checkLaunchPermission(ec2: EC2Client, plan: BuilderPlan): Promise<void> {
  const subnet = plan.network.subnets[0];
  if (!subnet) return;
  try {
    await ec2.send(new RunInstancesCommand(runInstancesInput(plan, subnet.id, undefined, true)));
  } catch (error) {
    if ((error as Error).name === 'DryRunOperation') return;
    throw error;
  }
  throw new Error('RunInstances with DryRun succeeded instead of answering DryRunOperation');
}

interface ObtainedBuilder {
  instanceId: string;
  subnetId: string;
  zone: string;
  adopted: boolean;
}

/**
 * The builder of this bake: one an earlier attempt of this run left running (adopted, so a
 * re-run never starts a second one), or a new one. A stopped leftover that did not succeed
 * is terminated first; it cannot be imaged.
 */
async function obtainBuilder(ctx: BakeContext, plan: BuilderPlan): Promise<ObtainedBuilder> {
  const { inputs, io, cleanup, clock } = ctx;
  const { ec2 } = ctx.clients;
  const record = (id: string) => cleanup.record({ kind: KIND.builder, id, region: inputs.region });
  const live = await findLiveBuilders(ec2, plan.identity, plan.fingerprint);
  for (const extra of live.slice(1)) {
    io.warning(`Terminating duplicate builder ${extra.InstanceId} of this bake.`);
    await terminateBuilder(ec2, extra.InstanceId ?? '', plan.identity);
  }
  const earlier: Instance | undefined = live[0];
  if (earlier?.InstanceId) {
    const id = earlier.InstanceId;
    const adopt = (): ObtainedBuilder => {
      record(id);
      io.info(`Adopting builder ${id} (${earlier.State?.Name}) left by an earlier attempt of this run.`);
      return {
        instanceId: id,
        subnetId: earlier.SubnetId ?? '',
        zone: earlier.Placement?.AvailabilityZone ?? '',
        adopted: true,
      };
    };
    if (earlier.State?.Name !== 'stopped') return adopt();
    const seen = await readBuilderConsole(ec2, id, plan.bakeId, {
      clock,
      timeoutMs: 0,
      log: (l) => io.debug(l),
    });
    if (seen.outcome.outcome === 'success') return adopt();
    io.info(`Builder ${id} of an earlier attempt stopped without success; terminating it and starting over.`);
    await terminateBuilder(ec2, id, plan.identity);
  }
  const launched = await launchBuilder(ec2, plan, record, io);
  io.info(
    `Launched builder ${launched.instanceId} (${inputs.instanceType}) in ${launched.zone} (${launched.subnetId}).`,
  );
  return { ...launched, adopted: false };
}

async function showConsole(io: BakeDeps['io'], instanceId: string, seen: BuilderConsole): Promise<void> {
  // The console is the provisioning script's output: shown as text, never obeyed.
  await io.group(`Console output of builder ${instanceId}`, async () => printUntrusted(io, seen.text));
}

function consoleFailure(instanceId: string, seen: BuilderConsole, deadlineMinutes: number): UserError {
  const tail = consoleTail(seen.text).join('\n') || '(the console was empty)';
  if (seen.outcome.outcome === 'failure') {
    return new UserError(
      `Provisioning failed on builder ${instanceId}: step '${seen.outcome.step}' exited with status ${seen.outcome.exitCode}. Last lines of its console:\n${tail}`,
    );
  }
  return new UserError(
    `Builder ${instanceId} powered off without reporting success or failure: its ${deadlineMinutes}-minute self-destruct deadline may have passed, or cloud-init did not run its user data. Last lines of its console:\n${tail}`,
  );
}

/** What the builder is imaged as: the image itself, or the unencrypted intermediate. */
interface ImageTarget {
  name: string;
  tags: Tags;
  description: string;
}

/** What the builder is imaged as: the image itself, or (encrypted bakes) the intermediate,
 *  which never carries the fingerprint, so the cache can never match it. */
function imageTarget(ctx: BakeContext, recipe: Recipe): ImageTarget {
  const { inputs } = ctx;
  const { base, spec, name } = recipe;
  const { identity } = inputs;
  const description = `immut ${identity.env}/${identity.role} ${identity.build}: ${base.name} + ${inputs.provision}`;
  if (!inputs.kmsKey) return { name, tags: tagsAtCreation(spec), description };
  const intermediate = intermediateImageName(identity, spec.fingerprint);
  return {
    name: intermediate,
    tags: standardTags(identity, provenanceFromEnv(ctx.env), intermediate, {
      [TAG.component]: INTERMEDIATE_COMPONENT,
      [TAG.baseImage]: base.imageId,
    }),
    description,
  };
}

/** Provisions on the builder and images it; returns the new image id. */
async function buildImage(
  ctx: BakeContext,
  builder: ObtainedBuilder,
  plan: BuilderPlan,
  target: ImageTarget,
  lastBuilderMs: number | undefined,
): Promise<string> {
  const { inputs, io, clock, cleanup, deadline, timer } = ctx;
  const { ec2 } = ctx.clients;
  const log = (line: string) => io.info(line);
  // An adopted builder has been running for a while: the last bake's length says nothing of
  // when it ends.
  const expectedMs = builder.adopted ? undefined : lastBuilderMs;
  if (expectedMs !== undefined)
    io.info(
      `The role's last bake ran its builder for ${formatDuration(expectedMs)} (its image's ${TAG.builderSeconds} tag).`,
    );
  const timing = await watchBuilder(ec2, builder.instanceId, {
    clock,
    deadline,
    log,
    ...(expectedMs !== undefined ? { expectedMs } : {}),
  });
  const seen = await readBuilderConsole(ec2, builder.instanceId, plan.bakeId, {
    clock,
    timeoutMs: Math.min(CONSOLE_SETTLE_MS, deadline.remaining()),
    log,
  });
  await showConsole(io, builder.instanceId, seen);
  if (seen.outcome.outcome !== 'success') {
    throw consoleFailure(builder.instanceId, seen, selfDestructMinutes(inputs.timeoutMs));
  }
  timer.end('builder');
  // Only a builder watched from its launch has a length worth recording.
  const seconds = builder.adopted ? undefined : Math.max(1, Math.round(builderDurationMs(timing) / 1000));
  const imageId = await createImage(ec2, {
    instanceId: builder.instanceId,
    name: target.name,
    description: target.description,
    tags: seconds !== undefined ? { ...target.tags, [TAG.builderSeconds]: String(seconds) } : target.tags,
  });
  cleanup.record({ kind: KIND.image, id: imageId, region: inputs.region });
  io.info(`Creating image ${imageId} (${target.name}) from builder ${builder.instanceId}.`);
  await waitForImage(ec2, imageId, { clock, deadline, log, justCreated: true });
  timer.end('image');
  return imageId;
}

/**
 * A cache hit can come after an earlier attempt of this build was killed between imaging and
 * terminating its builder (the runner never ran its post step): that builder is this build's
 * to remove, or it would outlive the bake.
 */
async function removeLeftoverBuilders(ctx: BakeContext, fp: string): Promise<void> {
  const { ec2 } = ctx.clients;
  const { identity } = ctx.inputs;
  for (const leftover of await findLiveBuilders(ec2, identity, fp)) {
    const id = leftover.InstanceId ?? '';
    if (await terminateBuilder(ec2, id, identity)) {
      ctx.io.info(`Terminated builder ${id}, left by an earlier attempt of this build.`);
    }
  }
}

/** Terminates the builder unless the run failed and keep-on-failure asks to keep it. */
async function finishBuilder(ctx: BakeContext, builder: ObtainedBuilder, failed: boolean): Promise<boolean> {
  const { inputs, io, cleanup } = ctx;
  if (failed && inputs.keepOnFailure) {
    io.warning(
      `keep-on-failure is set: builder ${builder.instanceId} is kept for debugging; terminate it when done.`,
    );
    return false;
  }
  try {
    await terminateBuilder(ctx.clients.ec2, builder.instanceId, inputs.identity);
    cleanup.forget(KIND.builder, builder.instanceId);
    io.info(`Terminated builder ${builder.instanceId}.`);
    return true;
  } catch (error) {
    // The post step retries from the saved state; the bake's own error stays the one reported.
    io.warning(
      `Could not terminate builder ${builder.instanceId} now (the post step will retry): ${describeError(error)}`,
    );
    if (!failed) throw error;
    return false;
  }
}

/**
 * An image an earlier attempt of this run already created under this name, if usable: from
 * the role's images as listed at the start (they carry this role's tags, as every image immut
 * makes does from its CreateImage on), so no call of its own.
 */
async function earlierAttemptImage(
  ctx: BakeContext,
  name: string,
  roleImages: RoleImages,
): Promise<string | undefined> {
  const { inputs, io } = ctx;
  const { ec2 } = ctx.clients;
  const existing = roleImages.byName.get(name);
  if (!existing) return undefined;
  assertManaged({ kind: 'image', id: existing.imageId, tags: existing.tags }, inputs.identity);
  if (existing.state === 'available' || existing.state === 'pending') {
    io.info(
      `Image ${existing.imageId} (${name}) was already created by an earlier attempt of this run; reusing it.`,
    );
    ctx.cleanup.record({ kind: KIND.image, id: existing.imageId, region: inputs.region });
    await waitForImage(ec2, existing.imageId, {
      clock: ctx.clock,
      deadline: ctx.deadline,
      log: (l) => io.info(l),
    });
    return existing.imageId;
  }
  // A failed image of an earlier attempt only blocks the name; it is this run's to remove.
  io.info(`Removing ${existing.state} image ${existing.imageId} of an earlier attempt.`);
  await removeImage(ec2, existing.imageId, inputs.identity, io);
  return undefined;
}

async function terminateLeftoverBuilders(ctx: BakeContext, fp: string): Promise<void> {
  const { ec2 } = ctx.clients;
  const { identity } = ctx.inputs;
  for (const leftover of await findLiveBuilders(ec2, identity, fp)) {
    await terminateBuilder(ec2, leftover.InstanceId ?? '', identity);
  }
}

/** An image made on a builder, and that builder's fate. */
interface BuilderImage {
  imageId: string;
  builder: NonNullable<BakeResult['builder']>;
}

/** Launches (or adopts) the builder, images it as `target`, and terminates it. */
async function bakeOnBuilder(
  ctx: BakeContext,
  plan: BuilderPlan,
  target: ImageTarget,
  lastBuilderMs: number | undefined,
): Promise<BuilderImage> {
  const builder = await obtainBuilder(ctx, plan);
  let failed = true;
  let imageId: string;
  let terminated: boolean;
  try {
    imageId = await buildImage(ctx, builder, plan, target, lastBuilderMs);
    failed = false;
  } finally {
    terminated = await finishBuilder(ctx, builder, failed);
  }
  return { imageId, builder: { ...builder, terminated } };
}

/** This run's image in the bake region, and the builder that made it (if this attempt did). */
interface ThisRunImage {
  imageId: string;
  how: 'baked' | 'earlier-attempt';
  /** The unencrypted image an encrypted bake copied (and deleted). */
  intermediateId: string | undefined;
  builder: BakeResult['builder'];
}

/**
 * This run's image in the bake region: one an earlier attempt of the run made, or a new
 * bake; encrypted bakes image the builder as the intermediate and then encrypt it.
 */
async function imageOfThisRun(
  ctx: BakeContext,
  recipe: Recipe,
  plan: BuilderPlan,
  roleImages: RoleImages,
): Promise<ThisRunImage> {
  const { inputs, timer } = ctx;
  const { ec2 } = ctx.clients;
  const { name, spec } = recipe;
  const target = imageTarget(ctx, recipe);
  const earlier = await earlierAttemptImage(ctx, name, roleImages);
  if (earlier) {
    await terminateLeftoverBuilders(ctx, spec.fingerprint);
    // The earlier attempt may have stopped between encrypting and deleting the intermediate
    // (removeImage re-reads its tags before it deletes anything).
    const leftover = inputs.kmsKey ? roleImages.byName.get(target.name) : undefined;
    if (leftover) await dropIntermediate(ec2, leftover.imageId, inputs.identity, publishDeps(ctx));
    timer.end('image');
    return { imageId: earlier, how: 'earlier-attempt', intermediateId: undefined, builder: undefined };
  }
  const earlierSource = inputs.kmsKey ? await earlierAttemptImage(ctx, target.name, roleImages) : undefined;
  let source: { imageId: string; builder: BakeResult['builder'] };
  if (earlierSource) {
    await terminateLeftoverBuilders(ctx, spec.fingerprint);
    timer.end('image');
    source = { imageId: earlierSource, builder: undefined };
  } else {
    source = await bakeOnBuilder(ctx, plan, target, roleImages.lastBuilderMs);
  }
  const how = earlierSource ? 'earlier-attempt' : 'baked';
  if (!inputs.kmsKey)
    return { imageId: source.imageId, how, intermediateId: undefined, builder: source.builder };
  const imageId = await encryptImage(
    { imageId: source.imageId, name: target.name },
    name,
    spec,
    publishDeps(ctx),
    ctx.deadline,
  );
  timer.end('encrypt');
  return { imageId, how, intermediateId: source.imageId, builder: source.builder };
}

/** On a cache hit: removes an earlier attempt's leftover builders and makes good the copies. */
async function reuseCached(ctx: BakeContext, recipe: Recipe, cached: ImageRef): Promise<RegionCopy[]> {
  const { inputs, io, timer } = ctx;
  io.info(
    `Cache hit: image ${cached.imageId} (${cached.name}) already has this fingerprint; nothing to bake.`,
  );
  if (!inputs.dryRun) await removeLeftoverBuilders(ctx, recipe.fingerprint);
  // The copies are part of the artefact: make any that has gone missing since.
  const copies = inputs.dryRun
    ? await planCopies(cached, recipe.spec, publishDeps(ctx))
    : await ensureCopies(cached, recipe.spec, publishDeps(ctx), ctx.deadline, false);
  if (copies.length > 0) timer.end('copies');
  return copies;
}

/** A dry run that would bake: checks the launch is permitted and plans the copies. */
async function planBake(ctx: BakeContext, recipe: Recipe, plan: BuilderPlan): Promise<RegionCopy[]> {
  const { inputs } = ctx;
  await checkLaunchPermission(ctx.clients.ec2, plan);
  const then = [
    inputs.kmsKey ? `encrypt it with KMS key ${inputs.kmsKey.raw}` : '',
    inputs.copyToRegions.length > 0 ? `copy it to ${inputs.copyToRegions.join(', ')}` : '',
  ].filter((x) => x !== '');
  ctx.io.info(
    `Dry run: would bake ${recipe.name} on a ${inputs.instanceType} builder${then.length > 0 ? `, ${then.join(' and ')}` : ''}; EC2 confirms RunInstances is permitted.`,
  );
  return planCopies(undefined, recipe.spec, publishDeps(ctx));
}

/** Copies this run's image to the other regions and marks it published once they exist. */
async function publish(ctx: BakeContext, recipe: Recipe, made: ImageRef): Promise<RegionCopy[]> {
  const copies = await ensureCopies(made, recipe.spec, publishDeps(ctx), ctx.deadline, true);
  if (copies.length > 0) {
    await markPublished(ctx.clients.ec2, made.imageId, recipe.spec);
    ctx.timer.end('copies');
  }
  ctx.io.info(
    `Image ${made.imageId} (${made.name}) is available${copies.length > 0 ? `, with copies in ${copies.map((c) => `${c.region} (${c.imageId})`).join(', ')}` : ''}; bake took ${formatDuration(ctx.timer.phases.reduce((a, p) => a + p.ms, 0))}.`,
  );
  return copies;
}

/** What differs between a cache hit, a dry run and a bake. */
type Outcome = Pick<BakeResult, 'cacheHit' | 'image' | 'copies' | 'builder' | 'userData'> & {
  intermediateId?: string | undefined;
};

function bakeResult(ctx: BakeContext, recipe: Recipe, outcome: Outcome, staged?: StagedArtifact): BakeResult {
  const { inputs } = ctx;
  const packed = recipe.artifact;
  return {
    base: recipe.base,
    region: inputs.region,
    fingerprint: recipe.fingerprint,
    cacheHit: outcome.cacheHit,
    dryRun: inputs.dryRun,
    image: outcome.image,
    imageName: recipe.name,
    encryption: inputs.kmsKey
      ? { kmsKeyId: inputs.kmsKey.raw, intermediateId: outcome.intermediateId }
      : undefined,
    copies: outcome.copies,
    builder: outcome.builder,
    userData: outcome.userData,
    provision: {
      script: inputs.provision,
      filesDir: recipe.provision.filesDir,
      fileCount: recipe.provision.files.length,
    },
    artifact: packed
      ? {
          sha256: packed.sha256,
          size: packed.size,
          paths: packed.paths,
          entries: packed.entries,
          staged: staged?.where,
        }
      : undefined,
    phases: ctx.timer.phases,
  };
}

/** The artifact as the builder gets it, and where it was staged (nothing on a dry run). */
interface StagedArtifact {
  forBuilder: BuilderArtifact;
  where: { bucket: string; key: string; uploaded: boolean } | undefined;
}

/** A URL that stands in for the presigned one on a dry run (for the user data's size). */
const DRY_RUN_URL_PAD = 'X'.repeat(900);

/**
 * Stages the artifact (immut's bucket made if missing, the pack uploaded unless already
 * there) and presigns its GET until the bake's deadline. A dry run stages nothing.
 */
async function prepareArtifact(ctx: BakeContext, packed: PackedArtifact): Promise<StagedArtifact> {
  const { inputs, io, clients } = ctx;
  // Loaded here, not at start: S3's code is most of a bake's SDK, and no request before the
  // artifact's needs it.
  const { artifactKey, ensureStagingBucket, presignArtifact, stageArtifact, stagingBucketName } =
    await import('./artifact.js');
  if (inputs.dryRun) {
    const bucket = inputs.stagingBucket ?? stagingBucketName('<account>', inputs.region);
    io.info(`Dry run: would stage the artifact as s3://${bucket}/${artifactKey(packed.sha256)}.`);
    const url = `https://s3.${inputs.region}.amazonaws.com/${bucket}/${artifactKey(packed.sha256)}?${DRY_RUN_URL_PAD}`;
    return { forBuilder: { url, sha256: packed.sha256, size: packed.size }, where: undefined };
  }
  if (!clients.staging) throw new Error('bake-image needs an S3 client to stage the artifact');
  const { s3, accountId } = await clients.staging();
  const deps: StagingDeps = {
    s3,
    account: await accountId(),
    region: inputs.region,
    io,
  };
  const bucket = await ensureStagingBucket(deps, inputs.stagingBucket);
  const uploaded = await stageArtifact(deps, bucket.name, packed);
  const forBuilder = await presignArtifact(deps, bucket.name, packed, ctx.deadline.remaining());
  ctx.timer.end('artifact');
  return { forBuilder, where: { bucket: bucket.name, key: artifactKey(packed.sha256), uploaded } };
}

export async function bake(inputs: BakeInputs, deps: BakeDeps): Promise<BakeResult> {
  const ctx = bakeContext(inputs, deps);
  const recipe = await resolveRecipe(ctx);
  const roleImages = await findRoleImages(ctx.clients.ec2, inputs.identity, recipe.fingerprint);
  const cached = inputs.force ? undefined : roleImages.cached;
  ctx.timer.end('resolve');
  if (cached) {
    const image: ImageRef = { imageId: cached.imageId, name: cached.name };
    const copies = await reuseCached(ctx, recipe, image);
    return bakeResult(ctx, recipe, {
      cacheHit: true,
      image: { ...image, how: 'cache' },
      copies,
      builder: undefined,
      userData: undefined,
    });
  }
  if (inputs.force) ctx.io.info('force is set: baking even if an image with this fingerprint exists.');
  const staged = recipe.artifact ? await prepareArtifact(ctx, recipe.artifact) : undefined;
  const { plan, userData } = await planBuilder(ctx, recipe, staged?.forBuilder);
  if (inputs.dryRun) {
    const copies = await planBake(ctx, recipe, plan);
    return bakeResult(
      ctx,
      recipe,
      {
        cacheHit: false,
        image: undefined,
        copies,
        builder: undefined,
        userData,
      },
      staged,
    );
  }
  const made = await imageOfThisRun(ctx, recipe, plan, roleImages);
  const copies = await publish(ctx, recipe, { imageId: made.imageId, name: recipe.name });
  return bakeResult(
    ctx,
    recipe,
    {
      cacheHit: false,
      image: { imageId: made.imageId, name: recipe.name, how: made.how },
      intermediateId: made.intermediateId,
      copies,
      builder: made.builder,
      userData,
    },
    staged,
  );
}
