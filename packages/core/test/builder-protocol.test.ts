import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import {
  BAKE_MARKERS,
  bakeIdFor,
  consoleTail,
  encodeUserData,
  parseBuilderUserData,
  readBakeOutcome,
  renderBuilderScript,
  selfDestructMinutes,
  type BuilderSpec,
} from '../src/builder-protocol.js';

const spec = (over: Partial<BuilderSpec> = {}): BuilderSpec => ({
  bakeId: 'abcdef12-0123456789ab',
  selfDestructMinutes: 65,
  role: 'api',
  env: 'prod',
  appVersion: "1.2.3 'quoted'",
  logPaths: ['/var/log/api/*.log', '/var/log/api/audit.log'],
  script: { name: 'provision.sh', content: Buffer.from('#!/bin/bash\nset -e\necho provisioning\n') },
  files: [
    { path: 'etc/app.conf', mode: 0o644, content: Buffer.from('port=8080\n') },
    { path: 'bin/start', mode: 0o755, content: Buffer.from('#!/bin/sh\nexec app\n') },
  ],
  ...over,
});

describe('renderBuilderScript', () => {
  it('renders a valid bash script that schedules its self-destruct before anything else', () => {
    const script = renderBuilderScript(spec());
    const syntax = spawnSync('bash', ['-n'], { input: script });
    expect(syntax.stderr.toString()).toBe('');
    expect(syntax.status).toBe(0);
    const lines = script.split('\n');
    expect(lines[0]).toBe('#!/bin/bash');
    const firstCommand = lines.findIndex((l) => l !== '' && !l.startsWith('#'));
    expect(lines[firstCommand]).toMatch(/^shutdown -h \+65 /);
    expect(script).toContain('poweroff');
    expect(script).toContain(BAKE_MARKERS.success);
    expect(script).toContain(BAKE_MARKERS.failure);
    expect(script).toContain('/immut/prod/api');
  });

  it('is deterministic, so a re-run sends identical user data', () => {
    expect(encodeUserData(renderBuilderScript(spec())).bytes).toEqual(
      encodeUserData(renderBuilderScript(spec())).bytes,
    );
  });

  it('refuses file names that would need shell quoting tricks', () => {
    expect(() =>
      renderBuilderScript(
        spec({ files: [{ path: '../etc/passwd', mode: 0o644, content: Buffer.from('') }] }),
      ),
    ).toThrow(/shipped file/);
    expect(() => renderBuilderScript(spec({ logPaths: ['/var/log/a b.log'] }))).toThrow(/log path/);
  });

  it('omits the logging integration when there are no log paths', () => {
    expect(renderBuilderScript(spec({ logPaths: [] }))).not.toContain('amazon-cloudwatch-agent.json');
  });
});

describe('encodeUserData', () => {
  it('compresses when that makes the user data smaller', () => {
    const encoded = encodeUserData(renderBuilderScript(spec()));
    expect(encoded.compressed).toBe(true);
    expect(encoded.bytes.length).toBeLessThan(encoded.scriptBytes);
    expect(encoded.bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });
});

describe('parseBuilderUserData', () => {
  it('recovers the spec from compressed and plain user data', () => {
    const script = renderBuilderScript(spec());
    for (const bytes of [encodeUserData(script).bytes, Buffer.from(script)]) {
      const parsed = parseBuilderUserData(bytes);
      expect(parsed).toEqual(spec());
    }
  });

  it('recovers specs without app version, files or log paths', () => {
    const bare = spec({ files: [], logPaths: [], script: { name: 'p.sh', content: Buffer.alloc(0) } });
    delete (bare as { appVersion?: string }).appVersion;
    expect(parseBuilderUserData(Buffer.from(renderBuilderScript(bare)))).toEqual(bare);
  });

  it('does not take other user data for a builder', () => {
    const script = renderBuilderScript(spec());
    const [first, header] = script.split('\n');
    const cases = [
      '#!/bin/bash\necho hello\n',
      `${first}\n${header}\necho ${BAKE_MARKERS.success} abcdef12-0123456789ab\n`,
      script.replace('poweroff', 'true'),
      script.replace('shutdown -h +65', 'shutdown -h +6500'),
      script.replace('"protocol":1', '"protocol":2'),
      script.replace('immut_step=done', 'immut_step=done; exit 0 # skip it all'),
      script.replace('set -euo pipefail', 'set -uo pipefail'),
    ];
    for (const text of cases) expect(parseBuilderUserData(Buffer.from(text))).toBeUndefined();
    expect(parseBuilderUserData(gzipSync(Buffer.from('not a script')))).toBeUndefined();
    expect(parseBuilderUserData(Buffer.from([0x1f, 0x8b, 0, 1, 2]))).toBeUndefined();
  });
});

describe('readBakeOutcome', () => {
  const id = 'abcdef12-0123456789ab';
  it('reads the last marker of this bake, with or without a console prefix', () => {
    expect(readBakeOutcome(`boot\n[  12.3] ${BAKE_MARKERS.success} ${id}\n`, id)).toEqual({
      outcome: 'success',
    });
    expect(readBakeOutcome(`${BAKE_MARKERS.failure} ${id} step=provision exit=3\r\n`, id)).toEqual({
      outcome: 'failure',
      step: 'provision',
      exitCode: '3',
    });
  });

  it('ignores markers of other bakes and reports unknown without a marker', () => {
    expect(readBakeOutcome(`${BAKE_MARKERS.success} other-0123456789\n`, id)).toEqual({ outcome: 'unknown' });
    expect(readBakeOutcome('reboot: Power down\n', id)).toEqual({ outcome: 'unknown' });
    expect(readBakeOutcome(`echo "${BAKE_MARKERS.success} $IMMUT_BAKE"`, id)).toEqual({ outcome: 'unknown' });
  });
});

describe('helpers', () => {
  it('gives the builder the bake timeout plus a margin before it powers off', () => {
    expect(selfDestructMinutes(60 * 60_000)).toBe(65);
    expect(selfDestructMinutes(90_500)).toBe(7);
  });

  it('derives a stable bake id per run and fingerprint', () => {
    const fp = 'f'.repeat(64);
    expect(bakeIdFor('123', fp)).toBe(bakeIdFor('123', fp));
    expect(bakeIdFor('123', fp)).not.toBe(bakeIdFor('124', fp));
    expect(bakeIdFor('123', fp)).toMatch(/^ffffffff-[0-9a-f]{12}$/);
  });

  it('keeps the last non-empty console lines', () => {
    expect(consoleTail('a\n\nb\nc\n', 2)).toEqual(['b', 'c']);
  });
});
