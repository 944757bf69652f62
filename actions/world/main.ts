// world: the two ends of rebuild-the-world, and the world's status. Mode 'plan' turns the
// world file into the release matrix (one release per role; with only-stale, just the stale
// roles); mode 'status' reports what every role runs and how old its OS head is
// (status.ts); mode 'record' records the world release
// `immut/<env>/world/<build>` that lists every role's release in this build, or marks the
// role missing (see record.ts for why a partial world is recorded and the step then fails).
//
// No post step: the world action creates nothing on AWS (mode status only reads), and what it records on GitHub is
// kept after a failure on purpose (a re-run completes it; the error says so).
import { UserError } from '@immut/core/errors';
import { createGitHubClient, repositoryFromEnv } from '@immut/core/github';
import { buildFromRunNumber } from '@immut/core/identity';
import { readInputs, type ParsedInputs } from '@immut/core/inputs';
import { provenanceFromEnv, type Env } from '@immut/core/provenance';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import { heading, markdownTable, summary } from '@immut/core/summary';
import { parseWorld, planWorld, type RolePlan, type World } from '@immut/core/world';
import { readWorldFile, worldInputs } from './inputs.js';
import { releaseMatrix } from './plan.js';
import { recordWorld } from './record.js';
import { status, takeStatus } from './status.js';

const ACTION = 'world';

type WorldInputs = ParsedInputs<typeof worldInputs>;

/** The build shared by the world's releases: the input, else derived from the run number. */
function worldBuild(build: string | undefined, env: Env): string {
  if (build) return build;
  const run = env['GITHUB_RUN_NUMBER'];
  if (run && /^\d+$/.test(run)) return buildFromRunNumber(run);
  throw new UserError(
    "Input 'build' was not given and GITHUB_RUN_NUMBER is not set; expected the build id of the world's releases (e.g. b000042).",
  );
}

function timeScale(env: Env): number {
  const raw = Number(env['IMMUT_TIME_SCALE'] || 1);
  return Number.isFinite(raw) && raw >= 1 ? raw : 1;
}

async function plan({ io }: ActionContext, world: World, plans: RolePlan[], file: string): Promise<void> {
  io.setOutput('matrix', releaseMatrix(plans));
  io.info(`${file}: ${plans.length} role(s) in env ${world.env}: ${plans.map((p) => p.role).join(', ')}`);
  await io.appendSummary(
    summary(
      heading(`World ${world.env}: ${plans.length} role(s)`),
      markdownTable(
        ['role', 'base image', 'app version', 'data', 'name'],
        plans.map((p) => [
          p.role,
          p['base-image'] ?? '',
          p['app-version'] ?? '',
          p['source-db'] ?? '—',
          p['dns-name'],
        ]),
      ),
    ),
  );
}

async function record(
  { io, env }: ActionContext,
  inputs: WorldInputs,
  world: World,
  plans: RolePlan[],
): Promise<void> {
  const build = worldBuild(inputs.build, env);
  const provenance = provenanceFromEnv(env);
  if (!/^[0-9a-f]{40}$/.test(provenance.sha)) {
    throw new UserError(
      `GITHUB_SHA is '${provenance.sha}', expected a commit sha; run this action in a workflow.`,
    );
  }
  const repository = repositoryFromEnv(env);
  const octokit = createGitHubClient({
    token: inputs.githubToken,
    env,
    action: ACTION,
    log: io,
    timeScale: timeScale(env),
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
  });
}

async function main(ctx: ActionContext): Promise<void> {
  const { io } = ctx;
  const inputs = readInputs(worldInputs, io.getInput);
  if (inputs.githubToken) io.setSecret(inputs.githubToken);
  const workspace = io.env['GITHUB_WORKSPACE'] ?? process.cwd();
  const file = inputs.worldFile ?? 'immut.world.yml';
  const world = parseWorld(readWorldFile(workspace, file), file);
  const all = planWorld(world);
  io.setOutput('region', world.region);
  if (inputs.mode === 'status') {
    io.setOutput('env', world.env);
    io.setOutput('roles', all.map((p) => p.role).join(','));
    await status(ctx, world, all, {
      maxAge: inputs.maxAge ?? '30d',
      githubToken: inputs.githubToken,
      failOnStale: inputs.failOnStale === true,
    });
    return;
  }
  const plans = await selectRoles(ctx, inputs, world, all);
  io.setOutput('env', world.env);
  io.setOutput('roles', plans.map((p) => p.role).join(','));
  io.setOutput('count', String(plans.length));
  if (inputs.mode === 'plan') await plan(ctx, world, plans, file);
  else await record(ctx, inputs, world, plans);
}

/**
 * The roles this run plans or records: all of them; in mode plan with only-stale, those the
 * status flags stale; in mode record with `roles`, those (the roles an only-stale plan gave).
 */
async function selectRoles(
  ctx: ActionContext,
  inputs: WorldInputs,
  world: World,
  all: RolePlan[],
): Promise<RolePlan[]> {
  if (inputs.mode === 'plan' && inputs.onlyStale === true) {
    const taken = await takeStatus(ctx, world, all, {
      maxAge: inputs.maxAge ?? '30d',
      githubToken: inputs.githubToken,
    });
    const stale = new Set(taken.stale);
    const chosen = all.filter((p) => stale.has(p.role));
    ctx.io.info(
      chosen.length === 0
        ? `only-stale: no role is stale (max-age ${taken.maxAge}); nothing to rebuild.`
        : `only-stale: rebuilding ${chosen.length} stale role(s): ${chosen.map((p) => p.role).join(', ')}.`,
    );
    return chosen;
  }
  if (inputs.mode === 'record' && inputs.roles !== undefined && inputs.roles.length > 0) {
    const known = new Set(all.map((p) => p.role));
    const unknown = inputs.roles.filter((r) => !known.has(r));
    if (unknown.length > 0)
      throw new UserError(
        `Input 'roles' names ${unknown.map((r) => `'${r}'`).join(', ')}, which the world file does not have; expected roles of ${world.env}: ${[...known].join(', ')}.`,
      );
    const wanted = new Set(inputs.roles);
    return all.filter((p) => wanted.has(p.role));
  }
  return all;
}

export const world: ActionDefinition = { name: ACTION, main };
