// SetDesiredCapacity, TerminateInstanceInAutoScalingGroup, DescribeAutoScalingInstances and
// DescribeScalingActivities. The group itself acts on a new desired capacity the next time
// it settles (reconcile.ts), as AWS acts asynchronously.
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { str, strings } from '../common/params.js';
import { boolParam, intParam, pageOf, requiredName } from './params.js';
import { startTermination } from './reconcile.js';
import { renderActivity, renderMember } from './render.js';
import { findGroup, requireGroup, validation, type AsgContext, type Group, type Member } from './state.js';

export function setDesiredCapacity(c: AsgContext, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const g = requireGroup(c, req.region, requiredName(p, 'AutoScalingGroupName'));
  const desired = intParam(p, 'DesiredCapacity');
  if (desired === undefined)
    throw validation(
      "1 validation error detected: Value null at 'desiredCapacity' failed to satisfy constraint: Member must not be null",
    );
  if (desired > g.max)
    throw validation(
      `New SetDesiredCapacity value ${desired} is above max value ${g.max} for the AutoScalingGroup.`,
    );
  if (desired < g.min)
    throw validation(
      `New SetDesiredCapacity value ${desired} is below min value ${g.min} for the AutoScalingGroup.`,
    );
  if (g.deleting)
    throw new AwsError('ScalingActivityInProgress', `AutoScalingGroup ${g.name} is pending delete.`, 400);
  g.desired = desired;
  return {};
}

function memberOf(c: AsgContext, region: string, instanceId: string): { g: Group; m: Member } | undefined {
  for (const g of Object.values(c.state.groups)) {
    if (g.region !== region) continue;
    const m = g.members.find((x) => x.instanceId === instanceId);
    if (m) return { g, m };
  }
  return undefined;
}

export function terminateInstanceInAutoScalingGroup(
  c: AsgContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const instanceId = requiredName(p, 'InstanceId', 19);
  const decrement = boolParam(p, 'ShouldDecrementDesiredCapacity');
  if (decrement === undefined)
    throw validation(
      "1 validation error detected: Value null at 'shouldDecrementDesiredCapacity' failed to satisfy constraint: Member must not be null",
    );
  const found = memberOf(c, req.region, instanceId);
  if (!found || found.m.lifecycle === 'Terminating')
    throw validation(`Instance Id not found - No managed instance found for instance ID: ${instanceId}`);
  const { g, m } = found;
  if (decrement && g.desired <= g.min)
    throw validation(
      `Currently, desiredSize equals minSize (${g.min}). Terminating instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.`,
    );
  const now = ctx.clock.now();
  const before = g.desired;
  if (decrement) g.desired -= 1;
  startTermination(
    c,
    g,
    m,
    ctx,
    now,
    decrement
      ? `instance ${instanceId} was taken out of service in response to a user request, shrinking the capacity from ${before} to ${g.desired}.`
      : `instance ${instanceId} was taken out of service in response to a user request.`,
  );
  const activity = c.state.activities[c.state.activities.length - 1]!;
  return { Activity: renderActivity(activity, now) };
}

export function describeAutoScalingInstances(c: AsgContext, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const ids = strings(p.InstanceIds, 'member');
  const rows: Array<Record<string, unknown>> = [];
  const groups = Object.values(c.state.groups)
    .filter((g) => g.region === req.region)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const g of groups)
    for (const m of g.members)
      if (ids.length === 0 || ids.includes(m.instanceId)) rows.push(renderMember(g, m, true));
  const { items, next } = pageOf(rows, p, 50, 50);
  return { AutoScalingInstances: items, NextToken: next };
}

export function describeScalingActivities(
  c: AsgContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const ids = strings(p.ActivityIds, 'member');
  const name = str(p.AutoScalingGroupName);
  const includeDeleted = boolParam(p, 'IncludeDeletedGroups') === true;
  const activities = c.state.activities
    .filter((a) => a.region === req.region)
    .filter((a) => ids.length === 0 || ids.includes(a.activityId))
    .filter((a) => name === undefined || a.groupName === name)
    .filter((a) => {
      const g = findGroup(c, req.region, a.groupName);
      return includeDeleted || (g !== undefined && g.arn === a.groupArn);
    })
    // Newest first, as AWS lists them (stable: recorded order breaks ties).
    .map((a, i) => ({ a, i }))
    .sort((x, y) => y.a.startTime - x.a.startTime || y.i - x.i)
    .map((x) => x.a);
  const { items, next } = pageOf(activities, p, 100, 100);
  const now = ctx.clock.now();
  return { Activities: items.map((a) => renderActivity(a, now)), NextToken: next };
}
