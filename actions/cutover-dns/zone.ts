// The hosted zone, given by id or by name. By name: exact matches only (ListHostedZonesByName
// lists zones *from* the name on), a public zone preferred over private ones of the same
// name, and an error listing the candidates when the choice is not clear.
import {
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  type HostedZone,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { UserError } from '../../packages/core/src/errors.js';
import { fqdn } from './records.js';
import { type CallContext, retryThrottled } from './retry.js';

export interface Zone {
  id: string;
  /** Stored form: lower case with a trailing dot. */
  name: string;
  privateZone: boolean;
}

const ZONE_ID = /^(?:\/hostedzone\/)?(Z[A-Z0-9]{1,31})$/;
const ZONE_NAME =
  /^(?=.{1,254}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;

function zoneOf(z: HostedZone): Zone {
  return {
    id: (z.Id ?? '').replace(/^\/hostedzone\//, ''),
    name: (z.Name ?? '').toLowerCase(),
    privateZone: z.Config?.PrivateZone === true,
  };
}

function badZone(given: string, why: string): UserError {
  return new UserError(
    `Input 'zone' was '${given}': ${why}; expected a hosted zone id ('Z…') or the zone's name ('example.com').`,
  );
}

/** Checks the form of the `zone` input before any call; undefined when it is fine. */
export function zoneInputProblem(given: string): string | undefined {
  if (ZONE_ID.test(given) || ZONE_NAME.test(given)) return undefined;
  return `Input 'zone' was '${given}': neither a hosted zone id nor a DNS name; expected a hosted zone id ('Z…') or the zone's name ('example.com').`;
}

export async function resolveZone(route53: Route53Client, calls: CallContext, given: string): Promise<Zone> {
  const id = ZONE_ID.exec(given)?.[1];
  if (id) {
    try {
      const out = await retryThrottled(calls, `reading hosted zone ${id}`, () =>
        route53.send(new GetHostedZoneCommand({ Id: id })),
      );
      if (!out.HostedZone) throw badZone(given, 'Route 53 returned no zone');
      return zoneOf(out.HostedZone);
    } catch (error) {
      if (error instanceof Error && error.name === 'NoSuchHostedZone')
        throw badZone(given, 'no hosted zone has that id');
      throw error;
    }
  }
  return zoneByName(route53, calls, given);
}

async function zoneByName(route53: Route53Client, calls: CallContext, given: string): Promise<Zone> {
  const wanted = fqdn(given);
  const matches: Zone[] = [];
  let next: { DNSName: string; HostedZoneId?: string } | undefined = { DNSName: wanted };
  while (next) {
    const request: { DNSName: string; HostedZoneId?: string } = next;
    const page = await retryThrottled(calls, `looking up hosted zone ${wanted}`, () =>
      route53.send(new ListHostedZonesByNameCommand({ ...request, MaxItems: 100 })),
    );
    const zones = (page.HostedZones ?? []).map(zoneOf);
    const exact = zones.filter((z) => z.name === wanted);
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
  if (n === zone.name || n.endsWith(`.${zone.name}`)) return undefined;
  return `Input 'name' was '${name}': it is not inside hosted zone ${zone.name.replace(/\.$/, '')} (${zone.id}); expected a name ending in .${zone.name.replace(/\.$/, '')}.`;
}
