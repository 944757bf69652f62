// The launch's resource functions with the real SDK clients against the sandbox: the build's
// launch template and Auto Scaling group (made once, adopted on a re-run, refused when another
// build's), the health gate over the group, reuse only of this build's load balancer, and
// the post step's guard.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { CreateLaunchTemplateCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { Route53Client } from '@aws-sdk/client-route-53';
import { scaledClock } from '@immut/core/clock';
import { deadlineFrom } from '@immut/core/wait';
import type { CreatedResource } from '@immut/core/cleanup';
import type { Identity } from '@immut/core/identity';
import {
  autoScalingGroupName,
  launchTemplateName,
  loadBalancerName,
  targetGroupName,
} from '@immut/core/naming';
import { standardTags, toAwsTags } from '@immut/core/tags';
import { SEED, startSandbox, type Sandbox } from '@immut/sandbox';
import { ensureGroup, ensureLaunchTemplate, waitFleetHealthy, type FleetSpec } from '../fleet.js';
import { describeTargets } from '../health.js';
import { ensureListener, ensureLoadBalancer, ensureTargetGroup } from '../load-balancer.js';
import { ensureFrontEnd, type FrontEndPlan } from '../prepare.js';
import { undoHandlers } from '../undo.js';

const SCALE = 2000;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const subnets = SEED.subnets.map((s) => ({ id: s.subnetId, zone: s.availabilityZone }));
const [A, B] = subnets.map((s) => s.id) as [string, string];
const id: Identity = { role: 'api', env: 'prod', build: 'b7' };
const provenance = { repository: 'o/r', sha: 'abc', runUrl: '' };

let sandbox: Sandbox;
let autoscaling: AutoScalingClient;
let ec2: EC2Client;
let elb: ElasticLoadBalancingV2Client;
let route53: Route53Client;

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: SCALE });
  const config = { endpoint: sandbox.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
  autoscaling = new AutoScalingClient(config);
  ec2 = new EC2Client(config);
  elb = new ElasticLoadBalancingV2Client(config);
  route53 = new Route53Client(config);
});

beforeEach(async () => {
  await sandbox.reset();
});

afterAll(async () => {
  autoscaling.destroy();
  ec2.destroy();
  elb.destroy();
  route53.destroy();
  await sandbox.stop();
});

const elbContext = (recorded: CreatedResource[] = []) => ({
  elb,
  identity: id,
  region: 'us-east-1',
  tagsFor: (name: string) => standardTags(id, provenance, name),
  cleanup: { record: (r: CreatedResource) => void recorded.push(r) },
  log: () => undefined,
});
const lbSpec = {
  name: loadBalancerName(id),
  scheme: 'internet-facing' as const,
  subnets: [A, B],
  securityGroups: [SEED.securityGroup.groupId],
};

describe('ensureLoadBalancer', () => {
  it('creates and records it once; a second call reuses it without recording', async () => {
    const recorded: CreatedResource[] = [];
    const lb = await ensureLoadBalancer(elbContext(recorded), lbSpec);
    const again = await ensureLoadBalancer(elbContext(recorded), lbSpec);
    expect(again).toMatchObject({ arn: lb.arn, created: false });
    expect(recorded).toEqual([{ kind: 'load-balancer', id: lb.arn, region: 'us-east-1' }]);
  });

  it('refuses a load balancer of its name that immut did not make, or that another build made', async () => {
    await elb.send(new CreateLoadBalancerCommand({ Name: lbSpec.name, Subnets: [A, B] }));
    await expect(ensureLoadBalancer(elbContext(), lbSpec)).rejects.toThrow(
      /has no immut:managed-by=immut tag/,
    );
    await sandbox.reset();
    const other = standardTags({ ...id, build: 'b8' }, provenance, lbSpec.name);
    await elb.send(
      new CreateTargetGroupCommand({
        Name: lbSpec.name,
        Protocol: 'HTTP',
        Port: 80,
        VpcId: SEED.vpc.vpcId,
        Tags: toAwsTags(other),
      }),
    );
    await expect(
      ensureTargetGroup(elbContext(), {
        name: lbSpec.name,
        port: 80,
        vpcId: SEED.vpc.vpcId,
        health: {
          path: '/',
          intervalSeconds: 30,
          healthyThreshold: 5,
          unhealthyThreshold: 2,
          matcher: '200',
        },
      }),
    ).rejects.toThrow(/belongs to build 'b8', not 'b7'/);
  });

  it('refuses to reuse its load balancer with other settings', async () => {
    await ensureLoadBalancer(elbContext(), lbSpec);
    await expect(ensureLoadBalancer(elbContext(), { ...lbSpec, scheme: 'internal' })).rejects.toThrow(
      /already exists with other settings/,
    );
  });
});

const health = { path: '/', intervalSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 2, matcher: '200' };

function fleetSpec(over: Partial<FleetSpec> = {}): FleetSpec {
  return {
    launchTemplateName: launchTemplateName(id),
    groupName: autoScalingGroupName(id),
    instanceName: 'immut/prod/api/b7',
    imageId: 'ami-0a0000000000a2303',
    instanceType: 't3.small',
    instanceTypes: [],
    securityGroupIds: [SEED.securityGroup.groupId],
    userDataBase64: Buffer.from('#!/bin/sh\n').toString('base64'),
    subnets: subnets.slice(0, 2),
    count: 2,
    min: 2,
    max: 2,
    gracePeriodSeconds: 60,
    ...over,
  };
}

const fleetContext = (recorded: CreatedResource[] = [], identity: Identity = id) => ({
  ec2,
  autoscaling,
  identity,
  region: 'us-east-1',
  tagsFor: (name: string) => standardTags(identity, provenance, name),
  cleanup: { record: (r: CreatedResource) => void recorded.push(r) },
  log: () => undefined,
});

/** The build's load balancer, target group and listener, as launch.ts makes them first. */
async function frontDoor(): Promise<{ lb: string; tg: string }> {
  const ctx = elbContext();
  const lb = await ensureLoadBalancer(ctx, lbSpec);
  const tg = await ensureTargetGroup(ctx, { name: lbSpec.name, port: 8080, vpcId: SEED.vpc.vpcId, health });
  await ensureListener(ctx, { loadBalancerArn: lb.arn, targetGroupArn: tg.arn, name: lbSpec.name });
  return { lb: lb.arn, tg: tg.arn };
}

const wait = (log: string[] = []) => ({
  clock: scaledClock(SCALE),
  log: (l: string) => void log.push(l),
  remaining: () => 30 * 60_000,
});

describe('the fleet', () => {
  it('creates the template and group once, records both, and a second call adopts them', async () => {
    const { tg } = await frontDoor();
    const recorded: CreatedResource[] = [];
    const template = await ensureLaunchTemplate(fleetContext(recorded), fleetSpec());
    const group = await ensureGroup(fleetContext(recorded), fleetSpec(), template.id, tg);
    expect(template.created && group.created).toBe(true);
    const again = await ensureGroup(fleetContext(recorded), fleetSpec(), template.id, tg);
    const templateAgain = await ensureLaunchTemplate(fleetContext(recorded), fleetSpec());
    expect([again.created, templateAgain.created]).toEqual([false, false]);
    expect(templateAgain.id).toBe(template.id);
    expect(recorded.map((r) => r.kind)).toEqual(['launch-template', 'auto-scaling-group']);
    const groups = await autoscaling.send(new DescribeAutoScalingGroupsCommand({}));
    expect(groups.AutoScalingGroups).toHaveLength(1);
    expect(groups.AutoScalingGroups?.[0]).toMatchObject({
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 60,
      TargetGroupARNs: [tg],
      CapacityRebalance: true,
    });
  });

  it('waits until count servers are in service and healthy in the target group', async () => {
    const { tg } = await frontDoor();
    const template = await ensureLaunchTemplate(fleetContext(), fleetSpec());
    await ensureGroup(fleetContext(), fleetSpec(), template.id, tg);
    const fleet = await waitFleetHealthy(
      { autoscaling, elb, groupName: autoScalingGroupName(id), targetGroupArn: tg, count: 2, zones: 2 },
      wait(),
    );
    expect(fleet.servers).toHaveLength(2);
    expect(new Set(fleet.servers.map((s) => s.zone)).size).toBe(2);
    expect(fleet.targets.every((t) => t.state === 'healthy')).toBe(true);
  });

  it('fails with the group’s own reason when no zone has capacity', async () => {
    sandbox.addFaults([{ kind: 'no-capacity' }]);
    const { tg } = await frontDoor();
    const template = await ensureLaunchTemplate(fleetContext(), fleetSpec());
    await ensureGroup(fleetContext(), fleetSpec(), template.id, tg);
    await expect(
      waitFleetHealthy(
        { autoscaling, elb, groupName: autoScalingGroupName(id), targetGroupArn: tg, count: 2, zones: 2 },
        wait(),
      ),
    ).rejects.toThrow(/Auto Scaling could not launch servers in any of the subnets' zones: .*capacity/i);
  });

  it('refuses a template or group of its name that another build made, or made with other settings', async () => {
    const other: Identity = { ...id, build: 'b8' };
    await ec2.send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: launchTemplateName(id),
        LaunchTemplateData: { ImageId: 'ami-0a0000000000a2303' },
        TagSpecifications: [
          {
            ResourceType: 'launch-template',
            Tags: toAwsTags(standardTags(other, provenance, launchTemplateName(id))),
          },
        ],
      }),
    );
    await expect(ensureLaunchTemplate(fleetContext(), fleetSpec())).rejects.toThrow(
      /belongs to build 'b8', not 'b7'/,
    );
    await sandbox.reset();
    await ensureLaunchTemplate(fleetContext(), fleetSpec());
    await expect(
      ensureLaunchTemplate(fleetContext(), fleetSpec({ instanceType: 't3.large' })),
    ).rejects.toThrow(/already exists with other settings/);
  });
});

describe('undo handlers', () => {
  const clients = { autoscaling: () => autoscaling, ec2: () => ec2, elb: () => elb, route53: () => route53 };
  const handlers = () => undoHandlers(id, clients, scaledClock(SCALE), () => undefined);

  it('remove this build’s group with its servers, then its template and load balancer, and count what is gone as removed', async () => {
    const { tg } = await frontDoor();
    const template = await ensureLaunchTemplate(fleetContext(), fleetSpec());
    await ensureGroup(fleetContext(), fleetSpec(), template.id, tg);
    await sandbox.advance(60_000);
    const groupName = autoScalingGroupName(id);
    await handlers()['auto-scaling-group']!({
      kind: 'auto-scaling-group',
      id: groupName,
      region: 'us-east-1',
    });
    await handlers()['auto-scaling-group']!({
      kind: 'auto-scaling-group',
      id: groupName,
      region: 'us-east-1',
    });
    await handlers()['launch-template']!({ kind: 'launch-template', id: template.id, region: 'us-east-1' });
    await handlers()['launch-template']!({ kind: 'launch-template', id: template.id, region: 'us-east-1' });
    const lb = sandbox.inventory().find((i) => i.kind === 'load-balancer');
    await handlers()['load-balancer']!({ kind: 'load-balancer', id: lb!.id, region: 'us-east-1' });
    const live = sandbox
      .inventory()
      .filter(
        (i) =>
          ['auto-scaling-group', 'launch-template', 'load-balancer'].includes(i.kind) ||
          (i.kind === 'instance' && !['shutting-down', 'terminated'].includes(i.state ?? '')),
      );
    expect(live).toEqual([]);
  });

  it("refuse another build's resources, whatever the saved state says", async () => {
    const otherBuild: Identity = { ...id, build: 'b8' };
    const lb = await ensureLoadBalancer(
      { ...elbContext(), identity: otherBuild, tagsFor: (n) => standardTags(otherBuild, provenance, n) },
      { ...lbSpec, name: loadBalancerName(otherBuild) },
    );
    await expect(
      handlers()['load-balancer']!({ kind: 'load-balancer', id: lb.arn, region: 'us-east-1' }),
    ).rejects.toThrow(/belongs to build 'b8', not 'b7'/);
    const template = await ensureLaunchTemplate(fleetContext([], otherBuild), {
      ...fleetSpec(),
      launchTemplateName: launchTemplateName(otherBuild),
    });
    await expect(
      handlers()['launch-template']!({ kind: 'launch-template', id: template.id, region: 'us-east-1' }),
    ).rejects.toThrow(/belongs to build 'b8', not 'b7'/);
    expect(sandbox.inventory().filter((i) => i.kind === 'load-balancer')).toHaveLength(1);
  });

  it('describes targets one by one', () => {
    expect(
      describeTargets([
        { id: 'i-1', zone: 'a', state: 'healthy' },
        { id: 'i-2', zone: 'b', state: 'unused', reason: 'Target.NotInUse' },
      ]),
    ).toBe('i-1 healthy, i-2 unused (Target.NotInUse)');
  });
});

describe('ensureFrontEnd', () => {
  const plan = (): FrontEndPlan => ({
    identity: id,
    region: 'us-east-1',
    network: { vpcId: SEED.vpc.vpcId, subnets, lbSubnets: [A, B] },
    names: { loadBalancer: loadBalancerName(id), targetGroup: targetGroupName(id) },
    health: {
      path: '/health',
      intervalSeconds: 30,
      healthyThreshold: 5,
      unhealthyThreshold: 2,
      matcher: '200',
    },
    port: 8080,
    scheme: 'internet-facing',
    lbSecurityGroupIds: [SEED.securityGroup.groupId],
    timeoutMs: 600_000,
    tagsFor: (name: string) => standardTags(id, provenance, name),
  });
  const operations = (from: number) =>
    sandbox
      .calls()
      .slice(from)
      .map((c) => c.operation);

  it('makes a new front end without asking for listeners a new load balancer cannot have', async () => {
    const from = sandbox.calls().length;
    const front = await ensureFrontEnd(plan(), elb, {
      cleanup: { record: () => undefined },
      log: () => undefined,
    });
    expect(front.resources.map((r) => r.how)).toEqual(['created', 'created', 'created']);
    expect(operations(from)).not.toContain('DescribeListeners');
    expect(operations(from)).not.toContain('DescribeTags');
  });

  it('adopts an existing front end after reading the tags of all of it in one call', async () => {
    const quiet = { cleanup: { record: () => undefined }, log: () => undefined };
    await ensureFrontEnd(plan(), elb, quiet);
    const from = sandbox.calls().length;
    const again = await ensureFrontEnd(plan(), elb, quiet);
    expect(again.resources.map((r) => r.how)).toEqual(['reused', 'reused', 'reused']);
    const ops = operations(from);
    expect(ops.filter((o) => o === 'DescribeTags')).toHaveLength(1);
    expect(ops.filter((o) => o.startsWith('Create'))).toEqual([]);
  });

  it('retries throttled creates until its deadline, beyond the SDK attempts, when given one', async () => {
    // Throttled 8 times each (the client here makes one attempt): a world of releases at
    // once meets ELBv2's account rate in prepare, all creating at the same moment.
    sandbox.addFaults(
      ['CreateLoadBalancer', 'CreateTargetGroup', 'CreateListener'].map((operation) => ({
        service: 'elasticloadbalancing' as const,
        operation,
        error: 'Throttling',
        times: 8,
      })),
    );
    const clock = scaledClock(SCALE);
    const log: string[] = [];
    const front = await ensureFrontEnd(plan(), elb, {
      cleanup: { record: () => undefined },
      log: (line) => log.push(line),
      calls: { clock, log: (line) => log.push(line), deadline: deadlineFrom(clock, 600_000) },
    });
    expect(front.resources.map((r) => r.how)).toEqual(['created', 'created', 'created']);
    const throttled = sandbox.calls().filter((c) => c.errorCode === 'Throttling');
    expect(throttled).toHaveLength(24);
  });

  it("refuses another build's target group found beside this build's load balancer", async () => {
    const quiet = { cleanup: { record: () => undefined }, log: () => undefined };
    await elb.send(
      new CreateTargetGroupCommand({
        Name: targetGroupName(id),
        Protocol: 'HTTP',
        Port: 8080,
        VpcId: SEED.vpc.vpcId,
        Tags: toAwsTags(standardTags({ ...id, build: 'b6' }, provenance, targetGroupName(id))),
      }),
    );
    await expect(ensureFrontEnd(plan(), elb, quiet)).rejects.toThrow(/belongs to build 'b6'/);
  });
});
