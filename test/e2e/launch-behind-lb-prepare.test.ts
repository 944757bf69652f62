// launch-behind-lb's prepare mode end to end (the BUILT bundle, unmodified SDK clients over HTTP,
// IAM enforced): the front end made while the image bakes, adopted by the launch of the same
// build; re-runs, failures and bad inputs; and a prepared build that never launched, retired.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SEED, type CallRecord, type FaultSpec, type Sandbox } from '@immut/sandbox';
import {
  describeRun,
  errorsOf,
  runAction,
  runActionWithPost,
  type ActionRun,
  type ActionRunWithPost,
} from '@immut/action-runner';
import { loadBalancerName, targetGroupName } from '@immut/core/naming';
import {
  documentedIamActions,
  iamActionsCalled,
  sandboxEnv,
  startE2eSandbox,
} from '@immut/test-support/sandbox';

const ACTION = 'launch-behind-lb';
jest.setTimeout(120_000);
const [SUBNET_A, SUBNET_B] = SEED.subnets.map((s) => s.subnetId) as [string, string];
const SG = SEED.securityGroup.groupId;
const IMAGE = 'ami-0a0000000000a2303';
const ZONE = 'example.test';
const NAME = `api.prod.${ZONE}`;

const BASE: Record<string, string> = {
  role: 'api',
  env: 'prod',
  build: 'b000042',
  region: 'us-east-1',
  'subnet-ids': `${SUBNET_A},${SUBNET_B}`,
  'security-group-ids': SG,
  'lb-security-group-ids': SG,
  zone: ZONE,
  timeout: '6h',
};
const PREPARE = { ...BASE, mode: 'prepare' };
const LAUNCH = { ...BASE, 'image-id': IMAGE, count: '2' };

/** One run and the calls the sandbox logged while it ran. */
interface Step {
  run: ActionRun | ActionRunWithPost;
  calls: CallRecord[];
}
interface Scenario {
  sandbox: Sandbox;
  steps: Step[];
}

const sandboxes: Sandbox[] = [];
/** retire-release's run in the 'retire-prepared' scenario. */
let retired: Step | undefined;
/** What stood right before that retirement. */
let beforeRetire: string[] = [];
const scenarios = new Map<string, Promise<Scenario>>();

/** Starts a scenario on its own sandbox; `step` runs an action and keeps the calls it made. */
function scenario(
  name: string,
  body: (
    step: (action: string, run: (env: Record<string, string>) => Promise<Step['run']>) => Promise<Step>,
    sandbox: Sandbox,
  ) => Promise<void>,
  faults: FaultSpec[] = [],
): void {
  scenarios.set(
    name,
    (async () => {
      const sandbox = await startE2eSandbox({ faults, policy: { recordNames: [NAME] } });
      sandboxes.push(sandbox);
      const steps: Step[] = [];
      await body(async (action, run) => {
        const from = sandbox.calls().at(-1)?.seq ?? 0;
        const env = { ...sandboxEnv(sandbox, action), GITHUB_API_URL: sandbox.endpoint };
        const result = await run(env);
        const step = { run: result, calls: sandbox.calls().filter((c) => c.seq > from) };
        if (action === ACTION) steps.push(step);
        return step;
      }, sandbox);
      return { sandbox, steps };
    })(),
  );
}

async function get(name: string): Promise<Scenario> {
  const s = await scenarios.get(name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}

const main = (run: ActionRun | ActionRunWithPost): ActionRun => ('main' in run ? run.main : run);

/** Prepare's three ARN outputs, which a launch of the same build may take. */
const preparedArns = (prepared: ActionRun): Record<string, string> =>
  Object.fromEntries(
    ['load-balancer-arn', 'target-group-arn', 'listener-arn'].map((k) => [k, prepared.outputs[k] ?? '']),
  );

/** What release.yml passes from the prepare job to the launch job: the ARNs and the build's name. */
const preparedOutputs = (prepared: ActionRun): Record<string, string> => ({
  ...preparedArns(prepared),
  'build-dns-name': prepared.outputs['build-dns-name'] ?? '',
});

function succeeded(run: ActionRun | ActionRunWithPost): ActionRun {
  const m = main(run);
  if (m.exitCode !== 0) throw new Error(`expected success\n${describeRun(m)}`);
  return m;
}

function theError(run: ActionRun): string {
  const errors = errorsOf(run);
  if (run.exitCode === 0 || errors.length !== 1)
    throw new Error(`expected one ::error::\n${describeRun(run)}`);
  return errors[0]?.message ?? '';
}

const ops = (calls: readonly CallRecord[], outcome = 'ok') =>
  calls.filter((c) => c.outcome === outcome).map((c) => c.operation);
const FRONT_END_CREATES = ['CreateLoadBalancer', 'CreateTargetGroup', 'CreateListener'];

/** Load balancers, target groups, listeners, groups and live servers still standing. */
function standing(sandbox: Sandbox): string[] {
  return sandbox
    .inventory()
    .filter(
      (i) =>
        (i.service === 'elasticloadbalancing' &&
          ['load-balancer', 'target-group', 'listener'].includes(i.kind)) ||
        (i.service === 'autoscaling' && i.kind === 'auto-scaling-group') ||
        (i.service === 'ec2' &&
          i.kind === 'instance' &&
          !['terminated', 'shutting-down'].includes(i.state ?? '')),
    )
    .map((i) => `${i.kind} ${i.id}`);
}

beforeAll(async () => {
  scenario('prepare-then-launch', async (step) => {
    await step(ACTION, (env) => runAction(ACTION, { env, inputs: PREPARE }));
    await step(ACTION, (env) => runAction(ACTION, { env, inputs: PREPARE }));
    await step(ACTION, (env) => runActionWithPost(ACTION, { env, inputs: LAUNCH }));
  });

  scenario(
    'prepare-fails',
    async (step) => {
      await step(ACTION, (env) => runActionWithPost(ACTION, { env, inputs: PREPARE }));
    },
    [{ service: 'elasticloadbalancing', operation: 'CreateListener', error: 'AccessDenied', status: 403 }],
  );

  // The release's launch fails (targets never healthy) after this run's prepare: its post removes
  // the whole build, the adopted front end included.
  scenario(
    'launch-fails-after-prepare',
    async (step) => {
      await step(ACTION, (env) => runAction(ACTION, { env, inputs: PREPARE }));
      await step(ACTION, (env) => runActionWithPost(ACTION, { env, inputs: { ...LAUNCH, timeout: '1m' } }));
    },
    [{ kind: 'target-never-healthy' }],
  );

  // The same, but the front end came from another run (a build launched again later, as a
  // rollback's relaunch does): the failed launch removes only what its own run made.
  scenario(
    'launch-fails-other-run',
    async (step) => {
      await step(ACTION, (env) =>
        runAction(ACTION, { env: { ...env, GITHUB_RUN_ID: '1111111111' }, inputs: PREPARE }),
      );
      await step(ACTION, (env) => runActionWithPost(ACTION, { env, inputs: { ...LAUNCH, timeout: '1m' } }));
    },
    [{ kind: 'target-never-healthy' }],
  );

  // release.yml hands prepare's outputs to the launch: adopted by ARN, not looked up by name.
  scenario('prepared-arns', async (step) => {
    const prepared = await step(ACTION, (env) => runAction(ACTION, { env, inputs: PREPARE }));
    await step(ACTION, (env) =>
      runActionWithPost(ACTION, { env, inputs: { ...LAUNCH, ...preparedOutputs(main(prepared.run)) } }),
    );
    // The ARNs without the name (a workflow written before build-dns-name): the name is read.
    const again = await step(ACTION, (env) =>
      runAction(ACTION, { env, inputs: { ...PREPARE, build: 'b000043' } }),
    );
    await step(ACTION, (env) =>
      runAction(ACTION, { env, inputs: { ...LAUNCH, build: 'b000043', ...preparedArns(main(again.run)) } }),
    );
  });

  scenario(
    'prepared-arns-launch-fails',
    async (step) => {
      const prepared = await step(ACTION, (env) => runAction(ACTION, { env, inputs: PREPARE }));
      await step(ACTION, (env) =>
        runActionWithPost(ACTION, {
          env,
          inputs: { ...LAUNCH, ...preparedOutputs(main(prepared.run)), timeout: '1m' },
        }),
      );
    },
    [{ kind: 'target-never-healthy' }],
  );

  // ARNs of another build are refused; ARNs another run prepared are looked up by name instead.
  scenario('prepared-arns-untrusted', async (step) => {
    const other = await step(ACTION, (env) =>
      runAction(ACTION, { env, inputs: { ...PREPARE, build: 'b000040' } }),
    );
    await step(ACTION, (env) =>
      runAction(ACTION, { env, inputs: { ...LAUNCH, ...preparedArns(main(other.run)) } }),
    );
    const arns = preparedArns(main(other.run));
    await step(ACTION, (env) =>
      runAction(ACTION, {
        env,
        inputs: { ...LAUNCH, 'load-balancer-arn': arns['load-balancer-arn'] ?? '' },
      }),
    );
    await step(ACTION, (env) => runAction(ACTION, { env, inputs: { ...PREPARE, ...arns } }));
    const otherRun = await step(ACTION, (env) =>
      runAction(ACTION, { env: { ...env, GITHUB_RUN_ID: '1111111111' }, inputs: PREPARE }),
    );
    await step(ACTION, (env) =>
      runAction(ACTION, { env, inputs: { ...LAUNCH, ...preparedOutputs(main(otherRun.run)) } }),
    );
    // This build's ARNs with another build's name.
    const own = await step(ACTION, (env) => runAction(ACTION, { env, inputs: PREPARE }));
    await step(ACTION, (env) =>
      runAction(ACTION, {
        env,
        inputs: {
          ...LAUNCH,
          ...preparedArns(main(own.run)),
          'build-dns-name': main(other.run).outputs['build-dns-name'] ?? '',
        },
      }),
    );
    // The name without the ARNs.
    await step(ACTION, (env) =>
      runAction(ACTION, {
        env,
        inputs: { ...LAUNCH, 'build-dns-name': main(own.run).outputs['build-dns-name'] ?? '' },
      }),
    );
  });

  scenario('bad-inputs', async (step) => {
    const bad: Array<Record<string, string>> = [
      { ...BASE, mode: 'deploy' },
      { ...PREPARE, 'image-id': IMAGE },
      { ...PREPARE, release: 'immut/prod/api/b000042' },
    ];
    for (const inputs of bad) await step(ACTION, (env) => runAction(ACTION, { env, inputs }));
    // And a dry run of prepare, which belongs with them: it must create nothing either.
    await step(ACTION, (env) => runAction(ACTION, { env, inputs: { ...PREPARE, 'dry-run': 'true' } }));
  });

  // A release whose bake failed after its prepare: the build has a front end and nothing else.
  scenario('retire-prepared', async (step, sandbox) => {
    await step(ACTION, (env) => runAction(ACTION, { env, inputs: { ...PREPARE, build: 'b000040' } }));
    await step(ACTION, (env) => runAction(ACTION, { env, inputs: PREPARE }));
    const launched = await step(ACTION, (env) => runAction(ACTION, { env, inputs: LAUNCH }));
    const out = succeeded(launched.run).outputs;
    await step('cutover-dns', (env) =>
      runAction('cutover-dns', {
        env,
        inputs: {
          role: 'api',
          env: 'prod',
          build: 'b000042',
          region: 'us-east-1',
          zone: ZONE,
          name: NAME,
          'target-dns-name': out['load-balancer-dns-name'] ?? '',
          'target-zone-id': out['load-balancer-zone-id'] ?? '',
          'target-group-arns': out['target-group-arn'] ?? '',
          timeout: '6h',
        },
      }),
    ).then((s) => succeeded(s.run));
    beforeRetire = standing(sandbox);
    retired = await step('retire-release', (env) =>
      runAction('retire-release', {
        env,
        inputs: {
          role: 'api',
          env: 'prod',
          region: 'us-east-1',
          zone: ZONE,
          name: NAME,
          keep: '1',
          timeout: '6h',
        },
        timeoutMs: 60_000,
      }),
    );
  });
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([...scenarios.values()]);
  await Promise.all(sandboxes.map((s) => s.stop()));
});

const b42 = { role: 'api', env: 'prod', build: 'b000042' };
const b40 = { role: 'api', env: 'prod', build: 'b000040' };

describe('launch-behind-lb mode prepare', () => {
  it("makes the load balancer, target group and listener, active, and the build's name, with the outputs launch gives", async () => {
    const { sandbox, steps } = await get('prepare-then-launch');
    const run = succeeded(steps[0]!.run);
    expect(ops(steps[0]!.calls).filter((o) => o.startsWith('Create'))).toEqual(FRONT_END_CREATES);
    expect(run.outputs['load-balancer-arn']).toMatch(
      new RegExp(`:loadbalancer/app/${loadBalancerName(b42)}/`),
    );
    expect(run.outputs['target-group-arn']).toMatch(new RegExp(`:targetgroup/${targetGroupName(b42)}/`));
    expect(run.outputs['load-balancer-zone-id']).toBe('Z35SXDOTRQ7X7K');
    expect(run.outputs['build-dns-name']).toBe('b000042.api.prod.example.test');
    expect(run.outputs['auto-scaling-group-name']).toBeUndefined();
    // Nothing of the fleet or the image: no template, no group, no image read.
    const calls = ops(steps[0]!.calls);
    for (const op of ['DescribeImages', 'CreateLaunchTemplate', 'CreateAutoScalingGroup'])
      expect(calls).not.toContain(op);
    // The build's name, one CREATE, waited INSYNC: an alias to the load balancer.
    expect(calls.filter((o) => o === 'ChangeResourceRecordSets')).toHaveLength(1);
    expect(calls).toContain('GetChange');
    const record = sandbox
      .inventory()
      .find((i) => i.service === 'route53' && i.id.includes('b000042.api.prod.example.test'));
    expect(record).toBeDefined();
    expect(run.summary).toMatch(/\| DNS record \| b000042\.api\.prod\.example\.test \| .* \| created \|/);
    expect(run.logLines.some((l) => /load balancer .* to be active: done/i.test(l))).toBe(true);
    expect(run.summary).toMatch(/prepare/);
    expect(run.summary).toMatch(/\| load balancer \| prod-api-b000042 \| \S+ \| created \|/);
    expect(run.summary).not.toMatch(/Targets/);
  });

  it('re-run adopts what the first prepare made and creates nothing', async () => {
    const { steps } = await get('prepare-then-launch');
    const [first, second] = [succeeded(steps[0]!.run), succeeded(steps[1]!.run)];
    expect(second.outputs).toEqual(first.outputs);
    expect(ops(steps[1]!.calls).filter((o) => /^Create/.test(o))).toEqual([]);
    expect(second.summary).toMatch(/reused/);
  });

  it('launch of the same build adopts the prepared front end and makes only the fleet, healthy', async () => {
    const { sandbox, steps } = await get('prepare-then-launch');
    const prepared = succeeded(steps[0]!.run);
    const launchStep = steps[2]!;
    const launched = succeeded(launchStep.run);
    for (const key of ['load-balancer-arn', 'load-balancer-dns-name', 'target-group-arn', 'build-dns-name'])
      expect(launched.outputs[key]).toBe(prepared.outputs[key]);
    const all = steps.flatMap((s) => ops(s.calls));
    expect(all.filter((o) => o === 'CreateLoadBalancer')).toHaveLength(1);
    expect(ops(launchStep.calls).filter((o) => FRONT_END_CREATES.includes(o))).toEqual([]);
    expect(ops(launchStep.calls)).toEqual(
      expect.arrayContaining(['CreateLaunchTemplate', 'CreateAutoScalingGroup']),
    );
    const kinds = standing(sandbox).map((l) => l.split(' ')[0]);
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    expect(['load-balancer', 'target-group', 'listener', 'auto-scaling-group'].map(count)).toEqual([
      1, 1, 1, 1,
    ]);
    const targets = sandbox.inventory().filter((i) => i.kind === 'target');
    expect(targets.map((t) => t.state)).toEqual(['healthy', 'healthy']);
    expect((launched.outputs['instance-ids'] ?? '').split(',')).toHaveLength(2);
    // The launch's post after success removes nothing, the prepared front end included.
    const post = (launchStep.run as ActionRunWithPost).post;
    expect(post?.exitCode).toBe(0);
    expect(post?.logLines.filter((l) => l.startsWith('removed '))).toEqual([]);
  });

  it("a launch given prepare's ARNs adopts them with one DescribeLoadBalancers and one DescribeTags", async () => {
    const { sandbox, steps } = await get('prepared-arns');
    const prepared = succeeded(steps[0]!.run);
    expect(prepared.outputs['listener-arn']).toMatch(/:listener\/app\/prod-api-b000042\//);
    const launched = succeeded(steps[1]!.run);
    for (const key of ['load-balancer-arn', 'target-group-arn', 'listener-arn', 'build-dns-name'])
      expect(launched.outputs[key]).toBe(prepared.outputs[key]);
    const elbReads = steps[1]!.calls
      .filter(
        (c) =>
          c.service === 'elasticloadbalancing' &&
          /^Describe(LoadBalancers|TargetGroups|Listeners|Tags)$/.test(c.operation),
      )
      .map((c) => c.operation);
    expect(elbReads).toEqual(['DescribeLoadBalancers', 'DescribeTags']);
    // The load balancer stands on exactly the inputs' subnets and groups: no second check of them.
    expect(ops(steps[1]!.calls)).not.toContain('DescribeSubnets');
    expect(ops(steps[1]!.calls)).not.toContain('DescribeSecurityGroups');
    expect(ops(steps[1]!.calls).filter((o) => FRONT_END_CREATES.includes(o))).toEqual([]);
    // The build's name, made by prepare and given as its output, is not read, made or waited for again.
    const route53 = steps[1]!.calls.filter((c) => c.service === 'route53').map((c) => c.operation);
    expect(route53.filter((o) => o !== 'ListHostedZonesByName')).toEqual([]);
    expect(launched.logLines).toContain(
      "DNS name b000042.api.prod.example.test was made with the load balancer by this run's prepare step (its output); keeping it.",
    );
    expect(launched.outputs['build-dns-name']).toBe('b000042.api.prod.example.test');
    // Given only the ARNs, the launch reads the name once instead.
    const byArns = succeeded(steps[3]!.run);
    const read = steps[3]!.calls.filter((c) => c.service === 'route53').map((c) => c.operation);
    expect(read.filter((o) => o !== 'ListHostedZonesByName')).toEqual(['ListResourceRecordSets']);
    expect(byArns.logLines).toContain(
      'DNS name b000043.api.prod.example.test was made with the load balancer by the prepare step; keeping it.',
    );
    // Two servers each for b000042 and b000043.
    const targets = sandbox.inventory().filter((i) => i.kind === 'target');
    expect(targets.map((t) => t.state)).toEqual(['healthy', 'healthy', 'healthy', 'healthy']);
    expect(
      (steps[1]!.run as ActionRunWithPost).post?.logLines.filter((l) => l.startsWith('removed ')),
    ).toEqual([]);
  });

  it("a launch given prepare's ARNs that fails removes the whole build, front end included", async () => {
    const { sandbox, steps } = await get('prepared-arns-launch-fails');
    const run = steps[1]!.run as ActionRunWithPost;
    expect(run.main.exitCode).not.toBe(0);
    const removals = run.post?.logLines.filter((l) => l.startsWith('removed ')).map((l) => l.split(' ')[1]);
    expect(removals).toEqual([
      'auto-scaling-group',
      'launch-template',
      'dns-record',
      'listener',
      'target-group',
      'load-balancer',
    ]);
    expect(standing(sandbox)).toEqual([]);
  });

  it("refuses another build's ARNs and a partial or misplaced set; looks up by name when another run prepared", async () => {
    const { steps } = await get('prepared-arns-untrusted');
    const [, foreign, partial, toPrepare, , otherRun] = steps;
    expect(theError(main(foreign!.run))).toMatch(
      /Input 'load-balancer-arn' was 'arn:aws:elasticloadbalancing:.*prod-api-b000040.*expected this build's prod-api-b000042/,
    );
    expect(ops(foreign!.calls).filter((o) => /^Create/.test(o))).toEqual([]);
    expect(theError(main(partial!.run))).toMatch(
      /Inputs 'load-balancer-arn' were given without 'target-group-arn', 'listener-arn'; expected all three/,
    );
    expect(
      errorsOf(main(toPrepare!.run))
        .map((e) => e.message)
        .join('\n'),
    ).toMatch(/Input 'load-balancer-arn' was given with mode 'prepare'; expected it empty/);
    const launched = succeeded(otherRun!.run);
    expect(launched.logLines.some((l) => /not this run's; looking it up by name/.test(l))).toBe(true);
    expect(ops(otherRun!.calls)).toContain('DescribeListeners');
    // Another run's name output proves nothing here: the name is read as usual.
    expect(
      launched.logLines.some((l) => /was made with the load balancer by this run's prepare step/.test(l)),
    ).toBe(false);
    const [, , wrongName, nameAlone] = steps.slice(5);
    expect(theError(main(wrongName!.run))).toMatch(
      /Input 'build-dns-name' was 'b000040\.api\.prod\.example\.test'; expected this build's name b000042\.api\.prod\.example\.test/,
    );
    expect(ops(wrongName!.calls).filter((o) => /^Create/.test(o))).toEqual([]);
    expect(theError(main(nameAlone!.run))).toMatch(
      /Input 'build-dns-name' was given without prepare's three ARN outputs; expected it only with them/,
    );
  });

  it('a failed prepare is cleaned up by its post: what it made, and nothing more', async () => {
    const { sandbox, steps } = await get('prepare-fails');
    const run = steps[0]!.run as ActionRunWithPost;
    expect(theError(run.main)).toMatch(/elasticloadbalancing:CreateListener/);
    const recorded = JSON.parse(run.main.state['immut-created'] ?? '[]') as Array<{ kind: string }>;
    expect(recorded.map((r) => r.kind)).toEqual(['load-balancer', 'target-group']);
    const removals = run.post?.logLines.filter((l) => l.startsWith('removed ')).map((l) => l.split(' ')[1]);
    expect(removals).toEqual(['target-group', 'load-balancer']);
    expect(run.post?.exitCode).toBe(0);
    expect(standing(sandbox)).toEqual([]);
  });

  it("a launch that fails after this run's prepare removes the whole build, front end included", async () => {
    const { sandbox, steps } = await get('launch-fails-after-prepare');
    succeeded(steps[0]!.run);
    const run = steps[1]!.run as ActionRunWithPost;
    expect(run.main.exitCode).not.toBe(0);
    expect(ops(steps[1]!.calls).filter((o) => FRONT_END_CREATES.includes(o))).toEqual([]);
    const removals = run.post?.logLines.filter((l) => l.startsWith('removed ')).map((l) => l.split(' ')[1]);
    expect(removals).toEqual([
      'auto-scaling-group',
      'launch-template',
      'dns-record',
      'listener',
      'target-group',
      'load-balancer',
    ]);
    expect(run.post?.exitCode).toBe(0);
    expect(standing(sandbox)).toEqual([]);
  });

  it('a failed launch leaves a front end that another run made', async () => {
    const { sandbox, steps } = await get('launch-fails-other-run');
    succeeded(steps[0]!.run);
    const run = steps[1]!.run as ActionRunWithPost;
    expect(run.main.exitCode).not.toBe(0);
    const removals = run.post?.logLines.filter((l) => l.startsWith('removed ')).map((l) => l.split(' ')[1]);
    expect(removals).toEqual(['auto-scaling-group', 'launch-template']);
    const kinds = standing(sandbox)
      .map((l) => l.split(' ')[0])
      .sort();
    expect(kinds).toEqual(['listener', 'load-balancer', 'target-group']);
  });

  it('refuses a bad mode, and a release or image given to prepare, with one clear error each; its dry run makes nothing', async () => {
    const { sandbox, steps } = await get('bad-inputs');
    const [mode, image, release, dry] = steps.map((s) => main(s.run));
    expect(theError(mode!)).toMatch(/Input 'mode'.*'deploy'.*'launch', 'prepare'/);
    expect(theError(image!)).toMatch(/Input 'image-id' was given with mode 'prepare'; expected it empty/);
    expect(theError(release!)).toMatch(/Input 'release' was given with mode 'prepare'; expected it empty/);
    for (const run of [mode, image, release]) expect(run?.outputs).toEqual({});
    expect(sandbox.calls().filter((c) => /^Create/.test(c.operation))).toEqual([]);
    // The dry run: the plan of the front end only, no outputs, nothing made (checked above).
    expect(succeeded(dry!).logLines.some((l) => /^\[dry run\] Load balancer prod-api-b000042 /.test(l))).toBe(
      true,
    );
    expect(dry!.logLines.some((l) => /\[dry run\] (Auto Scaling|Launch template)/.test(l))).toBe(false);
    expect(dry!.outputs).toEqual({});
  });

  it('a prepared build that never launched is retired cleanly by retire-release', async () => {
    const { sandbox } = await get('retire-prepared');
    const run = succeeded(retired!.run);
    // The prepared build stood (front end only, no group) until the retirement.
    const before = beforeRetire.filter((l) => l.includes('b000040')).map((l) => l.split(' ')[0]);
    expect(before.sort()).toEqual(['listener', 'load-balancer', 'target-group']);
    const left = standing(sandbox).join('\n');
    expect(left).not.toContain(loadBalancerName(b40));
    expect(left).not.toContain(targetGroupName(b40));
    expect(left).toContain(loadBalancerName(b42));
    expect(ops(retired!.calls)).toEqual(
      expect.arrayContaining(['DeleteListener', 'DeleteLoadBalancer', 'DeleteTargetGroup']),
    );
    // The name prepare made for it goes too; the live build's stays.
    const names = sandbox
      .inventory()
      .filter((i) => i.service === 'route53')
      .map((i) => i.id)
      .join('\n');
    expect(names).not.toContain('b000040.api.prod.example.test');
    expect(names).toContain('b000042.api.prod.example.test');
    expect(run.summary).toContain('b000040');
  });

  it('calls only IAM actions its docs list', async () => {
    const all = await Promise.all([...scenarios.values()]);
    const called = iamActionsCalled(all.flatMap((s) => s.steps.flatMap((st) => st.calls)));
    const documented = documentedIamActions(ACTION);
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
  });
});
