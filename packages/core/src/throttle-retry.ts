// Route 53's request rate is low and shared by the whole account, and rebuild-the-world cuts
// over many roles at once. The SDK's adaptive retries absorb short bursts (up to its attempt
// limit); past that, this loop keeps retrying throttled calls with jittered backoff until the
// action's deadline, so twenty parallel cutovers queue up instead of failing.
import { formatDuration, type Clock } from './clock.js';
import { isThrottlingError } from './errors.js';
import type { Deadline } from './wait.js';

/** What every AWS call of one run shares: its clock, deadline and log. */
export interface CallContext {
  clock: Clock;
  deadline: Deadline;
  log: (line: string) => void;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 20_000;

/** Backoff before retry `attempt` (0-based): exponential, capped, jittered to 50–100 %. */
export function backoffDelay(attempt: number, random: () => number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.5 + 0.5 * random());
}

/**
 * Runs `call`, retrying it while AWS throttles it and the deadline allows another attempt.
 * Any other error, or throttling with no time left, is thrown as it came (describeError then
 * tells the user to run fewer releases at once).
 */
export async function retryThrottled<T>(ctx: CallContext, what: string, call: () => Promise<T>): Promise<T> {
  const random = ctx.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isThrottlingError(error)) throw error;
      const delay = backoffDelay(attempt, random);
      if (delay >= ctx.deadline.remaining()) throw error;
      ctx.log(`${what}: AWS throttled it (${(error as Error).name}); retrying in ${formatDuration(delay)}`);
      await ctx.clock.sleep(delay);
    }
  }
}

/** retryThrottled with a context; without one, the call once, throttling left to the SDK's own
 *  few retries (callers whose caller chose not to wait out throttling). */
export function retryThrottledIf<T>(
  ctx: CallContext | undefined,
  what: string,
  call: () => Promise<T>,
): Promise<T> {
  return ctx ? retryThrottled(ctx, what, call) : call();
}
