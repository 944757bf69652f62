// The read side of a release: given its git tag (or release id and env), fetch the manifest
// tag-release recorded and validate it. The annotated tag's message is the record: a GitHub
// release and its `manifest.json` asset can be edited or replaced by anyone with write access
// long after the release was made, while the tag object (content-addressed, and protectable
// by a tag ruleset) cannot change under its sha. So the manifest is read from the tag, and a
// release asset that says anything else is refused as tampered. Manifests of older schema
// versions are upgraded step by step to the current one, so any release ever recorded can be
// redeployed or rolled back to.
import { UserError } from './errors.js';
import { gitHubCall, gitHubFind } from './github-calls.js';
import type { GitHubClient } from './github.js';
import { BUILD_RULE, ENV_RULE } from './identity.js';
import {
  MANIFEST_SCHEMA,
  ManifestError,
  validateManifest,
  writeManifest,
  type ReleaseManifest,
} from './manifest.js';
import { gitTag, parseGitTag } from './naming.js';

/** Neither a GitHub release nor a git tag exists under the tag: the release was never recorded. */
export class ReleaseNotFoundError extends UserError {
  override name = 'ReleaseNotFoundError';
}

/** Name of the release asset that holds the manifest. */
export const MANIFEST_ASSET = 'manifest.json';

/** Brings a manifest of one schema version to the next. */
export type ManifestUpgrader = (manifest: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgraders keyed by the schema they read. There is only v1 today; when v2 arrives, add
 * `'immut.release/v1': (m) => ({ ...m, schema: 'immut.release/v2', … })` here.
 */
export const MANIFEST_UPGRADERS: Readonly<Record<string, ManifestUpgrader>> = {};

function schemaOf(value: unknown): unknown {
  return value && typeof value === 'object' ? (value as { schema?: unknown }).schema : undefined;
}

/** Validates a manifest of any known schema version, upgraded to the current one. */
export function upgradeManifest(
  value: unknown,
  upgraders: Readonly<Record<string, ManifestUpgrader>> = MANIFEST_UPGRADERS,
): ReleaseManifest {
  let current = value;
  const seen = new Set<unknown>();
  while (schemaOf(current) !== MANIFEST_SCHEMA) {
    const schema = schemaOf(current);
    const upgrade = typeof schema === 'string' ? upgraders[schema] : undefined;
    if (!upgrade || seen.has(schema)) {
      const known = [...Object.keys(upgraders), MANIFEST_SCHEMA].join(', ');
      throw new ManifestError(
        `Release manifest has schema '${String(schema)}', which this version of immut cannot read (it reads ${known}). A newer immut may have written it: upgrade the immut actions.`,
      );
    }
    seen.add(schema);
    current = upgrade(current as Record<string, unknown>);
  }
  return validateManifest(current);
}

/** Parses manifest JSON of any known schema version. */
export function manifestFromJson(json: string): ReleaseManifest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ManifestError(`Release manifest is not valid JSON: ${(error as Error).message}`);
  }
  return upgradeManifest(value);
}

/** The annotated tag's message: a title line, a blank line, the manifest JSON. */
export function tagMessage(manifest: ReleaseManifest): string {
  return `immut release ${manifest.release} (${manifest.env})\n\n${writeManifest(manifest)}`;
}

/** The JSON text inside a tag message written by `tagMessage` (a signature may follow). */
function manifestJsonInTagMessage(message: string): string {
  const start = message.indexOf('{');
  const end = message.lastIndexOf('}');
  if (start < 0 || end < start) throw new ManifestError('The tag message holds no release manifest.');
  return message.slice(start, end + 1);
}

/** The manifest inside a tag message written by `tagMessage` (a signature may follow). */
export function manifestFromTagMessage(message: string): ReleaseManifest {
  return manifestFromJson(manifestJsonInTagMessage(message));
}

/** The git tag of a release id (`<role>-<build>`) in an env. */
export function tagForRelease(release: string, env: string): string {
  const match = /^(.+)-([^-]+)$/.exec(release);
  if (!match || !BUILD_RULE.pattern.test(match[2] ?? '') || !ENV_RULE.pattern.test(env)) {
    throw new UserError(
      `Release '${release}' in env '${env}' is not a release id; expected <role>-<build> (e.g. api-b000042) and an env such as prod.`,
    );
  }
  return gitTag({ role: match[1] ?? '', build: match[2] ?? '', env });
}

export interface ReadReleaseOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  /** The git tag, `immut/<env>/<role>/<build>` (tag-release's `tag` output)… */
  tag?: string;
  /** …or the release id `<role>-<build>` together with `env`. */
  release?: string;
  env?: string;
}

export interface ReadRelease {
  manifest: ReleaseManifest;
  tag: string;
  /** Where the manifest was read from. */
  from: 'release-asset' | 'tag-message';
  releaseUrl?: string;
}

function resolveTag(options: ReadReleaseOptions): string {
  if (options.tag) {
    if (!parseGitTag(options.tag)) {
      throw new UserError(
        `'${options.tag}' is not an immut release tag; expected immut/<env>/<role>/<build>.`,
      );
    }
    return options.tag;
  }
  if (options.release && options.env) return tagForRelease(options.release, options.env);
  throw new UserError('readRelease needs a tag, or a release id and an env.');
}

/** Reads an asset's bytes as text (GitHub answers 200 with them or redirects to them). */
export async function downloadAsset(
  octokit: GitHubClient,
  where: { owner: string; repo: string; assetId: number },
): Promise<string> {
  const { data } = await octokit.rest.repos.getReleaseAsset({
    owner: where.owner,
    repo: where.repo,
    asset_id: where.assetId,
    headers: { accept: 'application/octet-stream' },
  });
  const bytes = data as unknown;
  if (typeof bytes === 'string') return bytes;
  if (bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes)) {
    return Buffer.from(bytes as ArrayBuffer).toString('utf8');
  }
  return JSON.stringify(bytes);
}

/** Top-level or nested fields where two manifests differ: names only, never values. */
function differingFields(a: unknown, b: unknown, prefix = ''): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(a) || !isObject(b))
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix || '(root)'];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((k) => differingFields(a[k], b[k], prefix ? `${prefix}.${k}` : k));
}

/** The release asset says something other than the annotated tag: it was changed afterwards. */
export class TamperedReleaseError extends ManifestError {
  override name = 'TamperedReleaseError';
}

/**
 * Reads and validates a release's manifest from its annotated tag; throws a UserError when
 * the release does not exist, its tag is not one tag-release wrote, or its GitHub release
 * asset differs from the tag (tampered).
 */
export async function readReleaseDetails(options: ReadReleaseOptions): Promise<ReadRelease> {
  const { octokit, owner, repo } = options;
  const tag = resolveTag(options);
  const repository = `${owner}/${repo}`;
  const read = (what: string) => ({ what, write: false, repository });
  const ref = await gitHubFind(read(`reading the git tag ${tag}`), () =>
    octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` }),
  );
  if (!ref) {
    throw new ReleaseNotFoundError(
      `No release '${tag}' in ${repository}: no git tag of that name exists (the annotated tag holds the manifest; a GitHub release alone is not trusted). Give the tag tag-release recorded (its 'tag' output).`,
    );
  }
  if (ref.data.object.type !== 'tag') {
    throw new ManifestError(
      `The git tag ${tag} is a lightweight tag, not one tag-release wrote: it holds no manifest.`,
    );
  }
  const object = await gitHubCall(read(`reading the git tag ${tag}`), () =>
    octokit.rest.git.getTag({ owner, repo, tag_sha: ref.data.object.sha }),
  );
  // The ref may be moved to another tag object; the object names the tag it was made as.
  if (object.data.tag !== tag || object.data.object.type !== 'commit') {
    throw new ManifestError(
      `The git tag ${tag} points at a tag object made as '${object.data.tag}' on a ${object.data.object.type}, not one tag-release wrote for ${tag}; refusing it. Re-record the release with tag-release.`,
    );
  }
  const manifest = manifestFromTagMessage(object.data.message);
  if (gitTag(manifest) !== tag) {
    throw new ManifestError(
      `The manifest under ${tag} is for ${gitTag(manifest)}; a release tag must carry its own manifest.`,
    );
  }
  if (manifest.source.sha !== object.data.object.sha) {
    throw new ManifestError(
      `The git tag ${tag} is on commit ${object.data.object.sha}, but its manifest was recorded from ${manifest.source.sha}; tag-release tags the commit it ran on, so this tag was remade. Refusing it.`,
    );
  }

  const release = await gitHubFind(read(`reading the release ${tag}`), () =>
    octokit.rest.repos.getReleaseByTag({ owner, repo, tag }),
  );
  const asset = release?.data.assets.find((a) => a.name === MANIFEST_ASSET);
  if (release && asset) {
    const text = await gitHubCall(read(`downloading ${MANIFEST_ASSET} of ${tag}`), () =>
      downloadAsset(octokit, { owner, repo, assetId: asset.id }),
    );
    const tampered = (why: string): TamperedReleaseError =>
      new TamperedReleaseError(
        `The ${MANIFEST_ASSET} of the GitHub release ${tag} differs from the manifest in its annotated tag (${why}): it was changed after tag-release recorded the release. immut launches only what the tag records and refuses a tampered release; find out who edited ${release.data.html_url}, then delete the asset and re-run tag-release for this build to restore it.`,
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw tampered('the asset is not JSON');
    }
    // Compared as written (before any upgrade): tag-release writes the same JSON to both.
    const fields = differingFields(JSON.parse(manifestJsonInTagMessage(object.data.message)), parsed);
    if (fields.length > 0) throw tampered(`fields ${fields.slice(0, 10).join(', ')}`);
  }
  return {
    manifest,
    tag,
    from: 'tag-message',
    ...(release ? { releaseUrl: release.data.html_url } : {}),
  };
}

/** `readRelease({ octokit, owner, repo, tag })` → the validated manifest. */
export async function readRelease(options: ReadReleaseOptions): Promise<ReleaseManifest> {
  return (await readReleaseDetails(options)).manifest;
}
