// Retrying throttled AWS calls until the run's deadline, on a clock that advances only when
// slept on (so backoff is instant and its waits countable).
import { describe, expect, it } from '@jest/globals';
import { manualClock } from '@immut/test-support/manual-clock';
import { describeError, isThrottlingError } from '../src/errors.js';
import { backoffDelay, retryThrottled, retryThrottledIf } from '../src/throttle-retry.js';
import { deadlineFrom } from '../src/wait.js';

function awsError(name: string): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: {} });
}

describe('retryThrottled', () => {
  it('retries Throttling and PriorRequestNotComplete with growing jittered waits until it succeeds', async () => {
    const clock = manualClock();
    const log: string[] = [];
    const errors = [awsError('Throttling'), awsError('PriorRequestNotComplete'), awsError('Throttling')];
    const result = await retryThrottled(
      { clock, deadline: deadlineFrom(clock, 600_000), log: (l) => log.push(l), random: () => 0.5 },
      'changing the record',
      async () => {
        const error = errors.shift();
        if (error) throw error;
        return 'ok';
      },
    );
    expect(result).toBe('ok');
    expect(clock.slept).toEqual([750, 1500, 3000]);
    expect(log[1]).toBe('changing the record: AWS throttled it (PriorRequestNotComplete); retrying in 2s');
  });

  it('gives up when the deadline leaves no room for the next wait, with the AWS error', async () => {
    const clock = manualClock();
    const call = retryThrottled(
      { clock, deadline: deadlineFrom(clock, 5_000), log: () => undefined, random: () => 0.99 },
      'x',
      () => Promise.reject(awsError('Throttling')),
    );
    await expect(call).rejects.toThrow('Throttling happened');
    expect(clock.now()).toBeLessThan(5_000);
  });

  it('never retries other errors', async () => {
    const clock = manualClock();
    let calls = 0;
    const call = retryThrottled(
      { clock, deadline: deadlineFrom(clock, 600_000), log: () => undefined },
      'x',
      () => {
        calls += 1;
        return Promise.reject(awsError('InvalidChangeBatch'));
      },
    );
    await expect(call).rejects.toThrow('InvalidChangeBatch');
    expect(calls).toBe(1);
  });

  it('sends a call again when its connection dropped, after throttling used up the attempts', async () => {
    const clock = manualClock();
    const log: string[] = [];
    // What the SDK's HTTP handler throws for a keep-alive socket the server closed.
    const reset = Object.assign(new Error('read ECONNRESET'), { name: 'TimeoutError', code: 'ECONNRESET' });
    const errors = [awsError('Throttling'), reset, awsError('Throttling')];
    const result = await retryThrottled(
      { clock, deadline: deadlineFrom(clock, 600_000), log: (l) => log.push(l), random: () => 0.5 },
      'reading change C1',
      async () => {
        const error = errors.shift();
        if (error) throw error;
        return 'INSYNC';
      },
    );
    expect(result).toBe('INSYNC');
    expect(log[1]).toBe('reading change C1: its connection dropped (read ECONNRESET); retrying in 2s');
  });

  it('gives up on a connection that keeps dropping after a few sends, well before the deadline', async () => {
    const clock = manualClock();
    let calls = 0;
    const call = retryThrottled(
      { clock, deadline: deadlineFrom(clock, 3_600_000), log: () => undefined, random: () => 0.5 },
      'x',
      () => {
        calls += 1;
        return Promise.reject(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }));
      },
    );
    await expect(call).rejects.toThrow('connect ETIMEDOUT');
    expect(calls).toBe(4);
    expect(clock.now()).toBeLessThan(60_000);
  });

  it('caps the backoff', () => {
    expect(backoffDelay(10, () => 0.999)).toBeLessThanOrEqual(20_000);
  });
});

describe('retryThrottledIf', () => {
  it('calls once without a context, leaving throttling to the caller', async () => {
    let calls = 0;
    const call = retryThrottledIf(undefined, 'x', () => {
      calls += 1;
      return Promise.reject(awsError('Throttling'));
    });
    await expect(call).rejects.toThrow('Throttling happened');
    expect(calls).toBe(1);
  });

  it('retries throttling with a context', async () => {
    const clock = manualClock();
    const errors = [awsError('Throttling')];
    const result = await retryThrottledIf(
      { clock, deadline: deadlineFrom(clock, 600_000), log: () => undefined, random: () => 0.5 },
      'x',
      async () => {
        const error = errors.shift();
        if (error) throw error;
        return 'ok';
      },
    );
    expect(result).toBe('ok');
    expect(clock.slept).toEqual([750]);
  });
});

describe('one list of throttling errors', () => {
  it('is what both the retry and describeError go by', async () => {
    for (const name of [
      'Throttling',
      'PriorRequestNotComplete',
      'RequestLimitExceeded',
      'EC2ThrottledException',
    ]) {
      expect(isThrottlingError(awsError(name))).toBe(true);
      expect(describeError(awsError(name))).toMatch(/^AWS kept throttling/);
      const clock = manualClock();
      const errors = [awsError(name)];
      await retryThrottled(
        { clock, deadline: deadlineFrom(clock, 60_000), log: () => undefined },
        'x',
        async () => {
          const error = errors.shift();
          if (error) throw error;
        },
      );
      expect(clock.slept).toHaveLength(1);
    }
    expect(isThrottlingError(awsError('AccessDenied'))).toBe(false);
    expect(isThrottlingError('Throttling')).toBe(false);
  });
});
