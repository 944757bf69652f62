// The generic recorder with the world release codec, against the sandbox's GitHub slice
// through a real Octokit: recording, idempotent re-runs, completion of a half-recorded
// release, conflicts (nothing written), and two runs racing for the same tag.
// tag-release's codec keeps its own tests (actions/tag-release/test/record.test.ts, nock).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { startSandbox, type Sandbox } from '@immut/sandbox';
import { createGitHubClient } from '../src/github.js';
import type { ReleaseManifest } from '../src/manifest.js';
import {
  createRecorder,
  jsonDifferences,
  jsonInTagMessage,
  plannedSteps,
  ReleaseConflictError,
  type RecordTarget,
} from '../src/recorded-release.js';
import { tagMessage } from '../src/release-reader.js';
import {
  buildWorldRelease,
  releasedEntry,
  worldReleaseCodec,
  worldReleaseTagMessage,
  writeWorldRelease,
  type WorldRelease,
} from '../src/world-release.js';

const OWNER = 'immut-test';
const REPO = 'app';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const TAG = 'immut/prod/world/b000042';
const V1 = JSON.parse(
  readFileSync(new URL('./fixtures/manifest-v1.json', import.meta.url), 'utf8'),
) as ReleaseManifest;
const log = { info: () => undefined, warning: () => undefined, debug: () => undefined };
const recorder = createRecorder(worldReleaseCodec);

function world(overrides: Partial<Pick<WorldRelease, 'created' | 'roles'>> = {}): WorldRelease {
  return buildWorldRelease({
    env: 'prod',
    build: 'b000042',
    created: overrides.created ?? '2025-01-15T03:10:00Z',
    source: {
      repository: `${OWNER}/${REPO}`,
      sha: SHA,
      run: 'https://github.com/immut-test/app/actions/runs/1',
    },
    roles: overrides.roles ?? {
      api: releasedEntry({ ...V1, role: 'api', release: 'api-b000042', build: 'b000042', env: 'prod' }),
      web: { status: 'missing', reason: 'no release was recorded' },
    },
  });
}

let sandbox: Sandbox;
let target: RecordTarget;

const writes = (): string[] =>
  sandbox.github
    .calls()
    .filter((c) => c.method !== 'GET')
    .map((c) => `${c.operation} ${c.status}`);

function collect() {
  const created: string[] = [];
  const lines: string[] = [];
  return {
    created,
    lines,
    hooks: {
      created: (kind: string, id: string) => created.push(`${kind} ${id}`),
      info: (l: string) => lines.push(l),
    },
  };
}

/** Records `manifest` under TAG from scratch, as a first run does. */
async function recordFresh(manifest: WorldRelease, t: RecordTarget = target) {
  const existing = await recorder.findExisting(t);
  return recorder.record(
    t,
    existing,
    await recorder.reconcile(t, existing, manifest),
    'the body',
    collect().hooks,
  );
}

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 1000 });
  const octokit = createGitHubClient({
    token: 'ghs_test',
    env: { GITHUB_API_URL: sandbox.endpoint },
    action: 'test',
    log,
    timeScale: 1000,
  });
  target = { octokit, owner: OWNER, repo: REPO, tag: TAG, sha: SHA };
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(() => {
  sandbox.github.reset();
});

describe('recording a new world release', () => {
  it('creates the annotated tag with the manifest, the release titled for it, and the manifest asset', async () => {
    const existing = await recorder.findExisting(target);
    expect(existing).toEqual({});
    expect(plannedSteps(existing, TAG)).toEqual([
      `the annotated git tag ${TAG}`,
      `the GitHub release ${TAG}`,
      'the release asset manifest.json',
    ]);
    const { created, lines, hooks } = collect();
    const result = await recorder.record(target, existing, world(), 'the body', hooks);
    expect(writes()).toEqual([
      'git.createTag 201',
      'git.createRef 201',
      'repos.createRelease 201',
      'repos.uploadReleaseAsset 201',
    ]);
    expect(created).toEqual([
      `git-tag ${TAG}`,
      `github-release ${result.releaseId}`,
      `release-asset ${result.releaseId}/manifest.json`,
    ]);
    expect(result.created).toEqual([
      `git tag ${TAG}`,
      `GitHub release ${TAG}`,
      'release asset manifest.json',
    ]);
    expect(lines[0]).toBe(`Created the annotated tag ${TAG} on ${SHA}`);

    const { octokit } = target;
    const ref = await octokit.rest.git.getRef({ owner: OWNER, repo: REPO, ref: `tags/${TAG}` });
    const tag = await octokit.rest.git.getTag({ owner: OWNER, repo: REPO, tag_sha: ref.data.object.sha });
    expect(tag.data.message).toBe(worldReleaseTagMessage(world()));
    expect(tag.data.object.sha).toBe(SHA);
    const release = await octokit.rest.repos.getReleaseByTag({ owner: OWNER, repo: REPO, tag: TAG });
    expect(release.data).toMatchObject({
      name: 'world-b000042 (prod)',
      body: 'the body',
      html_url: result.releaseUrl,
    });
    expect(release.data.assets.map((a) => a.name)).toEqual(['manifest.json']);
  });
});

describe('re-runs', () => {
  it('reuses the recorded manifest (and its created time) and writes nothing when it is identical', async () => {
    await recordFresh(world());
    sandbox.github.clearCalls();
    const existing = await recorder.findExisting(target);
    expect(plannedSteps(existing, TAG)).toEqual([]);
    const manifest = await recorder.reconcile(target, existing, world({ created: '2030-01-01T00:00:00Z' }));
    expect(manifest.created).toBe('2025-01-15T03:10:00Z');
    const { created, hooks } = collect();
    const result = await recorder.record(target, existing, manifest, 'the body', hooks);
    expect({ created, result: result.created, writes: writes() }).toEqual({
      created: [],
      result: [],
      writes: [],
    });
  });

  it('completes a half-recorded release: the tag exists, the release does not', async () => {
    const { octokit } = target;
    const object = await octokit.rest.git.createTag({
      owner: OWNER,
      repo: REPO,
      tag: TAG,
      message: worldReleaseTagMessage(world()),
      object: SHA,
      type: 'commit',
    });
    await octokit.rest.git.createRef({
      owner: OWNER,
      repo: REPO,
      ref: `refs/tags/${TAG}`,
      sha: object.data.sha,
    });
    sandbox.github.clearCalls();
    const existing = await recorder.findExisting(target);
    expect(plannedSteps(existing, TAG)).toEqual([
      `the GitHub release ${TAG}`,
      'the release asset manifest.json',
    ]);
    const { created, hooks } = collect();
    await recorder.record(target, existing, await recorder.reconcile(target, existing, world()), 'b', hooks);
    expect(created.map((c) => c.split(' ')[0])).toEqual(['github-release', 'release-asset']);
    expect(writes()).toEqual(['repos.createRelease 201', 'repos.uploadReleaseAsset 201']);
  });
});

describe('conflicts: a world release is never rewritten', () => {
  async function conflictOf(wanted: WorldRelease, t: RecordTarget = target): Promise<Error> {
    sandbox.github.clearCalls();
    const error = await recorder
      .reconcile(t, await recorder.findExisting(t), wanted)
      .then(() => new Error('no conflict'))
      .catch((e: unknown) => e as Error);
    expect(writes()).toEqual([]);
    return error;
  }

  it('refuses a different world, saying how each role changed', async () => {
    await recordFresh(world());
    const wanted = world({
      roles: {
        api: releasedEntry({ ...V1, release: 'api-b000042', build: 'b000042', app: { version: '2.0.0' } }),
        web: releasedEntry({ ...V1, role: 'web', release: 'web-b000042', build: 'b000042' }),
      },
    });
    const error = await conflictOf(wanted);
    expect(error).toBeInstanceOf(ReleaseConflictError);
    expect(error.message).toBe(
      `World release ${TAG} already exists and its manifest differs: roles.api.app ("1.4.2" recorded, "2.0.0" now); roles.web (missing recorded, released as immut/prod/web/b000042 now). A world release is never rewritten: record a new build instead (a new workflow run, or another 'build' input). If the existing world release is a mistake, delete its tag and GitHub release by hand first.`,
    );
  });

  it('refuses a tag on another commit', async () => {
    await recordFresh(world());
    const error = await conflictOf(world(), { ...target, sha: 'b'.repeat(40) });
    expect(error.message).toContain(`points at commit ${SHA}, while this run is at ${'b'.repeat(40)}`);
  });

  it('refuses a tag that holds another kind of manifest (a role named world released under the tag)', async () => {
    const object = await target.octokit.rest.git.createTag({
      owner: OWNER,
      repo: REPO,
      tag: TAG,
      message: tagMessage(V1),
      object: SHA,
      type: 'commit',
    });
    await target.octokit.rest.git.createRef({
      owner: OWNER,
      repo: REPO,
      ref: `refs/tags/${TAG}`,
      sha: object.data.sha,
    });
    const error = await conflictOf(world()).catch((e: unknown) => e as Error);
    expect(error.message).toContain(
      `World release ${TAG} already exists and its message holds no valid manifest (Unsupported world release manifest schema 'immut.release/v1'`,
    );
  });

  it('refuses a lightweight tag of the same name', async () => {
    await target.octokit.rest.git.createRef({ owner: OWNER, repo: REPO, ref: `refs/tags/${TAG}`, sha: SHA });
    await expect(recorder.findExisting(target)).rejects.toThrow(
      `is a lightweight tag (on ${SHA}), not an immut world release`,
    );
  });

  it('refuses a GitHub release without its annotated tag', async () => {
    await target.octokit.rest.repos.createRelease({
      owner: OWNER,
      repo: REPO,
      tag_name: TAG,
      target_commitish: SHA,
      name: 'by hand',
    });
    // GitHub made a lightweight tag for it; someone deleted that tag (the slice has no deleteRef).
    const state = sandbox.github.snapshotState();
    const repo = state.repos[`${OWNER}/${REPO}`];
    if (repo) delete repo.refs[`refs/tags/${TAG}`];
    sandbox.github.restoreState(state);
    const error = await conflictOf(world());
    expect(error.message).toMatch(/has a GitHub release \(\S+\) but no annotated tag/);
  });

  it('refuses a release asset that differs from the tag', async () => {
    const { octokit } = target;
    const object = await octokit.rest.git.createTag({
      owner: OWNER,
      repo: REPO,
      tag: TAG,
      message: worldReleaseTagMessage(world()),
      object: SHA,
      type: 'commit',
    });
    await octokit.rest.git.createRef({
      owner: OWNER,
      repo: REPO,
      ref: `refs/tags/${TAG}`,
      sha: object.data.sha,
    });
    const release = await octokit.rest.repos.createRelease({ owner: OWNER, repo: REPO, tag_name: TAG });
    await octokit.rest.repos.uploadReleaseAsset({
      owner: OWNER,
      repo: REPO,
      release_id: release.data.id,
      name: 'manifest.json',
      url: release.data.upload_url,
      data: writeWorldRelease(world({ roles: { api: { status: 'missing', reason: 'x' } } })),
      headers: { 'content-type': 'application/json' },
    });
    expect((await conflictOf(world())).message).toContain('its manifest.json asset differs from the tag');
  });
});

describe('two runs racing for the same tag', () => {
  it('accepts the other run’s identical tag and release (GitHub answers 422) and adds only what is missing', async () => {
    const stale = await recorder.findExisting(target);
    await recordFresh(world());
    sandbox.github.clearCalls();
    const { created, hooks } = collect();
    const result = await recorder.record(target, stale, world(), 'the body', hooks);
    // The tag object is written, its ref is refused (422), the release is refused (422): both reused.
    expect(writes()).toEqual(['git.createTag 201', 'git.createRef 422', 'repos.createRelease 422']);
    expect({ created, result: result.created }).toEqual({ created: [], result: [] });
  });

  it('refuses when the other run recorded a different world', async () => {
    const stale = await recorder.findExisting(target);
    await recordFresh(world());
    const other = world({ roles: { api: { status: 'missing', reason: 'gone' } } });
    await expect(recorder.record(target, stale, other, 'b', collect().hooks)).rejects.toThrow(
      /its manifest differs: roles\.api \(released as immut\/prod\/api\/b000042 recorded, missing now\); roles\.web \(missing recorded, absent now\)/,
    );
  });
});

describe('helpers', () => {
  it('jsonDifferences lists changed leaves by path and skips the ignored top-level keys', () => {
    expect(jsonDifferences({ a: { b: 1 }, created: 'x' }, { a: { b: 2, c: 'y' }, created: 'z' })).toEqual([
      'a.b (1 recorded, 2 now)',
      'a.c (absent recorded, "y" now)',
    ]);
    expect(jsonDifferences({ created: 'x' }, { created: 'z' }, [])).toEqual([
      'created ("x" recorded, "z" now)',
    ]);
  });

  it('jsonInTagMessage finds the manifest between a title line and a signature', () => {
    expect(jsonInTagMessage('title\n\n{"a":{"b":1}}\n-----BEGIN PGP SIGNATURE-----\nabc')).toBe(
      '{"a":{"b":1}}',
    );
    expect(jsonInTagMessage('no manifest here')).toBeUndefined();
  });
});
