// The environment file: merged flags, refusals, quoting that a real shell reads back
// exactly, and the user data size limit.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import {
  USER_DATA_LIMIT,
  buildEnvFile,
  encodeUserData,
  renderEnvFile,
  renderUserData,
  shellQuote,
} from '../env-file.js';

const IMMUT = { ROLE: 'api', ENV: 'prod', BUILD: 'b1', RELEASE: 'api-b1', LOG_DIR: '/var/log/api' };

/** What `sh` sees after sourcing the file: KEY → value, for the given keys. */
function sourced(file: string, keys: readonly string[]): Record<string, string> {
  const script = `${file}\nfor k in ${keys.join(' ')}; do eval "printf '%s\\\\0' \\"\\$$k\\""; done`;
  const out = execFileSync('sh', ['-c', script], { env: {} }).toString('utf8').split('\0');
  return Object.fromEntries(keys.map((k, i) => [k, out[i] ?? '']));
}

describe('buildEnvFile', () => {
  it('merges the release flags, the flags input (which wins) and immut’s own keys, sorted', () => {
    const env = buildEnvFile({ immut: IMMUT, release: { B: 'release', A: '1' }, input: { B: 'input' } });
    expect(Object.keys(env.variables)).toEqual(['A', 'B', 'BUILD', 'ENV', 'LOG_DIR', 'RELEASE', 'ROLE']);
    expect(env.variables['B']).toBe('input');
    expect(env.overridden).toEqual(['B']);
  });

  it('refuses secrets, reserved keys, bad names and control characters, naming each flag but no value', () => {
    const attempt = () =>
      buildEnvFile({
        immut: IMMUT,
        release: { 'bad-name': 'x', LOG_DIR: '/tmp' },
        input: { API_TOKEN: 's3cr3t-value', MULTI: 'a\nb', KEY: 'AKIAABCDEFGHIJKLMNOP' },
      });
    expect(attempt).toThrow(/release flag 'bad-name' is not an environment variable name/);
    expect(attempt).toThrow(/release flag 'LOG_DIR' is set by immut itself/);
    expect(attempt).toThrow(/'API_TOKEN' is refused: its name suggests a secret/);
    expect(attempt).toThrow(/'MULTI' has a control character/);
    expect(attempt).toThrow(/'KEY' is refused: its value looks like an AWS access key id/);
    expect(attempt).not.toThrow(/s3cr3t-value|AKIAABCDEFGHIJKLMNOP/);
  });

  it('accepts a reference to a secret store', () => {
    const env = buildEnvFile({
      immut: IMMUT,
      release: {},
      input: { DB_PASSWORD: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' },
    });
    expect(env.variables['DB_PASSWORD']).toMatch(/^arn:aws:secretsmanager:/);
  });
});

describe('quoting', () => {
  it('a POSIX shell reads back every value exactly, whatever it holds', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/),
          fc
            .string({ unit: 'grapheme', maxLength: 40 })
            .filter((v) => [...v].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)),
          { minKeys: 1, maxKeys: 5 },
        ),
        (vars) => {
          expect(sourced(renderEnvFile(vars), Object.keys(vars))).toEqual(vars);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("quotes ' as '\\''", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('the user data writes the file through a quoted heredoc, so nothing in it is expanded', () => {
    const script = renderUserData({ A: '$(touch /tmp/pwned) `id` $HOME', IMMUT_ENV_END: 'x' });
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain("cat > /etc/immut/app.env <<'IMMUT_ENV_END'\n");
    expect(script).toContain("A='$(touch /tmp/pwned) `id` $HOME'\n");
    // A key equal to the delimiter is still a KEY=… line, never the delimiter line itself.
    expect(script.split('\n').filter((l) => l === 'IMMUT_ENV_END')).toHaveLength(1);
  });
});

describe('encodeUserData', () => {
  it('base64-encodes user data up to 16384 bytes and refuses more before anything is launched', () => {
    const fits = 'x'.repeat(USER_DATA_LIMIT);
    expect(Buffer.from(encodeUserData(fits).base64, 'base64').toString()).toBe(fits);
    expect(() => encodeUserData(`${fits}é`)).toThrow(/is 16386 bytes; EC2 allows 16384/);
  });
});
