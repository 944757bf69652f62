// The GitHub slice's state: per repository, annotated tag objects, refs, releases and
// release assets — what tag-release writes and launch-behind-lb reads. Plain JSON, so it
// is part of the sandbox's state file. Repositories exist implicitly (first use creates
// them) and every 40-hex sha counts as an existing commit: the sandbox has no git objects.
import { createHash } from 'node:crypto';

export interface Person {
  name: string;
  email: string;
  date: string;
}

export interface TagObject {
  sha: string;
  tag: string;
  message: string;
  tagger: Person;
  object: { type: string; sha: string };
}

export interface Ref {
  ref: string;
  object: { type: 'commit' | 'tag'; sha: string };
}

export interface Asset {
  id: number;
  releaseId: number;
  name: string;
  label: string | null;
  contentType: string;
  /** The uploaded bytes, base64. */
  content: string;
  createdAt: string;
}

export interface Release {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
}

export interface RepoState {
  tagObjects: Record<string, TagObject>;
  refs: Record<string, Ref>;
  releases: Release[];
  assets: Asset[];
}

export interface GitHubState {
  version: 1;
  nextId: number;
  repos: Record<string, RepoState>;
}

export function emptyState(): GitHubState {
  return { version: 1, nextId: 1, repos: {} };
}

export const COMMIT_SHA = /^[0-9a-f]{40}$/;

/** A GitHub API error: status and the JSON body GitHub sends. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Array<Record<string, string>>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (): GitHubApiError => new GitHubApiError(404, 'Not Found');

export const validationFailed = (resource: string, code: string, field: string): GitHubApiError =>
  new GitHubApiError(422, 'Validation Failed', [{ resource, code, field }]);

/** The sha git gives an annotated tag object (`tag <size>\0<content>`). */
export function tagObjectSha(t: Omit<TagObject, 'sha'>): string {
  const epoch = Math.floor(Date.parse(t.tagger.date) / 1000);
  const content =
    `object ${t.object.sha}\ntype ${t.object.type}\ntag ${t.tag}\n` +
    `tagger ${t.tagger.name} <${t.tagger.email}> ${epoch} +0000\n\n${t.message}`;
  return createHash('sha1')
    .update(`tag ${Buffer.byteLength(content)}\0${content}`)
    .digest('hex');
}

export class GitHubStore {
  state: GitHubState = emptyState();

  repo(owner: string, name: string): RepoState {
    const key = `${owner}/${name}`;
    let repo = this.state.repos[key];
    if (!repo) {
      repo = { tagObjects: {}, refs: {}, releases: [], assets: [] };
      this.state.repos[key] = repo;
    }
    return repo;
  }

  nextId(): number {
    return this.state.nextId++;
  }

  /** Whether `sha` names an object of the repository: a tag object, or any commit sha. */
  objectExists(repo: RepoState, sha: string, type: string): boolean {
    if (type === 'tag') return sha in repo.tagObjects;
    return COMMIT_SHA.test(sha);
  }
}
