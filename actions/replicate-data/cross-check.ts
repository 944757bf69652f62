// Checks across replicate-data's inputs that need no AWS call. Apart from replicate.ts (which
// loads the RDS client) so that main.ts runs them before any SDK loads (issue #20).
import { dbInstanceId } from '@immut/core/naming';
import { missingEnvNames } from '@immut/core/user-command';
import { CONNECTION_ENV_NAMES } from './changelog.js';
import type { ReplicateRequest } from './replicate.js';

/** Problems between inputs that each look fine alone. */
export function crossCheck(
  request: Pick<
    ReplicateRequest,
    'identity' | 'sourceId' | 'changelogCommand' | 'changelogEnv' | 'sourceIsCluster'
  >,
  stepEnv: Readonly<Record<string, string | undefined>> = {},
): string[] {
  const problems: string[] = [];
  const replicaId = dbInstanceId(request.identity);
  const input = request.sourceIsCluster ? 'source-cluster' : 'source-db';
  if (request.sourceId.toLowerCase() === replicaId) {
    problems.push(
      `Input '${input}' was '${request.sourceId}': that is the name of this build's own replica; expected the DB instance or cluster to copy from.`,
    );
  }
  const extra = request.changelogEnv ?? [];
  if (extra.length === 0) return problems;
  const given = `Input 'changelog-env' was '${extra.join(',').slice(0, 80)}'`;
  if (!request.changelogCommand) {
    problems.push(
      `${given}, but no changelog-command is given; set changelog-command or remove changelog-env.`,
    );
    return problems;
  }
  const ours = extra.filter((n) => CONNECTION_ENV_NAMES.includes(n.toUpperCase()));
  if (ours.length > 0) {
    problems.push(
      `${given}: ${ours.join(', ')} ${ours.length === 1 ? 'is' : 'are'} set by immut to the replica's connection; remove ${ours.length === 1 ? 'it' : 'them'} from changelog-env.`,
    );
  }
  const missing = missingEnvNames(stepEnv, extra);
  if (missing.length > 0) {
    problems.push(
      `${given}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set in the step's environment; set ${missing.length === 1 ? 'it' : 'them'} in the step's env: (or remove ${missing.length === 1 ? 'it' : 'them'} from changelog-env).`,
    );
  }
  return problems;
}
