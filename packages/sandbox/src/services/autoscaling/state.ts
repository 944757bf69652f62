// Auto Scaling's state (JSON-serialisable, snapshotted as is), what it needs from EC2 and
// ELBv2 (wired by services/index.ts), and the lookups the handlers share.
import { AwsError, type ServiceContext } from '../../service.js';
import type { Ec2Fleet } from '../ec2/index.js';

export type Lifecycle = 'Pending' | 'InService' | 'Terminating';
export type HealthStatus = 'Healthy' | 'Unhealthy';

export interface LaunchTemplateRef {
  id?: string;
  name?: string;
  /** As given (`$Default`, `$Latest` or a number); absent means `$Default`. */
  version?: string;
}

/** One instance of a group. */
export interface Member {
  instanceId: string;
  availabilityZone: string;
  subnetId: string;
  instanceType: string;
  lifecycle: Lifecycle;
  health: HealthStatus;
  launchedAt: number;
  /** When the instance entered InService (EC2 running; registered with the target groups). */
  inServiceAt?: number;
  template: { id: string; name: string; version: string };
  protectedFromScaleIn: boolean;
  /** Set when the group terminates it: the EC2 termination is due at this time (after
   *  connection draining) and the activity to close. */
  terminateAt?: number;
  terminated?: boolean;
  activityId?: string;
}

export interface GroupTag {
  key: string;
  value: string;
  propagateAtLaunch: boolean;
}

export interface Group {
  name: string;
  arn: string;
  uuid: string;
  region: string;
  createdAt: number;
  launchTemplate?: LaunchTemplateRef;
  mixed?: {
    launchTemplate: LaunchTemplateRef;
    /** Instance types in priority order (the overrides), empty: the template's. */
    instanceTypes: string[];
    instancesDistribution: Record<string, string>;
  };
  min: number;
  max: number;
  desired: number;
  defaultCooldown: number;
  healthCheckType: 'EC2' | 'ELB';
  healthCheckGracePeriod: number;
  subnets: string[];
  zones: string[];
  targetGroupArns: string[];
  capacityRebalance: boolean;
  newInstancesProtectedFromScaleIn: boolean;
  terminationPolicies: string[];
  tags: GroupTag[];
  members: Member[];
  /** Sandbox time the group's automatic actions have been worked out to. */
  settledAt: number;
  /** No launch before this time (back-off after a failed launch). */
  retryAt?: number;
  failedLaunches: number;
  /** Set by DeleteAutoScalingGroup: "Delete in progress" until its instances are gone. */
  deleting?: boolean;
}

export interface Activity {
  activityId: string;
  groupName: string;
  region: string;
  groupArn: string;
  description: string;
  cause: string;
  startTime: number;
  /** When the activity completes (the status is in progress until then). */
  endTime: number;
  /** The status while in progress (PreInService, InProgress, WaitingForELBConnectionDraining). */
  progressCode: string;
  statusCode: 'Successful' | 'Failed' | 'Cancelled';
  statusMessage?: string;
  details: Record<string, string>;
}

export interface Policy {
  name: string;
  arn: string;
  groupName: string;
  region: string;
  policyType: string;
  enabled: boolean;
  estimatedInstanceWarmup?: number;
  targetTracking: Record<string, unknown>;
  alarms: Array<{ AlarmName: string; AlarmARN: string }>;
}

export interface State {
  /** Groups by `region|name`. */
  groups: Record<string, Group>;
  activities: Activity[];
  policies: Record<string, Policy>;
}

export const emptyState = (): State => ({ groups: {}, activities: [], policies: {} });

/** ELBv2 as a group uses it: target groups, registration and target health. */
export interface AsgElb {
  targetGroup(arn: string, region: string): { vpcId?: string; loadBalancerArns: string[] } | undefined;
  register(arn: string, region: string, instanceId: string, at: number): void;
  deregister(arn: string, region: string, instanceId: string, at: number): void;
  /** When the target's connections are drained after a deregistration at `at`. */
  drainedAt(arn: string, region: string, at: number): number;
  /** The target's health now and since when (`since` for healthy/unhealthy verdicts). */
  health(
    arn: string,
    region: string,
    instanceId: string,
    ctx: ServiceContext,
  ): { state: string; since?: number } | undefined;
}

/** What Auto Scaling needs from the other services. */
export interface AsgDeps {
  ec2: Ec2Fleet & {
    subnet(subnetId: string, region: string): { availabilityZone: string; vpcId: string } | undefined;
  };
  elb: AsgElb;
}

/** Every handler's view: the state (replaced on reset/restore) and the other services. */
export interface AsgContext {
  state: State;
  deps: AsgDeps;
}

export const groupKey = (region: string, name: string): string => `${region}|${name}`;

export const validation = (message: string): AwsError => new AwsError('ValidationError', message, 400);

export function findGroup(c: AsgContext, region: string, name: string | undefined): Group | undefined {
  return name === undefined ? undefined : c.state.groups[groupKey(region, name)];
}

/** A group by name, or AWS's ValidationError for a missing one. */
export function requireGroup(c: AsgContext, region: string, name: string | undefined): Group {
  if (!name)
    throw validation(
      "1 validation error detected: Value null at 'autoScalingGroupName' failed to satisfy constraint: Member must not be null",
    );
  const g = findGroup(c, region, name);
  if (!g) throw validation(`AutoScalingGroup name not found - AutoScalingGroup '${name}' not found`);
  return g;
}

/** Members still counting toward capacity. */
export const active = (g: Group): Member[] => g.members.filter((m) => m.lifecycle !== 'Terminating');

/** A fixed-time view of the context: the group's actions happen at their own time. */
export function at(ctx: ServiceContext, time: number): ServiceContext {
  return { ...ctx, clock: { now: () => time, scale: ctx.clock.scale } };
}

/** A random-looking but deterministic UUID (group ARNs, activity ids, policy ARNs). */
export function uuid(ctx: ServiceContext): string {
  const hex = ctx.ids.next('u', 32).slice(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
