// The build's load balancer, target group and listener. Each is looked up by its name
// first: a re-run finds what an earlier attempt of the same build made (after checking
// its tags) and carries on; anything newly created is recorded for the post step at once.
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  type ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { CleanupLog } from '@immut/core/cleanup';
import { UserError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { TAG, fromAwsTags, toAwsTags, type Tags } from '@immut/core/tags';
import { KIND, assertOwnBuild } from './ownership.js';
import { awsErrorName } from './preflight.js';
import { retryThrottledIf, type CallContext } from '@immut/core/throttle-retry';

export interface ElbContext {
  elb: ElasticLoadBalancingV2Client;
  identity: Identity;
  region: string;
  /** The standard tags for a resource with this Name. */
  tagsFor: (name: string) => Tags;
  cleanup: Pick<CleanupLog, 'record'>;
  log: (line: string) => void;
  /**
   * The creates retry throttling until this deadline: releases running at once share the
   * account's ELBv2 rate, and the SDK's few attempts last seconds (throttle-retry.ts).
   */
  calls?: CallContext;
  /**
   * The launch's own run (its immut:run tag). A reused resource carrying it was made by this
   * workflow run's prepare job, so the post step of a failed launch removes it with the rest
   * of the build; one from another run (a re-launched older build) is never recorded.
   */
  cleanupRun?: string;
  /** Tags already read for these ARNs (one DescribeTags for the whole front end). */
  knownTags?: ReadonlyMap<string, Tags>;
}

/** The tags of `arn`: from `knownTags` when read already, else one DescribeTags. */
async function tagsFor(ctx: ElbContext, arn: string): Promise<Tags> {
  return ctx.knownTags?.get(arn) ?? tagsOf(ctx.elb, arn);
}

/** One DescribeTags for up to 20 resources (ELBv2's limit per call), by ARN. */
export async function tagsOfMany(
  elb: ElasticLoadBalancingV2Client,
  arns: readonly string[],
): Promise<Map<string, Tags>> {
  const known = new Map<string, Tags>();
  for (let i = 0; i < arns.length; i += 20) {
    const out = await elb.send(new DescribeTagsCommand({ ResourceArns: arns.slice(i, i + 20) }));
    for (const d of out.TagDescriptions ?? [])
      if (d.ResourceArn) known.set(d.ResourceArn, fromAwsTags(d.Tags));
  }
  return known;
}

/** Records a reused resource for the post step when this run made it (see cleanupRun). */
function recordIfThisRun(ctx: ElbContext, kind: string, id: string, tags: Tags): void {
  if (!ctx.cleanupRun || tags[TAG.run] !== ctx.cleanupRun) return;
  ctx.cleanup.record({ kind, id, region: ctx.region });
  ctx.log(`It was made by this run's prepare step: a failed launch removes it with the rest of the build.`);
}

export interface LoadBalancerSpec {
  name: string;
  scheme: 'internet-facing' | 'internal';
  subnets: string[];
  securityGroups: string[];
}

export interface LoadBalancerInfo {
  arn: string;
  dnsName: string;
  zoneId: string;
  state: string;
  created: boolean;
}

export async function tagsOf(elb: ElasticLoadBalancingV2Client, arn: string): Promise<Tags> {
  const out = await elb.send(new DescribeTagsCommand({ ResourceArns: [arn] }));
  return fromAwsTags(out.TagDescriptions?.[0]?.Tags);
}

function lbInfo(lb: LoadBalancer, created: boolean): LoadBalancerInfo {
  return {
    arn: lb.LoadBalancerArn ?? '',
    dnsName: lb.DNSName ?? '',
    zoneId: lb.CanonicalHostedZoneId ?? '',
    state: lb.State?.Code ?? 'unknown',
    created,
  };
}

/** The load balancer with this ARN (a prepare step's output), or a clear error naming the input. */
export async function loadBalancerByArn(
  elb: ElasticLoadBalancingV2Client,
  arn: string,
): Promise<LoadBalancer> {
  try {
    const out = await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }));
    const lb = out.LoadBalancers?.[0];
    if (lb) return lb;
  } catch (error) {
    if (awsErrorName(error) !== 'LoadBalancerNotFoundException') throw error;
  }
  throw new UserError(
    `Input 'load-balancer-arn' was '${arn.slice(0, 200)}': no such load balancer in this region; expected the load-balancer-arn output of this build's prepare step.`,
  );
}

export async function findLoadBalancer(
  elb: ElasticLoadBalancingV2Client,
  name: string,
): Promise<LoadBalancer | undefined> {
  try {
    const out = await elb.send(new DescribeLoadBalancersCommand({ Names: [name] }));
    return out.LoadBalancers?.[0];
  } catch (error) {
    if (awsErrorName(error) === 'LoadBalancerNotFoundException') return undefined;
    throw error;
  }
}

/** `found`: the caller's lookup by name (null: none), so it is not asked again. */
export async function ensureLoadBalancer(
  ctx: ElbContext,
  spec: LoadBalancerSpec,
  found?: LoadBalancer | null,
): Promise<LoadBalancerInfo> {
  const existing = found === undefined ? await findLoadBalancer(ctx.elb, spec.name) : (found ?? undefined);
  if (existing?.LoadBalancerArn) {
    const tags = await tagsFor(ctx, existing.LoadBalancerArn);
    assertOwnBuild('load balancer', existing.LoadBalancerArn, tags, ctx.identity);
    const subnets = (existing.AvailabilityZones ?? []).map((z) => z.SubnetId ?? '').sort();
    if (existing.Scheme !== spec.scheme || subnets.join() !== [...spec.subnets].sort().join()) {
      throw new UserError(
        `Load balancer ${spec.name} of this build already exists with other settings (scheme ${existing.Scheme}, subnets ${subnets.join(',')}); launch a new build, or remove the old one first.`,
      );
    }
    if (existing.State?.Code === 'failed') {
      throw new UserError(
        `Load balancer ${spec.name} of this build is in state 'failed'; remove it and run again.`,
      );
    }
    ctx.log(`Load balancer ${spec.name} already exists (an earlier attempt of this build); reusing it.`);
    recordIfThisRun(ctx, KIND.loadBalancer, existing.LoadBalancerArn, tags);
    return lbInfo(existing, false);
  }
  const out = await retryThrottledIf(ctx.calls, `creating load balancer ${spec.name}`, () =>
    ctx.elb.send(
      new CreateLoadBalancerCommand({
        Name: spec.name,
        Type: 'application',
        Scheme: spec.scheme,
        IpAddressType: 'ipv4',
        Subnets: spec.subnets,
        SecurityGroups: spec.securityGroups,
        Tags: toAwsTags(ctx.tagsFor(spec.name)),
      }),
    ),
  );
  const lb = out.LoadBalancers?.[0];
  if (!lb?.LoadBalancerArn) throw new Error(`CreateLoadBalancer returned no load balancer for ${spec.name}`);
  ctx.cleanup.record({ kind: KIND.loadBalancer, id: lb.LoadBalancerArn, region: ctx.region });
  ctx.log(`Created load balancer ${spec.name} (${lb.DNSName ?? ''}).`);
  return lbInfo(lb, true);
}

export interface HealthCheckSpec {
  path: string;
  intervalSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  matcher: string;
}

export interface TargetGroupSpec {
  name: string;
  port: number;
  vpcId: string;
  health: HealthCheckSpec;
}

/** The check's timeout: AWS's 5 s default, but always below the interval as ELBv2 requires. */
export function healthCheckTimeout(intervalSeconds: number): number {
  return Math.max(2, Math.min(5, intervalSeconds - 1));
}

/** The ARN of the target group with this name, if any. */
export async function findTargetGroupArn(
  elb: ElasticLoadBalancingV2Client,
  name: string,
): Promise<string | undefined> {
  try {
    const out = await elb.send(new DescribeTargetGroupsCommand({ Names: [name] }));
    return out.TargetGroups?.[0]?.TargetGroupArn;
  } catch (error) {
    if (awsErrorName(error) !== 'TargetGroupNotFoundException') throw error;
    return undefined;
  }
}

/** `foundArn`: the caller's lookup by name (null: none), so it is not asked again. */
export async function ensureTargetGroup(
  ctx: ElbContext,
  spec: TargetGroupSpec,
  foundArn?: string | null,
): Promise<{ arn: string; created: boolean }> {
  const existingArn =
    foundArn === undefined ? await findTargetGroupArn(ctx.elb, spec.name) : (foundArn ?? undefined);
  if (existingArn) {
    const tags = await tagsFor(ctx, existingArn);
    assertOwnBuild('target group', existingArn, tags, ctx.identity);
    ctx.log(`Target group ${spec.name} already exists (an earlier attempt of this build); reusing it.`);
    recordIfThisRun(ctx, KIND.targetGroup, existingArn, tags);
    return { arn: existingArn, created: false };
  }
  const out = await retryThrottledIf(ctx.calls, `creating target group ${spec.name}`, () =>
    ctx.elb.send(
      new CreateTargetGroupCommand({
        Name: spec.name,
        Protocol: 'HTTP',
        Port: spec.port,
        VpcId: spec.vpcId,
        TargetType: 'instance',
        HealthCheckProtocol: 'HTTP',
        HealthCheckPort: 'traffic-port',
        HealthCheckEnabled: true,
        HealthCheckPath: spec.health.path,
        HealthCheckIntervalSeconds: spec.health.intervalSeconds,
        HealthCheckTimeoutSeconds: healthCheckTimeout(spec.health.intervalSeconds),
        HealthyThresholdCount: spec.health.healthyThreshold,
        UnhealthyThresholdCount: spec.health.unhealthyThreshold,
        Matcher: { HttpCode: spec.health.matcher },
        Tags: toAwsTags(ctx.tagsFor(spec.name)),
      }),
    ),
  );
  const arn = out.TargetGroups?.[0]?.TargetGroupArn;
  if (!arn) throw new Error(`CreateTargetGroup returned no target group for ${spec.name}`);
  ctx.cleanup.record({ kind: KIND.targetGroup, id: arn, region: ctx.region });
  ctx.log(`Created target group ${spec.name} (port ${spec.port}, health check ${spec.health.path}).`);
  return { arn, created: true };
}

export interface ListenerSpec {
  loadBalancerArn: string;
  targetGroupArn: string;
  /** HTTPS on 443 with this certificate; HTTP on 80 without. */
  certificateArn?: string;
  /** Name tag of the listener. */
  name: string;
}

export function listenerPort(spec: Pick<ListenerSpec, 'certificateArn'>): {
  port: number;
  protocol: 'HTTP' | 'HTTPS';
} {
  return spec.certificateArn ? { port: 443, protocol: 'HTTPS' } : { port: 80, protocol: 'HTTP' };
}

/**
 * Adopts the listener a prepare step of this run made (its ARN from prepare's outputs), without
 * listing the load balancer's listeners again: its tags (read with the rest of the front end)
 * must be this build's, and prepare made or checked it, forwarding to the target group, in this
 * same run (the caller adopts it only when it carries this run's tag).
 */
export async function adoptListener(
  ctx: ElbContext,
  spec: Pick<ListenerSpec, 'certificateArn'>,
  arn: string,
): Promise<{ arn: string; port: number; protocol: string; created: boolean }> {
  const { port, protocol } = listenerPort(spec);
  const tags = await tagsFor(ctx, arn);
  assertOwnBuild('listener', arn, tags, ctx.identity);
  ctx.log(`Listener ${protocol}:${port} was made by this run's prepare step; reusing it.`);
  recordIfThisRun(ctx, KIND.listener, arn, tags);
  return { arn, port, protocol, created: false };
}

/** The load balancer's listeners. */
export async function listenersOf(
  elb: ElasticLoadBalancingV2Client,
  loadBalancerArn: string,
): Promise<Listener[]> {
  const out = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn }));
  return out.Listeners ?? [];
}

/** `found`: the load balancer's listeners as the caller read them (none on one just
 *  created), so they are not asked again. */
export async function ensureListener(
  ctx: ElbContext,
  spec: ListenerSpec,
  found?: readonly Listener[],
): Promise<{ arn: string; port: number; protocol: string; created: boolean }> {
  const { port, protocol } = listenerPort(spec);
  const listeners = found ?? (await listenersOf(ctx.elb, spec.loadBalancerArn));
  const existing = listeners.find((l) => l.Port === port);
  if (existing?.ListenerArn) {
    const forwardsHere = (existing.DefaultActions ?? []).some(
      (a) =>
        a.TargetGroupArn === spec.targetGroupArn ||
        a.ForwardConfig?.TargetGroups?.some((t) => t.TargetGroupArn === spec.targetGroupArn),
    );
    if (existing.Protocol !== protocol || !forwardsHere) {
      throw new UserError(
        `The build's load balancer already has a ${existing.Protocol ?? ''} listener on port ${port} that does not forward to its target group; remove it and run again.`,
      );
    }
    ctx.log(`Listener ${protocol}:${port} already exists (an earlier attempt of this build); reusing it.`);
    if (ctx.cleanupRun)
      recordIfThisRun(ctx, KIND.listener, existing.ListenerArn, await tagsFor(ctx, existing.ListenerArn));
    return { arn: existing.ListenerArn, port, protocol, created: false };
  }
  const out = await retryThrottledIf(ctx.calls, `creating the listener of ${spec.name}`, () =>
    ctx.elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: spec.loadBalancerArn,
        Protocol: protocol,
        Port: port,
        ...(spec.certificateArn ? { Certificates: [{ CertificateArn: spec.certificateArn }] } : {}),
        DefaultActions: [{ Type: 'forward', TargetGroupArn: spec.targetGroupArn }],
        Tags: toAwsTags(ctx.tagsFor(spec.name)),
      }),
    ),
  );
  const arn = out.Listeners?.[0]?.ListenerArn;
  if (!arn) throw new Error(`CreateListener returned no listener for ${spec.loadBalancerArn}`);
  ctx.cleanup.record({ kind: KIND.listener, id: arn, region: ctx.region });
  ctx.log(`Created listener ${protocol}:${port} forwarding to the target group.`);
  return { arn, port, protocol, created: true };
}
