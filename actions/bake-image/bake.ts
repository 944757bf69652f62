// The bake, start to finish: resolve the OS head, fingerprint, reuse a cached image or
// launch a builder, watch it, read its console, image it, and always terminate it; then
// publish the image (encrypt it, copy it to other regions: publish.ts).
// Plain functions over injected clients, so tests drive them against the sandbox.
import type { EC2Client, Instance } from '@aws-sdk/client-ec2';
import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { ActionIO } from '../../packages/core/src/action-io.js';
import {
  USER_DATA_LIMIT_BYTES,
  bakeIdFor,
  consoleTail,
  encodeUserData,
  renderBuilderScript,
  selfDestructMinutes,
  type EncodedUserData,
} from '../../packages/core/src/builder-protocol.js';
import type { CleanupLog } from '../../packages/core/src/cleanup.js';
import { formatDuration, type Clock } from '../../packages/core/src/clock.js';
import { InputError, UserError, describeError } from '../../packages/core/src/errors.js';
import type { Identity } from '../../packages/core/src/identity.js';
import { builderName, imageName, intermediateImageName } from '../../packages/core/src/naming.js';
import type { Env } from '../../packages/core/src/provenance.js';
import { provenanceFromEnv } from '../../packages/core/src/provenance.js';
import { TAG, assertManaged, standardTags, type Tags } from '../../packages/core/src/tags.js';
import { deadlineFrom, type Deadline } from '../../packages/core/src/wait.js';
import { parseBaseImage, resolveBaseImage, type BaseImage } from './base-image.js';
import {
  BUILDER_COMPONENT,
  CONSOLE_SETTLE_MS,
  findLiveBuilders,
  launchBuilder,
  readBuilderConsole,
  runInstancesInput,
  terminateBuilder,
  watchBuilder,
  type BuilderConsole,
  type BuilderPlan,
} from './builder.js';
import { fingerprint, fingerprintDescription, type BakeContent, type Publication } from './fingerprint.js';
import { createImage, findCachedImage, findImageByName, removeImage, waitForImage } from './image.js';
import type { KmsKey } from './kms-key.js';
import { resolveNetwork } from './network.js';
import { readProvision } from './provision.js';
import {
  IMAGE_KIND,
  dropIntermediate,
  encryptImage,
  ensureCopies,
  markPublished,
  planCopies,
  tagsAtCreation,
  type ImageRef,
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
}

export interface BakeDeps {
  /** EC2 in the bake region. */
  ec2: EC2Client;
  /** EC2 in any region (the bake region's is `ec2`), for the copies. */
  ec2For: (region: string) => EC2Client;
  ssm: SSMClient;
  io: Pick<ActionIO, 'info' | 'warning' | 'debug' | 'group'>;
  clock: Clock;
  cleanup: CleanupLog;
  env: Env;
  /** GITHUB_WORKSPACE: where the provisioning script is read from. */
  workspace: string;
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

function userDataFor(inputs: BakeInputs, content: BakeContent, bakeId: string): EncodedUserData {
  const encoded = encodeUserData(
    renderBuilderScript({ ...content, bakeId, selfDestructMinutes: selfDestructMinutes(inputs.timeoutMs) }),
  );
  if (encoded.bytes.length > USER_DATA_LIMIT_BYTES) {
    throw new InputError([
      `Input 'provision' was '${inputs.provision}': the script and its shipped files make ${encoded.bytes.length} bytes of user data${encoded.compressed ? ' even compressed' : ''}, over EC2's limit of ${USER_DATA_LIMIT_BYTES}; expected a smaller script — fetch large files from S3 or a package repository instead of shipping them.`,
    ]);
  }
  return encoded;
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
async function obtainBuilder(
  plan: BuilderPlan,
  inputs: BakeInputs,
  deps: BakeDeps,
): Promise<ObtainedBuilder> {
  const { ec2, io, cleanup, clock } = deps;
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
  await io.group(`Console output of builder ${instanceId}`, async () => {
    for (const line of seen.text.split(/\r?\n/)) io.info(line);
  });
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
}

/** Provisions on the builder and images it; returns the new image id. */
async function buildImage(
  builder: ObtainedBuilder,
  plan: BuilderPlan,
  target: ImageTarget,
  base: BaseImage,
  inputs: BakeInputs,
  deps: BakeDeps,
  deadline: Deadline,
  timer: ReturnType<typeof phaseTimer>,
): Promise<string> {
  const { ec2, io, clock, cleanup } = deps;
  const log = (line: string) => io.info(line);
  await watchBuilder(ec2, builder.instanceId, { clock, deadline, log });
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
  const imageId = await createImage(ec2, {
    instanceId: builder.instanceId,
    name: target.name,
    description: `immut ${inputs.identity.env}/${inputs.identity.role} ${inputs.identity.build}: ${base.name} + ${inputs.provision}`,
    tags: target.tags,
  });
  cleanup.record({ kind: KIND.image, id: imageId, region: inputs.region });
  io.info(`Creating image ${imageId} (${target.name}) from builder ${builder.instanceId}.`);
  await waitForImage(ec2, imageId, { clock, deadline, log });
  timer.end('image');
  return imageId;
}

/**
 * A cache hit can come after an earlier attempt of this build was killed between imaging and
 * terminating its builder (the runner never ran its post step): that builder is this build's
 * to remove, or it would outlive the bake.
 */
async function removeLeftoverBuilders(
  ec2: EC2Client,
  identity: BakeInputs['identity'],
  fingerprint: string,
  io: BakeDeps['io'],
): Promise<void> {
  for (const leftover of await findLiveBuilders(ec2, identity, fingerprint)) {
    const id = leftover.InstanceId ?? '';
    if (await terminateBuilder(ec2, id, identity)) {
      io.info(`Terminated builder ${id}, left by an earlier attempt of this build.`);
    }
  }
}

/** Terminates the builder unless the run failed and keep-on-failure asks to keep it. */
async function finishBuilder(
  builder: ObtainedBuilder,
  inputs: BakeInputs,
  deps: BakeDeps,
  failed: boolean,
): Promise<boolean> {
  const { ec2, io, cleanup } = deps;
  if (failed && inputs.keepOnFailure) {
    io.warning(
      `keep-on-failure is set: builder ${builder.instanceId} is kept for debugging; terminate it when done.`,
    );
    return false;
  }
  try {
    await terminateBuilder(ec2, builder.instanceId, inputs.identity);
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

/** An image an earlier attempt of this run already created under this name, if usable. */
async function earlierAttemptImage(
  ec2: EC2Client,
  name: string,
  inputs: BakeInputs,
  deps: BakeDeps,
  deadline: Deadline,
) {
  const existing = await findImageByName(ec2, name);
  if (!existing) return undefined;
  assertManaged({ kind: 'image', id: existing.imageId, tags: existing.tags }, inputs.identity);
  if (existing.state === 'available' || existing.state === 'pending') {
    deps.io.info(
      `Image ${existing.imageId} (${name}) was already created by an earlier attempt of this run; reusing it.`,
    );
    deps.cleanup.record({ kind: KIND.image, id: existing.imageId, region: inputs.region });
    await waitForImage(ec2, existing.imageId, { clock: deps.clock, deadline, log: (l) => deps.io.info(l) });
    return existing.imageId;
  }
  // A failed image of an earlier attempt only blocks the name; it is this run's to remove.
  deps.io.info(`Removing ${existing.state} image ${existing.imageId} of an earlier attempt.`);
  await removeImage(ec2, existing.imageId, inputs.identity);
  return undefined;
}

/** Identifies the workflow run across attempts (GITHUB_RUN_ID). */
const runKeyOf = (inputs: BakeInputs, env: Env): string =>
  env['GITHUB_RUN_ID'] ?? `build-${inputs.identity.build}`;

function publishSpec(
  inputs: BakeInputs,
  deps: BakeDeps,
  fp: string,
  base: BaseImage,
  name: string,
): PublishSpec {
  const { role, env, build } = inputs.identity;
  return {
    identity: inputs.identity,
    home: inputs.region,
    fingerprint: fp,
    kmsKey: inputs.kmsKey,
    copyToRegions: inputs.copyToRegions,
    tags: standardTags(inputs.identity, provenanceFromEnv(deps.env), name, {
      [TAG.fingerprint]: fp,
      [TAG.baseImage]: base.imageId,
    }),
    // Per attempt: a re-run finds an earlier attempt's images by name instead.
    tokenSeed: [runKeyOf(inputs, deps.env), deps.env['GITHUB_RUN_ATTEMPT'] ?? '1', env, role, build, fp].join(
      '\0',
    ),
  };
}

/** What the builder is imaged as: the image itself, or (encrypted bakes) the intermediate,
 *  which never carries the fingerprint, so the cache can never match it. */
function imageTarget(inputs: BakeInputs, deps: BakeDeps, spec: PublishSpec, name: string, base: BaseImage) {
  if (!inputs.kmsKey) return { name, tags: tagsAtCreation(spec) };
  const intermediate = intermediateImageName(inputs.identity, spec.fingerprint);
  return {
    name: intermediate,
    tags: standardTags(inputs.identity, provenanceFromEnv(deps.env), intermediate, {
      [TAG.component]: INTERMEDIATE_COMPONENT,
      [TAG.baseImage]: base.imageId,
    }),
  };
}

async function terminateLeftoverBuilders(ec2: EC2Client, identity: Identity, fp: string): Promise<void> {
  for (const leftover of await findLiveBuilders(ec2, identity, fp)) {
    await terminateBuilder(ec2, leftover.InstanceId ?? '', identity);
  }
}

/** Launches (or adopts) the builder, images it as `target`, and terminates it. */
async function bakeOnBuilder(
  plan: BuilderPlan,
  target: ImageTarget,
  base: BaseImage,
  inputs: BakeInputs,
  deps: BakeDeps,
  deadline: Deadline,
  timer: ReturnType<typeof phaseTimer>,
  result: BakeResult,
): Promise<string> {
  const builder = await obtainBuilder(plan, inputs, deps);
  let failed = true;
  try {
    const imageId = await buildImage(builder, plan, target, base, inputs, deps, deadline, timer);
    failed = false;
    return imageId;
  } finally {
    const terminated = await finishBuilder(builder, inputs, deps, failed);
    result.builder = { ...builder, terminated };
  }
}

/**
 * This run's image in the bake region: one an earlier attempt of the run made, or a new
 * bake; encrypted bakes image the builder as the intermediate and then encrypt it.
 */
async function imageOfThisRun(
  plan: BuilderPlan,
  spec: PublishSpec,
  base: BaseImage,
  inputs: BakeInputs,
  deps: BakeDeps,
  deadline: Deadline,
  timer: ReturnType<typeof phaseTimer>,
  result: BakeResult,
): Promise<{ imageId: string; how: 'baked' | 'earlier-attempt'; intermediateId: string | undefined }> {
  const { ec2 } = deps;
  const name = result.imageName;
  const target = imageTarget(inputs, deps, spec, name, base);
  const earlier = await earlierAttemptImage(ec2, name, inputs, deps, deadline);
  if (earlier) {
    await terminateLeftoverBuilders(ec2, inputs.identity, spec.fingerprint);
    // The earlier attempt may have stopped between encrypting and deleting the intermediate.
    const leftover = inputs.kmsKey ? await findImageByName(ec2, target.name) : undefined;
    if (leftover) await dropIntermediate(ec2, leftover.imageId, inputs.identity, deps);
    timer.end('image');
    return { imageId: earlier, how: 'earlier-attempt', intermediateId: undefined };
  }
  let source = inputs.kmsKey
    ? await earlierAttemptImage(ec2, target.name, inputs, deps, deadline)
    : undefined;
  const how = source ? 'earlier-attempt' : 'baked';
  if (source) {
    await terminateLeftoverBuilders(ec2, inputs.identity, spec.fingerprint);
    timer.end('image');
  } else {
    source = await bakeOnBuilder(plan, target, base, inputs, deps, deadline, timer, result);
  }
  if (!inputs.kmsKey) return { imageId: source, how, intermediateId: undefined };
  const imageId = await encryptImage({ imageId: source, name: target.name }, name, spec, deps, deadline);
  timer.end('encrypt');
  return { imageId, how, intermediateId: source };
}

export async function bake(inputs: BakeInputs, deps: BakeDeps): Promise<BakeResult> {
  const { ec2, io, clock } = deps;
  const deadline = deadlineFrom(clock, inputs.timeoutMs);
  const timer = phaseTimer(clock);
  parseBaseImage(inputs.baseImage); // input errors before any call
  const provision = readProvision(deps.workspace, inputs.provision);
  const base = await resolveBaseImage(deps, inputs.baseImage);
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
  const fp = fingerprint(base.imageId, content, publication);
  io.info(`Fingerprint: ${fp}`);
  io.debug(`Fingerprint of: ${JSON.stringify(fingerprintDescription(base.imageId, content, publication))}`);
  const name = imageName(inputs.identity, fp);
  const spec = publishSpec(inputs, deps, fp, base, name);
  const encryption = inputs.kmsKey ? { kmsKeyId: inputs.kmsKey.raw, intermediateId: undefined } : undefined;
  const result: BakeResult = {
    base,
    region: inputs.region,
    fingerprint: fp,
    cacheHit: false,
    dryRun: inputs.dryRun,
    image: undefined,
    imageName: name,
    encryption,
    copies: [],
    builder: undefined,
    userData: undefined,
    provision: { script: inputs.provision, filesDir: provision.filesDir, fileCount: provision.files.length },
    phases: timer.phases,
  };
  const cached = inputs.force ? undefined : await findCachedImage(ec2, inputs.identity, fp);
  timer.end('resolve');
  if (cached) {
    io.info(
      `Cache hit: image ${cached.imageId} (${cached.name}) already has this fingerprint; nothing to bake.`,
    );
    if (!inputs.dryRun) await removeLeftoverBuilders(ec2, inputs.identity, fp, io);
    const ref: ImageRef = { imageId: cached.imageId, name: cached.name };
    // The copies are part of the artefact: make any that has gone missing since.
    const copies = inputs.dryRun
      ? await planCopies(ref, spec, deps)
      : await ensureCopies(ref, spec, deps, deadline, false);
    if (copies.length > 0) timer.end('copies');
    return { ...result, cacheHit: true, image: { ...ref, how: 'cache' }, copies };
  }
  if (inputs.force) io.info('force is set: baking even if an image with this fingerprint exists.');
  const bakeId = bakeIdFor(runKeyOf(inputs, deps.env), fp);
  const userData = userDataFor(inputs, content, bakeId);
  result.userData = userData;
  const network = await resolveNetwork(ec2, inputs.subnetIds, inputs.securityGroupIds, inputs.region);
  const plan: BuilderPlan = {
    identity: inputs.identity,
    fingerprint: fp,
    bakeId,
    baseImageId: base.imageId,
    instanceType: inputs.instanceType,
    instanceProfile: inputs.instanceProfile,
    network,
    userData: userData.bytes,
    runKey: runKeyOf(inputs, deps.env),
    tags: standardTags(inputs.identity, provenanceFromEnv(deps.env), builderName(inputs.identity), {
      [TAG.component]: BUILDER_COMPONENT,
      [TAG.fingerprint]: fp,
      [TAG.baseImage]: base.imageId,
    }),
  };
  if (inputs.dryRun) {
    await checkLaunchPermission(ec2, plan);
    const then = [
      inputs.kmsKey ? `encrypt it with KMS key ${inputs.kmsKey.raw}` : '',
      inputs.copyToRegions.length > 0 ? `copy it to ${inputs.copyToRegions.join(', ')}` : '',
    ].filter((x) => x !== '');
    io.info(
      `Dry run: would bake ${name} on a ${inputs.instanceType} builder${then.length > 0 ? `, ${then.join(' and ')}` : ''}; EC2 confirms RunInstances is permitted.`,
    );
    return { ...result, copies: await planCopies(undefined, spec, deps) };
  }
  const made = await imageOfThisRun(plan, spec, base, inputs, deps, deadline, timer, result);
  const ref: ImageRef = { imageId: made.imageId, name };
  const copies = await ensureCopies(ref, spec, deps, deadline, true);
  if (copies.length > 0) {
    await markPublished(ec2, made.imageId, spec);
    timer.end('copies');
  }
  io.info(
    `Image ${made.imageId} (${name}) is available${copies.length > 0 ? `, with copies in ${copies.map((c) => `${c.region} (${c.imageId})`).join(', ')}` : ''}; bake took ${formatDuration(result.phases.reduce((a, p) => a + p.ms, 0))}.`,
  );
  return {
    ...result,
    image: { imageId: made.imageId, name, how: made.how },
    encryption: encryption && { ...encryption, intermediateId: made.intermediateId },
    copies,
  };
}
