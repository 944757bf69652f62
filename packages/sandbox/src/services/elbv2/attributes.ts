// Target group attributes: AWS's defaults per kind of group, and
// Modify/DescribeTargetGroupAttributes (only known keys, values checked per key).
import type { SandboxRequest } from '../../service.js';
import { objects, str } from '../common/params.js';
import { validation } from './params.js';
import { requireTg, type Elbv2Context } from './state.js';

/** Defaults of HTTP(S) and Lambda target groups (application load balancers). */
export const ALB_TG_ATTRIBUTES: Record<string, string> = {
  'deregistration_delay.timeout_seconds': '300',
  'stickiness.enabled': 'false',
  'stickiness.type': 'lb_cookie',
  'stickiness.lb_cookie.duration_seconds': '86400',
  'stickiness.app_cookie.cookie_name': '',
  'stickiness.app_cookie.duration_seconds': '86400',
  'slow_start.duration_seconds': '0',
  'load_balancing.algorithm.type': 'round_robin',
  'load_balancing.algorithm.anomaly_mitigation': 'off',
  'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  'target_group_health.dns_failover.minimum_healthy_targets.count': '1',
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': 'off',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': '1',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': 'off',
};
/** Defaults of the other target groups (network load balancers). */
export const NLB_TG_ATTRIBUTES: Record<string, string> = {
  'deregistration_delay.timeout_seconds': '300',
  'deregistration_delay.connection_termination.enabled': 'false',
  'stickiness.enabled': 'false',
  'stickiness.type': 'source_ip',
  'proxy_protocol_v2.enabled': 'false',
  'preserve_client_ip.enabled': 'true',
  'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  'target_health_state.unhealthy.connection_termination.enabled': 'true',
  'target_group_health.dns_failover.minimum_healthy_targets.count': '1',
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': 'off',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': '1',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': 'off',
};

const attributesOut = (attributes: Record<string, string>): Record<string, unknown> => ({
  Attributes: Object.entries(attributes).map(([Key, Value]) => ({ Key, Value })),
});

/** Throws when `Value` is not a valid value of attribute `Key`. */
function checkAttribute(Key: string, Value: string): void {
  const int = (lo: number, hi: number): void => {
    if (!/^\d+$/.test(Value) || Number(Value) < lo || Number(Value) > hi)
      throw validation(
        `Target group attribute '${Key}' value '${Value}' must be an integer between ${lo} and ${hi}`,
      );
  };
  if (Key === 'deregistration_delay.timeout_seconds') int(0, 3600);
  if (Key === 'stickiness.lb_cookie.duration_seconds' || Key === 'stickiness.app_cookie.duration_seconds')
    int(1, 604800);
  if (Key === 'slow_start.duration_seconds' && Value !== '0') int(30, 900);
  if (
    Key.endsWith('.enabled') &&
    Key !== 'load_balancing.cross_zone.enabled' &&
    Value !== 'true' &&
    Value !== 'false'
  ) {
    throw validation(`Target group attribute '${Key}' value '${Value}' must be 'true' or 'false'`);
  }
}

/** All-or-nothing: one bad attribute leaves the group's attributes as they were. */
export function modifyTargetGroupAttributes(c: Elbv2Context, req: SandboxRequest): Record<string, unknown> {
  const tg = requireTg(c.state, str(req.params['TargetGroupArn']), req.region);
  const attrs = objects(req.params['Attributes'], 'member').map((a) => ({
    Key: str(a['Key']) ?? '',
    Value: str(a['Value']) ?? '',
  }));
  if (attrs.length === 0) throw validation('At least one attribute must be specified');
  const next = { ...tg.attributes };
  for (const { Key, Value } of attrs) {
    if (!(Key in tg.attributes)) throw validation(`Target group attribute key '${Key}' is not recognized`);
    checkAttribute(Key, Value);
    next[Key] = Value;
  }
  tg.attributes = next;
  return attributesOut(tg.attributes);
}

export function describeTargetGroupAttributes(c: Elbv2Context, req: SandboxRequest): Record<string, unknown> {
  const tg = requireTg(c.state, str(req.params['TargetGroupArn']), req.region);
  return attributesOut(tg.attributes);
}
