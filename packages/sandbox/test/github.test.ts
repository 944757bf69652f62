// The GitHub slice through a real Octokit client (@actions/github's getOctokit with the
// sandbox as baseUrl), so status codes and response shapes are checked the way Octokit
// reads them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../src/index.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const repo = { owner: 'immut-test', repo: 'app' };

let sandbox: Sandbox;
let octokit: ReturnType<typeof getOctokit>;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'empty' });
  octokit = getOctokit('ghs_test', { baseUrl: sandbox.endpoint });
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(async () => {
  await sandbox.reset();
});

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

async function annotatedTag(tag: string, message = 'release'): Promise<string> {
  const { data: object } = await octokit.rest.git.createTag({
    ...repo,
    tag,
    message,
    object: SHA,
    type: 'commit',
  });
  await octokit.rest.git.createRef({ ...repo, ref: `refs/tags/${tag}`, sha: object.sha });
  return object.sha;
}

describe('git tags and refs', () => {
  it('creates an annotated tag object and a ref to it, and reads both back', async () => {
    const { data: object, status } = await octokit.rest.git.createTag({
      ...repo,
      tag: 'immut/prod/api/b1',
      message: 'hello\n',
      object: SHA,
      type: 'commit',
    });
    expect(status).toBe(201);
    expect(object.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(object.object).toMatchObject({ type: 'commit', sha: SHA });
    const created = await octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/tags/immut/prod/api/b1',
      sha: object.sha,
    });
    expect(created.status).toBe(201);
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: 'tags/immut/prod/api/b1' });
    expect(ref).toMatchObject({
      ref: 'refs/tags/immut/prod/api/b1',
      object: { type: 'tag', sha: object.sha },
    });
    const { data: read } = await octokit.rest.git.getTag({ ...repo, tag_sha: object.sha });
    expect(read).toMatchObject({ tag: 'immut/prod/api/b1', message: 'hello\n', object: { sha: SHA } });
  });

  it('answers 404 for a missing ref or tag object', async () => {
    expect(await statusOf(octokit.rest.git.getRef({ ...repo, ref: 'tags/nope' }))).toBe(404);
    expect(await statusOf(octokit.rest.git.getTag({ ...repo, tag_sha: 'f'.repeat(40) }))).toBe(404);
  });

  it('answers 422 when the ref already exists, and keeps the first one', async () => {
    const first = await annotatedTag('v1');
    const error = await octokit.rest.git
      .createRef({ ...repo, ref: 'refs/tags/v1', sha: SHA })
      .catch((e: unknown) => e as { status: number; message: string });
    expect(error).toMatchObject({
      status: 422,
      message: expect.stringContaining('Reference already exists'),
    });
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: 'tags/v1' });
    expect(data.object.sha).toBe(first);
  });

  it('answers 422 for an object that does not exist and for a ref that is not fully qualified', async () => {
    expect(
      await statusOf(octokit.rest.git.createRef({ ...repo, ref: 'refs/tags/x', sha: 'not-a-sha' })),
    ).toBe(422);
    expect(await statusOf(octokit.rest.git.createRef({ ...repo, ref: 'x', sha: SHA }))).toBe(422);
  });

  it('lists matching refs', async () => {
    await annotatedTag('immut/prod/api/b1');
    await annotatedTag('immut/prod/api/b2');
    await annotatedTag('other');
    const { data } = await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'tags/immut/prod/api/' });
    expect(data.map((r) => r.ref)).toEqual(['refs/tags/immut/prod/api/b1', 'refs/tags/immut/prod/api/b2']);
  });

  it('refuses writes without a token (401)', async () => {
    // getOctokit always sends the token it is given; a bare request has none.
    const response = await fetch(`${sandbox.endpoint}/repos/o/r/git/refs`, {
      method: 'POST',
      body: JSON.stringify({ ref: 'refs/tags/x', sha: SHA }),
    });
    expect(response.status).toBe(401);
  });
});

describe('releases and assets', () => {
  it('creates a release for a tag, finds it by tag, id and in the list, and uploads an asset to its upload_url', async () => {
    await annotatedTag('immut/prod/api/b1');
    const { data: release, status } = await octokit.rest.repos.createRelease({
      ...repo,
      tag_name: 'immut/prod/api/b1',
      name: 'api b1',
      body: '# api',
    });
    expect(status).toBe(201);
    expect(release.upload_url.startsWith(`${sandbox.endpoint}/api/uploads/`)).toBe(true);
    const upload = await octokit.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: release.id,
      name: 'manifest.json',
      data: '{"a":1}',
      url: release.upload_url,
      headers: { 'content-type': 'application/json' },
    });
    expect(upload.status).toBe(201);
    expect(upload.data).toMatchObject({ name: 'manifest.json', size: 7, content_type: 'application/json' });

    const byTag = await octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'immut/prod/api/b1' });
    expect(byTag.data).toMatchObject({ id: release.id, body: '# api', assets: [{ name: 'manifest.json' }] });
    const byId = await octokit.rest.repos.getRelease({ ...repo, release_id: release.id });
    expect(byId.data.tag_name).toBe('immut/prod/api/b1');
    const list = await octokit.rest.repos.listReleases({ ...repo });
    expect(list.data.map((r) => r.id)).toEqual([release.id]);
    const assets = await octokit.rest.repos.listReleaseAssets({ ...repo, release_id: release.id });
    expect(assets.data.map((a) => a.name)).toEqual(['manifest.json']);

    const download = await octokit.rest.repos.getReleaseAsset({
      ...repo,
      asset_id: upload.data.id,
      headers: { accept: 'application/octet-stream' },
    });
    const bytes = download.data as unknown;
    const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes as ArrayBuffer).toString('utf8');
    expect(text).toBe('{"a":1}');
  });

  it('answers 422 already_exists for a second release of the same tag and a second asset of the same name', async () => {
    await annotatedTag('t1');
    const { data: release } = await octokit.rest.repos.createRelease({ ...repo, tag_name: 't1' });
    const error = await octokit.rest.repos
      .createRelease({ ...repo, tag_name: 't1' })
      .then(() => ({ status: 201, response: { data: { errors: [] as unknown[] } } }))
      .catch((e: unknown) => e as { status: number; response: { data: { errors: unknown[] } } });
    expect(error.status).toBe(422);
    expect(error.response.data.errors).toEqual([
      { resource: 'Release', code: 'already_exists', field: 'tag_name' },
    ]);
    const upload = () =>
      octokit.rest.repos.uploadReleaseAsset({
        ...repo,
        release_id: release.id,
        name: 'a.txt',
        data: 'x',
        url: release.upload_url,
      });
    await upload();
    expect(await statusOf(upload())).toBe(422);
  });

  it('answers 404 for a missing release, by id and by tag, and does not find drafts by tag', async () => {
    expect(await statusOf(octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'nope' }))).toBe(404);
    expect(await statusOf(octokit.rest.repos.getRelease({ ...repo, release_id: 999 }))).toBe(404);
    await octokit.rest.repos.createRelease({ ...repo, tag_name: 'draft-1', draft: true });
    expect(await statusOf(octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'draft-1' }))).toBe(404);
  });

  it('creates a lightweight tag at target_commitish when the tag does not exist', async () => {
    await octokit.rest.repos.createRelease({ ...repo, tag_name: 'light', target_commitish: SHA });
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: 'tags/light' });
    expect(data.object).toMatchObject({ type: 'commit', sha: SHA });
  });
});

describe('faults, call log, inventory and state', () => {
  it('injects an error for one operation a given number of times and logs every call', async () => {
    sandbox.github.addFaults([
      {
        operation: 'repos.createRelease',
        status: 403,
        message: 'Resource not accessible by integration',
        times: 1,
      },
    ]);
    await annotatedTag('t');
    expect(await statusOf(octokit.rest.repos.createRelease({ ...repo, tag_name: 't' }))).toBe(403);
    expect(await statusOf(octokit.rest.repos.createRelease({ ...repo, tag_name: 't' }))).toBe(200);
    const calls = sandbox.github.calls().map((c) => [c.operation, c.status, c.injected ?? false]);
    expect(calls).toEqual([
      ['git.createTag', 201, false],
      ['git.createRef', 201, false],
      ['repos.createRelease', 403, true],
      ['repos.createRelease', 201, false],
    ]);
  });

  it('answers a primary rate limit with the headers Octokit reads', async () => {
    sandbox.github.addFaults([{ kind: 'rate-limit', times: 1 }]);
    const response = await fetch(`${sandbox.endpoint}/repos/o/r/releases`);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
  });

  it('shows tags, releases and assets in the inventory and drops them on reset', async () => {
    await annotatedTag('t');
    await octokit.rest.repos.createRelease({ ...repo, tag_name: 't' });
    const kinds = sandbox
      .inventory()
      .filter((i) => i.service === 'github')
      .map((i) => i.kind)
      .sort();
    expect(kinds).toEqual(['git-ref', 'git-tag', 'release']);
    await sandbox.reset();
    expect(sandbox.inventory().filter((i) => i.service === 'github')).toEqual([]);
  });

  it('keeps releases across a restart with a state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'immut-github-'));
    try {
      const stateFile = join(dir, 'state.json');
      const first = await startSandbox({ seed: 'empty', stateFile });
      const client = getOctokit('t', { baseUrl: first.endpoint });
      await client.rest.repos.createRelease({ ...repo, tag_name: 'kept', target_commitish: SHA });
      await first.stop();
      const second = await startSandbox({ seed: 'empty', stateFile });
      try {
        const again = getOctokit('t', { baseUrl: second.endpoint });
        const { data } = await again.rest.repos.getReleaseByTag({ ...repo, tag: 'kept' });
        expect(data.tag_name).toBe('kept');
        expect(data.upload_url.startsWith(second.endpoint)).toBe(true);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves AWS requests to the AWS services', async () => {
    const response = await fetch(`${sandbox.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeRegions&Version=2016-11-15',
    });
    expect(response.headers.get('content-type')).toContain('xml');
    expect(sandbox.github.calls()).toEqual([]);
  });
});
