// The modes of the world action that call GitHub (promote, record), loaded by main.ts only
// once the inputs and the world files passed their checks: mode plan, which every
// rebuild-the-world runs, never loads the GitHub client.
import { createGitHubClient } from '@immut/core/github';
import { repositoryFromEnv } from '@immut/core/provenance';
import type { ActionContext } from '@immut/core/run-action';
import { heading, markdownTable, summary } from '@immut/core/summary';
import type { RolePlan, World } from '@immut/core/world';
import { ACTION, type PromoteChecked, type RecordChecked, type WorldInputs } from './main.js';
import { planPromotion, readWorldReleaseTag } from './promote.js';
import { recordWorld } from './record.js';

/** Mode promote: the world release and both world files become promote-world.yml's matrix. */
export async function promote(
  { io, env }: ActionContext,
  inputs: WorldInputs,
  target: { world: World; plans: RolePlan[]; file: string },
  { tag, token, source }: PromoteChecked,
): Promise<void> {
  const octokit = createGitHubClient({ token, env, action: ACTION, log: io });
  const release = await readWorldReleaseTag(octokit, repositoryFromEnv(env), tag);
  const planned = planPromotion({
    tag,
    release,
    source,
    target,
    ...(inputs.build ? { build: inputs.build } : {}),
  });
  io.setOutput('matrix', JSON.stringify({ include: planned.entries }));
  io.setOutput('roles', planned.roles.join(','));
  io.setOutput('count', String(planned.roles.length));
  io.setOutput('build', planned.build);
  io.info(
    `${tag}: promoting ${planned.roles.length} role(s) from ${release.env} to ${target.world.env} as build ${planned.build}: ${planned.roles.join(', ')}`,
  );
  await io.appendSummary(
    summary(
      heading(`Promote ${tag} to ${target.world.env}: ${planned.roles.length} role(s)`),
      markdownTable(
        ['role', 'release', 'image', 'app version', `name in ${release.env}`, `name in ${target.world.env}`],
        planned.entries.map((e) => {
          const entry = release.roles[e['role'] ?? ''];
          const released = entry?.status === 'released' ? entry : undefined;
          return [
            e['role'] ?? '',
            e['release'] ?? '',
            released?.image ?? '',
            released?.app ?? '',
            e['source-dns-name'] ?? '',
            e['dns-name'] ?? '',
          ];
        }),
      ),
      `Each role passes the promotion gate on its own (its release must have gone live in ${release.env}); a refused role fails its own promotion while the others go on.`,
    ),
  );
}

export async function record(
  { io, env }: ActionContext,
  inputs: WorldInputs,
  world: World,
  plans: RolePlan[],
  { build, provenance }: RecordChecked,
): Promise<void> {
  const repository = repositoryFromEnv(env);
  const octokit = createGitHubClient({
    token: inputs.githubToken,
    env,
    action: ACTION,
    log: io,
  });
  await recordWorld({
    env: world.env,
    roles: plans.map((p) => p.role),
    build,
    provenance,
    repository,
    octokit,
    now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    dryRun: inputs.dryRun === true,
    io,
    ...(inputs.release ? { promotedFrom: inputs.release } : {}),
  });
}
