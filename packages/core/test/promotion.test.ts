import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { History } from '../src/dns-history.js';
import {
  MANIFEST_SCHEMA,
  ManifestError,
  manifestDigest,
  readManifest,
  writeManifest,
  type ReleaseManifest,
} from '../src/manifest.js';
import { PromotionRefusedError, promotionGate } from '../src/promotion.js';

const staging: ReleaseManifest = {
  schema: MANIFEST_SCHEMA,
  release: 'api-b000042',
  role: 'api',
  env: 'staging',
  build: 'b000042',
  created: '2026-11-29T01:00:00Z',
  source: { repository: 'acme/shop', sha: 'abc123', run: '' },
  image: {
    id: 'ami-0123456789abcdef0',
    region: 'us-east-1',
    fingerprint: 'ab'.repeat(32),
    base: 'ami-0fedcba9876543210',
  },
  app: { version: '1.2.3' },
  flags: {},
};

function target(lb: string) {
  return { dnsName: `${lb}.us-east-1.elb.amazonaws.com`, zoneId: 'Z35SXDOTRQ7X7K' };
}

function history(current: string, previous?: string, weight?: number): History {
  return {
    role: 'api',
    env: 'staging',
    current: { build: current, release: `api-${current}`, ...target(current) },
    ...(previous ? { previous: { build: previous, release: `api-${previous}`, ...target(previous) } } : {}),
    ...(weight !== undefined ? { weight } : {}),
    at: '2026-11-29T02:00:00Z',
  };
}

const checked = '_immut-history.api.staging.example.test (zone Z1)';
const gate = (h: History | undefined, force = false) =>
  promotionGate({ source: staging, targetEnv: 'prod', history: h, checked, force });

describe('promotion gate', () => {
  it('lets through a release the role name points at', () => {
    expect(gate(history('b000042', 'b000041'))).toMatchObject({ live: true, forced: false });
  });

  it('lets through the previous live release (rolled past, still proven live)', () => {
    expect(gate(history('b000043', 'b000042'))).toMatchObject({ live: true, forced: false });
  });

  it('refuses a release whose weighted cutover has not finished', () => {
    expect(() => gate(history('b000042', 'b000041', 50))).toThrow(
      /weighted cutover to build b000042 is at 50%/,
    );
  });

  it('refuses a release that never became live, saying what was checked and how to override', () => {
    let error: unknown;
    try {
      gate(history('b000041', 'b000040'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PromotionRefusedError);
    const message = (error as Error).message;
    expect(message).toContain('Refusing to promote immut/staging/api/b000042 to prod');
    expect(message).toContain(checked);
    expect(message).toContain('build b000041 live and build b000040 before it');
    expect(message).toContain('force: true');
  });

  it('refuses when the role was never cut over (no history record)', () => {
    expect(() => gate(undefined)).toThrow(/no history record/);
  });

  it("refuses another role's record", () => {
    expect(() => gate({ ...history('b000042'), role: 'web' })).toThrow(/belongs to role web in staging/);
  });

  it('with force, proceeds and says it was forced', () => {
    expect(gate(history('b000041'), true)).toMatchObject({ live: false, forced: true });
  });

  it('refuses promoting a release into its own env', () => {
    expect(() =>
      promotionGate({ source: staging, targetEnv: 'staging', history: undefined, checked, force: true }),
    ).toThrow(/already a release of that env/);
  });
});

describe('manifest promotedFrom', () => {
  const promoted: ReleaseManifest = {
    ...staging,
    env: 'prod',
    promotedFrom: { tag: 'immut/staging/api/b000042', manifestDigest: manifestDigest(staging) },
  };

  it('round-trips, with the digest of the source as recorded', () => {
    expect(readManifest(writeManifest(promoted))).toEqual(promoted);
    expect(manifestDigest(staging)).toBe(
      `sha256:${createHash('sha256').update(writeManifest(staging)).digest('hex')}`,
    );
    const forced = { ...promoted, promotedFrom: { ...promoted.promotedFrom!, forced: true as const } };
    expect(readManifest(writeManifest(forced)).promotedFrom?.forced).toBe(true);
  });

  it('still reads manifests written before promotion existed', () => {
    const old = readManifest(writeManifest(staging));
    expect(old.promotedFrom).toBeUndefined();
    expect(writeManifest(old)).not.toContain('promotedFrom');
  });

  it('refuses a source of another role or of the same env', () => {
    const bad = (tag: string) => () =>
      readManifest(JSON.stringify({ ...promoted, promotedFrom: { ...promoted.promotedFrom, tag } }));
    expect(bad('immut/staging/web/b000042')).toThrow(ManifestError);
    expect(bad('immut/prod/api/b000042')).toThrow(/another env than 'prod'/);
    expect(bad('staging/api')).toThrow(/a release tag immut/);
  });

  it('refuses a digest that is not sha256', () => {
    expect(() =>
      readManifest(
        JSON.stringify({ ...promoted, promotedFrom: { ...promoted.promotedFrom, manifestDigest: 'md5:x' } }),
      ),
    ).toThrow(/promotedFrom.manifestDigest/);
  });
});
