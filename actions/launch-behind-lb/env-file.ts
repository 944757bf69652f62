// The application's configuration as one environment file, delivered through user data.
// The application learns nothing about where it runs except these flags (CONTRACTS.md):
// the release's flags, the `flags` input, and ROLE, ENV, BUILD, RELEASE, DB_ENDPOINT and
// LOG_DIR. Values are single-quoted for the shell, so no value can run code at boot.
import { UserError } from '@immut/core/errors';
import { secretReason } from '@immut/core/secrets';

/** Where the file lands on the instance; the baked image's service units read it. */
export const ENV_FILE_PATH = '/etc/immut/app.env';

/** EC2's limit on user data, in bytes before base64 (RunInstances model docs). */
export const USER_DATA_LIMIT = 16_384;

/** Keys immut sets itself; a flag may not redefine them. */
export const RESERVED_KEYS = ['ROLE', 'ENV', 'BUILD', 'RELEASE', 'DB_ENDPOINT', 'LOG_DIR'] as const;

const KEY = /^[A-Z_][A-Z0-9_]*$/;
/** A newline or NUL would end the line (or the string) early in any env file reader. */
function hasControlCharacter(value: string): boolean {
  return [...value].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && c !== '\t') || code === 0x7f;
  });
}

export interface EnvFileSources {
  /** ROLE, ENV, BUILD, RELEASE, DB_ENDPOINT (when the release has data), LOG_DIR. */
  immut: Readonly<Record<string, string>>;
  /** The release manifest's flags ({} for an image-id launch). */
  release: Readonly<Record<string, string>>;
  /** The `flags` input; overrides the release's value of the same key. */
  input: Readonly<Record<string, string>>;
}

export interface EnvFile {
  /** Every variable, sorted by key. */
  variables: Record<string, string>;
  /** Release flags the `flags` input replaced, for the log. */
  overridden: string[];
}

/** Merges and checks the flags; throws one UserError listing every problem. */
export function buildEnvFile(sources: EnvFileSources): EnvFile {
  const problems: string[] = [];
  const check = (origin: string, flags: Readonly<Record<string, string>>): void => {
    for (const [key, value] of Object.entries(flags)) {
      if (!KEY.test(key)) {
        problems.push(`${origin} '${key}' is not an environment variable name (A–Z, 0–9, _)`);
        continue;
      }
      if ((RESERVED_KEYS as readonly string[]).includes(key))
        problems.push(`${origin} '${key}' is set by immut itself and cannot be given as a flag`);
      if (hasControlCharacter(value))
        problems.push(`${origin} '${key}' has a control character (e.g. a newline)`);
      // The message names the flag, never its value.
      const secret = secretReason(key, value);
      if (secret) problems.push(`${origin} '${key}' is refused: ${secret}`);
    }
  };
  check('release flag', sources.release);
  check("'flags' input key", sources.input);
  if (problems.length > 0) {
    throw new UserError(
      `The application's flags cannot be written to its environment file: ${problems.join('; ')}.`,
    );
  }
  const overridden = Object.keys(sources.input).filter((k) => k in sources.release);
  const merged = { ...sources.release, ...sources.input, ...sources.immut };
  const variables = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { variables, overridden };
}

/** `'…'` with each `'` written as `'\''`: the shell expands nothing inside. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The file's text: `KEY='value'` lines, sourceable by a POSIX shell. */
export function renderEnvFile(variables: Readonly<Record<string, string>>): string {
  return Object.entries(variables)
    .map(([key, value]) => `${key}=${shellQuote(value)}\n`)
    .join('');
}

const HEREDOC_END = 'IMMUT_ENV_END';

/**
 * The user data script: writes the environment file at first boot, readable by root and
 * the file's group only. The quoted heredoc delimiter keeps the shell from expanding
 * anything in the body; no body line can equal it because every line starts with `KEY=`.
 */
export function renderUserData(variables: Readonly<Record<string, string>>): string {
  return [
    '#!/bin/sh',
    '# immut launch-behind-lb: the application environment of this release.',
    'set -eu',
    'umask 027',
    `mkdir -p ${ENV_FILE_PATH.slice(0, ENV_FILE_PATH.lastIndexOf('/'))}`,
    `cat > ${ENV_FILE_PATH} <<'${HEREDOC_END}'`,
    `${renderEnvFile(variables)}${HEREDOC_END}`,
    '',
  ].join('\n');
}

/** Base64 user data; throws before anything is launched when EC2 would refuse its size. */
export function encodeUserData(script: string): { base64: string; bytes: number } {
  const bytes = Buffer.byteLength(script, 'utf8');
  if (bytes > USER_DATA_LIMIT) {
    throw new UserError(
      `The user data with the application's environment file is ${bytes} bytes; EC2 allows ${USER_DATA_LIMIT}. Keep large values out of flags (store them in SSM Parameter Store and pass the parameter name).`,
    );
  }
  return { base64: Buffer.from(script, 'utf8').toString('base64'), bytes };
}
