// CreateListener / DescribeListeners / DeleteListener: protocols per load balancer type,
// certificates for secure listeners, one load balancer per target group, idempotent creates.
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { objects, str, strings } from '../common/params.js';
import { parseActions } from './actions.js';
import { int, pageOf, tagsParam, validation } from './params.js';
import { listenerOut } from './render.js';
import {
  actionTargetGroups,
  hexId,
  lbArnsOf,
  listenerByArn,
  listenerNotFound,
  requireLb,
  type Action,
  type Elbv2Context,
  type Listener,
  type LoadBalancer,
} from './state.js';

const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/** Throws unless every forwarded-to group may serve this load balancer. */
function checkTargetGroups(c: Elbv2Context, lb: LoadBalancer, actions: Action[]): void {
  for (const a of actions) {
    for (const tgArn of actionTargetGroups(a)) {
      const others = lbArnsOf(c.state, tgArn).filter((x) => x !== lb.arn);
      if (others.length > 0)
        throw new AwsError(
          'TargetGroupAssociationLimit',
          `The following target groups cannot be associated with more than one load balancer: ${tgArn}`,
          400,
        );
      // parseActions checked that the group exists.
      const tg = c.state.targetGroups[tgArn]!;
      if (tg.vpcId && tg.vpcId !== lb.vpcId)
        throw validation(`The target group '${tgArn}' is not in the same VPC as the load balancer`);
    }
  }
}

export function createListener(
  c: Elbv2Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const lb = requireLb(c.state, str(p['LoadBalancerArn']), req.region);
  const protocol = str(p['Protocol']) ?? (lb.type === 'application' ? 'HTTP' : 'TCP');
  const allowed = lb.type === 'application' ? ['HTTP', 'HTTPS'] : ['TCP', 'TLS', 'UDP', 'TCP_UDP'];
  if (!allowed.includes(protocol))
    throw new AwsError(
      'UnsupportedProtocol',
      `Protocol '${protocol}' is not supported by ${lb.type} load balancers`,
      400,
    );
  const port = int(p['Port'], 'Port') ?? (protocol === 'HTTPS' || protocol === 'TLS' ? 443 : 80);
  if (port < 1 || port > 65535)
    throw validation(
      `1 validation error detected: Value '${port}' at 'port' failed to satisfy constraint: Member must have value between 1 and 65535`,
    );
  const certificates = objects(p['Certificates'], 'member')
    .map((cert) => str(cert['CertificateArn']) ?? '')
    .filter((arn) => arn !== '');
  const secure = protocol === 'HTTPS' || protocol === 'TLS';
  if (secure && certificates.length === 0)
    throw validation(`A certificate must be specified for ${protocol} listeners`);
  for (const cert of certificates) {
    if (!/^arn:aws[a-z-]*:(acm|iam):/.test(cert))
      throw new AwsError('CertificateNotFound', `Certificate '${cert}' not found`, 400);
  }
  const sslPolicy = secure ? (str(p['SslPolicy']) ?? DEFAULT_SSL_POLICY) : undefined;
  const alpn = strings(p['AlpnPolicy'], 'member');
  const actions = parseActions(c.state, p['DefaultActions'], req.region);
  checkTargetGroups(c, lb, actions);
  const tags = tagsParam(p['Tags']);
  const existing = Object.values(c.state.listeners).find(
    (l) => l.loadBalancerArn === lb.arn && l.port === port,
  );
  if (existing) {
    const same =
      existing.protocol === protocol &&
      JSON.stringify(existing.actions) === JSON.stringify(actions) &&
      JSON.stringify([...existing.certificates].sort()) === JSON.stringify([...certificates].sort()) &&
      existing.sslPolicy === sslPolicy;
    if (!same)
      throw new AwsError(
        'DuplicateListener',
        `A listener already exists on this port for this load balancer '${lb.arn}'`,
        400,
      );
    return { Listeners: [listenerOut(existing)] };
  }
  const lbPath = lb.arn.slice(lb.arn.indexOf(':loadbalancer/') + ':loadbalancer/'.length);
  const listener: Listener = {
    arn: `arn:aws:elasticloadbalancing:${req.region}:${ctx.accountId}:listener/${lbPath}/${hexId(ctx, 'listener', 16)}`,
    loadBalancerArn: lb.arn,
    region: req.region,
    port,
    protocol,
    certificates,
    ...(sslPolicy ? { sslPolicy } : {}),
    ...(alpn.length > 0 ? { alpnPolicy: alpn } : {}),
    actions,
    createdAt: ctx.clock.now(),
    tags,
  };
  c.state.listeners[listener.arn] = listener;
  return { Listeners: [listenerOut(listener)] };
}

export function describeListeners(c: Elbv2Context, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const lbArn = str(p['LoadBalancerArn']);
  const arns = strings(p['ListenerArns'], 'member');
  if (!lbArn && arns.length === 0)
    throw validation('You must specify either listener ARNs or a load balancer ARN');
  if (lbArn && arns.length > 0)
    throw validation('Listener ARNs and a load balancer ARN cannot be specified at the same time');
  let found: Listener[];
  if (lbArn) {
    requireLb(c.state, lbArn, req.region);
    found = Object.values(c.state.listeners).filter((l) => l.loadBalancerArn === lbArn);
  } else {
    found = arns
      .map((a) => listenerByArn(c.state, a, req.region))
      .filter((l): l is Listener => l !== undefined);
    if (found.length < new Set(arns).size)
      throw new AwsError('ListenerNotFound', 'One or more listeners not found', 400);
  }
  found.sort((a, b) => a.port - b.port);
  const { page, NextMarker } = pageOf(found, p);
  return { Listeners: page.map(listenerOut), ...(NextMarker ? { NextMarker } : {}) };
}

export function deleteListener(c: Elbv2Context, req: SandboxRequest): Record<string, unknown> {
  const arn = str(req.params['ListenerArn']) ?? '';
  if (!listenerByArn(c.state, arn, req.region)) throw listenerNotFound(arn);
  delete c.state.listeners[arn];
  return {};
}
