import { describe, expect, it } from '@jest/globals';
import {
  buildWorldStatus,
  describeAge,
  judgeFreshness,
  parseMaxAge,
  renderWorldStatus,
  staleMessage,
  type RoleStatus,
} from '@immut/core/world-status';
import { baseImageSource } from '../gather.js';

const DAY = 86_400_000;
const NOW = Date.parse('2025-03-01T00:00:00.000Z');
const daysAgo = (n: number): string => new Date(NOW - n * DAY).toISOString();

/** A role whose live build b000007 runs a base image `baseAge` days old, with `newer` newer heads. */
function role(name: string, baseAge: number, newer: number, extra: Partial<RoleStatus> = {}): RoleStatus {
  return {
    role: name,
    dnsName: `${name}.example.test`,
    live: [{ build: 'b000007', release: `${name}-b000007`, state: 'live', launched: daysAgo(2) }],
    standing: [],
    release: {
      tag: `immut/prod/${name}/b000007`,
      app: '1.0.0',
      image: 'ami-0123456789abcdef0',
      base: { imageId: 'ami-0a0000000000a2303', created: daysAgo(baseAge) },
      created: daysAgo(2),
    },
    head: {
      source: 'ssm:/aws/service/x',
      newer: Array.from({ length: newer }, (_, i) => ({
        imageId: `ami-0b00000000000000${i}`,
        created: daysAgo(i),
      })),
    },
    notes: [],
    ...extra,
  };
}

describe('max-age', () => {
  it('reads hours, days, weeks and their sums', () => {
    expect(parseMaxAge('30d')).toBe(30 * DAY);
    expect(parseMaxAge('2w')).toBe(14 * DAY);
    expect(parseMaxAge('1w3d')).toBe(10 * DAY);
    expect(parseMaxAge('36h')).toBe(36 * 3_600_000);
  });

  it.each([
    ['30', 'not a duration'],
    ['30 days', 'not a duration'],
    ['-1d', 'not a duration'],
    ['0d', 'shorter than 1h'],
    ['4000d', 'longer than 3650d'],
  ])('refuses %p, naming the input and what is expected', (given, why) => {
    expect(() => parseMaxAge(given)).toThrow(
      new RegExp(
        `^Input 'max-age' was '${given}': ${why}; expected a duration in whole hours, days or weeks`,
      ),
    );
  });

  it('cuts a long value in its error', () => {
    const message = (() => {
      try {
        parseMaxAge('9'.repeat(5000));
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/\(5000 characters\)/);
    expect(message.length).toBeLessThan(600);
  });
});

describe('staleness', () => {
  it('flags a role whose OS head is older than max-age while newer heads exist', () => {
    const freshness = judgeFreshness(role('api', 23, 2), NOW, 14 * DAY);
    expect(freshness).toEqual({
      baseAgeMs: 23 * DAY,
      newerHeads: 2,
      stale: true,
      summary: 'running an OS head 23 days old; 2 newer heads exist',
    });
  });

  it('does not flag an old head when the source offers nothing newer', () => {
    const freshness = judgeFreshness(role('api', 400, 0), NOW, 14 * DAY);
    expect(freshness.stale).toBe(false);
    expect(freshness.summary).toBe('running an OS head 400 days old; no newer head exists');
  });

  it('does not flag a head younger than max-age, even with a newer one', () => {
    const freshness = judgeFreshness(role('api', 10, 1), NOW, 14 * DAY);
    expect(freshness).toMatchObject({ stale: false, newerHeads: 1 });
    expect(freshness.summary).toBe('running an OS head 10 days old; 1 newer head exists');
  });

  it('does not flag a role with no live build', () => {
    const { release: _release, ...rest } = role('api', 100, 3);
    const freshness = judgeFreshness({ ...rest, live: [] }, NOW, DAY);
    expect(freshness).toEqual({ newerHeads: 3, stale: false, summary: 'no live build' });
  });

  it('says so when the running base image is no longer visible, without flagging it', () => {
    const r = role('api', 100, 3);
    const freshness = judgeFreshness(
      { ...r, release: { ...r.release!, base: { imageId: 'ami-0a0000000000a2303' } } },
      NOW,
      DAY,
    );
    expect(freshness.stale).toBe(false);
    expect(freshness.summary).toMatch(/of unknown age/);
  });

  it('lists the stale roles, fails naming them, and renders a table and a timeline', () => {
    const status = buildWorldStatus({
      env: 'prod',
      now: NOW,
      maxAge: '14d',
      maxAgeMs: 14 * DAY,
      roles: [
        role('api', 23, 2, {
          replica: { id: 'immut-prod-api-b000007', kind: 'instance', created: daysAgo(3) },
        }),
        role('web', 23, 0),
        role('worker', 30, 1),
      ],
    });
    expect(status.stale).toEqual(['api', 'worker']);
    expect(status.roles[0]?.replicaAgeMs).toBe(3 * DAY);
    expect(staleMessage(status)).toMatch(
      /^2 role\(s\) of prod are stale .*: api \(running an OS head 23 days old; 2 newer heads exist\); worker \(running an OS head 30 days old; 1 newer head exists\)\./,
    );
    const text = renderWorldStatus(status);
    expect(text).toContain('| api | ⚠️ stale | b000007 |');
    expect(text).toContain('| web | ✅ fresh | b000007 |');
    expect(text).toContain('immut-prod-api-b000007, 3 days old');
    expect(text).toMatch(/```mermaid\ngantt\n/);
    expect(text).toMatch(/b000007 live :crit, active, t0, 2025-02-27T00:00:00, 2025-03-01T00:00:00/);
  });

  it('words ages as people say them', () => {
    expect(describeAge(DAY)).toBe('1 day');
    expect(describeAge(5 * 3_600_000)).toBe('5 hours');
    expect(describeAge(90_000)).toBe('1 minute');
  });
});

describe('base-image sources', () => {
  it('reads the three forms of the world schema', () => {
    expect(baseImageSource('ssm:/aws/service/ami-amazon-linux-latest/x:12')).toEqual({
      kind: 'ssm',
      parameter: '/aws/service/ami-amazon-linux-latest/x',
    });
    expect(baseImageSource('filter:al2023-ami-2023.*-x86_64;owners=amazon, 123456789012')).toEqual({
      kind: 'filter',
      pattern: 'al2023-ami-2023.*-x86_64',
      owners: ['amazon', '123456789012'],
    });
    expect(baseImageSource('ami-0a0000000000a2303')).toEqual({
      kind: 'id',
      imageId: 'ami-0a0000000000a2303',
    });
  });
});
