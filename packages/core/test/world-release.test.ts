// The world release manifest: validated with the path of each bad field, canonical JSON,
// the tag message round trip, and the comparison re-runs are judged by.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ReleaseManifest } from '../src/manifest.js';
import { worldTag } from '../src/naming.js';
import {
  WORLD_RELEASE_SCHEMA,
  WorldReleaseError,
  buildWorldRelease,
  missingRoles,
  readWorldRelease,
  releasedEntry,
  validateWorldRelease,
  worldReleaseCodec,
  worldReleaseDifferences,
  worldReleaseFromTagMessage,
  worldReleaseJsonSchema,
  worldReleaseTagMessage,
  writeWorldRelease,
  type WorldRelease,
} from '../src/world-release.js';

const V1 = JSON.parse(
  readFileSync(new URL('./fixtures/manifest-v1.json', import.meta.url), 'utf8'),
) as ReleaseManifest;

const API = releasedEntry(V1);
const SOURCE = {
  repository: 'immut-test/app',
  sha: 'a'.repeat(40),
  run: 'https://github.com/immut-test/app/actions/runs/9',
};

function world(
  roles: WorldRelease['roles'] = { worker: { status: 'missing', reason: 'its job failed' }, api: API },
) {
  return buildWorldRelease({
    env: V1.env,
    build: V1.build,
    created: '2025-01-15T03:10:00Z',
    source: SOURCE,
    roles,
  });
}

function problemOf(value: unknown): string {
  try {
    validateWorldRelease(value);
  } catch (error) {
    if (error instanceof WorldReleaseError) return error.message;
    throw error;
  }
  throw new Error('expected a WorldReleaseError');
}

describe('building a world release', () => {
  it('lists each released role with its release, tag, image and app version', () => {
    const manifest = world();
    expect(manifest).toEqual({
      schema: WORLD_RELEASE_SCHEMA,
      world: `immut/${V1.env}/world/${V1.build}`,
      env: V1.env,
      build: V1.build,
      created: '2025-01-15T03:10:00Z',
      source: SOURCE,
      roles: {
        worker: { status: 'missing', reason: 'its job failed' },
        api: {
          status: 'released',
          release: V1.release,
          tag: `immut/${V1.env}/${V1.role}/${V1.build}`,
          image: V1.image.id,
          app: V1.app.version,
        },
      },
    });
    expect(missingRoles(manifest)).toEqual(['worker']);
  });

  it('names the world tag after env and build', () => {
    expect(worldTag({ env: 'prod', build: 'b000042' })).toBe('immut/prod/world/b000042');
  });
});

describe('validation', () => {
  const valid = () => JSON.parse(JSON.stringify(world())) as Record<string, unknown> & WorldRelease;

  it('refuses another schema, naming the one it reads', () => {
    expect(problemOf({ ...valid(), schema: 'immut.release/v1' })).toBe(
      "Unsupported world release manifest schema 'immut.release/v1'; this version of immut reads immut.world-release/v1.",
    );
  });

  it('reports every bad field with its path', () => {
    const m = valid();
    m.world = 'immut/prod/world/b1';
    m.roles['api'] = { ...API, release: 'api-b1', tag: 'immut/prod/api/b1', image: 'img-1' } as never;
    m.roles['web'] = { status: 'missing' } as never;
    m.roles['world'] = { status: 'missing', reason: 'x' };
    m.roles['db'] = { status: 'failed', reason: 'x' } as never;
    const message = problemOf(m);
    expect(message).toMatch(/^Invalid world release manifest: /);
    for (const expected of ['roles.api.image: an AMI id', 'roles.web.reason:', 'roles.db.status:']) {
      expect(message).toContain(expected);
    }
    // The consistency checks run once the shapes are valid.
    const shapes = valid();
    shapes.world = 'immut/prod/world/b1';
    shapes.roles['api'] = { ...API, release: 'api-b1', tag: 'immut/prod/api/b1' } as never;
    shapes.roles['world'] = { status: 'missing', reason: 'x' };
    const consistency = problemOf(shapes);
    expect(consistency).toContain(`world: must be 'immut/${V1.env}/world/${V1.build}'`);
    expect(consistency).toContain(`roles.api.release: must be 'api-${V1.build}'`);
    expect(consistency).toContain(`roles.api.tag: must be 'immut/${V1.env}/api/${V1.build}'`);
    expect(consistency).toContain("roles.world: 'world' is not a role name");
  });

  it('refuses a world without roles and unknown fields', () => {
    expect(problemOf({ ...valid(), roles: {} })).toContain('roles: a world has at least one role');
    expect(problemOf({ ...valid(), colour: 'blue' })).toContain('Unrecognized key: "colour"');
  });

  it('reports JSON that does not parse', () => {
    expect(() => readWorldRelease('{')).toThrow(/^World release manifest is not valid JSON: /);
  });
});

describe('canonical JSON', () => {
  it('writes keys in a fixed order with roles sorted, so equal worlds give equal bytes', () => {
    const a = world({ worker: { status: 'missing', reason: 'r' }, api: API });
    const shuffled = JSON.parse(JSON.stringify(a)) as WorldRelease;
    const reordered = {
      roles: {
        api: { app: API.status === 'released' ? API.app : '', ...API },
        worker: { reason: 'r', status: 'missing' },
      },
      source: shuffled.source,
      created: shuffled.created,
      build: shuffled.build,
      env: shuffled.env,
      world: shuffled.world,
      schema: shuffled.schema,
    } as WorldRelease;
    expect(writeWorldRelease(reordered)).toBe(writeWorldRelease(a));
    const text = writeWorldRelease(a);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'schema',
      'world',
      'env',
      'build',
      'created',
      'source',
      'roles',
    ]);
    expect(Object.keys((JSON.parse(text) as WorldRelease).roles)).toEqual(['api', 'worker']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(readWorldRelease(text)).toEqual(JSON.parse(text));
  });

  it('refuses to write an invalid manifest', () => {
    expect(() => writeWorldRelease({ ...world(), build: 'B!' })).toThrow(WorldReleaseError);
  });
});

describe('the tag message', () => {
  it('carries a title and the manifest, and gives the manifest back (also with a signature after it)', () => {
    const m = world();
    const message = worldReleaseTagMessage(m);
    expect(message.split('\n')[0]).toBe(`immut world release world-${V1.build} (${V1.env})`);
    expect(worldReleaseFromTagMessage(message)).toEqual(JSON.parse(writeWorldRelease(m)));
    expect(worldReleaseFromTagMessage(`${message}-----BEGIN PGP SIGNATURE-----\nxyz\n`)).toEqual(
      JSON.parse(writeWorldRelease(m)),
    );
    expect(() => worldReleaseFromTagMessage('just a title')).toThrow(
      'The tag message holds no world release manifest.',
    );
  });

  it('titles the GitHub release like a role release: world-<build> (<env>)', () => {
    expect(worldReleaseCodec.releaseName(world())).toBe(`world-${V1.build} (${V1.env})`);
  });
});

describe('comparing a recorded world with a re-run', () => {
  it('ignores only the created time', () => {
    expect(worldReleaseDifferences(world(), { ...world(), created: '2030-01-01T00:00:00Z' })).toEqual([]);
    expect(
      worldReleaseDifferences(world(), { ...world(), source: { ...SOURCE, sha: 'b'.repeat(40) } }),
    ).toEqual([`source.sha ("${'a'.repeat(40)}" recorded, "${'b'.repeat(40)}" now)`]);
  });

  it('says in one line how a role changed status, and lists changed fields of a released role', () => {
    const later = world({
      worker: releasedEntry({ ...V1, role: 'worker', release: `worker-${V1.build}` }),
      api: { ...API, app: '9.9.9' } as WorldRelease['roles'][string],
    });
    expect(worldReleaseDifferences(world(), later)).toEqual([
      'roles.api.app ("1.4.2" recorded, "9.9.9" now)',
      `roles.worker (missing recorded, released as immut/${V1.env}/worker/${V1.build} now)`,
    ]);
  });

  it('treats two missing entries as the same whatever their reasons, and notices added or dropped roles', () => {
    const reasons = world({ worker: { status: 'missing', reason: 'another wording' }, api: API });
    expect(worldReleaseDifferences(world(), reasons)).toEqual([]);
    expect(worldReleaseDifferences(world(), world({ api: API }))).toEqual([
      'roles.worker (missing recorded, absent now)',
    ]);
  });
});

describe('JSON Schema', () => {
  it('describes the manifest for other tools', () => {
    const schema = worldReleaseJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual([
      'schema',
      'world',
      'env',
      'build',
      'created',
      'source',
      'roles',
    ]);
    expect(schema.required).toEqual(expect.arrayContaining(['world', 'roles']));
  });
});
