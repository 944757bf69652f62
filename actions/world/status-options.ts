// The inputs of mode status (and of plan with only-stale), checked before status.ts loads the
// AWS and GitHub clients, so a typo fails at once and costs no round trip (issue #20).
import { UserError } from '@immut/core/errors';
import { parseMaxAge } from '@immut/core/world-status';

export interface StatusOptions {
  maxAge: string;
  githubToken: string | undefined;
}

/** max-age in milliseconds, once it and the token are known to be usable. */
export function checkStatusOptions(options: StatusOptions): number {
  const maxAgeMs = parseMaxAge(options.maxAge);
  if (!options.githubToken)
    throw new UserError(
      "Input 'github-token' is empty; mode status reads the roles' releases with it (contents: read is enough).",
    );
  return maxAgeMs;
}
