// The bake, start to finish: resolve the OS head, fingerprint, reuse a cached image or
// launch a builder, watch it, read its console, image it, and always terminate it.
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
import { builderName, imageName } from '../../packages/core/src/naming.js';
import type { Env } from '../../packages/core/src/provenance.js';
import { provenanceFromEnv } from '../../packages/core/src/provenance.js';
import { TAG, assertManaged, standardTags } from '../../packages/core/src/tags.js';
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
import { fingerprint, fingerprintDescription, type BakeContent } from './fingerprint.js';
import { createImage, findCachedImage, findImageByName, removeImage, waitForImage } from './image.js';
import { resolveNetwork } from './network.js';
import { readProvision } from './provision.js';

/** Cleanup kinds this action records (undone by the post step). */
export const KIND = { builder: 'builder', image: 'image' } as const;

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
}

export interface BakeDeps {
  ec2: EC2Client;
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
  fingerprint: string;
  cacheHit: boolean;
  dryRun: boolean;
  /** The image in the outputs; absent on a dry run that would bake. */
  image: { imageId: string; name: string; how: 'cache' | 'baked' | 'earlier-attempt' } | undefined;
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

/** Provisions on the builder and images it; returns the new image id. */
async function buildImage(
  builder: ObtainedBuilder,
  plan: BuilderPlan,
  name: string,
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
    name,
    description: `immut ${inputs.identity.env}/${inputs.identity.role} ${inputs.identity.build}: ${base.name} + ${inputs.provision}`,
    tags: standardTags(inputs.identity, provenanceFromEnv(deps.env), name, {
      [TAG.fingerprint]: plan.fingerprint,
      [TAG.baseImage]: base.imageId,
    }),
  });
  cleanup.record({ kind: KIND.image, id: imageId, region: inputs.region });
  io.info(`Creating image ${imageId} (${name}) from builder ${builder.instanceId}.`);
  await waitForImage(ec2, imageId, { clock, deadline, log });
  timer.end('image');
  return imageId;
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
  const fp = fingerprint(base.imageId, content);
  io.info(`Fingerprint: ${fp}`);
  io.debug(`Fingerprint of: ${JSON.stringify(fingerprintDescription(base.imageId, content))}`);
  const name = imageName(inputs.identity, fp);
  const result: BakeResult = {
    base,
    fingerprint: fp,
    cacheHit: false,
    dryRun: inputs.dryRun,
    image: undefined,
    imageName: name,
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
    return { ...result, cacheHit: true, image: { imageId: cached.imageId, name: cached.name, how: 'cache' } };
  }
  if (inputs.force) io.info('force is set: baking even if an image with this fingerprint exists.');
  const bakeId = bakeIdFor(deps.env['GITHUB_RUN_ID'] ?? `build-${inputs.identity.build}`, fp);
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
    runKey: deps.env['GITHUB_RUN_ID'] ?? `build-${inputs.identity.build}`,
    tags: standardTags(inputs.identity, provenanceFromEnv(deps.env), builderName(inputs.identity), {
      [TAG.component]: BUILDER_COMPONENT,
      [TAG.fingerprint]: fp,
      [TAG.baseImage]: base.imageId,
    }),
  };
  if (inputs.dryRun) {
    await checkLaunchPermission(ec2, plan);
    io.info(
      `Dry run: would bake ${name} on a ${inputs.instanceType} builder; EC2 confirms RunInstances is permitted.`,
    );
    return result;
  }
  const earlier = await earlierAttemptImage(ec2, name, inputs, deps, deadline);
  if (earlier) {
    for (const leftover of await findLiveBuilders(ec2, inputs.identity, fp)) {
      await terminateBuilder(ec2, leftover.InstanceId ?? '', inputs.identity);
    }
    timer.end('image');
    return { ...result, image: { imageId: earlier, name, how: 'earlier-attempt' } };
  }
  const builder = await obtainBuilder(plan, inputs, deps);
  let failed = true;
  let imageId: string;
  try {
    imageId = await buildImage(builder, plan, name, base, inputs, deps, deadline, timer);
    failed = false;
  } finally {
    const terminated = await finishBuilder(builder, inputs, deps, failed);
    result.builder = { ...builder, terminated };
  }
  io.info(
    `Image ${imageId} (${name}) is available; bake took ${formatDuration(result.phases.reduce((a, p) => a + p.ms, 0))}.`,
  );
  return { ...result, image: { imageId, name, how: 'baked' } };
}
