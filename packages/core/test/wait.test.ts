import { describe, expect, it } from '@jest/globals';
import { manualClock } from '@immut/test-support/manual-clock';
import { WaitFailedError, WaitTimeoutError } from '../src/errors.js';
import { deadlineFrom, pollDelay, pollSchedule, waitFor, type Observation } from '../src/wait.js';

function sequence<T>(...observations: Array<Observation<T>>): () => Promise<Observation<T>> {
  let i = 0;
  return async () => observations[Math.min(i++, observations.length - 1)] as Observation<T>;
}

describe('waitFor', () => {
  it('returns the value once done, logging state changes', async () => {
    const clock = manualClock();
    const log: string[] = [];
    const value = await waitFor({
      what: 'image ami-1 to become available',
      check: sequence<string>(
        { done: false, state: 'pending' },
        { done: false, state: 'pending' },
        { done: true, value: 'ami-1' },
      ),
      timeoutMs: 600_000,
      clock,
      log: (l) => log.push(l),
      random: () => 0.5,
    });
    expect(value).toBe('ami-1');
    expect(log).toEqual([
      'image ami-1 to become available: pending (0s elapsed, deadline 10m00s)',
      'image ami-1 to become available: done after 13s',
    ]);
    expect(clock.slept).toEqual([5000, 7500]);
  });

  it('backs off up to the maximum delay', () => {
    expect([0, 1, 2, 3, 10].map((n) => pollDelay(n, 1000, 3000))).toEqual([1000, 1500, 2250, 3000, 3000]);
  });

  it('prints a progress line at least every interval even when the state does not change', async () => {
    const clock = manualClock();
    const log: string[] = [];
    let polls = 0;
    await waitFor({
      what: 'restore',
      check: async () => (++polls > 20 ? { done: true, value: 1 } : { done: false, state: 'creating' }),
      timeoutMs: 3_600_000,
      clock,
      log: (l) => log.push(l),
      minDelayMs: 10_000,
      maxDelayMs: 10_000,
      progressEveryMs: 60_000,
      random: () => 0.5,
    });
    const progress = log.filter((l) => l.includes('creating'));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.length).toBeLessThan(polls);
  });

  it('times out at the deadline saying what was still pending', async () => {
    const clock = manualClock();
    const error = await waitFor({
      what: 'load balancer prod-api-b1 to become active',
      check: sequence<void>({ done: false, state: 'provisioning' }),
      timeoutMs: 60_000,
      clock,
      log: () => undefined,
      random: () => 0.99,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as Error).message).toMatch(
      /^Timed out after 1m00s waiting for load balancer prod-api-b1 to become active; still provisioning\. Raise the 'timeout' input/,
    );
    expect(clock.now()).toBe(60_000);
  });

  it('stops at a failure state with its reason', async () => {
    const error = await waitFor({
      what: 'image ami-1',
      check: sequence<void>(
        { done: false, state: 'pending' },
        { failed: true, reason: 'state failed: Client.InternalError' },
      ),
      timeoutMs: 60_000,
      clock: manualClock(),
      log: () => undefined,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitFailedError);
    expect((error as Error).message).toMatch(
      /image ami-1 failed after \d+s: state failed: Client.InternalError/,
    );
  });
});

describe('waitFor with an expected completion', () => {
  it('first checks when the change is due, so an on-time change costs one call', async () => {
    const clock = manualClock();
    let calls = 0;
    const value = await waitFor({
      what: 'DB instance r to become available',
      // Done from 720 s on, as a restore that keeps to its published duration.
      check: async () => (
        ++calls,
        clock.now() >= 720_000 ? { done: true, value: 'r' } : { done: false, state: 'creating' }
      ),
      timeoutMs: 3_600_000,
      clock,
      log: () => undefined,
      minDelayMs: 30_000,
      expectedMs: 720_000,
      random: () => 0,
    });
    expect(value).toBe('r');
    expect(calls).toBe(1);
    expect(clock.slept).toEqual([720_000]);
  });

  it('polls at the cadence when late, then backs off when far off the figure', () => {
    const at = (attempt: number, elapsed: number) => pollSchedule(attempt, elapsed, 60_000, 10_000, 40_000);
    expect(at(0, 0)).toBe(60_000);
    expect([at(1, 60_000), at(2, 100_000), at(3, 119_000)]).toEqual([10_000, 10_000, 10_000]);
    expect(at(4, 130_000)).toBe(15_000);
    expect(at(9, 600_000)).toBe(40_000);
  });

  it('finds a late change within about one cadence and keeps polling until it is done', async () => {
    const clock = manualClock();
    let calls = 0;
    await waitFor({
      what: 'load balancer to become active',
      check: async () => (
        ++calls,
        clock.now() >= 250_000 ? { done: true, value: 1 } : { done: false, state: 'provisioning' }
      ),
      timeoutMs: 3_600_000,
      clock,
      log: () => undefined,
      minDelayMs: 15_000,
      expectedMs: 180_000,
      random: () => 0.5,
    });
    expect(clock.now()).toBeGreaterThanOrEqual(250_000);
    expect(clock.now()).toBeLessThan(250_000 + 15_000 * 1.25 + 1);
    expect(calls).toBeLessThanOrEqual(6);
  });

  it('with only a least duration, waits that long and then backs off as usual', async () => {
    const clock = manualClock();
    await waitFor({
      what: 'builder i-1 to power off',
      check: sequence<number>({ done: false, state: 'running' }, { done: true, value: 1 }),
      timeoutMs: 600_000,
      clock,
      log: () => undefined,
      notBeforeMs: 45_000,
      minDelayMs: 10_000,
      random: () => 0.5,
    });
    expect(clock.slept).toEqual([45_000, 10_000]);
  });

  it('still honours a deadline shorter than the expected duration', async () => {
    const clock = manualClock();
    let calls = 0;
    const error = await waitFor({
      what: 'image ami-1 to become available',
      check: async () => (++calls, { done: false, state: 'pending' }),
      timeoutMs: 60_000,
      clock,
      log: () => undefined,
      expectedMs: 300_000,
      random: () => 0.5,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(clock.now()).toBe(60_000);
    expect(calls).toBe(1);
  });
});

describe('deadlineFrom', () => {
  it('counts down and never below zero', async () => {
    const clock = manualClock();
    const deadline = deadlineFrom(clock, 1000);
    await clock.sleep(400);
    expect(deadline.remaining()).toBe(600);
    await clock.sleep(1000);
    expect(deadline.remaining()).toBe(0);
  });
});
