// CreateAutoScalingGroup, UpdateAutoScalingGroup, DeleteAutoScalingGroup and
// DescribeAutoScalingGroups, with the Auto Scaling API reference's errors: AlreadyExists,
// ValidationError (sizes, subnets, target groups, templates), ResourceInUse and
// ScalingActivityInProgress on delete, LimitExceeded past the per-region group quota.
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { objects, str, strings, type Params } from '../common/params.js';
import { boolParam, filterItems, groupTags, intParam, MAX_TAGS, pageOf, requiredName } from './params.js';
import { startTermination } from './reconcile.js';
import { renderGroup } from './render.js';
import {
  active,
  findGroup,
  groupKey,
  requireGroup,
  uuid,
  validation,
  type AsgContext,
  type Group,
  type LaunchTemplateRef,
} from './state.js';

/** "Auto Scaling groups per Region: 500" (Amazon EC2 Auto Scaling quotas, default). */
const GROUPS_PER_REGION = 500;
/** "Launch template overrides per group: 40"? The MixedInstancesPolicy Overrides list
 *  allows up to 40 items (Auto Scaling API reference, LaunchTemplate.Overrides). */
const MAX_OVERRIDES = 40;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

function templateRef(p: Params | undefined): LaunchTemplateRef | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const id = str(p.LaunchTemplateId);
  const name = str(p.LaunchTemplateName);
  const version = str(p.Version);
  if ((id && name) || (!id && !name))
    throw validation('Valid requests must contain either launchTemplateId or LaunchTemplateName');
  return { ...(id ? { id } : {}), ...(name ? { name } : {}), ...(version ? { version } : {}) };
}

/** The template exists with that version (AWS checks it when the group is created). */
function resolveTemplate(c: AsgContext, region: string, ref: LaunchTemplateRef): LaunchTemplateRef {
  try {
    const t = c.deps.ec2.launchTemplate(region, ref);
    return { id: t.launchTemplateId, name: t.name, ...(ref.version ? { version: ref.version } : {}) };
  } catch (e) {
    if (e instanceof AwsError)
      throw validation(`You must use a valid fully-formed launch template. ${e.message}`);
    throw e;
  }
}

function mixedPolicy(c: AsgContext, region: string, p: Params): Group['mixed'] {
  const lt = (p.LaunchTemplate ?? {}) as Params;
  const ref = templateRef(lt.LaunchTemplateSpecification as Params | undefined);
  if (!ref)
    throw validation('A launch template specification is required in MixedInstancesPolicy.LaunchTemplate');
  const overrides = objects(lt.Overrides, 'member');
  if (overrides.length > MAX_OVERRIDES)
    throw validation(`The number of overrides (${overrides.length}) exceeds the limit of ${MAX_OVERRIDES}.`);
  const instanceTypes = overrides.map((o) => {
    const type = str(o.InstanceType) ?? '';
    if (!INSTANCE_TYPE.test(type))
      throw validation(`Invalid instance type in overrides: '${type.slice(0, 64)}'`);
    return type;
  });
  const dist = (p.InstancesDistribution ?? {}) as Params;
  const instancesDistribution = Object.fromEntries(
    Object.entries(dist)
      .filter(([, v]) => str(v) !== undefined)
      .map(([k, v]) => [k, str(v)!]),
  );
  return { launchTemplate: resolveTemplate(c, region, ref), instanceTypes, instancesDistribution };
}

/** Subnets from the comma-separated VPCZoneIdentifier: they exist and share one VPC. */
function subnetsOf(
  c: AsgContext,
  region: string,
  vpcZoneIdentifier: string,
): { subnets: string[]; zones: string[]; vpcId: string } {
  const subnets = [
    ...new Set(
      vpcZoneIdentifier
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  if (subnets.length === 0) throw validation('At least one Availability Zone or VPC Subnet is required.');
  const zones: string[] = [];
  let vpcId = '';
  for (const id of subnets) {
    const s = c.deps.ec2.subnet(id, region);
    if (!s) throw validation(`The subnet ID '${id}' does not exist`);
    if (vpcId && s.vpcId !== vpcId)
      throw validation('The subnets in VPCZoneIdentifier must all be in the same VPC.');
    vpcId = s.vpcId;
    if (!zones.includes(s.availabilityZone)) zones.push(s.availabilityZone);
  }
  return { subnets, zones, vpcId };
}

function checkTargetGroups(c: AsgContext, region: string, arns: string[], vpcId: string): void {
  for (const arn of arns) {
    const tg = c.deps.elb.targetGroup(arn, region);
    if (!tg)
      throw validation('Provided Target Groups may not be valid. Please ensure they exist and try again.');
    if (tg.vpcId && vpcId && tg.vpcId !== vpcId)
      throw validation(`The target group ${arn} and the group's subnets are in different VPCs.`);
  }
}

function sizes(min: number, max: number, desired: number): void {
  if (min > max) throw validation(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`);
  if (desired < min || desired > max)
    throw validation(
      `Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`,
    );
}

function healthCheckType(p: Params, fallback: 'EC2' | 'ELB'): 'EC2' | 'ELB' {
  const v = str(p.HealthCheckType);
  if (v === undefined) return fallback;
  if (v !== 'EC2' && v !== 'ELB')
    throw validation(`Health check type '${v.slice(0, 64)}' is not supported: use EC2 or ELB.`);
  return v;
}

/** The launch source: exactly one of LaunchTemplate and MixedInstancesPolicy (launch
 *  configurations and InstanceId are not emulated). */
function launchSource(c: AsgContext, region: string, p: Params): Pick<Group, 'launchTemplate' | 'mixed'> {
  const given = ['LaunchTemplate', 'MixedInstancesPolicy', 'LaunchConfigurationName', 'InstanceId'].filter(
    (k) => p[k] !== undefined,
  );
  if (given.length !== 1)
    throw validation(
      'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.',
    );
  if (p.LaunchConfigurationName !== undefined)
    throw validation(
      `Launch configuration name not found - Launch configuration ${str(p.LaunchConfigurationName)} not found`,
    );
  if (p.InstanceId !== undefined)
    throw validation(`Instance Id not found - No instance with id ${str(p.InstanceId)} could be used`);
  if (p.LaunchTemplate !== undefined)
    return { launchTemplate: resolveTemplate(c, region, templateRef(p.LaunchTemplate as Params)!) };
  return { mixed: mixedPolicy(c, region, p.MixedInstancesPolicy as Params) };
}

export function createAutoScalingGroup(
  c: AsgContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const name = requiredName(p, 'AutoScalingGroupName');
  const min = intParam(p, 'MinSize');
  const max = intParam(p, 'MaxSize');
  if (min === undefined)
    throw validation(
      "1 validation error detected: Value null at 'minSize' failed to satisfy constraint: Member must not be null",
    );
  if (max === undefined)
    throw validation(
      "1 validation error detected: Value null at 'maxSize' failed to satisfy constraint: Member must not be null",
    );
  const desired = intParam(p, 'DesiredCapacity') ?? min;
  sizes(min, max, desired);
  if (findGroup(c, req.region, name))
    throw new AwsError(
      'AlreadyExists',
      `AutoScalingGroup by this name already exists - A group with the name ${name} already exists`,
      400,
    );
  if (Object.values(c.state.groups).filter((g) => g.region === req.region).length >= GROUPS_PER_REGION)
    throw new AwsError(
      'LimitExceeded',
      `You have reached your limit of ${GROUPS_PER_REGION} Auto Scaling groups in this Region.`,
      400,
    );
  const source = launchSource(c, req.region, p);
  const vpcZone = str(p.VPCZoneIdentifier);
  if (vpcZone === undefined || vpcZone === '')
    throw validation('At least one Availability Zone or VPC Subnet is required.');
  const { subnets, zones, vpcId } = subnetsOf(c, req.region, vpcZone);
  const targetGroupArns = strings(p.TargetGroupARNs, 'member');
  checkTargetGroups(c, req.region, targetGroupArns, vpcId);
  const tags = groupTags(p);
  if (tags.length > MAX_TAGS)
    throw new AwsError('LimitExceeded', `The number of tags exceeds the limit of ${MAX_TAGS}.`, 400);
  const id = uuid(ctx);
  const now = ctx.clock.now();
  const group: Group = {
    name,
    uuid: id,
    arn: `arn:aws:autoscaling:${req.region}:${ctx.accountId}:autoScalingGroup:${id}:autoScalingGroupName/${name}`,
    region: req.region,
    createdAt: now,
    ...source,
    min,
    max,
    desired,
    defaultCooldown: intParam(p, 'DefaultCooldown') ?? 300,
    healthCheckType: healthCheckType(p, 'EC2'),
    healthCheckGracePeriod: intParam(p, 'HealthCheckGracePeriod') ?? 0,
    subnets,
    zones,
    targetGroupArns,
    capacityRebalance: boolParam(p, 'CapacityRebalance') ?? false,
    newInstancesProtectedFromScaleIn: boolParam(p, 'NewInstancesProtectedFromScaleIn') ?? false,
    terminationPolicies:
      strings(p.TerminationPolicies, 'member').length > 0
        ? strings(p.TerminationPolicies, 'member')
        : ['Default'],
    tags: tags.map(({ key, value, propagateAtLaunch }) => ({ key, value, propagateAtLaunch })),
    members: [],
    settledAt: now,
    failedLaunches: 0,
  };
  c.state.groups[groupKey(req.region, name)] = JSON.parse(JSON.stringify(group)) as Group;
  return {};
}

export function updateAutoScalingGroup(c: AsgContext, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const g = requireGroup(c, req.region, requiredName(p, 'AutoScalingGroupName'));
  if (g.deleting)
    throw new AwsError('ScalingActivityInProgress', `AutoScalingGroup ${g.name} is pending delete.`, 400);
  const min = intParam(p, 'MinSize') ?? g.min;
  const max = intParam(p, 'MaxSize') ?? g.max;
  // Changing min or max alone moves the desired capacity inside the new bounds, as AWS does.
  const desired = intParam(p, 'DesiredCapacity') ?? Math.min(Math.max(g.desired, min), max);
  sizes(min, max, desired);
  const source =
    p.LaunchTemplate !== undefined || p.MixedInstancesPolicy !== undefined
      ? launchSource(c, req.region, p)
      : undefined;
  const vpcZone = str(p.VPCZoneIdentifier);
  const placement = vpcZone ? subnetsOf(c, req.region, vpcZone) : undefined;
  Object.assign(g, { min, max, desired });
  if (source) {
    delete g.launchTemplate;
    delete g.mixed;
    Object.assign(g, JSON.parse(JSON.stringify(source)));
  }
  if (placement) Object.assign(g, { subnets: placement.subnets, zones: placement.zones });
  g.healthCheckType = healthCheckType(p, g.healthCheckType);
  g.healthCheckGracePeriod = intParam(p, 'HealthCheckGracePeriod') ?? g.healthCheckGracePeriod;
  g.defaultCooldown = intParam(p, 'DefaultCooldown') ?? g.defaultCooldown;
  g.capacityRebalance = boolParam(p, 'CapacityRebalance') ?? g.capacityRebalance;
  g.newInstancesProtectedFromScaleIn =
    boolParam(p, 'NewInstancesProtectedFromScaleIn') ?? g.newInstancesProtectedFromScaleIn;
  return {};
}

export function deleteAutoScalingGroup(
  c: AsgContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const g = requireGroup(c, req.region, requiredName(p, 'AutoScalingGroupName'));
  const now = ctx.clock.now();
  if (boolParam(p, 'ForceDelete') === true) {
    const n = active(g).length;
    g.deleting = true;
    g.desired = 0;
    g.min = 0;
    for (const m of g.members.filter((x) => x.lifecycle !== 'Terminating'))
      startTermination(
        c,
        g,
        m,
        ctx,
        now,
        `an instance was taken out of service in response to a user request, shrinking the capacity from ${n} to 0.`,
        false,
      );
    // Instances already draining are terminated now too: ForceDelete does not wait.
    for (const m of g.members.filter((x) => !x.terminated)) {
      c.deps.ec2.terminate(g.region, ctx, m.instanceId);
      m.terminated = true;
    }
    return {};
  }
  if (active(g).length > 0)
    throw new AwsError(
      'ResourceInUse',
      'You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.',
      400,
    );
  if (g.members.length > 0)
    throw new AwsError(
      'ScalingActivityInProgress',
      'You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group.',
      400,
    );
  g.deleting = true;
  return {};
}

const GROUP_FILTERS = ['tag-key', 'tag-value'] as const;

export function describeAutoScalingGroups(c: AsgContext, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const names = strings(p.AutoScalingGroupNames, 'member');
  let groups = Object.values(c.state.groups).filter((g) => g.region === req.region);
  if (names.length > 0) groups = groups.filter((g) => names.includes(g.name));
  groups = filterItems(
    groups,
    p,
    GROUP_FILTERS,
    () => undefined,
    (g) => Object.fromEntries(g.tags.map((t) => [t.key, t.value])),
  );
  groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, next } = pageOf(groups, p, 50, 100);
  return { AutoScalingGroups: items.map((g) => renderGroup(g)), NextToken: next };
}
