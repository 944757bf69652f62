// The GitHub client factory and the error messages users act on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { concurrentGroup, createGitHubClient, describeGitHubError, pacedGroup } from '../src/github.js';

const API = 'https://ghes.example.test/api/v3';
const log = { info: () => undefined, warning: () => undefined, debug: () => undefined };

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

describe('createGitHubClient', () => {
  it('talks to GITHUB_API_URL with the token and an immut user agent', async () => {
    nock(API)
      .matchHeader('authorization', 'token ghs_abc')
      .matchHeader('user-agent', /^immut\/\S+ immut-action\/tag-release/)
      .get('/repos/o/r/releases')
      .reply(200, []);
    const octokit = createGitHubClient({
      token: 'ghs_abc',
      env: { GITHUB_API_URL: API },
      action: 'tag-release',
      log,
    });
    expect((await octokit.rest.repos.listReleases({ owner: 'o', repo: 'r' })).data).toEqual([]);
  });
});

describe('describeGitHubError', () => {
  const call = { what: 'creating the git tag t', write: true, repository: 'o/r' };
  const error = (status: number, message: string, headers: Record<string, string> = {}) =>
    Object.assign(new Error(message), { status, response: { headers, data: {} } });

  it('names the missing permission for a refused write, and the read permission for a refused read', () => {
    expect(describeGitHubError(error(403, 'Resource not accessible by integration'), call).message).toContain(
      'The workflow needs `permissions: contents: write`',
    );
    expect(describeGitHubError(error(404, 'Not Found'), { ...call, write: false }).message).toContain(
      'needs `contents: read`',
    );
  });

  it('recognises an exhausted rate limit rather than a permission problem', () => {
    const limited = error(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' });
    expect(describeGitHubError(limited, call).message).toContain('kept rate-limiting');
  });

  it('says GitHub could not be reached for a network failure', () => {
    expect(describeGitHubError(new TypeError('fetch failed'), call).message).toContain(
      'could not be reached',
    );
  });
});

describe('pacedGroup', () => {
  it('runs jobs one at a time and in order', async () => {
    const group = pacedGroup(1000, 1000); // 1 s of action time = 1 ms of wall time
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(n);
      running--;
      return n;
    };
    const results = await Promise.all([1, 2, 3].map((n) => group.key('x').schedule<number>({}, job(n))));
    expect(results).toEqual([1, 2, 3]);
    expect(order).toEqual([1, 2, 3]);
    expect(most).toBe(1);
  });
});

describe('concurrentGroup', () => {
  const tracked = () => {
    const state = { running: 0, most: 0 };
    const job =
      (n: number, fail = false) =>
      async () => {
        state.running++;
        state.most = Math.max(state.most, state.running);
        await new Promise((resolve) => setImmediate(resolve));
        state.running--;
        if (fail) throw new Error(`job ${n} failed`);
        return n;
      };
    return { state, job };
  };

  it('runs at most max jobs at once and every job to the end', async () => {
    const group = concurrentGroup(3);
    const { state, job } = tracked();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => group.key('x').schedule<number>({}, job(n))),
    );
    expect(results).toEqual(Array.from({ length: 10 }, (_, n) => n));
    expect(state.most).toBe(3);
  });

  it('frees the slot of a job that failed', async () => {
    const group = concurrentGroup(1);
    const { state, job } = tracked();
    const outcomes = await Promise.allSettled([
      group.key('x').schedule<number>({}, job(1, true)),
      group.key('x').schedule<number>({}, job(2)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect(state.most).toBe(1);
  });

  it('gives each client its own group, so clients in one process do not queue behind each other', async () => {
    const a = concurrentGroup(1);
    const b = concurrentGroup(1);
    const { state, job } = tracked();
    await Promise.all([a.key('x').schedule<number>({}, job(1)), b.key('x').schedule<number>({}, job(2))]);
    expect(state.most).toBe(2);
  });
});
