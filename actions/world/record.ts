// Mode 'record': the world release, as a plain function of the planned world and a GitHub
// client. Every role of the world file is looked up under its release tag in this build;
// the world release lists each one's release, or marks it missing when its release was
// never recorded (its release job failed or did not run).
//
// 'released' means the role's release was recorded (tag-release ran in its release job);
// whether it then went live is launch-behind-lb's and cutover-dns's part, and a failure
// there fails that release job, so the workflow is red either way.
//
// A partial world is recorded, then the step fails. The record of this build says which
// roles got a release and which did not; failing afterwards keeps the workflow red and
// names the missing roles. Like every immut release, a world release is never rewritten:
// re-running the failed roles releases them, but this world release keeps them marked
// missing (recording it again is then a conflict); a complete world needs a new build
// (rebuild-the-world again, where unchanged roles reuse their images).
import type { ActionIO } from '@immut/core/action-io';
import { UserError } from '@immut/core/errors';
import type { GitHubClient } from '@immut/core/github';
import { gitTag, worldTag } from '@immut/core/naming';
import type { Provenance } from '@immut/core/provenance';
import { createRecorder, plannedSteps, type RecordTarget } from '@immut/core/recorded-release';
import { ReleaseNotFoundError, readReleaseDetails } from '@immut/core/release-reader';
import {
  buildWorldRelease,
  missingRoles,
  releasedEntry,
  worldReleaseCodec,
  writeWorldRelease,
  type WorldRelease,
  type WorldRoleEntry,
} from '@immut/core/world-release';
import { worldReleaseBody, type RoleLinks } from './release-body.js';
import { renderSummary } from './summary.js';

export interface RecordWorldOptions {
  env: string;
  /** The world file's roles, in plan order. */
  roles: readonly string[];
  build: string;
  provenance: Provenance;
  repository: { owner: string; repo: string };
  octokit: GitHubClient;
  /** ISO-8601 time recorded as `created` when the world release is new. */
  now: string;
  dryRun: boolean;
  io: ActionIO;
  /** The world release this one promotes (promote-world.yml): a missing role's reason says so. */
  promotedFrom?: string;
}

export interface RecordWorldResult {
  manifest: WorldRelease;
  tag: string;
  releaseUrl?: string;
  /** What was (or in a dry run, would be) created. */
  changes: string[];
  missing: string[];
}

const recorder = createRecorder(worldReleaseCodec);

interface RoleOutcome {
  entry: WorldRoleEntry;
  url?: string;
}

/** One role's release in this build, or why it has none (only a 404 means "none"). */
async function readRole(options: RecordWorldOptions, role: string): Promise<RoleOutcome> {
  const tag = gitTag({ role, env: options.env, build: options.build });
  try {
    const read = await readReleaseDetails({ octokit: options.octokit, ...options.repository, tag });
    return { entry: releasedEntry(read.manifest), ...(read.releaseUrl ? { url: read.releaseUrl } : {}) };
  } catch (error) {
    if (!(error instanceof ReleaseNotFoundError)) throw error;
    const why = options.promotedFrom
      ? `its promotion from ${options.promotedFrom} was refused by the promotion gate or failed (see that role's promotion jobs)`
      : 'its release job failed or did not run';
    return { entry: { status: 'missing', reason: `no release was recorded under ${tag}: ${why}` } };
  }
}

export async function readRoles(
  options: RecordWorldOptions,
): Promise<{ roles: Record<string, WorldRoleEntry>; links: RoleLinks }> {
  const outcomes = await Promise.all(options.roles.map((role) => readRole(options, role)));
  const roles: Record<string, WorldRoleEntry> = {};
  const links: RoleLinks = {};
  options.roles.forEach((role, i) => {
    const outcome = outcomes[i];
    if (!outcome) return;
    roles[role] = outcome.entry;
    if (outcome.url) links[role] = outcome.url;
  });
  return { roles, links };
}

function setOutputs(io: ActionIO, result: RecordWorldResult): void {
  io.setOutput('tag', result.tag);
  io.setOutput('manifest', JSON.stringify(JSON.parse(writeWorldRelease(result.manifest))));
  io.setOutput('release-url', result.releaseUrl ?? '');
}

function missingError(result: RecordWorldResult, dryRun: boolean, promotedFrom?: string): string {
  const { manifest, missing } = result;
  const total = Object.keys(manifest.roles).length;
  const list = missing.map((role) => gitTag({ role, env: manifest.env, build: manifest.build })).join(', ');
  const what = dryRun ? 'would be recorded' : 'was recorded';
  if (promotedFrom)
    return `World release ${result.tag} ${what} with ${missing.length} of ${total} role(s) missing: ${missing.join(', ')} (no release under ${list}; their promotion from ${promotedFrom} was refused by the promotion gate or failed: see their promotion jobs). The promoted roles are listed with their releases. A world release is never rewritten: to promote the missing roles, make them live in ${promotedFrom.split('/')[1] ?? 'their env'} and promote a new world release, or promote them one by one with promote.yml.`;
  return `World release ${result.tag} ${what} with ${missing.length} of ${total} role(s) missing: ${missing.join(', ')} (no release under ${list}; their release jobs failed or did not run). The released roles are listed with their releases. A world release is never rewritten: once the failures are fixed, run rebuild-the-world again for a complete world (unchanged roles reuse their images).`;
}

/** Records what is missing; a failure after a partial write says what it left. */
async function recordOnGitHub(
  target: RecordTarget,
  existing: Awaited<ReturnType<typeof recorder.findExisting>>,
  manifest: WorldRelease,
  body: string,
  io: ActionIO,
): Promise<{ releaseUrl: string; created: string[] }> {
  const created: string[] = [];
  try {
    return await recorder.record(target, existing, manifest, body, {
      created: (kind, id) => created.push(`${kind} ${id}`),
      info: (line) => io.info(line),
    });
  } catch (error) {
    if (created.length === 0) throw error;
    throw new UserError(
      `${(error as Error).message} The run had already created ${created.join(', ')}; they are kept on purpose (a world release is never rewritten): re-run this job to complete the world release, it recognises the identical manifest.`,
    );
  }
}

export async function recordWorld(options: RecordWorldOptions): Promise<RecordWorldResult> {
  const { io, octokit, env, build } = options;
  const tag = worldTag({ env, build });
  const { roles, links } = await readRoles(options);
  const wanted = buildWorldRelease({
    env,
    build,
    created: options.now,
    source: {
      repository: options.provenance.repository,
      sha: options.provenance.sha,
      run: options.provenance.runUrl,
    },
    roles,
  });
  const target: RecordTarget = { octokit, ...options.repository, tag, sha: options.provenance.sha };
  const existing = await recorder.findExisting(target);
  const manifest = await recorder.reconcile(target, existing, wanted);
  if (existing.tag)
    io.info(`${tag} is already recorded with an identical manifest (created ${manifest.created}).`);
  const missing = missingRoles(manifest);

  if (options.dryRun) {
    const steps = plannedSteps(existing, tag);
    io.info(`Dry run: the world release manifest would be:\n${writeWorldRelease(manifest)}`);
    io.info(steps.length > 0 ? `Dry run: would create ${steps.join('; ')}.` : 'Dry run: nothing to do.');
    const result: RecordWorldResult = {
      manifest,
      tag,
      ...(existing.release ? { releaseUrl: existing.release.url } : {}),
      changes: steps,
      missing,
    };
    setOutputs(io, result);
    await io.appendSummary(renderSummary(manifest, links, { ...result, dryRun: true }));
    // A dry run reports; it records nothing, so it has nothing to fail after.
    if (missing.length > 0) io.warning(missingError(result, true, options.promotedFrom));
    return result;
  }

  const recorded = await recordOnGitHub(target, existing, manifest, worldReleaseBody(manifest, links), io);
  if (recorded.created.length === 0) io.info(`World release ${tag} was already complete; nothing changed.`);
  const result: RecordWorldResult = {
    manifest,
    tag,
    releaseUrl: recorded.releaseUrl,
    changes: recorded.created,
    missing,
  };
  setOutputs(io, result);
  await io.appendSummary(renderSummary(manifest, links, { ...result, dryRun: false }));
  if (missing.length > 0) throw new UserError(missingError(result, false, options.promotedFrom));
  return result;
}
