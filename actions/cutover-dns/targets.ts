// The load balancers a cutover moves between, found from their DNS names, and the health of
// the targets behind them. The health gate is the point: traffic only moves to a build whose
// targets are all healthy (and there is at least one), checked again before every weighted
// step and while each step is held.
import {
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { UserError } from '@immut/core/errors';
import { releaseId } from '@immut/core/identity';
import { MANAGED_BY_VALUE, TAG, type Tags, fromAwsTags } from '@immut/core/tags';
import { type CallContext, retryThrottled } from '@immut/core/throttle-retry';
import type { BuildTarget } from './history.js';
import { bareDnsName } from './records.js';

export interface LoadBalancerTarget extends BuildTarget {
  arn: string;
  name: string;
  tags: Tags;
}

/**
 * The load balancer name inside its DNS name: `[internal-]<name>-<id>.…` (the id never holds
 * a hyphen, load balancer names may). Undefined when the DNS name is not of that form.
 */
export function loadBalancerNameOf(dnsName: string): string | undefined {
  const label = bareDnsName(dnsName).split('.')[0] ?? '';
  const match = /^(?:internal-)?(.+)-[a-z0-9]+$/.exec(label);
  return match?.[1];
}

/**
 * Finds the load balancer behind `dnsName` in this region, or undefined when there is none
 * (deleted, other region, or not a load balancer name).
 */
export async function findLoadBalancer(
  elb: ElasticLoadBalancingV2Client,
  calls: CallContext,
  dnsName: string,
  role: string,
): Promise<LoadBalancerTarget | undefined> {
  const name = loadBalancerNameOf(dnsName);
  if (!name) return undefined;
  let found;
  try {
    const out = await retryThrottled(calls, `finding load balancer ${name}`, () =>
      elb.send(new DescribeLoadBalancersCommand({ Names: [name] })),
    );
    found = out.LoadBalancers?.find((lb) => bareDnsName(lb.DNSName ?? '') === bareDnsName(dnsName));
  } catch (error) {
    if (error instanceof Error && error.name === 'LoadBalancerNotFoundException') return undefined;
    throw error;
  }
  if (!found?.LoadBalancerArn || !found.CanonicalHostedZoneId || !found.DNSName) return undefined;
  const arn = found.LoadBalancerArn;
  const tagsOut = await retryThrottled(calls, `reading the tags of load balancer ${name}`, () =>
    elb.send(new DescribeTagsCommand({ ResourceArns: [arn] })),
  );
  const tags = fromAwsTags(tagsOut.TagDescriptions?.[0]?.Tags);
  // The build names the weighted record sets and the history; a load balancer without
  // immut's tags (not made by launch-behind-lb) is named by its own name instead.
  const build = tags[TAG.build] ?? name;
  return {
    arn,
    name,
    tags,
    dnsName: bareDnsName(found.DNSName),
    zoneId: found.CanonicalHostedZoneId,
    build,
    release: tags[TAG.release] ?? releaseId({ role, env: tags[TAG.env] ?? '', build }),
  };
}

/**
 * The cutover's target: it must exist, be the load balancer `target-zone-id` names, and
 * belong to this role and env (pointing one role's name at another role's servers is
 * always a mistake).
 */
export async function resolveTarget(
  elb: ElasticLoadBalancingV2Client,
  calls: CallContext,
  wanted: { dnsName: string; zoneId?: string },
  identity: { role: string; env: string },
  region: string,
  inputNames: { dnsName: string; zoneId: string } = { dnsName: 'target-dns-name', zoneId: 'target-zone-id' },
): Promise<LoadBalancerTarget> {
  const lb = await findLoadBalancer(elb, calls, wanted.dnsName, identity.role);
  if (!lb) {
    throw new UserError(
      `Input '${inputNames.dnsName}' was '${wanted.dnsName}': no load balancer with that DNS name exists in ${region}; expected launch-behind-lb's load-balancer-dns-name output for a load balancer that still exists.`,
    );
  }
  if (wanted.zoneId !== undefined && wanted.zoneId !== lb.zoneId) {
    throw new UserError(
      `Input '${inputNames.zoneId}' was '${wanted.zoneId}': load balancer ${lb.name} is in hosted zone ${lb.zoneId}; expected launch-behind-lb's load-balancer-zone-id output.`,
    );
  }
  const tags = lb.tags;
  if (
    tags[TAG.managedBy] !== MANAGED_BY_VALUE ||
    tags[TAG.role] !== identity.role ||
    tags[TAG.env] !== identity.env
  ) {
    throw new UserError(
      `Input '${inputNames.dnsName}' was '${wanted.dnsName}': load balancer ${lb.name} is not immut's for role '${identity.role}' in env '${identity.env}' (its tags: managed-by '${tags[TAG.managedBy] ?? '(none)'}', role '${tags[TAG.role] ?? '(none)'}', env '${tags[TAG.env] ?? '(none)'}'); expected the load balancer launch-behind-lb made for this role.`,
    );
  }
  return lb;
}

/**
 * The target groups whose health gates the cutover: the ones given (each must serve the
 * target load balancer, or the gate would watch the wrong servers), else every target
 * group attached to the load balancer.
 */
export async function gatingTargetGroups(
  elb: ElasticLoadBalancingV2Client,
  calls: CallContext,
  lb: LoadBalancerTarget,
  given: readonly string[] | undefined,
): Promise<string[]> {
  if (given && given.length > 0) {
    let groups;
    try {
      groups = await retryThrottled(calls, 'reading the target groups', () =>
        elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [...given] })),
      );
    } catch (error) {
      if (error instanceof Error && error.name === 'TargetGroupNotFoundException') {
        throw new UserError(
          `Input 'target-group-arns' was '${given.join(',')}': ${error.message}; expected the target groups of load balancer ${lb.name}.`,
        );
      }
      throw error;
    }
    const foreign = (groups.TargetGroups ?? []).filter((g) => !(g.LoadBalancerArns ?? []).includes(lb.arn));
    if (foreign.length > 0) {
      throw new UserError(
        `Input 'target-group-arns' was '${given.join(',')}': ${foreign.map((g) => g.TargetGroupName).join(', ')} does not serve load balancer ${lb.name}, so its health says nothing about the target; expected the target groups of load balancer ${lb.name}.`,
      );
    }
    return [...given];
  }
  const out = await retryThrottled(calls, `reading the target groups of ${lb.name}`, () =>
    elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lb.arn })),
  );
  const arns = (out.TargetGroups ?? []).map((g) => g.TargetGroupArn).filter((a): a is string => !!a);
  if (arns.length === 0) {
    throw new UserError(
      `Load balancer ${lb.name} has no target groups, so no server would answer; refusing to move traffic to it.`,
    );
  }
  return arns;
}

export interface HealthReport {
  /** Every target of every group is healthy and there is at least one per group. */
  healthy: boolean;
  /** Some targets are still in their first health checks (and none has failed). */
  settling: boolean;
  /** One line: `2/3 healthy; i-0abc unhealthy (Target.Timeout)`. */
  summary: string;
}

const SETTLING_STATES = new Set(['initial']);

/** The health of every target behind the gate, in one report. */
export async function assessHealth(
  elb: ElasticLoadBalancingV2Client,
  calls: CallContext,
  targetGroupArns: readonly string[],
): Promise<HealthReport> {
  let total = 0;
  let healthy = 0;
  let failing = false;
  const problems: string[] = [];
  for (const arn of targetGroupArns) {
    const out = await retryThrottled(calls, 'reading target health', () =>
      elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn })),
    );
    const targets = out.TargetHealthDescriptions ?? [];
    if (targets.length === 0) {
      failing = true;
      problems.push(`target group ${arn.split('/').at(-2) ?? arn} has no registered targets`);
    }
    for (const t of targets) {
      total += 1;
      const state = t.TargetHealth?.State ?? 'unknown';
      if (state === 'healthy') {
        healthy += 1;
        continue;
      }
      if (!SETTLING_STATES.has(state)) failing = true;
      const reason = t.TargetHealth?.Reason ? ` (${t.TargetHealth.Reason})` : '';
      problems.push(`${t.Target?.Id ?? '?'} ${state}${reason}`);
    }
  }
  const allHealthy = !failing && total > 0 && healthy === total;
  return {
    healthy: allHealthy,
    settling: !failing && !allHealthy,
    summary: [`${healthy}/${total} targets healthy`, ...problems].join('; '),
  };
}
