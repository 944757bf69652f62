// The form of a world release tag, immut/<env>/world/<build>, as the `release` input takes it.
// Apart from promote.ts (which loads the GitHub client) so that inputs.ts, read before any
// client loads, can use it (issue #20: input errors first).
import { BUILD_RULE, ENV_RULE } from '@immut/core/identity';
import { WORLD_ROLE } from '@immut/core/naming';

/** A world release tag as the `release` input must give it. */
export const WORLD_RELEASE_TAG = {
  pattern: new RegExp(
    `^immut/${ENV_RULE.pattern.source.slice(1, -1)}/${WORLD_ROLE}/${BUILD_RULE.pattern.source.slice(1, -1)}$`,
  ),
  expected: 'a world release tag immut/<env>/world/<build> (e.g. immut/staging/world/b000042)',
};
