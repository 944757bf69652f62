// Reliability matrix of launch-behind-lb: one row per fault, each on its own sandbox
// (in-process, started in milliseconds), all rows at once (driver.ts). See README.md.
import { expect } from '@jest/globals';
import { SEED, type FaultSpec, type Sandbox, type ServiceName } from '@immut/sandbox';
import { sandboxEnv } from '@immut/test-support/sandbox';
import { drive, faultMatrix, insideWait, type RowResult } from './driver.js';
import { addedLive, expectOnlyReleased, inventoryKeys, type RowSpec } from './support.js';

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

/** What a successful launch leaves: the build's load balancer, listener, target group,
 *  instances and its own DNS record. */
const RELEASED = {
  instance: COUNT,
  'load-balancer': 1,
  listener: 1,
  'target-group': 1,
  'resource-record-set': 1,
};

interface LaunchRow extends RowSpec {
  faults: FaultSpec[];
  inputs?: Record<string, string>;
}

/** Slower than the e2e default: SDK back-off sleeps are wall time, and at 2000x the retries of
 *  a throttled row under full load burn the whole 6h deadline of sandbox time. */
const TIME_SCALE = 500;

const fault = (service: ServiceName, operation: string, error: string, times?: number): FaultSpec => ({
  service,
  operation,
  error,
  ...(times ? { times } : {}),
});

const MUTATING: Array<['ec2' | 'elasticloadbalancing' | 'route53', string]> = [
  ['ec2', 'RunInstances'],
  ['elasticloadbalancing', 'CreateLoadBalancer'],
  ['elasticloadbalancing', 'CreateTargetGroup'],
  ['elasticloadbalancing', 'CreateListener'],
  ['elasticloadbalancing', 'RegisterTargets'],
  ['route53', 'ChangeResourceRecordSets'],
];

export const ROWS: LaunchRow[] = [
  {
    name: 'throttle-ec2',
    fault: 'EC2 RequestLimitExceeded ×2 on RunInstances and DescribeInstances',
    outcome: 'succeeds',
    faults: [
      fault('ec2', 'RunInstances', 'RequestLimitExceeded', 2),
      fault('ec2', 'DescribeInstances', 'RequestLimitExceeded', 2),
    ],
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
    name: 'capacity',
    fault: 'InsufficientInstanceCapacity on every RunInstances',
    outcome: 'fails',
    faults: [fault('ec2', 'RunInstances', 'InsufficientInstanceCapacity')],
  },
  {
    name: 'never-healthy',
    fault: 'targets never healthy (target-never-healthy)',
    outcome: 'fails',
    faults: [{ kind: 'target-never-healthy' }],
    inputs: { timeout: '20m' },
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
  /** Whether the build's DNS record was ever sampled while one of its targets was unhealthy. */
  recordOnUnhealthy: boolean;
}

/** True when the build's DNS record exists while any of its targets is not healthy. */
function recordOnUnhealthy(sandbox: Sandbox): boolean {
  const inventory = sandbox.inventory();
  const record = inventory.some((i) => i.kind === 'resource-record-set' && i.id.includes('b000042.api.'));
  const unhealthy = inventory.some(
    (i) => i.kind === 'target' && i.state !== 'healthy' && i.state !== 'draining',
  );
  return record && unhealthy;
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
    // Sampled while the row runs: the build's name must never answer with unhealthy targets.
    let sampledBad = false;
    const runs = await drive(row, {
      action: ACTION,
      options: {
        inputs: { ...INPUTS, ...row.inputs },
        env: { ...sandboxEnv(sandbox, ACTION, TIME_SCALE), GITHUB_API_URL: sandbox.endpoint },
      },
      // cancel and rerun: during the health wait.
      cancelAt: insideWait(sandbox, 'RegisterTargets', 'DescribeTargetHealth'),
      sample: () => {
        if (recordOnUnhealthy(sandbox)) sampledBad = true;
      },
    });
    return { ...runs, sandbox, added: addedLive(sandbox, before), recordOnUnhealthy: sampledBad };
  },
  orphans: {
    title: 'leaves no orphan: the released build on success, nothing live on failure',
    check: (row, r) => expectOnlyReleased(row, r.added, RELEASED),
  },
  checks: [
    {
      title: "never lets the build's name answer while a target is unhealthy",
      check: (_row, r) => expect(r.recordOnUnhealthy).toBe(false),
    },
  ],
});
