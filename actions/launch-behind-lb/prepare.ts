// The build's front end — load balancer, target group, listener, and the build's DNS name — on
// its own. None of it needs the image, and a new load balancer takes minutes to become active,
// so a release makes it in `prepare` mode while the image bakes and the data replicates; the
// later `launch` of the same build adopts it, re-reads its tags (as any re-run does) and makes
// only the fleet.
import type { ActionIO } from '@immut/core/action-io';
import type { CleanupLog } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import { zoneOfInputs, type Zone } from '@immut/core/hosted-zone';
import type { CallContext } from '@immut/core/throttle-retry';
import { releaseId, type Identity } from '@immut/core/identity';
import { buildDnsName, loadBalancerName, targetGroupName } from '@immut/core/naming';
import type { Provenance } from '@immut/core/provenance';
import { UserError } from '@immut/core/errors';
import { TAG, standardTags, type Tags } from '@immut/core/tags';
import { deadlineFrom } from '@immut/core/wait';
import { ensureBuildRecord } from './dns.js';
import { waitLoadBalancerActive, type WaitSettings } from './health.js';
import type { Clients, LaunchInputs } from './launch.js';
import type { Listener, LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  adoptListener,
  ensureListener,
  ensureLoadBalancer,
  ensureTargetGroup,
  findLoadBalancer,
  findTargetGroupArn,
  listenerPort,
  listenersOf,
  loadBalancerByArn,
  tagsOfMany,
  type HealthCheckSpec,
  type LoadBalancerInfo,
} from './load-balancer.js';
import { assertOwnBuild } from './ownership.js';
import { checkNetwork, checkSecurityGroups, type Network } from './preflight.js';
import { renderPlanSummary, renderSummary, type SummaryResource } from './summary.js';

/** What the front end needs: no image, no release, no servers. */
export interface FrontEndPlan {
  identity: Identity;
  region: string;
  network: Network;
  names: { loadBalancer: string; targetGroup: string };
  zone?: Zone;
  buildDnsName?: string;
  health: HealthCheckSpec;
  port: number;
  scheme: 'internet-facing' | 'internal';
  certificateArn?: string;
  lbSecurityGroupIds: string[];
  timeoutMs: number;
  tagsFor: (name: string) => Tags;
}

/** The front end's settings from the inputs (shared by both modes, so both make the same thing). */
export function frontEndSettings(
  inputs: LaunchInputs,
): Pick<FrontEndPlan, 'health' | 'port' | 'scheme' | 'certificateArn' | 'lbSecurityGroupIds' | 'timeoutMs'> {
  return {
    health: {
      path: inputs.healthCheckPath ?? '/health',
      intervalSeconds: Math.round((inputs.healthCheckInterval ?? 30_000) / 1000),
      healthyThreshold: inputs.healthyThreshold ?? 5,
      unhealthyThreshold: inputs.unhealthyThreshold ?? 2,
      matcher: inputs.healthCheckMatcher ?? '200',
    },
    port: inputs.port ?? 8080,
    scheme: inputs.scheme ?? 'internet-facing',
    ...(inputs.certificateArn ? { certificateArn: inputs.certificateArn } : {}),
    lbSecurityGroupIds: inputs.lbSecurityGroupIds,
    timeoutMs: inputs.timeout ?? 30 * 60_000,
  };
}

/** Prepare mode's plan: read only (network, the load balancer's security groups, the zone). */
export async function planFrontEnd(
  inputs: LaunchInputs,
  common: { identity: Identity; region: string },
  clients: Pick<Clients, 'ec2' | 'route53'>,
  provenance: Provenance,
  calls: CallContext,
): Promise<FrontEndPlan> {
  const { identity, region } = common;
  const network = await checkNetwork(clients.ec2, inputs.subnetIds);
  await checkSecurityGroups(clients.ec2, 'lb-security-group-ids', inputs.lbSecurityGroupIds, network.vpcId);
  const zone = inputs.zone
    ? await zoneOfInputs(clients.route53, { zone: inputs.zone, hostedZone: inputs.hostedZone }, calls)
    : undefined;
  return {
    identity,
    region,
    network,
    names: { loadBalancer: loadBalancerName(identity), targetGroup: targetGroupName(identity) },
    ...(zone ? { zone, buildDnsName: buildDnsName(identity, zone.name) } : {}),
    ...frontEndSettings(inputs),
    tagsFor: (name) => standardTags(identity, provenance, name),
  };
}

/** The front end in words, for the log and the dry-run summary. */
export function describeFrontEnd(plan: FrontEndPlan): string[] {
  const { port, protocol } = listenerPort(plan);
  return [
    `Load balancer ${plan.names.loadBalancer} (${plan.scheme}) in ${plan.network.lbSubnets.join(', ')}, listener ${protocol}:${port}.`,
    `Target group ${plan.names.targetGroup}: HTTP port ${plan.port}, health check ${plan.health.path} every ${plan.health.intervalSeconds}s, healthy after ${plan.health.healthyThreshold}, matcher ${plan.health.matcher}.`,
  ];
}

export interface FrontEndDeps {
  io: ActionIO;
  clock: Clock;
  cleanup: Pick<CleanupLog, 'record'>;
}

export interface FrontEnd {
  lb: LoadBalancerInfo;
  targetGroupArn: string;
  listenerArn: string;
  resources: SummaryResource[];
  /** True when a prepare step of this workflow run made it (its load balancer carries this
   *  run's tag, and this launch did not create it): that step made the build's name too. */
  preparedThisRun: boolean;
}

/** What a prepare step of the same run made, from its outputs (launch's optional inputs). */
export interface PreparedFrontEnd {
  loadBalancerArn: string;
  /** The load balancer as read by that ARN already (the plan reads it), so not read again. */
  loadBalancer?: LoadBalancer;
  targetGroupArn: string;
  listenerArn: string;
  /** Its build-dns-name output: the build's name, which it made and saw INSYNC. */
  buildDnsName?: string;
}

const how = (created: boolean) => (created ? 'created' : 'reused');

interface FoundFrontEnd {
  lb?: LoadBalancer;
  targetGroupArn?: string;
  /** The found load balancer's listeners (undefined when there is none). */
  listeners?: Listener[];
  /** The listener a prepare step of this run made (then `listeners` is not read). */
  listenerArn?: string;
  tags: ReadonlyMap<string, Tags>;
}

/** The build's front end as it exists: by name, and the tags of all of it in one call. */
async function findFrontEnd(plan: FrontEndPlan, elb: Clients['elb']): Promise<FoundFrontEnd> {
  const lb = await findLoadBalancer(elb, plan.names.loadBalancer);
  const targetGroupArn = await findTargetGroupArn(elb, plan.names.targetGroup);
  const listeners = lb?.LoadBalancerArn ? await listenersOf(elb, lb.LoadBalancerArn) : undefined;
  const arns = [lb?.LoadBalancerArn, targetGroupArn, ...(listeners ?? []).map((l) => l.ListenerArn)].filter(
    (a): a is string => !!a,
  );
  const tags = arns.length > 0 ? await tagsOfMany(elb, arns) : new Map<string, Tags>();
  return {
    ...(lb ? { lb } : {}),
    ...(targetGroupArn ? { targetGroupArn } : {}),
    ...(listeners ? { listeners } : {}),
    tags,
  };
}

/**
 * The front end a prepare step of this run made, by the ARNs it output: the load balancer read
 * by ARN (its DNS name, state and settings), the tags of all three in one DescribeTags, so the
 * target group and listeners are not looked up again. Nothing is trusted from the inputs: the
 * names must be this build's, the tags this build's (else a GuardError), and all three must
 * carry this run's tag (prepare made or checked them in this run); otherwise undefined, and the
 * caller looks the front end up by name as any re-run does.
 */
async function adoptPrepared(
  plan: FrontEndPlan,
  elb: Clients['elb'],
  prepared: PreparedFrontEnd,
  thisRun: string | undefined,
): Promise<FoundFrontEnd | undefined> {
  const lb = prepared.loadBalancer ?? (await loadBalancerByArn(elb, prepared.loadBalancerArn));
  if (lb.LoadBalancerName !== plan.names.loadBalancer) {
    throw new UserError(
      `Input 'load-balancer-arn' was '${prepared.loadBalancerArn.slice(0, 200)}': load balancer ${lb.LoadBalancerName ?? '(unnamed)'}; expected this build's ${plan.names.loadBalancer}.`,
    );
  }
  const tgName = prepared.targetGroupArn.split(':targetgroup/')[1]?.split('/')[0];
  if (tgName !== plan.names.targetGroup) {
    throw new UserError(
      `Input 'target-group-arn' was '${prepared.targetGroupArn.slice(0, 200)}': target group ${tgName ?? '(none)'}; expected this build's ${plan.names.targetGroup}.`,
    );
  }
  if (
    !prepared.listenerArn.startsWith(`${prepared.loadBalancerArn.replace(':loadbalancer/', ':listener/')}/`)
  ) {
    throw new UserError(
      `Input 'listener-arn' was '${prepared.listenerArn.slice(0, 200)}': not a listener of the load balancer in 'load-balancer-arn'; expected the listener-arn output of this build's prepare step.`,
    );
  }
  const arns = [prepared.loadBalancerArn, prepared.targetGroupArn, prepared.listenerArn];
  let tags: Map<string, Tags>;
  try {
    tags = await tagsOfMany(elb, arns);
  } catch (error) {
    if (!/NotFound/.test(error instanceof Error ? error.name : '')) throw error;
    throw new UserError(
      `Inputs 'target-group-arn' and 'listener-arn' name a resource that does not exist (${(error as Error).message.slice(0, 200)}); expected the outputs of this build's prepare step.`,
    );
  }
  for (const [kind, arn] of [
    ['load balancer', prepared.loadBalancerArn],
    ['target group', prepared.targetGroupArn],
    ['listener', prepared.listenerArn],
  ] as const)
    assertOwnBuild(kind, arn, tags.get(arn) ?? {}, plan.identity);
  if (!thisRun || arns.some((arn) => tags.get(arn)?.[TAG.run] !== thisRun)) return undefined;
  return { lb, targetGroupArn: prepared.targetGroupArn, listenerArn: prepared.listenerArn, tags };
}

/** Finds (after the ownership check) or creates load balancer → target group → listener. */
export async function ensureFrontEnd(
  plan: FrontEndPlan,
  elb: Clients['elb'],
  deps: Pick<FrontEndDeps, 'cleanup'> & {
    log: (line: string) => void;
    /** The creates retry throttling until its deadline (many releases at once share ELB's rate). */
    calls?: CallContext;
    cleanupRun?: string;
    /** A prepare step's outputs: adopted by ARN when they are this run's (see adoptPrepared). */
    prepared?: PreparedFrontEnd;
  },
): Promise<FrontEnd> {
  const ctx = {
    elb,
    identity: plan.identity,
    region: plan.region,
    tagsFor: plan.tagsFor,
    cleanup: deps.cleanup,
    log: deps.log,
    ...(deps.calls ? { calls: deps.calls } : {}),
    ...(deps.cleanupRun ? { cleanupRun: deps.cleanupRun } : {}),
  };
  const resources: SummaryResource[] = [];
  // What exists already (a launch after prepare, a re-run), looked up once; the tags of all of
  // it in one DescribeTags.
  const adopted = deps.prepared ? await adoptPrepared(plan, elb, deps.prepared, deps.cleanupRun) : undefined;
  if (deps.prepared && !adopted) deps.log("The prepared front end is not this run's; looking it up by name.");
  const found = adopted ?? (await findFrontEnd(plan, elb));
  const lb = await ensureLoadBalancer(
    { ...ctx, knownTags: found.tags },
    {
      name: plan.names.loadBalancer,
      scheme: plan.scheme,
      subnets: plan.network.lbSubnets,
      securityGroups: plan.lbSecurityGroupIds,
    },
    found.lb ?? null,
  );
  resources.push({ kind: 'load balancer', name: plan.names.loadBalancer, id: lb.arn, how: how(lb.created) });
  const tg = await ensureTargetGroup(
    { ...ctx, knownTags: found.tags },
    { name: plan.names.targetGroup, port: plan.port, vpcId: plan.network.vpcId, health: plan.health },
    found.targetGroupArn ?? null,
  );
  resources.push({ kind: 'target group', name: plan.names.targetGroup, id: tg.arn, how: how(tg.created) });
  const listenerSpec = {
    loadBalancerArn: lb.arn,
    targetGroupArn: tg.arn,
    name: plan.names.loadBalancer,
    ...(plan.certificateArn ? { certificateArn: plan.certificateArn } : {}),
  };
  const listener = found.listenerArn
    ? await adoptListener({ ...ctx, knownTags: found.tags }, listenerSpec, found.listenerArn)
    : await ensureListener(
        { ...ctx, knownTags: found.tags },
        listenerSpec,
        // A load balancer made just now has no listener.
        lb.created ? [] : found.listeners,
      );
  resources.push({
    kind: 'listener',
    name: `${listener.protocol}:${listener.port}`,
    id: listener.arn,
    how: how(listener.created),
  });
  const preparedThisRun =
    !lb.created && !!deps.cleanupRun && found.tags.get(lb.arn)?.[TAG.run] === deps.cleanupRun;
  return { lb, targetGroupArn: tg.arn, listenerArn: listener.arn, resources, preparedThisRun };
}

export interface PrepareResult {
  loadBalancerArn: string;
  loadBalancerDnsName: string;
  loadBalancerZoneId: string;
  targetGroupArn: string;
  listenerArn: string;
  /** The build's DNS name, made here (an alias to the load balancer, INSYNC). */
  buildDnsName?: string;
}

/**
 * Prepare mode: the front end, active, and the build's DNS name (with a zone). The name needs
 * only the load balancer, so it is made here, beside the bake: its Route 53 change and INSYNC
 * wait leave the release's critical path, and the Route 53 calls of many releases at once are
 * spread over their bakes instead of queueing behind them (Route 53's rate is per account). Until
 * the launch adds healthy servers, the name answers with the load balancer's 503.
 */
export async function prepare(
  plan: FrontEndPlan,
  clients: Clients,
  deps: FrontEndDeps,
): Promise<PrepareResult> {
  const { io, clock, cleanup } = deps;
  const log = (line: string) => io.info(line);
  const deadline = deadlineFrom(clock, plan.timeoutMs);
  const wait: WaitSettings = { clock, log, remaining: () => deadline.remaining() };
  for (const line of describeFrontEnd(plan)) log(line);
  const front = await ensureFrontEnd(plan, clients.elb, { cleanup, log, calls: { clock, log, deadline } });
  await waitLoadBalancerActive(clients.elb, front.lb, plan.names.loadBalancer, wait);
  if (plan.zone && plan.buildDnsName) {
    const record = await ensureBuildRecord(
      clients.route53,
      {
        zoneId: plan.zone.id,
        name: plan.buildDnsName,
        lbDnsName: front.lb.dnsName,
        lbZoneId: front.lb.zoneId,
      },
      cleanup,
      plan.region,
      wait,
    );
    front.resources.push({
      kind: 'DNS record',
      name: plan.buildDnsName,
      id: `A alias in ${plan.zone.id}`,
      how: how(record.created),
    });
  }
  await io.appendSummary(
    renderSummary({
      title: `launch-behind-lb (prepare): ${releaseId(plan.identity)} in ${plan.identity.env}`,
      intro: `Load balancer \`${front.lb.dnsName}\` is active with its target group and listener${plan.buildDnsName ? `, named \`${plan.buildDnsName}\`` : ''}; the launch of build ${plan.identity.build} adopts them and adds the servers.`,
      resources: front.resources,
      targets: [],
      loadBalancerName: plan.names.loadBalancer,
    }),
  );
  return {
    loadBalancerArn: front.lb.arn,
    loadBalancerDnsName: front.lb.dnsName,
    loadBalancerZoneId: front.lb.zoneId,
    targetGroupArn: front.targetGroupArn,
    listenerArn: front.listenerArn,
    ...(plan.buildDnsName ? { buildDnsName: plan.buildDnsName } : {}),
  };
}

/** Prepare mode's dry run: the plan only (ELBv2 has no dry-run mode to ask). */
export async function dryRunFrontEnd(plan: FrontEndPlan, io: ActionIO): Promise<void> {
  const lines = [...describeFrontEnd(plan), 'ELBv2 has no dry-run mode, so its permissions are not checked.'];
  for (const line of lines) io.info(`[dry run] ${line}`);
  await io.appendSummary(
    renderPlanSummary(
      `launch-behind-lb (prepare, dry run): ${releaseId(plan.identity)} in ${plan.identity.env}`,
      lines,
    ),
  );
}
