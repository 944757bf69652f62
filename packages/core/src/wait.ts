// Polling with a deadline. immut waits on slow AWS state changes (images, restores, load
// balancers, DNS) where users most need to see progress and a clear reason on timeout.
// The SDK's waiters sleep at least one real second per poll, print nothing while they wait
// and retry on every error, so immut polls with its own loop: the same acceptor logic,
// plus progress lines, a timeout error naming what was still pending, and a clock that
// the sandbox can speed up.
import { formatDuration, type Clock } from './clock.js';
import { WaitFailedError, WaitTimeoutError } from './errors.js';

/** One observation of the thing being waited for. */
export type Observation<T> =
  | { done: true; value: T }
  | { done: false; /** Human-readable current state, e.g. `pending`, `2/3 healthy`. */ state: string }
  | { failed: true; reason: string };

export interface WaitOptions<T> {
  /** What is awaited, for log lines: `image ami-0abc to become available`. */
  what: string;
  check: () => Promise<Observation<T>>;
  timeoutMs: number;
  clock: Clock;
  log: (line: string) => void;
  /** First delay between polls; grows by half each poll up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A progress line at most this often (and whenever the state changes). */
  progressEveryMs?: number;
  /** Jitter source in [0, 1); spreads polls of parallel releases. */
  random?: () => number;
}

/** The delay before poll number `attempt` (0-based), without jitter. */
export function pollDelay(attempt: number, minDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, minDelayMs * 1.5 ** attempt);
}

export async function waitFor<T>(options: WaitOptions<T>): Promise<T> {
  const { what, check, timeoutMs, clock, log } = options;
  const minDelayMs = options.minDelayMs ?? 5_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const progressEveryMs = options.progressEveryMs ?? 30_000;
  const random = options.random ?? Math.random;
  const start = clock.now();
  let lastState: string | undefined;
  let lastProgress = start;
  for (let attempt = 0; ; attempt++) {
    const observation = await check();
    const elapsed = clock.now() - start;
    if ('failed' in observation) {
      throw new WaitFailedError(
        `Waiting for ${what} failed after ${formatDuration(elapsed)}: ${observation.reason}`,
      );
    }
    if (observation.done) {
      log(`${what}: done after ${formatDuration(elapsed)}`);
      return observation.value;
    }
    const now = clock.now();
    if (observation.state !== lastState || now - lastProgress >= progressEveryMs) {
      log(
        `${what}: ${observation.state} (${formatDuration(elapsed)} elapsed, deadline ${formatDuration(timeoutMs)})`,
      );
      lastState = observation.state;
      lastProgress = now;
    }
    const jittered = pollDelay(attempt, minDelayMs, maxDelayMs) * (0.75 + 0.5 * random());
    const remaining = timeoutMs - (now - start);
    if (remaining <= 0) {
      throw new WaitTimeoutError(
        `Timed out after ${formatDuration(elapsed)} waiting for ${what}; still ${observation.state}. Raise the 'timeout' input if this is normal for your resources.`,
      );
    }
    await clock.sleep(Math.min(jittered, remaining));
  }
}

/** A deadline for a whole action run, shared by all its waits. */
export interface Deadline {
  /** Milliseconds left (≥ 0). */
  remaining(): number;
}

export function deadlineFrom(clock: Clock, timeoutMs: number): Deadline {
  const end = clock.now() + timeoutMs;
  return { remaining: () => Math.max(0, end - clock.now()) };
}
