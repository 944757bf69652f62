// Elastic Load Balancing v2 (awsQuery): application (and basic network) load balancers,
// target groups, listeners, targets and their health, tags and target group attributes,
// with AWS's rules: name formats, subnets in two zones, idempotent creates, the
// not-found / duplicate / in-use errors, running instances only as targets.
//
// Time is lazy: a load balancer is `provisioning` until `DURATIONS.
// loadBalancerProvisioningToActive` after creation; targets' health follows the clock
// too (./health.ts). EC2 is consulted through lookups passed to the factory (subnets,
// instances, groups).
//
// This module owns the state; the operations live in one module per resource family and
// get it through an explicit context.
import { DURATIONS } from '../../durations.js';
import type { EmulatedService, OperationHandler } from '../../service.js';
import { toMap } from '../common/tags.js';
import { describeTargetGroupAttributes, modifyTargetGroupAttributes } from './attributes.js';
import { elbv2Fleet, type Elbv2Fleet } from './fleet.js';
import { health } from './health.js';
import { createListener, deleteListener, describeListeners } from './listeners.js';
import { createLoadBalancer, deleteLoadBalancer, describeLoadBalancers } from './load-balancers.js';
import {
  emptyState,
  lbState,
  prune,
  type Elbv2Context,
  type Elbv2Options,
  type Handler,
  type State,
} from './state.js';
import { addTags, describeTags, removeTags } from './tags.js';
import { elbv2Authorization } from './authorization.js';
import { createTargetGroup, deleteTargetGroup, describeTargetGroups } from './target-groups.js';
import { deregisterTargets, describeTargetHealth, registerTargets } from './targets.js';

export { ALB_HOSTED_ZONE_IDS, NLB_HOSTED_ZONE_IDS } from './load-balancers.js';
export type { Elbv2Options } from './state.js';

export const ELBV2_NAMESPACE = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

/** The health checks AWS's default ALB (30 s interval) needs beyond the interval itself:
 *  DURATIONS.targetInitialToHealthy (45 s) = registration (15 s) + one 30 s check. */
const DEFAULT_REGISTRATION_MS = Math.max(0, DURATIONS.targetInitialToHealthy - 30_000);

export type Elbv2Service = EmulatedService & {
  /** A load balancer by DNS name (any region; case-insensitive, without trailing dot or
   *  `dualstack.`), for Route 53 alias checks. */
  loadBalancerByDnsName(
    dnsName: string,
  ): { dnsName: string; canonicalHostedZoneId: string; arn: string } | undefined;
  /** Auto Scaling's registration hooks (./fleet.ts). */
  fleet: Elbv2Fleet;
};

const HANDLERS: Record<string, Handler> = {
  CreateLoadBalancer: createLoadBalancer,
  DescribeLoadBalancers: describeLoadBalancers,
  DeleteLoadBalancer: deleteLoadBalancer,
  CreateTargetGroup: createTargetGroup,
  DescribeTargetGroups: describeTargetGroups,
  DeleteTargetGroup: deleteTargetGroup,
  ModifyTargetGroupAttributes: modifyTargetGroupAttributes,
  DescribeTargetGroupAttributes: describeTargetGroupAttributes,
  CreateListener: createListener,
  DescribeListeners: describeListeners,
  DeleteListener: deleteListener,
  RegisterTargets: registerTargets,
  DeregisterTargets: deregisterTargets,
  DescribeTargetHealth: describeTargetHealth,
  AddTags: addTags,
  RemoveTags: removeTags,
  DescribeTags: describeTags,
};

export function createElbv2Service(options: Elbv2Options = {}): Elbv2Service {
  const c: Elbv2Context = {
    state: emptyState(),
    ec2: options,
    provisioningMs: options.durations?.provisioning ?? DURATIONS.loadBalancerProvisioningToActive,
    registrationMs: options.durations?.targetRegistration ?? DEFAULT_REGISTRATION_MS,
  };
  const operations: Record<string, OperationHandler> = Object.fromEntries(
    Object.entries(HANDLERS).map(([name, handler]) => [name, (req, ctx) => handler(c, req, ctx)]),
  );

  return {
    fleet: elbv2Fleet(c),
    name: 'elasticloadbalancing',
    protocol: 'query',
    namespace: ELBV2_NAMESPACE,
    operations,
    authorization: (req, ctx) => elbv2Authorization(c.state, req, ctx),
    inventory(ctx) {
      const now = ctx.clock.now();
      const out: Array<{ kind: string; id: string; state?: string; tags: Record<string, string> }> = [];
      for (const lb of Object.values(c.state.loadBalancers))
        out.push({ kind: 'load-balancer', id: lb.arn, state: lbState(lb, now), tags: toMap(lb.tags) });
      for (const l of Object.values(c.state.listeners))
        out.push({ kind: 'listener', id: l.arn, tags: toMap(l.tags) });
      for (const tg of Object.values(c.state.targetGroups)) {
        prune(tg, now);
        out.push({ kind: 'target-group', id: tg.arn, tags: toMap(tg.tags) });
        for (const t of tg.targets)
          out.push({
            kind: 'target',
            id: `${tg.arn}/${t.id}:${t.port}`,
            state: health(c, tg, t, ctx).State,
            tags: {},
          });
      }
      return out;
    },
    snapshotState() {
      return JSON.parse(JSON.stringify(c.state)) as State;
    },
    restoreState(saved) {
      const s = (saved ?? {}) as Partial<State>;
      c.state = {
        loadBalancers: s.loadBalancers ?? {},
        targetGroups: s.targetGroups ?? {},
        listeners: s.listeners ?? {},
      };
    },
    reset() {
      c.state = emptyState();
    },
    loadBalancerByDnsName(dnsName) {
      const n = dnsName
        .toLowerCase()
        .replace(/\.$/, '')
        .replace(/^dualstack\./, '');
      const lb = Object.values(c.state.loadBalancers).find((x) => x.dnsName.toLowerCase() === n);
      return lb
        ? { dnsName: lb.dnsName, canonicalHostedZoneId: lb.canonicalHostedZoneId, arn: lb.arn }
        : undefined;
    },
  };
}
