// Amazon EC2 Auto Scaling (awsQuery, version 2011-01-01): groups launched from EC2 launch
// templates (plain or with a mixed instances policy) across their subnets' zones, attached
// to ELBv2 target groups, with health checks, replacement, scaling activities, target
// tracking policies and tags. A group acts on its own (reconcile.ts): before every Auto
// Scaling, EC2 and ELBv2 call the registry (services/index.ts) settles the groups up to
// now, so a replacement becomes healthy in its target group with no call by anyone.
//
// EC2 and ELBv2 are reached through the explicit dependencies given to the factory.
import type { EmulatedService, OperationHandler, SandboxRequest, ServiceContext } from '../../service.js';
import { autoscalingAuthorization } from './authorization.js';
import {
  createAutoScalingGroup,
  deleteAutoScalingGroup,
  describeAutoScalingGroups,
  updateAutoScalingGroup,
} from './groups.js';
import {
  describeAutoScalingInstances,
  describeScalingActivities,
  setDesiredCapacity,
  terminateInstanceInAutoScalingGroup,
} from './instances.js';
import { deletePolicy, describePolicies, putScalingPolicy } from './policies.js';
import { settleGroups } from './reconcile.js';
import { emptyState, type AsgContext, type AsgDeps, type State } from './state.js';
import { createOrUpdateTags, deleteTags, describeTags } from './tags.js';

export type { AsgDeps } from './state.js';

export const AUTOSCALING_NAMESPACE = 'http://autoscaling.amazonaws.com/doc/2011-01-01/';

type Handler = (c: AsgContext, req: SandboxRequest, ctx: ServiceContext) => Record<string, unknown>;

const HANDLERS: Record<string, Handler> = {
  CreateAutoScalingGroup: createAutoScalingGroup,
  UpdateAutoScalingGroup: updateAutoScalingGroup,
  DeleteAutoScalingGroup: deleteAutoScalingGroup,
  DescribeAutoScalingGroups: describeAutoScalingGroups,
  DescribeAutoScalingInstances: describeAutoScalingInstances,
  DescribeScalingActivities: describeScalingActivities,
  SetDesiredCapacity: setDesiredCapacity,
  TerminateInstanceInAutoScalingGroup: terminateInstanceInAutoScalingGroup,
  PutScalingPolicy: putScalingPolicy,
  DescribePolicies: describePolicies,
  DeletePolicy: deletePolicy,
  CreateOrUpdateTags: createOrUpdateTags,
  DeleteTags: deleteTags,
  DescribeTags: describeTags,
};

export type AutoScalingService = EmulatedService & {
  /** Work out every group's own actions up to now (launches, registrations, replacements). */
  settle(ctx: ServiceContext): void;
};

export function createAutoScalingService(deps: AsgDeps): AutoScalingService {
  const c: AsgContext = { state: emptyState(), deps };
  const operations: Record<string, OperationHandler> = Object.fromEntries(
    Object.entries(HANDLERS).map(([name, handler]) => [
      name,
      (req: SandboxRequest, ctx: ServiceContext) => {
        settleGroups(c, ctx);
        return handler(c, req, ctx);
      },
    ]),
  );
  return {
    name: 'autoscaling',
    protocol: 'query',
    namespace: AUTOSCALING_NAMESPACE,
    operations,
    settle: (ctx) => settleGroups(c, ctx),
    authorization: (req, ctx) => autoscalingAuthorization(c, req, ctx),
    inventory(ctx) {
      settleGroups(c, ctx);
      return Object.values(c.state.groups).map((g) => ({
        kind: 'auto-scaling-group',
        id: g.arn,
        state: g.deleting
          ? 'Delete in progress'
          : `${g.members.filter((m) => m.lifecycle === 'InService').length}/${g.desired} InService`,
        tags: Object.fromEntries(g.tags.map((t) => [t.key, t.value])),
      }));
    },
    snapshotState: () => structuredClone(c.state),
    restoreState(saved) {
      c.state = { ...emptyState(), ...(structuredClone(saved ?? {}) as Partial<State>) };
    },
    reset() {
      c.state = emptyState();
    },
  };
}
