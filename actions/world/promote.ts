// Mode 'promote': plans promote-world.yml, which promotes a world release of one env (every
// role's release in it) to another env in one run, one promote.yml call per role.
//
// Three things are read, and nothing on AWS:
//  - the world release, from its annotated tag (the record; see core recorded-release.ts):
//    which release of each role it holds;
//  - the source env's world file: where each role's name lives there (the gate of promote.yml
//    reads the role's history record under it to prove the release went live);
//  - the target env's world file: how each role runs there (its subnets, data source, change
//    log, flags, name, cutover strategy).
// Each released role becomes one matrix entry whose keys are promote.yml's inputs. The gate
// itself runs in each role's own promotion, so a role refused there fails alone and the
// others still promote (the workflow runs its matrix with fail-fast: false).
//
// A world release with a missing role is refused here, before anything runs: it is not a
// world the source env ever ran as a whole, and promoting its other roles would say it was.
import { UserError } from '@immut/core/errors';
import type { GitHubClient } from '@immut/core/github';
import { showGiven } from '@immut/core/inputs';
import { createRecorder } from '@immut/core/recorded-release';
import type { RolePlan, World } from '@immut/core/world';
import { missingRoles, worldReleaseCodec, type WorldRelease } from '@immut/core/world-release';
import { MATRIX_LIMIT_BYTES, matrixEntry, type MatrixEntry } from './plan.js';

// The form of the `release` input is in release-tag.ts (no GitHub client there: inputs.ts needs it).
export { WORLD_RELEASE_TAG } from './release-tag.js';

/** The settings of the target world that promote.yml takes: how the role runs there. */
const TARGET_KEYS = [
  'region',
  'source-db',
  'from',
  'changelog-command',
  'flags',
  'instance-type',
  'count',
  'subnet-ids',
  'security-group-ids',
  'lb-security-group-ids',
  'port',
  'health-check-path',
  'zone',
  'dns-name',
  'strategy',
  'steps',
] as const;

export interface PromotionPlanParts {
  /** The world release tag being promoted. */
  tag: string;
  release: WorldRelease;
  source: { world: World; plans: readonly RolePlan[]; file: string };
  target: { world: World; plans: readonly RolePlan[]; file: string };
  /** The build in the target env; default the world release's build. */
  build?: string;
}

export interface PromotionPlan {
  entries: MatrixEntry[];
  roles: string[];
  build: string;
}

/** Reads the world release recorded under `tag`; refuses a tag that holds none. */
export async function readWorldReleaseTag(
  octokit: GitHubClient,
  repository: { owner: string; repo: string },
  tag: string,
): Promise<WorldRelease> {
  const recorder = createRecorder(worldReleaseCodec);
  // findExisting only reads; `sha` is what a record would point at, unused here.
  const existing = await recorder.findExisting({ octokit, ...repository, tag, sha: '' });
  if (!existing.tag) {
    throw new UserError(
      `Input 'release' names ${showGiven(tag)}, but ${repository.owner}/${repository.repo} has no world release under it (no annotated tag ${tag}); expected the tag rebuild-the-world recorded (its output world-tag).`,
    );
  }
  // The codec validated the manifest; that it is the one of this tag is checked here.
  const release = existing.tag.manifest;
  if (release.world !== tag)
    throw new UserError(
      `The annotated tag ${tag} holds the world release of ${release.world}, not its own; a tag is never moved by immut: check who created it.`,
    );
  return release;
}

function byRole(plans: readonly RolePlan[]): Map<string, RolePlan> {
  return new Map(plans.map((p) => [p.role, p]));
}

/** What is wrong with promoting this world release between these two world files, if anything. */
function mismatch(parts: PromotionPlanParts): string | undefined {
  const { release, source, target } = parts;
  if (source.world.env !== release.env)
    return `Input 'source-world-file' (${source.file}) is the world of env '${source.world.env}', but ${parts.tag} is a world release of env '${release.env}'; expected the world file of ${release.env}.`;
  if (target.world.env === release.env)
    return `Input 'world-file' (${target.file}) is the world of env '${target.world.env}', the env ${parts.tag} was released in; expected the world file of the env to promote to (e.g. prod).`;
  const missing = missingRoles(release);
  if (missing.length > 0)
    return `${parts.tag} has ${missing.length} role(s) missing: ${missing.join(', ')} (their releases were never recorded in ${release.env}). A world release with a missing role is not promoted: ${release.env} never ran it as a whole. Promote a complete world release, or promote single roles with promote.yml.`;
  const roles = Object.keys(release.roles);
  const notIn = (plans: readonly RolePlan[]) => roles.filter((r) => !plans.some((p) => p.role === r));
  const absentTarget = notIn(target.plans);
  if (absentTarget.length > 0)
    return `${parts.tag} holds ${absentTarget.join(', ')}, which the world file ${target.file} (env ${target.world.env}) does not list; expected every promoted role in the target world, which says how it runs there.`;
  const absentSource = notIn(source.plans);
  if (absentSource.length > 0)
    return `${parts.tag} holds ${absentSource.join(', ')}, which the world file ${source.file} (env ${source.world.env}) does not list; the gate needs each role's name in ${source.world.env}.`;
  return undefined;
}

/** One promote.yml call per role of the world release: its role release, source name, target settings. */
export function planPromotion(parts: PromotionPlanParts): PromotionPlan {
  const problem = mismatch(parts);
  if (problem) throw new UserError(problem);
  const { release, source, target } = parts;
  const build = parts.build ?? release.build;
  const sources = byRole(source.plans);
  const targets = byRole(target.plans);
  const roles = Object.keys(release.roles).sort();
  const entries = roles.map((role) => {
    const entry = release.roles[role];
    const from = sources.get(role);
    const to = targets.get(role);
    if (entry?.status !== 'released' || !from || !to) throw new Error(`unreachable: ${role} was checked`);
    const settings = matrixEntry(to);
    const kept = Object.fromEntries(TARGET_KEYS.flatMap((k) => (k in settings ? [[k, settings[k]]] : [])));
    return {
      role,
      release: entry.tag,
      env: target.world.env,
      build,
      'source-zone': from.zone,
      'source-dns-name': from['dns-name'],
      ...kept,
    } as MatrixEntry;
  });
  const bytes = Buffer.byteLength(JSON.stringify({ include: entries }), 'utf8');
  if (bytes > MATRIX_LIMIT_BYTES)
    throw new UserError(
      `The promotion matrix of ${entries.length} role(s) is ${bytes} bytes; GitHub keeps at most ${MATRIX_LIMIT_BYTES} bytes of a job's outputs. Shorten the target world's longest values, or split its roles over several environments.`,
    );
  return { entries, roles, build };
}
