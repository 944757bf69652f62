// One factory for the GitHub API client, like aws.ts for AWS: @actions/github's Octokit
// pointed at GITHUB_API_URL (GitHub Enterprise, or the sandbox in tests), with Octokit's
// retry plugin (5xx) and throttling plugin (primary and secondary rate limits), an immut
// user agent, and errors turned into what the user has to do.
import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { timeScaleFromEnv } from './clock.js';
import type { Env } from './provenance.js';
import { IMMUT_VERSION } from './version.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface GitHubLog {
  info(line: string): void;
  warning(line: string): void;
  debug(line: string): void;
}

export interface GitHubSettings {
  token: string;
  env: Env;
  /** The action's name, e.g. `tag-release`; part of the user agent. */
  action: string;
  log: GitHubLog;
  /** Retry and pacing delays shrink by this factor (sandbox only); by default env's
   *  IMMUT_TIME_SCALE, the sandbox's time scale. */
  timeScale?: number;
  /** Retries after a rate limit before giving up. */
  rateLimitRetries?: number;
}

interface Schedulable {
  key(id: string): { schedule<T>(...args: unknown[]): Promise<T> };
}

/**
 * One job at a time, at least `minMs` apart on the action's (scaled) clock: the shape of
 * the Bottleneck groups the throttling plugin paces writes with. GitHub asks integrators
 * to wait a second between writes; against the sandbox the wait shrinks with the clock.
 */
export function pacedGroup(minMs: number, timeScale = 1): Schedulable {
  let tail: Promise<unknown> = Promise.resolve();
  let last = Number.NEGATIVE_INFINITY;
  const schedule = <T>(...args: unknown[]): Promise<T> => {
    const [fn, ...params] = (typeof args[0] === 'function' ? args : args.slice(1)) as [
      (...p: unknown[]) => T | Promise<T>,
      ...unknown[],
    ];
    const run = tail.then(async () => {
      const wait = (last + minMs - Date.now() * timeScale) / timeScale;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      last = Date.now() * timeScale;
      return fn(...params);
    });
    tail = run.catch(() => undefined);
    return run;
  };
  return { key: () => ({ schedule }) };
}

/**
 * At most `max` jobs at once: the throttling plugin's global group (10 requests at once), made
 * per client. The plugin's own is one per process, so clients sharing a process (the bench runs
 * hundreds of action steps in one) would queue behind each other, which a runner per job never does.
 */
export function concurrentGroup(max: number): Schedulable {
  let running = 0;
  const waiting: (() => void)[] = [];
  const schedule = async <T>(...args: unknown[]): Promise<T> => {
    const [fn, ...params] = (typeof args[0] === 'function' ? args : args.slice(1)) as [
      (...p: unknown[]) => T | Promise<T>,
      ...unknown[],
    ];
    // A finished job hands its slot to the next waiter, so no newcomer slips in between.
    if (running < max) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn(...params);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
  return { key: () => ({ schedule }) };
}

/**
 * The fetch Octokit uses: the runner's proxy-aware fetch when a proxy is configured (self-
 * hosted runners behind a proxy), else the platform's fetch.
 */
function fetchFor(env: Env): typeof fetch {
  const proxied = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => env[name]);
  const runnerFetch = (actionsDefaults.request as { fetch?: typeof fetch } | undefined)?.fetch;
  return proxied && runnerFetch ? runnerFetch : globalThis.fetch;
}

/** The Octokit client every immut action uses. */
export function createGitHubClient(settings: GitHubSettings): GitHubClient {
  const scale = settings.timeScale ?? timeScaleFromEnv(settings.env);
  const retries = settings.rateLimitRetries ?? 3;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      if (retryCount >= retries) {
        settings.log.warning(
          `GitHub ${kind} on ${options.method} ${options.url}; giving up after ${retries} retries`,
        );
        return false;
      }
      settings.log.info(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
      return true;
    };
  return getOctokit(
    settings.token,
    {
      baseUrl: (settings.env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/$/, ''),
      userAgent: `immut/${IMMUT_VERSION} immut-action/${settings.action}`,
      request: { fetch: fetchFor(settings.env) },
      log: {
        debug: (m: string) => settings.log.debug(m),
        info: (m: string) => settings.log.debug(m),
        warn: (m: string) => settings.log.warning(m),
        error: (m: string) => settings.log.warning(m),
      },
      // Octokit's default list plus 409: a conflict (e.g. an empty repository) never heals by retrying.
      retry: {
        retries: 3,
        retryAfterBaseValue: 1000 / scale,
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
      },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        retryAfterBaseValue: 1000 / scale,
        // The plugin only calls key().schedule() on these; its type asks for a whole Bottleneck.Group.
        write: pacedGroup(1000, scale) as never,
        notifications: pacedGroup(3000, scale) as never,
        // Read by the plugin like the two above (options before its own groups), though its type omits it.
        ...({ global: concurrentGroup(10) } as object),
      },
    },
    retry,
    throttling,
  );
}

// What a failed call means for the user, and the wrappers every call goes through, live in
// github-calls.ts, which loads no Octokit: release-reader.ts and recorded-release.ts use them
// without loading the client (issue #20: an action loads the GitHub client only if it calls).
export {
  GitHubError,
  describeGitHubError,
  gitHubCall,
  gitHubFind,
  isRequestError,
  statusOf,
  type GitHubCall,
} from './github-calls.js';
