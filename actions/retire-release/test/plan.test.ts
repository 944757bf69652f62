// The retirement rules on their own: which builds and images stay and why, from what stands
// and what is live. Pure functions, no AWS.
import { describe, expect, it } from '@jest/globals';
import type { History } from '@immut/core/dns-history';
import { TAG } from '@immut/core/tags';
import type { BuildResources, Image, Inventory } from '../discover.js';
import type { Live } from '../live.js';
import { compareBuilds, plan } from '../plan.js';
import { drainMs, waitNeededMs } from '../retire.js';

const lbDns = (build: string) => `prod-api-${build}-1.us-east-1.elb.amazonaws.com`;

function build(id: string, imageId = `ami-${id}`): BuildResources {
  const tags = { [TAG.build]: id };
  return {
    build: id,
    release: `api-${id}`,
    groups: [],
    launchTemplates: [],
    loadBalancers: [
      {
        arn: `arn:lb/${id}`,
        name: `prod-api-${id}`,
        dnsName: lbDns(id),
        zoneId: 'Z35SXDOTRQ7X7K',
        listenerArns: [],
        tags,
      },
    ],
    targetGroups: [{ arn: `arn:tg/${id}`, name: `prod-api-${id}`, deregistrationDelayMs: 300_000, tags }],
    instances: [{ id: `i-${id}`, state: 'running', imageId, tags }],
    databases: [],
    sourceSnapshots: [],
  };
}

function image(build: string, created: string, state = 'available'): Image {
  return {
    id: `ami-${build}`,
    name: `immut/prod/api/${build}/x`,
    state,
    created,
    snapshotIds: [],
    tags: { [TAG.build]: build },
  };
}

const target = (b: string) => ({
  build: b,
  release: `api-${b}`,
  dnsName: lbDns(b),
  zoneId: 'Z35SXDOTRQ7X7K',
});

function live(current: string | undefined, previous?: string, extra: Partial<Live> = {}): Live {
  const history: History | undefined = current
    ? {
        role: 'api',
        env: 'prod',
        current: target(current),
        ...(previous ? { previous: target(previous) } : {}),
        at: '2026-01-01T00:00:00Z',
      }
    : undefined;
  return {
    name: 'api.prod.example.test',
    ...(history ? { history } : {}),
    pointsAt: current ? [lbDns(current)] : [],
    weighted: false,
    ttlMs: 60_000,
    ...extra,
  };
}

const five: Inventory = {
  builds: ['b1', 'b2', 'b3', 'b4', 'b5'].map((b) => build(b)),
  images: [],
  orphanSnapshots: [],
};

const decisions = (p: ReturnType<typeof plan>) =>
  Object.fromEntries(p.builds.map((d) => [d.build, d.retire ? 'retire' : 'keep']));

describe('plan', () => {
  it('keeps the live and the previous build with keep 2 and retires the rest', () => {
    expect(decisions(plan(five, live('b5', 'b4'), { keep: 2, keepImages: 0 }))).toEqual({
      b5: 'keep',
      b4: 'keep',
      b3: 'retire',
      b2: 'retire',
      b1: 'retire',
    });
  });

  it('keeps the previous build of the history over a newer one after a rollback', () => {
    // Rolled back from b5 to b4: the history says current b4, previous b5.
    const p = plan(five, live('b4', 'b5'), { keep: 2, keepImages: 0 });
    expect(decisions(p)).toMatchObject({ b5: 'keep', b4: 'keep', b3: 'retire' });
  });

  it('never retires a build newer than the live one (a release not yet cut over)', () => {
    const p = plan(five, live('b3', 'b2'), { keep: 1, keepImages: 0 });
    expect(decisions(p)).toEqual({ b5: 'keep', b4: 'keep', b3: 'keep', b2: 'retire', b1: 'retire' });
    expect(p.builds.find((d) => d.build === 'b5')?.reason).toMatch(/newer than the live build b3/);
  });

  it('never retires a build the name still points at, even beyond keep', () => {
    const p = plan(five, live('b5', 'b4', { pointsAt: [lbDns('b5'), lbDns('b1')] }), {
      keep: 1,
      keepImages: 0,
    });
    expect(decisions(p)).toEqual({ b5: 'keep', b4: 'retire', b3: 'retire', b2: 'retire', b1: 'keep' });
  });

  it('retires nothing during a weighted cutover', () => {
    const p = plan(five, live('b5', 'b4', { weighted: true }), { keep: 1, keepImages: 0 });
    expect(p.builds.every((d) => !d.retire)).toBe(true);
    expect(p.hold).toMatch(/weighted cutover/);
  });

  it('retires nothing when the name was never cut over', () => {
    const p = plan(five, live(undefined), { keep: 1, keepImages: 0 });
    expect(p.builds.every((d) => !d.retire)).toBe(true);
    expect(p.hold).toMatch(/never been cut over/);
  });

  it('keeps images kept builds run or baked, the newest keep-images unused ones, and pending ones', () => {
    const inventory: Inventory = {
      builds: [build('b3'), build('b4', 'ami-b1')],
      orphanSnapshots: [],
      images: [
        image('b1', '2026-01-01'),
        image('b2', '2026-01-02'),
        image('b3', '2026-01-03'),
        image('b0', '2025-12-01'),
        image('b6', '2026-01-06'),
        { ...image('b5', '2026-01-05', 'pending'), id: 'ami-pending' },
      ],
    };
    const p = plan(inventory, live('b4', 'b3'), { keep: 2, keepImages: 1 });
    const fate = Object.fromEntries(p.images.map((d) => [d.image.id, d.retire ? 'retire' : d.reason]));
    expect(fate).toEqual({
      'ami-b1': 'build b4 runs it',
      'ami-b3': 'build b3 runs it',
      'ami-b2': expect.stringMatching(/among the newest 1 unused/),
      'ami-b0': 'retire',
      'ami-b6': expect.stringMatching(/newer than the live one/),
      'ami-pending': expect.stringMatching(/pending, not available/),
    });
  });

  it('orders builds numerically', () => {
    expect(['b100', 'b99', 'b0101'].sort(compareBuilds)).toEqual(['b99', 'b100', 'b0101']);
  });
});

describe('the wait before deleting', () => {
  const retiring = plan(five, live('b5', 'b4'), { keep: 2, keepImages: 0 }).builds.filter((d) => d.retire);

  it('is the TTL plus the longest deregistration delay of the retired builds', () => {
    expect(drainMs(live('b5', 'b4'), retiring)).toBe(360_000);
  });

  it('counts from the cutover time in the history', () => {
    const at = Date.parse('2026-01-01T00:00:00Z');
    expect(waitNeededMs(live('b5', 'b4'), 360_000, at + 60_000)).toBe(300_000);
    expect(waitNeededMs(live('b5', 'b4'), 360_000, at + 3_600_000)).toBe(0);
  });

  it('waits the whole time when the cutover time is ahead of this clock or unreadable', () => {
    const at = Date.parse('2026-01-01T00:00:00Z');
    expect(waitNeededMs(live('b5', 'b4'), 360_000, at - 60_000)).toBe(360_000);
    const unreadable = live('b5', 'b4');
    unreadable.history!.at = 'yesterday';
    expect(waitNeededMs(unreadable, 360_000, at)).toBe(360_000);
  });
});
