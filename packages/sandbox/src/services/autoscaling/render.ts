// Groups, instances and activities as the Auto Scaling API returns them (awsQuery members;
// timestamps as ISO-8601; lists as `member` items).
import { iso } from '../common/params.js';
import type { Activity, Group, LaunchTemplateRef, Member } from './state.js';

const templateSpec = (ref: LaunchTemplateRef): Record<string, unknown> => ({
  LaunchTemplateId: ref.id,
  LaunchTemplateName: ref.name,
  Version: ref.version ?? '$Default',
});

/** The group's account: the fifth field of its ARN. */
export const accountOf = (g: Group): string => g.arn.split(':')[4] ?? '';

export function renderMember(g: Group, m: Member, withGroup = false): Record<string, unknown> {
  return {
    InstanceId: m.instanceId,
    ...(withGroup ? { AutoScalingGroupName: g.name } : {}),
    InstanceType: m.instanceType,
    AvailabilityZone: m.availabilityZone,
    LifecycleState: m.lifecycle,
    HealthStatus: withGroup ? m.health.toUpperCase() : m.health,
    LaunchTemplate: {
      LaunchTemplateId: m.template.id,
      LaunchTemplateName: m.template.name,
      Version: m.template.version,
    },
    ProtectedFromScaleIn: m.protectedFromScaleIn,
  };
}

export function renderTags(g: Group): Array<Record<string, unknown>> {
  return g.tags.map((t) => ({
    ResourceId: g.name,
    ResourceType: 'auto-scaling-group',
    Key: t.key,
    Value: t.value,
    PropagateAtLaunch: t.propagateAtLaunch,
  }));
}

export function renderGroup(g: Group): Record<string, unknown> {
  return {
    AutoScalingGroupName: g.name,
    AutoScalingGroupARN: g.arn,
    ...(g.launchTemplate ? { LaunchTemplate: templateSpec(g.launchTemplate) } : {}),
    ...(g.mixed
      ? {
          MixedInstancesPolicy: {
            LaunchTemplate: {
              LaunchTemplateSpecification: templateSpec(g.mixed.launchTemplate),
              Overrides: g.mixed.instanceTypes.map((InstanceType) => ({ InstanceType })),
            },
            InstancesDistribution: g.mixed.instancesDistribution,
          },
        }
      : {}),
    MinSize: g.min,
    MaxSize: g.max,
    DesiredCapacity: g.desired,
    DefaultCooldown: g.defaultCooldown,
    AvailabilityZones: g.zones,
    LoadBalancerNames: [],
    TargetGroupARNs: g.targetGroupArns,
    HealthCheckType: g.healthCheckType,
    HealthCheckGracePeriod: g.healthCheckGracePeriod,
    Instances: g.members.map((m) => renderMember(g, m)),
    CreatedTime: iso(g.createdAt),
    SuspendedProcesses: [],
    VPCZoneIdentifier: g.subnets.join(','),
    EnabledMetrics: [],
    ...(g.deleting ? { Status: 'Delete in progress' } : {}),
    Tags: renderTags(g),
    TerminationPolicies: g.terminationPolicies,
    NewInstancesProtectedFromScaleIn: g.newInstancesProtectedFromScaleIn,
    ServiceLinkedRoleARN: `arn:aws:iam::${accountOf(g)}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    CapacityRebalance: g.capacityRebalance,
    TrafficSources: g.targetGroupArns.map((Identifier) => ({ Identifier, Type: 'elbv2' })),
  };
}

export function renderActivity(a: Activity, now: number): Record<string, unknown> {
  const done = now >= a.endTime;
  return {
    ActivityId: a.activityId,
    AutoScalingGroupName: a.groupName,
    AutoScalingGroupARN: a.groupArn,
    Description: a.description,
    Cause: a.cause,
    StartTime: iso(a.startTime),
    ...(done ? { EndTime: iso(a.endTime) } : {}),
    StatusCode: done ? a.statusCode : a.progressCode,
    ...(a.statusMessage ? { StatusMessage: a.statusMessage } : {}),
    Progress: done ? 100 : 50,
    Details: JSON.stringify(a.details),
  };
}
