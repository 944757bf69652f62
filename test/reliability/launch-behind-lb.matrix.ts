// Reliability matrix of launch-behind-lb: one row per fault, each on its own sandbox
// (in-process, started in milliseconds), all rows at once in beforeAll. See README.md.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEED, type FaultSpec, type Sandbox, type ServiceName } from '../../packages/sandbox/src/index.js';
import { runAction, runActionWithPost, type RunOptions } from '../harness/run-action.js';
import { sandboxEnv, startE2eSandbox } from '../support/sandbox.js';
import {
  ALWAYS_SECRET,
  addedLive,
  expectCleanOutcome,
  inventoryKeys,
  okCalls,
  runMainUntilCancelled,
  secretLeaks,
  startRows,
  type RowRuns,
  type RowSpec,
} from './support.js';

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
  /** cancel: SIGTERM during the health wait, then post; rerun: SIGTERM there (no post),
   *  then a second attempt with post. */
  shape?: 'plain' | 'cancel' | 'rerun';
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

const sandboxes: Sandbox[] = [];

interface Result extends RowRuns {
  sandbox: Sandbox;
  added: Record<string, number>;
  /** Health of this build's targets when the build's DNS record exists. */
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

async function runRow(row: LaunchRow): Promise<Result> {
  const sandbox = await startE2eSandbox({ faults: row.faults, timeScale: TIME_SCALE });
  sandboxes.push(sandbox);
  const before = inventoryKeys(sandbox);
  const env = { ...sandboxEnv(sandbox, TIME_SCALE), GITHUB_API_URL: sandbox.endpoint };
  const inputs = { ...INPUTS, ...row.inputs };
  const options = (extra: Record<string, string> = {}): RunOptions => ({
    inputs,
    env: { ...env, ...extra },
    timeoutMs: 60_000,
  });
  // Sampled while the row runs: the build's name must never answer with unhealthy targets.
  let sampledBad = false;
  const sampler = setInterval(() => {
    if (recordOnUnhealthy(sandbox)) sampledBad = true;
  }, 5);
  try {
    let runs: RowRuns;
    if (row.shape === 'cancel' || row.shape === 'rerun') {
      const cancelled = await runMainUntilCancelled(ACTION, { inputs, env }, () => {
        const registered = okCalls(sandbox, 'RegisterTargets')[0];
        return (
          registered !== undefined &&
          okCalls(sandbox, 'DescribeTargetHealth').some((c) => c.seq > registered.seq)
        );
      });
      if (row.shape === 'cancel') {
        const post = await runAction(ACTION, { ...options(), step: 'post', state: cancelled.state });
        runs = { judged: post, all: [cancelled.run, post] };
      } else {
        const second = await runActionWithPost(ACTION, options({ GITHUB_RUN_ATTEMPT: '2' }));
        runs = {
          judged: second.main,
          all: [cancelled.run, second.main, ...(second.post ? [second.post] : [])],
        };
      }
    } else {
      const { main, post } = await runActionWithPost(ACTION, options());
      runs = { judged: main, all: [main, ...(post ? [post] : [])] };
    }
    return { ...runs, sandbox, added: addedLive(sandbox, before), recordOnUnhealthy: sampledBad };
  } finally {
    clearInterval(sampler);
  }
}

let results: Map<string, Promise<Result>>;
beforeAll(() => {
  results = startRows(ROWS, runRow);
});

afterAll(async () => {
  await Promise.allSettled([...(results?.values() ?? [])]);
  await Promise.all(sandboxes.map((s) => s.stop()));
});

describe.each(ROWS)('launch-behind-lb under $fault', (row) => {
  it(row.outcome === 'succeeds' ? 'succeeds after retries' : 'fails with one clear error', async () => {
    const r = await results.get(row.name)!;
    if (row.shape === 'cancel') {
      expect(r.all[0]?.signal).toBe('SIGTERM');
      expectCleanOutcome({ ...row, outcome: 'succeeds' }, r);
    } else {
      expectCleanOutcome(row, r);
    }
  });

  it('leaves no orphan: the released build on success, nothing live on failure', async () => {
    const r = await results.get(row.name)!;
    if (row.outcome === 'succeeds') expect(r.added).toEqual(RELEASED);
    else expect(r.added).toEqual({});
  });

  it("never lets the build's name answer while a target is unhealthy", async () => {
    const r = await results.get(row.name)!;
    expect(r.recordOnUnhealthy).toBe(false);
  });

  it('leaks no secret', async () => {
    const r = await results.get(row.name)!;
    expect(secretLeaks(ALWAYS_SECRET, r.all, r.sandbox)).toEqual([]);
  });
});
