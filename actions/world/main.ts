// world: the two ends of rebuild-the-world, and the world's status. Mode 'plan' turns the
// world file into the release matrix (one release per role; with only-stale, just the stale
// roles); mode 'status' reports what every role runs and how old its OS head is
// (status.ts); mode 'record' records the world release
// `immut/<env>/world/<build>` that lists every role's release in this build, or marks the
// role missing (see record.ts for why a partial world is recorded and the step then fails);
// mode 'promote' plans the promotion of a world release to the env of the world file, one
// promote.yml call per role (promote.ts).
//
// No post step: the world action creates nothing on AWS (mode status only reads), and what it records on GitHub is
// kept after a failure on purpose (a re-run completes it; the error says so).
//
// This module reads the inputs and the world file and plans, with no AWS or GitHub client
// loaded: mode plan needs none, and a bad input fails at once. The YAML parser and the world's
// schema (@immut/core/world, most of what this bundle loaded at start) load once the inputs
// passed. Modes promote and record load main-remote.ts, and status (and plan with only-stale)
// status.ts, after their checks (issue #20: input errors before any SDK loads).
import { UserError } from '@immut/core/errors';
import { buildFromRunNumber } from '@immut/core/identity';
import { readInputs, type ParsedInputs } from '@immut/core/inputs';
import { provenanceFromEnv, type Env, type Provenance } from '@immut/core/provenance';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import { heading, markdownTable, summary } from '@immut/core/summary';
import type { RolePlan, World } from '@immut/core/world';
import { MATRIX_JOBS_LIMIT } from '@immut/core/world-limits';
import { readWorldFile, worldInputs } from './inputs.js';
import { chunkNumbers, chunkPlans, chunking, releaseMatrix } from './plan.js';
import { checkStatusOptions } from './status-options.js';

export const ACTION = 'world';

export type WorldInputs = ParsedInputs<typeof worldInputs>;

/** What mode promote needs besides the target world: checked before any client loads. */
export interface PromoteChecked {
  tag: string;
  token: string;
  source: { world: World; plans: RolePlan[]; file: string };
}

/** A world file read, validated and planned; the YAML parser loads here, after the inputs passed. */
async function loadWorld(
  workspace: string,
  file: string,
  input?: string,
): Promise<{ world: World; plans: RolePlan[] }> {
  const text = readWorldFile(workspace, file, input);
  const { parseWorld, planWorld } = await import('@immut/core/world');
  const world = parseWorld(text, file);
  return { world, plans: planWorld(world) };
}

async function checkPromote(inputs: WorldInputs, env: Env): Promise<PromoteChecked> {
  const need = (value: string | undefined, input: string, expected: string): string => {
    if (value) return value;
    throw new UserError(`Input '${input}' is required in mode promote; expected ${expected}.`);
  };
  const tag = need(inputs.release, 'release', 'the world release tag to promote, immut/<env>/world/<build>');
  const sourceFile = need(
    inputs.sourceWorldFile,
    'source-world-file',
    "the world file of the release's env (where each role's name is, for the gate)",
  );
  const token = need(
    inputs.githubToken,
    'github-token',
    'a token that reads the repository (contents: read)',
  );
  const workspace = env['GITHUB_WORKSPACE'] ?? process.cwd();
  const source = await loadWorld(workspace, sourceFile, 'source-world-file');
  return { tag, token, source: { ...source, file: sourceFile } };
}

/** What mode record needs besides the world: the build and the commit, checked before any client loads. */
export interface RecordChecked {
  build: string;
  provenance: Provenance;
}

/** The build shared by the world's releases: the input, else derived from the run number. */
function worldBuild(build: string | undefined, env: Env): string {
  if (build) return build;
  const run = env['GITHUB_RUN_NUMBER'];
  if (run && /^\d+$/.test(run)) return buildFromRunNumber(run);
  throw new UserError(
    "Input 'build' was not given and GITHUB_RUN_NUMBER is not set; expected the build id of the world's releases (e.g. b000042).",
  );
}

function checkRecord(inputs: WorldInputs, env: Env): RecordChecked {
  const build = worldBuild(inputs.build, env);
  const provenance = provenanceFromEnv(env);
  if (!/^[0-9a-f]{40}$/.test(provenance.sha)) {
    throw new UserError(
      `GITHUB_SHA is '${provenance.sha}', expected a commit sha; run this action in a workflow.`,
    );
  }
  return { build, provenance };
}

/**
 * Mode plan: the matrix of release inputs, and how the roles split into chunks of at most
 * chunk-size (GitHub runs at most 256 jobs from one matrix). With `chunk`, the matrix holds
 * that chunk's roles (rebuild-the-world-chunk.yml); without, all roles when they fit in one
 * chunk, else no matrix: rebuild-the-world then runs one chunk workflow per chunk.
 */
async function plan(ctx: ActionContext, inputs: WorldInputs, world: World, all: RolePlan[], file: string) {
  const { io } = ctx;
  const size = inputs.chunkSize ?? MATRIX_JOBS_LIMIT;
  const { count } = chunking(all.length, size);
  io.setOutput('chunks', chunkNumbers(count));
  io.setOutput('chunk-count', String(count));
  const plans = inputs.chunk !== undefined ? chunkPlans(all, inputs.chunk, size) : all;
  io.setOutput('roles', plans.map((p) => p.role).join(','));
  io.setOutput('count', String(plans.length));
  if (inputs.chunk === undefined && count > 1) {
    io.info(`${file}: ${all.length} role(s) in env ${world.env}, released in ${count} chunks of ${size}.`);
    await io.appendSummary(chunksSummary(world, all, size));
    return;
  }
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

/** A world of several chunks: one row per chunk (a row per role would be thousands of rows). */
function chunksSummary(world: World, plans: RolePlan[], size: number): string {
  const rows = [];
  for (let start = 0; start < plans.length; start += size) {
    const chunk = plans.slice(start, start + size);
    rows.push([
      String(rows.length + 1),
      String(chunk.length),
      chunk[0]?.role ?? '',
      chunk.at(-1)?.role ?? '',
    ]);
  }
  return summary(
    heading(`World ${world.env}: ${plans.length} role(s) in ${rows.length} chunks`),
    `GitHub runs at most ${MATRIX_JOBS_LIMIT} jobs from one matrix, so the roles are released in chunks of ${size}, one chunk after another.`,
    markdownTable(['chunk', 'roles', 'first', 'last'], rows),
  );
}

async function main(ctx: ActionContext): Promise<void> {
  const { io } = ctx;
  const inputs = readInputs(worldInputs, io.getInput);
  if (inputs.githubToken) io.setSecret(inputs.githubToken);
  const workspace = io.env['GITHUB_WORKSPACE'] ?? process.cwd();
  const file = inputs.worldFile ?? 'immut.world.yml';
  const { world, plans: all } = await loadWorld(workspace, file);
  io.setOutput('region', world.region);
  if (inputs.mode === 'promote') {
    io.setOutput('env', world.env);
    const checked = await checkPromote(inputs, ctx.env);
    const { promote } = await import('./main-remote.js');
    await promote(ctx, inputs, { world, plans: all, file }, checked);
    return;
  }
  if (inputs.mode === 'status') {
    io.setOutput('env', world.env);
    io.setOutput('roles', all.map((p) => p.role).join(','));
    const options = { maxAge: inputs.maxAge ?? '30d', githubToken: inputs.githubToken };
    checkStatusOptions(options);
    const { status } = await import('./status.js');
    await status(ctx, world, all, { ...options, failOnStale: inputs.failOnStale === true });
    return;
  }
  const plans = await selectRoles(ctx, inputs, world, all);
  io.setOutput('env', world.env);
  if (inputs.mode === 'plan') return plan(ctx, inputs, world, plans, file);
  io.setOutput('roles', plans.map((p) => p.role).join(','));
  io.setOutput('count', String(plans.length));
  const checked = checkRecord(inputs, ctx.env);
  const { record } = await import('./main-remote.js');
  await record(ctx, inputs, world, plans, checked);
}

/**
 * The roles this run plans or records: all of them; in mode plan with only-stale, those the
 * status flags stale; in modes record and plan with `roles`, those (the roles an only-stale
 * plan gave, which each chunk of an only-stale rebuild plans among).
 */
async function selectRoles(
  ctx: ActionContext,
  inputs: WorldInputs,
  world: World,
  all: RolePlan[],
): Promise<RolePlan[]> {
  if (inputs.mode === 'plan' && inputs.onlyStale === true) {
    const options = { maxAge: inputs.maxAge ?? '30d', githubToken: inputs.githubToken };
    checkStatusOptions(options);
    const { takeStatus } = await import('./status.js');
    const taken = await takeStatus(ctx, world, all, options);
    const stale = new Set(taken.stale);
    const chosen = all.filter((p) => stale.has(p.role));
    ctx.io.info(
      chosen.length === 0
        ? `only-stale: no role is stale (max-age ${taken.maxAge}); nothing to rebuild.`
        : `only-stale: rebuilding ${chosen.length} stale role(s): ${chosen.map((p) => p.role).join(', ')}.`,
    );
    return chosen;
  }
  if (
    (inputs.mode === 'record' || inputs.mode === 'plan') &&
    inputs.roles !== undefined &&
    inputs.roles.length > 0
  ) {
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
