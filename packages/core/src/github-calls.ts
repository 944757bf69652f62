// A GitHub API call's failure turned into what the user has to do, and the wrappers every
// call goes through. Apart from github.ts (which loads Octokit and its plugins) so that code
// which only reads releases with a client it is handed loads no Octokit itself.
import { UserError } from './errors.js';

/** A GitHub API failure, as the user has to act on it. */
export class GitHubError extends UserError {
  override name = 'GitHubError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

interface RequestErrorLike {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

export function isRequestError(error: unknown): error is RequestErrorLike {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

/** HTTP status of a GitHub API error, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  return isRequestError(error) ? error.status : undefined;
}

function isRateLimited(error: RequestErrorLike): boolean {
  return (
    error.status === 429 ||
    error.response?.headers?.['x-ratelimit-remaining'] === '0' ||
    /\bsecondary rate\b/i.test(error.message)
  );
}

export interface GitHubCall {
  /** What was being done, e.g. `creating the git tag immut/prod/api/b1`. */
  what: string;
  /** Writes need `contents: write`; a 403/404 on a write means it is missing. */
  write: boolean;
  /** owner/repo, for messages. */
  repository: string;
}

/** Turns a failed GitHub call into what to do about it. */
export function describeGitHubError(error: unknown, call: GitHubCall): GitHubError {
  if (!isRequestError(error)) {
    return new GitHubError(
      `GitHub could not be reached while ${call.what}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const detail = `HTTP ${error.status}: ${error.message}`;
  if (error.status === 401) {
    return new GitHubError(
      `GitHub rejected the token while ${call.what} (${detail}). Check the github-token input; by default it is the workflow's own token.`,
      401,
    );
  }
  if (isRateLimited(error)) {
    return new GitHubError(
      `GitHub kept rate-limiting immut while ${call.what}, also after retries (${detail}). Run fewer releases at once, or re-run the job later.`,
      error.status,
    );
  }
  if ((error.status === 403 || error.status === 404) && call.write) {
    return new GitHubError(
      `GitHub refused ${call.what} in ${call.repository} (${detail}). The workflow needs \`permissions: contents: write\` for this job (or a github-token with contents: write on ${call.repository}).`,
      error.status,
    );
  }
  if (error.status === 403 || error.status === 404) {
    return new GitHubError(
      `GitHub refused ${call.what} in ${call.repository} (${detail}). The token needs \`contents: read\` on ${call.repository}.`,
      error.status,
    );
  }
  if (error.status === 409) {
    return new GitHubError(
      `GitHub reported a conflict while ${call.what} (${detail}); an empty repository has no commit to tag.`,
      409,
    );
  }
  if (error.status >= 500) {
    return new GitHubError(
      `GitHub failed while ${call.what}, also after retries (${detail}). Re-run the job.`,
      error.status,
    );
  }
  return new GitHubError(`GitHub refused ${call.what} (${detail}${validationDetails(error)}).`, error.status);
}

function validationDetails(error: RequestErrorLike): string {
  const errors = (error.response?.data as { errors?: unknown[] } | undefined)?.errors;
  return Array.isArray(errors) && errors.length > 0 ? `; ${JSON.stringify(errors)}` : '';
}

/** Runs one GitHub call; a failure becomes a GitHubError saying what to do. */
export async function gitHubCall<T>(call: GitHubCall, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw describeGitHubError(error, call);
  }
}

/** Like gitHubCall, but a 404 means "not there" and returns undefined. */
export async function gitHubFind<T>(call: GitHubCall, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw describeGitHubError(error, call);
  }
}
