import {
  bool,
  commonInputs,
  duration,
  integer,
  matching,
  optional,
  text,
} from '../../packages/core/src/inputs.js';

export const retireReleaseInputs = {
  ...commonInputs,
  zone: text("the hosted zone of the role's name: its id ('Z…') or its name ('example.com')"),
  name: optional(matching(/^[A-Za-z0-9.-]{1,253}\.?$/, "the role's DNS name, e.g. api.prod.example.com")),
  keep: optional(integer(1, 100), '2'),
  keepImages: optional(integer(0, 100), '1'),
  finalSnapshot: optional(bool(), 'false'),
  timeout: optional(duration('1m', '6h'), '30m'),
} as const;

const ZONE_ID = /^(?:\/hostedzone\/)?Z[A-Z0-9]{1,31}$/;
const ZONE_NAME =
  /^(?=.{1,254}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;

/** The form of the `zone` input, checked before any call; undefined when it is fine. */
export function zoneInputProblem(given: string): string | undefined {
  if (ZONE_ID.test(given) || ZONE_NAME.test(given)) return undefined;
  return `Input 'zone' was '${given}': neither a hosted zone id nor a DNS name; expected a hosted zone id ('Z…') or the zone's name ('example.com').`;
}
