// The form of the `zone` input (a hosted zone id or a zone name), checked without any AWS
// call. Kept apart from hosted-zone.ts, which needs the Route 53 client, so an action can
// refuse a malformed zone before it loads the SDK (issue #20: input errors first).
import { showGiven } from './inputs.js';

export const ZONE_ID = /^(?:\/hostedzone\/)?(Z[A-Z0-9]{1,31})$/;
export const ZONE_NAME =
  /^(?=.{1,254}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;
export const ZONE_EXPECTED = "expected a hosted zone id ('Z…') or the zone's name ('example.com')";

/** A hosted zone as resolved (hosted-zone.ts). */
export interface Zone {
  /** Bare id, without `/hostedzone/`. */
  id: string;
  /** Lower case, without the trailing dot (the form naming.ts builds names under). */
  name: string;
  privateZone: boolean;
}

/** Checks the form of the `zone` input before any call; undefined when it is fine. */
export function zoneInputProblem(given: string): string | undefined {
  if (ZONE_ID.test(given) || ZONE_NAME.test(given)) return undefined;
  return `Input 'zone' was ${showGiven(given, 'zone')}: neither a hosted zone id nor a DNS name; ${ZONE_EXPECTED}.`;
}

/**
 * The `hosted-zone` output of launch-behind-lb and the input of the same name: a zone already
 * resolved, `<id>/<name>/<public|private>`, so a later job of the release needs no Route 53
 * lookup. Its calls are per account and few (10 a second), and hundreds of releases at once
 * share them.
 */
export function formatResolvedZone(zone: Zone): string {
  return `${zone.id}/${zone.name}/${zone.privateZone ? 'private' : 'public'}`;
}

const RESOLVED = /^(Z[A-Z0-9]{1,31})\/([^/]{1,254})\/(public|private)$/;
export const RESOLVED_ZONE_EXPECTED =
  "expected launch-behind-lb's hosted-zone output for the zone of input 'zone' ('<id>/<name>/<public|private>')";

/**
 * The zone a `hosted-zone` input gives, which must be the zone `zone` names: the same id, or
 * for a name, the same name (the lookup it saves would have found that zone, or refused).
 */
export function parseResolvedZone(given: string, zoneInput: string): { zone?: Zone; problem?: string } {
  const match = RESOLVED.exec(given);
  const [, id = '', name = '', scope = ''] = match ?? [];
  if (!match || !ZONE_NAME.test(name)) {
    return {
      problem: `Input 'hosted-zone' was ${showGiven(given, 'hosted-zone')}; ${RESOLVED_ZONE_EXPECTED}.`,
    };
  }
  const zone = { id, name: name.toLowerCase().replace(/\.$/, ''), privateZone: scope === 'private' };
  const byId = ZONE_ID.exec(zoneInput)?.[1];
  const same = byId ? byId === zone.id : zoneInput.toLowerCase().replace(/\.$/, '') === zone.name;
  if (!same) {
    return {
      problem: `Input 'hosted-zone' was ${showGiven(given, 'hosted-zone')}, which is not the zone input 'zone' names (${showGiven(zoneInput, 'zone')}); ${RESOLVED_ZONE_EXPECTED}.`,
    };
  }
  return { zone };
}
