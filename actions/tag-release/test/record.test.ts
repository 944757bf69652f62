// Every GitHub call tag-release makes, against nock: the happy path, the idempotent re-run,
// conflicts, and GitHub's refusals (401, 403, 404, 409, 422) and rate limits.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { readFileSync } from 'node:fs';
import { createGitHubClient } from '@immut/core/github';
import { writeManifest, type ReleaseManifest } from '@immut/core/manifest';
import { tagMessage } from '@immut/core/release-reader';
import { findExisting, manifestDifferences, reconcile, record, type RecordTarget } from '../record.js';

const API = 'https://api.github.test';
const UPLOADS = 'https://uploads.github.test';
const REPO = '/repos/immut-test/app';
const TAG = 'immut/prod/api/b000042';
const TAG_SHA = 'a'.repeat(40);
const MANIFEST = JSON.parse(
  readFileSync(new URL('../../../packages/core/test/fixtures/manifest-v1.json', import.meta.url), 'utf8'),
) as ReleaseManifest;
const enc = encodeURIComponent;
const logged: string[] = [];
const log = {
  info: (l: string) => logged.push(l),
  warning: (l: string) => logged.push(l),
  debug: () => undefined,
};

function target(): RecordTarget {
  const octokit = createGitHubClient({
    token: 'ghs_test',
    env: { GITHUB_API_URL: API },
    action: 'tag-release',
    log,
    timeScale: 1000,
  });
  return { octokit, owner: 'immut-test', repo: 'app', tag: TAG, sha: MANIFEST.source.sha };
}

const hooks = () => {
  const created: string[] = [];
  return {
    created,
    hooks: { created: (kind: string, id: string) => created.push(`${kind} ${id}`), info: () => undefined },
  };
};

const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };
const releaseJson = (assets: Array<{ id: number; name: string }> = []) => ({
  id: 7,
  tag_name: TAG,
  html_url: `https://github.com/immut-test/app/releases/tag/${TAG}`,
  upload_url: `${UPLOADS}${REPO}/releases/7/assets{?name,label}`,
  assets,
});

/** GitHub holds nothing under the tag. */
function nothingRecorded(scope = nock(API)) {
  return scope
    .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
    .reply(404, notFound)
    .get(`${REPO}/releases/tags/${enc(TAG)}`)
    .reply(404, notFound);
}

/** GitHub holds the annotated tag with `manifest` (and optionally its release). */
function tagRecorded(manifest: ReleaseManifest, commit = MANIFEST.source.sha) {
  return nock(API)
    .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
    .reply(200, { ref: `refs/tags/${TAG}`, object: { type: 'tag', sha: TAG_SHA } })
    .get(`${REPO}/git/tags/${TAG_SHA}`)
    .reply(200, {
      sha: TAG_SHA,
      tag: TAG,
      message: tagMessage(manifest),
      object: { type: 'commit', sha: commit },
    });
}

beforeAll(() => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
});
// nock patches Node's globals, which the next test file in this worker shares.
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  logged.length = 0;
  expect(pending).toEqual([]);
});

describe('recording a new release', () => {
  it('creates the annotated tag with the manifest, the ref, the release and the manifest asset', async () => {
    const t = target();
    nothingRecorded();
    const existing = await findExisting(t);
    expect(existing).toEqual({});
    const bodies: Record<string, unknown> = {};
    nock(API)
      .post(`${REPO}/git/tags`, (b: Record<string, unknown>) => {
        bodies['tag'] = b;
        return true;
      })
      .reply(201, { sha: TAG_SHA, tag: TAG, object: { type: 'commit', sha: MANIFEST.source.sha } })
      .post(`${REPO}/git/refs`, { ref: `refs/tags/${TAG}`, sha: TAG_SHA })
      .reply(201, { ref: `refs/tags/${TAG}`, object: { type: 'tag', sha: TAG_SHA } })
      .post(`${REPO}/releases`, (b: Record<string, unknown>) => {
        bodies['release'] = b;
        return true;
      })
      .reply(201, releaseJson());
    nock(UPLOADS)
      .post(`${REPO}/releases/7/assets`, writeManifest(MANIFEST))
      .query({ name: 'manifest.json' })
      .matchHeader('content-type', 'application/json')
      .reply(201, { id: 11, name: 'manifest.json' });
    const { created, hooks: h } = hooks();
    const result = await record(t, existing, await reconcile(t, existing, MANIFEST), 'the body', h);
    expect(bodies['tag']).toEqual({
      tag: TAG,
      message: tagMessage(MANIFEST),
      object: MANIFEST.source.sha,
      type: 'commit',
    });
    expect(bodies['release']).toMatchObject({ tag_name: TAG, body: 'the body', make_latest: 'false' });
    expect(created).toEqual([`git-tag ${TAG}`, 'github-release 7', 'release-asset 7/manifest.json']);
    expect(result).toMatchObject({ releaseId: 7, releaseUrl: releaseJson().html_url });
  });
});

describe('an idempotent re-run', () => {
  it('finds the complete release, reuses its manifest (and its created time) and writes nothing', async () => {
    const recorded = { ...MANIFEST, created: '2024-12-31T23:59:59Z' };
    const t = target();
    tagRecorded(recorded)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(200, releaseJson([{ id: 11, name: 'manifest.json' }]))
      .get(`${REPO}/releases/assets/11`)
      .reply(200, writeManifest(recorded), { 'content-type': 'application/octet-stream' });
    const existing = await findExisting(t);
    const manifest = await reconcile(t, existing, MANIFEST);
    expect(manifest.created).toBe('2024-12-31T23:59:59Z');
    const { created, hooks: h } = hooks();
    // No POST is mocked: any write would fail the test (net connect is disabled).
    const result = await record(t, existing, manifest, 'body', h);
    expect(created).toEqual([]);
    expect(result.created).toEqual([]);
  });

  it('completes a half-recorded release: the tag exists, the release does not', async () => {
    const t = target();
    tagRecorded(MANIFEST)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, notFound);
    nock(API).post(`${REPO}/releases`).reply(201, releaseJson());
    nock(UPLOADS).post(`${REPO}/releases/7/assets`).query(true).reply(201, { id: 11 });
    const existing = await findExisting(t);
    const { created, hooks: h } = hooks();
    await record(t, existing, await reconcile(t, existing, MANIFEST), 'body', h);
    expect(created).toEqual(['github-release 7', 'release-asset 7/manifest.json']);
  });
});

describe('conflicts: a release is never rewritten', () => {
  it('refuses a tag whose manifest differs, naming each difference', async () => {
    const t = target();
    tagRecorded({ ...MANIFEST, app: { version: '1.0.0' } })
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, notFound);
    const existing = await findExisting(t);
    await expect(reconcile(t, existing, MANIFEST)).rejects.toThrow(
      `Release ${TAG} already exists and its manifest differs: app.version ("1.0.0" recorded, "1.4.2" now)`,
    );
  });

  it('refuses a tag on another commit', async () => {
    const t = target();
    tagRecorded(MANIFEST, 'b'.repeat(40))
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, notFound);
    await expect(reconcile(t, await findExisting(t), MANIFEST)).rejects.toThrow(
      `points at commit ${'b'.repeat(40)}`,
    );
  });

  it('refuses a lightweight tag of the same name', async () => {
    nock(API)
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(200, { ref: `refs/tags/${TAG}`, object: { type: 'commit', sha: MANIFEST.source.sha } });
    await expect(findExisting(target())).rejects.toThrow('is a lightweight tag');
  });

  it('refuses a release asset that differs from the tag', async () => {
    const t = target();
    tagRecorded(MANIFEST)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(200, releaseJson([{ id: 11, name: 'manifest.json' }]))
      .get(`${REPO}/releases/assets/11`)
      .reply(200, writeManifest({ ...MANIFEST, flags: {} }), { 'content-type': 'application/octet-stream' });
    await expect(reconcile(t, await findExisting(t), MANIFEST)).rejects.toThrow('asset differs');
  });

  it('ignores only the created time when comparing', () => {
    expect(manifestDifferences(MANIFEST, { ...MANIFEST, created: '2030-01-01T00:00:00Z' })).toEqual([]);
    expect(manifestDifferences(MANIFEST, { ...MANIFEST, flags: { ...MANIFEST.flags, NEW: 'x' } })).toEqual([
      'flags.NEW (absent recorded, "x" now)',
    ]);
  });
});

describe('GitHub refusals become actions', () => {
  async function recordWith(reply: (scope: nock.Scope) => void): Promise<unknown> {
    const t = target();
    nothingRecorded();
    const existing = await findExisting(t);
    reply(nock(API));
    return record(t, existing, MANIFEST, 'body', hooks().hooks).catch((e: unknown) => e);
  }

  it('401: the token was rejected', async () => {
    const error = await recordWith((s) =>
      s.post(`${REPO}/git/tags`).reply(401, { message: 'Bad credentials' }),
    );
    expect(String(error)).toContain('GitHub rejected the token while creating the git tag');
  });

  it('403 on a write: the workflow needs contents: write', async () => {
    const error = await recordWith((s) =>
      s.post(`${REPO}/git/tags`).reply(403, { message: 'Resource not accessible by integration' }),
    );
    expect(String(error)).toContain('The workflow needs `permissions: contents: write`');
  });

  it('404 on a write: also the missing permission', async () => {
    const error = await recordWith((s) =>
      s
        .post(`${REPO}/git/tags`)
        .reply(201, { sha: TAG_SHA })
        .post(`${REPO}/git/refs`)
        .reply(201, {})
        .post(`${REPO}/releases`)
        .reply(404, notFound),
    );
    expect(String(error)).toContain('GitHub refused creating the GitHub release');
    expect(String(error)).toContain('`permissions: contents: write`');
  });

  it('409: an empty repository has nothing to tag', async () => {
    const error = await recordWith((s) =>
      s.post(`${REPO}/git/tags`).reply(409, { message: 'Git Repository is empty.' }),
    );
    expect(String(error)).toContain('an empty repository has no commit to tag');
  });

  it('422 on the tag object: the commit is not in the repository', async () => {
    const error = await recordWith((s) =>
      s.post(`${REPO}/git/tags`).reply(422, { message: 'Object does not exist' }),
    );
    expect(String(error)).toContain('GitHub refused creating the git tag immut/prod/api/b000042 (HTTP 422');
  });

  it('422 on the ref: another run recorded the same release in between, which is fine', async () => {
    const t = target();
    nothingRecorded();
    const existing = await findExisting(t);
    nock(API)
      .post(`${REPO}/git/tags`)
      .reply(201, { sha: TAG_SHA })
      .post(`${REPO}/git/refs`)
      .reply(422, { message: 'Reference already exists' });
    tagRecorded(MANIFEST)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, notFound);
    nock(API).post(`${REPO}/releases`).reply(201, releaseJson());
    nock(UPLOADS).post(`${REPO}/releases/7/assets`).query(true).reply(201, { id: 11 });
    const { created, hooks: h } = hooks();
    await record(t, existing, MANIFEST, 'body', h);
    expect(created).toEqual(['github-release 7', 'release-asset 7/manifest.json']);
  });

  it('422 on the ref with a different release: a conflict', async () => {
    const t = target();
    nothingRecorded();
    const existing = await findExisting(t);
    nock(API)
      .post(`${REPO}/git/tags`)
      .reply(201, { sha: TAG_SHA })
      .post(`${REPO}/git/refs`)
      .reply(422, { message: 'Reference already exists' });
    tagRecorded({ ...MANIFEST, build: 'b000042', app: { version: '2.0.0' } })
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, notFound);
    await expect(record(t, existing, MANIFEST, 'body', hooks().hooks)).rejects.toThrow(
      'its manifest differs',
    );
  });

  it('retries a primary rate limit (403, x-ratelimit-remaining 0) and a 429, then succeeds', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    const t = target();
    nock(API)
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      )
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(429, { message: 'Too many requests' }, { 'retry-after': '1' })
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(404, notFound)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, notFound);
    expect(await findExisting(t)).toEqual({});
    expect(logged.some((l) => l.includes('rate limit'))).toBe(true);
  });

  it('retries a secondary rate limit on a write', async () => {
    const t = target();
    nothingRecorded();
    const existing = await findExisting(t);
    nock(API)
      .post(`${REPO}/git/tags`)
      .reply(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' })
      .post(`${REPO}/git/tags`)
      .reply(201, { sha: TAG_SHA })
      .post(`${REPO}/git/refs`)
      .reply(201, {})
      .post(`${REPO}/releases`)
      .reply(201, releaseJson());
    nock(UPLOADS).post(`${REPO}/releases/7/assets`).query(true).reply(201, { id: 11 });
    const { created, hooks: h } = hooks();
    await record(t, existing, MANIFEST, 'body', h);
    expect(created).toHaveLength(3);
  });

  it('gives up after the retries with a rate-limit message', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    nock(API)
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .times(4)
      .reply(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      );
    await expect(findExisting(target())).rejects.toThrow(
      'GitHub kept rate-limiting immut while reading the git tag',
    );
  });

  it('retries a server error (5xx)', async () => {
    nock(API)
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(502, 'Bad Gateway')
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(404, notFound)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, notFound);
    expect(await findExisting(target())).toEqual({});
  });
});
