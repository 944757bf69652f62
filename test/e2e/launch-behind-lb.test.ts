// launch-behind-lb end to end: the BUILT bundle, run through the runner harness against the
// sandbox (unmodified AWS SDK clients over HTTP). Every scenario starts in beforeAll, each on
// its own sandbox, so the file's wall time is about that of the slowest scenario.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AutoScalingClient,
  DescribeAutoScalingGroupsCommand,
  DescribePoliciesCommand,
  type AutoScalingGroup,
} from '@aws-sdk/client-auto-scaling';
import { DescribeLaunchTemplatesCommand, EC2Client, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { writeManifest, type ReleaseManifest } from '@immut/core/manifest';
import { autoScalingGroupName, loadBalancerName, targetGroupName } from '@immut/core/naming';
import { tagMessage } from '@immut/core/release-reader';
import { SEED, type CallRecord, type FaultSpec, type Sandbox } from '@immut/sandbox';
import {
  describeRun,
  errorsOf,
  runAction,
  runActionWithPost,
  type ActionRun,
  type ActionRunWithPost,
} from '@immut/action-runner';
import {
  adminClientConfig,
  documentedIamActions,
  iamActionsCalled,
  sandboxEnv,
  startE2eSandbox,
} from '@immut/test-support/sandbox';

const ACTION = 'launch-behind-lb';
// Each test awaits its scenario, which may still be running when the first tests start.
jest.setTimeout(120_000);
const [SUBNET_A, SUBNET_B, SUBNET_C] = SEED.subnets.map((s) => s.subnetId) as [string, string, string];
const SG = SEED.securityGroup.groupId;
const IMAGE = 'ami-0a0000000000a2303';
const REPOSITORY = 'immut-test/app';

const BASE: Record<string, string> = {
  role: 'api',
  env: 'prod',
  build: 'b000042',
  region: 'us-east-1',
  'subnet-ids': `${SUBNET_A},${SUBNET_B}`,
  'security-group-ids': SG,
  'lb-security-group-ids': SG,
  // Sandbox time runs 2000× faster; a long deadline keeps slow CI machines from timing out.
  timeout: '6h',
};

function manifestFor(build: string, flags: Record<string, string> = {}): ReleaseManifest {
  return {
    schema: 'immut.release/v1',
    release: `api-${build}`,
    role: 'api',
    env: 'prod',
    build,
    created: '2025-01-15T10:00:00.000Z',
    source: { repository: REPOSITORY, sha: '0123456789abcdef0123456789abcdef01234567', run: '' },
    image: { id: IMAGE, region: 'us-east-1', fingerprint: '0123456789abcdef', base: IMAGE },
    data: {
      engine: 'postgres',
      instance: 'prod-api-b000042',
      endpoint: 'prod-api-b000042.abc.us-east-1.rds.amazonaws.com',
      from: 'snapshot rds:app-db-2025-01-15-03-10',
      changelog: 'm0003',
    },
    app: { version: '1.2.3' },
    flags,
  };
}

/** Records a release in the sandbox's GitHub the way tag-release does: tag object, ref, release, asset. */
async function recordRelease(sandbox: Sandbox, manifest: ReleaseManifest): Promise<string> {
  const tag = `immut/${manifest.env}/${manifest.role}/${manifest.build}`;
  const api = `${sandbox.endpoint}/repos/${REPOSITORY}`;
  const call = async (
    url: string,
    body: unknown,
    contentType = 'application/json',
  ): Promise<Record<string, unknown>> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: 'token test',
        'content-type': contentType,
        accept: 'application/vnd.github+json',
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const sha = manifest.source.sha;
  const object = await call(`${api}/git/tags`, {
    tag,
    message: tagMessage(manifest),
    object: sha,
    type: 'commit',
  });
  await call(`${api}/git/refs`, { ref: `refs/tags/${tag}`, sha: object['sha'] });
  const release = await call(`${api}/releases`, { tag_name: tag, name: tag, body: 'release' });
  const upload = String(release['upload_url']).replace(/\{.*\}$/, '');
  await call(`${upload}?name=manifest.json`, writeManifest(manifest), 'application/json');
  return tag;
}

/**
 * Bad values of every input. The format checks report every problem of a run at once, so
 * they run together (two runs: one bad value per input each); the rest stop at the first
 * problem, so each runs alone. `problems` are matched against the one ::error:: line.
 */
const BAD: ReadonlyArray<{ name: string; inputs: Record<string, string>; problems: RegExp[] }> = [
  {
    name: 'every input at once, one bad value each',
    inputs: {
      role: 'API',
      env: 'internal',
      build: 'B-42',
      region: 'mars-1',
      'dry-run': 'maybe',
      'image-id': 'ami-xyz',
      'instance-type': 'huge',
      'instance-types': 't3.small,huge',
      count: '0',
      min: '0',
      max: '101',
      scaling: 'memory:50',
      'health-check-grace-period': '3h',
      'subnet-ids': SUBNET_A,
      'security-group-ids': 'default',
      'lb-security-group-ids': '',
      scheme: 'public',
      'certificate-arn': 'arn:aws:iam::1:cert',
      port: '70000',
      'health-check-path': 'health',
      'health-check-interval': '2s',
      'healthy-threshold': '1',
      'unhealthy-threshold': '11',
      'health-check-matcher': 'ok',
      'instance-profile': 'a b',
      flags: 'lower=1',
      'keep-on-failure': 'yes',
      timeout: '30s',
    },
    problems: [
      /Input 'role' was 'API'.*expected 1–20 lowercase/,
      /Input 'env' was 'internal'.*reserved/,
      /Input 'build' was 'B-42'.*expected 1–12 lowercase/,
      /Input 'region' was 'mars-1'.*expected an AWS region/,
      /Input 'dry-run' was 'maybe'.*'true' or 'false'/,
      /Input 'image-id' was 'ami-xyz'.*an AMI id/,
      /Input 'instance-type' was 'huge'.*instance type/,
      /Input 'instance-types' was .*instance types/,
      /Input 'count' was '0'.*from 1 to 100/,
      /Input 'min' was '0'.*from 1 to 100/,
      /Input 'max' was '101'.*from 1 to 100/,
      /Input 'scaling' was 'memory:50'.*'cpu:<percent 1–100>'/,
      /Input 'health-check-grace-period' was '3h'.*from 0s to 2h/,
      /Input 'subnet-ids' was .*at least 2/,
      /Input 'security-group-ids' was 'default'.*sg-/,
      /Input 'lb-security-group-ids' is required/,
      /Input 'scheme' was 'public'.*'internet-facing', 'internal'/,
      /Input 'certificate-arn' was .*ACM certificate ARN/,
      /Input 'port' was '70000'.*1 to 65535/,
      /Input 'health-check-path' was 'health'.*starting with '\/'/,
      /Input 'health-check-interval' was '2s'.*from 5s to 300s/,
      /Input 'healthy-threshold' was '1'.*from 2 to 10/,
      /Input 'unhealthy-threshold' was '11'.*from 2 to 10/,
      /Input 'health-check-matcher' was 'ok'.*HTTP codes/,
      /Input 'instance-profile' was 'a b'.*instance profile/,
      /Input 'flags' was 'lower=1'.*KEY=VALUE/,
      /Input 'keep-on-failure' was 'yes'.*'true' or 'false'/,
      /Input 'timeout' was '30s'.*from 1m to 6h/,
    ],
  },
  {
    name: 'second bad values of count, subnet-ids, health-check-interval, matcher, flags, timeout',
    inputs: {
      count: '101',
      'subnet-ids': `${SUBNET_A},${SUBNET_A}`,
      'health-check-interval': '301s',
      'health-check-matcher': '200,',
      flags: 'A=1\nA=2',
      timeout: '7h',
    },
    problems: [
      /Input 'count' was '101'/,
      /Input 'subnet-ids' was .*listed twice/,
      /Input 'health-check-interval' was '301s'/,
      /Input 'health-check-matcher' was '200,'/,
      /Input 'flags' was .*repeats key A/,
      /Input 'timeout' was '7h'/,
    ],
  },
  // Rules across inputs.
  {
    name: 'a count outside min and max, scaling with no room, a grace period in milliseconds',
    inputs: { count: '3', min: '4', max: '2', scaling: 'cpu:50', 'health-check-grace-period': '1500ms' },
    problems: [
      /Input 'min' was 4, more than 'count' 3/,
      /Input 'max' was 2, less than 'count' 3/,
      /Input 'health-check-grace-period' was 1500ms: Auto Scaling takes whole seconds/,
    ],
  },
  {
    name: 'scaling on a group that cannot change size',
    inputs: { scaling: 'requests:500' },
    problems: [/Input 'scaling' was 'requests:500' but the group cannot change size \(min = max = 2\)/],
  },
  {
    name: 'neither release nor image-id',
    inputs: { 'image-id': '' },
    problems: [/Inputs 'release' and 'image-id' were both empty/],
  },
  {
    name: 'release and image-id both given, interval 7500ms, a zone that is neither id nor name',
    inputs: { release: 'immut/prod/api/b1', 'health-check-interval': '7500ms', zone: 'not a zone!' },
    problems: [
      /Inputs 'release' and 'image-id' were both given/,
      /Input 'health-check-interval' was 7500ms.*whole seconds/,
      /Input 'zone' was 'not a zone!': neither a hosted zone id nor a DNS name/,
    ],
  },
  // The release.
  {
    name: 'a release that is neither tag nor JSON',
    inputs: { 'image-id': '', release: 'v1.2.3' },
    problems: [/Input 'release' was 'v1.2.3'.*expected a release tag/],
  },
  {
    name: 'release manifest that is not JSON',
    inputs: { 'image-id': '', release: '{"schema": "immut.release/v1"' },
    problems: [/Release manifest is not valid JSON/],
  },
  {
    name: 'release manifest of an unknown schema',
    inputs: { 'image-id': '', release: '{"schema": "immut.release/v9"}' },
    problems: [/schema 'immut.release\/v9'/],
  },
  {
    name: 'a release tag that does not exist',
    inputs: { 'image-id': '', release: 'immut/prod/api/b999999' },
    problems: [/No release 'immut\/prod\/api\/b999999'/],
  },
  {
    name: 'release of another role',
    inputs: { 'image-id': '', release: 'immut/prod/web/b000042' },
    problems: [/is for role 'web' in env 'prod', but this launch is for role 'api'/],
  },
  {
    name: 'release tag without a github-token',
    inputs: { 'image-id': '', release: 'immut/prod/api/b000042', 'github-token': '' },
    problems: [/Input 'github-token' is empty/],
  },
  // Flags that must not reach the servers.
  {
    name: 'flags with a secret and a reserved key',
    inputs: { flags: 'DB_PASSWORD=hunter22\nROLE=web' },
    problems: [
      /'flags' input key 'DB_PASSWORD' is refused: its name suggests a secret/,
      /'ROLE' is set by immut itself/,
    ],
  },
  {
    name: 'flags too big for user data',
    inputs: { flags: `BIG=${'x'.repeat(17_000)}` },
    problems: [/user data .* is \d+ bytes; EC2 allows 16384/],
  },
  // Values only AWS can refute: checked before anything is created.
  {
    name: 'a subnet that does not exist',
    inputs: { 'subnet-ids': `${SUBNET_A},subnet-0deadbeefdeadbeef` },
    problems: [/Input 'subnet-ids' was .*subnet-0deadbeefdeadbeef.*does not exist/],
  },
  {
    name: 'a server security group that does not exist',
    inputs: { 'security-group-ids': 'sg-0deadbeefdeadbeef' },
    problems: [/Input 'security-group-ids' was 'sg-0deadbeefdeadbeef'/],
  },
  {
    name: 'a load balancer security group that does not exist',
    inputs: { 'lb-security-group-ids': 'sg-0deadbeefdeadbeef' },
    problems: [/Input 'lb-security-group-ids' was 'sg-0deadbeefdeadbeef'/],
  },
  {
    name: 'an image that does not exist',
    inputs: { 'image-id': 'ami-0deadbeefdeadbeef' },
    problems: [/image ami-0deadbeefdeadbeef \(from input image-id\) cannot be launched/],
  },
  {
    name: 'a zone name that does not exist',
    inputs: { zone: 'nowhere.test' },
    problems: [/Input 'zone' was 'nowhere.test': this account has no hosted zone of that name/],
  },
  {
    name: 'a zone id that does not exist',
    inputs: { zone: 'Z0000000000000000000' },
    // Under the generated policy (zones named) any other id is AccessDenied, as on AWS.
    problems: [
      /Input 'zone' was 'Z0000000000000000000': the role may not read that hosted zone \(AWS denied route53:GetHostedZone\)/,
    ],
  },
];

// ---------------------------------------------------------------------------------------
// Scenarios, all started together.

interface Scenario {
  sandbox: Sandbox;
  runs: Array<ActionRun | ActionRunWithPost>;
  /** The calls the action made (the test's own, made after a run to inspect it, left out). */
  actionCalls: CallRecord[];
}

const scenarios = new Map<string, Promise<Scenario>>();
const sandboxes: Sandbox[] = [];

function scenario(
  name: string,
  body: (sandbox: Sandbox, env: Record<string, string>) => Promise<Array<ActionRun | ActionRunWithPost>>,
  faults: FaultSpec[] = [],
  timeScale?: number,
): void {
  scenarios.set(
    name,
    (async () => {
      const sandbox = await startE2eSandbox({
        faults,
        ...(timeScale ? { timeScale } : {}),
        // The role names the scenarios launch build names under (npm run iam --record-name).
        policy: { recordNames: ['api.prod.example.test', 'billing-worker-queue.staging.example.test'] },
      });
      sandboxes.push(sandbox);
      const env = { ...sandboxEnv(sandbox, ACTION, timeScale), GITHUB_API_URL: sandbox.endpoint };
      const runs = await body(sandbox, env);
      const cut = (runs[0] as { callsBefore?: number } | undefined)?.callsBefore;
      const calls = sandbox.calls();
      return { sandbox, runs, actionCalls: name === 'heals' ? calls.slice(0, cut) : calls };
    })(),
  );
}

async function get(name: string): Promise<Scenario> {
  const s = await scenarios.get(name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}

const main = (run: ActionRun | ActionRunWithPost): ActionRun => ('main' in run ? run.main : run);

function succeeded(run: ActionRun): ActionRun {
  if (run.exitCode !== 0) throw new Error(`expected success\n${describeRun(run)}`);
  return run;
}

function theError(run: ActionRun): string {
  const errors = errorsOf(run);
  if (run.exitCode === 0 || errors.length !== 1)
    throw new Error(`expected one ::error::\n${describeRun(run)}`);
  return errors[0]?.message ?? '';
}

/** What the build left in the sandbox: groups, launch templates, load balancers, target groups,
 *  listeners, live instances. */
function leftovers(sandbox: Sandbox): string[] {
  return sandbox
    .inventory()
    .filter(
      (i) =>
        (i.service === 'elasticloadbalancing' &&
          ['load-balancer', 'target-group', 'listener'].includes(i.kind)) ||
        (i.service === 'autoscaling' && i.kind === 'auto-scaling-group') ||
        (i.service === 'ec2' && i.kind === 'launch-template') ||
        (i.service === 'ec2' &&
          i.kind === 'instance' &&
          !['terminated', 'shutting-down'].includes(i.state ?? '')),
    )
    .map((i) => `${i.kind} ${i.id}`);
}

function created(calls: readonly CallRecord[]): CallRecord[] {
  return calls.filter(
    (c) =>
      /^(Create|Run|Register|Change|Put)/.test(c.operation) &&
      c.outcome === 'ok' &&
      c.params['DryRun'] !== 'true',
  );
}

/** SDK clients with the tests' own admin key: they look at (and break) what the action made. */
function adminClients(sandbox: Sandbox) {
  const config = adminClientConfig(sandbox);
  return {
    autoscaling: new AutoScalingClient(config),
    ec2: new EC2Client(config),
    elb: new ElasticLoadBalancingV2Client(config),
  };
}

async function groupOf(sandbox: Sandbox, name: string): Promise<AutoScalingGroup | undefined> {
  const c = adminClients(sandbox);
  try {
    const out = await c.autoscaling.send(
      new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }),
    );
    return out.AutoScalingGroups?.[0];
  } finally {
    for (const client of Object.values(c)) client.destroy();
  }
}

/** The params of the action's successful CreateLaunchTemplate (EC2 query params, nested). */
function templateData(sandbox: Sandbox): Record<string, unknown> {
  const call = sandbox
    .calls()
    .find(
      (c) => c.operation === 'CreateLaunchTemplate' && c.outcome === 'ok' && c.params['DryRun'] !== 'true',
    );
  return (call?.params['LaunchTemplateData'] ?? {}) as Record<string, unknown>;
}

/** The environment file the user data writes, read back with a real POSIX shell. */
function envFileOf(userDataBase64: string): Record<string, string> {
  const script = Buffer.from(userDataBase64, 'base64').toString('utf8');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'immut-userdata-'));
  try {
    // Run the user data with its target directory moved into the temp dir, then source the file.
    const file = path.join(dir, 'app.env');
    const local = script
      .replaceAll('/etc/immut/app.env', file)
      .replaceAll('mkdir -p /etc/immut', `mkdir -p ${dir}`);
    writeFileSync(path.join(dir, 'user-data.sh'), local);
    execFileSync('sh', [path.join(dir, 'user-data.sh')]);
    const out = execFileSync('sh', ['-c', `set -a; . "${file}"; env -0`], { env: {} }).toString('utf8');
    const vars: Record<string, string> = {};
    for (const entry of out.split('\0').filter(Boolean)) {
      const eq = entry.indexOf('=');
      vars[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    for (const k of ['PWD', 'SHLVL', '_', 'OLDPWD']) delete vars[k];
    return vars;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  scenario('bad-inputs', async (sandbox, env) => {
    await recordRelease(sandbox, manifestFor('b000042'));
    return Promise.all(
      BAD.map((bad) => runAction(ACTION, { env, inputs: { ...BASE, 'image-id': IMAGE, ...bad.inputs } })),
    );
  });

  scenario('healthy-from-tag', async (sandbox, env) => {
    const tag = await recordRelease(
      sandbox,
      manifestFor('b000042', { FEATURE_X: 'on', GREETING: 'it\'s "quoted" $HOME `x`' }),
    );
    const run = await runActionWithPost(ACTION, {
      env,
      inputs: { ...BASE, release: tag, zone: 'example.test', count: '3', flags: 'EXTRA=1\nFEATURE_X=off' },
    });
    return [run];
  });

  scenario('long-names', async (_sandbox, env) => [
    await runAction(ACTION, {
      env,
      inputs: {
        ...BASE,
        role: 'billing-worker-queue',
        env: 'staging',
        build: 'b00000000042',
        'image-id': IMAGE,
        count: '1',
      },
    }),
    await runAction(ACTION, {
      env,
      inputs: {
        ...BASE,
        role: 'billing-worker-queue',
        env: 'staging',
        build: 'b00000000043',
        'image-id': IMAGE,
        count: '1',
      },
    }),
  ]);

  scenario(
    'never-healthy',
    async (_sandbox, env) => [
      await runActionWithPost(ACTION, {
        env,
        // A grace period beyond the timeout: the group must not start replacing its unhealthy
        // servers before the deadline, or the error would name the replacements' states,
        // depending on how far the sandbox clock ran (it did, once, in CI).
        inputs: {
          ...BASE,
          'image-id': IMAGE,
          zone: 'example.test',
          timeout: '20m',
          'health-check-grace-period': '1h',
        },
        timeoutMs: 60_000,
      }),
    ],
    [{ kind: 'target-never-healthy' }],
    500,
  );

  scenario(
    'capacity',
    async (_sandbox, env) => [
      await runAction(ACTION, { env, inputs: { ...BASE, 'image-id': IMAGE, count: '2' } }),
    ],
    [{ kind: 'no-capacity', match: { availabilityZone: 'us-east-1a' } }],
  );

  scenario(
    'no-capacity-anywhere',
    async (_sandbox, env) => [
      await runActionWithPost(ACTION, { env, inputs: { ...BASE, 'image-id': IMAGE, count: '2' } }),
    ],
    [{ kind: 'no-capacity' }],
  );

  scenario('heals', async (sandbox, env) => {
    const run = await runAction(ACTION, { env, inputs: { ...BASE, 'image-id': IMAGE, count: '2' } });
    succeeded(run);
    const name = autoScalingGroupName({ role: 'api', env: 'prod', build: 'b000042' });
    const callsBefore = sandbox.calls().length;
    const victim = (run.outputs['instance-ids'] ?? '').split(',')[0] ?? '';
    const c = adminClients(sandbox);
    try {
      // Behind the group's back: straight through EC2, as a failing host or a mistaken user would.
      await c.ec2.send(new TerminateInstancesCommand({ InstanceIds: [victim] }));
      for (let i = 0; i < 60; i++) {
        await sandbox.advance(30_000);
        const group = await groupOf(sandbox, name);
        const ids = (group?.Instances ?? [])
          .filter((m) => m.LifecycleState === 'InService')
          .map((m) => m.InstanceId ?? '');
        const health = await c.elb.send(
          new DescribeTargetHealthCommand({ TargetGroupArn: run.outputs['target-group-arn'] }),
        );
        const healthy = (health.TargetHealthDescriptions ?? []).filter(
          (d) => d.TargetHealth?.State === 'healthy' && ids.includes(d.Target?.Id ?? ''),
        );
        if (healthy.length === 2 && !ids.includes(victim)) break;
      }
    } finally {
      for (const client of Object.values(c)) client.destroy();
    }
    (run as ActionRun & { victim?: string; callsBefore?: number }).victim = victim;
    (run as ActionRun & { victim?: string; callsBefore?: number }).callsBefore = callsBefore;
    return [run];
  });

  scenario('scaling-mixed', async (_sandbox, env) => [
    await runAction(ACTION, {
      env,
      inputs: {
        ...BASE,
        'image-id': IMAGE,
        count: '2',
        min: '1',
        max: '4',
        scaling: 'requests:800',
        'instance-types': 't3.small,t3a.small',
        'health-check-grace-period': '120s',
      },
    }),
  ]);

  scenario(
    'throttled',
    async (_sandbox, env) => [
      await runAction(ACTION, { env, inputs: { ...BASE, 'image-id': IMAGE, zone: 'example.test' } }),
    ],
    [
      { service: 'ec2', operation: 'CreateLaunchTemplate', error: 'RequestLimitExceeded', times: 2 },
      { service: 'autoscaling', operation: 'CreateAutoScalingGroup', error: 'Throttling', times: 2 },
      { service: 'autoscaling', operation: 'DescribeAutoScalingGroups', error: 'Throttling', times: 2 },
      { service: 'elasticloadbalancing', operation: 'CreateLoadBalancer', error: 'Throttling', times: 2 },
      { service: 'elasticloadbalancing', operation: 'DescribeTargetHealth', error: 'Throttling', times: 2 },
      { service: 'route53', operation: 'ChangeResourceRecordSets', error: 'Throttling', times: 1 },
    ],
  );

  scenario('rerun', async (sandbox, env) => {
    const inputs = { ...BASE, release: writeManifest(manifestFor('b000042')), zone: 'example.test' };
    const first = await runAction(ACTION, { env, inputs });
    const firstCalls = sandbox.calls().length;
    const second = await runAction(ACTION, { env: { ...env, GITHUB_RUN_ATTEMPT: '2' }, inputs });
    (second as ActionRun & { callsBefore?: number }).callsBefore = firstCalls;
    return [first, second];
  });

  scenario('dry-run', async (sandbox, env) => {
    const inputs = { ...BASE, 'image-id': IMAGE, zone: 'example.test', 'dry-run': 'true' };
    const allowed = await runAction(ACTION, { env, inputs });
    sandbox.addFaults([
      { service: 'ec2', operation: 'CreateLaunchTemplate', error: 'UnauthorizedOperation', status: 403 },
    ]);
    const denied = await runAction(ACTION, { env, inputs });
    return [allowed, denied];
  });

  scenario('https-internal', async (_sandbox, env) => [
    await runAction(ACTION, {
      env,
      inputs: {
        ...BASE,
        'image-id': IMAGE,
        count: '1',
        scheme: 'internal',
        'certificate-arn':
          'arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-1111-2222-3333-444455556666',
        'instance-profile': 'api-server',
        port: '9000',
        'health-check-path': '/ready',
        'health-check-interval': '10s',
        'healthy-threshold': '3',
        'unhealthy-threshold': '4',
        'health-check-matcher': '200-299',
        'instance-type': 'm7g.large',
        'subnet-ids': `${SUBNET_A},${SUBNET_B},${SUBNET_C}`,
      },
    }),
  ]);

  scenario(
    'keep-on-failure',
    async (_sandbox, env) => [
      await runActionWithPost(ACTION, {
        env,
        inputs: { ...BASE, 'image-id': IMAGE, timeout: '1m', 'keep-on-failure': 'true' },
      }),
    ],
    [{ kind: 'target-never-healthy' }],
  );

  scenario(
    'cancelled',
    async (_sandbox, env) => {
      // Another build's resources in the same account, which the cleanup must not touch.
      const other = await runAction(ACTION, {
        env,
        inputs: { ...BASE, build: 'b000041', 'image-id': IMAGE, count: '1' },
      });
      // A run that dies at its last step (after the DNS record was created), then its post step.
      const run = await runActionWithPost(ACTION, {
        env,
        inputs: { ...BASE, 'image-id': IMAGE, zone: 'example.test' },
      });
      return [run, other];
    },
    [{ service: 'route53', operation: 'GetChange', error: 'AccessDenied', status: 403 }],
  );
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([...scenarios.values()]);
  await Promise.all(sandboxes.map((s) => s.stop()));
});

describe('launch-behind-lb', () => {
  it.each(BAD.map((bad, i) => [bad.name, i] as const))(
    'refuses %s with one clear error',
    async (_name, i) => {
      const { runs } = await get('bad-inputs');
      const run = main(runs[i]!);
      const message = theError(run);
      for (const problem of BAD[i]!.problems) expect(message).toMatch(problem);
      expect(message).not.toMatch(/likely a bug|hunter22/);
      expect(run.outputs).toEqual({});
    },
  );

  it('creates nothing for any bad input', async () => {
    const { sandbox } = await get('bad-inputs');
    expect(created(sandbox.calls())).toEqual([]);
    expect(leftovers(sandbox)).toEqual([]);
  });

  it('launches a release given by its tag: healthy servers behind the load balancer, the outputs and the build name', async () => {
    const { sandbox, runs } = await get('healthy-from-tag');
    const run = succeeded(main(runs[0]!));
    const lbName = loadBalancerName({ role: 'api', env: 'prod', build: 'b000042' });
    expect(run.outputs['load-balancer-arn']).toMatch(new RegExp(`:loadbalancer/app/${lbName}/`));
    expect(run.outputs['load-balancer-dns-name']).toMatch(
      new RegExp(`^${lbName}-\\d+\\.us-east-1\\.elb\\.amazonaws\\.com$`),
    );
    expect(run.outputs['load-balancer-zone-id']).toBe('Z35SXDOTRQ7X7K');
    expect(run.outputs['target-group-arn']).toMatch(
      new RegExp(`:targetgroup/${targetGroupName({ role: 'api', env: 'prod', build: 'b000042' })}/`),
    );
    expect(run.outputs['build-dns-name']).toBe('b000042.api.prod.example.test');
    const record = sandbox
      .inventory()
      .find((i) => i.kind === 'resource-record-set' && i.id.includes('/b000042.api.prod.example.test'));
    expect(record?.id).toMatch(/\/A$/);
    const ids = (run.outputs['instance-ids'] ?? '').split(',');
    expect(ids).toHaveLength(3);
    const targets = sandbox.inventory().filter((i) => i.kind === 'target');
    expect(targets.map((t) => t.state)).toEqual(['healthy', 'healthy', 'healthy']);
    // The build's group: its target group attached, checked by the load balancer, spread over both zones.
    const groupName = autoScalingGroupName({ role: 'api', env: 'prod', build: 'b000042' });
    expect(run.outputs['auto-scaling-group-name']).toBe(groupName);
    const group = await groupOf(sandbox, groupName);
    expect(group).toMatchObject({
      TargetGroupARNs: [run.outputs['target-group-arn']],
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 300,
      MinSize: 3,
      MaxSize: 3,
      DesiredCapacity: 3,
      CapacityRebalance: true,
      VPCZoneIdentifier: `${SUBNET_A},${SUBNET_B}`,
    });
    const inService = (group?.Instances ?? []).filter(
      (m) => m.LifecycleState === 'InService' && m.HealthStatus === 'Healthy',
    );
    expect(inService.map((m) => m.InstanceId).sort()).toEqual([...ids].sort());
    expect(new Set(inService.map((m) => m.AvailabilityZone))).toEqual(new Set(['us-east-1a', 'us-east-1b']));
    // Summary: resources, the group's size, each target's health, the picture.
    expect(run.summary).toContain(lbName);
    expect(run.summary).toMatch(new RegExp(`\\| ${groupName} \\| 3 \\| 3 \\| 3 \\|`));
    for (const id of ids)
      expect(run.summary).toMatch(new RegExp(`\\| ${id} \\| us-east-1[ab] \\| healthy \\|`));
    expect(run.summary).toContain('```mermaid');
    expect(run.summary).toContain('b000042.api.prod.example.test');
    expect(
      run.logLines.some((l) => l.startsWith('DNS name b000042.api.prod.example.test to be in sync: done')),
    ).toBe(true);
  });

  it('tags every resource it creates with the standard tags and the release', async () => {
    const { sandbox } = await get('healthy-from-tag');
    const made = sandbox
      .inventory()
      .filter((i) =>
        ['load-balancer', 'target-group', 'listener', 'instance', 'auto-scaling-group'].includes(i.kind),
      );
    expect(made.length).toBe(7);
    const c = adminClients(sandbox);
    try {
      const out = await c.ec2.send(new DescribeLaunchTemplatesCommand({}));
      expect(out.LaunchTemplates?.map((t) => t.LaunchTemplateName)).toEqual(['prod-api-b000042']);
      made.push({
        service: 'ec2',
        kind: 'launch-template',
        id: out.LaunchTemplates?.[0]?.LaunchTemplateId ?? '',
        tags: Object.fromEntries(
          (out.LaunchTemplates?.[0]?.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']),
        ),
      } as (typeof made)[number]);
    } finally {
      for (const client of Object.values(c)) client.destroy();
    }
    // The servers' tags come from the template and the group (propagated at launch).
    const servers = made.filter((i) => i.kind === 'instance');
    for (const server of servers) expect(server.tags['Name']).toBe('immut/prod/api/b000042');
    // Servers and their volumes are tagged by the template, IMDSv2 only.
    expect(templateData(sandbox)).toMatchObject({ MetadataOptions: { HttpTokens: 'required' } });
    for (const item of made) {
      expect(item.tags).toMatchObject({
        'immut:managed-by': 'immut',
        'immut:role': 'api',
        'immut:env': 'prod',
        'immut:build': 'b000042',
        'immut:release': 'api-b000042',
        'immut:source': `${REPOSITORY}@0123456789abcdef0123456789abcdef01234567`,
      });
      expect(item.tags['Name']).toBeDefined();
    }
  });

  it("writes exactly the expected flags into the user data's environment file", async () => {
    const { sandbox } = await get('healthy-from-tag');
    const vars = envFileOf(String(templateData(sandbox)['UserData']));
    expect(vars).toEqual({
      BUILD: 'b000042',
      DB_ENDPOINT: 'prod-api-b000042.abc.us-east-1.rds.amazonaws.com',
      ENV: 'prod',
      EXTRA: '1',
      FEATURE_X: 'off',
      GREETING: 'it\'s "quoted" $HOME `x`',
      LOG_DIR: '/var/log/api',
      RELEASE: 'api-b000042',
      ROLE: 'api',
    });
  });

  it('keeps names of a 20-character role and a 12-character build within 32 characters and distinct', async () => {
    const { sandbox, runs } = await get('long-names');
    const [a, b] = runs.map((r) => succeeded(main(r)));
    const names = sandbox
      .inventory()
      .filter((i) => i.kind === 'load-balancer' || i.kind === 'target-group')
      .map((i) => i.tags['Name'] ?? '');
    expect(names).toHaveLength(4);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(32);
    expect(a?.outputs['load-balancer-arn']).not.toBe(b?.outputs['load-balancer-arn']);
    expect(new Set(names).size).toBe(2); // a load balancer and its target group share a name; builds differ
  });

  it('fails cleanly when the targets never get healthy: each reason in the error, everything it made removed', async () => {
    const { sandbox, runs } = await get('never-healthy');
    const run = runs[0] as ActionRunWithPost;
    const message = theError(run.main);
    expect(message).toMatch(/Timed out .*Auto Scaling group prod-api-b000042 to have 2 healthy server/);
    expect(message).toMatch(/i-[0-9a-f]+ unhealthy \(Target\.Timeout: Request timed out\)/);
    // Progress lines while it waited, with each target's state.
    expect(run.main.logLines.some((l) => /0\/2 healthy, .*i-\S+ unhealthy/.test(l))).toBe(true);
    expect(run.post?.exitCode).toBe(0);
    expect(leftovers(sandbox)).toEqual([]);
    const records = sandbox
      .inventory()
      .filter((i) => i.service === 'route53' && i.id.includes('b000042.api.prod'));
    expect(records).toEqual([]);
  });

  it('leaves capacity to the group: with one zone short, all servers start in the other', async () => {
    const { sandbox, runs } = await get('capacity');
    const run = succeeded(main(runs[0]!));
    const group = await groupOf(sandbox, run.outputs['auto-scaling-group-name'] ?? '');
    const live = (group?.Instances ?? []).filter((m) => m.LifecycleState === 'InService');
    expect(live.map((m) => m.AvailabilityZone)).toEqual(['us-east-1b', 'us-east-1b']);
    expect(run.outputs['instance-ids']?.split(',')).toHaveLength(2);
  });

  it('fails with the group’s own reason when no zone can serve, and post leaves nothing', async () => {
    const { sandbox, runs } = await get('no-capacity-anywhere');
    const run = runs[0] as ActionRunWithPost;
    expect(theError(run.main)).toMatch(
      /Auto Scaling could not launch servers in any of the subnets' zones: .*(capacity|InsufficientInstanceCapacity)/i,
    );
    expect(run.post?.exitCode).toBe(0);
    expect(leftovers(sandbox)).toEqual([]);
    expect(await groupOf(sandbox, 'prod-api-b000042')).toBeUndefined();
  });

  it('heals: a server terminated through EC2 is replaced by the group and healthy again, with no call by immut', async () => {
    const { sandbox, runs } = await get('heals');
    const run = runs[0] as ActionRun & { victim?: string; callsBefore?: number };
    const group = await groupOf(sandbox, run.outputs['auto-scaling-group-name'] ?? '');
    const inService = (group?.Instances ?? []).filter((m) => m.LifecycleState === 'InService');
    expect(inService).toHaveLength(2);
    expect(inService.map((m) => m.InstanceId)).not.toContain(run.victim);
    const c = adminClients(sandbox);
    try {
      const health = await c.elb.send(
        new DescribeTargetHealthCommand({ TargetGroupArn: run.outputs['target-group-arn'] }),
      );
      const healthy = (health.TargetHealthDescriptions ?? [])
        .filter((d) => d.TargetHealth?.State === 'healthy')
        .map((d) => d.Target?.Id);
      for (const m of inService) expect(healthy).toContain(m.InstanceId);
    } finally {
      for (const client of Object.values(c)) client.destroy();
    }
    // Nothing of immut's ran meanwhile: every call after the launch is the test's own.
    const after = sandbox.calls().slice(run.callsBefore ?? 0);
    expect([...new Set(after.map((call) => call.operation))].sort()).toEqual([
      'DescribeAutoScalingGroups',
      'DescribeTargetHealth',
      'TerminateInstances',
    ]);
  });

  it('sizes the group from min and max, tracks requests per server and mixes instance types', async () => {
    const { sandbox, runs } = await get('scaling-mixed');
    const run = succeeded(main(runs[0]!));
    const name = run.outputs['auto-scaling-group-name'] ?? '';
    const group = await groupOf(sandbox, name);
    expect(group).toMatchObject({ MinSize: 1, MaxSize: 4, DesiredCapacity: 2, HealthCheckGracePeriod: 120 });
    expect(group?.MixedInstancesPolicy?.LaunchTemplate?.Overrides?.map((o) => o.InstanceType)).toEqual([
      't3.small',
      't3a.small',
    ]);
    const c = adminClients(sandbox);
    try {
      const policies = await c.autoscaling.send(new DescribePoliciesCommand({ AutoScalingGroupName: name }));
      expect(policies.ScalingPolicies?.map((p) => p.TargetTrackingConfiguration)).toMatchObject([
        {
          TargetValue: 800,
          PredefinedMetricSpecification: {
            PredefinedMetricType: 'ALBRequestCountPerTarget',
            ResourceLabel: expect.stringMatching(
              /^app\/prod-api-b000042\/[0-9a-f]+\/targetgroup\/prod-api-b000042\/[0-9a-f]+$/,
            ),
          },
        },
      ]);
    } finally {
      for (const client of Object.values(c)) client.destroy();
    }
  });

  it('rides out throttling on EC2, Auto Scaling, ELBv2 and Route 53', async () => {
    const { sandbox, runs } = await get('throttled');
    succeeded(main(runs[0]!));
    const throttled = sandbox.calls().filter((c) => c.injected);
    expect(throttled.length).toBe(11);
    expect(leftovers(sandbox).filter((l) => l.startsWith('auto-scaling-group'))).toHaveLength(1);
  });

  it('re-run of the same build finds its own resources and creates nothing new', async () => {
    const { sandbox, runs } = await get('rerun');
    const [first, second] = runs.map((r) => succeeded(main(r)));
    expect(second?.outputs).toEqual(first?.outputs);
    const callsBefore = (second as ActionRun & { callsBefore?: number }).callsBefore ?? 0;
    const secondCalls = sandbox.calls().slice(callsBefore);
    expect(created(secondCalls).map((c) => c.operation)).toEqual([]);
    expect(second?.summary).toMatch(/reused/);
    // Exactly one group for the build, whatever the attempts.
    expect(sandbox.inventory().filter((i) => i.kind === 'auto-scaling-group')).toHaveLength(1);
  });

  it('post after a run that died midway removes exactly what it created, and never another build', async () => {
    const { sandbox, runs } = await get('cancelled');
    const run = runs[0] as ActionRunWithPost;
    expect(theError(run.main)).toMatch(/route53:GetChange/);
    const recorded = JSON.parse(run.main.state['immut-created'] ?? '[]') as Array<{ kind: string }>;
    expect(recorded.map((r) => r.kind)).toEqual([
      'load-balancer',
      'target-group',
      'listener',
      'launch-template',
      'auto-scaling-group',
      'dns-record',
    ]);
    // Newest first: the record, the group (with its servers) before its template, the listener
    // before its target group, the load balancer.
    const removals = run.post?.logLines.filter((l) => l.startsWith('removed ')).map((l) => l.split(' ')[1]);
    expect(removals).toEqual([
      'dns-record',
      'auto-scaling-group',
      'launch-template',
      'listener',
      'target-group',
      'load-balancer',
    ]);
    const records = sandbox
      .inventory()
      .filter((i) => i.service === 'route53' && i.id.includes('b000042.api.prod'));
    expect(records).toEqual([]);
    expect(run.post?.exitCode).toBe(0);
    const other = succeeded(main(runs[1]!));
    const left = leftovers(sandbox);
    expect(
      left.every(
        (l) =>
          l.includes('b000041') ||
          l.startsWith('launch-template ') ||
          other.outputs['instance-ids']?.includes(l.split(' ')[1] ?? '-'),
      ),
    ).toBe(true);
    // The other build's load balancer, target group, listener, group, server and template.
    expect(left.length).toBe(6);
    expect(await groupOf(sandbox, 'prod-api-b000041')).toBeDefined();
    expect(await groupOf(sandbox, 'prod-api-b000042')).toBeUndefined();
  });

  it('dry run prints the plan, checks the launch with EC2 DryRun and creates nothing', async () => {
    const { sandbox, runs } = await get('dry-run');
    const allowed = succeeded(main(runs[0]!));
    expect(
      allowed.logLines.some((l) => /\[dry run\] Load balancer prod-api-b000042 \(internet-facing\)/.test(l)),
    ).toBe(true);
    expect(
      allowed.logLines.some((l) => /\[dry run\] Build DNS name b000042\.api\.prod\.example\.test/.test(l)),
    ).toBe(true);
    expect(
      allowed.logLines.some((l) => /EC2 DryRun: creating the launch template .* is permitted/.test(l)),
    ).toBe(true);
    expect(
      allowed.logLines.some((l) => /\[dry run\] Auto Scaling group prod-api-b000042: 2 server\(s\)/.test(l)),
    ).toBe(true);
    expect(allowed.summary).toMatch(/dry run/);
    expect(allowed.outputs).toEqual({});
    const dry = sandbox.calls().filter((c) => c.operation === 'CreateLaunchTemplate');
    expect(dry.length).toBeGreaterThan(0);
    expect(dry.every((c) => c.params['DryRun'] === 'true' || c.params['DryRun'] === true)).toBe(true);
    expect(theError(main(runs[1]!))).toMatch(
      /Dry run: EC2 would refuse .*Grant the IAM action 'ec2:CreateLaunchTemplate'/,
    );
    expect(created(sandbox.calls())).toEqual([]);
    expect(leftovers(sandbox)).toEqual([]);
  });

  it('honours the listener, scheme, health check and server settings', async () => {
    const { sandbox, runs } = await get('https-internal');
    const run = succeeded(main(runs[0]!));
    expect(run.outputs['load-balancer-dns-name']).toMatch(/^internal-/);
    expect(run.outputs['build-dns-name']).toBe('');
    const call = (op: string) =>
      sandbox.calls().find((c) => c.operation === op && c.outcome === 'ok')?.params ?? {};
    expect(call('CreateListener')).toMatchObject({ Protocol: 'HTTPS', Port: '443' });
    expect(call('CreateTargetGroup')).toMatchObject({
      Port: '9000',
      HealthCheckPath: '/ready',
      HealthCheckIntervalSeconds: '10',
      HealthyThresholdCount: '3',
      UnhealthyThresholdCount: '4',
      Matcher: { HttpCode: '200-299' },
    });
    expect(templateData(sandbox)).toMatchObject({
      InstanceType: 'm7g.large',
      IamInstanceProfile: { Name: 'api-server' },
    });
    const group = await groupOf(sandbox, run.outputs['auto-scaling-group-name'] ?? '');
    expect(group?.VPCZoneIdentifier).toBe(`${SUBNET_A},${SUBNET_B},${SUBNET_C}`);
  });

  it('keep-on-failure keeps what the failed run created, and says so', async () => {
    const { sandbox, runs } = await get('keep-on-failure');
    const run = runs[0] as ActionRunWithPost;
    expect(run.main.exitCode).not.toBe(0);
    expect(run.post?.exitCode).toBe(0);
    expect(
      run.post?.annotations.some((a) => a.level === 'warning' && /keep-on-failure is set/.test(a.message)),
    ).toBe(true);
    // The load balancer, target group, listener, the group with its servers and the template.
    const kinds = leftovers(sandbox).map((l) => l.split(' ')[0]);
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    expect(
      ['load-balancer', 'target-group', 'listener', 'auto-scaling-group', 'launch-template'].map(count),
    ).toEqual([1, 1, 1, 1, 1]);
    expect(count('instance')).toBeGreaterThanOrEqual(2);
  });

  it('calls only the IAM actions its docs list, and calls every one of them but the implicit ones', async () => {
    const all = await Promise.all([...scenarios.values()]);
    const called = iamActionsCalled(all.flatMap((s) => s.actionCalls));
    const documented = documentedIamActions(ACTION);
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
    // AWS authorizes these inside other calls, so the sandbox never logs them: tags given
    // to Create* need CreateTags / AddTags, a group made from a launch
    // template needs RunInstances (and PassRole for its instance profile), and the first group
    // of an account makes Auto Scaling's service-linked role.
    expect(documented.filter((a) => !called.includes(a))).toEqual([
      'ec2:CreateTags',
      'ec2:RunInstances',
      'elasticloadbalancing:AddTags',
      'iam:CreateServiceLinkedRole',
      'iam:PassRole',
    ]);
  });
});
