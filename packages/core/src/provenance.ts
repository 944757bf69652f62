// Where a run came from, read from the variables the GitHub runner sets. Tags, manifests
// and summaries all record it, so it is read in one place.
import { UserError } from './errors.js';

export interface Provenance {
  /** `owner/repo` */
  repository: string;
  sha: string;
  /**
   * URL of the workflow run, or '' outside GitHub Actions. Without the attempt: a re-run of
   * a run must record the same provenance, or tags, ClientTokens and release manifests
   * would differ between attempts and a re-run could not find or complete its own work.
   */
  runUrl: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

export function provenanceFromEnv(env: Env): Provenance {
  const repository = env['GITHUB_REPOSITORY'] ?? 'local/local';
  const sha = env['GITHUB_SHA'] ?? 'unknown';
  const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  const runId = env['GITHUB_RUN_ID'];
  const runUrl = runId ? `${server}/${repository}/actions/runs/${runId}` : '';
  return { repository, sha, runUrl };
}

/** The owner and name of the workflow's repository (GITHUB_REPOSITORY). */
export function repositoryFromEnv(env: Env): { owner: string; repo: string } {
  const full = env['GITHUB_REPOSITORY'] ?? '';
  const [owner, repo, ...rest] = full.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new UserError(
      `GITHUB_REPOSITORY is '${full}', expected 'owner/repo'; run this action in a GitHub Actions workflow.`,
    );
  }
  return { owner, repo };
}
