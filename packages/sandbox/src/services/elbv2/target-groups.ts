// CreateTargetGroup / DescribeTargetGroups / DeleteTargetGroup: health check defaults per
// protocol and target type, idempotent creates, groups in use by a listener kept.
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { boolean, required, str, strings, type Params } from '../common/params.js';
import { ALB_TG_ATTRIBUTES, NLB_TG_ATTRIBUTES } from './attributes.js';
import { checkName, int, MAX_TAGS, pageOf, tagsParam, validation } from './params.js';
import { tgOut } from './render.js';
import {
  hexId,
  lbArnsOf,
  listenersUsing,
  requireLb,
  tgByArn,
  type Elbv2Context,
  type HealthCheck,
  type TargetGroup,
} from './state.js';

const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE'];

/** The health check a create call asks for, with AWS's defaults filled in. */
function healthCheckParam(
  p: Params,
  http: boolean,
  protocol: string | undefined,
  targetType: string,
): HealthCheck {
  const hcProtocol = str(p['HealthCheckProtocol']) ?? (http ? (protocol ?? 'HTTP') : 'TCP');
  const hcHttp = hcProtocol === 'HTTP' || hcProtocol === 'HTTPS';
  const interval =
    int(p['HealthCheckIntervalSeconds'], 'HealthCheckIntervalSeconds') ?? (targetType === 'lambda' ? 35 : 30);
  const timeout =
    int(p['HealthCheckTimeoutSeconds'], 'HealthCheckTimeoutSeconds') ??
    (targetType === 'lambda' ? 30 : hcHttp ? 5 : 10);
  const healthy = int(p['HealthyThresholdCount'], 'HealthyThresholdCount') ?? 5;
  const unhealthy = int(p['UnhealthyThresholdCount'], 'UnhealthyThresholdCount') ?? 2;
  if (interval < 5 || interval > 300)
    throw validation(`Health check interval '${interval}' must be between 5 and 300 seconds`);
  if (timeout < 2 || timeout > 120)
    throw validation(`Health check timeout '${timeout}' must be between 2 and 120 seconds`);
  if (timeout >= interval) throw validation(`Health check interval must be greater than the timeout.`);
  if (healthy < 2 || healthy > 10)
    throw validation(`Healthy threshold count '${healthy}' must be between 2 and 10`);
  if (unhealthy < 2 || unhealthy > 10)
    throw validation(`Unhealthy threshold count '${unhealthy}' must be between 2 and 10`);
  const path = str(p['HealthCheckPath']);
  if (path !== undefined && !path.startsWith('/'))
    throw validation(`Health check path '${path}' must begin with a '/' character`);
  const matcherRaw = p['Matcher'] as Record<string, unknown> | undefined;
  return {
    HealthCheckProtocol: hcProtocol,
    HealthCheckPort: str(p['HealthCheckPort']) ?? 'traffic-port',
    HealthCheckEnabled: boolean(p['HealthCheckEnabled']) ?? true,
    ...(hcHttp ? { HealthCheckPath: path ?? '/' } : {}),
    HealthCheckIntervalSeconds: interval,
    HealthCheckTimeoutSeconds: timeout,
    HealthyThresholdCount: healthy,
    UnhealthyThresholdCount: unhealthy,
    ...(hcHttp ? { Matcher: { HttpCode: str(matcherRaw?.['HttpCode']) ?? '200' } } : {}),
  };
}

export function createTargetGroup(
  c: Elbv2Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const name = checkName('Target group', str(p['Name']));
  const targetType = str(p['TargetType']) ?? 'instance';
  if (!['instance', 'ip', 'lambda', 'alb'].includes(targetType))
    throw validation(`Target type '${targetType}' must be one of 'instance, ip, lambda, alb'`);
  const protocol = str(p['Protocol']);
  const port = int(p['Port'], 'Port');
  const vpcId = str(p['VpcId']);
  if (targetType !== 'lambda') {
    if (!protocol) throw validation('A protocol must be specified');
    if (port === undefined) throw validation('A port must be specified');
    if (!vpcId) throw validation('A VPC ID must be specified');
  }
  if (protocol && !PROTOCOLS.includes(protocol)) {
    throw validation(
      `1 validation error detected: Value '${protocol}' at 'protocol' failed to satisfy constraint: Member must satisfy enum value set: [${PROTOCOLS.join(', ')}]`,
    );
  }
  if (port !== undefined && (port < 1 || port > 65535))
    throw validation(
      `1 validation error detected: Value '${port}' at 'port' failed to satisfy constraint: Member must have value between 1 and 65535`,
    );
  const http = protocol === 'HTTP' || protocol === 'HTTPS' || targetType === 'lambda';
  const healthCheck = healthCheckParam(p, http, protocol, targetType);
  const protocolVersion =
    str(p['ProtocolVersion']) ?? (http && targetType !== 'lambda' ? 'HTTP1' : undefined);
  const tags = tagsParam(p['Tags']);
  const ipAddressType = str(p['IpAddressType']) ?? 'ipv4';

  const existing = Object.values(c.state.targetGroups).find(
    (tg) => tg.region === req.region && tg.name === name,
  );
  if (existing) {
    const same =
      existing.protocol === protocol &&
      existing.port === port &&
      existing.vpcId === vpcId &&
      existing.targetType === targetType &&
      JSON.stringify(existing.healthCheck) === JSON.stringify(healthCheck);
    if (!same)
      throw new AwsError(
        'DuplicateTargetGroupName',
        `A target group with the same name '${name}' exists, but with different settings`,
        400,
      );
    return { TargetGroups: [tgOut(c.state, existing)] };
  }
  // Checked before the ARN exists, so (unlike the other resources) the message names none.
  if (tags.length > MAX_TAGS)
    throw new AwsError('TooManyTags', `The following resource(s) have too many tags`, 400);
  const tg: TargetGroup = {
    arn: `arn:aws:elasticloadbalancing:${req.region}:${ctx.accountId}:targetgroup/${name}/${hexId(ctx, 'tg', 16)}`,
    name,
    region: req.region,
    ...(protocol ? { protocol } : {}),
    ...(protocolVersion ? { protocolVersion } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(vpcId ? { vpcId } : {}),
    targetType,
    ipAddressType,
    healthCheck,
    attributes: { ...(http ? ALB_TG_ATTRIBUTES : NLB_TG_ATTRIBUTES) },
    targets: [],
    tags,
  };
  c.state.targetGroups[tg.arn] = tg;
  return { TargetGroups: [tgOut(c.state, tg)] };
}

export function describeTargetGroups(c: Elbv2Context, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const lbArn = str(p['LoadBalancerArn']);
  const arns = strings(p['TargetGroupArns'], 'member');
  const names = strings(p['Names'], 'member');
  if ([lbArn !== undefined && lbArn !== '', arns.length > 0, names.length > 0].filter(Boolean).length > 1) {
    throw validation(
      'Target group names, target group ARNs, and a load balancer ARN cannot be specified at the same time',
    );
  }
  let found = Object.values(c.state.targetGroups)
    .filter((tg) => tg.region === req.region)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.arn < b.arn ? -1 : 1));
  if (lbArn) {
    requireLb(c.state, lbArn, req.region);
    found = found.filter((tg) => lbArnsOf(c.state, tg.arn).includes(lbArn));
  } else if (arns.length > 0) {
    found = found.filter((tg) => arns.includes(tg.arn));
    if (found.length < new Set(arns).size)
      throw new AwsError('TargetGroupNotFound', 'One or more target groups not found', 400);
  } else if (names.length > 0) {
    found = found.filter((tg) => names.includes(tg.name));
    const missing = names.filter((n) => !found.some((tg) => tg.name === n));
    if (missing.length > 0)
      throw new AwsError('TargetGroupNotFound', `Target groups '[${missing.join(', ')}]' not found`, 400);
  }
  const { page, NextMarker } = pageOf(found, p);
  return { TargetGroups: page.map((tg) => tgOut(c.state, tg)), ...(NextMarker ? { NextMarker } : {}) };
}

/** An unknown group is not an error; one a listener forwards to is. */
export function deleteTargetGroup(c: Elbv2Context, req: SandboxRequest): Record<string, unknown> {
  const arn = required(req.params, 'TargetGroupArn', () =>
    validation('A target group ARN must be specified'),
  );
  if (tgByArn(c.state, arn, req.region)) {
    if (listenersUsing(c.state, arn).length > 0)
      throw new AwsError(
        'ResourceInUse',
        `Target group '${arn}' is currently in use by a listener or a rule`,
        400,
      );
    delete c.state.targetGroups[arn];
  }
  return {};
}
