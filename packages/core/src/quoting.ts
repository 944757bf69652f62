// One way to put a value into a script or an environment file that a shell or systemd will
// read back: a double-quoted word. Inside double quotes POSIX sh (and bash) expand only `$`
// and backquotes and give `\` meaning only before `$`, `` ` ``, `"`, `\` and a newline;
// systemd's EnvironmentFile= parser (systemd.exec(5)) recognises exactly the same escapes in a
// double-quoted value. Escaping those four characters therefore makes the value literal data
// for both readers. (A single-quoted `'\''` is not: systemd keeps the quotes after `\'`.)
//
// What can be quoted is a separate, stricter question per use: an environment file line must
// stay one line (see `envValueProblem`).

/** A value that cannot be represented, whatever the quoting: a NUL or a lone surrogate. */
export class UnquotableError extends Error {
  override name = 'UnquotableError';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `"…"` with `\`, `"`, `$` and `` ` `` backslash-escaped: a literal word for sh and bash, and
 * a literal value for systemd's EnvironmentFile=. Throws for a NUL (no C string can hold it)
 * or a lone UTF-16 surrogate (no UTF-8 encodes it), which callers refuse first.
 */
export function quote(value: string): string {
  if (value.includes('\0')) throw new UnquotableError('a NUL character cannot be quoted');
  if (LONE_SURROGATE.test(value)) throw new UnquotableError('a lone UTF-16 surrogate cannot be quoted');
  return `"${value.replace(/[\\"$`]/g, '\\$&')}"`;
}

/** Unicode noncharacters, which systemd refuses in an environment file. */
function isNoncharacter(code: number): boolean {
  return (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
}

/**
 * Why `value` cannot be one line of an environment file, or undefined when it can. Refused:
 * control characters (C0 but tab, DEL, C1 — NEL is a line break to some readers), the
 * Unicode line and paragraph separators, bidirectional overrides (text that displays other
 * than it reads), the byte order mark and noncharacters (systemd.exec(5) says the file must
 * not hold them), and lone surrogates (not encodable as UTF-8).
 */
export function envValueProblem(value: string): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'it holds a lone UTF-16 surrogate (not valid Unicode)';
  let index = 0;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const at = `at character ${index + 1}`;
    if ((code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f))
      return `it has a control character (U+${hex(code)}, e.g. a newline) ${at}`;
    if (code === 0x2028 || code === 0x2029) return `it has a Unicode line separator (U+${hex(code)}) ${at}`;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
      return `it has a bidirectional text control (U+${hex(code)}) ${at}`;
    if (code === 0xfeff) return `it has a byte order mark (U+FEFF) ${at}`;
    if (isNoncharacter(code)) return `it has a Unicode noncharacter (U+${hex(code)}) ${at}`;
    index += 1;
  }
  return undefined;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * A value for an error message: one line, control and invisible characters written as
 * escapes, cut to `max` characters. Never use it for a value that may be a secret.
 */
export function displayValue(value: string, max = 40): string {
  const chars = [...value];
  const shown = chars
    .slice(0, max)
    .map((c) => {
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      // Anything an environment file refuses is invisible or breaks the line: escape it.
      return envValueProblem(c) === undefined ? c : `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`;
    })
    .join('');
  return chars.length > max ? `${shown}… (${chars.length} characters)` : shown;
}
