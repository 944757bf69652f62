import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readInputs } from '@immut/core/inputs';
import { parseWorld, planWorld } from '@immut/core/world';
import { buildWorldRelease, type WorldRelease } from '@immut/core/world-release';
import { worldInputs } from '../inputs.js';
import { planPromotion, type PromotionPlanParts } from '../promote.js';

const read = (file: string) =>
  readFileSync(new URL(`../../../examples/consumer/${file}`, import.meta.url), 'utf8');
const staging = parseWorld(read('immut.world.staging.yml'), 'immut.world.staging.yml');
const prod = parseWorld(read('immut.world.yml'), 'immut.world.yml');

function released(env: string, build: string, roles: string[], missing: string[] = []): WorldRelease {
  return buildWorldRelease({
    env,
    build,
    created: '2026-12-01T10:00:00Z',
    source: { repository: 'acme/shop', sha: 'a'.repeat(40), run: '' },
    roles: {
      ...Object.fromEntries(
        roles.map((role) => [
          role,
          {
            status: 'released' as const,
            release: `${role}-${build}`,
            tag: `immut/${env}/${role}/${build}`,
            image: 'ami-0123456789abcdef0',
            app: '1.0.0',
          },
        ]),
      ),
      ...Object.fromEntries(missing.map((role) => [role, { status: 'missing' as const, reason: 'failed' }])),
    },
  });
}

function parts(release: WorldRelease, overrides: Partial<PromotionPlanParts> = {}): PromotionPlanParts {
  return {
    tag: release.world,
    release,
    source: { world: staging, plans: planWorld(staging), file: 'immut.world.staging.yml' },
    target: { world: prod, plans: planWorld(prod), file: 'immut.world.yml' },
    ...overrides,
  };
}

describe('promotion plan of a world release', () => {
  it("gives each role its release, its name in the source env and the target world's settings", () => {
    const plan = planPromotion(parts(released('staging', 'b000042', ['api', 'web', 'worker'])));
    expect(plan.roles).toEqual(['api', 'web', 'worker']);
    expect(plan.build).toBe('b000042');
    const web = plan.entries.find((e) => e['role'] === 'web');
    expect(web).toMatchObject({
      release: 'immut/staging/web/b000042',
      env: 'prod',
      build: 'b000042',
      'source-zone': 'example.test',
      'source-dns-name': 'www.staging.example.test',
      'dns-name': 'www.example.test',
      strategy: 'weighted',
      steps: '10,50,100',
      count: '2',
    });
    const api = plan.entries.find((e) => e['role'] === 'api');
    // The target env's flags and data source, never the source env's.
    expect(JSON.parse(api?.['flags'] ?? '{}')).toEqual(prod.roles['api']?.flags);
    expect(api).toMatchObject({ 'source-db': 'app-db', 'source-dns-name': 'api.staging.example.test' });
    // What only a bake needs is not passed: promote.yml has no such input.
    for (const key of ['base-image', 'provision', 'app-version', 'artifact', 'log-paths'])
      expect(api).not.toHaveProperty(key);
  });

  it('promotes only the roles the world release holds (an only-stale world), under a build given', () => {
    const plan = planPromotion({ ...parts(released('staging', 'b7', ['worker'])), build: 'p7' });
    expect(plan.entries.map((e) => [e['role'], e['release'], e['build']])).toEqual([
      ['worker', 'immut/staging/worker/b7', 'p7'],
    ]);
  });

  it('refuses a world release with a missing role, naming it', () => {
    expect(() => planPromotion(parts(released('staging', 'b1', ['api', 'worker'], ['web'])))).toThrow(
      /immut\/staging\/world\/b1 has 1 role\(s\) missing: web .* promote single roles with promote\.yml/,
    );
  });

  it('refuses world files of the wrong envs', () => {
    const release = released('staging', 'b1', ['api']);
    expect(() =>
      planPromotion(parts(release, { source: { world: prod, plans: planWorld(prod), file: 'p.yml' } })),
    ).toThrow(
      "Input 'source-world-file' (p.yml) is the world of env 'prod', but immut/staging/world/b1 is a world release of env 'staging'",
    );
    expect(() =>
      planPromotion(parts(release, { target: { world: staging, plans: planWorld(staging), file: 's.yml' } })),
    ).toThrow("Input 'world-file' (s.yml) is the world of env 'staging', the env immut/staging/world/b1");
  });

  it('refuses a role the target world does not list', () => {
    const onlyWorker = planWorld(prod).filter((p) => p.role === 'worker');
    const release = released('staging', 'b1', ['api', 'worker']);
    expect(() =>
      planPromotion(parts(release, { target: { world: prod, plans: onlyWorker, file: 'immut.world.yml' } })),
    ).toThrow(/holds api, which the world file immut\.world\.yml \(env prod\) does not list/);
  });

  it("reads only a world release tag as the 'release' input", () => {
    const release = (raw: string) => readInputs({ release: worldInputs.release }, () => raw).release;
    expect(release('immut/staging/world/b000042')).toBe('immut/staging/world/b000042');
    expect(() => release('immut/staging/api/b000042')).toThrow(
      /Input 'release'.*immut\/<env>\/world\/<build>/,
    );
  });
});
