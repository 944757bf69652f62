// A manifest recorded on GitHub as immutable data: an annotated tag on the commit with the
// manifest in its message, a GitHub release with a readable body, and the manifest as the
// release's `manifest.json` asset. What kind of manifest it is (a role's release, a world
// release) is a small codec; the recording is the same for all of them.
//
// A recorded manifest is never rewritten: what already exists is compared with what this
// run would record (the codec decides which fields are ignored, e.g. `created`). Identical
// → the run reuses the recorded manifest and completes whatever is missing (a re-run, or a
// run that failed half-way); different → a conflict error, before anything is written.
import { UserError } from './errors.js';
import { describeGitHubError, gitHubCall, gitHubFind, statusOf } from './github-calls.js';
import type { GitHubClient } from './github.js';
import { MANIFEST_ASSET, downloadAsset } from './release-reader.js';

/** How one kind of manifest is read, written and compared. */
export interface ManifestCodec<M> {
  /** What is recorded, lower case, for messages: `release`, `world release`. */
  noun: string;
  /** Parses and validates manifest JSON (the release asset); throws on anything invalid. */
  fromJson(text: string): M;
  /** Parses and validates the manifest inside an annotated tag's message; throws likewise. */
  fromTagMessage(message: string): M;
  /** Canonical JSON: equal manifests give equal bytes. */
  write(manifest: M): string;
  /** The annotated tag's message (it must hold `write(manifest)` for `fromTagMessage`). */
  tagMessage(manifest: M): string;
  /** The GitHub release's title. */
  releaseName(manifest: M): string;
  /** Why `recorded` and `wanted` are not the same record, one line each; empty when they are. */
  differences(recorded: M, wanted: M): string[];
}

export interface RecordTarget {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  tag: string;
  /** The commit the tag points at (GITHUB_SHA). */
  sha: string;
}

export interface ExistingRecord<M> {
  tag?: { objectSha: string; commit: string; manifest: M };
  release?: { id: number; url: string; uploadUrl: string; asset?: { id: number } };
}

/** A record that exists and differs from what this run would record. */
export class ReleaseConflictError extends UserError {
  override name = 'ReleaseConflictError';
}

export interface RecordHooks {
  /** Called right after each GitHub object is created (for the post step's report). */
  created(kind: 'git-tag' | 'github-release' | 'release-asset', id: string): void;
  info(line: string): void;
}

export interface Recorded {
  releaseUrl: string;
  releaseId: number;
  /** What this run created. */
  created: string[];
}

/** Records manifests of one kind; every function checks before it writes. */
export interface Recorder<M> {
  /** What already exists on GitHub under the tag. */
  findExisting(t: RecordTarget): Promise<ExistingRecord<M>>;
  /**
   * The manifest to record: the recorded one when it matches (so a re-run keeps its first
   * `created` time), `wanted` when nothing is recorded; a ReleaseConflictError otherwise.
   */
  reconcile(t: RecordTarget, existing: ExistingRecord<M>, wanted: M): Promise<M>;
  /** Creates what is missing: tag, release, asset — in that order, so the tag comes first. */
  record(
    t: RecordTarget,
    existing: ExistingRecord<M>,
    manifest: M,
    body: string,
    hooks: RecordHooks,
  ): Promise<Recorded>;
}

const repository = (t: RecordTarget): string => `${t.owner}/${t.repo}`;
const reading = (t: RecordTarget, what: string) => ({ what, write: false, repository: repository(t) });
const writing = (t: RecordTarget, what: string) => ({ what, write: true, repository: repository(t) });
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Paths where two JSON values differ, skipping the top-level keys in `ignore`:
 * `image.id ("a" recorded, "b" now)`. The default comparison of a codec.
 */
export function jsonDifferences(
  recorded: unknown,
  wanted: unknown,
  ignore: readonly string[] = ['created'],
): string[] {
  const flat = (value: unknown, prefix = ''): Map<string, string> => {
    const out = new Map<string, string>();
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        for (const [k, v] of flat(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
      }
    } else out.set(prefix, JSON.stringify(value));
    return out;
  };
  const without = (value: unknown): unknown =>
    value && typeof value === 'object'
      ? { ...value, ...Object.fromEntries(ignore.map((key) => [key, undefined])) }
      : value;
  const a = flat(without(recorded));
  const b = flat(without(wanted));
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys
    .filter((k) => a.get(k) !== b.get(k))
    .map((k) => `${k} (${a.get(k) ?? 'absent'} recorded, ${b.get(k) ?? 'absent'} now)`);
}

/** The manifest inside a tag message: from the first `{` to the last `}` (a signature may follow). */
export function jsonInTagMessage(message: string): string | undefined {
  const start = message.indexOf('{');
  const end = message.lastIndexOf('}');
  return start < 0 || end < start ? undefined : message.slice(start, end + 1);
}

/** What `record` will create (nothing when the record is complete). */
export function plannedSteps(existing: ExistingRecord<unknown>, tag: string): string[] {
  return [
    ...(existing.tag ? [] : [`the annotated git tag ${tag}`]),
    ...(existing.release ? [] : [`the GitHub release ${tag}`]),
    ...(existing.release?.asset ? [] : [`the release asset ${MANIFEST_ASSET}`]),
  ];
}

export function createRecorder<M>(codec: ManifestCodec<M>): Recorder<M> {
  const conflict = (tag: string, why: string): ReleaseConflictError =>
    new ReleaseConflictError(
      `${capitalised(codec.noun)} ${tag} already exists and ${why}. A ${codec.noun} is never rewritten: record a new build instead (a new workflow run, or another 'build' input). If the existing ${codec.noun} is a mistake, delete its tag and GitHub release by hand first.`,
    );

  async function findExisting(t: RecordTarget): Promise<ExistingRecord<M>> {
    const { octokit, owner, repo, tag } = t;
    const existing: ExistingRecord<M> = {};
    const ref = await gitHubFind(reading(t, `reading the git tag ${tag}`), () =>
      octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` }),
    );
    if (ref) {
      if (ref.data.object.type !== 'tag') {
        throw conflict(tag, `is a lightweight tag (on ${ref.data.object.sha}), not an immut ${codec.noun}`);
      }
      const object = await gitHubCall(reading(t, `reading the git tag ${tag}`), () =>
        octokit.rest.git.getTag({ owner, repo, tag_sha: ref.data.object.sha }),
      );
      let manifest: M;
      try {
        manifest = codec.fromTagMessage(object.data.message);
      } catch (error) {
        throw conflict(tag, `its message holds no valid manifest (${(error as Error).message})`);
      }
      existing.tag = { objectSha: object.data.sha, commit: object.data.object.sha, manifest };
    }
    const release = await gitHubFind(reading(t, `reading the release ${tag}`), () =>
      octokit.rest.repos.getReleaseByTag({ owner, repo, tag }),
    );
    if (release) {
      const asset = release.data.assets.find((a) => a.name === MANIFEST_ASSET);
      existing.release = {
        id: release.data.id,
        url: release.data.html_url,
        uploadUrl: release.data.upload_url,
        ...(asset ? { asset: { id: asset.id } } : {}),
      };
    }
    return existing;
  }

  async function reconcile(t: RecordTarget, existing: ExistingRecord<M>, wanted: M): Promise<M> {
    if (!existing.tag) {
      if (existing.release)
        throw conflict(t.tag, `has a GitHub release (${existing.release.url}) but no annotated tag`);
      return wanted;
    }
    if (existing.tag.commit !== t.sha) {
      throw conflict(t.tag, `points at commit ${existing.tag.commit}, while this run is at ${t.sha}`);
    }
    const differences = codec.differences(existing.tag.manifest, wanted);
    if (differences.length > 0) throw conflict(t.tag, `its manifest differs: ${differences.join('; ')}`);
    const recorded = existing.tag.manifest;
    if (existing.release?.asset) {
      const assetId = existing.release.asset.id;
      const text = await gitHubCall(reading(t, `downloading ${MANIFEST_ASSET} of ${t.tag}`), () =>
        downloadAsset(t.octokit, { owner: t.owner, repo: t.repo, assetId }),
      );
      let asset: M;
      try {
        asset = codec.fromJson(text);
      } catch (error) {
        throw conflict(
          t.tag,
          `its ${MANIFEST_ASSET} asset is not a valid manifest (${(error as Error).message})`,
        );
      }
      if (codec.write(asset) !== codec.write(recorded)) {
        throw conflict(t.tag, `its ${MANIFEST_ASSET} asset differs from the tag's manifest`);
      }
    }
    return recorded;
  }

  async function createTag(t: RecordTarget, manifest: M, hooks: RecordHooks): Promise<boolean> {
    const { octokit, owner, repo, tag } = t;
    const object = await gitHubCall(writing(t, `creating the git tag ${tag}`), () =>
      octokit.rest.git.createTag({
        owner,
        repo,
        tag,
        message: codec.tagMessage(manifest),
        object: t.sha,
        type: 'commit',
      }),
    );
    try {
      await octokit.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha: object.data.sha });
    } catch (error) {
      // Another run recorded the same tag in between: fine if it recorded the same manifest.
      if (statusOf(error) === 422) {
        await reconcile(t, await findExisting(t), manifest);
        return false;
      }
      throw describeGitHubError(error, writing(t, `creating the git tag ${tag}`));
    }
    hooks.created('git-tag', tag);
    hooks.info(`Created the annotated tag ${tag} on ${t.sha}`);
    return true;
  }

  async function createRelease(
    t: RecordTarget,
    manifest: M,
    body: string,
    hooks: RecordHooks,
  ): Promise<NonNullable<ExistingRecord<M>['release']> & { created: boolean }> {
    const { octokit, owner, repo, tag } = t;
    try {
      const response = await octokit.rest.repos.createRelease({
        owner,
        repo,
        tag_name: tag,
        name: codec.releaseName(manifest),
        body,
        make_latest: 'false',
      });
      const release = {
        id: response.data.id,
        url: response.data.html_url,
        uploadUrl: response.data.upload_url,
      };
      hooks.created('github-release', String(release.id));
      hooks.info(`Created the GitHub release ${release.url}`);
      return { ...release, created: true };
    } catch (error) {
      // 422 already_exists: another run created it in between; use it if it matches.
      if (statusOf(error) === 422) {
        const again = await findExisting(t);
        await reconcile(t, again, manifest);
        if (again.release) return { ...again.release, created: false };
      }
      throw describeGitHubError(error, writing(t, `creating the GitHub release ${tag}`));
    }
  }

  async function record(
    t: RecordTarget,
    existing: ExistingRecord<M>,
    manifest: M,
    body: string,
    hooks: RecordHooks,
  ): Promise<Recorded> {
    const { octokit, owner, repo, tag } = t;
    const created: string[] = [];
    if (!existing.tag && (await createTag(t, manifest, hooks))) created.push(`git tag ${tag}`);
    let release = existing.release;
    if (!release) {
      const made = await createRelease(t, manifest, body, hooks);
      if (made.created) created.push(`GitHub release ${tag}`);
      release = made;
    }
    if (!release.asset) {
      const target = release;
      await gitHubCall(writing(t, `uploading ${MANIFEST_ASSET} to the release ${tag}`), () =>
        octokit.rest.repos.uploadReleaseAsset({
          owner,
          repo,
          release_id: target.id,
          name: MANIFEST_ASSET,
          url: target.uploadUrl,
          data: codec.write(manifest),
          headers: { 'content-type': 'application/json' },
        }),
      );
      hooks.created('release-asset', `${release.id}/${MANIFEST_ASSET}`);
      hooks.info(`Uploaded ${MANIFEST_ASSET} to the release`);
      created.push(`release asset ${MANIFEST_ASSET}`);
    }
    return { releaseUrl: release.url, releaseId: release.id, created };
  }

  return { findExisting, reconcile, record };
}

/** What one run did to a recorded release, for its job summary. */
export interface RecordOutcome {
  tag: string;
  releaseUrl?: string;
  /** What this run created or changed; empty on a re-run of a complete release. */
  changes: string[];
  dryRun: boolean;
}

/** The summary's line about the record: the tag, the release link and what changed. */
export function describeRecordOutcome(outcome: RecordOutcome): string {
  const what = outcome.dryRun
    ? `Dry run: would create ${outcome.changes.length > 0 ? outcome.changes.join(', ') : 'nothing (already recorded)'}.`
    : outcome.changes.length > 0
      ? `Recorded: ${outcome.changes.join(', ')}.`
      : 'Already recorded with an identical manifest; nothing changed.';
  return `Tag \`${outcome.tag}\`${outcome.releaseUrl ? ` · [release](${outcome.releaseUrl})` : ''}. ${what}`;
}
