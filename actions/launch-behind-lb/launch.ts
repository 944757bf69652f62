// The launch itself, as plain functions over parsed inputs and SDK clients: plan (read
// only: names, network, image, zone, the environment file), then either report the plan
// (dry run) or create, in order, load balancer → target group → listener → launch template
// → Auto Scaling group (which launches the servers and registers them with the target group)
// → health gate → build DNS name.
import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CreateLaunchTemplateCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Route53Client } from '@aws-sdk/client-route-53';
import type { ActionIO } from '@immut/core/action-io';
import type { CleanupLog } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import { UserError, describeError } from '@immut/core/errors';
import { zoneOfInputs, type Zone } from '@immut/core/hosted-zone';
import type { CallContext } from '@immut/core/throttle-retry';
import { releaseId, type Identity } from '@immut/core/identity';
import type { ParsedInputs } from '@immut/core/inputs';
import {
  autoScalingGroupName,
  buildDnsName,
  instanceName,
  launchTemplateName,
  loadBalancerName,
  targetGroupName,
} from '@immut/core/naming';
import type { Provenance } from '@immut/core/provenance';
import { TAG, standardTags, type Tags } from '@immut/core/tags';
import { deadlineFrom } from '@immut/core/wait';
import { ensureBuildRecord, recordId } from './dns.js';
import { buildEnvFile, encodeUserData, renderUserData } from './env-file.js';
import {
  ensureGroup,
  ensureLaunchTemplate,
  ensureScaling,
  fleetDigest,
  launchTemplateParams,
  waitFleetHealthy,
  type FleetSpec,
} from './fleet.js';
import { waitLoadBalancerActive, type TargetState, type WaitSettings } from './health.js';
import type { launchBehindLbInputs } from './inputs.js';
import {
  describeFrontEnd,
  ensureFrontEnd,
  frontEndSettings,
  type FrontEndPlan,
  type PreparedFrontEnd,
} from './prepare.js';
import { loadBalancerByArn } from './load-balancer.js';
import {
  awsErrorName,
  checkImage,
  checkNetwork,
  checkSecurityGroups,
  networkOfLoadBalancer,
  type Network,
} from './preflight.js';
import { resolveSource, type LaunchSource, type TagReader } from './release.js';
import { KIND } from './ownership.js';
import { renderPlanSummary, renderSummary } from './summary.js';

export type LaunchInputs = ParsedInputs<typeof launchBehindLbInputs>;

export interface Clients {
  autoscaling: AutoScalingClient;
  ec2: EC2Client;
  elb: ElasticLoadBalancingV2Client;
  route53: Route53Client;
}

/** Tag set when the release launched is not this build's own (a redeploy or rollback). */
export const LAUNCHED_RELEASE_TAG = 'immut:launched-release';

/** The whole build: the front end (prepare.ts) plus the image and the fleet. */
export interface Plan extends FrontEndPlan {
  source: LaunchSource;
  imageName: string;
  network: Network;
  names: FrontEndPlan['names'] & {
    instance: string;
    launchTemplate: string;
    autoScalingGroup: string;
  };
  zone?: Zone;
  variables: Record<string, string>;
  userDataBytes: number;
  fleet: FleetSpec;
  /** The front end a prepare step of this run output (load-balancer-arn, target-group-arn,
   *  listener-arn): adopted by ARN after re-reading its tags, instead of found by name. */
  prepared?: PreparedFrontEnd;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

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
  calls: CallContext,
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
  // A prepared load balancer, read by ARN once here (its tags are read before anything is made,
  // in ensureFrontEnd): standing on exactly the inputs' subnets and groups, it vouches for them.
  const preparedLb = inputs.loadBalancerArn
    ? await loadBalancerByArn(clients.elb, inputs.loadBalancerArn)
    : undefined;
  const shown = preparedLb ? networkOfLoadBalancer(preparedLb, inputs) : undefined;
  const network = shown ?? (await checkNetwork(clients.ec2, inputs.subnetIds));
  if (!shown) {
    await checkSecurityGroups(clients.ec2, 'security-group-ids', inputs.securityGroupIds, network.vpcId);
    // The same groups for both (the usual case) are checked once: one call, the same verdict.
    if (!sameSet(inputs.securityGroupIds, inputs.lbSecurityGroupIds))
      await checkSecurityGroups(
        clients.ec2,
        'lb-security-group-ids',
        inputs.lbSecurityGroupIds,
        network.vpcId,
      );
  }
  const imageName = await checkImage(clients.ec2, source.imageId, source.origin);
  const zone = inputs.zone
    ? await zoneOfInputs(clients.route53, { zone: inputs.zone, hostedZone: inputs.hostedZone }, calls)
    : undefined;

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
    launchTemplate: launchTemplateName(identity),
    autoScalingGroup: autoScalingGroupName(identity),
  };
  const ownName = zone ? buildDnsName(identity, zone.name) : undefined;
  if (inputs.buildDnsName !== undefined && inputs.buildDnsName !== ownName) {
    throw new UserError(
      `Input 'build-dns-name' was '${inputs.buildDnsName.slice(0, 200)}'; expected this build's name ${ownName ?? '(none: no zone)'}, the build-dns-name output of this build's prepare step.`,
    );
  }
  const count = inputs.count ?? 2;
  const instanceTypes = inputs.instanceTypes ?? [];
  return {
    identity,
    region,
    source,
    imageName,
    network,
    names,
    ...(zone && ownName ? { zone, buildDnsName: ownName } : {}),
    variables: envFile.variables,
    userDataBytes: userData.bytes,
    fleet: {
      launchTemplateName: names.launchTemplate,
      groupName: names.autoScalingGroup,
      instanceName: names.instance,
      imageId: source.imageId,
      // With a list of types, the template carries the first and the group may use any.
      instanceType: instanceTypes[0] ?? inputs.instanceType ?? 't3.small',
      instanceTypes,
      securityGroupIds: inputs.securityGroupIds,
      ...(inputs.instanceProfile ? { instanceProfile: inputs.instanceProfile } : {}),
      userDataBase64: userData.base64,
      subnets: network.subnets,
      count,
      min: inputs.min ?? count,
      max: inputs.max ?? count,
      gracePeriodSeconds: Math.round((inputs.healthCheckGracePeriod ?? 300_000) / 1000),
      ...(inputs.scaling ? { scaling: inputs.scaling } : {}),
    },
    ...frontEndSettings(inputs),
    tagsFor,
    ...(inputs.loadBalancerArn && inputs.targetGroupArn && inputs.listenerArn
      ? {
          prepared: {
            ...(preparedLb ? { loadBalancer: preparedLb } : {}),
            loadBalancerArn: inputs.loadBalancerArn,
            targetGroupArn: inputs.targetGroupArn,
            listenerArn: inputs.listenerArn,
            ...(inputs.buildDnsName ? { buildDnsName: inputs.buildDnsName } : {}),
          },
        }
      : {}),
  };
}

/** The plan in words, for the log and the dry-run summary. Flag values stay out of it. */
export function describePlan(plan: Plan): string[] {
  const f = plan.fleet;
  const types = f.instanceTypes.length > 1 ? f.instanceTypes.join(' or ') : f.instanceType;
  const scaling = f.scaling
    ? `, target tracking ${f.scaling.metric === 'cpu' ? `CPU ${f.scaling.target}%` : `${f.scaling.target} requests per server`}`
    : '';
  return [
    `Release ${plan.source.release} (${plan.source.origin}), image ${plan.source.imageId} (${plan.imageName}).`,
    ...describeFrontEnd(plan),
    `Launch template ${plan.names.launchTemplate}: ${types}, servers named ${plan.names.instance}, IMDSv2 required.`,
    `Auto Scaling group ${plan.names.autoScalingGroup}: ${f.count} server(s) (min ${f.min}, max ${f.max}${scaling}) across ${f.subnets.map((s) => `${s.id} (${s.zone})`).join(', ')}, health check ELB after a ${f.gracePeriodSeconds}s grace period, capacity rebalancing on.`,
    `Environment file with ${Object.keys(plan.variables).join(', ')} (user data ${plan.userDataBytes} of 16384 bytes).`,
    plan.buildDnsName
      ? `Build DNS name ${plan.buildDnsName} in zone ${plan.zone?.id ?? ''}.`
      : 'No build DNS name (no zone given).',
  ];
}

/** Dry run: the plan, plus EC2's DryRun verdict on creating the launch template. */
export async function dryRun(plan: Plan, clients: Clients, io: ActionIO): Promise<void> {
  const lines = describePlan(plan);
  const params = launchTemplateParams(plan.fleet, plan, fleetDigest(plan.fleet));
  try {
    await clients.ec2.send(new CreateLaunchTemplateCommand({ ...params, DryRun: true }));
    throw new Error(
      'CreateLaunchTemplate with DryRun=true created nothing but did not answer DryRunOperation',
    );
  } catch (error) {
    if (awsErrorName(error) !== 'DryRunOperation') {
      throw new UserError(`Dry run: EC2 would refuse to create the launch template: ${describeError(error)}`);
    }
  }
  lines.push(
    'EC2 DryRun: creating the launch template (ec2:CreateLaunchTemplate, ec2:CreateTags) is permitted. Auto Scaling, ELBv2 and Route 53 have no dry-run mode, so their permissions are not checked.',
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
  /** `forget`, when given, drops an entry whose creation AWS refused (the build name). */
  cleanup: Pick<CleanupLog, 'record'> & Partial<Pick<CleanupLog, 'forget'>>;
}

export interface LaunchResult {
  loadBalancerArn: string;
  loadBalancerDnsName: string;
  loadBalancerZoneId: string;
  targetGroupArn: string;
  listenerArn: string;
  autoScalingGroupName: string;
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
  const how = (created: boolean) => (created ? 'created' : 'reused');
  // Made here, or by an earlier `prepare` of this build (then adopted, its tags re-read; made
  // by this run's prepare job, it is the launch's to remove should the launch fail).
  const thisRun = plan.tagsFor(plan.names.loadBalancer)[TAG.run];
  const front = await ensureFrontEnd(plan, clients.elb, {
    cleanup,
    log,
    calls: { clock, log, deadline },
    ...(thisRun ? { cleanupRun: thisRun } : {}),
    ...(plan.prepared ? { prepared: plan.prepared } : {}),
  });
  const { lb, resources } = front;
  const tg = { arn: front.targetGroupArn };
  // A prepare step of this run made the build's name with the front end: it goes with them
  // should this launch fail (post deletes it only while it aliases this build's load balancer).
  if (front.preparedThisRun && plan.zone && plan.buildDnsName)
    cleanup.record({
      kind: KIND.dnsRecord,
      id: recordId(plan.zone.id, plan.buildDnsName),
      region: plan.region,
    });

  const fleetCtx = {
    ec2: clients.ec2,
    autoscaling: clients.autoscaling,
    identity: plan.identity,
    region: plan.region,
    tagsFor: plan.tagsFor,
    cleanup,
    log,
  };
  const template = await ensureLaunchTemplate(fleetCtx, plan.fleet);
  resources.push({
    kind: 'launch template',
    name: plan.names.launchTemplate,
    id: template.id,
    how: how(template.created),
  });
  const group = await ensureGroup(fleetCtx, plan.fleet, template.id, tg.arn);
  const groupCreatedAt = clock.now();
  resources.push({
    kind: 'Auto Scaling group',
    name: group.name,
    id: `${plan.fleet.count} desired (min ${plan.fleet.min}, max ${plan.fleet.max})`,
    how: how(group.created),
  });
  if (plan.fleet.scaling) {
    await ensureScaling(fleetCtx, group.name, plan.fleet.scaling, {
      loadBalancerArn: lb.arn,
      targetGroupArn: tg.arn,
    });
  }

  await waitLoadBalancerActive(clients.elb, lb, plan.names.loadBalancer, wait);
  const fleet = await waitFleetHealthy(
    {
      autoscaling: clients.autoscaling,
      elb: clients.elb,
      groupName: group.name,
      targetGroupArn: tg.arn,
      count: plan.fleet.count,
      zones: new Set(plan.fleet.subnets.map((s) => s.zone)).size,
      // A group made by this run has no server yet: none can be healthy before they boot and
      // pass their first checks.
      ...(group.created ? { createdAt: groupCreatedAt } : {}),
    },
    wait,
  );
  const ids = fleet.servers.map((s) => s.id);
  const targets = fleet.targets;
  log(
    `Auto Scaling group ${group.name}: ${fleet.servers.length} healthy of ${fleet.desired} desired, in service: ${fleet.servers.map((s) => `${s.id} (${s.zone})`).join(', ')}.`,
  );

  // A prepare step of this run made the name with the front end; a launch on its own makes it
  // only now, so that the name never answers without a healthy target behind it. When that
  // prepare step's outputs say it made the name (and the load balancer is the one it output,
  // carrying this run's tag), the name is not read again: prepare saw it INSYNC, and every
  // Route 53 call counts against the account's rate, which many releases at once share.
  if (plan.zone && plan.buildDnsName) {
    const namedByPrepare =
      front.preparedThisRun &&
      plan.prepared?.buildDnsName === plan.buildDnsName &&
      plan.prepared.loadBalancerArn === lb.arn;
    if (namedByPrepare)
      log(
        `DNS name ${plan.buildDnsName} was made with the load balancer by this run's prepare step (its output); keeping it.`,
      );
    const record = namedByPrepare
      ? { created: false }
      : await ensureBuildRecord(
          clients.route53,
          { zoneId: plan.zone.id, name: plan.buildDnsName, lbDnsName: lb.dnsName, lbZoneId: lb.zoneId },
          cleanup,
          plan.region,
          wait,
          front.preparedThisRun,
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
      intro: `Release **${plan.source.release}** (${plan.source.origin}), image \`${plan.source.imageId}\`: Auto Scaling group \`${group.name}\` with ${ids.length} healthy server(s) in service of ${fleet.desired} desired behind \`${lb.dnsName}\`${plan.buildDnsName ? `, reachable as \`${plan.buildDnsName}\`` : ''}.`,
      resources,
      targets,
      fleet: { name: group.name, desired: fleet.desired, inService: fleet.inService, healthy: ids.length },
      loadBalancerName: plan.names.loadBalancer,
      ...(plan.buildDnsName ? { buildDnsName: plan.buildDnsName } : {}),
    }),
  );
  return {
    loadBalancerArn: lb.arn,
    loadBalancerDnsName: lb.dnsName,
    loadBalancerZoneId: lb.zoneId,
    targetGroupArn: tg.arn,
    listenerArn: front.listenerArn,
    autoScalingGroupName: group.name,
    instanceIds: ids,
    ...(plan.buildDnsName ? { buildDnsName: plan.buildDnsName } : {}),
    targets,
  };
}
