// bake-image end to end: the BUILT bundle through the runner harness against the sandbox
// (whose builders follow core's builder protocol). Every scenario gets its own sandbox and
// workspace and they all run at once in beforeAll; the tests then read what happened.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BAKE_MARKERS } from '../../packages/core/src/builder-protocol.js';
import type { CallRecord, FaultSpec, InventoryItem, Sandbox } from '../../packages/sandbox/src/index.js';
import { SEED } from '../../packages/sandbox/src/index.js';
import {
  describeRun,
  errorsOf,
  runAction,
  runActionWithPost,
  type ActionRun,
  type ActionRunWithPost,
  type RunOptions,
} from '../harness/run-action.js';
import { documentedIamActions, iamActionsCalled, sandboxEnv, startE2eSandbox } from '../support/sandbox.js';

const ACTION = 'bake-image';
const AL_LATEST = 'ami-0a0000000000a2303';
const AL_SSM = 'ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const [SUBNET_A, SUBNET_B] = SEED.subnets.map((s) => s.subnetId);
const SCRIPT = 'deploy/api/provision.sh';

const INPUTS: Record<string, string> = {
  role: 'api',
  env: 'prod',
  'base-image': AL_SSM,
  provision: SCRIPT,
  'log-paths': '/var/log/api/*.log',
  'app-version': '1.2.3',
};

const sandboxes: Sandbox[] = [];
const workspaces: string[] = [];

async function sandbox(faults: FaultSpec[] = []): Promise<Sandbox> {
  const sb = await startE2eSandbox({ faults });
  sandboxes.push(sb);
  return sb;
}

/** A workspace with the role's provisioning script and one shipped file. */
function workspace(script = '#!/bin/bash\nset -e\ndnf install -y nginx\n'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'immut-bake-ws-'));
  workspaces.push(dir);
  mkdirSync(path.join(dir, 'deploy/api/provision.files/etc'), { recursive: true });
  writeFileSync(path.join(dir, SCRIPT), script);
  writeFileSync(path.join(dir, 'deploy/api/provision.files/etc/app.conf'), 'port=8080\n');
  return dir;
}

function options(
  sb: Sandbox,
  cwd: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): RunOptions {
  return {
    // A generous deadline: at the e2e time scale an hour passes in 1.8 wall seconds, while
    // process start-up and the SDK's retry back-off take real seconds.
    inputs: { ...INPUTS, timeout: '24h', ...inputs },
    env: { ...sandboxEnv(sb), ...env },
    cwd,
    timeoutMs: 60_000,
  };
}

const builders = (sb: Sandbox): InventoryItem[] =>
  sb.inventory().filter((i) => i.kind === 'instance' && i.tags['immut:component'] === 'builder');
/** Builders not terminated. (Terminated ones leave the inventory after an hour of sandbox
 *  time, under two wall seconds here, so what was terminated is read from the call log.) */
const liveBuilders = (sb: Sandbox): InventoryItem[] => builders(sb).filter((b) => !gone(b));
/** Builders a run launched, from its log. */
const launched = (run: ActionRun): string[] =>
  [...run.logLines.join('\n').matchAll(/Launched builder (i-[0-9a-f]+)/g)].map((m) => m[1]!);
/** Instances terminated successfully, from a call log. */
const terminated = (log: CallRecord[]): string[] =>
  log
    .filter((c) => c.operation === 'TerminateInstances' && c.outcome === 'ok')
    .flatMap((c) => c.params.InstanceId as string[]);
const images = (sb: Sandbox): InventoryItem[] => sb.inventory().filter((i) => i.kind === 'image');
const snapshots = (sb: Sandbox): InventoryItem[] => sb.inventory().filter((i) => i.kind === 'snapshot');
const calls = (sb: Sandbox, operation: string): CallRecord[] =>
  sb.calls().filter((c) => c.operation === operation);
const gone = (item: InventoryItem | undefined): boolean =>
  item?.state === 'shutting-down' || item?.state === 'terminated';
const errorText = (run: ActionRun): string =>
  errorsOf(run)
    .map((a) => a.message)
    .join('\n');

function expectSuccess(run: ActionRun | undefined): asserts run is ActionRun {
  if (!run || run.exitCode !== 0) throw new Error(run ? describeRun(run) : 'step did not run');
}

// --- scenarios ---------------------------------------------------------------------------

interface Fresh {
  sb: Sandbox;
  first: ActionRunWithPost;
  firstCalls: CallRecord[];
  second: ActionRun;
  secondCalls: CallRecord[];
  dryHit: ActionRun;
  changed: ActionRun;
  changedCalls: CallRecord[];
}

/** A fresh bake, the same inputs again (cache hit), a dry run, then a changed script. */
async function freshScenario(): Promise<Fresh> {
  const sb = await sandbox();
  const ws = workspace();
  const first = await runActionWithPost(ACTION, options(sb, ws));
  const firstCalls = sb.calls();
  sb.clearCalls();
  const second = await runAction(ACTION, options(sb, ws));
  const secondCalls = sb.calls();
  const dryHit = await runAction(ACTION, options(sb, ws, { 'dry-run': 'true' }));
  writeFileSync(path.join(ws, SCRIPT), '#!/bin/bash\nset -e\ndnf install -y nginx httpd-tools\n');
  sb.clearCalls();
  const changed = await runAction(ACTION, options(sb, ws));
  const changedCalls = sb.calls();
  return { sb, first, firstCalls, second, secondCalls, dryHit, changed, changedCalls };
}

async function provisioningFailureScenario() {
  const sb = await sandbox([{ kind: 'builder-fails', times: 1 }]);
  const ws = workspace();
  const failed = await runActionWithPost(ACTION, options(sb, ws));
  const afterFailure = { images: images(sb) };
  // Re-running the run: the first attempt's builder (and its ClientToken) is spent.
  const rerun = await runAction(ACTION, options(sb, ws, {}, { GITHUB_RUN_ATTEMPT: '2' }));
  return { sb, failed, afterFailure, rerun };
}

async function imageFailsScenario() {
  const sb = await sandbox([{ kind: 'image-fails', times: 1 }]);
  const ws = workspace();
  const run = await runActionWithPost(ACTION, options(sb, ws));
  return { sb, run };
}

async function capacityAndThrottlingScenario() {
  const sb = await sandbox([
    {
      service: 'ec2',
      operation: 'RunInstances',
      error: 'InsufficientInstanceCapacity',
      match: { SubnetId: SUBNET_A! },
    },
    {
      service: 'ec2',
      operation: 'RunInstances',
      error: 'RequestLimitExceeded',
      times: 1,
      match: { SubnetId: SUBNET_B! },
    },
    { service: 'ec2', operation: 'DescribeImages', error: 'RequestLimitExceeded', times: 2 },
    { service: 'ssm', operation: 'GetParameter', error: 'ThrottlingException', times: 1 },
    { service: 'ec2', operation: 'CreateImage', error: 'RequestLimitExceeded', times: 1 },
  ]);
  const ws = workspace();
  const run = await runAction(ACTION, options(sb, ws, { 'subnet-ids': `${SUBNET_A},${SUBNET_B}` }));
  return { sb, run };
}

/** The main step fails midway and cannot terminate its builder (as when a run is cancelled
 *  or the runner dies); the post step, from the saved state, must. */
async function cancelledScenario() {
  const sb = await sandbox([
    { service: 'ec2', operation: 'TerminateInstances', error: 'InternalError', times: 6 },
  ]);
  const ws = workspace();
  const run = await runActionWithPost(ACTION, options(sb, ws, { timeout: '2m' }));
  return { sb, run };
}

/** The first attempt dies with its builder still running; the re-run adopts that builder. */
async function rerunScenario() {
  const sb = await sandbox([
    { service: 'ec2', operation: 'TerminateInstances', error: 'InternalError', times: 6 },
  ]);
  const ws = workspace();
  const attempt1 = await runAction(ACTION, options(sb, ws, { timeout: '2m' }));
  const leftRunning = builders(sb);
  const attempt2 = await runActionWithPost(ACTION, options(sb, ws, {}, { GITHUB_RUN_ATTEMPT: '2' }));
  return { sb, attempt1, leftRunning, attempt2 };
}

async function dryRunScenario() {
  const sb = await sandbox();
  const ws = workspace();
  const run = await runAction(
    ACTION,
    options(sb, ws, { 'dry-run': 'true', 'base-image': 'filter:al2023-ami-*-x86_64;owners=amazon' }),
  );
  return { sb, run };
}

/** Malformed values: checked before anything else, so they go together into one run whose
 *  single error must list each of them (the contract test tries them one at a time too). */
const MALFORMED: Array<[string, string, RegExp]> = [
  ['role', 'API_', /Input 'role' was 'API_'/],
  ['env', 'internal', /Input 'env' was 'internal'.*reserved/],
  ['build', 'B-42', /Input 'build' was 'B-42'/],
  ['region', 'mars-1', /Input 'region' was 'mars-1'/],
  ['dry-run', 'maybe', /Input 'dry-run' was 'maybe'/],
  ['base-image', 'latest', /Input 'base-image' was 'latest'/],
  ['log-paths', 'var/log/x.log', /Input 'log-paths' was 'var\/log\/x.log'/],
  ['instance-type', 'large', /Input 'instance-type' was 'large'/],
  ['subnet-ids', 'subnet-xyz', /Input 'subnet-ids' was 'subnet-xyz'/],
  ['security-group-ids', 'default', /Input 'security-group-ids' was 'default'/],
  ['instance-profile', 'my profile', /Input 'instance-profile' was 'my profile'/],
  ['force', 'yes', /Input 'force' was 'yes'/],
  ['keep-on-failure', '1', /Input 'keep-on-failure' was '1'/],
  ['timeout', '30s', /Input 'timeout' was '30s'.*from 1m to 24h/],
];

/** Well-formed values that are still wrong: found out by reading files or asking AWS. */
const WRONG: Array<[string, Record<string, string>, RegExp]> = [
  ['base-image filter without owners', { 'base-image': 'filter:al2023-*' }, /Input 'base-image'.*owners=/],
  ['base-image filter owner', { 'base-image': 'filter:al2023-*;owners=someone' }, /owner 'someone'/],
  [
    'base-image filter matching nothing',
    { 'base-image': 'filter:nothing-*;owners=amazon' },
    /no available image named like 'nothing-\*'/,
  ],
  [
    'base-image unknown SSM parameter',
    { 'base-image': 'ssm:/aws/service/nope' },
    /SSM parameter '\/aws\/service\/nope' does not exist/,
  ],
  [
    'base-image unknown id',
    { 'base-image': 'ami-0123456789abcdef0' },
    /image ami-0123456789abcdef0 does not exist/,
  ],
  [
    'provision missing',
    { provision: 'deploy/none.sh' },
    /Input 'provision' was 'deploy\/none.sh': no such file/,
  ],
  [
    'provision outside the workspace',
    { provision: '../etc/passwd' },
    /Input 'provision'.*outside the workspace/,
  ],
  ['provision empty', { provision: 'empty.sh' }, /Input 'provision' was 'empty.sh': the script is empty/],
  [
    'provision too large for user data',
    { provision: 'huge.sh' },
    /Input 'provision' was 'huge.sh'.*over EC2's limit of 16384/,
  ],
  [
    'subnet-ids unknown',
    { 'subnet-ids': 'subnet-0123456789abcdef0' },
    /Input 'subnet-ids'.*subnet-0123456789abcdef0/,
  ],
  [
    'security-group-ids unknown',
    { 'security-group-ids': 'sg-0123456789abcdef0' },
    /Input 'security-group-ids'.*sg-0123456789abcdef0/,
  ],
];

async function badInputsScenario() {
  const sb = await sandbox();
  const ws = workspace();
  writeFileSync(path.join(ws, 'empty.sh'), '');
  // Random bytes do not compress: far over the user data limit.
  writeFileSync(path.join(ws, 'huge.sh'), `#!/bin/bash\n# ${randomBytes(20_000).toString('base64')}\n`);
  const malformed = Object.fromEntries(MALFORMED.map(([name, value]) => [name, value]));
  const [all, ...wrong] = await Promise.all([
    // One post step too: it must succeed quietly when main failed on its inputs.
    runActionWithPost(ACTION, options(sb, ws, malformed)),
    ...WRONG.map(([, inputs]) => runAction(ACTION, options(sb, ws, inputs))),
  ]);
  return { sb, all: all as ActionRunWithPost, wrong: wrong as ActionRun[] };
}

let fresh: Fresh;
let failure: Awaited<ReturnType<typeof provisioningFailureScenario>>;
let imageFails: Awaited<ReturnType<typeof imageFailsScenario>>;
let capacity: Awaited<ReturnType<typeof capacityAndThrottlingScenario>>;
let cancelled: Awaited<ReturnType<typeof cancelledScenario>>;
let rerun: Awaited<ReturnType<typeof rerunScenario>>;
let dryRun: Awaited<ReturnType<typeof dryRunScenario>>;
let bad: Awaited<ReturnType<typeof badInputsScenario>>;

beforeAll(async () => {
  [fresh, failure, imageFails, capacity, cancelled, rerun, dryRun, bad] = await Promise.all([
    freshScenario(),
    provisioningFailureScenario(),
    imageFailsScenario(),
    capacityAndThrottlingScenario(),
    cancelledScenario(),
    rerunScenario(),
    dryRunScenario(),
    badInputsScenario(),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all(sandboxes.map((sb) => sb.stop()));
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

// --- tests -------------------------------------------------------------------------------

describe('a fresh bake', () => {
  it('bakes an image from the OS head and sets the outputs', () => {
    const { main } = fresh.first;
    expectSuccess(main);
    expect(main.outputs['base-image-id']).toBe(AL_LATEST);
    expect(main.outputs['cache-hit']).toBe('false');
    expect(main.outputs.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(main.outputs['image-name']).toBe(
      `immut/prod/api/b000042/${main.outputs.fingerprint!.slice(0, 16)}`,
    );
    const image = images(fresh.sb).find((i) => i.id === main.outputs['image-id']);
    expect(image).toMatchObject({
      state: 'available',
      tags: {
        Name: main.outputs['image-name'],
        'immut:managed-by': 'immut',
        'immut:role': 'api',
        'immut:env': 'prod',
        'immut:build': 'b000042',
        'immut:fingerprint': main.outputs.fingerprint,
        'immut:base-image': AL_LATEST,
      },
    });
  });

  it('tags the image snapshots and launches a tagged builder that stops itself', () => {
    const fp = fresh.first.main.outputs.fingerprint;
    expect(snapshots(fresh.sb).some((s) => s.tags['immut:fingerprint'] === fp)).toBe(true);
    const launches = fresh.firstCalls.filter((c) => c.operation === 'RunInstances' && c.outcome === 'ok');
    expect(launches).toHaveLength(1);
    expect(launches[0]!.params).toMatchObject({
      InstanceInitiatedShutdownBehavior: 'stop',
      ImageId: AL_LATEST,
    });
    expect(String(launches[0]!.params.ClientToken)).toMatch(/^immut-bake-[0-9a-f]{40}-0$/);
    const tagSpecs = JSON.stringify(launches[0]!.params.TagSpecification);
    expect(tagSpecs).toContain('immut:component');
    expect(tagSpecs).toContain('"Value":"builder"');
  });

  it('never leaves the builder behind', () => {
    const ids = launched(fresh.first.main);
    expect(ids).toHaveLength(1);
    expect(terminated(fresh.firstCalls)).toEqual(ids);
    expect(liveBuilders(fresh.sb)).toEqual([]);
  });

  it('shows the builder console in a collapsed group and writes a summary', () => {
    const { main } = fresh.first;
    expect(main.stdout).toMatch(/::group::Console output of builder i-[0-9a-f]+/);
    expect(main.logLines.some((l) => l.includes(BAKE_MARKERS.success))).toBe(true);
    expect(main.summary).toContain('al2023-ami-2023.6.20250115.0-kernel-6.1-x86_64 (created 2025-01-16)');
    expect(main.summary).toContain(main.outputs.fingerprint);
    expect(main.summary).toContain('Time per phase');
    expect(main.summary).toMatch(/cache hit \| no/);
  });

  it('leaves the post step nothing to do after a success', () => {
    expectSuccess(fresh.first.post);
    expect(fresh.firstCalls.filter((c) => c.operation === 'DeregisterImage')).toHaveLength(0);
  });
});

describe('the cache', () => {
  it('reuses the image when the fingerprint is unchanged, launching nothing', () => {
    expectSuccess(fresh.second);
    expect(fresh.second.outputs['cache-hit']).toBe('true');
    expect(fresh.second.outputs['image-id']).toBe(fresh.first.main.outputs['image-id']);
    expect(fresh.second.outputs.fingerprint).toBe(fresh.first.main.outputs.fingerprint);
    const ops = fresh.secondCalls.map((c) => c.operation);
    expect(ops).not.toContain('RunInstances');
    expect(ops).not.toContain('CreateImage');
    expect(fresh.second.summary).toMatch(/cache hit \| yes/);
  });

  it('a dry run reports the cache hit and changes nothing', () => {
    expectSuccess(fresh.dryHit);
    expect(fresh.dryHit.outputs['cache-hit']).toBe('true');
    expect(fresh.dryHit.outputs['image-id']).toBe(fresh.first.main.outputs['image-id']);
  });

  it('rebakes when the provisioning script changes', () => {
    expectSuccess(fresh.changed);
    expect(fresh.changed.outputs['cache-hit']).toBe('false');
    expect(fresh.changed.outputs.fingerprint).not.toBe(fresh.first.main.outputs.fingerprint);
    expect(fresh.changed.outputs['image-id']).not.toBe(fresh.first.main.outputs['image-id']);
    const ops = fresh.changedCalls.filter((c) => c.outcome === 'ok').map((c) => c.operation);
    expect(ops).toContain('RunInstances');
    expect(ops).toContain('CreateImage');
  });
});

describe('provisioning failure', () => {
  it('fails with the tail of the builder console, terminates the builder and leaves no image', () => {
    const { main, post } = failure.failed;
    expect(main.exitCode).not.toBe(0);
    const message = errorText(main);
    expect(message).toMatch(
      /Provisioning failed on builder i-[0-9a-f]+: step 'provision' exited with status 1/,
    );
    expect(message).toContain(BAKE_MARKERS.failure);
    expect(message).toContain('builder-fails');
    expect(failure.afterFailure.images).toHaveLength(0);
    const ids = launched(main);
    expect(ids).toHaveLength(1);
    expect(terminated(failure.sb.calls())).toContain(ids[0]);
    expectSuccess(post);
  });

  it('a re-run of the run launches a fresh builder (the first one is gone) and succeeds', () => {
    expectSuccess(failure.rerun);
    expect(failure.rerun.outputs['cache-hit']).toBe('false');
    const launches = calls(failure.sb, 'RunInstances').filter((c) => c.outcome === 'ok');
    const tokens = launches.map((c) => String(c.params.ClientToken));
    expect(tokens[0]).toMatch(/-0$/);
    expect(tokens.at(-1)).toMatch(/-1$/);
    const [second] = launched(failure.rerun);
    expect(second).toBeDefined();
    expect(second).not.toBe(launched(failure.failed.main)[0]);
    expect(terminated(failure.sb.calls())).toContain(second);
    expect(liveBuilders(failure.sb)).toEqual([]);
  });
});

describe('image failure', () => {
  it('fails with the image state reason; the builder is terminated and post removes the image', () => {
    const { main, post } = imageFails.run;
    expect(main.exitCode).not.toBe(0);
    expect(errorText(main)).toMatch(
      /image ami-[0-9a-f]+ to become available failed.*failed: .*Image creation failed/,
    );
    expectSuccess(post);
    expect(images(imageFails.sb)).toHaveLength(0);
    expect(snapshots(imageFails.sb)).toHaveLength(0);
    expect(terminated(imageFails.sb.calls())).toEqual(launched(main));
    expect(liveBuilders(imageFails.sb)).toEqual([]);
    expect(calls(imageFails.sb, 'DeregisterImage')).toHaveLength(1);
    expect(calls(imageFails.sb, 'DeleteSnapshot').filter((c) => c.outcome === 'ok')).toHaveLength(1);
  });
});

describe('capacity and throttling', () => {
  it('moves to the next subnet when a zone has no capacity and retries throttled calls', () => {
    expectSuccess(capacity.run);
    const launches = calls(capacity.sb, 'RunInstances');
    expect(
      launches.some((c) => c.errorCode === 'InsufficientInstanceCapacity' && c.params.SubnetId === SUBNET_A),
    ).toBe(true);
    expect(launches.some((c) => c.errorCode === 'RequestLimitExceeded')).toBe(true);
    const ok = launches.filter((c) => c.outcome === 'ok');
    expect(ok).toHaveLength(1);
    expect(ok[0]!.params.SubnetId).toBe(SUBNET_B);
    expect(
      calls(capacity.sb, 'DescribeImages').filter((c) => c.errorCode === 'RequestLimitExceeded'),
    ).toHaveLength(2);
    expect(calls(capacity.sb, 'GetParameter').some((c) => c.errorCode === 'ThrottlingException')).toBe(true);
    expect(calls(capacity.sb, 'CreateImage').filter((c) => c.outcome === 'ok')).toHaveLength(1);
    expect(launched(capacity.run)).toHaveLength(1);
    expect(terminated(capacity.sb.calls())).toEqual(launched(capacity.run));
    expect(liveBuilders(capacity.sb)).toEqual([]);
  });
});

describe('cancellation and re-runs', () => {
  it('post terminates the builder a failed main step could not', () => {
    const { main, post } = cancelled.run;
    expect(main.exitCode).not.toBe(0);
    expect(errorText(main)).toMatch(
      /Timed out .* waiting for builder i-[0-9a-f]+ to provision and power off/,
    );
    expect(main.state['immut-created']).toContain('builder');
    expectSuccess(post);
    expect(post.logLines.join('\n')).toMatch(/removed builder i-[0-9a-f]+/);
    expect(launched(main)).toHaveLength(1);
    expect(terminated(cancelled.sb.calls())).toEqual(launched(main));
    expect(liveBuilders(cancelled.sb)).toEqual([]);
    expect(images(cancelled.sb)).toHaveLength(0);
  });

  it('a re-run of the same run adopts the running builder instead of starting a second', () => {
    expect(rerun.attempt1.exitCode).not.toBe(0);
    expect(rerun.leftRunning).toHaveLength(1);
    expect(gone(rerun.leftRunning[0])).toBe(false);
    const { main, post } = rerun.attempt2;
    expectSuccess(main);
    expect(main.logLines.join('\n')).toContain(`Adopting builder ${rerun.leftRunning[0]!.id}`);
    expect(calls(rerun.sb, 'RunInstances').filter((c) => c.outcome === 'ok')).toHaveLength(1);
    expect(launched(main)).toEqual([]);
    expect(terminated(rerun.sb.calls())).toEqual([rerun.leftRunning[0]!.id]);
    expect(liveBuilders(rerun.sb)).toEqual([]);
    expectSuccess(post);
  });
});

describe('dry run', () => {
  it('resolves the head and fingerprint, checks permissions with EC2 DryRun, and creates nothing', () => {
    expectSuccess(dryRun.run);
    expect(dryRun.run.outputs['base-image-id']).toBe(AL_LATEST);
    expect(dryRun.run.outputs['cache-hit']).toBe('false');
    expect(dryRun.run.outputs.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(dryRun.run.outputs['image-id']).toBeUndefined();
    const launches = calls(dryRun.sb, 'RunInstances');
    expect(launches).toHaveLength(1);
    expect(launches[0]).toMatchObject({ errorCode: 'DryRunOperation', params: { DryRun: 'true' } });
    expect(calls(dryRun.sb, 'CreateImage')).toHaveLength(0);
    expect(builders(dryRun.sb)).toHaveLength(0);
    expect(images(dryRun.sb)).toHaveLength(0);
    expect(dryRun.run.summary).toContain('dry run');
  });
});

describe('bad inputs', () => {
  it('names every malformed input in one error, and post has nothing to do', () => {
    const { main, post } = bad.all;
    expect(main.exitCode).not.toBe(0);
    const errors = errorsOf(main);
    expect(errors).toHaveLength(1);
    for (const [, , pattern] of MALFORMED) expect(errors[0]!.message).toMatch(pattern);
    expect(main.stdout).not.toMatch(/likely a bug/);
    expectSuccess(post);
  });

  it.each(WRONG.map(([name, , pattern], i) => [name, pattern, i] as const))(
    '%s: one clear error',
    (_name, pattern, i) => {
      const run = bad.wrong[i]!;
      expect(run.exitCode).not.toBe(0);
      const errors = errorsOf(run);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(pattern);
      expect(errors[0]!.message).not.toMatch(/likely a bug/);
    },
  );

  it('creates nothing for any of them', () => {
    const mutating = bad.sb
      .calls()
      .filter((c) => ['RunInstances', 'CreateImage', 'TerminateInstances'].includes(c.operation));
    expect(mutating).toHaveLength(0);
    expect(builders(bad.sb)).toHaveLength(0);
    expect(images(bad.sb)).toHaveLength(0);
  });
});

describe('permissions', () => {
  // Not seen as calls: ec2:CreateTags is what IAM checks for TagSpecifications on
  // RunInstances and CreateImage; iam:PassRole is needed only with 'instance-profile'.
  const NOT_CALLED = ['ec2:CreateTags', 'iam:PassRole'];

  it('documents exactly the IAM actions the action calls', () => {
    const called = iamActionsCalled(sandboxes.flatMap((sb) => sb.calls()));
    const documented = documentedIamActions(ACTION);
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
    expect(documented.filter((a) => !called.includes(a))).toEqual(NOT_CALLED);
  });
});
