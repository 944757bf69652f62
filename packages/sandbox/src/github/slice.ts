// A slice of the GitHub REST API on the sandbox's port, for end-to-end runs and the demo
// (GITHUB_API_URL=<sandbox endpoint>): git refs and annotated tag objects, releases (also by
// tag) and release assets — with GitHub's statuses (404 when missing, 422 when a ref or a
// release already exists, 401 without a token) and the response fields Octokit and immut
// read. Releases' upload_url points back at the sandbox (`/api/uploads/…`, as on GitHub
// Enterprise Server). Faults (errors, primary and secondary rate limits) are injected per
// operation; every call is logged apart from the AWS call log, so IAM checks never see it.
import { createHash } from 'node:crypto';
import type { RawRequest, RawResponse } from '../protocols/types.js';
import {
  COMMIT_SHA,
  GitHubApiError,
  GitHubStore,
  emptyState,
  notFound,
  tagObjectSha,
  validationFailed,
  type Asset,
  type GitHubState,
  type Ref,
  type Release,
  type RepoState,
  type TagObject,
} from './store.js';

export interface GitHubFault {
  /** Octokit's method name, e.g. `repos.createRelease`, `git.createRef`; omitted or `*`: every call. */
  operation?: string;
  /** `error` (default): answer `status` + `message`; `rate-limit`: GitHub's primary rate
   *  limit (403, x-ratelimit-remaining 0, reset now); `secondary-rate-limit`: 403 with
   *  retry-after 1 and GitHub's secondary-limit message. */
  kind?: 'error' | 'rate-limit' | 'secondary-rate-limit';
  status?: number;
  message?: string;
  /** How many calls fail; default every call. */
  times?: number;
}

export interface GitHubCall {
  seq: number;
  operation: string;
  method: string;
  path: string;
  status: number;
  /** Sandbox time, ISO-8601. */
  at: string;
  injected?: boolean;
}

export interface GitHubInventoryItem {
  service: 'github';
  kind: 'git-tag' | 'git-ref' | 'release' | 'release-asset';
  id: string;
  tags: Record<string, string>;
}

export interface GitHubSlice {
  /** Handles a GitHub request; `mutated` says whether the state changed (to persist it). */
  handle(raw: RawRequest): { response: RawResponse; mutated: boolean };
  calls(): GitHubCall[];
  clearCalls(): void;
  addFaults(faults: GitHubFault[]): void;
  clearFaults(): void;
  inventory(): GitHubInventoryItem[];
  snapshotState(): GitHubState;
  restoreState(state: unknown): void;
  /** Drops all repositories, calls and faults. */
  reset(): void;
}

/** GitHub requests carry no SigV4 signature and use GitHub's paths. */
export function isGitHubRequest(raw: Pick<RawRequest, 'path' | 'headers'>): boolean {
  if (/AWS4-HMAC-SHA256/.test(String(raw.headers.authorization ?? ''))) return false;
  return raw.path.startsWith('/repos/') || raw.path.startsWith('/api/uploads/repos/');
}

const DOCS = 'https://docs.github.com/rest';
const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

interface Call {
  owner: string;
  repo: string;
  /** Decoded path labels after owner/repo. */
  labels: string[];
  raw: RawRequest;
  origin: string;
  now: string;
}

type Handler = (call: Call, store: GitHubStore) => { status: number; body: unknown; raw?: RawResponse };

interface Route {
  method: string;
  pattern: RegExp;
  operation: string;
  write: boolean;
  handler: Handler;
}

const OWNER_REPO = '/repos/([^/]+)/([^/]+)';

function route(method: string, path: string, operation: string, handler: Handler): Route {
  return { method, pattern: new RegExp(`^${path}$`), operation, write: method !== 'GET', handler };
}

// ---- JSON shapes, as GitHub renders them (the fields Octokit users read) ----

function apiBase(call: Call): string {
  return `${call.origin}/repos/${call.owner}/${call.repo}`;
}

function refJson(call: Call, ref: Ref): unknown {
  return {
    ref: ref.ref,
    node_id: `REF_${Buffer.from(ref.ref).toString('base64url')}`,
    url: `${apiBase(call)}/git/${ref.ref}`,
    object: {
      type: ref.object.type,
      sha: ref.object.sha,
      url: `${apiBase(call)}/git/${ref.object.type}s/${ref.object.sha}`,
    },
  };
}

function tagJson(call: Call, tag: TagObject): unknown {
  return {
    node_id: `TAG_${tag.sha.slice(0, 12)}`,
    sha: tag.sha,
    url: `${apiBase(call)}/git/tags/${tag.sha}`,
    tag: tag.tag,
    message: tag.message,
    tagger: tag.tagger,
    object: { ...tag.object, url: `${apiBase(call)}/git/${tag.object.type}s/${tag.object.sha}` },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

function assetJson(call: Call, release: Release, asset: Asset): unknown {
  const bytes = Buffer.from(asset.content, 'base64');
  return {
    url: `${apiBase(call)}/releases/assets/${asset.id}`,
    browser_download_url: `${call.origin}/${call.owner}/${call.repo}/releases/download/${release.tagName}/${asset.name}`,
    id: asset.id,
    node_id: `RA_${asset.id}`,
    name: asset.name,
    label: asset.label,
    state: 'uploaded',
    content_type: asset.contentType,
    size: bytes.length,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    download_count: 0,
    created_at: asset.createdAt,
    updated_at: asset.createdAt,
    uploader: BOT,
  };
}

function releaseJson(call: Call, repo: RepoState, release: Release): unknown {
  const base = `${apiBase(call)}/releases/${release.id}`;
  const uploads = `${call.origin}/api/uploads/repos/${call.owner}/${call.repo}/releases/${release.id}/assets`;
  return {
    url: base,
    html_url: `${call.origin}/${call.owner}/${call.repo}/releases/tag/${release.tagName}`,
    assets_url: `${base}/assets`,
    upload_url: `${uploads}{?name,label}`,
    tarball_url: `${apiBase(call)}/tarball/${release.tagName}`,
    zipball_url: `${apiBase(call)}/zipball/${release.tagName}`,
    id: release.id,
    node_id: `RE_${release.id}`,
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: false,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: BOT,
    assets: repo.assets.filter((a) => a.releaseId === release.id).map((a) => assetJson(call, release, a)),
  };
}

// ---- request bodies ----

function jsonBody(call: Call): Record<string, unknown> {
  if (call.raw.body.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(call.raw.body);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: GitHub answers malformed JSON with 400
  }
  throw new GitHubApiError(400, 'Problems parsing JSON');
}

function requiredString(body: Record<string, unknown>, field: string, resource: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw validationFailed(resource, 'missing_field', field);
  return value;
}

function releaseById(repo: RepoState, raw: string | undefined): Release {
  const release = repo.releases.find((r) => String(r.id) === raw);
  if (!release) throw notFound();
  return release;
}

// ---- operations ----

const getRef: Handler = (call, store) => {
  const ref = store.repo(call.owner, call.repo).refs[`refs/${call.labels[0]}`];
  if (!ref) throw notFound();
  return { status: 200, body: refJson(call, ref) };
};

const listMatchingRefs: Handler = (call, store) => {
  const prefix = `refs/${call.labels[0] ?? ''}`;
  const refs = Object.values(store.repo(call.owner, call.repo).refs)
    .filter((r) => r.ref.startsWith(prefix))
    .sort((a, b) => a.ref.localeCompare(b.ref));
  return { status: 200, body: refs.map((r) => refJson(call, r)) };
};

const createRef: Handler = (call, store) => {
  const body = jsonBody(call);
  const ref = requiredString(body, 'ref', 'Reference');
  const sha = requiredString(body, 'sha', 'Reference');
  if (!/^refs\/[^/]+\/.+/.test(ref)) {
    throw new GitHubApiError(422, 'Reference name must start with refs/ and have at least two slashes.');
  }
  const repo = store.repo(call.owner, call.repo);
  const type = sha in repo.tagObjects ? 'tag' : 'commit';
  if (!store.objectExists(repo, sha, type)) throw new GitHubApiError(422, 'Object does not exist');
  if (repo.refs[ref]) throw new GitHubApiError(422, 'Reference already exists');
  const created: Ref = { ref, object: { type, sha } };
  repo.refs[ref] = created;
  return { status: 201, body: refJson(call, created) };
};

const createTag: Handler = (call, store) => {
  const body = jsonBody(call);
  const tag = requiredString(body, 'tag', 'Tag');
  const message = requiredString(body, 'message', 'Tag');
  const object = requiredString(body, 'object', 'Tag');
  const type = requiredString(body, 'type', 'Tag');
  if (!['commit', 'tree', 'blob', 'tag'].includes(type)) throw validationFailed('Tag', 'invalid', 'type');
  const repo = store.repo(call.owner, call.repo);
  if (!store.objectExists(repo, object, type)) throw new GitHubApiError(422, 'Object does not exist');
  const given = (body['tagger'] ?? {}) as Partial<Record<'name' | 'email' | 'date', unknown>>;
  const tagger = {
    name: typeof given.name === 'string' ? given.name : BOT.login,
    email:
      typeof given.email === 'string' ? given.email : '41898282+github-actions[bot]@users.noreply.github.com',
    date:
      typeof given.date === 'string'
        ? new Date(given.date).toISOString().replace(/\.\d{3}Z$/, 'Z')
        : call.now,
  };
  const fields = { tag, message, tagger, object: { type, sha: object } };
  const created: TagObject = { sha: tagObjectSha(fields), ...fields };
  repo.tagObjects[created.sha] = created;
  return { status: 201, body: tagJson(call, created) };
};

const getTag: Handler = (call, store) => {
  const tag = store.repo(call.owner, call.repo).tagObjects[call.labels[0] ?? ''];
  if (!tag) throw notFound();
  return { status: 200, body: tagJson(call, tag) };
};

const createRelease: Handler = (call, store) => {
  const body = jsonBody(call);
  const tagName = requiredString(body, 'tag_name', 'Release');
  const repo = store.repo(call.owner, call.repo);
  if (repo.releases.some((r) => r.tagName === tagName))
    throw validationFailed('Release', 'already_exists', 'tag_name');
  const draft = body['draft'] === true;
  const target = typeof body['target_commitish'] === 'string' ? body['target_commitish'] : '';
  const ref = repo.refs[`refs/tags/${tagName}`];
  if (!ref && !draft) {
    // GitHub then creates a lightweight tag at target_commitish; the sandbox knows no
    // branches, so the target must be a commit sha.
    if (!COMMIT_SHA.test(target)) throw validationFailed('Release', 'invalid', 'target_commitish');
    repo.refs[`refs/tags/${tagName}`] = {
      ref: `refs/tags/${tagName}`,
      object: { type: 'commit', sha: target },
    };
  }
  const release: Release = {
    id: store.nextId(),
    tagName,
    targetCommitish: target || 'main',
    name: typeof body['name'] === 'string' ? body['name'] : null,
    body: typeof body['body'] === 'string' ? body['body'] : null,
    draft,
    prerelease: body['prerelease'] === true,
    createdAt: call.now,
    publishedAt: draft ? null : call.now,
  };
  repo.releases.push(release);
  return { status: 201, body: releaseJson(call, repo, release) };
};

const getRelease: Handler = (call, store) => {
  const repo = store.repo(call.owner, call.repo);
  return { status: 200, body: releaseJson(call, repo, releaseById(repo, call.labels[0])) };
};

const getReleaseByTag: Handler = (call, store) => {
  const repo = store.repo(call.owner, call.repo);
  // Drafts are not found by tag, as on GitHub.
  const release = repo.releases.find((r) => r.tagName === call.labels[0] && !r.draft);
  if (!release) throw notFound();
  return { status: 200, body: releaseJson(call, repo, release) };
};

function page<T>(items: T[], query: URLSearchParams): T[] {
  const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30) || 30, 1), 100);
  const pageNumber = Math.max(Number(query.get('page') ?? 1) || 1, 1);
  return items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
}

const listReleases: Handler = (call, store) => {
  const repo = store.repo(call.owner, call.repo);
  const newestFirst = [...repo.releases].sort((a, b) => b.id - a.id);
  return { status: 200, body: page(newestFirst, call.raw.query).map((r) => releaseJson(call, repo, r)) };
};

const listReleaseAssets: Handler = (call, store) => {
  const repo = store.repo(call.owner, call.repo);
  const release = releaseById(repo, call.labels[0]);
  const assets = repo.assets.filter((a) => a.releaseId === release.id);
  return { status: 200, body: page(assets, call.raw.query).map((a) => assetJson(call, release, a)) };
};

const uploadReleaseAsset: Handler = (call, store) => {
  const repo = store.repo(call.owner, call.repo);
  const release = releaseById(repo, call.labels[0]);
  const name = call.raw.query.get('name');
  if (!name) throw validationFailed('ReleaseAsset', 'missing_field', 'name');
  if (repo.assets.some((a) => a.releaseId === release.id && a.name === name)) {
    throw validationFailed('ReleaseAsset', 'already_exists', 'name');
  }
  const asset: Asset = {
    id: store.nextId(),
    releaseId: release.id,
    name,
    label: call.raw.query.get('label'),
    contentType: String(call.raw.headers['content-type'] ?? 'application/octet-stream'),
    content: Buffer.from(call.raw.body, 'utf8').toString('base64'),
    createdAt: call.now,
  };
  repo.assets.push(asset);
  return { status: 201, body: assetJson(call, release, asset) };
};

const getReleaseAsset: Handler = (call, store) => {
  const repo = store.repo(call.owner, call.repo);
  const asset = repo.assets.find((a) => String(a.id) === call.labels[0]);
  if (!asset) throw notFound();
  const release = releaseById(repo, String(asset.releaseId));
  if (String(call.raw.headers.accept ?? '').includes('application/octet-stream')) {
    // GitHub may answer 200 with the bytes or 302 to a download host; clients handle both.
    // Downloads are always application/octet-stream, whatever the asset's content type.
    return {
      status: 200,
      body: undefined,
      raw: {
        status: 200,
        headers: { 'content-type': 'application/octet-stream' },
        body: Buffer.from(asset.content, 'base64').toString('utf8'),
      },
    };
  }
  return { status: 200, body: assetJson(call, release, asset) };
};

const ROUTES: Route[] = [
  route('GET', `${OWNER_REPO}/git/ref/(.+)`, 'git.getRef', getRef),
  route('GET', `${OWNER_REPO}/git/matching-refs/(.*)`, 'git.listMatchingRefs', listMatchingRefs),
  route('POST', `${OWNER_REPO}/git/refs`, 'git.createRef', createRef),
  route('POST', `${OWNER_REPO}/git/tags`, 'git.createTag', createTag),
  route('GET', `${OWNER_REPO}/git/tags/([0-9a-f]{40})`, 'git.getTag', getTag),
  route('POST', `${OWNER_REPO}/releases`, 'repos.createRelease', createRelease),
  route('GET', `${OWNER_REPO}/releases`, 'repos.listReleases', listReleases),
  route('GET', `${OWNER_REPO}/releases/tags/(.+)`, 'repos.getReleaseByTag', getReleaseByTag),
  route('GET', `${OWNER_REPO}/releases/assets/(\\d+)`, 'repos.getReleaseAsset', getReleaseAsset),
  route('GET', `${OWNER_REPO}/releases/(\\d+)`, 'repos.getRelease', getRelease),
  route('GET', `${OWNER_REPO}/releases/(\\d+)/assets`, 'repos.listReleaseAssets', listReleaseAssets),
  route(
    'POST',
    `/api/uploads${OWNER_REPO}/releases/(\\d+)/assets`,
    'repos.uploadReleaseAsset',
    uploadReleaseAsset,
  ),
];

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): RawResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: status === 204 ? '' : JSON.stringify(body),
  };
}

function errorResponse(error: GitHubApiError): RawResponse {
  return jsonResponse(
    error.status,
    {
      message: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      documentation_url: DOCS,
      status: String(error.status),
    },
    error.headers,
  );
}

interface ActiveFault extends GitHubFault {
  left: number;
}

function faultError(fault: GitHubFault): GitHubApiError {
  if (fault.kind === 'rate-limit') {
    // Octokit compares the reset with its own wall clock, so the reset is wall time.
    const reset = String(Math.floor(Date.now() / 1000));
    return new GitHubApiError(
      fault.status ?? 403,
      fault.message ?? 'API rate limit exceeded for installation ID 1.',
      undefined,
      {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': reset,
        'x-ratelimit-resource': 'core',
      },
    );
  }
  if (fault.kind === 'secondary-rate-limit') {
    return new GitHubApiError(
      fault.status ?? 403,
      fault.message ??
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      undefined,
      { 'retry-after': '1' },
    );
  }
  return new GitHubApiError(fault.status ?? 500, fault.message ?? 'Server Error');
}

export function createGitHubSlice(options: { now: () => number }): GitHubSlice {
  const store = new GitHubStore();
  let calls: GitHubCall[] = [];
  let faults: ActiveFault[] = [];
  let seq = 0;

  const takeFault = (operation: string): GitHubFault | undefined => {
    const fault = faults.find(
      (f) => f.left > 0 && (!f.operation || f.operation === '*' || f.operation === operation),
    );
    if (fault) fault.left--;
    return fault;
  };

  const handle = (raw: RawRequest): { response: RawResponse; mutated: boolean } => {
    const now = new Date(options.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const matched = ROUTES.map((r) => ({
      r,
      m: r.method === raw.method ? r.pattern.exec(raw.path) : null,
    })).find((x) => x.m);
    const log = (operation: string, status: number, injected?: boolean): void => {
      calls.push({
        seq: ++seq,
        operation,
        method: raw.method,
        path: raw.path,
        status,
        at: now,
        ...(injected ? { injected } : {}),
      });
    };
    if (!matched?.m) {
      log('unknown', 404);
      return { response: errorResponse(notFound()), mutated: false };
    }
    const { r, m } = matched;
    const fault = takeFault(r.operation);
    if (fault) {
      const error = faultError(fault);
      log(r.operation, error.status, true);
      return { response: errorResponse(error), mutated: false };
    }
    if (r.write && !raw.headers.authorization) {
      log(r.operation, 401);
      return { response: errorResponse(new GitHubApiError(401, 'Requires authentication')), mutated: false };
    }
    const [owner, repo, ...labels] = m.slice(1).map((s) => decodeURIComponent(s ?? ''));
    const host = String(raw.headers.host ?? '127.0.0.1');
    const call: Call = { owner: owner!, repo: repo!, labels, raw, origin: `http://${host}`, now };
    try {
      const result = r.handler(call, store);
      log(r.operation, result.status);
      return { response: result.raw ?? jsonResponse(result.status, result.body), mutated: r.write };
    } catch (e) {
      if (!(e instanceof GitHubApiError)) throw e;
      log(r.operation, e.status);
      return { response: errorResponse(e), mutated: false };
    }
  };

  const inventory = (): GitHubInventoryItem[] =>
    Object.entries(store.state.repos).flatMap(([name, repo]) => [
      ...Object.values(repo.refs).map((ref) => ({
        service: 'github' as const,
        kind: 'git-ref' as const,
        id: `${name}:${ref.ref}`,
        tags: { sha: ref.object.sha, type: ref.object.type },
      })),
      ...Object.values(repo.tagObjects).map((t) => ({
        service: 'github' as const,
        kind: 'git-tag' as const,
        id: `${name}:${t.sha}`,
        tags: { tag: t.tag, object: t.object.sha },
      })),
      ...repo.releases.map((rel) => ({
        service: 'github' as const,
        kind: 'release' as const,
        id: `${name}:${rel.id}`,
        tags: { tag: rel.tagName, draft: String(rel.draft) },
      })),
      ...repo.assets.map((a) => ({
        service: 'github' as const,
        kind: 'release-asset' as const,
        id: `${name}:${a.id}`,
        tags: { name: a.name, release: String(a.releaseId) },
      })),
    ]);

  return {
    handle,
    calls: () => calls.slice(),
    clearCalls() {
      calls = [];
    },
    addFaults(specs) {
      faults.push(...specs.map((f) => ({ ...f, left: f.times ?? Number.POSITIVE_INFINITY })));
    },
    clearFaults() {
      faults = [];
    },
    inventory,
    snapshotState: () => structuredClone(store.state),
    restoreState(state) {
      const s = state as GitHubState | undefined;
      store.state = s && s.version === 1 ? structuredClone(s) : emptyState();
    },
    reset() {
      store.state = emptyState();
      calls = [];
      faults = [];
    },
  };
}
