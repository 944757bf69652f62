import { describe, expect, it } from '@jest/globals';
import {
  MANIFEST_SCHEMA,
  ManifestError,
  manifestJsonSchema,
  readManifest,
  validateManifest,
  writeManifest,
  type ReleaseManifest,
} from '../src/manifest.js';

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
