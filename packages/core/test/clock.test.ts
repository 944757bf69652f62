import { describe, expect, it } from '@jest/globals';
import { clockFromEnv, formatDuration, scaledClock } from '../src/clock.js';

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

  it('formats durations for log lines', () => {
    expect([0, 45_000, 185_000, 3_720_000].map(formatDuration)).toEqual(['0s', '45s', '3m05s', '1h02m']);
  });
});
