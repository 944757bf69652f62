// The post step's handlers: each re-reads the resource, passes the ownership guard (immut's
// tags, this role, env and build) and only then deletes it. Something already gone counts
// as removed. core's undoCreated calls them newest first, which is the order AWS needs:
// DNS record, servers, listener (before its target group: ResourceInUse), target group,
// load balancer.
import { DescribeInstancesCommand, TerminateInstancesCommand, type EC2Client } from '@aws-sdk/client-ec2';
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
import { tagsOf } from './load-balancer.js';
import { KIND, assertOwnBuild } from './ownership.js';
import { awsErrorName } from './preflight.js';

export interface UndoClients {
  ec2: (region: string) => EC2Client;
  elb: (region: string) => ElasticLoadBalancingV2Client;
  route53: (region: string) => Route53Client;
}

const NOT_FOUND = new Set([
  'InvalidInstanceID.NotFound',
  'LoadBalancerNotFoundException',
  'TargetGroupNotFoundException',
  'ListenerNotFoundException',
]);

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

    [KIND.instance]: async (r) => {
      const ec2 = clients.ec2(r.region);
      const out = await unlessGone(() => ec2.send(new DescribeInstancesCommand({ InstanceIds: [r.id] })));
      const instance = out?.Reservations?.[0]?.Instances?.[0];
      if (!instance || instance.State?.Name === 'terminated') return;
      assertOwnBuild('instance', r.id, fromAwsTags(instance.Tags), identity);
      await ec2.send(new TerminateInstancesCommand({ InstanceIds: [r.id] }));
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
