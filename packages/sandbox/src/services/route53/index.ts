// Route 53 (restXml): hosted zones, record sets, changes and TestDNSAnswer, with AWS's
// rules for change batches: a batch is atomic, CREATE of an existing record and a DELETE
// that does not repeat the record exactly fail the whole batch with InvalidChangeBatch,
// so `[DELETE old, CREATE new]` is a compare-and-swap. Changes are PENDING, then INSYNC
// once `DURATIONS.route53ChangePendingToInsync` of sandbox time has passed (computed on
// read, no timers). Alias targets must exist: a record in one of our zones, or a load
// balancer the ELBv2 service knows (through the `loadBalancerByDnsName` lookup).
//
// This module owns the state (in a `Route53Context`) and wires the handlers of the other
// modules to it; the handlers themselves are plain functions of that context.
import { DURATIONS } from '../../durations.js';
import type { EmulatedService, OperationHandler, SandboxRequest, ServiceContext } from '../../service.js';
import { changeResourceRecordSets, getChange } from './changes.js';
import { testDnsAnswer } from './dns-answer.js';
import {
  createHostedZone,
  createZone,
  deleteHostedZone,
  getHostedZone,
  listHostedZones,
  listHostedZonesByName,
} from './hosted-zones.js';
import { normalizeName } from './names.js';
import { listResourceRecordSets } from './record-sets.js';
import {
  emptyState,
  restoredState,
  type RecordSet,
  type Route53Context,
  type Route53Options,
  type State,
} from './state.js';

export { normalizeName } from './names.js';
export type { AliasableLoadBalancer, RecordSet, Route53Options } from './state.js';

export const ROUTE53_NAMESPACE = 'https://route53.amazonaws.com/doc/2013-04-01/';

export type Route53Service = EmulatedService & {
  seed(ctx: ServiceContext): void;
  /** Records of a zone by zone name (for other services and tests). */
  recordsOf(zoneName: string): RecordSet[] | undefined;
};

type Handler = (r53: Route53Context, req: SandboxRequest, ctx: ServiceContext) => Record<string, unknown>;

const HANDLERS: Record<string, Handler> = {
  CreateHostedZone: createHostedZone,
  GetHostedZone: getHostedZone,
  DeleteHostedZone: deleteHostedZone,
  ListHostedZones: listHostedZones,
  ListHostedZonesByName: listHostedZonesByName,
  ChangeResourceRecordSets: changeResourceRecordSets,
  ListResourceRecordSets: listResourceRecordSets,
  GetChange: getChange,
  TestDNSAnswer: testDnsAnswer,
};

const REST_ROUTES: NonNullable<EmulatedService['restRoutes']> = [
  { method: 'POST', path: '/2013-04-01/hostedzone', operation: 'CreateHostedZone', status: 201 },
  { method: 'GET', path: '/2013-04-01/hostedzone', operation: 'ListHostedZones' },
  { method: 'GET', path: '/2013-04-01/hostedzonesbyname', operation: 'ListHostedZonesByName' },
  { method: 'GET', path: '/2013-04-01/hostedzone/{Id}', operation: 'GetHostedZone' },
  { method: 'DELETE', path: '/2013-04-01/hostedzone/{Id}', operation: 'DeleteHostedZone' },
  {
    method: 'POST',
    path: '/2013-04-01/hostedzone/{HostedZoneId}/rrset',
    operation: 'ChangeResourceRecordSets',
  },
  { method: 'GET', path: '/2013-04-01/hostedzone/{HostedZoneId}/rrset', operation: 'ListResourceRecordSets' },
  { method: 'GET', path: '/2013-04-01/change/{Id}', operation: 'GetChange' },
  { method: 'GET', path: '/2013-04-01/testdnsanswer', operation: 'TestDNSAnswer' },
];

type InventoryItem = ReturnType<EmulatedService['inventory']>[number];

function inventory(r53: Route53Context, ctx: ServiceContext): InventoryItem[] {
  const out: InventoryItem[] = [];
  for (const z of Object.values(r53.state.zones)) {
    out.push({ kind: 'hosted-zone', id: z.id, state: z.name, tags: {} });
    for (const r of z.records) {
      out.push({
        kind: 'resource-record-set',
        id: `${z.id}/${r.Name}/${r.Type}${r.SetIdentifier !== undefined ? '/' + r.SetIdentifier : ''}`,
        tags: {},
      });
    }
  }
  const now = ctx.clock.now();
  for (const c of Object.values(r53.state.changes)) {
    if (now < c.submittedAt + r53.propagationMs)
      out.push({ kind: 'change', id: c.id, state: 'PENDING', tags: {} });
  }
  return out;
}

export function createRoute53Service(options: Route53Options = {}): Route53Service {
  const r53: Route53Context = {
    state: emptyState(),
    options,
    propagationMs: options.changePropagationMs ?? DURATIONS.route53ChangePendingToInsync,
  };
  const operations: Record<string, OperationHandler> = Object.fromEntries(
    Object.entries(HANDLERS).map(([name, handler]) => [
      name,
      (req: SandboxRequest, ctx: ServiceContext) => handler(r53, req, ctx),
    ]),
  );

  return {
    name: 'route53',
    protocol: 'rest-xml',
    namespace: ROUTE53_NAMESPACE,
    operations,
    listItemNames: {
      HostedZones: 'HostedZone',
      ResourceRecordSets: 'ResourceRecordSet',
      ResourceRecords: 'ResourceRecord',
      NameServers: 'NameServer',
      RecordData: 'RecordDataEntry',
      VPCs: 'VPC',
    },
    restRoutes: REST_ROUTES.map((route) => ({ ...route })),
    inventory: (ctx) => inventory(r53, ctx),
    snapshotState() {
      return JSON.parse(JSON.stringify(r53.state)) as State;
    },
    restoreState(saved) {
      r53.state = restoredState(saved);
    },
    reset() {
      r53.state = emptyState();
    },
    seed(ctx) {
      if (!Object.values(r53.state.zones).some((z) => z.name === 'example.test.')) {
        createZone(r53, ctx, 'example.test.', 'sandbox-seed-example.test', 'sandbox default zone', undefined);
      }
    },
    recordsOf(zoneName) {
      const n = normalizeName(zoneName);
      return Object.values(r53.state.zones)
        .find((z) => z.name === n)
        ?.records.map((r) => JSON.parse(JSON.stringify(r)) as RecordSet);
    },
  };
}
