// Reliability matrix of launch-behind-lb: one row per fault, each on its own sandbox
// (in-process, started in milliseconds), all rows at once (driver.ts). See README.md.
import { expect } from '@jest/globals';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { EC2Client, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { SEED, type FaultSpec, type Sandbox, type ServiceName } from '@immut/sandbox';
import { describeRun, runAction } from '@immut/action-runner';
import { adminClientConfig, sandboxEnv } from '@immut/test-support/sandbox';
import { drive, faultMatrix, insideWait, type RowResult } from './driver.js';
import { addedLive, expectOnlyReleased, inventoryKeys, until, type RowSpec } from './support.js';

const ACTION = 'launch-behind-lb';
const [SUBNET_A, SUBNET_B] = SEED.subnets.map((s) => s.subnetId) as [string, string];
const SG = SEED.securityGroup.groupId;
const COUNT = 2;
const INPUTS: Record<string, string> = {
  role: 'api',
  env: 'prod',
  build: 'b000042',
  'image-id': 'ami-0a0000000000a2303',
  count: String(COUNT),
  'subnet-ids': `${SUBNET_A},${SUBNET_B}`,
  'security-group-ids': SG,
  'lb-security-group-ids': SG,
  zone: 'example.test',
  timeout: '6h',
};

/** What a successful launch leaves: the build's launch template, Auto Scaling group with its
 *  instances, load balancer, listener, target group and its own DNS record. */
const RELEASED = {
  'launch-template': 1,
  'auto-scaling-group': 1,
  instance: COUNT,
  'load-balancer': 1,
  listener: 1,
  'target-group': 1,
  'resource-record-set': 1,
};

interface LaunchRow extends RowSpec {
  faults: FaultSpec[];
  inputs?: Record<string, string>;
  /** Terminate one of the group's servers through EC2 once the launch is done (behind the
   *  group's back), and wait until the group has replaced it with a healthy one. */
  terminateOne?: boolean;
  /** Run the build's prepare (mode prepare: load balancer, target group, listener, build name) first, as
   *  release.yml's prepare job does beside the bake; the launch then adopts that front end. */
  prepared?: boolean;
  /** With `prepared`: hand prepare's ARN outputs to the launch, as release.yml does (the launch
   *  adopts the front end by ARN; without this, it finds it by name, as a re-run does). */
  handOver?: boolean;
}

/** Slower than the e2e default: SDK back-off sleeps and every stall of the loaded machine are
 *  wall time, multiplied by the scale against sandbox-time deadlines (at 500x a 2 s stall ate
 *  the 14 minutes of slack post has for the Auto Scaling group's deletion). */
const TIME_SCALE = 200;

const fault = (service: ServiceName, operation: string, error: string, times?: number): FaultSpec => ({
  service,
  operation,
  error,
  ...(times ? { times } : {}),
});

const MUTATING: Array<['ec2' | 'autoscaling' | 'elasticloadbalancing' | 'route53', string]> = [
  ['ec2', 'CreateLaunchTemplate'],
  ['autoscaling', 'CreateAutoScalingGroup'],
  ['elasticloadbalancing', 'CreateLoadBalancer'],
  ['elasticloadbalancing', 'CreateTargetGroup'],
  ['elasticloadbalancing', 'CreateListener'],
  ['route53', 'ChangeResourceRecordSets'],
];

export const ROWS: LaunchRow[] = [
  {
    name: 'throttle-ec2',
    fault: 'EC2 RequestLimitExceeded ×2 on CreateLaunchTemplate and DescribeLaunchTemplates',
    outcome: 'succeeds',
    faults: [
      fault('ec2', 'CreateLaunchTemplate', 'RequestLimitExceeded', 2),
      fault('ec2', 'DescribeLaunchTemplates', 'RequestLimitExceeded', 2),
    ],
  },
  {
    name: 'throttle-autoscaling',
    fault:
      'Auto Scaling Throttling ×2 on CreateAutoScalingGroup, DescribeAutoScalingGroups, DescribeScalingActivities',
    outcome: 'succeeds',
    faults: ['CreateAutoScalingGroup', 'DescribeAutoScalingGroups', 'DescribeScalingActivities'].map((op) =>
      fault('autoscaling', op, 'Throttling', 2),
    ),
  },
  {
    name: 'throttle-elbv2',
    fault: 'ELBv2 Throttling ×2 on CreateLoadBalancer, CreateTargetGroup, DescribeTargetHealth',
    outcome: 'succeeds',
    faults: ['CreateLoadBalancer', 'CreateTargetGroup', 'DescribeTargetHealth'].map((op) =>
      fault('elasticloadbalancing', op, 'Throttling', 2),
    ),
  },
  {
    name: 'throttle-route53',
    fault:
      'Route 53 Throttling and PriorRequestNotComplete on ChangeResourceRecordSets, Throttling on GetChange',
    outcome: 'succeeds',
    faults: [
      fault('route53', 'ChangeResourceRecordSets', 'Throttling', 1),
      fault('route53', 'ChangeResourceRecordSets', 'PriorRequestNotComplete', 1),
      fault('route53', 'GetChange', 'Throttling', 2),
    ],
  },
  ...MUTATING.map(([service, op]): LaunchRow => ({
    name: `internal-${op}-once`,
    fault: `InternalError ×1 on ${op}`,
    outcome: 'succeeds',
    faults: [fault(service, op, 'InternalError', 1)],
  })),
  ...MUTATING.map(([service, op]): LaunchRow => ({
    name: `internal-${op}`,
    fault: `InternalError on every ${op}`,
    outcome: 'fails',
    faults: [fault(service, op, 'InternalError')],
  })),
  {
    name: 'zone-short',
    fault: 'no capacity in us-east-1a (InsufficientInstanceCapacity on every launch there)',
    outcome: 'succeeds',
    faults: [{ kind: 'no-capacity', match: { availabilityZone: 'us-east-1a' } }],
  },
  {
    name: 'capacity',
    fault: 'no capacity in any zone (InsufficientInstanceCapacity on every launch)',
    outcome: 'fails',
    faults: [{ kind: 'no-capacity' }],
  },
  {
    name: 'instance-lost',
    fault: 'one of the servers terminated through EC2 once the launch is done',
    outcome: 'succeeds',
    faults: [],
    terminateOne: true,
  },
  {
    name: 'never-healthy',
    fault: 'targets never healthy (target-never-healthy)',
    outcome: 'fails',
    faults: [{ kind: 'target-never-healthy' }],
    inputs: { timeout: '20m' },
  },
  {
    name: 'prepared-throttled',
    fault:
      'front end made by a prepare step first; ELBv2 Throttling ×2 on DescribeTags (the launch re-reading its tags to adopt it)',
    outcome: 'succeeds',
    faults: [fault('elasticloadbalancing', 'DescribeTags', 'Throttling', 2)],
    prepared: true,
  },
  {
    name: 'prepared-arns-throttled',
    fault:
      "prepare's ARNs handed to the launch (release.yml); ELBv2 Throttling ×2 on DescribeTags (the launch re-reading the three ARNs' tags in one call)",
    outcome: 'succeeds',
    // The prepare step reads no tags (it finds nothing and creates), so both land in the launch.
    faults: [fault('elasticloadbalancing', 'DescribeTags', 'Throttling', 2)],
    prepared: true,
    handOver: true,
  },
  {
    name: 'prepared-arns-never-healthy',
    fault: "prepare's ARNs handed to the launch (release.yml); targets never healthy in the launch",
    outcome: 'fails',
    faults: [{ kind: 'target-never-healthy' }],
    inputs: { timeout: '20m' },
    prepared: true,
    handOver: true,
  },
  {
    name: 'prepared-never-healthy',
    fault: 'front end made by a prepare step of the same run first; targets never healthy in the launch',
    outcome: 'fails',
    faults: [{ kind: 'target-never-healthy' }],
    inputs: { timeout: '20m' },
    prepared: true,
  },
  {
    name: 'cancelled',
    fault: 'SIGTERM while waiting for healthy targets, then post',
    outcome: 'fails',
    faults: [],
    shape: 'cancel',
  },
  {
    name: 'rerun',
    fault: 'first attempt killed while waiting for health (no post); the run re-run',
    outcome: 'succeeds',
    faults: [],
    shape: 'rerun',
  },
];

interface Result extends RowResult {
  added: Record<string, number>;
  /** When the build's DNS record was first sampled: whether a target was then not healthy. */
  recordBeforeHealthy: boolean;
  /** Whether the record was ever sampled while the build had no healthy target at all. */
  recordWithoutHealthy: boolean;
  /** prepared rows: whether the build's name stood once prepare was done, before the launch. */
  recordAfterPrepare?: boolean;
  /** prepared rows: the launch's Route 53 changes that went through (its post's included). */
  nameChangesInLaunch?: number;
  /** The most Auto Scaling groups seen at once. */
  mostGroups: number;
  /** prepared rows: load balancers, target groups and listeners the launch itself created. */
  frontEndCreatesInLaunch?: number;
  /** terminateOne rows: the server terminated, and the group's healthy servers at the end. */
  victim?: string;
  healthyAtEnd?: string[];
}

/** What one sample sees: the build's record, its targets' states, the groups. */
function look(sandbox: Sandbox): { record: boolean; states: string[]; groups: number } {
  const inventory = sandbox.inventory();
  return {
    record: inventory.some((i) => i.kind === 'resource-record-set' && i.id.includes('b000042.api.')),
    states: inventory.filter((i) => i.kind === 'target').map((i) => i.state ?? ''),
    groups: inventory.filter((i) => i.kind === 'auto-scaling-group').length,
  };
}

/** The group's InService servers that the target group finds healthy (admin reads). */
async function healthyServers(sandbox: Sandbox): Promise<string[]> {
  const autoscaling = new AutoScalingClient(adminClientConfig(sandbox));
  try {
    const out = await autoscaling.send(
      new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['prod-api-b000042'] }),
    );
    const healthyTargets = new Set(
      sandbox
        .inventory()
        .filter((i) => i.kind === 'target' && i.state === 'healthy')
        .map((i) => i.id.split(/[/:]/).find((part) => part.startsWith('i-')) ?? i.id),
    );
    return (out.AutoScalingGroups?.[0]?.Instances ?? [])
      .filter((m) => m.LifecycleState === 'InService' && healthyTargets.has(m.InstanceId ?? ''))
      .map((m) => m.InstanceId ?? '');
  } finally {
    autoscaling.destroy();
  }
}

/**
 * Once the launch is done (its build name exists), one server is terminated through EC2; then
 * waits until the group has COUNT healthy servers again, none of them the terminated one.
 */
async function terminateOne(sandbox: Sandbox): Promise<{ victim: string; healthyAtEnd: string[] }> {
  await until(() => look(sandbox).record, "the build's DNS name");
  const [victim = ''] = await healthyServers(sandbox);
  const ec2 = new EC2Client(adminClientConfig(sandbox));
  try {
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [victim] }));
  } finally {
    ec2.destroy();
  }
  let healthyAtEnd: string[] = [];
  const end = Date.now() + 100_000;
  while (Date.now() < end) {
    healthyAtEnd = await healthyServers(sandbox);
    if (healthyAtEnd.length === COUNT && !healthyAtEnd.includes(victim)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { victim, healthyAtEnd };
}

/** The build's front end through mode prepare, as release.yml's prepare job makes it. */
async function prepareFrontEnd(env: Record<string, string>): Promise<Record<string, string>> {
  const { 'image-id': _image, count: _count, ...inputs } = INPUTS;
  const run = await runAction(ACTION, { env, inputs: { ...inputs, mode: 'prepare' } });
  if (run.exitCode !== 0) throw new Error(`prepare failed\n${describeRun(run)}`);
  // The outputs release.yml hands to the launch job.
  return Object.fromEntries(
    ['load-balancer-arn', 'target-group-arn', 'listener-arn'].map((k) => [k, run.outputs[k] ?? '']),
  );
}

faultMatrix<LaunchRow, Result>({
  action: ACTION,
  rows: ROWS,
  async run(row, ctx) {
    const sandbox = await ctx.sandbox({
      faults: row.faults,
      timeScale: TIME_SCALE,
      policy: { recordNames: [`${INPUTS.role}.${INPUTS.env}.${INPUTS.zone}`] },
    });
    const before = inventoryKeys(sandbox);
    const env = { ...sandboxEnv(sandbox, ACTION, TIME_SCALE), GITHUB_API_URL: sandbox.endpoint };
    const arns = row.prepared ? await prepareFrontEnd(env) : {};
    const recordAfterPrepare = row.prepared ? look(sandbox).record : undefined;
    const launchFrom = sandbox.calls().at(-1)?.seq ?? 0;
    // Sampled while the row runs: a launch on its own creates the build's name only once every
    // target is healthy, and from then on it always has a healthy target (replacements come and
    // go). After prepare, the name stands before any server (answering the load balancer's 503).
    let recordSeen = false;
    let recordBeforeHealthy = false;
    let recordWithoutHealthy = false;
    let mostGroups = 0;
    let lost: { victim: string; healthyAtEnd: string[] } | undefined;
    const runs = await drive(row, {
      action: ACTION,
      options: {
        inputs: { ...INPUTS, ...row.inputs, ...(row.handOver ? arns : {}) },
        env,
      },
      // cancel and rerun: during the health wait, once the group exists.
      cancelAt: insideWait(sandbox, 'CreateAutoScalingGroup', 'DescribeTargetHealth'),
      ...(row.terminateOne
        ? {
            during: async () => {
              lost = await terminateOne(sandbox);
            },
          }
        : {}),
      sample: () => {
        const now = look(sandbox);
        mostGroups = Math.max(mostGroups, now.groups);
        if (!now.record) return;
        const healthy = now.states.filter((s) => s === 'healthy').length;
        if (!recordSeen && healthy < now.states.length) recordBeforeHealthy = true;
        recordSeen = true;
        if (healthy === 0) recordWithoutHealthy = true;
      },
    });
    return {
      ...runs,
      sandbox,
      added: addedLive(sandbox, before),
      recordBeforeHealthy,
      recordWithoutHealthy,
      mostGroups,
      ...(row.prepared
        ? {
            recordAfterPrepare,
            nameChangesInLaunch: sandbox
              .calls()
              .filter(
                (c) => c.seq > launchFrom && c.outcome === 'ok' && c.operation === 'ChangeResourceRecordSets',
              ).length,
            frontEndCreatesInLaunch: sandbox
              .calls()
              .filter(
                (c) =>
                  c.seq > launchFrom &&
                  c.outcome === 'ok' &&
                  ['CreateLoadBalancer', 'CreateTargetGroup', 'CreateListener'].includes(c.operation),
              ).length,
          }
        : {}),
      ...(lost ?? {}),
    };
  },
  orphans: {
    title: 'leaves no orphan: the released build on success, nothing live on failure',
    check: (row, r) => expectOnlyReleased(row, r.added, RELEASED),
  },
  checks: [
    {
      title: "creates the build's name only once every target is healthy (after prepare: prepare made it)",
      check: (row, r) =>
        row.prepared ? expect(r.recordAfterPrepare).toBe(true) : expect(r.recordBeforeHealthy).toBe(false),
    },
    {
      title:
        "never lets the build's name answer without a healthy target (after prepare: the launch only reads it, and removes it if it fails)",
      check: (row, r) =>
        row.prepared
          ? expect(r.nameChangesInLaunch).toBe(row.outcome === 'succeeds' ? 0 : 1)
          : expect(r.recordWithoutHealthy).toBe(false),
    },
    {
      title: 'adopts a prepared front end: the launch creates no load balancer, target group or listener',
      check: (row, r) => expect(r.frontEndCreatesInLaunch).toBe(row.prepared ? 0 : undefined),
    },
    {
      title: 'never makes a second Auto Scaling group for the build',
      check: (_row, r) => expect(r.mostGroups).toBeLessThanOrEqual(1),
    },
    {
      title: 'replaces a server terminated behind the group’s back with a healthy one',
      check: (row, r) => {
        if (!row.terminateOne) {
          // Only the instance-lost row breaks a server behind the group's back.
          expect(r.victim).toBeUndefined();
          return;
        }
        expect(r.victim).toMatch(/^i-/);
        expect(r.healthyAtEnd).toHaveLength(COUNT);
        expect(r.healthyAtEnd).not.toContain(r.victim);
      },
    },
  ],
});
