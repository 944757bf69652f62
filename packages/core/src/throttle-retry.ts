// Route 53's request rate is low and shared by the whole account, and rebuild-the-world cuts
// over many roles at once. The SDK's adaptive retries absorb short bursts (up to its attempt
// limit); past that, this loop keeps retrying throttled calls with jittered backoff until the
// action's deadline, so twenty parallel cutovers queue up instead of failing. A connection
// that dropped mid-call is sent again a few times too: the SDK retries one within its attempts,
// but attempts spent on throttling can leave none for it.
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
/** Sends after a dropped connection, beyond the SDK's: enough for a reset keep-alive socket,
 *  few enough that an endpoint that is down fails the run soon. */
const DROPPED_RETRIES = 3;
/** Socket errors of a call whose connection dropped; the SDK's HTTP handler names them
 *  TimeoutError, and retries them itself as transient. */
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** True when the call's connection dropped or timed out: no answer came, so it may be sent again. */
export function isDroppedConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === 'TimeoutError' || (typeof code === 'string' && DROPPED_CODES.has(code));
}

/** Backoff before retry `attempt` (0-based): exponential, capped, jittered to 50–100 %. */
export function backoffDelay(attempt: number, random: () => number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.5 + 0.5 * random());
}

/**
 * Runs `call`, retrying it while AWS throttles it and the deadline allows another attempt,
 * and up to DROPPED_RETRIES times when its connection dropped. Any other error, or either
 * with no retry left, is thrown as it came (describeError then tells the user to run fewer
 * releases at once). A call sent again after a dropped connection may have been done already;
 * the SDK sends such calls again as well, and callers of a CREATE handle finding it made.
 */
export async function retryThrottled<T>(ctx: CallContext, what: string, call: () => Promise<T>): Promise<T> {
  const random = ctx.random ?? Math.random;
  let dropped = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const throttled = isThrottlingError(error);
      if (!throttled && !(isDroppedConnection(error) && dropped++ < DROPPED_RETRIES)) throw error;
      const delay = backoffDelay(attempt, random);
      if (delay >= ctx.deadline.remaining()) throw error;
      const why = throttled
        ? `AWS throttled it (${(error as Error).name})`
        : `its connection dropped (${(error as Error).message.slice(0, 80)})`;
      ctx.log(`${what}: ${why}; retrying in ${formatDuration(delay)}`);
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
