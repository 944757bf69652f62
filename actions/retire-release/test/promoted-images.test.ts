// Retirement and promotion: an image another env runs (a promotion marks it
// `immut:used-by:<env>`) stays in the env that baked it, and the using env's retirement
// takes its mark off once the build that ran it is retired. Pure planning rules, no AWS.
import { describe, expect, it } from '@jest/globals';
import { MANAGED_BY_VALUE, TAG } from '@immut/core/tags';
import type { BuildResources, Image, Inventory } from '../discover.js';
import type { Live } from '../live.js';
import { otherEnvUsers, plan } from '../plan.js';

const lbDns = (env: string, build: string) => `${env}-api-${build}-1.us-east-1.elb.amazonaws.com`;

function build(env: string, id: string, imageId: string): BuildResources {
  const tags = { [TAG.build]: id };
  return {
    build: id,
    release: `api-${id}`,
    groups: [],
    launchTemplates: [],
    loadBalancers: [
      {
        arn: `arn:lb/${id}`,
        name: `${env}-api-${id}`,
        dnsName: lbDns(env, id),
        zoneId: 'Z',
        listenerArns: [],
        tags,
      },
    ],
    targetGroups: [],
    instances: [{ id: `i-${id}`, state: 'running', imageId, tags }],
    databases: [],
    sourceSnapshots: [],
  };
}

function stagingImage(id: string, buildId: string, extra: Record<string, string> = {}): Image {
  return {
    id,
    name: `immut/staging/api/${buildId}/x`,
    state: 'available',
    created: '2026-01-01T00:00:00Z',
    snapshotIds: [`snap-${buildId}`],
    tags: {
      [TAG.managedBy]: MANAGED_BY_VALUE,
      [TAG.role]: 'api',
      [TAG.env]: 'staging',
      [TAG.build]: buildId,
      [TAG.release]: `api-${buildId}`,
      ...extra,
    },
  };
}

function live(env: string, current: string, previous: string): Live {
  const target = (b: string) => ({ build: b, release: `api-${b}`, dnsName: lbDns(env, b), zoneId: 'Z' });
  return {
    name: `api.${env}.example.test`,
    history: {
      role: 'api',
      env,
      current: target(current),
      previous: target(previous),
      at: '2026-01-02T00:00:00Z',
    },
    pointsAt: [lbDns(env, current)],
    weighted: false,
    ttlMs: 60_000,
  };
}

describe('a promoted image in the env that baked it', () => {
  // Staging has moved on to b3 and b4; b1's image was promoted to prod.
  const staging = (image: Image): Inventory => ({
    builds: [
      build('staging', 'b1', image.id),
      build('staging', 'b3', 'ami-b3'),
      build('staging', 'b4', 'ami-b4'),
    ],
    images: [image],
    orphanSnapshots: [],
  });

  it('is kept while another env marks it used, with the reason', () => {
    const promoted = stagingImage('ami-b1', 'b1', { 'immut:used-by:prod': 'b1' });
    const p = plan(staging(promoted), live('staging', 'b4', 'b3'), { keep: 2, keepImages: 0 }, 'staging');
    expect(p.builds.find((d) => d.build === 'b1')?.retire).toBe(true);
    expect(p.images).toEqual([
      expect.objectContaining({ retire: false, reason: 'promoted: prod build b1 uses it (immut:used-by)' }),
    ]);
  });

  it('goes with its build once no other env marks it', () => {
    const p = plan(
      staging(stagingImage('ami-b1', 'b1')),
      live('staging', 'b4', 'b3'),
      { keep: 2, keepImages: 0 },
      'staging',
    );
    expect(p.images).toEqual([expect.objectContaining({ retire: true })]);
  });

  it('names every other env that uses it, ignoring a mark of its own env', () => {
    const tags = stagingImage('ami-b1', 'b1', {
      'immut:used-by:prod': 'b7',
      'immut:used-by:qa': 'b2',
      'immut:used-by:staging': 'b1',
    }).tags;
    expect(otherEnvUsers(tags)).toEqual(['prod build b7', 'qa build b2']);
  });
});

describe('a promoted image in the env that runs it', () => {
  const borrowed = stagingImage('ami-s1', 's1', { 'immut:used-by:prod': 'p1' });
  const prod: Inventory = {
    builds: [build('prod', 'p1', 'ami-s1'), build('prod', 'p2', 'ami-p2'), build('prod', 'p3', 'ami-p3')],
    images: [],
    borrowed: [borrowed],
    orphanSnapshots: [],
  };

  it('loses its mark when the build that ran it retires', () => {
    const p = plan(prod, live('prod', 'p3', 'p2'), { keep: 2, keepImages: 0 }, 'prod');
    expect(p.releases).toEqual([{ image: borrowed, build: 'p1' }]);
    // Never deleted from here: it is staging's image, not among prod's own.
    expect(p.images).toEqual([]);
  });

  it('keeps its mark while another kept build still runs it, whatever build the mark names', () => {
    // p1 and p3 were both promoted from s1; the mark names p3, the later. p1 was rolled back to.
    const both: Inventory = {
      ...prod,
      builds: ['p1', 'p2', 'p3', 'p4'].map((b) =>
        build('prod', b, b === 'p1' || b === 'p3' ? 'ami-s1' : `ami-${b}`),
      ),
      borrowed: [stagingImage('ami-s1', 's1', { 'immut:used-by:prod': 'p3' })],
    };
    const p = plan(both, live('prod', 'p4', 'p1'), { keep: 2, keepImages: 0 }, 'prod');
    expect(p.builds.find((d) => d.build === 'p3')?.retire).toBe(true);
    expect(p.builds.find((d) => d.build === 'p1')?.retire).toBe(false);
    expect(p.releases).toEqual([]);
  });

  it('keeps its mark while that build is kept', () => {
    const p = plan(prod, live('prod', 'p1', 'p3'), { keep: 2, keepImages: 0 }, 'prod');
    expect(p.builds.find((d) => d.build === 'p1')?.retire).toBe(false);
    expect(p.releases).toEqual([]);
  });
});
