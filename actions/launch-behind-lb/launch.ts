// The launch itself, as plain functions over parsed inputs and SDK clients: plan (read
// only: names, network, image, zone, the environment file), then either report the plan
// (dry run) or create, in order, load balancer → target group → listener → servers →
// targets → health gate → build DNS name.
import { RunInstancesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Route53Client } from '@aws-sdk/client-route-53';
import type { ActionIO } from '@immut/core/action-io';
import type { CleanupLog } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import { UserError, describeError } from '@immut/core/errors';
import { resolveZone, type Zone } from '@immut/core/hosted-zone';
import { releaseId, type Identity } from '@immut/core/identity';
import type { ParsedInputs } from '@immut/core/inputs';
import { buildDnsName, instanceName, loadBalancerName, targetGroupName } from '@immut/core/naming';
import type { Provenance } from '@immut/core/provenance';
import { standardTags, type Tags } from '@immut/core/tags';
import { deadlineFrom } from '@immut/core/wait';
import { ensureBuildRecord } from './dns.js';
import { buildEnvFile, encodeUserData, renderUserData } from './env-file.js';
import {
  registerTargets,
  waitLoadBalancerActive,
  waitTargetsHealthy,
  type TargetState,
  type WaitSettings,
} from './health.js';
import type { launchBehindLbInputs } from './inputs.js';
import {
  ensureServers,
  launchDigest,
  planBatches,
  runParams,
  waitRunning,
  type InstanceSpec,
} from './instances.js';
import {
  ensureListener,
  ensureLoadBalancer,
  ensureTargetGroup,
  listenerPort,
  type HealthCheckSpec,
} from './load-balancer.js';
import { awsErrorName, checkImage, checkNetwork, checkSecurityGroups, type Network } from './preflight.js';
import { resolveSource, type LaunchSource, type TagReader } from './release.js';
import { renderPlanSummary, renderSummary, type SummaryResource } from './summary.js';

export type LaunchInputs = ParsedInputs<typeof launchBehindLbInputs>;

export interface Clients {
  ec2: EC2Client;
  elb: ElasticLoadBalancingV2Client;
  route53: Route53Client;
}

/** Tag set when the release launched is not this build's own (a redeploy or rollback). */
export const LAUNCHED_RELEASE_TAG = 'immut:launched-release';

export interface Plan {
  identity: Identity;
  region: string;
  source: LaunchSource;
  imageName: string;
  network: Network;
  names: { loadBalancer: string; targetGroup: string; instance: string };
  zone?: Zone;
  buildDnsName?: string;
  variables: Record<string, string>;
  userDataBytes: number;
  instances: InstanceSpec;
  health: HealthCheckSpec;
  port: number;
  scheme: 'internet-facing' | 'internal';
  certificateArn?: string;
  lbSecurityGroupIds: string[];
  timeoutMs: number;
  tagsFor: (name: string) => Tags;
}

/** Where the application writes its logs; bake-image ships the role's log paths. */
export function logDir(role: string): string {
  return `/var/log/${role}`;
}

/** Everything the launch needs, read and checked before anything is created. */
export async function preparePlan(
  inputs: LaunchInputs,
  common: { identity: Identity; region: string },
  clients: Clients,
  provenance: Provenance,
  readTag: TagReader,
): Promise<Plan> {
  const { identity, region } = common;
  const source = await resolveSource(
    {
      ...(inputs.release ? { release: inputs.release } : {}),
      ...(inputs.imageId ? { imageId: inputs.imageId } : {}),
    },
    identity,
    region,
    readTag,
  );
  const network = await checkNetwork(clients.ec2, inputs.subnetIds);
  await checkSecurityGroups(clients.ec2, 'security-group-ids', inputs.securityGroupIds, network.vpcId);
  await checkSecurityGroups(clients.ec2, 'lb-security-group-ids', inputs.lbSecurityGroupIds, network.vpcId);
  const imageName = await checkImage(clients.ec2, source.imageId, source.origin);
  const zone = inputs.zone ? await resolveZone(clients.route53, inputs.zone) : undefined;

  const envFile = buildEnvFile({
    immut: {
      ROLE: identity.role,
      ENV: identity.env,
      BUILD: identity.build,
      RELEASE: source.release,
      LOG_DIR: logDir(identity.role),
      ...(source.dataEndpoint ? { DB_ENDPOINT: source.dataEndpoint } : {}),
    },
    release: source.flags,
    input: inputs.flags ?? {},
  });
  const userData = encodeUserData(renderUserData(envFile.variables));
  const extra: Tags =
    source.release === releaseId(identity) ? {} : { [LAUNCHED_RELEASE_TAG]: source.release };
  const tagsFor = (name: string): Tags => standardTags(identity, provenance, name, extra);
  const names = {
    loadBalancer: loadBalancerName(identity),
    targetGroup: targetGroupName(identity),
    instance: instanceName(identity),
  };
  return {
    identity,
    region,
    source,
    imageName,
    network,
    names,
    ...(zone ? { zone, buildDnsName: buildDnsName(identity, zone.name) } : {}),
    variables: envFile.variables,
    userDataBytes: userData.bytes,
    instances: {
      imageId: source.imageId,
      instanceType: inputs.instanceType ?? 't3.small',
      count: inputs.count ?? 2,
      subnets: network.subnets,
      securityGroupIds: inputs.securityGroupIds,
      ...(inputs.instanceProfile ? { instanceProfile: inputs.instanceProfile } : {}),
      userDataBase64: userData.base64,
      name: names.instance,
    },
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
    tagsFor,
  };
}

/** The plan in words, for the log and the dry-run summary. Flag values stay out of it. */
export function describePlan(plan: Plan): string[] {
  const { port, protocol } = listenerPort(plan);
  const batches = planBatches(plan.network.subnets, [], plan.instances.count);
  return [
    `Release ${plan.source.release} (${plan.source.origin}), image ${plan.source.imageId} (${plan.imageName}).`,
    `Load balancer ${plan.names.loadBalancer} (${plan.scheme}) in ${plan.network.lbSubnets.join(', ')}, listener ${protocol}:${port}.`,
    `Target group ${plan.names.targetGroup}: HTTP port ${plan.port}, health check ${plan.health.path} every ${plan.health.intervalSeconds}s, healthy after ${plan.health.healthyThreshold}, matcher ${plan.health.matcher}.`,
    `${plan.instances.count} × ${plan.instances.instanceType} named ${plan.names.instance}: ${batches.map((b) => `${b.slots.length} in ${b.subnetId} (${plan.network.subnets.find((s) => s.id === b.subnetId)?.zone ?? ''})`).join(', ')}.`,
    `Environment file with ${Object.keys(plan.variables).join(', ')} (user data ${plan.userDataBytes} of 16384 bytes).`,
    plan.buildDnsName
      ? `Build DNS name ${plan.buildDnsName} in zone ${plan.zone?.id ?? ''}.`
      : 'No build DNS name (no zone given).',
  ];
}

/** Dry run: the plan, plus EC2's DryRun verdict on launching the servers. */
export async function dryRun(plan: Plan, clients: Clients, io: ActionIO): Promise<void> {
  const lines = describePlan(plan);
  const first = planBatches(plan.network.subnets, [], plan.instances.count)[0];
  const digest = launchDigest(plan.instances);
  const params = runParams(
    plan.instances,
    { tags: plan.tagsFor(plan.names.instance) },
    first?.subnetId ?? '',
    first?.slots.length ?? 1,
    digest,
  );
  try {
    await clients.ec2.send(new RunInstancesCommand({ ...params, DryRun: true }));
    throw new Error('RunInstances with DryRun=true launched nothing but did not answer DryRunOperation');
  } catch (error) {
    if (awsErrorName(error) !== 'DryRunOperation') {
      throw new UserError(`Dry run: EC2 would refuse to launch the servers: ${describeError(error)}`);
    }
  }
  lines.push(
    'EC2 DryRun: launching the servers (ec2:RunInstances, ec2:CreateTags) is permitted. ELBv2 and Route 53 have no dry-run mode, so their permissions are not checked.',
  );
  for (const line of lines) io.info(`[dry run] ${line}`);
  await io.appendSummary(
    renderPlanSummary(
      `launch-behind-lb (dry run): ${releaseId(plan.identity)} in ${plan.identity.env}`,
      lines,
    ),
  );
}

export interface LaunchDeps {
  io: ActionIO;
  clock: Clock;
  cleanup: Pick<CleanupLog, 'record'>;
}

export interface LaunchResult {
  loadBalancerArn: string;
  loadBalancerDnsName: string;
  loadBalancerZoneId: string;
  targetGroupArn: string;
  instanceIds: string[];
  buildDnsName?: string;
  targets: TargetState[];
}

export async function launch(plan: Plan, clients: Clients, deps: LaunchDeps): Promise<LaunchResult> {
  const { io, clock, cleanup } = deps;
  const log = (line: string) => io.info(line);
  const deadline = deadlineFrom(clock, plan.timeoutMs);
  const wait: WaitSettings = { clock, log, remaining: () => deadline.remaining() };
  for (const line of describePlan(plan)) log(line);
  const elbCtx = {
    elb: clients.elb,
    identity: plan.identity,
    region: plan.region,
    tagsFor: plan.tagsFor,
    cleanup,
    log,
  };
  const resources: SummaryResource[] = [];
  const how = (created: boolean) => (created ? 'created' : 'reused');

  const lb = await ensureLoadBalancer(elbCtx, {
    name: plan.names.loadBalancer,
    scheme: plan.scheme,
    subnets: plan.network.lbSubnets,
    securityGroups: plan.lbSecurityGroupIds,
  });
  resources.push({ kind: 'load balancer', name: plan.names.loadBalancer, id: lb.arn, how: how(lb.created) });
  const tg = await ensureTargetGroup(elbCtx, {
    name: plan.names.targetGroup,
    port: plan.port,
    vpcId: plan.network.vpcId,
    health: plan.health,
  });
  resources.push({ kind: 'target group', name: plan.names.targetGroup, id: tg.arn, how: how(tg.created) });
  const listener = await ensureListener(elbCtx, {
    loadBalancerArn: lb.arn,
    targetGroupArn: tg.arn,
    name: plan.names.loadBalancer,
    ...(plan.certificateArn ? { certificateArn: plan.certificateArn } : {}),
  });
  resources.push({
    kind: 'listener',
    name: `${listener.protocol}:${listener.port}`,
    id: listener.arn,
    how: how(listener.created),
  });

  const servers = await ensureServers(
    {
      ec2: clients.ec2,
      identity: plan.identity,
      region: plan.region,
      tags: plan.tagsFor(plan.names.instance),
      cleanup,
      log,
      warn: (line) => io.warning(line),
    },
    plan.instances,
  );
  for (const s of servers)
    resources.push({
      kind: 'instance',
      name: `${plan.names.instance} (${s.zone})`,
      id: s.id,
      how: how(s.created),
    });
  const ids = servers.map((s) => s.id);
  await waitRunning(clients.ec2, ids, clock, deadline.remaining(), log);
  await registerTargets(clients.elb, tg.arn, ids, plan.port);
  log(`Registered ${ids.length} target(s) on port ${plan.port}.`);

  await waitLoadBalancerActive(clients.elb, lb.arn, plan.names.loadBalancer, wait);
  const targets = await waitTargetsHealthy(clients.elb, tg.arn, ids, plan.port, wait);

  if (plan.zone && plan.buildDnsName) {
    const record = await ensureBuildRecord(
      clients.route53,
      { zoneId: plan.zone.id, name: plan.buildDnsName, lbDnsName: lb.dnsName, lbZoneId: lb.zoneId },
      cleanup,
      plan.region,
      wait,
    );
    resources.push({
      kind: 'DNS record',
      name: plan.buildDnsName,
      id: `A alias in ${plan.zone.id}`,
      how: how(record.created),
    });
  }

  await io.appendSummary(
    renderSummary({
      title: `launch-behind-lb: ${releaseId(plan.identity)} in ${plan.identity.env}`,
      intro: `Release **${plan.source.release}** (${plan.source.origin}), image \`${plan.source.imageId}\`: ${ids.length} healthy server(s) behind \`${lb.dnsName}\`${plan.buildDnsName ? `, reachable as \`${plan.buildDnsName}\`` : ''}.`,
      resources,
      targets,
      loadBalancerName: plan.names.loadBalancer,
      ...(plan.buildDnsName ? { buildDnsName: plan.buildDnsName } : {}),
    }),
  );
  return {
    loadBalancerArn: lb.arn,
    loadBalancerDnsName: lb.dnsName,
    loadBalancerZoneId: lb.zoneId,
    targetGroupArn: tg.arn,
    instanceIds: ids,
    ...(plan.buildDnsName ? { buildDnsName: plan.buildDnsName } : {}),
    targets,
  };
}
