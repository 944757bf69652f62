// Lazy state machines: a resource stores its current state and the future states it is
// scheduled to reach (sandbox timestamps). `settle()` applies every step whose time has
// come; no timers are involved, so a snapshot of state is plain JSON.

export interface Timeline<S extends string = string> {
  state: S;
  /** Sandbox time at which `state` was entered. */
  since: number;
  /** Future steps, ascending by `at`. */
  pending: Array<{ at: number; state: S }>;
}

/** A timeline that is `initial` now and then reaches each step `afterMs` after the previous. */
export function timeline<S extends string>(
  now: number,
  initial: S,
  steps: Array<[afterMs: number, state: S]> = [],
): Timeline<S> {
  const t: Timeline<S> = { state: initial, since: now, pending: [] };
  let at = now;
  for (const [afterMs, state] of steps) {
    at += afterMs;
    t.pending.push({ at, state });
  }
  return t;
}

/** Apply due steps and return the current state. */
export function settle<S extends string>(t: Timeline<S>, now: number): S {
  while (t.pending.length > 0 && t.pending[0]!.at <= now) {
    const step = t.pending.shift()!;
    t.state = step.state;
    t.since = step.at;
  }
  return t.state;
}

/** Replace the future: enter `state` now (after settling), then follow `steps`. */
export function transition<S extends string>(
  t: Timeline<S>,
  now: number,
  state: S,
  steps: Array<[afterMs: number, state: S]> = [],
): void {
  const next = timeline(now, state, steps);
  t.state = next.state;
  t.since = next.since;
  t.pending = next.pending;
}
