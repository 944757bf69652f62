// The fleet's rules on their own, no AWS: the inputs that size and scale the group, the group
// request launch-behind-lb sends, and when a group that cannot launch counts as failed.
import { describe, expect, it } from '@jest/globals';
import type { Activity, AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import { InputError } from '@immut/core/errors';
import { readInputs } from '@immut/core/inputs';
import { standardTags } from '@immut/core/tags';
import {
  fleetDigest,
  groupParams,
  launchFailure,
  mayBeFailingToLaunch,
  requestCountLabel,
  type FleetSpec,
} from '../fleet.js';
import { launchBehindLbInputs } from '../inputs.js';
import { launchProblems } from '../main.js';

const BASE: Record<string, string> = {
  role: 'api',
  env: 'prod',
  build: 'b7',
  'image-id': 'ami-0a0000000000a2303',
  'subnet-ids': 'subnet-0a000000000000001,subnet-0b000000000000002',
  'security-group-ids': 'sg-0a000000000000001',
  'lb-security-group-ids': 'sg-0a000000000000001',
};

/** The problems the action reports for these inputs (each input's own, then the cross checks). */
function problems(over: Record<string, string>): string[] {
  const raw: Record<string, string> = { ...BASE, ...over };
  try {
    const inputs = readInputs(launchBehindLbInputs, (name) => raw[name] ?? '');
    return launchProblems(inputs);
  } catch (error) {
    if (error instanceof InputError) return [error.message];
    throw error;
  }
}

describe('fleet inputs', () => {
  it('accepts min ≤ count ≤ max and target tracking with room to scale', () => {
    expect(problems({ count: '3', min: '2', max: '6', scaling: 'cpu:50' })).toEqual([]);
    expect(problems({ count: '2', max: '4', scaling: 'requests:1000' })).toEqual([]);
    expect(problems({ 'instance-types': 't3.small,t3a.small', 'health-check-grace-period': '0s' })).toEqual(
      [],
    );
  });

  it('refuses a count outside min and max, naming the inputs', () => {
    expect(problems({ count: '2', min: '3', max: '4' }).join('\n')).toMatch(
      /Input 'min' was 3, more than 'count' 2; expected min ≤ count ≤ max/,
    );
    expect(problems({ count: '5', max: '4' }).join('\n')).toMatch(/Input 'max' was 4, less than 'count' 5/);
  });

  it('refuses scaling that has no room, or a metric or target it does not know', () => {
    expect(problems({ scaling: 'cpu:50' }).join('\n')).toMatch(
      /Input 'scaling' was 'cpu:50' but the group cannot change size \(min = max = 2\)/,
    );
    for (const bad of ['memory:50', 'cpu:0', 'cpu:101', 'cpu:', 'requests:1000001', 'cpu: 50', 'CPU:50']) {
      expect(problems({ max: '4', scaling: bad }).join('\n')).toMatch(/Input 'scaling'/);
    }
  });

  it('refuses a grace period beyond whole seconds or 2h, and malformed instance types', () => {
    expect(problems({ 'health-check-grace-period': '1500ms' }).join('\n')).toMatch(
      /Input 'health-check-grace-period' was 1500ms: Auto Scaling takes whole seconds/,
    );
    expect(problems({ 'health-check-grace-period': '3h' }).join('\n')).toMatch(
      /Input 'health-check-grace-period'/,
    );
    expect(problems({ 'instance-types': 't3.small,../x' }).join('\n')).toMatch(/Input 'instance-types'/);
    expect(problems({ 'instance-types': 't3.small,t3.small' }).join('\n')).toMatch(/listed twice/);
  });
});

describe('hosted-zone input', () => {
  it('takes the zone as prepare resolved it, only beside the same zone', () => {
    expect(problems({ zone: 'example.test', 'hosted-zone': 'Z0123456789ABC/example.test/public' })).toEqual(
      [],
    );
    expect(problems({ 'hosted-zone': 'Z0123456789ABC/example.test/public' })).toEqual([
      "Input 'hosted-zone' was given without input 'zone'; expected both, or neither.",
    ]);
    expect(
      problems({ zone: 'other.test', 'hosted-zone': 'Z0123456789ABC/example.test/public' }).join('\n'),
    ).toMatch(
      /Input 'hosted-zone' was 'Z0123456789ABC\/example.test\/public', which is not the zone input 'zone' names/,
    );
    expect(problems({ zone: 'example.test', 'hosted-zone': 'example.test' }).join('\n')).toMatch(
      /Input 'hosted-zone' was 'example.test'; expected launch-behind-lb's hosted-zone output/,
    );
  });
});

const id = { role: 'api', env: 'prod', build: 'b7' };
const tagsFor = (name: string) => standardTags(id, { repository: 'o/r', sha: 'abc', runUrl: '' }, name);
const spec: FleetSpec = {
  launchTemplateName: 'prod-api-b7',
  groupName: 'prod-api-b7',
  instanceName: 'immut/prod/api/b7',
  imageId: 'ami-0a0000000000a2303',
  instanceType: 't3.small',
  instanceTypes: [],
  securityGroupIds: ['sg-1'],
  userDataBase64: 'IyEvYmluL3NoCg==',
  subnets: [
    { id: 'subnet-a', zone: 'us-east-1a' },
    { id: 'subnet-b', zone: 'us-east-1b' },
  ],
  count: 2,
  min: 2,
  max: 4,
  gracePeriodSeconds: 300,
};

describe('the group request', () => {
  it('spans the subnets, checks health through the load balancer and propagates immut’s tags', () => {
    const params = groupParams(spec, { tagsFor }, 'lt-1', 'arn:tg');
    expect(params).toMatchObject({
      AutoScalingGroupName: 'prod-api-b7',
      LaunchTemplate: { LaunchTemplateId: 'lt-1', Version: '$Latest' },
      MinSize: 2,
      MaxSize: 4,
      DesiredCapacity: 2,
      VPCZoneIdentifier: 'subnet-a,subnet-b',
      TargetGroupARNs: ['arn:tg'],
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 300,
      CapacityRebalance: true,
    });
    const tags = new Map((params.Tags ?? []).map((t) => [t.Key, t]));
    expect(tags.get('immut:managed-by')).toMatchObject({ Value: 'immut', PropagateAtLaunch: true });
    expect(tags.get('immut:build')).toMatchObject({ Value: 'b7', PropagateAtLaunch: true });
    // The group's own Name and settings digest stay on the group.
    expect(tags.get('Name')?.PropagateAtLaunch).toBe(false);
    expect(tags.get('immut:launch-config')?.Value).toBe(fleetDigest(spec));
  });

  it('lets the group choose among several instance types, On-Demand only', () => {
    const params = groupParams(
      { ...spec, instanceTypes: ['t3.small', 't3a.small'] },
      { tagsFor },
      'lt-1',
      'arn:tg',
    );
    expect(params.LaunchTemplate).toBeUndefined();
    expect(params.MixedInstancesPolicy?.LaunchTemplate?.Overrides).toEqual([
      { InstanceType: 't3.small' },
      { InstanceType: 't3a.small' },
    ]);
    expect(params.MixedInstancesPolicy?.InstancesDistribution?.OnDemandPercentageAboveBaseCapacity).toBe(100);
  });

  it('changes its settings digest with anything that makes another fleet', () => {
    const digest = fleetDigest(spec);
    expect(fleetDigest({ ...spec })).toBe(digest);
    for (const over of [
      { count: 3 },
      { max: 5 },
      { imageId: 'ami-0b' },
      { scaling: { metric: 'cpu' as const, target: 40 } },
    ]) {
      expect(fleetDigest({ ...spec, ...over })).not.toBe(digest);
    }
  });

  it('names the load balancer and target group for request-count tracking as AWS labels them', () => {
    expect(
      requestCountLabel(
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/prod-api-b7/50dc6c495c0c9188',
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/prod-api-b7/943f017f100becff',
      ),
    ).toBe('app/prod-api-b7/50dc6c495c0c9188/targetgroup/prod-api-b7/943f017f100becff');
    expect(() => requestCountLabel('arn:x', 'arn:y')).toThrow(/cannot derive a resource label/);
  });
});

const failed = (minute: number, zone: string): Activity => ({
  ActivityId: `a${minute}`,
  AutoScalingGroupName: 'prod-api-b7',
  Cause: 'capacity',
  StartTime: new Date(Date.UTC(2026, 0, 1, 0, minute)),
  StatusCode: 'Failed',
  Description: 'Launching a new EC2 instance.  Status Reason: no capacity. Launching EC2 instance failed.',
  StatusMessage: `We currently do not have sufficient t3.small capacity in the Availability Zone you requested (${zone}). Launching EC2 instance failed.`,
});
const succeeded = (minute: number): Activity => ({
  ...failed(minute, ''),
  StatusCode: 'Successful',
  Description: 'Launching a new EC2 instance: i-1',
  StatusMessage: undefined,
});
const group = (instances: AutoScalingGroup['Instances'] = []): AutoScalingGroup =>
  ({ AutoScalingGroupName: 'prod-api-b7', DesiredCapacity: 2, Instances: instances }) as AutoScalingGroup;

describe('launchFailure', () => {
  it('fails when the newest launches in as many tries as zones all failed, with AWS’s reasons', () => {
    const reason = launchFailure(group(), [failed(1, 'us-east-1a'), failed(2, 'us-east-1b')], 2);
    expect(reason).toMatch(/^Auto Scaling could not launch servers in any of the subnets' zones: /);
    expect(reason).toMatch(/\(us-east-1a\)/);
    expect(reason).toMatch(/\(us-east-1b\)/);
  });

  it('waits while a zone still serves, a server is launching, or the group is full', () => {
    expect(launchFailure(group(), [failed(1, 'us-east-1a'), succeeded(2)], 2)).toBeUndefined();
    expect(launchFailure(group(), [failed(1, 'us-east-1a')], 2)).toBeUndefined();
    const pending = group([{ InstanceId: 'i-1', LifecycleState: 'Pending' } as never]);
    expect(launchFailure(pending, [failed(1, 'a'), failed(2, 'b')], 2)).toBeUndefined();
    const full = group([
      { InstanceId: 'i-1', LifecycleState: 'InService' } as never,
      { InstanceId: 'i-2', LifecycleState: 'InService' } as never,
    ]);
    expect(launchFailure(full, [failed(1, 'a'), failed(2, 'b')], 2)).toBeUndefined();
  });
});

describe('mayBeFailingToLaunch', () => {
  it('is true only for a group short of servers with none on its way (then its activities are read)', () => {
    expect(mayBeFailingToLaunch(group())).toBe(true);
    expect(mayBeFailingToLaunch(group([{ InstanceId: 'i-1', LifecycleState: 'Terminated' } as never]))).toBe(
      true,
    );
    expect(mayBeFailingToLaunch(group([{ InstanceId: 'i-1', LifecycleState: 'Pending' } as never]))).toBe(
      false,
    );
    const full = group([
      { InstanceId: 'i-1', LifecycleState: 'InService' } as never,
      { InstanceId: 'i-2', LifecycleState: 'InService' } as never,
    ]);
    expect(mayBeFailingToLaunch(full)).toBe(false);
  });
});
