import { describe, expect, it } from '@jest/globals';
import { clockFromEnv, formatDuration, scaledClock, timeScaleFromEnv } from '../src/clock.js';

describe('clock', () => {
  it('runs scaled time: a long sleep at a high scale takes little wall time', async () => {
    const clock = scaledClock(10_000);
    const start = clock.now();
    const wallStart = Date.now();
    await clock.sleep(60_000);
    expect(clock.now() - start).toBeGreaterThanOrEqual(50_000);
    expect(Date.now() - wallStart).toBeLessThan(5_000);
  });

  it('reads the scale from IMMUT_TIME_SCALE and refuses nonsense', () => {
    expect(() => clockFromEnv({ IMMUT_TIME_SCALE: 'fast' })).toThrow(/IMMUT_TIME_SCALE must be a number/);
    expect(() => clockFromEnv({ IMMUT_TIME_SCALE: '0.5' })).toThrow(/≥ 1/);
    expect(clockFromEnv({}).now()).toBeGreaterThan(0);
  });

  it('gives the scale alone, 1 on a real runner, for what is paced but not timed (the GitHub client)', () => {
    expect(timeScaleFromEnv({})).toBe(1);
    expect(timeScaleFromEnv({ IMMUT_TIME_SCALE: '' })).toBe(1);
    expect(timeScaleFromEnv({ IMMUT_TIME_SCALE: '200' })).toBe(200);
    expect(() => timeScaleFromEnv({ IMMUT_TIME_SCALE: 'fast' })).toThrow(/IMMUT_TIME_SCALE must be a number/);
  });

  it('reads the sandbox time from IMMUT_TIME_ORIGIN, so clocks of later processes agree', () => {
    const origin = Date.now() - 10_000;
    const env = { IMMUT_TIME_SCALE: '1000', IMMUT_TIME_ORIGIN: String(origin) };
    const first = clockFromEnv(env).now();
    // 10 s of wall time since the origin is 10 000 s of sandbox time.
    expect(first - origin).toBeGreaterThanOrEqual(10_000_000);
    expect(first - origin).toBeLessThan(10_000_000 + 5_000 * 1000);
    // A clock made later (another action process) does not restart at the wall time.
    expect(clockFromEnv(env).now()).toBeGreaterThanOrEqual(first);
    expect(clockFromEnv({ IMMUT_TIME_SCALE: '1000' }).now()).toBeLessThan(first);
    expect(() => clockFromEnv({ ...env, IMMUT_TIME_ORIGIN: 'yesterday' })).toThrow(
      /IMMUT_TIME_ORIGIN must be the sandbox's start as ms since the epoch, not in the future, got 'yesterday'/,
    );
    expect(() => clockFromEnv({ ...env, IMMUT_TIME_ORIGIN: String(Date.now() + 3_600_000) })).toThrow(
      /not in the future/,
    );
  });

  it('formats durations for log lines', () => {
    expect([0, 45_000, 185_000, 3_720_000].map(formatDuration)).toEqual(['0s', '45s', '3m05s', '1h02m']);
  });
});
