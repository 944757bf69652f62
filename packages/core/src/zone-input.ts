// The form of the `zone` input (a hosted zone id or a zone name), checked without any AWS
// call. Kept apart from hosted-zone.ts, which needs the Route 53 client, so an action can
// refuse a malformed zone before it loads the SDK (issue #20: input errors first).
import { showGiven } from './inputs.js';

export const ZONE_ID = /^(?:\/hostedzone\/)?(Z[A-Z0-9]{1,31})$/;
export const ZONE_NAME =
  /^(?=.{1,254}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;
export const ZONE_EXPECTED = "expected a hosted zone id ('Z…') or the zone's name ('example.com')";

/** Checks the form of the `zone` input before any call; undefined when it is fine. */
export function zoneInputProblem(given: string): string | undefined {
  if (ZONE_ID.test(given) || ZONE_NAME.test(given)) return undefined;
  return `Input 'zone' was ${showGiven(given, 'zone')}: neither a hosted zone id nor a DNS name; ${ZONE_EXPECTED}.`;
}
