// The build's servers as a fleet that heals: one launch template (what a server is) and one
// Auto Scaling group (how many, where, checked by the load balancer) per build. The group
// never changes after launch: no instance refresh, no in-place update; a new release is a new
// group. A re-run first finds the template and group an earlier attempt of the same build made
// (by name, which AWS keeps unique per account and region, then by their tags), so a build
// never has two groups; anything newly created is recorded for the post step at once.
import { createHash } from 'node:crypto';
import {
  CreateAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
  DescribeScalingActivitiesCommand,
  PutScalingPolicyCommand,
  type Activity,
  type AutoScalingClient,
  type AutoScalingGroup,
  type CreateAutoScalingGroupCommandInput,
  type Tag as GroupTag,
} from '@aws-sdk/client-auto-scaling';
import {
  CreateLaunchTemplateCommand,
  DescribeLaunchTemplatesCommand,
  type EC2Client,
  type LaunchTemplate,
  type RequestLaunchTemplateData,
} from '@aws-sdk/client-ec2';
import {
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { CleanupLog } from '@immut/core/cleanup';
import { UserError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { TAG, fromAwsTags, toAwsTags, type Tags } from '@immut/core/tags';
import { AWS_WAITS, waitFor } from '@immut/core/wait';
import { describeTargets, targetStates, type TargetState, type WaitSettings } from './health.js';
import type { ScalingTarget } from './inputs.js';
import { KIND, assertOwnBuild } from './ownership.js';
import { awsErrorName, type SubnetInfo } from './preflight.js';

/** Tag with the digest of the fleet's settings: a re-run may only adopt an identical fleet. */
export const LAUNCH_TAG = 'immut:launch-config';

/** The name of the one target-tracking policy a group gets when `scaling` is given. */
export const SCALING_POLICY_NAME = 'immut-target-tracking';

export interface FleetSpec {
  launchTemplateName: string;
  groupName: string;
  /** The Name tag of the servers (core's instanceName). */
  instanceName: string;
  imageId: string;
  /** The launch template's type; with `instanceTypes`, the first of them. */
  instanceType: string;
  /** More than one: the group picks among them (MixedInstancesPolicy). */
  instanceTypes: string[];
  securityGroupIds: string[];
  instanceProfile?: string;
  userDataBase64: string;
  subnets: SubnetInfo[];
  count: number;
  min: number;
  max: number;
  gracePeriodSeconds: number;
  scaling?: ScalingTarget;
}

export interface FleetContext {
  ec2: EC2Client;
  autoscaling: AutoScalingClient;
  identity: Identity;
  region: string;
  /** The standard tags for a resource with this Name. */
  tagsFor: (name: string) => Tags;
  cleanup: Pick<CleanupLog, 'record'>;
  log: (line: string) => void;
}

export interface LaunchTemplateInfo {
  id: string;
  name: string;
  created: boolean;
}

export interface GroupInfo {
  name: string;
  /** Known when the group was found (its description); not asked for after a create,
   *  which answers without it: the launch goes by the group's name. */
  arn?: string;
  created: boolean;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A short digest of everything that makes two fleets of a build the same fleet. */
export function fleetDigest(spec: FleetSpec): string {
  return sha256(
    JSON.stringify([
      spec.imageId,
      spec.instanceType,
      spec.instanceTypes,
      [...spec.securityGroupIds].sort(),
      spec.instanceProfile ?? '',
      spec.userDataBase64,
      spec.subnets.map((s) => s.id),
      [spec.count, spec.min, spec.max, spec.gracePeriodSeconds],
      spec.scaling ?? null,
    ]),
  ).slice(0, 16);
}

/**
 * What every server of the build is: the image, type, profile, security groups, the flags as
 * user data, IMDSv2 only (the flags file is the configuration; nothing should scrape metadata),
 * and immut's tags on each server and its volumes.
 */
export function launchTemplateData(
  spec: FleetSpec,
  ctx: Pick<FleetContext, 'tagsFor'>,
): RequestLaunchTemplateData {
  const tags = toAwsTags(ctx.tagsFor(spec.instanceName));
  return {
    ImageId: spec.imageId,
    InstanceType: spec.instanceType as RequestLaunchTemplateData['InstanceType'],
    SecurityGroupIds: spec.securityGroupIds,
    UserData: spec.userDataBase64,
    ...(spec.instanceProfile ? { IamInstanceProfile: { Name: spec.instanceProfile } } : {}),
    MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' },
    TagSpecifications: [
      { ResourceType: 'instance', Tags: tags },
      { ResourceType: 'volume', Tags: tags },
    ],
  };
}

/** The CreateLaunchTemplate request, also sent with DryRun by the dry run. */
export function launchTemplateParams(spec: FleetSpec, ctx: Pick<FleetContext, 'tagsFor'>, digest: string) {
  return {
    LaunchTemplateName: spec.launchTemplateName,
    VersionDescription: `immut ${spec.instanceName}`,
    LaunchTemplateData: launchTemplateData(spec, ctx),
    TagSpecifications: [
      {
        ResourceType: 'launch-template' as const,
        Tags: toAwsTags({ ...ctx.tagsFor(spec.launchTemplateName), [LAUNCH_TAG]: digest }),
      },
    ],
  };
}

const TEMPLATE_NOT_FOUND = new Set([
  'InvalidLaunchTemplateName.NotFoundException',
  'InvalidLaunchTemplateId.NotFound',
  'InvalidLaunchTemplateId.NotFoundException',
]);
const TEMPLATE_EXISTS = new Set(['InvalidLaunchTemplateName.AlreadyExistsException']);
const GROUP_EXISTS = new Set(['AlreadyExists', 'AlreadyExistsFault']);

export async function findLaunchTemplate(ec2: EC2Client, name: string): Promise<LaunchTemplate | undefined> {
  try {
    const out = await ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: [name] }));
    return out.LaunchTemplates?.find((t) => t.LaunchTemplateName === name);
  } catch (error) {
    if (TEMPLATE_NOT_FOUND.has(awsErrorName(error))) return undefined;
    throw error;
  }
}

/** Checks a template found by name is this build's and made with the same settings. */
function adoptTemplate(ctx: FleetContext, found: LaunchTemplate, digest: string): LaunchTemplateInfo {
  const id = found.LaunchTemplateId ?? '';
  const tags = fromAwsTags(found.Tags);
  assertOwnBuild('launch template', id, tags, ctx.identity);
  if (tags[LAUNCH_TAG] !== digest) {
    throw new UserError(
      `Launch template ${found.LaunchTemplateName ?? id} of build ${ctx.identity.build} already exists with other settings (another image, instance type, security groups, instance profile, flags or group size); launch a new build, or remove it first.`,
    );
  }
  ctx.log(
    `Launch template ${found.LaunchTemplateName ?? id} already exists (an earlier attempt of this build); reusing it.`,
  );
  return { id, name: found.LaunchTemplateName ?? '', created: false };
}

export async function ensureLaunchTemplate(ctx: FleetContext, spec: FleetSpec): Promise<LaunchTemplateInfo> {
  const digest = fleetDigest(spec);
  // Create first: names are unique, so a template left by an earlier attempt (or a create
  // that AWS served but whose answer was lost) answers "exists", and only then is it looked
  // up and adopted. A first launch saves the lookup.
  let created: LaunchTemplate | undefined;
  try {
    const out = await ctx.ec2.send(new CreateLaunchTemplateCommand(launchTemplateParams(spec, ctx, digest)));
    created = out.LaunchTemplate;
  } catch (error) {
    if (!TEMPLATE_EXISTS.has(awsErrorName(error))) throw error;
    const found = await findLaunchTemplate(ctx.ec2, spec.launchTemplateName);
    if (!found) throw error;
    return adoptTemplate(ctx, found, digest);
  }
  if (!created?.LaunchTemplateId) {
    throw new Error(`CreateLaunchTemplate returned no launch template for ${spec.launchTemplateName}`);
  }
  ctx.cleanup.record({ kind: KIND.launchTemplate, id: created.LaunchTemplateId, region: ctx.region });
  ctx.log(`Created launch template ${spec.launchTemplateName} (${created.LaunchTemplateId}).`);
  return { id: created.LaunchTemplateId, name: spec.launchTemplateName, created: true };
}

/**
 * The group's tags: immut's, propagated to every server it launches (AWS adds them at launch,
 * so a replacement carries them too), except the group's own Name and the settings digest.
 */
export function groupTags(spec: FleetSpec, ctx: Pick<FleetContext, 'tagsFor'>, digest: string): GroupTag[] {
  const tags = { ...ctx.tagsFor(spec.groupName), [LAUNCH_TAG]: digest };
  return Object.entries(tags).map(([Key, Value]) => ({
    Key,
    Value,
    PropagateAtLaunch: Key !== TAG.name && Key !== LAUNCH_TAG,
    ResourceId: spec.groupName,
    ResourceType: 'auto-scaling-group',
  }));
}

export function groupParams(
  spec: FleetSpec,
  ctx: Pick<FleetContext, 'tagsFor'>,
  launchTemplateId: string,
  targetGroupArn: string,
): CreateAutoScalingGroupCommandInput {
  const template = { LaunchTemplateId: launchTemplateId, Version: '$Latest' };
  return {
    AutoScalingGroupName: spec.groupName,
    ...(spec.instanceTypes.length > 1
      ? {
          MixedInstancesPolicy: {
            LaunchTemplate: {
              LaunchTemplateSpecification: template,
              Overrides: spec.instanceTypes.map((InstanceType) => ({ InstanceType })),
            },
            // On-Demand only: a release's servers are not to be reclaimed at two minutes' notice.
            InstancesDistribution: {
              OnDemandPercentageAboveBaseCapacity: 100,
              OnDemandAllocationStrategy: 'prioritized',
            },
          },
        }
      : { LaunchTemplate: template }),
    MinSize: spec.min,
    MaxSize: spec.max,
    DesiredCapacity: spec.count,
    VPCZoneIdentifier: spec.subnets.map((s) => s.id).join(','),
    TargetGroupARNs: [targetGroupArn],
    HealthCheckType: 'ELB',
    HealthCheckGracePeriod: spec.gracePeriodSeconds,
    CapacityRebalance: true,
    Tags: groupTags(spec, ctx, fleetDigest(spec)),
  };
}

export async function findGroup(
  autoscaling: AutoScalingClient,
  name: string,
): Promise<AutoScalingGroup | undefined> {
  const out = await autoscaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }));
  return out.AutoScalingGroups?.find((g) => g.AutoScalingGroupName === name);
}

export function groupTagsOf(group: AutoScalingGroup): Tags {
  return fromAwsTags(group.Tags);
}

/** Whether AWS is deleting the group (its Status while DeleteAutoScalingGroup runs). */
export function isDeleting(group: AutoScalingGroup): boolean {
  return /delete in progress/i.test(group.Status ?? '');
}

function adoptGroup(ctx: FleetContext, group: AutoScalingGroup, spec: FleetSpec): GroupInfo {
  const name = group.AutoScalingGroupName ?? spec.groupName;
  const tags = groupTagsOf(group);
  assertOwnBuild('Auto Scaling group', name, tags, ctx.identity);
  if (isDeleting(group)) {
    throw new UserError(
      `Auto Scaling group ${name} of build ${ctx.identity.build} is being deleted (a failed attempt's clean-up); run again once it is gone, or launch a new build.`,
    );
  }
  if (tags[LAUNCH_TAG] !== fleetDigest(spec)) {
    throw new UserError(
      `Auto Scaling group ${name} of build ${ctx.identity.build} already exists with other settings (size, subnets, instance types, grace period or scaling); launch a new build, or remove it first.`,
    );
  }
  ctx.log(`Auto Scaling group ${name} already exists (an earlier attempt of this build); reusing it.`);
  return { name, arn: group.AutoScalingGroupARN ?? '', created: false };
}

export async function ensureGroup(
  ctx: FleetContext,
  spec: FleetSpec,
  launchTemplateId: string,
  targetGroupArn: string,
): Promise<GroupInfo> {
  // Create first, as for the template: group names are unique, so an earlier attempt's group,
  // a create served but unanswered, or a concurrent attempt of the same build leaves the one
  // group to adopt (after its checks), never a second.
  try {
    await ctx.autoscaling.send(
      new CreateAutoScalingGroupCommand(groupParams(spec, ctx, launchTemplateId, targetGroupArn)),
    );
  } catch (error) {
    if (!GROUP_EXISTS.has(awsErrorName(error))) throw error;
    const found = await findGroup(ctx.autoscaling, spec.groupName);
    if (!found) throw error;
    return adoptGroup(ctx, found, spec);
  }
  ctx.cleanup.record({ kind: KIND.autoScalingGroup, id: spec.groupName, region: ctx.region });
  ctx.log(
    `Created Auto Scaling group ${spec.groupName}: ${spec.count} server(s) (min ${spec.min}, max ${spec.max}) in ${spec.subnets.map((s) => `${s.id} (${s.zone})`).join(', ')}, health check ELB after ${spec.gracePeriodSeconds}s.`,
  );
  return { name: spec.groupName, created: true };
}

/**
 * `app/<lb name>/<id>/targetgroup/<tg name>/<id>`: how ALBRequestCountPerTarget names the
 * load balancer and target group whose requests it counts.
 */
export function requestCountLabel(loadBalancerArn: string, targetGroupArn: string): string {
  const lb = /:loadbalancer\/(app\/[^/]+\/[^/]+)$/.exec(loadBalancerArn)?.[1];
  const tg = /:(targetgroup\/[^/]+\/[^/]+)$/.exec(targetGroupArn)?.[1];
  if (!lb || !tg)
    throw new Error(`cannot derive a resource label from ${loadBalancerArn} and ${targetGroupArn}`);
  return `${lb}/${tg}`;
}

/** Target tracking on CPU or requests per target; PutScalingPolicy replaces a policy of the same name. */
export async function ensureScaling(
  ctx: FleetContext,
  groupName: string,
  scaling: ScalingTarget,
  arns: { loadBalancerArn: string; targetGroupArn: string },
): Promise<void> {
  const metric =
    scaling.metric === 'cpu'
      ? { PredefinedMetricType: 'ASGAverageCPUUtilization' as const }
      : {
          PredefinedMetricType: 'ALBRequestCountPerTarget' as const,
          ResourceLabel: requestCountLabel(arns.loadBalancerArn, arns.targetGroupArn),
        };
  await ctx.autoscaling.send(
    new PutScalingPolicyCommand({
      AutoScalingGroupName: groupName,
      PolicyName: SCALING_POLICY_NAME,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: {
        PredefinedMetricSpecification: metric,
        TargetValue: scaling.target,
      },
    }),
  );
  ctx.log(
    `Target tracking on ${groupName}: ${scaling.metric === 'cpu' ? `average CPU ${scaling.target}%` : `${scaling.target} requests per server`}.`,
  );
}

export interface FleetServer {
  id: string;
  zone: string;
}

export interface FleetState {
  servers: FleetServer[];
  desired: number;
  inService: number;
  targets: TargetState[];
}

/** The group's InService, Healthy servers that the target group also finds healthy. */
function healthyServers(group: AutoScalingGroup, targets: readonly TargetState[]): FleetServer[] {
  const healthyTargets = new Set(targets.filter((t) => t.state === 'healthy').map((t) => t.id));
  return (group.Instances ?? [])
    .filter(
      (i) =>
        i.LifecycleState === 'InService' &&
        i.HealthStatus === 'Healthy' &&
        healthyTargets.has(i.InstanceId ?? ''),
    )
    .map((i) => ({ id: i.InstanceId ?? '', zone: i.AvailabilityZone ?? '' }));
}

const LAUNCHING = new Set(['Pending', 'Pending:Wait', 'Pending:Proceed']);

/** Short of servers with none on its way: only then can failed launches explain the wait,
 *  so only then are the group's activities worth a call. */
export function mayBeFailingToLaunch(group: AutoScalingGroup): boolean {
  const live = (group.Instances ?? []).filter((i) => !/^Terminat/.test(i.LifecycleState ?? ''));
  if (live.length >= (group.DesiredCapacity ?? 0)) return false;
  return !live.some((i) => LAUNCHING.has(i.LifecycleState ?? ''));
}

/**
 * Why the group cannot launch, when it is short of servers, none is on its way and its newest
 * launch attempts in as many tries as it has zones all failed: by then it has asked every
 * zone (it moves to another zone after a failed launch). Built from AWS's own messages.
 */
export function launchFailure(
  group: AutoScalingGroup,
  activities: readonly Activity[],
  zones: number,
): string | undefined {
  if (!mayBeFailingToLaunch(group)) return undefined;
  const launches = [...activities]
    .filter((a) => /^Launching/i.test(a.Description ?? ''))
    .sort((a, b) => (b.StartTime?.getTime() ?? 0) - (a.StartTime?.getTime() ?? 0))
    .slice(0, Math.max(1, zones));
  if (launches.length < Math.max(1, zones) || launches.some((a) => a.StatusCode !== 'Failed'))
    return undefined;
  const messages = [...new Set(launches.map((a) => a.StatusMessage ?? a.Description ?? 'no reason given'))];
  return `Auto Scaling could not launch servers in any of the subnets' zones: ${messages.join('; ')}`;
}

export interface FleetWatch {
  autoscaling: AutoScalingClient;
  elb: ElasticLoadBalancingV2Client;
  groupName: string;
  targetGroupArn: string;
  count: number;
  zones: number;
  /** When this run made the group (clock ms): the first poll waits until its servers can be
   *  healthy (AWS_WAITS.fleetHealthy after it), counting the time already spent since (the
   *  load balancer's wait, when launch made it). */
  createdAt?: number;
}

async function readTargetGroup(elb: ElasticLoadBalancingV2Client, arn: string): Promise<TargetState[]> {
  const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }));
  return targetStates(out.TargetHealthDescriptions ?? []);
}

async function newestActivities(autoscaling: AutoScalingClient, groupName: string): Promise<Activity[]> {
  const out = await autoscaling.send(
    new DescribeScalingActivitiesCommand({ AutoScalingGroupName: groupName, MaxRecords: 20 }),
  );
  return out.Activities ?? [];
}

/**
 * Waits until the group has `count` servers InService and Healthy that the target group finds
 * healthy too. Capacity is the group's to find across its subnets; only when every zone failed
 * does the wait stop early, with AWS's reasons.
 */
export async function waitFleetHealthy(watch: FleetWatch, wait: WaitSettings): Promise<FleetState> {
  return waitFor({
    what: `Auto Scaling group ${watch.groupName} to have ${watch.count} healthy server(s) in service`,
    clock: wait.clock,
    log: wait.log,
    timeoutMs: wait.remaining(),
    ...(watch.createdAt !== undefined
      ? { expectedMs: Math.max(0, AWS_WAITS.fleetHealthy.expectedMs - (wait.clock.now() - watch.createdAt)) }
      : {}),
    minDelayMs: watch.createdAt !== undefined ? AWS_WAITS.fleetHealthy.cadenceMs : 5_000,
    maxDelayMs: 20_000,
    check: async () => {
      const group = await findGroup(watch.autoscaling, watch.groupName);
      if (!group) return { failed: true, reason: `the group ${watch.groupName} no longer exists` };
      const targets = await readTargetGroup(watch.elb, watch.targetGroupArn);
      const servers = healthyServers(group, targets);
      const inService = (group.Instances ?? []).filter((i) => i.LifecycleState === 'InService').length;
      // Target tracking may scale in below count before the launch is done: then the group's
      // own desired size is what "all healthy" means.
      const wanted = Math.max(1, Math.min(watch.count, group.DesiredCapacity ?? watch.count));
      if (servers.length >= wanted) {
        const ids = new Set(servers.map((s) => s.id));
        return {
          done: true,
          value: {
            servers,
            desired: group.DesiredCapacity ?? watch.count,
            inService,
            targets: targets.filter((t) => ids.has(t.id)),
          },
        };
      }
      const failure = mayBeFailingToLaunch(group)
        ? launchFailure(group, await newestActivities(watch.autoscaling, watch.groupName), watch.zones)
        : undefined;
      if (failure) return { failed: true, reason: failure };
      return {
        done: false,
        state: `${servers.length}/${watch.count} healthy, ${inService} in service of ${group.DesiredCapacity ?? '?'} desired${targets.length > 0 ? `; targets: ${describeTargets(targets)}` : ''}`,
      };
    },
  });
}
