// Elastic Load Balancing v2 (awsQuery): application (and basic network) load balancers,
// target groups, listeners, targets and their health, tags and target group attributes,
// with AWS's rules: name formats, subnets in two zones, idempotent creates, the
// not-found / duplicate / in-use errors, running instances only as targets.
//
// Time is lazy: a load balancer is `provisioning` until `DURATIONS.
// loadBalancerProvisioningToActive` after creation; a target is `initial` until a
// registration delay plus one health-check interval after it was registered AND its
// target group is used by a listener AND the load balancer is active, then `healthy`
// (or `unhealthy`/Target.Timeout when the `target-never-healthy` fault matches it);
// a deregistered target is `draining` for the group's deregistration delay.
// EC2 is consulted through lookups passed to the factory (subnets, instances, groups).
import { DURATIONS } from '../durations.js';
import {
  AwsError,
  listParam,
  type EmulatedService,
  type OperationHandler,
  type SandboxRequest,
  type ServiceContext,
} from '../service.js';

export const ELBV2_NAMESPACE = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

/** Route 53 hosted zone ids of load balancers' DNS names, per region (Elastic Load
 *  Balancing endpoints, https://docs.aws.amazon.com/general/latest/gr/elb.html). */
export const ALB_HOSTED_ZONE_IDS: Record<string, string> = {
  'us-east-1': 'Z35SXDOTRQ7X7K',
  'us-east-2': 'Z3AADJGX6KTTL2',
  'us-west-1': 'Z368ELLRRE2KJ0',
  'us-west-2': 'Z1H1FL5HABSF5',
  'ca-central-1': 'ZQSVJUPU6J1EY',
  'eu-central-1': 'Z215JYRZR1TBD5',
  'eu-west-1': 'Z32O12XQLNTSW2',
  'eu-west-2': 'ZHURV8PSTC4K8',
  'eu-west-3': 'Z3Q77PNBQS71R4',
  'ap-northeast-1': 'Z14GRHDCWA56QT',
  'ap-northeast-2': 'ZWKZPGTI48KDX',
  'ap-southeast-1': 'Z1LMS91P8CMLE5',
  'ap-southeast-2': 'Z1GM3OXH4ZPM65',
  'ap-south-1': 'ZP97RAFLXTNZK',
  'sa-east-1': 'Z2P70J7HTTTPLU',
};
export const NLB_HOSTED_ZONE_IDS: Record<string, string> = {
  'us-east-1': 'Z26RNL4JYFTOTI',
  'us-east-2': 'ZLMOA37VPKANP',
  'us-west-2': 'Z18D5FSROUN65G',
  'eu-west-1': 'Z2IFOLAFXWLO4F',
  'eu-central-1': 'Z3F0SRJ5LGBH90',
};

/** What ELBv2 needs to know about EC2 (wired to the EC2 service by the front). */
export interface Elbv2Options {
  /** A subnet in `region`, or undefined when it does not exist. */
  subnet?: (subnetId: string, region: string) => { availabilityZone: string; vpcId: string } | undefined;
  /** An instance in `region` with its state name (`running`, `stopped`, …), or undefined. */
  instance?: (
    instanceId: string,
    region: string,
  ) => { state: string; vpcId?: string; availabilityZone?: string } | undefined;
  /** A security group in `region`, or undefined. */
  securityGroup?: (groupId: string, region: string) => { vpcId: string } | undefined;
  /** Override the default durations (sandbox ms). */
  durations?: Partial<{ provisioning: number; targetRegistration: number }>;
}

interface Tags {
  tags: Array<{ Key: string; Value: string }>;
}

interface LoadBalancer extends Tags {
  arn: string;
  name: string;
  region: string;
  type: 'application' | 'network';
  scheme: 'internet-facing' | 'internal';
  ipAddressType: string;
  vpcId: string;
  dnsName: string;
  canonicalHostedZoneId: string;
  zones: Array<{ ZoneName: string; SubnetId: string }>;
  securityGroups: string[];
  createdAt: number;
  activeAt: number;
}

interface Target {
  id: string;
  port: number;
  availabilityZone?: string;
  registeredAt: number;
  /** Set while draining: when the target leaves the group. */
  drainUntil?: number;
  /** The health verdict, decided once at `verdictAt` (the first check after `healthyAt`). */
  verdict?: 'healthy' | 'unhealthy';
  verdictAt?: number;
}

interface HealthCheck {
  HealthCheckProtocol?: string;
  HealthCheckPort?: string;
  HealthCheckEnabled: boolean;
  HealthCheckPath?: string;
  HealthCheckIntervalSeconds: number;
  HealthCheckTimeoutSeconds: number;
  HealthyThresholdCount: number;
  UnhealthyThresholdCount: number;
  Matcher?: { HttpCode?: string; GrpcCode?: string };
}

interface TargetGroup extends Tags {
  arn: string;
  name: string;
  region: string;
  protocol?: string;
  protocolVersion?: string;
  port?: number;
  vpcId?: string;
  targetType: string;
  ipAddressType: string;
  healthCheck: HealthCheck;
  attributes: Record<string, string>;
  targets: Target[];
}

interface Action {
  Type: string;
  TargetGroupArn?: string;
  Order?: number;
  ForwardConfig?: {
    TargetGroups: Array<{ TargetGroupArn: string; Weight: number }>;
    TargetGroupStickinessConfig: { Enabled: boolean; DurationSeconds?: number };
  };
  FixedResponseConfig?: Record<string, string>;
  RedirectConfig?: Record<string, string>;
}

interface Listener extends Tags {
  arn: string;
  loadBalancerArn: string;
  region: string;
  port: number;
  protocol: string;
  certificates: string[];
  sslPolicy?: string;
  alpnPolicy?: string[];
  actions: Action[];
  createdAt: number;
}

interface State {
  loadBalancers: Record<string, LoadBalancer>;
  targetGroups: Record<string, TargetGroup>;
  listeners: Record<string, Listener>;
}

const emptyState = (): State => ({ loadBalancers: {}, targetGroups: {}, listeners: {} });

const ALB_TG_ATTRIBUTES: Record<string, string> = {
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
const NLB_TG_ATTRIBUTES: Record<string, string> = {
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

const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
/** The health checks AWS's default ALB (30 s interval) needs beyond the interval itself:
 *  DURATIONS.targetInitialToHealthy (45 s) = registration (15 s) + one 30 s check. */
const DEFAULT_REGISTRATION_MS = Math.max(0, DURATIONS.targetInitialToHealthy - 30_000);

// ---------------------------------------------------------------------------------------
// Parameter helpers

const validation = (message: string): AwsError => new AwsError('ValidationError', message, 400);

const str = (v: unknown): string | undefined =>
  v === undefined || v === null || typeof v === 'object' ? undefined : String(v);

function intParam(v: unknown, field: string): number | undefined {
  const s = str(v);
  if (s === undefined || s === '') return undefined;
  if (!/^-?\d+$/.test(s)) throw validation(`'${s}' is not a valid value for '${field}'`);
  return Number(s);
}

function boolParam(v: unknown): boolean | undefined {
  const s = str(v);
  return s === undefined || s === '' ? undefined : s.toLowerCase() === 'true';
}

const strList = (v: unknown): string[] =>
  listParam(v, 'member')
    .map((x) => str(x) ?? '')
    .filter((x) => x !== '');
const objList = (v: unknown): Array<Record<string, unknown>> =>
  listParam(v, 'member').filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');

function checkName(kind: 'Load balancer' | 'Target group', name: string | undefined): string {
  if (name === undefined || name === '') throw validation(`${kind} name cannot be empty`);
  if (name.length > 32) throw validation(`${kind} name '${name}' cannot be longer than '32' characters`);
  if (!/^[A-Za-z0-9-]+$/.test(name))
    throw validation(
      `${kind} name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`,
    );
  if (name.startsWith('-') || name.endsWith('-'))
    throw validation(`${kind} name '${name}' cannot begin or end with a hyphen(-)`);
  if (kind === 'Load balancer' && name.toLowerCase().startsWith('internal-'))
    throw validation(`${kind} name '${name}' cannot begin with 'internal-'`);
  return name;
}

function parseTags(v: unknown): Array<{ Key: string; Value: string }> {
  const tags = objList(v).map((t) => ({ Key: str(t['Key']) ?? '', Value: str(t['Value']) ?? '' }));
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.Key.length < 1 || t.Key.length > 128)
      throw validation(`Tag key '${t.Key}' must be between 1 and 128 characters long`);
    if (t.Value.length > 256)
      throw validation(`Tag value for key '${t.Key}' cannot be longer than 256 characters`);
    if (t.Key.toLowerCase().startsWith('aws:'))
      throw validation(`Tag key '${t.Key}' cannot start with the reserved prefix 'aws:'`);
    if (seen.has(t.Key))
      throw new AwsError('DuplicateTagKeys', `Tag key '${t.Key}' is specified more than once`, 400);
    seen.add(t.Key);
  }
  return tags;
}

function mergeTags(resource: Tags, add: Array<{ Key: string; Value: string }>, arn: string): void {
  const merged = [...resource.tags];
  for (const t of add) {
    const i = merged.findIndex((x) => x.Key === t.Key);
    if (i >= 0) merged[i] = t;
    else merged.push(t);
  }
  if (merged.length > 50)
    throw new AwsError('TooManyTags', `The following resource(s) have too many tags: '${arn}'`, 400);
  resource.tags = merged;
}

function hex(ctx: ServiceContext, prefix: string, length: number): string {
  const id = ctx.ids.next(prefix, length);
  return id.slice(id.lastIndexOf('-') + 1);
}

function pageParams(p: Record<string, unknown>): { start: number; size: number } {
  const size = intParam(p['PageSize'], 'PageSize') ?? 400;
  if (size < 1 || size > 400)
    throw validation(
      `1 validation error detected: Value '${size}' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400`,
    );
  const marker = str(p['Marker']);
  let start = 0;
  if (marker) {
    const decoded = Buffer.from(marker, 'base64').toString('utf8');
    if (!/^page:\d+$/.test(decoded)) throw validation(`Invalid marker '${marker}'`);
    start = Number(decoded.slice(5));
  }
  return { start, size };
}

function paginate<T>(items: T[], p: Record<string, unknown>): { page: T[]; NextMarker?: string } {
  const { start, size } = pageParams(p);
  const page = items.slice(start, start + size);
  const next =
    start + size < items.length ? Buffer.from(`page:${start + size}`).toString('base64') : undefined;
  return next ? { page, NextMarker: next } : { page };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

// ---------------------------------------------------------------------------------------

export type Elbv2Service = EmulatedService & {
  /** A load balancer by DNS name (any region; case-insensitive, without trailing dot or
   *  `dualstack.`), for Route 53 alias checks. */
  loadBalancerByDnsName(
    dnsName: string,
  ): { dnsName: string; canonicalHostedZoneId: string; arn: string } | undefined;
};

export function createElbv2Service(options: Elbv2Options = {}): Elbv2Service {
  let state = emptyState();
  const provisioningMs = options.durations?.provisioning ?? DURATIONS.loadBalancerProvisioningToActive;
  const registrationMs = options.durations?.targetRegistration ?? DEFAULT_REGISTRATION_MS;

  // ---- lookups -----------------------------------------------------------------------

  const lbByArn = (arn: string, region: string): LoadBalancer | undefined => {
    const lb = state.loadBalancers[arn];
    return lb && lb.region === region ? lb : undefined;
  };
  const tgByArn = (arn: string, region: string): TargetGroup | undefined => {
    const tg = state.targetGroups[arn];
    return tg && tg.region === region ? tg : undefined;
  };
  const listenerByArn = (arn: string, region: string): Listener | undefined => {
    const l = state.listeners[arn];
    return l && l.region === region ? l : undefined;
  };
  const requireLb = (arn: string | undefined, region: string): LoadBalancer => {
    const lb = arn ? lbByArn(arn, region) : undefined;
    if (!lb) throw new AwsError('LoadBalancerNotFound', `Load balancer '${arn ?? ''}' not found`, 400);
    return lb;
  };
  const requireTg = (arn: string | undefined, region: string): TargetGroup => {
    const tg = arn ? tgByArn(arn, region) : undefined;
    if (!tg) throw new AwsError('TargetGroupNotFound', `Target groups '${arn ?? ''}' not found`, 400);
    return tg;
  };

  const actionTargetGroups = (a: Action): string[] => {
    const arns = new Set<string>();
    if (a.TargetGroupArn) arns.add(a.TargetGroupArn);
    for (const t of a.ForwardConfig?.TargetGroups ?? []) arns.add(t.TargetGroupArn);
    return [...arns];
  };
  const listenersUsing = (tgArn: string): Listener[] =>
    Object.values(state.listeners).filter((l) =>
      l.actions.some((a) => actionTargetGroups(a).includes(tgArn)),
    );
  const lbArnsOf = (tgArn: string): string[] => [
    ...new Set(listenersUsing(tgArn).map((l) => l.loadBalancerArn)),
  ];

  // ---- lazy state ----------------------------------------------------------------------

  const lbState = (lb: LoadBalancer, now: number): string => (now >= lb.activeAt ? 'active' : 'provisioning');

  /** Drop targets whose draining is over. */
  const prune = (tg: TargetGroup, now: number): void => {
    tg.targets = tg.targets.filter((t) => t.drainUntil === undefined || now < t.drainUntil);
  };

  const health = (
    tg: TargetGroup,
    t: Target,
    ctx: ServiceContext,
  ): { State: string; Reason?: string; Description?: string } => {
    const now = ctx.clock.now();
    if (t.drainUntil !== undefined)
      return {
        State: 'draining',
        Reason: 'Target.DeregistrationInProgress',
        Description: 'Target deregistration is in progress',
      };
    if (tg.targetType === 'instance' && options.instance) {
      const inst = options.instance(t.id, tg.region);
      const st = inst?.state ?? 'terminated';
      if (st !== 'running')
        return {
          State: 'unused',
          Reason: 'Target.InvalidState',
          Description: `Target is in the ${st} state`,
        };
    }
    const listeners = listenersUsing(tg.arn);
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
      ...listeners.map((l) => state.loadBalancers[l.loadBalancerArn]?.activeAt ?? l.createdAt),
    );
    const checksFrom = Math.max(t.registeredAt, inUseSince, lbActiveAt);
    const healthyAt = checksFrom + registrationMs + tg.healthCheck.HealthCheckIntervalSeconds * 1000;
    if (now < checksFrom + registrationMs)
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
  };

  // ---- renderers -------------------------------------------------------------------------

  const lbOut = (lb: LoadBalancer, now: number): Record<string, unknown> => ({
    LoadBalancerArn: lb.arn,
    DNSName: lb.dnsName,
    CanonicalHostedZoneId: lb.canonicalHostedZoneId,
    CreatedTime: new Date(lb.createdAt).toISOString(),
    LoadBalancerName: lb.name,
    Scheme: lb.scheme,
    VpcId: lb.vpcId,
    State: { Code: lbState(lb, now) },
    Type: lb.type,
    AvailabilityZones: lb.zones.map((z) => ({
      ZoneName: z.ZoneName,
      SubnetId: z.SubnetId,
      LoadBalancerAddresses: [],
    })),
    ...(lb.type === 'application' || lb.securityGroups.length > 0
      ? { SecurityGroups: lb.securityGroups }
      : {}),
    IpAddressType: lb.ipAddressType,
  });

  const tgOut = (tg: TargetGroup): Record<string, unknown> => ({
    TargetGroupArn: tg.arn,
    TargetGroupName: tg.name,
    Protocol: tg.protocol,
    Port: tg.port,
    VpcId: tg.vpcId,
    ...tg.healthCheck,
    LoadBalancerArns: lbArnsOf(tg.arn),
    TargetType: tg.targetType,
    ProtocolVersion: tg.protocolVersion,
    IpAddressType: tg.ipAddressType,
  });

  const listenerOut = (l: Listener): Record<string, unknown> => ({
    ListenerArn: l.arn,
    LoadBalancerArn: l.loadBalancerArn,
    Port: l.port,
    Protocol: l.protocol,
    ...(l.certificates.length > 0
      ? { Certificates: l.certificates.map((CertificateArn) => ({ CertificateArn })) }
      : {}),
    SslPolicy: l.sslPolicy,
    DefaultActions: l.actions,
    AlpnPolicy: l.alpnPolicy,
  });

  // ---- parsing of actions ----------------------------------------------------------------

  const parseActions = (raw: unknown, region: string): Action[] => {
    const actions = objList(raw);
    if (actions.length === 0) throw validation('A default action must be specified');
    return actions.map((a) => {
      const type = str(a['Type']) ?? '';
      const order = intParam(a['Order'], 'Order');
      const base: Action = { Type: type, ...(order !== undefined ? { Order: order } : {}) };
      if (type === 'forward') {
        const fc = (a['ForwardConfig'] ?? undefined) as Record<string, unknown> | undefined;
        const groups = fc
          ? objList(fc['TargetGroups']).map((t) => ({
              TargetGroupArn: str(t['TargetGroupArn']) ?? '',
              Weight: intParam(t['Weight'], 'Weight') ?? 1,
            }))
          : [];
        const single = str(a['TargetGroupArn']);
        if (!single && groups.length === 0)
          throw validation('A target group ARN must be specified for a forward action');
        const all = groups.length > 0 ? groups : [{ TargetGroupArn: single!, Weight: 1 }];
        for (const g of all) {
          if (g.Weight < 0 || g.Weight > 999)
            throw validation(`Target group weight '${g.Weight}' must be between 0 and 999`);
          if (!tgByArn(g.TargetGroupArn, region))
            throw new AwsError('TargetGroupNotFound', `Target groups '${g.TargetGroupArn}' not found`, 400);
        }
        const stick = fc ? ((fc['TargetGroupStickinessConfig'] ?? {}) as Record<string, unknown>) : {};
        const enabled = boolParam(stick['Enabled']) ?? false;
        const duration = intParam(stick['DurationSeconds'], 'DurationSeconds');
        return {
          ...base,
          ...(all.length === 1 ? { TargetGroupArn: all[0]!.TargetGroupArn } : {}),
          ForwardConfig: {
            TargetGroups: all,
            TargetGroupStickinessConfig: {
              Enabled: enabled,
              ...(duration !== undefined ? { DurationSeconds: duration } : {}),
            },
          },
        };
      }
      const flat = (v: unknown): Record<string, string> =>
        Object.fromEntries(
          Object.entries((v ?? {}) as Record<string, unknown>).map(([k, x]) => [k, str(x) ?? '']),
        );
      if (type === 'fixed-response') {
        const cfg = flat(a['FixedResponseConfig']);
        if (!cfg['StatusCode'])
          throw validation('A status code must be specified for a fixed-response action');
        return { ...base, FixedResponseConfig: cfg };
      }
      if (type === 'redirect') {
        const cfg = flat(a['RedirectConfig']);
        if (!cfg['StatusCode']) throw validation('A status code must be specified for a redirect action');
        return { ...base, RedirectConfig: cfg };
      }
      throw validation(
        `Action type '${type}' must be one of 'redirect,fixed-response,forward,authenticate-oidc,authenticate-cognito'`,
      );
    });
  };

  const resourceByArn = (arn: string, region: string): Tags => {
    if (arn.includes(':loadbalancer/')) return requireLb(arn, region);
    if (arn.includes(':targetgroup/')) return requireTg(arn, region);
    if (arn.includes(':listener/')) {
      const l = listenerByArn(arn, region);
      if (!l) throw new AwsError('ListenerNotFound', `Listener '${arn}' not found`, 400);
      return l;
    }
    throw validation(`'${arn}' is not a valid load balancer, target group or listener ARN`);
  };

  const tagArns = (p: Record<string, unknown>): string[] => {
    const arns = strList(p['ResourceArns']);
    if (arns.length === 0) throw validation('At least one resource ARN must be specified');
    if (arns.length > 20)
      throw validation(
        `1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to 20`,
      );
    return arns;
  };

  const targetList = (
    req: SandboxRequest,
    tg: TargetGroup,
  ): Array<{ id: string; port: number; availabilityZone?: string; portGiven: boolean }> => {
    const targets = objList(req.params['Targets']).map((t) => {
      const id = str(t['Id']) ?? '';
      const port = intParam(t['Port'], 'Port');
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
    return targets;
  };

  // ---- operations ------------------------------------------------------------------------

  const operations: Record<string, OperationHandler> = {
    CreateLoadBalancer(req, ctx) {
      const p = req.params;
      const name = checkName('Load balancer', str(p['Name']));
      const type = (str(p['Type']) ?? 'application') as LoadBalancer['type'];
      if (type !== 'application' && type !== 'network')
        throw validation(`Load balancer type '${type}' is not supported; use 'application' or 'network'`);
      const scheme = (str(p['Scheme']) ?? 'internet-facing') as LoadBalancer['scheme'];
      if (scheme !== 'internet-facing' && scheme !== 'internal')
        throw validation(
          `1 validation error detected: Value '${scheme}' at 'scheme' failed to satisfy constraint: Member must satisfy enum value set: [internet-facing, internal]`,
        );
      const ipAddressType = str(p['IpAddressType']) ?? 'ipv4';
      const subnetIds = [
        ...strList(p['Subnets']),
        ...objList(p['SubnetMappings']).map((m) => str(m['SubnetId']) ?? ''),
      ].filter((s) => s !== '');
      if (subnetIds.length === 0) throw validation('At least one subnet must be specified');
      const securityGroups = strList(p['SecurityGroups']);
      const tags = parseTags(p['Tags']);

      const existing = Object.values(state.loadBalancers).find(
        (lb) => lb.region === req.region && lb.name === name,
      );
      if (existing) {
        const same =
          existing.type === type &&
          existing.scheme === scheme &&
          existing.ipAddressType === ipAddressType &&
          JSON.stringify([...existing.zones.map((z) => z.SubnetId)].sort()) ===
            JSON.stringify([...new Set(subnetIds)].sort()) &&
          (securityGroups.length === 0 ||
            JSON.stringify([...existing.securityGroups].sort()) ===
              JSON.stringify([...securityGroups].sort()));
        if (!same)
          throw new AwsError(
            'DuplicateLoadBalancerName',
            `A load balancer with the same name '${name}' exists, but with different settings`,
            400,
          );
        return { LoadBalancers: [lbOut(existing, ctx.clock.now())] };
      }

      const zones: Array<{ ZoneName: string; SubnetId: string }> = [];
      let vpcId: string | undefined;
      for (const [i, id] of [...new Set(subnetIds)].entries()) {
        const sn = options.subnet
          ? options.subnet(id, req.region)
          : { availabilityZone: `${req.region}${'abcdef'[i % 6]}`, vpcId: 'vpc-00000000000000000' };
        if (!sn) throw new AwsError('SubnetNotFound', `The subnet ID '${id}' is not valid`, 400);
        if (vpcId !== undefined && sn.vpcId !== vpcId)
          throw new AwsError(
            'InvalidSubnet',
            `The subnets must all belong to the same VPC ('${vpcId}')`,
            400,
          );
        vpcId = sn.vpcId;
        if (zones.some((z) => z.ZoneName === sn.availabilityZone)) {
          throw new AwsError(
            'InvalidConfigurationRequest',
            'A load balancer cannot be attached to multiple subnets in the same Availability Zone',
            400,
          );
        }
        zones.push({ ZoneName: sn.availabilityZone, SubnetId: id });
      }
      if (type === 'application' && zones.length < 2)
        throw validation('At least two subnets in two different Availability Zones must be specified');
      for (const sg of securityGroups) {
        const group = options.securityGroup?.(sg, req.region);
        if (options.securityGroup && (!group || group.vpcId !== vpcId))
          throw new AwsError('InvalidSecurityGroup', `Security group '${sg}' does not exist`, 400);
      }

      const now = ctx.clock.now();
      const id = hex(ctx, 'lb', 16);
      const digits = String(parseInt(id.slice(0, 12), 16) % 10_000_000_000).padStart(10, '1');
      const prefix = scheme === 'internal' ? 'internal-' : '';
      const dnsName =
        type === 'application'
          ? `${prefix}${name}-${digits}.${req.region}.elb.amazonaws.com`
          : `${prefix}${name}-${id}.elb.${req.region}.amazonaws.com`;
      const lb: LoadBalancer = {
        arn: `arn:aws:elasticloadbalancing:${req.region}:${ctx.accountId}:loadbalancer/${type === 'application' ? 'app' : 'net'}/${name}/${id}`,
        name,
        region: req.region,
        type,
        scheme,
        ipAddressType,
        vpcId: vpcId!,
        dnsName,
        canonicalHostedZoneId:
          (type === 'application' ? ALB_HOSTED_ZONE_IDS : NLB_HOSTED_ZONE_IDS)[req.region] ??
          ALB_HOSTED_ZONE_IDS['us-east-1']!,
        zones,
        securityGroups,
        createdAt: now,
        activeAt: now + provisioningMs,
        tags,
      };
      if (tags.length > 50)
        throw new AwsError('TooManyTags', `The following resource(s) have too many tags: '${lb.arn}'`, 400);
      state.loadBalancers[lb.arn] = lb;
      return { LoadBalancers: [lbOut(lb, now)] };
    },

    DescribeLoadBalancers(req, ctx) {
      const p = req.params;
      const arns = strList(p['LoadBalancerArns']);
      const names = strList(p['Names']);
      if (arns.length > 0 && names.length > 0)
        throw validation('Load balancer names and load balancer ARNs cannot be specified at the same time');
      const all = Object.values(state.loadBalancers)
        .filter((lb) => lb.region === req.region)
        .sort((a, b) => a.createdAt - b.createdAt || (a.arn < b.arn ? -1 : 1));
      let found = all;
      if (arns.length > 0) {
        found = all.filter((lb) => arns.includes(lb.arn));
        if (found.length < new Set(arns).size)
          throw new AwsError('LoadBalancerNotFound', 'One or more load balancers not found', 400);
      } else if (names.length > 0) {
        found = all.filter((lb) => names.includes(lb.name));
        const missing = names.filter((n) => !found.some((lb) => lb.name === n));
        if (missing.length > 0)
          throw new AwsError(
            'LoadBalancerNotFound',
            `Load balancers '[${missing.join(', ')}]' not found`,
            400,
          );
      }
      const now = ctx.clock.now();
      const { page, NextMarker } = paginate(found, p);
      return { LoadBalancers: page.map((lb) => lbOut(lb, now)), ...(NextMarker ? { NextMarker } : {}) };
    },

    DeleteLoadBalancer(req) {
      const arn = str(req.params['LoadBalancerArn']);
      if (!arn) throw validation('A load balancer ARN must be specified');
      const lb = lbByArn(arn, req.region);
      if (lb) {
        for (const l of Object.values(state.listeners))
          if (l.loadBalancerArn === arn) delete state.listeners[l.arn];
        delete state.loadBalancers[arn];
      }
      return {};
    },

    CreateTargetGroup(req, ctx) {
      const p = req.params;
      const name = checkName('Target group', str(p['Name']));
      const targetType = str(p['TargetType']) ?? 'instance';
      if (!['instance', 'ip', 'lambda', 'alb'].includes(targetType))
        throw validation(`Target type '${targetType}' must be one of 'instance, ip, lambda, alb'`);
      const protocol = str(p['Protocol']);
      const port = intParam(p['Port'], 'Port');
      const vpcId = str(p['VpcId']);
      if (targetType !== 'lambda') {
        if (!protocol) throw validation('A protocol must be specified');
        if (port === undefined) throw validation('A port must be specified');
        if (!vpcId) throw validation('A VPC ID must be specified');
      }
      if (protocol && !['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE'].includes(protocol)) {
        throw validation(
          `1 validation error detected: Value '${protocol}' at 'protocol' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE]`,
        );
      }
      if (port !== undefined && (port < 1 || port > 65535))
        throw validation(
          `1 validation error detected: Value '${port}' at 'port' failed to satisfy constraint: Member must have value between 1 and 65535`,
        );
      const http = protocol === 'HTTP' || protocol === 'HTTPS' || targetType === 'lambda';
      const hcProtocol = str(p['HealthCheckProtocol']) ?? (http ? (protocol ?? 'HTTP') : 'TCP');
      const hcHttp = hcProtocol === 'HTTP' || hcProtocol === 'HTTPS';
      const interval =
        intParam(p['HealthCheckIntervalSeconds'], 'HealthCheckIntervalSeconds') ??
        (targetType === 'lambda' ? 35 : 30);
      const timeout =
        intParam(p['HealthCheckTimeoutSeconds'], 'HealthCheckTimeoutSeconds') ??
        (targetType === 'lambda' ? 30 : hcHttp ? 5 : 10);
      const healthy = intParam(p['HealthyThresholdCount'], 'HealthyThresholdCount') ?? 5;
      const unhealthy = intParam(p['UnhealthyThresholdCount'], 'UnhealthyThresholdCount') ?? (http ? 2 : 2);
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
      const healthCheck: HealthCheck = {
        HealthCheckProtocol: hcProtocol,
        HealthCheckPort: str(p['HealthCheckPort']) ?? 'traffic-port',
        HealthCheckEnabled: boolParam(p['HealthCheckEnabled']) ?? true,
        ...(hcHttp ? { HealthCheckPath: path ?? '/' } : {}),
        HealthCheckIntervalSeconds: interval,
        HealthCheckTimeoutSeconds: timeout,
        HealthyThresholdCount: healthy,
        UnhealthyThresholdCount: unhealthy,
        ...(hcHttp ? { Matcher: { HttpCode: str(matcherRaw?.['HttpCode']) ?? '200' } } : {}),
      };
      const protocolVersion =
        str(p['ProtocolVersion']) ?? (http && targetType !== 'lambda' ? 'HTTP1' : undefined);
      const tags = parseTags(p['Tags']);
      const ipAddressType = str(p['IpAddressType']) ?? 'ipv4';

      const existing = Object.values(state.targetGroups).find(
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
        return { TargetGroups: [tgOut(existing)] };
      }
      if (tags.length > 50)
        throw new AwsError('TooManyTags', `The following resource(s) have too many tags`, 400);
      const tg: TargetGroup = {
        arn: `arn:aws:elasticloadbalancing:${req.region}:${ctx.accountId}:targetgroup/${name}/${hex(ctx, 'tg', 16)}`,
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
      state.targetGroups[tg.arn] = tg;
      return { TargetGroups: [tgOut(tg)] };
    },

    DescribeTargetGroups(req) {
      const p = req.params;
      const lbArn = str(p['LoadBalancerArn']);
      const arns = strList(p['TargetGroupArns']);
      const names = strList(p['Names']);
      if (
        [lbArn !== undefined && lbArn !== '', arns.length > 0, names.length > 0].filter(Boolean).length > 1
      ) {
        throw validation(
          'Target group names, target group ARNs, and a load balancer ARN cannot be specified at the same time',
        );
      }
      let found = Object.values(state.targetGroups)
        .filter((tg) => tg.region === req.region)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.arn < b.arn ? -1 : 1));
      if (lbArn) {
        requireLb(lbArn, req.region);
        found = found.filter((tg) => lbArnsOf(tg.arn).includes(lbArn));
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
      const { page, NextMarker } = paginate(found, p);
      return { TargetGroups: page.map(tgOut), ...(NextMarker ? { NextMarker } : {}) };
    },

    DeleteTargetGroup(req) {
      const arn = str(req.params['TargetGroupArn']);
      if (!arn) throw validation('A target group ARN must be specified');
      const tg = tgByArn(arn, req.region);
      if (tg) {
        if (listenersUsing(arn).length > 0)
          throw new AwsError(
            'ResourceInUse',
            `Target group '${arn}' is currently in use by a listener or a rule`,
            400,
          );
        delete state.targetGroups[arn];
      }
      return {};
    },

    ModifyTargetGroupAttributes(req) {
      const tg = requireTg(str(req.params['TargetGroupArn']), req.region);
      const attrs = objList(req.params['Attributes']).map((a) => ({
        Key: str(a['Key']) ?? '',
        Value: str(a['Value']) ?? '',
      }));
      if (attrs.length === 0) throw validation('At least one attribute must be specified');
      const next = { ...tg.attributes };
      for (const { Key, Value } of attrs) {
        if (!(Key in tg.attributes))
          throw validation(`Target group attribute key '${Key}' is not recognized`);
        const int = (lo: number, hi: number): void => {
          if (!/^\d+$/.test(Value) || Number(Value) < lo || Number(Value) > hi)
            throw validation(
              `Target group attribute '${Key}' value '${Value}' must be an integer between ${lo} and ${hi}`,
            );
        };
        if (Key === 'deregistration_delay.timeout_seconds') int(0, 3600);
        if (
          Key === 'stickiness.lb_cookie.duration_seconds' ||
          Key === 'stickiness.app_cookie.duration_seconds'
        )
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
        next[Key] = Value;
      }
      tg.attributes = next;
      return { Attributes: Object.entries(tg.attributes).map(([Key, Value]) => ({ Key, Value })) };
    },

    DescribeTargetGroupAttributes(req) {
      const tg = requireTg(str(req.params['TargetGroupArn']), req.region);
      return { Attributes: Object.entries(tg.attributes).map(([Key, Value]) => ({ Key, Value })) };
    },

    CreateListener(req, ctx) {
      const p = req.params;
      const lb = requireLb(str(p['LoadBalancerArn']), req.region);
      const protocol = str(p['Protocol']) ?? (lb.type === 'application' ? 'HTTP' : 'TCP');
      const allowed = lb.type === 'application' ? ['HTTP', 'HTTPS'] : ['TCP', 'TLS', 'UDP', 'TCP_UDP'];
      if (!allowed.includes(protocol))
        throw new AwsError(
          'UnsupportedProtocol',
          `Protocol '${protocol}' is not supported by ${lb.type} load balancers`,
          400,
        );
      const port = intParam(p['Port'], 'Port') ?? (protocol === 'HTTPS' || protocol === 'TLS' ? 443 : 80);
      if (port < 1 || port > 65535)
        throw validation(
          `1 validation error detected: Value '${port}' at 'port' failed to satisfy constraint: Member must have value between 1 and 65535`,
        );
      const certificates = objList(p['Certificates'])
        .map((c) => str(c['CertificateArn']) ?? '')
        .filter((c) => c !== '');
      const secure = protocol === 'HTTPS' || protocol === 'TLS';
      if (secure && certificates.length === 0)
        throw validation(`A certificate must be specified for ${protocol} listeners`);
      for (const c of certificates) {
        if (!/^arn:aws[a-z-]*:(acm|iam):/.test(c))
          throw new AwsError('CertificateNotFound', `Certificate '${c}' not found`, 400);
      }
      const sslPolicy = secure ? (str(p['SslPolicy']) ?? DEFAULT_SSL_POLICY) : undefined;
      const alpn = strList(p['AlpnPolicy']);
      const actions = parseActions(p['DefaultActions'], req.region);
      for (const a of actions) {
        for (const tgArn of actionTargetGroups(a)) {
          const others = lbArnsOf(tgArn).filter((x) => x !== lb.arn);
          if (others.length > 0)
            throw new AwsError(
              'TargetGroupAssociationLimit',
              `The following target groups cannot be associated with more than one load balancer: ${tgArn}`,
              400,
            );
          const tg = state.targetGroups[tgArn]!;
          if (tg.vpcId && tg.vpcId !== lb.vpcId)
            throw validation(`The target group '${tgArn}' is not in the same VPC as the load balancer`);
        }
      }
      const tags = parseTags(p['Tags']);
      const existing = Object.values(state.listeners).find(
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
        arn: `arn:aws:elasticloadbalancing:${req.region}:${ctx.accountId}:listener/${lbPath}/${hex(ctx, 'listener', 16)}`,
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
      state.listeners[listener.arn] = listener;
      return { Listeners: [listenerOut(listener)] };
    },

    DescribeListeners(req) {
      const p = req.params;
      const lbArn = str(p['LoadBalancerArn']);
      const arns = strList(p['ListenerArns']);
      if (!lbArn && arns.length === 0)
        throw validation('You must specify either listener ARNs or a load balancer ARN');
      if (lbArn && arns.length > 0)
        throw validation('Listener ARNs and a load balancer ARN cannot be specified at the same time');
      let found: Listener[];
      if (lbArn) {
        requireLb(lbArn, req.region);
        found = Object.values(state.listeners).filter((l) => l.loadBalancerArn === lbArn);
      } else {
        found = arns.map((a) => listenerByArn(a, req.region)).filter((l): l is Listener => l !== undefined);
        if (found.length < new Set(arns).size)
          throw new AwsError('ListenerNotFound', 'One or more listeners not found', 400);
      }
      found.sort((a, b) => a.port - b.port);
      const { page, NextMarker } = paginate(found, p);
      return { Listeners: page.map(listenerOut), ...(NextMarker ? { NextMarker } : {}) };
    },

    DeleteListener(req) {
      const arn = str(req.params['ListenerArn']) ?? '';
      if (!listenerByArn(arn, req.region))
        throw new AwsError('ListenerNotFound', `Listener '${arn}' not found`, 400);
      delete state.listeners[arn];
      return {};
    },

    RegisterTargets(req, ctx) {
      const tg = requireTg(str(req.params['TargetGroupArn']), req.region);
      const targets = targetList(req, tg);
      if (targets.length === 0) throw validation('At least one target must be specified');
      const now = ctx.clock.now();
      prune(tg, now);
      const notRunning: string[] = [];
      const wrongVpc: string[] = [];
      for (const t of targets) {
        if (tg.targetType === 'instance') {
          if (!/^i-[0-9a-f]{8,17}$/.test(t.id)) throw validation(`Instance ID '${t.id}' is not valid`);
          if (options.instance) {
            const inst = options.instance(t.id, req.region);
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
      for (const t of targets) {
        const existing = tg.targets.find((x) => x.id === t.id && x.port === t.port);
        if (existing && existing.drainUntil === undefined) continue;
        const az =
          t.availabilityZone ??
          (tg.targetType === 'instance' ? options.instance?.(t.id, req.region)?.availabilityZone : undefined);
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
    },

    DeregisterTargets(req, ctx) {
      const tg = requireTg(str(req.params['TargetGroupArn']), req.region);
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
      const inUse = listenersUsing(tg.arn).length > 0;
      const delay = Number(tg.attributes['deregistration_delay.timeout_seconds'] ?? '300') * 1000;
      for (const t of targets) {
        for (const x of tg.targets) {
          if (x.id !== t.id || (t.portGiven && x.port !== t.port) || x.drainUntil !== undefined) continue;
          x.drainUntil = inUse ? now + delay : now;
        }
      }
      prune(tg, now);
      return {};
    },

    DescribeTargetHealth(req, ctx) {
      const tg = requireTg(str(req.params['TargetGroupArn']), req.region);
      const now = ctx.clock.now();
      prune(tg, now);
      const asked = targetList(req, tg);
      const describe = (t: Target): Record<string, unknown> => ({
        Target: {
          Id: t.id,
          Port: t.port,
          ...(t.availabilityZone ? { AvailabilityZone: t.availabilityZone } : {}),
        },
        HealthCheckPort:
          tg.healthCheck.HealthCheckPort === 'traffic-port' ? String(t.port) : tg.healthCheck.HealthCheckPort,
        TargetHealth: health(tg, t, ctx),
      });
      if (asked.length === 0) return { TargetHealthDescriptions: tg.targets.map(describe) };
      const out: Array<Record<string, unknown>> = [];
      for (const a of asked) {
        if (tg.targetType === 'instance' && options.instance && !options.instance(a.id, req.region)) {
          throw new AwsError(
            'InvalidTarget',
            `The following targets are not valid instances: '${a.id}'`,
            400,
          );
        }
        const matches = tg.targets.filter((t) => t.id === a.id && (!a.portGiven || t.port === a.port));
        if (matches.length > 0) out.push(...matches.map(describe));
        else {
          out.push({
            Target: { Id: a.id, Port: a.port },
            HealthCheckPort:
              tg.healthCheck.HealthCheckPort === 'traffic-port'
                ? String(a.port)
                : tg.healthCheck.HealthCheckPort,
            TargetHealth: {
              State: 'unused',
              Reason: 'Target.NotRegistered',
              Description: 'Target is not registered to the target group',
            },
          });
        }
      }
      return { TargetHealthDescriptions: out };
    },

    AddTags(req) {
      const arns = tagArns(req.params);
      const tags = parseTags(req.params['Tags']);
      if (tags.length === 0) throw validation('At least one tag must be specified');
      const resources = arns.map((arn) => [arn, resourceByArn(arn, req.region)] as const);
      // Check every resource before changing any (the call is all-or-nothing).
      for (const [arn, r] of resources) mergeTags({ tags: [...r.tags] }, tags, arn);
      for (const [arn, r] of resources) mergeTags(r, tags, arn);
      return {};
    },

    RemoveTags(req) {
      const arns = tagArns(req.params);
      const keys = strList(req.params['TagKeys']);
      if (keys.length === 0) throw validation('At least one tag key must be specified');
      const resources = arns.map((arn) => resourceByArn(arn, req.region));
      for (const r of resources) r.tags = r.tags.filter((t) => !keys.includes(t.Key));
      return {};
    },

    DescribeTags(req) {
      const arns = tagArns(req.params);
      return {
        TagDescriptions: arns.map((arn) => ({ ResourceArn: arn, Tags: resourceByArn(arn, req.region).tags })),
      };
    },
  };

  return {
    name: 'elasticloadbalancing',
    protocol: 'query',
    namespace: ELBV2_NAMESPACE,
    operations,
    inventory(ctx) {
      const now = ctx.clock.now();
      const tagMap = (r: Tags): Record<string, string> =>
        Object.fromEntries(r.tags.map((t) => [t.Key, t.Value]));
      const out: Array<{ kind: string; id: string; state?: string; tags: Record<string, string> }> = [];
      for (const lb of Object.values(state.loadBalancers))
        out.push({ kind: 'load-balancer', id: lb.arn, state: lbState(lb, now), tags: tagMap(lb) });
      for (const l of Object.values(state.listeners))
        out.push({ kind: 'listener', id: l.arn, tags: tagMap(l) });
      for (const tg of Object.values(state.targetGroups)) {
        prune(tg, now);
        out.push({ kind: 'target-group', id: tg.arn, tags: tagMap(tg) });
        for (const t of tg.targets)
          out.push({
            kind: 'target',
            id: `${tg.arn}/${t.id}:${t.port}`,
            state: health(tg, t, ctx).State,
            tags: {},
          });
      }
      return out;
    },
    snapshotState() {
      return JSON.parse(JSON.stringify(state)) as State;
    },
    restoreState(saved) {
      const s = (saved ?? {}) as Partial<State>;
      state = {
        loadBalancers: s.loadBalancers ?? {},
        targetGroups: s.targetGroups ?? {},
        listeners: s.listeners ?? {},
      };
    },
    reset() {
      state = emptyState();
    },
    loadBalancerByDnsName(dnsName) {
      const n = dnsName
        .toLowerCase()
        .replace(/\.$/, '')
        .replace(/^dualstack\./, '');
      const lb = Object.values(state.loadBalancers).find((x) => x.dnsName.toLowerCase() === n);
      return lb
        ? { dnsName: lb.dnsName, canonicalHostedZoneId: lb.canonicalHostedZoneId, arn: lb.arn }
        : undefined;
    },
  };
}
