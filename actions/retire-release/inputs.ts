import { bool, choice, commonInputs, duration, integer, matching, optional, text } from '@immut/core/inputs';
import { RESOLVED_ZONE_EXPECTED } from '@immut/core/zone-input';

export const retireReleaseInputs = {
  ...commonInputs,
  // Required in mode retire (main.ts); unshare reads no hosted zone.
  zone: optional(text("the hosted zone of the role's name: its id ('Z…') or its name ('example.com')")),
  // Its form and its match with `zone` are checked in main.ts (parseResolvedZone).
  hostedZone: optional(text(RESOLVED_ZONE_EXPECTED)),
  mode: optional(choice(['retire', 'unshare'] as const), 'retire'),
  retiredBuilds: optional(
    matching(
      /^\[\s*(?:"[a-z0-9]{1,12}"\s*(?:,\s*"[a-z0-9]{1,12}"\s*)*)?\]$/,
      'a JSON list of build ids, such as the retire run\'s retired output (["b000041"])',
    ),
  ),
  name: optional(matching(/^[A-Za-z0-9.-]{1,253}\.?$/, "the role's DNS name, e.g. api.prod.example.com")),
  keep: optional(integer(1, 100), '2'),
  keepImages: optional(integer(0, 100), '1'),
  finalSnapshot: optional(bool(), 'false'),
  timeout: optional(duration('1m', '6h'), '30m'),
} as const;
