// The post step's handlers: each re-reads the resource, passes the ownership guard (immut's
// tags, this role, env and build) and only then deletes it. Something already gone counts
// as removed. core's undoCreated calls them newest first, which is the order AWS needs:
// DNS record, Auto Scaling group (with its servers, gone before anything it uses goes),
// launch template, listener (before its target group: ResourceInUse), target group, load
// balancer.
import { DeleteAutoScalingGroupCommand, type AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import {
  DeleteLaunchTemplateCommand,
  DescribeLaunchTemplatesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DeleteListenerCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  paginateDescribeLoadBalancers,
  type ElasticLoadBalancingV2Client,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Route53Client } from '@aws-sdk/client-route-53';
import type { CreatedResource, UndoHandler } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import { GuardError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { fromAwsTags } from '@immut/core/tags';
import { waitFor } from '@immut/core/wait';
import { deleteRecord, findRecord, parseRecordId, sameDnsName } from './dns.js';
import { findGroup, groupTagsOf, isDeleting } from './fleet.js';
import { tagsOf } from './load-balancer.js';
import { KIND, assertOwnBuild } from './ownership.js';
import { awsErrorName } from './preflight.js';

export interface UndoClients {
  autoscaling: (region: string) => AutoScalingClient;
  ec2: (region: string) => EC2Client;
  elb: (region: string) => ElasticLoadBalancingV2Client;
  route53: (region: string) => Route53Client;
}

const NOT_FOUND = new Set([
  'LoadBalancerNotFoundException',
  'TargetGroupNotFoundException',
  'ListenerNotFoundException',
  'InvalidLaunchTemplateId.NotFound',
  'InvalidLaunchTemplateId.NotFoundException',
  'InvalidLaunchTemplateName.NotFoundException',
]);

/** How long post waits for a deleted group to be gone: its servers terminate first. */
const GROUP_GONE_TIMEOUT_MS = 20 * 60_000;

/**
 * Deletes the group with ForceDelete (its servers are terminated with it, no scale-in first)
 * and waits until AWS no longer lists it: its launch template and target group are in use
 * until then. A delete refused while a scaling activity runs is asked again.
 */
async function deleteGroup(
  autoscaling: AutoScalingClient,
  name: string,
  clock: Clock,
  log: (line: string) => void,
): Promise<void> {
  let asked = false;
  await waitFor({
    what: `Auto Scaling group ${name} to be deleted`,
    clock,
    log,
    timeoutMs: GROUP_GONE_TIMEOUT_MS,
    minDelayMs: 5_000,
    maxDelayMs: 15_000,
    check: async () => {
      const group = await findGroup(autoscaling, name);
      if (!group) return { done: true, value: undefined };
      if (!asked && !isDeleting(group)) {
        try {
          await autoscaling.send(
            new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: name, ForceDelete: true }),
          );
          asked = true;
        } catch (error) {
          if (!/ScalingActivityInProgress|ResourceInUse/.test(awsErrorName(error))) throw error;
          return { done: false, state: 'a scaling activity is in progress' };
        }
      }
      return { done: false, state: `${group.Instances?.length ?? 0} server(s) terminating` };
    },
  });
}

/** Runs a lookup; undefined when AWS says the resource no longer exists. */
async function unlessGone<T>(lookup: () => Promise<T>): Promise<T | undefined> {
  try {
    return await lookup();
  } catch (error) {
    if (NOT_FOUND.has(awsErrorName(error))) return undefined;
    throw error;
  }
}

async function allLoadBalancers(elb: ElasticLoadBalancingV2Client): Promise<LoadBalancer[]> {
  const all: LoadBalancer[] = [];
  for await (const page of paginateDescribeLoadBalancers({ client: elb }, {})) {
    all.push(...(page.LoadBalancers ?? []));
  }
  return all;
}

export function undoHandlers(
  identity: Identity,
  clients: UndoClients,
  clock: Clock,
  log: (line: string) => void,
): Record<string, UndoHandler> {
  return {
    [KIND.autoScalingGroup]: async (r: CreatedResource) => {
      const autoscaling = clients.autoscaling(r.region);
      const group = await findGroup(autoscaling, r.id);
      if (!group) return;
      assertOwnBuild('Auto Scaling group', r.id, groupTagsOf(group), identity);
      await deleteGroup(autoscaling, r.id, clock, log);
    },

    [KIND.launchTemplate]: async (r) => {
      const ec2 = clients.ec2(r.region);
      const out = await unlessGone(() =>
        ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [r.id] })),
      );
      const template = out?.LaunchTemplates?.find((t) => t.LaunchTemplateId === r.id);
      if (!template) return;
      assertOwnBuild('launch template', r.id, fromAwsTags(template.Tags), identity);
      await unlessGone(() => ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: r.id })));
    },

    [KIND.dnsRecord]: async (r: CreatedResource) => {
      const { zoneId, name } = parseRecordId(r.id);
      const route53 = clients.route53(r.region);
      const record = await findRecord(route53, zoneId, name);
      if (!record) return;
      const target = record.AliasTarget?.DNSName ?? '';
      const elb = clients.elb(r.region);
      const lb = target
        ? (await allLoadBalancers(elb)).find((l) => sameDnsName(l.DNSName ?? '', target))
        : undefined;
      if (!lb?.LoadBalancerArn) {
        throw new GuardError(
          `Refusing to delete DNS record ${name}: it does not alias a load balancer of build '${identity.build}' (it points at ${target || 'plain values'}).`,
        );
      }
      assertOwnBuild('load balancer', lb.LoadBalancerArn, await tagsOf(elb, lb.LoadBalancerArn), identity);
      await deleteRecord(route53, zoneId, record);
    },

    [KIND.listener]: async (r) => {
      const elb = clients.elb(r.region);
      const out = await unlessGone(() => elb.send(new DescribeListenersCommand({ ListenerArns: [r.id] })));
      if (!out?.Listeners?.length) return;
      assertOwnBuild('listener', r.id, await tagsOf(elb, r.id), identity);
      await elb.send(new DeleteListenerCommand({ ListenerArn: r.id }));
    },

    [KIND.targetGroup]: async (r) => {
      const elb = clients.elb(r.region);
      const out = await unlessGone(() =>
        elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [r.id] })),
      );
      if (!out?.TargetGroups?.length) return;
      assertOwnBuild('target group', r.id, await tagsOf(elb, r.id), identity);
      // A listener just deleted may still hold the group for a moment (ResourceInUse).
      await waitFor({
        what: `target group ${r.id} to be deleted`,
        clock,
        log,
        timeoutMs: 120_000,
        minDelayMs: 2_000,
        maxDelayMs: 10_000,
        check: async () => {
          try {
            await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: r.id }));
            return { done: true, value: undefined };
          } catch (error) {
            if (awsErrorName(error) === 'ResourceInUseException')
              return { done: false, state: 'still used by a listener' };
            if (NOT_FOUND.has(awsErrorName(error))) return { done: true, value: undefined };
            throw error;
          }
        },
      });
    },

    [KIND.loadBalancer]: async (r) => {
      const elb = clients.elb(r.region);
      const out = await unlessGone(() =>
        elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [r.id] })),
      );
      if (!out?.LoadBalancers?.length) return;
      assertOwnBuild('load balancer', r.id, await tagsOf(elb, r.id), identity);
      await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: r.id }));
    },
  };
}
