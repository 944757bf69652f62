// The manifest's record of a promotion across accounts or regions (core manifest.ts):
// image.sharedFrom / image.copiedFrom are optional, round-trip through the canonical JSON, and
// a manifest cannot claim both, nor a share of another image than its own.
import { describe, expect, it } from '@jest/globals';
import {
  MANIFEST_SCHEMA,
  readManifest,
  validateManifest,
  writeManifest,
  type ReleaseManifest,
} from '@immut/core/manifest';

const base: ReleaseManifest = {
  schema: MANIFEST_SCHEMA,
  release: 'api-b000042',
  role: 'api',
  env: 'prod',
  build: 'b000042',
  created: '2026-11-29T01:00:00Z',
  source: { repository: 'acme/shop', sha: 'abc123', run: '' },
  image: {
    id: 'ami-0123456789abcdef0',
    region: 'eu-west-1',
    fingerprint: 'ab'.repeat(32),
    base: 'ami-0fedcba9876543210',
  },
  app: { version: '1.2.3' },
  flags: {},
};

describe('image.sharedFrom and image.copiedFrom', () => {
  it('still reads a manifest without them', () => {
    expect(readManifest(writeManifest(base)).image).toEqual(base.image);
  });

  it('round-trips a shared image and a copy', () => {
    const shared = {
      ...base,
      image: { ...base.image, sharedFrom: { account: '123456789012', imageId: base.image.id } },
    };
    expect(readManifest(writeManifest(shared))).toEqual(shared);
    const copied = {
      ...base,
      image: {
        ...base.image,
        copiedFrom: { account: '123456789012', region: 'us-east-1', imageId: 'ami-0aaaaaaaaaaaaaaaa' },
      },
    };
    expect(readManifest(writeManifest(copied))).toEqual(copied);
  });

  it('refuses both at once, a share of another image, and a bad account', () => {
    const account = '123456789012';
    expect(() =>
      validateManifest({
        ...base,
        image: {
          ...base.image,
          sharedFrom: { account, imageId: base.image.id },
          copiedFrom: { account, region: 'us-east-1', imageId: 'ami-0aaaaaaaaaaaaaaaa' },
        },
      }),
    ).toThrow(/image\.copiedFrom: an image is shared or copied, not both/);
    expect(() =>
      validateManifest({
        ...base,
        image: { ...base.image, sharedFrom: { account, imageId: 'ami-0aaaaaaaaaaaaaaaa' } },
      }),
    ).toThrow(/image\.sharedFrom\.imageId: must be the image id itself/);
    expect(() =>
      validateManifest({
        ...base,
        image: { ...base.image, sharedFrom: { account: '12345', imageId: base.image.id } },
      }),
    ).toThrow(/image\.sharedFrom\.account: a 12-digit AWS account id; was '12345'/);
  });
});
