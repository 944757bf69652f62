// RegisterTargets / DeregisterTargets / DescribeTargetHealth: running instances only (in
// the group's VPC), re-registering a draining target, draining for the deregistration delay.
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { objects, str } from '../common/params.js';
import { health } from './health.js';
import { int, validation } from './params.js';
import {
  listenersUsing,
  prune,
  requireTg,
  type Elbv2Context,
  type Target,
  type TargetGroup,
} from './state.js';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

interface TargetParam {
  id: string;
  port: number;
  availabilityZone?: string;
  /** Whether the request named the port (else the group's port stands in). */
  portGiven: boolean;
}

function targetList(req: SandboxRequest, tg: TargetGroup): TargetParam[] {
  return objects(req.params['Targets'], 'member').map((t) => {
    const id = str(t['Id']) ?? '';
    const port = int(t['Port'], 'Port');
    if (port !== undefined && (port < 1 || port > 65535))
      throw validation(`Port '${port}' must be between 1 and 65535`);
    const az = str(t['AvailabilityZone']);
    return {
      id,
      port: port ?? tg.port ?? 0,
      portGiven: port !== undefined,
      ...(az ? { availabilityZone: az } : {}),
    };
  });
}

/** Throws unless every target may be registered in the group. */
function checkTargets(c: Elbv2Context, tg: TargetGroup, targets: TargetParam[], region: string): void {
  const notRunning: string[] = [];
  const wrongVpc: string[] = [];
  for (const t of targets) {
    if (tg.targetType === 'instance') {
      if (!/^i-[0-9a-f]{8,17}$/.test(t.id)) throw validation(`Instance ID '${t.id}' is not valid`);
      if (c.ec2.instance) {
        const inst = c.ec2.instance(t.id, region);
        if (!inst || inst.state !== 'running') notRunning.push(t.id);
        else if (inst.vpcId && tg.vpcId && inst.vpcId !== tg.vpcId) wrongVpc.push(t.id);
      }
    } else if (tg.targetType === 'ip' && !IPV4.test(t.id)) {
      throw validation(`The IP address '${t.id}' is not a valid IPv4 address`);
    }
    if (t.port < 1 || t.port > 65535)
      throw validation('A port must be specified for each target when the target group has no port');
  }
  if (notRunning.length > 0)
    throw new AwsError(
      'InvalidTarget',
      `The following targets are not in a running state and cannot be registered: '${notRunning.join(', ')}'`,
      400,
    );
  if (wrongVpc.length > 0)
    throw new AwsError(
      'InvalidTarget',
      `The following targets are not in the target group VPC '${tg.vpcId}': '${wrongVpc.join(', ')}'`,
      400,
    );
}

export function registerTargets(
  c: Elbv2Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const tg = requireTg(c.state, str(req.params['TargetGroupArn']), req.region);
  const targets = targetList(req, tg);
  if (targets.length === 0) throw validation('At least one target must be specified');
  const now = ctx.clock.now();
  prune(tg, now);
  checkTargets(c, tg, targets, req.region);
  for (const t of targets) {
    const existing = tg.targets.find((x) => x.id === t.id && x.port === t.port);
    if (existing && existing.drainUntil === undefined) continue;
    const az =
      t.availabilityZone ??
      (tg.targetType === 'instance' ? c.ec2.instance?.(t.id, req.region)?.availabilityZone : undefined);
    const fresh: Target = {
      id: t.id,
      port: t.port,
      registeredAt: now,
      ...(az ? { availabilityZone: az } : {}),
    };
    if (existing)
      Object.assign(existing, fresh, { drainUntil: undefined, verdict: undefined, verdictAt: undefined });
    else tg.targets.push(fresh);
  }
  // Keep the state JSON-clean (no undefined members).
  tg.targets = tg.targets.map((t) => JSON.parse(JSON.stringify(t)) as Target);
  return {};
}

export function deregisterTargets(
  c: Elbv2Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const tg = requireTg(c.state, str(req.params['TargetGroupArn']), req.region);
  const targets = targetList(req, tg);
  if (targets.length === 0) throw validation('At least one target must be specified');
  const now = ctx.clock.now();
  prune(tg, now);
  const missing = targets.filter(
    (t) => !tg.targets.some((x) => x.id === t.id && (!t.portGiven || x.port === t.port)),
  );
  if (missing.length > 0) {
    throw new AwsError(
      'InvalidTarget',
      `The following targets are not registered in target group '${tg.arn}': '${missing.map((t) => t.id).join(', ')}'`,
      400,
    );
  }
  // A group no listener uses has no connections to drain.
  const inUse = listenersUsing(c.state, tg.arn).length > 0;
  const delay = Number(tg.attributes['deregistration_delay.timeout_seconds'] ?? '300') * 1000;
  for (const t of targets) {
    for (const x of tg.targets) {
      if (x.id !== t.id || (t.portGiven && x.port !== t.port) || x.drainUntil !== undefined) continue;
      x.drainUntil = inUse ? now + delay : now;
    }
  }
  prune(tg, now);
  return {};
}

const healthCheckPort = (tg: TargetGroup, port: number): string | undefined =>
  tg.healthCheck.HealthCheckPort === 'traffic-port' ? String(port) : tg.healthCheck.HealthCheckPort;

/** All registered targets, or the asked ones (unregistered ones as `unused`). */
export function describeTargetHealth(
  c: Elbv2Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const tg = requireTg(c.state, str(req.params['TargetGroupArn']), req.region);
  const now = ctx.clock.now();
  prune(tg, now);
  const asked = targetList(req, tg);
  const describe = (t: Target): Record<string, unknown> => ({
    Target: {
      Id: t.id,
      Port: t.port,
      ...(t.availabilityZone ? { AvailabilityZone: t.availabilityZone } : {}),
    },
    HealthCheckPort: healthCheckPort(tg, t.port),
    TargetHealth: health(c, tg, t, ctx),
  });
  if (asked.length === 0) return { TargetHealthDescriptions: tg.targets.map(describe) };
  const out: Array<Record<string, unknown>> = [];
  for (const a of asked) {
    if (tg.targetType === 'instance' && c.ec2.instance && !c.ec2.instance(a.id, req.region)) {
      throw new AwsError('InvalidTarget', `The following targets are not valid instances: '${a.id}'`, 400);
    }
    const matches = tg.targets.filter((t) => t.id === a.id && (!a.portGiven || t.port === a.port));
    if (matches.length > 0) out.push(...matches.map(describe));
    else {
      out.push({
        Target: { Id: a.id, Port: a.port },
        HealthCheckPort: healthCheckPort(tg, a.port),
        TargetHealth: {
          State: 'unused',
          Reason: 'Target.NotRegistered',
          Description: 'Target is not registered to the target group',
        },
      });
    }
  }
  return { TargetHealthDescriptions: out };
}
