// The `zone` input of the actions that write DNS: a hosted zone given by id or by name. By
// name: exact matches only (ListHostedZonesByName lists zones *from* the name on), a public
// zone preferred over private ones of the same name (names are meant to be reachable from
// anywhere unless an id says otherwise), and an error listing the candidates when the choice
// is not clear. Also reading the record sets at one name, which every such action needs.
import {
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  type HostedZone,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { fqdn } from './dns-history.js';
import { UserError } from './errors.js';
import { showGiven } from './inputs.js';
import { type CallContext, retryThrottledIf } from './throttle-retry.js';
import {
  ZONE_EXPECTED as EXPECTED,
  ZONE_ID,
  type Zone,
  parseResolvedZone,
  zoneInputProblem,
} from './zone-input.js';

export type { Zone };

function zoneOf(z: HostedZone): Zone {
  return {
    id: (z.Id ?? '').replace(/^\/hostedzone\//, ''),
    name: (z.Name ?? '').toLowerCase().replace(/\.$/, ''),
    privateZone: z.Config?.PrivateZone === true,
  };
}

function badZone(given: string, why: string): UserError {
  return new UserError(`Input 'zone' was ${showGiven(given, 'zone')}: ${why}; ${EXPECTED}.`);
}

// The input's form is checked in zone-input.ts (no SDK there), re-exported for callers here.
export { zoneInputProblem };

/** Sends one Route 53 call, retried on throttling or not, as the caller chose. */
type Send = <T>(what: string, call: () => Promise<T>) => Promise<T>;

/**
 * The hosted zone the `zone` input names. With `calls`, throttled calls are retried until its
 * deadline (see throttle-retry.ts); without, throttling is left to the SDK's own retries.
 */
export async function resolveZone(route53: Route53Client, given: string, calls?: CallContext): Promise<Zone> {
  const problem = zoneInputProblem(given);
  if (problem) throw new UserError(problem);
  const send: Send = (what, call) => retryThrottledIf(calls, what, call);
  const id = ZONE_ID.exec(given)?.[1];
  return id ? zoneById(route53, send, given, id) : zoneByName(route53, send, given);
}

/**
 * The zone of the `zone` input: as an earlier job of the release resolved it (`hosted-zone`,
 * launch-behind-lb's output), with no call, else looked up.
 */
export async function zoneOfInputs(
  route53: Route53Client,
  inputs: { zone: string; hostedZone?: string | undefined },
  calls?: CallContext,
): Promise<Zone> {
  if (inputs.hostedZone !== undefined) {
    const { zone, problem } = parseResolvedZone(inputs.hostedZone, inputs.zone);
    if (!zone) throw new UserError(problem ?? `Input 'hosted-zone' is malformed.`);
    return zone;
  }
  return resolveZone(route53, inputs.zone, calls);
}

async function zoneById(route53: Route53Client, send: Send, given: string, id: string): Promise<Zone> {
  try {
    const out = await send(`reading hosted zone ${id}`, () =>
      route53.send(new GetHostedZoneCommand({ Id: id })),
    );
    if (!out.HostedZone) throw badZone(given, 'Route 53 returned no zone');
    return zoneOf(out.HostedZone);
  } catch (error) {
    if (error instanceof Error && error.name === 'NoSuchHostedZone')
      throw badZone(given, 'no hosted zone has that id');
    // A policy scoped to the zones a team named answers AccessDenied for any other id, one
    // that does not exist included: most often a typo, else a zone the policy does not name.
    if (error instanceof Error && error.name === 'AccessDenied')
      throw badZone(
        given,
        `the role may not read that hosted zone (AWS denied route53:GetHostedZone): check the id, or name the zone in the role's policy (npm run iam -- --hosted-zone-id ${id})`,
      );
    throw error;
  }
}

async function zoneByName(route53: Route53Client, send: Send, given: string): Promise<Zone> {
  const wanted = fqdn(given);
  const matches: Zone[] = [];
  let next: { DNSName: string; HostedZoneId?: string } | undefined = { DNSName: wanted };
  // A hand-written loop: the SDK ships no paginator for ListHostedZonesByName.
  while (next) {
    const request: { DNSName: string; HostedZoneId?: string } = next;
    const page = await send(`looking up hosted zone ${wanted}`, () =>
      route53.send(new ListHostedZonesByNameCommand({ ...request, MaxItems: 100 })),
    );
    const zones = page.HostedZones ?? [];
    const exact = zones.filter((z) => (z.Name ?? '').toLowerCase() === wanted).map(zoneOf);
    matches.push(...exact);
    // Zones come in name order from `wanted` on: past the exact matches, none can follow.
    next =
      page.IsTruncated && exact.length === zones.length && page.NextDNSName
        ? {
            DNSName: page.NextDNSName,
            ...(page.NextHostedZoneId ? { HostedZoneId: page.NextHostedZoneId } : {}),
          }
        : undefined;
  }
  return pickZone(given, matches);
}

function pickZone(given: string, matches: readonly Zone[]): Zone {
  const publicZones = matches.filter((z) => !z.privateZone);
  const pick = publicZones.length > 0 ? publicZones : matches;
  if (pick.length === 1) return pick[0]!;
  if (pick.length === 0) throw badZone(given, 'this account has no hosted zone of that name');
  const list = matches.map((z) => `${z.id} (${z.privateZone ? 'private' : 'public'})`).join(', ');
  throw badZone(
    given,
    `${pick.length} ${publicZones.length > 0 ? 'public' : 'private'} hosted zones have that name: ${list}; pass the id of the one to use`,
  );
}

/** The record name must lie in the zone (Route 53 would refuse it, less clearly). */
export function nameProblem(name: string, zone: Zone): string | undefined {
  const n = fqdn(name);
  if (n === `${zone.name}.` || n.endsWith(`.${zone.name}.`)) return undefined;
  return `Input 'name' was '${name}': it is not inside hosted zone ${zone.name} (${zone.id}); expected a name ending in .${zone.name}.`;
}

/**
 * Every record set of `type` at exactly `name`, as Route 53 returns them (a DELETE must
 * repeat them value for value), paging through weighted sets if there are many. With
 * `calls`, throttling is retried until the run's deadline.
 */
export async function recordSetsAt(
  route53: Route53Client,
  zoneId: string,
  name: string,
  type: 'A' | 'TXT',
  calls?: CallContext,
): Promise<ResourceRecordSet[]> {
  const send: Send = (what, call) => retryThrottledIf(calls, what, call);
  const wanted = fqdn(name);
  const found: ResourceRecordSet[] = [];
  let identifier: string | undefined;
  // A hand-written loop: the SDK ships no paginator for ListResourceRecordSets.
  for (;;) {
    const page = await send(`reading ${type} records of ${wanted}`, () =>
      route53.send(
        new ListResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          StartRecordName: wanted,
          StartRecordType: type,
          ...(identifier !== undefined ? { StartRecordIdentifier: identifier } : {}),
          MaxItems: 100,
        }),
      ),
    );
    const sets = page.ResourceRecordSets ?? [];
    const mine = sets.filter((r) => r.Name?.toLowerCase() === wanted && r.Type === type);
    found.push(...mine);
    // Sets are sorted by name then type: once another one appears, ours are all read.
    const more =
      page.IsTruncated === true &&
      mine.length === sets.length &&
      page.NextRecordName?.toLowerCase() === wanted &&
      page.NextRecordType === type &&
      page.NextRecordIdentifier !== undefined;
    if (!more) return found;
    identifier = page.NextRecordIdentifier;
  }
}

/** Route 53's order of record names: labels reversed (`www.example.com` sorts as `com.example.www`). */
export function compareDnsNames(a: string, b: string): number {
  const key = (n: string) => n.toLowerCase().replace(/\.$/, '').split('.').reverse().join('.');
  const [ka, kb] = [key(a), key(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The A records of `name` and the TXT records of `below`, a name under it (its history record),
 * in one call when they share a page. Route 53 lists record sets in DNS order (labels
 * reversed, then type) from the start given, and a name's children come right after its own
 * records, so the page that starts at `name`'s A records holds `below` too, or shows it is
 * absent by listing what sorts after it. Only a page that ends before that reads again.
 */
export async function recordSetsWithChild(
  route53: Route53Client,
  zoneId: string,
  name: string,
  below: string,
  calls?: CallContext,
): Promise<{ a: ResourceRecordSet[]; childTxt: ResourceRecordSet[] }> {
  const wanted = fqdn(name);
  const child = fqdn(below);
  if (!child.endsWith(`.${wanted}`)) throw new Error(`${child} is not a name under ${wanted}`);
  const page = await retryThrottledIf(calls, `reading A records of ${wanted}`, () =>
    route53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: wanted,
        StartRecordType: 'A',
        MaxItems: 100,
      }),
    ),
  );
  const sets = page.ResourceRecordSets ?? [];
  const complete = page.IsTruncated !== true;
  const isA = (r: ResourceRecordSet) => r.Name?.toLowerCase() === wanted && r.Type === 'A';
  const a = sets.filter(isA);
  const childTxt = sets.filter((r) => r.Name?.toLowerCase() === child && r.Type === 'TXT');
  // A set after the A records ends them; one sorting after the child (or its TXT) ends it.
  const aDone = complete || sets.some((r) => !isA(r));
  const childDone =
    complete ||
    childTxt.length > 0 ||
    sets.some((r) => {
      const order = compareDnsNames(r.Name ?? '', child);
      return order > 0 || (order === 0 && (r.Type ?? '') > 'TXT');
    });
  return {
    a: aDone ? a : await recordSetsAt(route53, zoneId, name, 'A', calls),
    childTxt: childDone ? childTxt : await recordSetsAt(route53, zoneId, below, 'TXT', calls),
  };
}
