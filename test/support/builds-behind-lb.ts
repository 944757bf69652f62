// Builds behind load balancers in the sandbox, made directly with SDK clients the way
// launch-behind-lb makes them (names from core, immut's tags), so cutover-dns can be tested
// without depending on that action. Plus readers for the name and its history.
import { AutoScalingClient, CreateAutoScalingGroupCommand } from '@aws-sdk/client-auto-scaling';
import { CreateLaunchTemplateCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeregisterTargetsCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type ResourceRecordSet,
} from '@aws-sdk/client-route-53';
import type { Identity } from '@immut/core/identity';
import {
  autoScalingGroupName,
  instanceName,
  launchTemplateName,
  loadBalancerName,
  targetGroupName,
} from '@immut/core/naming';
import { TAG, standardTags, toAwsTags } from '@immut/core/tags';
import type { Sandbox } from '@immut/sandbox';
import { ADMIN_CREDENTIALS } from './sandbox.js';
import { SEED } from '@immut/sandbox';

export const ZONE_NAME = 'example.test';
// The tests' own admin key: these set-ups stand in for other actions' work, not an action.
const credentials = { ...ADMIN_CREDENTIALS };

export interface Clients {
  autoscaling: AutoScalingClient;
  ec2: EC2Client;
  elb: ElasticLoadBalancingV2Client;
  route53: Route53Client;
  destroy(): void;
}

export function sdkClients(sandbox: Sandbox): Clients {
  const config = { endpoint: sandbox.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
  const autoscaling = new AutoScalingClient(config);
  const ec2 = new EC2Client(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  const route53 = new Route53Client(config);
  return {
    autoscaling,
    ec2,
    elb,
    route53,
    destroy() {
      autoscaling.destroy();
      ec2.destroy();
      elb.destroy();
      route53.destroy();
    },
  };
}

/** A build's load balancer, as launch-behind-lb's outputs describe it. */
export interface Build {
  identity: Identity;
  dnsName: string;
  zoneId: string;
  loadBalancerArn: string;
  targetGroupArn: string;
  instanceId: string;
  /** With `fleet`: the build's Auto Scaling group and launch template. */
  groupName?: string;
  launchTemplateId?: string;
}

const PROVENANCE = { repository: 'immut-test/app', sha: '0123456789abcdef', runUrl: '' };

/**
 * One instance behind a new load balancer, target group and listener, all tagged for
 * `identity`. Call `settle(sandbox)` afterwards so the load balancer is active and the
 * target healthy.
 */
export async function launchBuild(
  sandbox: Sandbox,
  c: Clients,
  identity: Identity,
  options: { fleet?: boolean } = {},
): Promise<Build> {
  const name = loadBalancerName(identity);
  const tags = toAwsTags(standardTags(identity, PROVENANCE, name));
  const subnetA = SEED.subnets[0]!.subnetId;
  const subnetB = SEED.subnets[1]!.subnetId;
  const run = await c.ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-0a0000000000a2303',
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnetA,
      TagSpecifications: [{ ResourceType: 'instance', Tags: tags }],
    }),
  );
  const instanceId = run.Instances?.[0]?.InstanceId ?? '';
  const lb = (
    await c.elb.send(
      new CreateLoadBalancerCommand({
        Name: name,
        Subnets: [subnetA, subnetB],
        SecurityGroups: [SEED.securityGroup.groupId],
        Tags: tags,
      }),
    )
  ).LoadBalancers?.[0];
  const tg = (
    await c.elb.send(
      new CreateTargetGroupCommand({
        Name: targetGroupName(identity),
        Protocol: 'HTTP',
        Port: 80,
        VpcId: SEED.vpc.vpcId,
        HealthCheckIntervalSeconds: 10,
        Tags: tags,
      }),
    )
  ).TargetGroups?.[0];
  await c.elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: lb?.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tg?.TargetGroupArn }],
      // Tagged as launch-behind-lb tags its listeners: retire-release may delete only those.
      Tags: tags,
    }),
  );
  // Targets must be running to register.
  await sandbox.advance(20_000);
  await c.elb.send(
    new RegisterTargetsCommand({
      TargetGroupArn: tg?.TargetGroupArn,
      Targets: [{ Id: instanceId, Port: 80 }],
    }),
  );
  const fleet = options.fleet ? await launchFleet(c, identity, tg?.TargetGroupArn ?? '') : {};
  return {
    ...fleet,
    identity,
    dnsName: lb?.DNSName ?? '',
    zoneId: lb?.CanonicalHostedZoneId ?? '',
    loadBalancerArn: lb?.LoadBalancerArn ?? '',
    targetGroupArn: tg?.TargetGroupArn ?? '',
    instanceId,
  };
}

/**
 * The build's launch template and one-server Auto Scaling group in its target group, tagged
 * and named as launch-behind-lb makes them (the group's tags propagated to its servers).
 */
async function launchFleet(
  c: Clients,
  identity: Identity,
  targetGroupArn: string,
): Promise<{ groupName: string; launchTemplateId: string }> {
  const templateName = launchTemplateName(identity);
  const groupName = autoScalingGroupName(identity);
  const serverTags = toAwsTags(standardTags(identity, PROVENANCE, instanceName(identity)));
  const template = await c.ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: templateName,
      LaunchTemplateData: {
        ImageId: 'ami-0a0000000000a2303',
        InstanceType: 't3.micro',
        MetadataOptions: { HttpTokens: 'required' },
        TagSpecifications: [
          { ResourceType: 'instance', Tags: serverTags },
          { ResourceType: 'volume', Tags: serverTags },
        ],
      },
      TagSpecifications: [
        {
          ResourceType: 'launch-template',
          Tags: toAwsTags(standardTags(identity, PROVENANCE, templateName)),
        },
      ],
    }),
  );
  const launchTemplateId = template.LaunchTemplate?.LaunchTemplateId ?? '';
  await c.autoscaling.send(
    new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: groupName,
      LaunchTemplate: { LaunchTemplateId: launchTemplateId, Version: '$Latest' },
      MinSize: 1,
      MaxSize: 1,
      DesiredCapacity: 1,
      VPCZoneIdentifier: `${SEED.subnets[0]!.subnetId},${SEED.subnets[1]!.subnetId}`,
      TargetGroupARNs: [targetGroupArn],
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 300,
      Tags: Object.entries(standardTags(identity, PROVENANCE, groupName)).map(([Key, Value]) => ({
        Key,
        Value,
        PropagateAtLaunch: Key !== TAG.name,
        ResourceId: groupName,
        ResourceType: 'auto-scaling-group',
      })),
    }),
  );
  return { groupName, launchTemplateId };
}

/** Lets sandbox time pass until load balancers are active and targets healthy. */
export async function settle(sandbox: Sandbox): Promise<void> {
  await sandbox.advance(10 * 60_000);
}

/** Takes a build's only target out of service (health is lost: it drains). */
export async function loseHealth(c: Clients, build: Build): Promise<void> {
  await c.elb.send(
    new DeregisterTargetsCommand({
      TargetGroupArn: build.targetGroupArn,
      Targets: [{ Id: build.instanceId, Port: 80 }],
    }),
  );
}

export async function zoneId(c: Clients, name = ZONE_NAME): Promise<string> {
  const out = await c.route53.send(new ListHostedZonesByNameCommand({ DNSName: name }));
  const zone = out.HostedZones?.find((z) => z.Name === `${name}.`);
  return (zone?.Id ?? '').replace('/hostedzone/', '');
}

export async function createZone(c: Clients, name: string, privateVpc?: string): Promise<string> {
  const out = await c.route53.send(
    new CreateHostedZoneCommand({
      Name: name,
      CallerReference: `${name}-${privateVpc ?? 'public'}-${Math.random()}`,
      ...(privateVpc
        ? { HostedZoneConfig: { PrivateZone: true }, VPC: { VPCRegion: 'us-east-1', VPCId: privateVpc } }
        : {}),
    }),
  );
  return (out.HostedZone?.Id ?? '').replace('/hostedzone/', '');
}

/** Every record set of `type` at `name` in the zone. */
export async function recordsAt(
  c: Clients,
  zone: string,
  name: string,
  type: 'A' | 'TXT',
): Promise<ResourceRecordSet[]> {
  const fq = `${name.toLowerCase()}.`;
  const out = await c.route53.send(
    new ListResourceRecordSetsCommand({ HostedZoneId: zone, StartRecordName: fq, StartRecordType: type }),
  );
  return (out.ResourceRecordSets ?? []).filter((r) => r.Name === fq && r.Type === type);
}

/** key → value of the name's history record, or undefined when there is none. */
export async function historyAt(
  c: Clients,
  zone: string,
  name: string,
): Promise<Record<string, string> | undefined> {
  const [record] = await recordsAt(c, zone, `_immut-history.${name}`, 'TXT');
  if (!record) return undefined;
  const value = record.ResourceRecords?.[0]?.Value ?? '';
  return Object.fromEntries([...value.matchAll(/"([^"=]+)=([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** Where the name's plain alias points (bare DNS name), or a description of what it holds. */
export async function pointsAt(c: Clients, zone: string, name: string): Promise<string> {
  const records = await recordsAt(c, zone, name, 'A');
  if (records.length === 0) return 'nothing';
  if (records.length === 1 && records[0]?.SetIdentifier === undefined)
    return (records[0]?.AliasTarget?.DNSName ?? '').replace(/\.$/, '');
  return records.map((r) => `${r.SetIdentifier}=${r.Weight}`).join(',');
}

/** Points the name somewhere else behind immut's back (a concurrent change). */
export async function upsertAlias(c: Clients, zone: string, name: string, build: Build): Promise<void> {
  await c.route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zone,
      ChangeBatch: {
        Comment: 'someone else',
        Changes: [
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: name,
              Type: 'A',
              AliasTarget: {
                HostedZoneId: build.zoneId,
                DNSName: build.dnsName,
                EvaluateTargetHealth: false,
              },
            },
          },
        ],
      },
    }),
  );
}
