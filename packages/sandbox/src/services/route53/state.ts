// Route 53's state and the lookups every handler shares. Handlers get a `Route53Context`
// (the state plus the service's options) instead of closing over one; `createRoute53Service`
// owns the context and replaces `state` on reset/restore.
import { AwsError, type ServiceContext } from '../../service.js';
import { str } from '../common/params.js';

/** What Route 53 needs to know about a load balancer to accept an alias to it. */
export interface AliasableLoadBalancer {
  dnsName: string;
  canonicalHostedZoneId: string;
}

export interface Route53Options {
  /** Find a load balancer by its DNS name (without trailing dot, lower case, no
   *  `dualstack.` prefix), in any region. Without it, aliases to ELB names are refused. */
  loadBalancerByDnsName?: (dnsName: string) => AliasableLoadBalancer | undefined;
  /** PENDING → INSYNC delay in sandbox ms (default DURATIONS.route53ChangePendingToInsync). */
  changePropagationMs?: number;
}

export interface RecordSet {
  Name: string;
  Type: string;
  SetIdentifier?: string;
  Weight?: number;
  Region?: string;
  Failover?: string;
  MultiValueAnswer?: boolean;
  TTL?: number;
  ResourceRecords?: string[];
  AliasTarget?: { HostedZoneId: string; DNSName: string; EvaluateTargetHealth: boolean };
  HealthCheckId?: string;
}

export interface Vpc {
  VPCRegion: string;
  VPCId: string;
}

export interface Zone {
  id: string;
  name: string;
  callerReference: string;
  comment?: string;
  privateZone: boolean;
  vpcs: Vpc[];
  nameServers: string[];
  records: RecordSet[];
}

export interface Change {
  id: string;
  submittedAt: number;
  comment?: string;
}

export interface State {
  zones: Record<string, Zone>;
  changes: Record<string, Change>;
  /** Smooth weighted round-robin counters for TestDNSAnswer, by `zone|name|type`. */
  rr: Record<string, Record<string, number>>;
}

/** What every handler gets: the current state and the service's options. */
export interface Route53Context {
  state: State;
  options: Route53Options;
  /** PENDING → INSYNC delay in sandbox ms (options or the default). */
  propagationMs: number;
}

export const emptyState = (): State => ({ zones: {}, changes: {}, rr: {} });

/** State from a snapshot, tolerating missing parts (older or hand-written state files). */
export function restoredState(saved: unknown): State {
  const s = (saved ?? {}) as Partial<State>;
  return { zones: s.zones ?? {}, changes: s.changes ?? {}, rr: s.rr ?? {} };
}

/** An id without its `/hostedzone/`, `/change/` or `/delegationset/` prefix. */
export const stripPrefix = (id: string): string => id.replace(/^\/?(hostedzone|change|delegationset)\//, '');

export function getZone(state: State, rawId: unknown): Zone {
  const id = stripPrefix(str(rawId) ?? '');
  const z = state.zones[id];
  if (!z) throw new AwsError('NoSuchHostedZone', `No hosted zone found with ID: ${id}`, 404);
  return z;
}

/** Upper-case-able hex id from the seeded generator (`ids.next` gives `prefix-<hex>`). */
export function hexId(ctx: ServiceContext, prefix: string, length: number): string {
  const id = ctx.ids.next(prefix, length);
  return id.slice(id.lastIndexOf('-') + 1);
}
