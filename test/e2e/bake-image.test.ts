// bake-image end to end: the BUILT bundle through the runner harness against the sandbox
// (whose builders follow core's builder protocol). Every scenario gets its own sandbox and
// workspace and they all run at once in beforeAll; the tests then read what happened.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DeleteTagsCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  type Image,
  type Snapshot,
} from '@aws-sdk/client-ec2';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BAKE_MARKERS } from '@immut/core/builder-protocol';
import type { CallRecord, FaultSpec, InventoryItem, Sandbox } from '@immut/sandbox';
import { SEED } from '@immut/sandbox';
import {
  describeRun,
  errorsOf,
  runAction,
  runActionWithPost,
  type ActionRun,
  type ActionRunWithPost,
  type RunOptions,
} from '@immut/action-runner';
import {
  documentedIamActions,
  iamActionsCalled,
  adminClientConfig,
  sandboxEnv,
  startE2eSandbox,
  type PolicyScope,
} from '@immut/test-support/sandbox';

const ACTION = 'bake-image';
const AL_LATEST = 'ami-0a0000000000a2303';
const AL_SSM = 'ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const [SUBNET_A, SUBNET_B] = SEED.subnets.map((s) => s.subnetId);
const SCRIPT = 'deploy/api/provision.sh';
const HOME = 'us-east-1';
const COPY_REGIONS = ['us-west-2', 'eu-west-1'];
const KEY_ALIAS_ARN = 'arn:aws:kms:us-east-1:123456789012:alias/immut-images';

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

async function sandbox(
  faults: FaultSpec[] = [],
  policy: PolicyScope = {},
  timeScale?: number,
): Promise<Sandbox> {
  const sb = await startE2eSandbox({ faults, policy, ...(timeScale ? { timeScale } : {}) });
  sandboxes.push(sb);
  return sb;
}

/**
 * A provisioning script that takes an hour of the builder's (sandbox) time, for a scenario
 * whose 2-minute timeout must land while the builder still runs. The script really runs, so
 * a short one could finish inside a wall-time stall of a loaded machine, which the sandbox
 * clock multiplies by its scale. (The re-run scenario needs its builder to finish before the
 * self-destruct that the first attempt's deadline set: OUTLASTS_TIMEOUT.)
 */
const LONG_PROVISION = '#!/bin/bash\nset -e\ndnf install -y nginx\nsleep 3600\n';

/**
 * A provisioning script that outlasts a 2-minute timeout but ends before the 7-minute
 * self-destruct that timeout sets: about 5½ minutes of the builder's own (simulated) time.
 */
const OUTLASTS_TIMEOUT = '#!/bin/bash\nset -e\ndnf install -y nginx\nsleep 120\n';

/**
 * The time scale of the scenarios that race a 2-minute timeout against a running builder. At
 * the e2e scale (2000) the builder's self-destruct lands 150 wall milliseconds after that
 * timeout, which a loaded machine's stall overruns (it did in CI); at 60 the margin is five
 * wall seconds.
 */
const RACE_TIME_SCALE = 60;

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
    env: { ...sandboxEnv(sb, ACTION), ...env },
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

/** Calls the tests made themselves (`${endpoint}#${seq}`), left out of the IAM check. */
const observerCalls = new Set<string>();
const lastSeq = (sb: Sandbox): number => sb.calls().at(-1)?.seq ?? 0;

/** This account's images and snapshots in one region, read with the SDK (the inventory
 *  does not say which region a resource is in). Only while no action runs on `sb`. */
async function inRegion(sb: Sandbox, region: string): Promise<{ images: Image[]; snapshots: Snapshot[] }> {
  const from = lastSeq(sb);
  const ec2 = new EC2Client({ ...adminClientConfig(sb), region });
  try {
    const images = (await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images ?? [];
    const snapshots = (await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots ?? [];
    return { images, snapshots };
  } finally {
    ec2.destroy();
    for (const c of sb.calls()) {
      const ours = c.operation === 'DescribeImages' || c.operation === 'DescribeSnapshots';
      if (c.seq > from && c.region === region && ours) observerCalls.add(`${sb.endpoint}#${c.seq}`);
    }
  }
}

/** Runs `fn` with SDK clients of the test itself on `sb`; its calls are observer calls. */
async function asObserver<T>(
  sb: Sandbox,
  fn: (clients: { ec2: EC2Client; ssm: SSMClient }) => Promise<T>,
): Promise<T> {
  const from = lastSeq(sb);
  const config = { ...adminClientConfig(sb), region: HOME };
  const ec2 = new EC2Client(config);
  const ssm = new SSMClient(config);
  try {
    return await fn({ ec2, ssm });
  } finally {
    ec2.destroy();
    ssm.destroy();
    for (const c of sb.calls()) if (c.seq > from) observerCalls.add(`${sb.endpoint}#${c.seq}`);
  }
}

const tagsOf = (r: { Tags?: Array<{ Key?: string; Value?: string }> }): Record<string, string> =>
  Object.fromEntries((r.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));

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
  const sb = await sandbox(
    [{ service: 'ec2', operation: 'TerminateInstances', error: 'InternalError', times: 6 }],
    {},
    RACE_TIME_SCALE,
  );
  const ws = workspace(LONG_PROVISION);
  const run = await runActionWithPost(ACTION, options(sb, ws, { timeout: '2m' }));
  return { sb, run };
}

/** The first attempt dies with its builder still running; the re-run adopts that builder. */
async function rerunScenario() {
  const sb = await sandbox(
    [{ service: 'ec2', operation: 'TerminateInstances', error: 'InternalError', times: 6 }],
    {},
    RACE_TIME_SCALE,
  );
  const ws = workspace(OUTLASTS_TIMEOUT);
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

/** An encrypted bake: the builder's image is copied into one encrypted with the key. */
async function encryptedScenario() {
  const sb = await sandbox();
  const ws = workspace();
  const run = await runActionWithPost(ACTION, options(sb, ws, { 'kms-key-id': KEY_ALIAS_ARN }));
  return { sb, run, home: await inRegion(sb, HOME) };
}

/** Copies to two regions (the first CopyImage throttled), then the same inputs again (a
 *  cache hit). */
async function copiesScenario() {
  const sb = await sandbox(
    [{ service: 'ec2', operation: 'CopyImage', error: 'RequestLimitExceeded', times: 1 }],
    { regions: COPY_REGIONS },
  );
  const ws = workspace();
  const inputs = { 'copy-to-regions': COPY_REGIONS.join(',') };
  const first = await runActionWithPost(ACTION, options(sb, ws, inputs));
  const regions = Object.fromEntries(
    await Promise.all([HOME, ...COPY_REGIONS].map(async (r) => [r, await inRegion(sb, r)] as const)),
  );
  const from = lastSeq(sb);
  const again = await runAction(ACTION, options(sb, ws, inputs, { GITHUB_RUN_ID: '9876543211' }));
  return { sb, first, regions, again, againCalls: sb.calls().filter((c) => c.seq > from) };
}

/** An encrypted bake copied to two regions whose copy to the second region fails: post
 *  must remove every image and snapshot the run made, in every region. */
async function copyFailsScenario() {
  const sb = await sandbox(
    [
      {
        service: 'ec2',
        operation: 'CopyImage',
        error: 'ResourceLimitExceeded',
        message: 'You have reached the limit of concurrent AMI copies',
        match: { KmsKeyId: 'arn:aws:kms:eu-west-1:*' },
      },
    ],
    { regions: COPY_REGIONS },
  );
  const ws = workspace();
  const run = await runActionWithPost(
    ACTION,
    options(sb, ws, { 'kms-key-id': KEY_ALIAS_ARN, 'copy-to-regions': COPY_REGIONS.join(',') }),
  );
  const left = Object.fromEntries(
    await Promise.all([HOME, ...COPY_REGIONS].map(async (r) => [r, await inRegion(sb, r)] as const)),
  );
  return { sb, run, left };
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
  [
    'kms-key-id',
    'my-key',
    /Input 'kms-key-id' was 'my-key': not a KMS key id, alias or ARN; expected a KMS key id/,
  ],
  ['copy-to-regions', 'eu-west-1,mars', /Input 'copy-to-regions' was 'eu-west-1,mars': invalid item 'mars'/],
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
    'copy-to-regions with a region twice',
    { 'copy-to-regions': 'eu-west-1,us-west-2,eu-west-1' },
    /Input 'copy-to-regions' was 'eu-west-1,us-west-2,eu-west-1': 'eu-west-1' listed twice/,
  ],
  [
    'copy-to-regions naming the bake region',
    { 'copy-to-regions': 'eu-west-1,us-east-1' },
    /Input 'copy-to-regions' was 'eu-west-1,us-east-1': it names the bake region us-east-1/,
  ],
  [
    'kms-key-id of another region',
    { 'kms-key-id': 'arn:aws:kms:eu-west-1:123456789012:alias/immut-images' },
    /Input 'kms-key-id' was 'arn:aws:kms:eu-west-1:.*': the key is in eu-west-1, but the image is made in us-east-1/,
  ],
  [
    'kms-key-id of a single-region key with copies',
    { 'kms-key-id': '1234abcd-12ab-34cd-56ef-1234567890ab', 'copy-to-regions': 'eu-west-1' },
    /Input 'kms-key-id' was '1234abcd-.*': a single-region key exists only in us-east-1, so it cannot encrypt the copies in eu-west-1/,
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

/** Everything a run shows: its log, raw output and annotations. */
const everything = (run: ActionRun): string =>
  [run.stdout, run.stderr, ...run.annotations.map((a) => a.message)].join('\n');

const DB_PASSWORD = 'S3cr3t-Tr0ub4dor-and-3';
const CANARY = `canary-${randomBytes(8).toString('hex')}`;

/** A run that may not even start (an input the bundle does not declare yet). */
const attempt = (run: Promise<ActionRun>): Promise<ActionRun | Error> =>
  run.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

function ranTo(run: ActionRun | Error): ActionRun {
  if (run instanceof Error) throw run;
  return run;
}

/** Base images from SSM: only AWS's public parameters and the prefixes the user allows,
 *  never a SecureString, never a value in a message. */
async function ssmScenario() {
  // The policy lets the action read both prefixes: what refuses is immut, not IAM.
  const sb = await sandbox([], { ssmParameterPrefixes: ['/prod/api/', '/team/images/'] });
  const ws = workspace();
  const encrypted = await asObserver(sb, async ({ ssm }) => {
    await ssm.send(
      new PutParameterCommand({ Name: '/prod/api/db-password', Value: DB_PASSWORD, Type: 'SecureString' }),
    );
    await ssm.send(
      new PutParameterCommand({ Name: '/prod/web/db-password', Value: DB_PASSWORD, Type: 'SecureString' }),
    );
    await ssm.send(new PutParameterCommand({ Name: '/prod/api/motd', Value: DB_PASSWORD, Type: 'String' }));
    await ssm.send(new PutParameterCommand({ Name: '/team/images/base', Value: AL_LATEST, Type: 'String' }));
    // What a reader without decryption sees: it must not be shown either.
    const out = await ssm.send(new GetParameterCommand({ Name: '/prod/api/db-password' }));
    return out.Parameter?.Value ?? '';
  });
  const run = (inputs: Record<string, string>) => attempt(runAction(ACTION, options(sb, ws, inputs)));
  const [secure, notAllowed, plainValue, allowed, badPrefix] = await Promise.all([
    run({ 'base-image': 'ssm:/prod/api/db-password', 'ssm-parameter-prefixes': '/prod/api/' }),
    run({ 'base-image': 'ssm:/prod/web/db-password', 'ssm-parameter-prefixes': '/prod/api/' }),
    run({ 'base-image': 'ssm:/prod/api/motd', 'ssm-parameter-prefixes': '/prod/api/' }),
    run({
      'base-image': 'ssm:/team/images/base',
      'ssm-parameter-prefixes': '/team/images/',
      'dry-run': 'true',
    }),
    run({ 'base-image': 'ssm:/team/images/base', 'ssm-parameter-prefixes': 'team/images,/' }),
  ]);
  return { sb, encrypted, secure, notAllowed, plainValue, allowed, badPrefix };
}

/** Paths that leave the workspace or are not files, and inputs far too long to echo. */
async function pathsScenario() {
  const sb = await sandbox();
  const ws = workspace();
  // Committed symlinks: a directory link to /proc and a file link out of the workspace.
  symlinkSync('/proc', path.join(ws, 'p'));
  symlinkSync('/etc/hostname', path.join(ws, 'deploy/outside.sh'));
  execFileSync('mkfifo', [path.join(ws, 'deploy/fifo.sh')]);
  const env = { IMMUT_TEST_CANARY: CANARY };
  const run = (inputs: Record<string, string>) => attempt(runAction(ACTION, options(sb, ws, inputs, env)));
  const [environ, outside, fifo, directory, longProvision, longBase, longList] = await Promise.all([
    run({ provision: 'p/self/environ' }),
    run({ provision: 'deploy/outside.sh' }),
    run({ provision: 'deploy/fifo.sh' }),
    run({ provision: 'deploy/api' }),
    run({ provision: 'a'.repeat(10_000) }),
    run({ 'base-image': `ssm:/${'b'.repeat(10_000)}` }),
    run({ 'copy-to-regions': 'c'.repeat(10_000) }),
  ]);
  return { sb, environ, outside, fifo, directory, longProvision, longBase, longList };
}

/** The post step removes a failed image whose snapshot lost immut's tags meanwhile. */
async function untaggedSnapshotScenario() {
  const sb = await sandbox([{ kind: 'image-fails', times: 1 }]);
  const ws = workspace();
  const main = await runAction(ACTION, options(sb, ws));
  const made = images(sb)[0];
  if (!made) throw new Error(`the failed bake left no image to clean up:\n${describeRun(main)}`);
  const { imageId, snapshotId } = await asObserver(sb, async ({ ec2 }) => {
    const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [made.id] }))).Images?.[0];
    const snapshot = image?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId ?? '';
    // Someone took the snapshot over: immut's tags are gone, whatever the image says.
    await ec2.send(
      new DeleteTagsCommand({
        Resources: [snapshot],
        Tags: ['immut:managed-by', 'immut:role', 'immut:env'].map((Key) => ({ Key })),
      }),
    );
    return { imageId: image?.ImageId ?? '', snapshotId: snapshot };
  });
  const post = await runAction(ACTION, { ...options(sb, ws), step: 'post', state: main.state });
  return { sb, main, post, imageId, snapshotId };
}

let fresh: Fresh;
let failure: Awaited<ReturnType<typeof provisioningFailureScenario>>;
let imageFails: Awaited<ReturnType<typeof imageFailsScenario>>;
let capacity: Awaited<ReturnType<typeof capacityAndThrottlingScenario>>;
let cancelled: Awaited<ReturnType<typeof cancelledScenario>>;
let rerun: Awaited<ReturnType<typeof rerunScenario>>;
let dryRun: Awaited<ReturnType<typeof dryRunScenario>>;
let bad: Awaited<ReturnType<typeof badInputsScenario>>;
let encrypted: Awaited<ReturnType<typeof encryptedScenario>>;
let copies: Awaited<ReturnType<typeof copiesScenario>>;
let copyFails: Awaited<ReturnType<typeof copyFailsScenario>>;
let ssmParams: Awaited<ReturnType<typeof ssmScenario>>;
let paths: Awaited<ReturnType<typeof pathsScenario>>;
let untagged: Awaited<ReturnType<typeof untaggedSnapshotScenario>> | Error;

beforeAll(async () => {
  [ssmParams, paths, untagged] = await Promise.all([
    ssmScenario(),
    pathsScenario(),
    // Its failure is the test's, not every scenario's.
    untaggedSnapshotScenario().catch((error: unknown) => error as Error),
  ]);
  [fresh, failure, imageFails, capacity, cancelled, rerun, dryRun, bad, encrypted, copies, copyFails] =
    await Promise.all([
      freshScenario(),
      provisioningFailureScenario(),
      imageFailsScenario(),
      capacityAndThrottlingScenario(),
      cancelledScenario(),
      rerunScenario(),
      dryRunScenario(),
      badInputsScenario(),
      encryptedScenario(),
      copiesScenario(),
      copyFailsScenario(),
    ]);
}, 240_000);

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

  it("records how long the builder ran on the image, and the role's next bake first looks then", () => {
    const firstImage = images(fresh.sb).find((i) => i.id === fresh.first.main.outputs['image-id']);
    const seconds = Number(firstImage?.tags['immut:builder-seconds']);
    expect(Number.isInteger(seconds) && seconds > 0).toBe(true);
    expect(fresh.changed.logLines.join('\n')).toContain("The role's last bake ran its builder for");
    const polls = (calls: CallRecord[]) => {
      const launch = calls.find((c) => c.operation === 'RunInstances' && c.outcome === 'ok')!;
      return calls
        .filter(
          (c) =>
            c.operation === 'DescribeInstances' &&
            c.seq > launch.seq &&
            // The builder's polls: by id, as a filter (core ec2-by-id.ts) or as InstanceIds.
            ('InstanceId' in c.params || JSON.stringify(c.params['Filter'] ?? '').includes('instance-id')),
        )
        .map((c) => Date.parse(c.at) - Date.parse(launch.at));
    };
    const before = polls(fresh.firstCalls);
    const after = polls(fresh.changedCalls);
    // The next bake looks no earlier than the recorded length (waits are never early). How
    // many polls that saves depends on where the first bake's backoff polls fell (on a loaded
    // machine, its first one may already find the builder stopped), so the bench counts calls.
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((at) => at >= seconds * 1000 * 0.99)).toBe(true);
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

describe('encryption', () => {
  it('publishes the image encrypted with the KMS key and deletes the unencrypted intermediate', () => {
    const { main, post } = encrypted.run;
    expectSuccess(main);
    const id = main.outputs['image-id'];
    expect(JSON.parse(main.outputs['image-ids']!)).toEqual({ [HOME]: id });
    // Another key is another artefact: not the plain bake's fingerprint.
    expect(main.outputs.fingerprint).not.toBe(fresh.first.main.outputs.fingerprint);
    const { images: homeImages, snapshots: homeSnapshots } = encrypted.home;
    expect(homeImages.map((i) => i.ImageId)).toEqual([id]);
    const image = homeImages[0]!;
    expect(image.Name).toBe(main.outputs['image-name']);
    expect(tagsOf(image)).toMatchObject({
      'immut:fingerprint': main.outputs.fingerprint,
      'immut:managed-by': 'immut',
      Name: main.outputs['image-name'],
    });
    const ebs = image.BlockDeviceMappings![0]!.Ebs!;
    expect(ebs).toMatchObject({ Encrypted: true, KmsKeyId: KEY_ALIAS_ARN });
    expect(homeSnapshots.map((s) => s.SnapshotId)).toEqual([ebs.SnapshotId]);
    expect(homeSnapshots[0]).toMatchObject({ Encrypted: true, KmsKeyId: KEY_ALIAS_ARN });
    expect(tagsOf(homeSnapshots[0]!)['immut:fingerprint']).toBe(main.outputs.fingerprint);
    // The builder was imaged as the intermediate, which was copied, then removed.
    const created = calls(encrypted.sb, 'CreateImage').filter((c) => c.outcome === 'ok');
    expect(created.map((c) => c.params.Name)).toEqual([`${main.outputs['image-name']}/unencrypted`]);
    const encrypting = calls(encrypted.sb, 'CopyImage').filter((c) => c.outcome === 'ok');
    expect(encrypting).toHaveLength(1);
    expect(encrypting[0]).toMatchObject({
      region: HOME,
      params: { SourceRegion: HOME, Encrypted: 'true', KmsKeyId: KEY_ALIAS_ARN },
    });
    expect(calls(encrypted.sb, 'DeregisterImage')).toHaveLength(1);
    expect(main.summary).toContain(`KMS key ${KEY_ALIAS_ARN}`);
    expect(liveBuilders(encrypted.sb)).toEqual([]);
    expectSuccess(post);
  });
});

describe('copies to other regions', () => {
  it('copies the image to each region, tagged there, and lists every id in image-ids', () => {
    const { main, post } = copies.first;
    expectSuccess(main);
    const ids = JSON.parse(main.outputs['image-ids']!) as Record<string, string>;
    expect(Object.keys(ids)).toEqual([HOME, ...COPY_REGIONS]);
    expect(ids[HOME]).toBe(main.outputs['image-id']);
    for (const region of [HOME, ...COPY_REGIONS]) {
      const { images: here, snapshots: snaps } = copies.regions[region]!;
      expect(here.map((i) => [i.ImageId, i.Name, i.State])).toEqual([
        [ids[region], main.outputs['image-name'], 'available'],
      ]);
      const expected = {
        'immut:managed-by': 'immut',
        'immut:role': 'api',
        'immut:env': 'prod',
        'immut:build': 'b000042',
        'immut:fingerprint': main.outputs.fingerprint,
        'immut:base-image': AL_LATEST,
        Name: main.outputs['image-name'],
      };
      expect(tagsOf(here[0]!)).toMatchObject(expected);
      expect(snaps).toHaveLength(1);
      expect(tagsOf(snaps[0]!)).toMatchObject(expected);
    }
    const attempts = calls(copies.sb, 'CopyImage');
    // The throttled request was retried with the same ClientToken: one copy per region.
    expect(attempts[0]!.errorCode).toBe('RequestLimitExceeded');
    expect(attempts[1]!.params.ClientToken).toBe(attempts[0]!.params.ClientToken);
    const copyCalls = attempts.filter((c) => c.outcome === 'ok');
    expect(copyCalls.map((c) => c.region)).toEqual(COPY_REGIONS);
    for (const copy of copyCalls) expect(copy.params.SourceRegion).toBe(HOME);
    // The fingerprint went on the image (and its snapshot) at home once the copies existed.
    const published = calls(copies.sb, 'CreateTags');
    expect(published).toHaveLength(1);
    expect(published[0]!.seq).toBeGreaterThan(copyCalls.at(-1)!.seq);
    expect(main.summary).toContain(`copy in eu-west-1 | ${ids['eu-west-1']} (copied)`);
    expectSuccess(post);
  });

  it('a re-run with the same inputs is a cache hit that makes no copies', () => {
    expectSuccess(copies.again);
    expect(copies.again.outputs['cache-hit']).toBe('true');
    expect(copies.again.outputs['image-ids']).toBe(copies.first.main.outputs['image-ids']);
    const ops = copies.againCalls.map((c) => c.operation);
    expect(ops).not.toContain('CopyImage');
    expect(ops).not.toContain('RunInstances');
    expect(ops).not.toContain('CreateImage');
    // It looked for the copies in each region.
    const lookedIn = copies.againCalls.filter((c) => c.operation === 'DescribeImages').map((c) => c.region);
    expect(new Set(lookedIn)).toEqual(new Set([HOME, ...COPY_REGIONS]));
  });

  it('post removes every image and snapshot of a run whose copy failed midway, in every region', () => {
    const { main, post } = copyFails.run;
    expect(main.exitCode).not.toBe(0);
    expect(errorText(main)).toMatch(/ResourceLimitExceeded|concurrent AMI copies/);
    expect(main.outputs['image-ids']).toBeUndefined();
    const made = copyFails.sb.calls().filter((c) => c.operation === 'CopyImage' && c.outcome === 'ok');
    // The encrypted image at home and the copy in us-west-2 were made before eu-west-1 failed.
    expect(made.map((c) => c.region)).toEqual([HOME, 'us-west-2']);
    expectSuccess(post);
    expect(post.logLines.join('\n')).toMatch(/removed image ami-[0-9a-f]+/);
    for (const region of [HOME, ...COPY_REGIONS]) {
      expect({ region, ...copyFails.left[region] }).toEqual({ region, images: [], snapshots: [] });
    }
    expect(images(copyFails.sb)).toEqual([]);
    expect(snapshots(copyFails.sb)).toEqual([]);
    const deregistered = calls(copyFails.sb, 'DeregisterImage').filter((c) => c.outcome === 'ok');
    // The intermediate (by main), the encrypted image and the us-west-2 copy (by post).
    expect(deregistered.map((c) => c.region).sort()).toEqual([HOME, HOME, 'us-west-2']);
    expect(liveBuilders(copyFails.sb)).toEqual([]);
  });
});

describe('base images from SSM', () => {
  /** The one error of a refused run, checked to hold no part of the parameter's value. */
  function refusal(run: ActionRun | Error): string {
    const done = ranTo(run);
    expect(done.exitCode).not.toBe(0);
    const errors = errorsOf(done);
    expect(errors).toHaveLength(1);
    const shown = everything(done);
    for (const part of [DB_PASSWORD, DB_PASSWORD.slice(0, 6), ssmParams.encrypted.slice(0, 12)]) {
      expect(shown).not.toContain(part);
    }
    return errors[0]!.message;
  }

  it('refuses a SecureString parameter, naming its path and never its value', () => {
    expect(ssmParams.encrypted).not.toBe('');
    const message = refusal(ssmParams.secure);
    expect(message).toMatch(/Input 'base-image' was 'ssm:\/prod\/api\/db-password'/);
    expect(message).toMatch(/SSM parameter '\/prod\/api\/db-password' is a SecureString/);
    // The type was read without asking SSM to decrypt anything.
    const reads = calls(ssmParams.sb, 'GetParameter').filter(
      (c) => c.params.Name === '/prod/api/db-password',
    );
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read.params.WithDecryption).not.toBe(true);
  });

  it('refuses a parameter outside /aws/service/ and the allowed prefixes without reading it', () => {
    const message = refusal(ssmParams.notAllowed);
    expect(message).toMatch(
      /Input 'base-image' was 'ssm:\/prod\/web\/db-password': SSM parameter '\/prod\/web\/db-password' is not under \/aws\/service\/ or a prefix in 'ssm-parameter-prefixes'/,
    );
    expect(
      calls(ssmParams.sb, 'GetParameter').filter((c) => c.params.Name === '/prod/web/db-password'),
    ).toEqual([]);
  });

  it('never shows the value of an allowed parameter that is not an image id', () => {
    const message = refusal(ssmParams.plainValue);
    expect(message).toMatch(/SSM parameter '\/prod\/api\/motd' does not hold an image id/);
  });

  it('accepts a parameter under a prefix the user allows', () => {
    const run = ranTo(ssmParams.allowed);
    expectSuccess(run);
    expect(run.outputs['base-image-id']).toBe(AL_LATEST);
  });

  it('refuses prefixes that are not parameter paths ending in /', () => {
    const run = ranTo(ssmParams.badPrefix);
    expect(run.exitCode).not.toBe(0);
    expect(errorText(run)).toMatch(/Input 'ssm-parameter-prefixes' was 'team\/images,\/'/);
  });
});

describe('workspace paths', () => {
  it('refuses a provisioning script reached through a symlink out of the workspace, launching nothing', () => {
    const run = ranTo(paths.environ);
    expect(run.exitCode).not.toBe(0);
    expect(errorText(run)).toMatch(/Input 'provision' was 'p\/self\/environ'.*outside the workspace/);
    expect(everything(run)).not.toContain(CANARY);
    const outside = ranTo(paths.outside);
    expect(outside.exitCode).not.toBe(0);
    expect(errorText(outside)).toMatch(/Input 'provision' was 'deploy\/outside.sh'.*outside the workspace/);
    expect(calls(paths.sb, 'RunInstances')).toEqual([]);
    expect(builders(paths.sb)).toEqual([]);
  });

  it('refuses a provisioning script that is not a regular file (a FIFO, a directory)', () => {
    for (const [run, given] of [
      [paths.fifo, 'deploy/fifo.sh'],
      [paths.directory, 'deploy/api'],
    ] as const) {
      const done = ranTo(run);
      expect(done.exitCode).not.toBe(0);
      expect(errorsOf(done)).toHaveLength(1);
      expect(errorText(done)).toContain(`Input 'provision' was '${given}': it is not a regular file`);
    }
  });

  it('shows a 10,000-character input cut, with its length', () => {
    for (const [run, input, char] of [
      [paths.longProvision, 'provision', 'a'],
      [paths.longBase, 'base-image', 'b'],
      [paths.longList, 'copy-to-regions', 'c'],
    ] as const) {
      const done = ranTo(run);
      expect(done.exitCode).not.toBe(0);
      const message = errorText(done);
      expect(message).toMatch(new RegExp(`Input '${input}' was '[^']{1,120}…' \\(100\\d\\d characters\\)`));
      expect(message).not.toContain(char.repeat(200));
      expect(message.length).toBeLessThan(1000);
    }
  });
});

describe('snapshots of a removed image', () => {
  it("deletes a snapshot only when it carries immut's tags itself, and says why it kept one", () => {
    if (untagged instanceof Error) throw untagged;
    expect(untagged.main.exitCode).not.toBe(0);
    const { post, imageId, snapshotId } = untagged;
    expect(snapshotId).toMatch(/^snap-/);
    expectSuccess(post);
    const deregistered = calls(untagged.sb, 'DeregisterImage').filter((c) => c.outcome === 'ok');
    expect(deregistered.map((c) => c.params.ImageId)).toEqual([imageId]);
    expect(calls(untagged.sb, 'DeleteSnapshot')).toEqual([]);
    expect(snapshots(untagged.sb).map((s) => s.id)).toEqual([snapshotId]);
    expect(
      post.annotations
        .filter((a) => a.level === 'warning')
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(
      new RegExp(
        `Kept snapshot ${snapshotId} of image ${imageId} \\(deregistered\\): it has no immut:managed-by=immut tag`,
      ),
    );
  });
});

describe('permissions', () => {
  // Not seen as calls: iam:PassRole is needed only with 'instance-profile'; the KMS actions
  // are what EBS calls on the caller's behalf when CopyImage encrypts with 'kms-key-id'
  // (AWS's "Requirements for Amazon EBS encryption"); the sandbox has no KMS.
  const NOT_CALLED = [
    'iam:PassRole',
    'kms:CreateGrant',
    'kms:Decrypt',
    'kms:DescribeKey',
    'kms:GenerateDataKeyWithoutPlaintext',
    'kms:ReEncrypt*',
    // Only with 'artifact' (test/e2e/bake-image-artifact.test.ts checks those calls).
    's3:AbortMultipartUpload',
    's3:CreateBucket',
    's3:GetBucketTagging',
    's3:GetObject',
    's3:ListBucket',
    's3:PutBucketPublicAccessBlock',
    's3:PutBucketTagging',
    's3:PutEncryptionConfiguration',
    's3:PutLifecycleConfiguration',
    's3:PutObject',
    's3:TagResource',
  ];

  it('documents exactly the IAM actions the action calls', () => {
    const called = iamActionsCalled(
      sandboxes.flatMap((sb) => sb.calls().filter((c) => !observerCalls.has(`${sb.endpoint}#${c.seq}`))),
    );
    const documented = documentedIamActions(ACTION);
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
    expect(documented.filter((a) => !called.includes(a))).toEqual(NOT_CALLED);
  });
});
