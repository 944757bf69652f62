// What to launch: a manifest's image, flags and data endpoint, or a bare image; a release of
// another role, env or region is refused; and the post step with nothing to undo is quiet.
import { describe, expect, it } from '@jest/globals';
import { writeManifest, type ReleaseManifest } from '@immut/core/manifest';
import { runAction } from '@immut/core/run-action';
import { recordingIO } from '@immut/test-support/recording-io';
import { launchBehindLb } from '../main.js';
import { looksLikeTag, resolveSource, type TagReader } from '../release.js';

const id = { role: 'api', env: 'prod', build: 'b000050' };
const manifest: ReleaseManifest = {
  schema: 'immut.release/v1',
  release: 'api-b000042',
  role: 'api',
  env: 'prod',
  build: 'b000042',
  created: '2025-01-15T10:00:00.000Z',
  source: { repository: 'o/r', sha: 'abc', run: '' },
  image: {
    id: 'ami-0a0000000000a2303',
    region: 'us-east-1',
    fingerprint: '0123456789abcdef',
    base: 'ami-0a0000000000a2303',
  },
  data: { engine: 'postgres', instance: 'db', endpoint: 'db.example', from: 'snap', changelog: '' },
  app: { version: '1' },
  flags: { A: '1' },
};
const noTags: TagReader = async () => {
  throw new Error('no tag reads expected');
};

describe('resolveSource', () => {
  it('takes the image, flags and data endpoint from a manifest (an older release redeployed as a new build)', async () => {
    const source = await resolveSource({ release: writeManifest(manifest) }, id, 'us-east-1', noTags);
    expect(source).toEqual({
      imageId: 'ami-0a0000000000a2303',
      release: 'api-b000042',
      flags: { A: '1' },
      dataEndpoint: 'db.example',
      origin: 'release manifest api-b000042',
    });
  });

  it('reads a tag through the tag reader', async () => {
    const read: TagReader = async (tag) =>
      tag === 'immut/prod/api/b000042' ? manifest : Promise.reject(new Error(tag));
    const source = await resolveSource({ release: 'immut/prod/api/b000042' }, id, 'us-east-1', read);
    expect(source.origin).toBe('release tag immut/prod/api/b000042');
  });

  it('launches a bare image as this build’s own release with no flags', async () => {
    expect(await resolveSource({ imageId: 'ami-0123456789abcdef0' }, id, 'us-east-1', noTags)).toEqual({
      imageId: 'ami-0123456789abcdef0',
      release: 'api-b000050',
      flags: {},
      origin: 'input image-id',
    });
  });

  it('refuses a release of another env or of another region', async () => {
    await expect(resolveSource({ release: 'immut/staging/api/b1' }, id, 'us-east-1', noTags)).rejects.toThrow(
      /is for role 'api' in env 'staging', but this launch is for role 'api' in env 'prod'/,
    );
    await expect(
      resolveSource({ release: writeManifest(manifest) }, id, 'eu-west-1', noTags),
    ).rejects.toThrow(/has its image ami-0a0000000000a2303 in us-east-1, but this launch is in eu-west-1/);
  });

  it('tells a tag from manifest JSON', () => {
    expect(looksLikeTag('immut/prod/api/b1')).toBe(true);
    expect(looksLikeTag('  {"schema": 1}')).toBe(false);
  });
});

describe('main and post', () => {
  it('post with nothing recorded succeeds quietly, whatever the inputs', async () => {
    const io = recordingIO({ role: 'BAD', 'keep-on-failure': 'maybe' }, { env: {} });
    await runAction(launchBehindLb, io, 'post');
    expect(io.failures).toEqual([]);
    expect(io.log).toEqual([]);
  });

  it('post refuses to guess whose resources it removes when the identity was not saved', async () => {
    const created = JSON.stringify([{ kind: 'instance', id: 'i-0123456789abcdef0', region: 'us-east-1' }]);
    const io = recordingIO({}, { env: {}, state: { 'immut-created': created } });
    await runAction(launchBehindLb, io, 'post');
    expect(io.failures.join('\n')).toMatch(/launch-identity' is missing/);
  });
});
