// The artifact pack: reproducible bytes for the same content whatever the files' times and
// owners, a tar the system's tar unpacks to exactly the files given, and refusals naming
// the input for paths that leave the workspace.
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ARTIFACT_MTIME, artifactFromTags, artifactTags, packArtifact } from '../src/artifact.js';
import { validateManifest, writeManifest } from '../src/manifest.js';
import { InputError } from '../src/errors.js';

const READ = { input: 'artifact', expected: 'workspace files or directories' };
const dirs: string[] = [];

function workspace(files: Record<string, string | { content: string; mode: number }>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'immut-artifact-'));
  dirs.push(root);
  for (const [rel, spec] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    const { content, mode } = typeof spec === 'string' ? { content: spec, mode: 0o644 } : spec;
    writeFileSync(file, content);
    chmodSync(file, mode);
  }
  return root;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const APP = {
  'app/server.js': 'console.log("hi")\n',
  'app/bin/start': { content: '#!/bin/sh\nexec node server.js\n', mode: 0o700 },
  'app/odd name\'s "file".txt': 'quotes and spaces\n',
  'app/empty': '',
};

describe('packArtifact', () => {
  it('gives the same bytes for the same content, whatever the mtimes and permission bits beyond x', () => {
    const a = workspace(APP);
    const b = workspace(APP);
    utimesSync(path.join(b, 'app/server.js'), new Date('2031-02-03'), new Date('2031-02-03'));
    chmodSync(path.join(b, 'app/server.js'), 0o600);
    const first = packArtifact(a, ['app'], READ);
    const second = packArtifact(b, ['app/'], READ);
    expect(second.sha256).toBe(first.sha256);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.entries).toBe(6);
  });

  it('gives another digest when one byte changes', () => {
    const a = packArtifact(workspace(APP), ['app'], READ);
    const b = packArtifact(workspace({ ...APP, 'app/server.js': 'console.log("hj")\n' }), ['app'], READ);
    expect(b.sha256).not.toBe(a.sha256);
  });

  it('unpacks with the system tar to the files given, owned by root, with normalised modes and the fixed mtime', () => {
    const ws = workspace({ ...APP, [`app/${'d'.repeat(90)}/${'f'.repeat(90)}.txt`]: 'long\n' });
    const packed = packArtifact(ws, ['app'], READ);
    const out = mkdtempSync(path.join(tmpdir(), 'immut-unpack-'));
    dirs.push(out);
    writeFileSync(path.join(out, 'a.tar.gz'), packed.bytes);
    const listing = execFileSync('tar', ['-tvzf', path.join(out, 'a.tar.gz'), '--numeric-owner'], {
      encoding: 'utf8',
    });
    expect(listing).toMatch(/^drwxr-xr-x 0\/0 .* app\/$/m);
    expect(listing).toMatch(/^-rwxr-xr-x 0\/0 .* app\/bin\/start$/m);
    expect(listing).toMatch(/^-rw-r--r-- 0\/0 .* app\/server\.js$/m);
    mkdirSync(path.join(out, 'x'));
    execFileSync('tar', ['-xzf', path.join(out, 'a.tar.gz'), '-C', path.join(out, 'x')]);
    expect(readFileSync(path.join(out, 'x/app/odd name\'s "file".txt'), 'utf8')).toBe('quotes and spaces\n');
    expect(readFileSync(path.join(out, `x/app/${'d'.repeat(90)}/${'f'.repeat(90)}.txt`), 'utf8')).toBe(
      'long\n',
    );
    expect(statSync(path.join(out, 'x/app/server.js')).mtimeMs).toBe(ARTIFACT_MTIME * 1000);
    // gzip header: no name flag, mtime 0.
    expect(packed.bytes[3]).toBe(0);
    expect(packed.bytes.readUInt32LE(4)).toBe(0);
    expect(gunzipSync(packed.bytes).length % 512).toBe(0);
  });

  it('packs several paths each under its base name, and refuses two with the same one', () => {
    const ws = workspace({ 'a/app/x': '1', 'b/app/y': '2', 'c/config.json': '{}' });
    const packed = packArtifact(ws, ['a/app', 'c/config.json'], READ);
    const listing = execFileSync('tar', ['-tz'], { input: packed.bytes, encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(listing).toEqual(['app/', 'app/x', 'config.json']);
    expect(() => packArtifact(ws, ['a/app', 'b/app'], READ)).toThrow(/would unpack as 'app'/);
  });

  it('refuses paths outside the workspace, missing ones and the workspace itself, naming the input', () => {
    const ws = workspace({ 'app/x': '1' });
    const outside = mkdtempSync(path.join(tmpdir(), 'immut-outside-'));
    dirs.push(outside);
    symlinkSync(outside, path.join(ws, 'app/escape'));
    for (const [given, why] of [
      ['app', /points outside the workspace/],
      ['../etc', /outside the workspace/],
      ['nope', /no such file/],
      ['.', /the workspace itself/],
    ] as const) {
      let error: unknown;
      try {
        packArtifact(ws, [given], READ);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/Input 'artifact' was/);
      expect((error as Error).message).toMatch(why);
    }
  });

  it('refuses a pack over the size budget', () => {
    const ws = workspace({ 'app/big': 'x'.repeat(2000) });
    expect(() => packArtifact(ws, ['app'], { ...READ, maxBytes: 1000 })).toThrow(/over the 1000 bytes/);
  });
});

describe('artifact tags and the manifest', () => {
  const SHA = 'a'.repeat(64);

  it('round-trips the digest, size and paths through image tags, within the tag value limit', () => {
    const tags = artifactTags({ sha256: SHA, size: 1234, paths: ['app/api', 'conf/api.json'] });
    expect(tags).toEqual({
      'immut:artifact': SHA,
      'immut:artifact-size': '1234',
      'immut:artifact-paths': 'app/api,conf/api.json',
    });
    expect(artifactFromTags(tags)).toEqual({ sha256: SHA, size: 1234, paths: ['app/api', 'conf/api.json'] });
    const many = artifactTags({
      sha256: SHA,
      size: 1,
      paths: Array.from({ length: 40 }, (_, i) => `dir-${i}/files`),
    });
    expect(many['immut:artifact-paths']!.length).toBeLessThanOrEqual(256);
    expect(many['immut:artifact-paths']).toMatch(/,…$/);
    expect(
      artifactFromTags({
        'immut:artifact': 'not-a-digest',
        'immut:artifact-size': '1',
        'immut:artifact-paths': 'a',
      }),
    ).toBeUndefined();
    expect(artifactFromTags({})).toBeUndefined();
  });

  it('reads manifests with and without app.artifact, and refuses a malformed one', () => {
    const base = JSON.parse(
      readFileSync(path.join(import.meta.dirname, 'fixtures/manifest-v1.json'), 'utf8'),
    ) as Record<string, unknown>;
    const withArtifact = {
      ...base,
      app: { version: '1.0.0', artifact: { sha256: SHA, size: 10, paths: ['app/api'] } },
    };
    expect(validateManifest(withArtifact).app.artifact).toEqual({
      sha256: SHA,
      size: 10,
      paths: ['app/api'],
    });
    expect(JSON.parse(writeManifest(validateManifest(withArtifact))).app).toEqual(withArtifact.app);
    const older = { ...base, app: { version: '1.0.0' } };
    expect(validateManifest(older).app.artifact).toBeUndefined();
    expect(writeManifest(validateManifest(older))).not.toContain('artifact');
    const bad = { ...base, app: { version: '1.0.0', artifact: { sha256: 'xyz', size: 0, paths: [] } } };
    expect(() => validateManifest(bad)).toThrow(/app\.artifact\.sha256/);
  });
});
