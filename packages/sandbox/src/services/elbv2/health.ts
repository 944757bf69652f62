// Target health, computed lazily from the clock: a target is `initial` until a
// registration delay plus one health-check interval after it was registered AND its
// target group is used by a listener AND the load balancer is active, then `healthy`
// (or `unhealthy`/Target.Timeout when the `target-never-healthy` fault matches it);
// a deregistered target is `draining` for the group's deregistration delay.
import type { ServiceContext } from '../../service.js';
import { listenersUsing, type Elbv2Context, type Target, type TargetGroup } from './state.js';

export interface TargetHealth {
  State: string;
  Reason?: string;
  Description?: string;
}

/** The health of `t` now; decides (and records on `t`) the verdict once it is due. */
export function health(c: Elbv2Context, tg: TargetGroup, t: Target, ctx: ServiceContext): TargetHealth {
  const now = ctx.clock.now();
  if (t.drainUntil !== undefined)
    return {
      State: 'draining',
      Reason: 'Target.DeregistrationInProgress',
      Description: 'Target deregistration is in progress',
    };
  if (tg.targetType === 'instance' && c.ec2.instance) {
    const inst = c.ec2.instance(t.id, tg.region);
    const st = inst?.state ?? 'terminated';
    if (st !== 'running')
      return { State: 'unused', Reason: 'Target.InvalidState', Description: `Target is in the ${st} state` };
  }
  const listeners = listenersUsing(c.state, tg.arn);
  if (listeners.length === 0)
    return {
      State: 'unused',
      Reason: 'Target.NotInUse',
      Description: 'Target group is not configured to receive traffic from the load balancer',
    };
  if (!tg.healthCheck.HealthCheckEnabled)
    return {
      State: 'unavailable',
      Reason: 'Target.HealthCheckDisabled',
      Description: 'Health checks are disabled',
    };
  const inUseSince = Math.min(...listeners.map((l) => l.createdAt));
  const lbActiveAt = Math.min(
    ...listeners.map((l) => c.state.loadBalancers[l.loadBalancerArn]?.activeAt ?? l.createdAt),
  );
  const checksFrom = Math.max(t.registeredAt, inUseSince, lbActiveAt);
  const healthyAt = checksFrom + c.registrationMs + tg.healthCheck.HealthCheckIntervalSeconds * 1000;
  if (now < checksFrom + c.registrationMs)
    return {
      State: 'initial',
      Reason: 'Elb.RegistrationInProgress',
      Description: 'Target registration is in progress',
    };
  if (now < healthyAt)
    return {
      State: 'initial',
      Reason: 'Elb.InitialHealthChecking',
      Description: 'Initial health checks in progress',
    };
  if (t.verdictAt !== healthyAt || t.verdict === undefined) {
    const never = ctx.faults.active('target-never-healthy', {
      targetGroupArn: tg.arn,
      targetGroupName: tg.name,
      id: t.id,
      port: String(t.port),
    });
    t.verdict = never ? 'unhealthy' : 'healthy';
    t.verdictAt = healthyAt;
  }
  if (t.verdict === 'unhealthy')
    return { State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' };
  return { State: 'healthy' };
}
