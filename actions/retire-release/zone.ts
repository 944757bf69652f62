// The hosted zone of the role's name, given by id or by exact name (a public zone preferred
// over a private one of the same name), and the name checked to lie inside it.
import {
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  type HostedZone,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { fqdn } from '../../packages/core/src/dns-history.js';
import { UserError } from '../../packages/core/src/errors.js';

export interface Zone {
  id: string;
  /** Without the trailing dot, lower case. */
  name: string;
}

function zoneOf(z: HostedZone): Zone {
  return {
    id: (z.Id ?? '').replace(/^\/hostedzone\//, ''),
    name: (z.Name ?? '').toLowerCase().replace(/\.$/, ''),
  };
}

function badZone(given: string, why: string): UserError {
  return new UserError(
    `Input 'zone' was '${given}': ${why}; expected a hosted zone id ('Z…') or the zone's name ('example.com').`,
  );
}

export async function resolveZone(route53: Route53Client, given: string): Promise<Zone> {
  const id = /^(?:\/hostedzone\/)?(Z[A-Z0-9]{1,31})$/.exec(given)?.[1];
  if (id) {
    try {
      const out = await route53.send(new GetHostedZoneCommand({ Id: id }));
      if (out.HostedZone) return zoneOf(out.HostedZone);
    } catch (error) {
      if (!(error instanceof Error && error.name === 'NoSuchHostedZone')) throw error;
    }
    throw badZone(given, 'no hosted zone has that id');
  }
  const wanted = fqdn(given);
  // Zones are listed in name order from `wanted` on, so the exact matches come first.
  const out = await route53.send(new ListHostedZonesByNameCommand({ DNSName: wanted, MaxItems: 100 }));
  const matches = (out.HostedZones ?? []).filter((z) => (z.Name ?? '').toLowerCase() === wanted);
  const publicZones = matches.filter((z) => z.Config?.PrivateZone !== true);
  const pick = publicZones.length > 0 ? publicZones : matches;
  if (pick.length === 1) return zoneOf(pick[0]!);
  if (pick.length === 0) throw badZone(given, 'this account has no hosted zone of that name');
  throw badZone(
    given,
    `${pick.length} hosted zones have that name (${pick.map((z) => zoneOf(z).id).join(', ')}); pass the id of the one to use`,
  );
}

/** The name must lie in the zone; undefined when it does. */
export function nameProblem(name: string, zone: Zone): string | undefined {
  const n = fqdn(name);
  if (n === `${zone.name}.` || n.endsWith(`.${zone.name}.`)) return undefined;
  return `Input 'name' was '${name}': it is not inside hosted zone ${zone.name} (${zone.id}); expected a name ending in .${zone.name}.`;
}
