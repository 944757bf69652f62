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

describe('readRelease', () => {
  it('reads the manifest from the release asset', async () => {
    nock(API)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(200, releaseJson([{ id: 11, name: 'manifest.json' }]))
      .get(`${REPO}/releases/assets/11`)
      .matchHeader('accept', 'application/octet-stream')
      .reply(200, writeManifest(V1), { 'content-type': 'application/octet-stream' });
    const details = await readReleaseDetails({
      octokit: octokit(),
      owner: 'immut-test',
      repo: 'app',
      tag: TAG,
    });
    expect(details).toMatchObject({ manifest: V1, from: 'release-asset', tag: TAG });
  });

  it('falls back to the annotated tag message when there is no release', async () => {
    nock(API)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, { message: 'Not Found' })
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(200, { ref: `refs/tags/${TAG}`, object: { type: 'tag', sha: 'a'.repeat(40) } })
      .get(`${REPO}/git/tags/${'a'.repeat(40)}`)
      .reply(200, {
        sha: 'a'.repeat(40),
        message: tagMessage(V1),
        object: { type: 'commit', sha: V1.source.sha },
      });
    const manifest = await readRelease({
      octokit: octokit(),
      owner: 'immut-test',
      repo: 'app',
      release: 'api-b000042',
      env: 'prod',
    });
    expect(manifest).toEqual(V1);
  });

  it('says the release does not exist when neither release nor tag is there', async () => {
    nock(API)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, { message: 'Not Found' })
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(404, { message: 'Not Found' });
    await expect(
      readRelease({ octokit: octokit(), owner: 'immut-test', repo: 'app', tag: TAG }),
    ).rejects.toThrow(`No release '${TAG}' in immut-test/app`);
  });

  it('refuses a lightweight tag, which holds no manifest', async () => {
    nock(API)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(404, { message: 'Not Found' })
      .get(`${REPO}/git/ref/${enc(`tags/${TAG}`)}`)
      .reply(200, { ref: `refs/tags/${TAG}`, object: { type: 'commit', sha: V1.source.sha } });
    await expect(
      readRelease({ octokit: octokit(), owner: 'immut-test', repo: 'app', tag: TAG }),
    ).rejects.toThrow('lightweight tag');
  });

  it('refuses a manifest recorded under another release tag', async () => {
    nock(API)
      .get(`${REPO}/releases/tags/${enc('immut/prod/api/b7')}`)
      .reply(200, { ...releaseJson([{ id: 11, name: 'manifest.json' }]), tag_name: 'immut/prod/api/b7' })
      .get(`${REPO}/releases/assets/11`)
      .reply(200, writeManifest(V1), { 'content-type': 'application/octet-stream' });
    await expect(
      readRelease({ octokit: octokit(), owner: 'immut-test', repo: 'app', tag: 'immut/prod/api/b7' }),
    ).rejects.toThrow(`is for ${TAG}`);
  });

  it('explains a rejected token (401) and a token that cannot read the repository (403)', async () => {
    nock(API)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
      .reply(401, { message: 'Bad credentials' });
    await expect(
      readRelease({ octokit: octokit(), owner: 'immut-test', repo: 'app', tag: TAG }),
    ).rejects.toThrow('GitHub rejected the token');
    nock(API)
      .get(`${REPO}/releases/tags/${enc(TAG)}`)
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
