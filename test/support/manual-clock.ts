// A clock that advances only when slept on: waits and backoff in a test run instantly, and
// what was slept can be counted.
import type { Clock } from '@immut/core/clock';

export function manualClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}
