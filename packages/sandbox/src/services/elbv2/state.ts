// ELBv2's state (JSON-serialisable, snapshotted as is), the context every handler gets,
// and the lookups the handlers share. Tags stay an ordered list, as AWS returns them in
// the order they were added.
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import type { Tag } from '../common/tags.js';

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

export interface Tagged {
  tags: Tag[];
}

export interface LoadBalancer extends Tagged {
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

export interface Target {
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

export interface HealthCheck {
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

export interface TargetGroup extends Tagged {
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

export interface Action {
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

export interface Listener extends Tagged {
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

export interface State {
  loadBalancers: Record<string, LoadBalancer>;
  targetGroups: Record<string, TargetGroup>;
  listeners: Record<string, Listener>;
}

export const emptyState = (): State => ({ loadBalancers: {}, targetGroups: {}, listeners: {} });

/** What every handler works with. `state` is replaced on reset/restore, so handlers read
 *  it from here on each call rather than keeping it. */
export interface Elbv2Context {
  state: State;
  /** The EC2 lookups; absent ones mean "accept anything" (standalone use in tests). */
  ec2: Pick<Elbv2Options, 'subnet' | 'instance' | 'securityGroup'>;
  provisioningMs: number;
  registrationMs: number;
}

/** An operation, given the context explicitly (index.ts binds it). */
export type Handler = (c: Elbv2Context, req: SandboxRequest, ctx: ServiceContext) => Record<string, unknown>;

/** The hex tail of a fresh deterministic id (ELBv2 ARNs end in bare hex). */
export function hexId(ctx: ServiceContext, prefix: string, length: number): string {
  const id = ctx.ids.next(prefix, length);
  return id.slice(id.lastIndexOf('-') + 1);
}

// ---- lookups ---------------------------------------------------------------------------

export function lbByArn(state: State, arn: string, region: string): LoadBalancer | undefined {
  const lb = state.loadBalancers[arn];
  return lb && lb.region === region ? lb : undefined;
}

export function tgByArn(state: State, arn: string, region: string): TargetGroup | undefined {
  const tg = state.targetGroups[arn];
  return tg && tg.region === region ? tg : undefined;
}

export function listenerByArn(state: State, arn: string, region: string): Listener | undefined {
  const l = state.listeners[arn];
  return l && l.region === region ? l : undefined;
}

export function requireLb(state: State, arn: string | undefined, region: string): LoadBalancer {
  const lb = arn ? lbByArn(state, arn, region) : undefined;
  if (!lb) throw new AwsError('LoadBalancerNotFound', `Load balancer '${arn ?? ''}' not found`, 400);
  return lb;
}

export function requireTg(state: State, arn: string | undefined, region: string): TargetGroup {
  const tg = arn ? tgByArn(state, arn, region) : undefined;
  if (!tg) throw targetGroupNotFound(arn ?? '');
  return tg;
}

export const targetGroupNotFound = (arn: string): AwsError =>
  new AwsError('TargetGroupNotFound', `Target groups '${arn}' not found`, 400);

export const listenerNotFound = (arn: string): AwsError =>
  new AwsError('ListenerNotFound', `Listener '${arn}' not found`, 400);

/** The target groups an action forwards to (single ARN and weighted ones, once each). */
export function actionTargetGroups(a: Action): string[] {
  const arns = new Set<string>();
  if (a.TargetGroupArn) arns.add(a.TargetGroupArn);
  for (const t of a.ForwardConfig?.TargetGroups ?? []) arns.add(t.TargetGroupArn);
  return [...arns];
}

export function listenersUsing(state: State, tgArn: string): Listener[] {
  return Object.values(state.listeners).filter((l) =>
    l.actions.some((a) => actionTargetGroups(a).includes(tgArn)),
  );
}

/** The load balancers a target group receives traffic from (through their listeners). */
export function lbArnsOf(state: State, tgArn: string): string[] {
  return [...new Set(listenersUsing(state, tgArn).map((l) => l.loadBalancerArn))];
}

export const lbState = (lb: LoadBalancer, now: number): string =>
  now >= lb.activeAt ? 'active' : 'provisioning';

/** Drop targets whose draining is over. */
export function prune(tg: TargetGroup, now: number): void {
  tg.targets = tg.targets.filter((t) => t.drainUntil === undefined || now < t.drainUntil);
}
