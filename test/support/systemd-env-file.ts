// Reading an environment file the way systemd's EnvironmentFile= does, for tests that prove a
// rendered file is data to systemd. Two readers: a parser written from systemd.exec(5), and,
// when the machine has it, systemd's own `load_env_file` from libsystemd-shared (called
// through Python's ctypes), so the written parser is checked against the real one.
//
// systemd.exec(5), EnvironmentFile=: newline-separated assignments; empty lines, lines
// without "=", and lines starting with ";" or "#" are ignored. The file must be UTF-8.
// - Unquoted value: backslash escapes as in POSIX unquoted text ("\x" keeps x; a backslash
//   before a newline continues the line); interior whitespace kept, leading and trailing
//   whitespace (space, tab, CR) dropped; quotes after the first non-blank are kept.
// - '…': any character but "'" verbatim, may span lines, no escapes.
// - "…": may span lines; "\" before one of " \ ` $ keeps that character, before a newline
//   is a continuation (both dropped), before anything else is kept with that character.
// - Whitespace outside quotes is dropped; quoted and unquoted pieces of one value join.
// A later assignment of the same name replaces an earlier one. Lines are split at "\n" and
// "\r" alike (systemd's NEWLINE set), and a comment ending in "\" does not continue (v254+;
// this parser follows the documented rule, the real one of this machine is checked below).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const NEWLINE = '\n\r';
const WHITESPACE = ' \t\n\r';
const COMMENT = '#;';
const DOUBLE_QUOTE_ESCAPES = '"\\`$';

type State =
  | 'pre-key'
  | 'key'
  | 'pre-value'
  | 'value'
  | 'value-escape'
  | 'single'
  | 'double'
  | 'double-escape'
  | 'comment';

/** The variables systemd would set from `text`, in file order, later ones replacing earlier. */
export function parseSystemdEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let state: State = 'pre-key';
  let key = '';
  let value = '';
  /** Length of `value` before trailing unquoted whitespace (undefined: none pending). */
  let trailing: number | undefined;
  const push = (): void => {
    const name = key.trimEnd();
    const v = trailing === undefined ? value : value.slice(0, trailing);
    // systemd ignores names that are not valid environment variable names.
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) out[name] = v;
    key = '';
    value = '';
    trailing = undefined;
  };
  for (const c of text) {
    switch (state) {
      case 'pre-key':
        if (COMMENT.includes(c)) state = 'comment';
        else if (!WHITESPACE.includes(c)) {
          state = 'key';
          key = c;
        }
        break;
      case 'key':
        if (NEWLINE.includes(c)) {
          state = 'pre-key';
          key = '';
        } else if (c === '=') {
          state = 'pre-value';
          trailing = undefined;
        } else key += c;
        break;
      case 'pre-value':
        if (NEWLINE.includes(c)) {
          state = 'pre-key';
          push();
        } else if (c === "'") state = 'single';
        else if (c === '"') state = 'double';
        else if (c === '\\') state = 'value-escape';
        else if (!WHITESPACE.includes(c)) {
          state = 'value';
          value += c;
        }
        break;
      case 'value':
        if (NEWLINE.includes(c)) {
          state = 'pre-key';
          push();
        } else if (c === '\\') {
          state = 'value-escape';
          trailing = undefined;
        } else {
          if (!WHITESPACE.includes(c)) trailing = undefined;
          else if (trailing === undefined) trailing = value.length;
          value += c;
        }
        break;
      case 'value-escape':
        state = 'value';
        if (!NEWLINE.includes(c)) value += c;
        break;
      case 'single':
        if (c === "'") state = 'pre-value';
        else value += c;
        break;
      case 'double':
        if (c === '"') state = 'pre-value';
        else if (c === '\\') state = 'double-escape';
        else value += c;
        break;
      case 'double-escape':
        state = 'double';
        if (DOUBLE_QUOTE_ESCAPES.includes(c)) value += c;
        else if (c !== '\n') value += `\\${c}`;
        break;
      case 'comment':
        if (NEWLINE.includes(c)) state = 'pre-key';
        break;
    }
  }
  if (state !== 'pre-key' && state !== 'key' && state !== 'comment') push();
  return out;
}

const LIBRARY_DIRS = [
  '/usr/lib/x86_64-linux-gnu/systemd',
  '/usr/lib/aarch64-linux-gnu/systemd',
  '/usr/lib/systemd',
];

/** libsystemd-shared-<version>.so of this machine, when systemd is installed. */
export function systemdSharedLibrary(): string | undefined {
  for (const dir of LIBRARY_DIRS) {
    if (!existsSync(dir)) continue;
    const lib = readdirSync(dir).find((f) => /^libsystemd-shared-\d+\.so$/.test(f));
    if (lib) return `${dir}/${lib}`;
  }
  return undefined;
}

// load_env_file() then strv_env_clean_with_callback(), as systemd does for EnvironmentFile=
// before starting a service (src/core/execute.c); entries printed NUL-separated.
const LOADER = `
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
lib.strv_env_clean_with_callback.restype = ctypes.POINTER(ctypes.c_char_p)
ret = ctypes.POINTER(ctypes.c_char_p)()
r = lib.load_env_file(None, sys.argv[2].encode(), ctypes.byref(ret))
if r < 0:
    sys.stderr.write("load_env_file: %d\\n" % r)
    sys.exit(3)
env = lib.strv_env_clean_with_callback(ret, None, None)
i = 0
while env and env[i]:
    sys.stdout.buffer.write(env[i] + b"\\0")
    i += 1
`;

/**
 * The variables systemd's own parser reads from the file at `path`, or undefined when this
 * machine has no libsystemd-shared or no python3 to call it with.
 */
export function systemdLoadEnvFile(path: string): Record<string, string> | undefined {
  const lib = systemdSharedLibrary();
  if (!lib) return undefined;
  let out: Buffer;
  try {
    out = execFileSync('python3', ['-c', LOADER, lib, path], { env: { PATH: process.env['PATH'] ?? '' } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const vars: Record<string, string> = {};
  for (const entry of out
    .toString('utf8')
    .split('\0')
    .filter((e) => e !== '')) {
    const eq = entry.indexOf('=');
    vars[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return vars;
}
