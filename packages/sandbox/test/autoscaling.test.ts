// Amazon EC2 Auto Scaling over HTTP with the real SDK clients: a group launched from a
// launch template behind an application load balancer, in sandbox time. It launches across
// its subnets' zones, registers its instances with its target group, replaces an instance
// terminated behind its back (or reported unhealthy by the load balancer), goes around a
// zone without capacity, records activities, deletes with ForceDelete, and answers the
// API reference's errors and IAM refusals.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  CreateOrUpdateTagsCommand,
  DeleteAutoScalingGroupCommand,
  DeletePolicyCommand,
  DeleteTagsCommand,
  DescribeAutoScalingGroupsCommand,
  DescribeAutoScalingInstancesCommand,
  DescribePoliciesCommand,
  DescribeScalingActivitiesCommand,
  DescribeTagsCommand,
  PutScalingPolicyCommand,
  SetDesiredCapacityCommand,
  TerminateInstanceInAutoScalingGroupCommand,
  UpdateAutoScalingGroupCommand,
  type AutoScalingGroup,
  type CreateAutoScalingGroupCommandInput,
} from '@aws-sdk/client-auto-scaling';
import {
  CreateLaunchTemplateCommand,
  DeleteLaunchTemplateCommand,
  DescribeInstancesCommand,
  EC2Client,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED, startSandbox, type Sandbox } from '../src/index.js';
import { credentials, failure } from './helpers.js';

const s = 1000;
const min = 60 * s;
const subnets = SEED.subnets.map((x) => x.subnetId);
const GROUP = 'web-prod-b1';

let sandbox: Sandbox;
let asg: AutoScalingClient;
let ec2: EC2Client;
let elb: ElasticLoadBalancingV2Client;

/** Point the clients at a sandbox. */
function connect(to: Sandbox): void {
  const config = { endpoint: to.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
  asg = new AutoScalingClient(config);
  ec2 = new EC2Client(config);
  elb = new ElasticLoadBalancingV2Client(config);
}

function disconnect(): void {
  asg.destroy();
  ec2.destroy();
  elb.destroy();
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, timeScale: 1 });
  connect(sandbox);
});

afterAll(async () => {
  disconnect();
  await sandbox.stop();
});

let tgArn: string;
let lbArn: string;
let templateId: string;

/** A load balancer (active after 3 min) forwarding to a target group, and a template. */
async function fleetBase(): Promise<void> {
  const lb = await elb.send(
    new CreateLoadBalancerCommand({
      Name: 'web-prod',
      Subnets: subnets,
      SecurityGroups: [SEED.securityGroup.groupId],
    }),
  );
  lbArn = lb.LoadBalancers![0]!.LoadBalancerArn!;
  const tg = await elb.send(
    new CreateTargetGroupCommand({ Name: 'web-prod-b1', Protocol: 'HTTP', Port: 80, VpcId: SEED.vpc.vpcId }),
  );
  tgArn = tg.TargetGroups![0]!.TargetGroupArn!;
  await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: lbArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
    }),
  );
  const lt = await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: 'web-prod-b1',
      LaunchTemplateData: {
        ImageId: SEED.images[0]!.imageId,
        InstanceType: 't3.micro',
        SecurityGroupIds: [SEED.securityGroup.groupId],
        MetadataOptions: { HttpTokens: 'required' },
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'role', Value: 'web' }] }],
      },
    }),
  );
  templateId = lt.LaunchTemplate!.LaunchTemplateId!;
}

const groupInput = (
  extra: Partial<CreateAutoScalingGroupCommandInput> = {},
): CreateAutoScalingGroupCommandInput => ({
  AutoScalingGroupName: GROUP,
  LaunchTemplate: { LaunchTemplateId: templateId, Version: '1' },
  MinSize: 2,
  MaxSize: 2,
  DesiredCapacity: 2,
  VPCZoneIdentifier: subnets.join(','),
  TargetGroupARNs: [tgArn],
  HealthCheckType: 'ELB',
  HealthCheckGracePeriod: 120,
  CapacityRebalance: true,
  Tags: [
    { Key: 'immut:build', Value: 'b1', PropagateAtLaunch: true },
    { Key: 'group-only', Value: 'x', PropagateAtLaunch: false },
  ],
  ...extra,
});

async function group(name = GROUP): Promise<AutoScalingGroup | undefined> {
  const out = await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }));
  return out.AutoScalingGroups?.[0];
}

async function targetStates(): Promise<Record<string, string>> {
  const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }));
  return Object.fromEntries(
    (out.TargetHealthDescriptions ?? []).map((d) => [d.Target!.Id!, d.TargetHealth!.State!]),
  );
}

const inService = (g: AutoScalingGroup | undefined): string[] =>
  (g?.Instances ?? []).filter((i) => i.LifecycleState === 'InService').map((i) => i.InstanceId!);

beforeEach(async () => {
  await sandbox.reset();
  await fleetBase();
});

describe('a group behind its load balancer', () => {
  it('launches across zones, registers with its target group and reports healthy InService instances', async () => {
    await asg.send(new CreateAutoScalingGroupCommand(groupInput()));
    const pending = await group();
    expect(pending?.Instances?.map((i) => i.LifecycleState)).toEqual(['Pending', 'Pending']);
    sandbox.advance(4 * min);
    const g = await group();
    expect(g).toMatchObject({
      TargetGroupARNs: [tgArn],
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 120,
      DesiredCapacity: 2,
      CapacityRebalance: true,
      LaunchTemplate: { LaunchTemplateId: templateId, LaunchTemplateName: 'web-prod-b1', Version: '1' },
    });
    const ids = inService(g);
    expect(ids).toHaveLength(2);
    expect(g!.Instances!.every((i) => i.HealthStatus === 'Healthy')).toBe(true);
    expect(new Set(g!.Instances!.map((i) => i.AvailabilityZone)).size).toBe(2);
    expect(await targetStates()).toEqual(Object.fromEntries(ids.map((id) => [id, 'healthy'])));
    const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
    const tags = described.Reservations![0]!.Instances![0]!.Tags!;
    expect(Object.fromEntries(tags.map((t) => [t.Key, t.Value]))).toEqual({
      role: 'web',
      'immut:build': 'b1',
      'aws:autoscaling:groupName': GROUP,
      'aws:ec2launchtemplate:id': templateId,
      'aws:ec2launchtemplate:version': '1',
    });
    const activities = await asg.send(new DescribeScalingActivitiesCommand({ AutoScalingGroupName: GROUP }));
    expect(activities.Activities?.map((a) => [a.StatusCode, a.Description])).toEqual(
      ids.map((id) => ['Successful', `Launching a new EC2 instance: ${id}`]).reverse(),
    );
  });

  it('replaces an instance terminated through EC2; the replacement becomes healthy with no further call', async () => {
    await asg.send(new CreateAutoScalingGroupCommand(groupInput()));
    sandbox.advance(4 * min);
    const [victim, survivor] = inService(await group());
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [victim!] }));
    sandbox.advance(10 * s);
    expect((await group())?.Instances?.map((i) => i.InstanceId)).toContain(victim);
    // Only reads from here on: the group notices, deregisters and replaces on its own.
    sandbox.advance(3 * min);
    // The load balancer alone (no Auto Scaling call) already sees the replacement healthy.
    const states = await targetStates();
    const g = await group();
    const ids = g!.Instances!.map((i) => i.InstanceId!);
    expect(ids).not.toContain(victim);
    expect(ids).toContain(survivor);
    expect(inService(g)).toHaveLength(2);
    const replacement = ids.find((id) => id !== survivor)!;
    expect(states[victim!]).toBe('draining');
    expect(states[replacement]).toBe('healthy');
    expect(states[survivor!]).toBe('healthy');
    const activities = (await asg.send(new DescribeScalingActivitiesCommand({ AutoScalingGroupName: GROUP })))
      .Activities!;
    expect(activities[0]?.Description).toBe(`Launching a new EC2 instance: ${replacement}`);
    expect(activities[1]?.Description).toBe(`Terminating EC2 instance: ${victim}`);
    expect(activities[1]?.Cause).toMatch(
      /an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped\.$/,
    );
    const calls = sandbox.calls().filter((c) => c.outcome === 'ok' && !/^Describe/.test(c.operation));
    expect(calls.map((c) => c.operation).slice(-1)).toEqual(['TerminateInstances']);
  });

  it('replaces an instance the load balancer reports unhealthy once the grace period is over', async () => {
    await sandbox.addFaults([{ kind: 'target-never-healthy', times: 1 }]);
    await asg.send(new CreateAutoScalingGroupCommand(groupInput({ HealthCheckGracePeriod: 300 })));
    sandbox.advance(4 * min);
    const before = await group();
    expect(inService(before)).toHaveLength(2);
    const unhealthy = Object.entries(await targetStates()).find(([, st]) => st === 'unhealthy')?.[0];
    expect(unhealthy).toBeDefined();
    // Within the grace period (InService at 15 s + 300 s) the group leaves it alone.
    expect(before!.Instances!.find((i) => i.InstanceId === unhealthy)?.HealthStatus).toBe('Healthy');
    sandbox.advance(2 * min);
    const after = await group();
    const victim = after!.Instances!.find((i) => i.InstanceId === unhealthy);
    expect(victim).toMatchObject({ LifecycleState: 'Terminating', HealthStatus: 'Unhealthy' });
    expect(after!.Instances!.filter((i) => i.LifecycleState !== 'Terminating')).toHaveLength(2);
    const activities = (await asg.send(new DescribeScalingActivitiesCommand({ AutoScalingGroupName: GROUP })))
      .Activities!;
    const termination = activities.find((a) => a.Description === `Terminating EC2 instance: ${unhealthy}`);
    expect(termination?.Cause).toMatch(/in response to an ELB system health check failure\.$/);
    expect(termination?.StatusCode).toBe('WaitingForELBConnectionDraining');
    // Connection draining (300 s), then the instance is terminated and leaves the group.
    sandbox.advance(6 * min);
    const done = await group();
    expect(done!.Instances!.map((i) => i.InstanceId)).not.toContain(unhealthy);
    expect(Object.values(await targetStates())).toEqual(['healthy', 'healthy']);
  });

  it('leaves instances the load balancer reports unhealthy alone with HealthCheckType EC2', async () => {
    await sandbox.addFaults([{ kind: 'target-never-healthy' }]);
    await asg.send(
      new CreateAutoScalingGroupCommand(groupInput({ HealthCheckType: 'EC2', HealthCheckGracePeriod: 0 })),
    );
    sandbox.advance(4 * min);
    const ids = inService(await group());
    sandbox.advance(20 * min);
    expect(inService(await group())).toEqual(ids);
    expect(Object.values(await targetStates())).toEqual(['unhealthy', 'unhealthy']);
  });

  it('ForceDelete removes the group and its instances, and the template can then be deleted', async () => {
    await asg.send(new CreateAutoScalingGroupCommand(groupInput()));
    sandbox.advance(4 * min);
    const ids = inService(await group());
    const inUse = await failure(asg.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: GROUP })));
    // The SDK maps the wire code ResourceInUse to its modelled exception.
    expect(inUse.name).toBe('ResourceInUseFault');
    expect(inUse.message).toBe(
      'You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.',
    );
    await asg.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: GROUP, ForceDelete: true }));
    expect((await group())?.Status).toBe('Delete in progress');
    sandbox.advance(1 * min);
    expect(await group()).toBeUndefined();
    const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
    expect(described.Reservations!.flatMap((r) => r.Instances!).map((i) => i.State?.Name)).toEqual([
      'terminated',
      'terminated',
    ]);
    await ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: templateId }));
    const again = await failure(asg.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: GROUP })));
    expect(again.name).toBe('ValidationError');
  });
});

describe('deletion while instances terminate, and persistence', () => {
  it('answers ScalingActivityInProgress while the last instances drain, then deletes', async () => {
    await asg.send(
      new CreateAutoScalingGroupCommand(groupInput({ MinSize: 1, MaxSize: 1, DesiredCapacity: 1 })),
    );
    sandbox.advance(4 * min);
    await asg.send(
      new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: GROUP, MinSize: 0, DesiredCapacity: 0 }),
    );
    expect((await group())?.Instances?.map((i) => i.LifecycleState)).toEqual(['Terminating']);
    const busy = await failure(asg.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: GROUP })));
    expect(busy.name).toBe('ScalingActivityInProgressFault'); // wire code ScalingActivityInProgress
    expect(busy.message).toBe(
      'You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group.',
    );
    sandbox.advance(6 * min); // the deregistration delay (300 s), then shutting-down (30 s)
    await asg.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: GROUP }));
    expect(
      (await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [GROUP] })))
        .AutoScalingGroups,
    ).toEqual([]);
  });

  it('keeps a group in the state file and carries on after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asg-state-'));
    const stateFile = join(dir, 'state.json');
    disconnect();
    try {
      const first = await startSandbox({ timeScale: 1, stateFile });
      connect(first);
      await fleetBase();
      await asg.send(new CreateAutoScalingGroupCommand(groupInput()));
      disconnect();
      await first.stop();
      const second = await startSandbox({ timeScale: 1, stateFile });
      connect(second);
      second.advance(4 * min);
      expect(inService(await group())).toHaveLength(2);
      expect(Object.values(await targetStates())).toEqual(['healthy', 'healthy']);
      disconnect();
      await second.stop();
    } finally {
      connect(sandbox);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('capacity', () => {
  it('launches in the other zones when one has no capacity, recording the failed attempt', async () => {
    await sandbox.addFaults([
      { kind: 'no-capacity', match: { availabilityZone: 'us-east-1a', instanceType: 't3.micro' } },
    ]);
    await asg.send(
      new CreateAutoScalingGroupCommand(groupInput({ MinSize: 3, MaxSize: 3, DesiredCapacity: 3 })),
    );
    sandbox.advance(1 * min);
    const g = await group();
    expect(inService(g)).toHaveLength(3);
    expect(g!.Instances!.map((i) => i.AvailabilityZone)).not.toContain('us-east-1a');
    const failed = (
      await asg.send(new DescribeScalingActivitiesCommand({ AutoScalingGroupName: GROUP }))
    ).Activities!.filter((a) => a.StatusCode === 'Failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.StatusMessage).toBe(
      'We currently do not have sufficient t3.micro capacity in the Availability Zone you requested (us-east-1a). Our system will be working on provisioning additional capacity. You can currently get t3.micro capacity by not specifying an Availability Zone in your request or choosing us-east-1b, us-east-1c. Launching EC2 instance failed.',
    );
  });

  it('uses the next instance type of a mixed instances policy when the first has no capacity anywhere', async () => {
    await sandbox.addFaults([{ kind: 'no-capacity', match: { instanceType: 't3.micro' } }]);
    const input = groupInput({
      LaunchTemplate: undefined,
      MixedInstancesPolicy: {
        LaunchTemplate: {
          LaunchTemplateSpecification: { LaunchTemplateId: templateId },
          Overrides: [{ InstanceType: 't3.micro' }, { InstanceType: 't3.small' }],
        },
        InstancesDistribution: { OnDemandAllocationStrategy: 'prioritized' },
      },
    });
    await asg.send(new CreateAutoScalingGroupCommand(input));
    sandbox.advance(1 * min);
    const g = await group();
    expect(g!.Instances!.map((i) => i.InstanceType)).toEqual(['t3.small', 't3.small']);
    expect(g!.MixedInstancesPolicy?.LaunchTemplate?.Overrides?.map((o) => o.InstanceType)).toEqual([
      't3.micro',
      't3.small',
    ]);
  });

  it('records a failed activity when no zone can serve, and launches once capacity returns', async () => {
    await sandbox.addFaults([{ kind: 'no-capacity' }]);
    await asg.send(new CreateAutoScalingGroupCommand(groupInput()));
    sandbox.advance(10 * s);
    expect((await group())?.Instances).toEqual([]);
    const activities = (await asg.send(new DescribeScalingActivitiesCommand({ AutoScalingGroupName: GROUP })))
      .Activities!;
    expect(activities.length).toBeGreaterThan(0);
    expect(activities.every((a) => a.StatusCode === 'Failed')).toBe(true);
    expect(activities[0]!.StatusMessage).toMatch(
      /^We currently do not have sufficient t3\.micro capacity .* Launching EC2 instance failed\.$/,
    );
    expect(activities[0]!.Description).toMatch(
      /^Launching a new EC2 instance\. {2}Status Reason: We currently/,
    );
    await sandbox.clearFaults();
    sandbox.advance(6 * min);
    expect(inService(await group())).toHaveLength(2);
  });
});

describe('sizes, instances, policies and tags', () => {
  it('scales with SetDesiredCapacity and TerminateInstanceInAutoScalingGroup', async () => {
    await asg.send(
      new CreateAutoScalingGroupCommand(groupInput({ MinSize: 1, MaxSize: 4, DesiredCapacity: 2 })),
    );
    sandbox.advance(1 * min);
    await asg.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: GROUP, DesiredCapacity: 3 }));
    sandbox.advance(1 * min);
    const three = inService(await group());
    expect(three).toHaveLength(3);
    const out = await asg.send(
      new TerminateInstanceInAutoScalingGroupCommand({
        InstanceId: three[0],
        ShouldDecrementDesiredCapacity: true,
      }),
    );
    expect(out.Activity?.Description).toBe(`Terminating EC2 instance: ${three[0]}`);
    const g = await group();
    expect(g?.DesiredCapacity).toBe(2);
    sandbox.advance(10 * min);
    expect((await group())?.Instances?.map((i) => i.InstanceId).sort()).toEqual(three.slice(1).sort());
    const rows = await asg.send(new DescribeAutoScalingInstancesCommand({ InstanceIds: [three[1]!] }));
    expect(rows.AutoScalingInstances?.[0]).toMatchObject({
      AutoScalingGroupName: GROUP,
      LifecycleState: 'InService',
      HealthStatus: 'HEALTHY',
    });
    const above = await failure(
      asg.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: GROUP, DesiredCapacity: 5 })),
    );
    expect(above.message).toBe(
      'New SetDesiredCapacity value 5 is above max value 4 for the AutoScalingGroup.',
    );
    await asg.send(
      new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: GROUP, MinSize: 1, MaxSize: 1 }),
    );
    sandbox.advance(10 * min);
    expect((await group())?.Instances).toHaveLength(1);
  });

  it('keeps target tracking policies, checking the ALB ResourceLabel', async () => {
    await asg.send(new CreateAutoScalingGroupCommand(groupInput()));
    const label = `${lbArn.split(':loadbalancer/')[1]}/${tgArn.split(':')[5]}`;
    const put = (resourceLabel?: string) =>
      asg.send(
        new PutScalingPolicyCommand({
          AutoScalingGroupName: GROUP,
          PolicyName: 'requests',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingConfiguration: {
            PredefinedMetricSpecification: {
              PredefinedMetricType: 'ALBRequestCountPerTarget',
              ...(resourceLabel ? { ResourceLabel: resourceLabel } : {}),
            },
            TargetValue: 100,
          },
        }),
      );
    expect((await failure(put())).name).toBe('ValidationError');
    expect((await failure(put('app/x/0123/targetgroup/y/4567'))).name).toBe('ValidationError');
    const out = await put(label);
    expect(out.PolicyARN).toMatch(
      /^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:.*:autoScalingGroupName\/web-prod-b1:policyName\/requests$/,
    );
    expect(out.Alarms).toHaveLength(2);
    const cpu = await asg.send(
      new PutScalingPolicyCommand({
        AutoScalingGroupName: GROUP,
        PolicyName: 'cpu',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingConfiguration: {
          PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' },
          TargetValue: 50,
        },
      }),
    );
    expect(cpu.PolicyARN).toBeDefined();
    const listed = await asg.send(new DescribePoliciesCommand({ AutoScalingGroupName: GROUP }));
    expect(listed.ScalingPolicies?.map((p) => p.PolicyName)).toEqual(['cpu', 'requests']);
    expect(
      listed.ScalingPolicies?.[1]?.TargetTrackingConfiguration?.PredefinedMetricSpecification?.ResourceLabel,
    ).toBe(label);
    await asg.send(new DeletePolicyCommand({ AutoScalingGroupName: GROUP, PolicyName: 'cpu' }));
    const left = await asg.send(new DescribePoliciesCommand({ AutoScalingGroupName: GROUP }));
    expect(left.ScalingPolicies?.map((p) => p.PolicyName)).toEqual(['requests']);
  });

  it('tags groups, filters by tag and pages', async () => {
    await asg.send(
      new CreateAutoScalingGroupCommand(groupInput({ MinSize: 0, MaxSize: 1, DesiredCapacity: 0 })),
    );
    await asg.send(
      new CreateAutoScalingGroupCommand(
        groupInput({ AutoScalingGroupName: 'other', MinSize: 0, MaxSize: 1, DesiredCapacity: 0, Tags: [] }),
      ),
    );
    await asg.send(
      new CreateOrUpdateTagsCommand({
        Tags: [
          {
            ResourceId: 'other',
            ResourceType: 'auto-scaling-group',
            Key: 'team',
            Value: 'a',
            PropagateAtLaunch: false,
          },
        ],
      }),
    );
    const byTag = await asg.send(
      new DescribeAutoScalingGroupsCommand({ Filters: [{ Name: 'tag:immut:build', Values: ['b1'] }] }),
    );
    expect(byTag.AutoScalingGroups?.map((g) => g.AutoScalingGroupName)).toEqual([GROUP]);
    const tags = await asg.send(
      new DescribeTagsCommand({ Filters: [{ Name: 'auto-scaling-group', Values: ['other'] }] }),
    );
    expect(tags.Tags?.map((t) => [t.Key, t.Value])).toEqual([['team', 'a']]);
    await asg.send(
      new DeleteTagsCommand({
        Tags: [{ ResourceId: 'other', ResourceType: 'auto-scaling-group', Key: 'team' }],
      }),
    );
    expect((await group('other'))?.Tags).toEqual([]);
    const first = await asg.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 1 }));
    expect(first.AutoScalingGroups?.map((g) => g.AutoScalingGroupName)).toEqual(['other']);
    const next = await asg.send(
      new DescribeAutoScalingGroupsCommand({ MaxRecords: 1, NextToken: first.NextToken }),
    );
    expect(next.AutoScalingGroups?.map((g) => g.AutoScalingGroupName)).toEqual([GROUP]);
    expect(next.NextToken).toBeUndefined();
  });
});

describe('errors', () => {
  it('answers the API reference errors for bad requests', async () => {
    await asg.send(new CreateAutoScalingGroupCommand(groupInput()));
    const dup = await failure(asg.send(new CreateAutoScalingGroupCommand(groupInput())));
    expect(dup.name).toBe('AlreadyExistsFault'); // wire code AlreadyExists
    expect(dup.message).toBe(
      `AutoScalingGroup by this name already exists - A group with the name ${GROUP} already exists`,
    );
    const cases: Array<[Partial<CreateAutoScalingGroupCommandInput>, string]> = [
      [
        { MinSize: 3, MaxSize: 2, DesiredCapacity: 2 },
        'Max bound, 2, must be greater than or equal to min bound, 3',
      ],
      [
        { MinSize: 1, MaxSize: 2, DesiredCapacity: 5 },
        'Desired capacity:5 must be between the specified min size:1 and max size:2',
      ],
      [
        { VPCZoneIdentifier: 'subnet-0000000000000dead' },
        "The subnet ID 'subnet-0000000000000dead' does not exist",
      ],
      [
        { TargetGroupARNs: [`${tgArn}0`] },
        'Provided Target Groups may not be valid. Please ensure they exist and try again.',
      ],
      [
        { LaunchTemplate: { LaunchTemplateName: 'missing' } },
        'You must use a valid fully-formed launch template. The specified launch template, with template name missing, does not exist.',
      ],
      [
        { LaunchTemplate: undefined },
        'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.',
      ],
    ];
    for (const [extra, message] of cases) {
      const err = await failure(
        asg.send(new CreateAutoScalingGroupCommand(groupInput({ AutoScalingGroupName: 'bad', ...extra }))),
      );
      expect([err.name, err.message]).toEqual(['ValidationError', message]);
    }
    const tooMany = await failure(
      asg.send(
        new CreateAutoScalingGroupCommand(
          groupInput({
            AutoScalingGroupName: 'bad',
            Tags: Array.from({ length: 51 }, (_, i) => ({
              Key: `k${i}`,
              Value: 'v',
              PropagateAtLaunch: false,
            })),
          }),
        ),
      ),
    );
    expect(tooMany.name).toBe('LimitExceededFault'); // wire code LimitExceeded
    const missing = await failure(
      asg.send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: 'nope', MinSize: 1 })),
    );
    expect([missing.name, missing.message]).toEqual([
      'ValidationError',
      "AutoScalingGroup name not found - AutoScalingGroup 'nope' not found",
    ]);
  });

  it('answers Throttling under a rate-limit fault for autoscaling', async () => {
    await sandbox.addFaults([{ kind: 'rate-limit', service: 'autoscaling', ratePerSecond: 0, burst: 1 }]);
    await asg.send(new DescribeAutoScalingGroupsCommand({}));
    const err = await failure(asg.send(new DescribeAutoScalingGroupsCommand({})));
    expect(err.name).toBe('Throttling');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });
});

describe('IAM', () => {
  /** Enforce IAM with these policies for the tests' access key (`test`). */
  const enforce = (docs: unknown[]): void => {
    sandbox.iam.configure({ default: 'deny' });
    sandbox.iam.set('test', docs);
  };
  const allow = (actions: string[], resource = '*', condition?: Record<string, unknown>) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow' as const,
        Action: actions,
        Resource: resource,
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });

  it('refuses a group without permission to launch from its template, in AWS words', async () => {
    enforce([allow(['autoscaling:CreateAutoScalingGroup'])]);
    const err = await failure(asg.send(new CreateAutoScalingGroupCommand(groupInput())));
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toBe(
      `User: arn:aws:iam::123456789012:user/sandbox is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:123456789012:launch-template/${templateId} because no identity-based policy allows the ec2:RunInstances action`,
    );
    const scoped = [
      allow(['autoscaling:CreateAutoScalingGroup'], '*', {
        StringEquals: { 'aws:RequestTag/immut:build': 'b1' },
      }),
      allow(['ec2:RunInstances'], `arn:aws:ec2:us-east-1:123456789012:launch-template/${templateId}`),
      allow(['autoscaling:DeleteAutoScalingGroup'], '*', {
        StringEquals: { 'autoscaling:ResourceTag/immut:build': 'b1' },
      }),
    ];
    // The template tags instances on launch: ec2:CreateTags as RunInstances asks it.
    enforce(scoped);
    const untaggable = await failure(asg.send(new CreateAutoScalingGroupCommand(groupInput())));
    expect(untaggable.message).toMatch(
      /not authorized to perform: ec2:CreateTags on resource: arn:aws:ec2:us-east-1:123456789012:instance\/\* /,
    );
    enforce([
      ...scoped,
      allow(['ec2:CreateTags'], '*', { StringEquals: { 'ec2:CreateAction': 'RunInstances' } }),
    ]);
    await asg.send(
      new CreateAutoScalingGroupCommand(groupInput({ MinSize: 0, MaxSize: 1, DesiredCapacity: 0 })),
    );
    const untagged = await failure(
      asg.send(new CreateAutoScalingGroupCommand(groupInput({ AutoScalingGroupName: 'other', Tags: [] }))),
    );
    expect(untagged.message).toMatch(
      /not authorized to perform: autoscaling:CreateAutoScalingGroup on resource: arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:\*:autoScalingGroupName\/other /,
    );
    await asg.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: GROUP }));
    sandbox.iam.configure({});
  });
});
