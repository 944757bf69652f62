// The application's configuration as one environment file, delivered through user data.
// The application learns nothing about where it runs except these flags (CONTRACTS.md):
// the release's flags, the `flags` input, and ROLE, ENV, BUILD, RELEASE, DB_ENDPOINT and
// LOG_DIR. Every value is checked (whatever its source: a manifest field as much as an
// input) and written with core's one quoting function, which both a POSIX shell and systemd's
// EnvironmentFile= read back as data. The user data carries the file as base64, so nothing
// in a value can end a heredoc or reach the shell that runs the user data.
import { UserError } from '@immut/core/errors';
import { envValueProblem, quote } from '@immut/core/quoting';
import { secretReason } from '@immut/core/secrets';

/** Where the file lands on the instance; the baked image's service units read it. */
export const ENV_FILE_PATH = '/etc/immut/app.env';

/** EC2's limit on user data, in bytes before base64 (RunInstances model docs). */
export const USER_DATA_LIMIT = 16_384;

/** Keys immut sets itself; a flag may not redefine them. */
export const RESERVED_KEYS = ['ROLE', 'ENV', 'BUILD', 'RELEASE', 'DB_ENDPOINT', 'LOG_DIR'] as const;

const KEY = /^[A-Z_][A-Z0-9_]*$/;

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
      // The message names the flag, never its value.
      const problem = envValueProblem(value);
      if (problem) problems.push(`${origin} '${key}' cannot be written: ${problem}`);
      const secret = secretReason(key, value);
      if (secret) problems.push(`${origin} '${key}' is refused: ${secret}`);
    }
  };
  check('release flag', sources.release);
  check("'flags' input key", sources.input);
  // immut's own values were checked where they came from (the manifest schema types the DB
  // endpoint as a host name); checked again here because this is where they meet the file.
  for (const [key, value] of Object.entries(sources.immut)) {
    if (!KEY.test(key)) problems.push(`immut's own variable '${key}' is not an environment variable name`);
    const problem = envValueProblem(value);
    if (problem) problems.push(`immut's own variable ${key} cannot be written: ${problem}`);
  }
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

/** Variables whose values cannot be written as one line of the file; [] when all can. */
export function unwritable(variables: Readonly<Record<string, string>>): string[] {
  return Object.entries(variables)
    .filter(([key, value]) => !KEY.test(key) || envValueProblem(value) !== undefined)
    .map(([key]) => key);
}

/**
 * The file's text: a comment, then one `KEY="value"` line per variable. The format is what
 * systemd.exec(5) documents for EnvironmentFile= and also a POSIX shell script (`set -a; .
 * file`): `#` starts a comment, a double-quoted value keeps everything but `\` escapes of
 * `\ " $ \``, which `quote` writes for both. Throws for a value that `buildEnvFile` refuses.
 */
export function renderEnvFile(variables: Readonly<Record<string, string>>): string {
  const bad = unwritable(variables);
  if (bad.length > 0) throw new Error(`refusing to render unchecked variables: ${bad.join(', ')}`);
  return [
    '# Written by immut launch-behind-lb at first boot; read by the service units (EnvironmentFile=).\n',
    ...Object.entries(variables).map(([key, value]) => `${key}=${quote(value)}\n`),
  ].join('');
}

/**
 * The user data script: writes the environment file at first boot, readable by root and the
 * file's group only. The file travels as one base64 word in single quotes (only A–Z, a–z,
 * 0–9, `+`, `/`, `=`), so no value is ever parsed by this shell. It is written beside the
 * target and renamed, so a service never reads half a file. `envFile` is for tests.
 */
export function renderUserData(
  variables: Readonly<Record<string, string>>,
  envFile: string = ENV_FILE_PATH,
): string {
  // Plain paths stay unquoted, so the script reads as it always did.
  const path = (p: string): string => (/^[A-Za-z0-9/._-]+$/.test(p) ? p : quote(p));
  const directory = envFile.slice(0, envFile.lastIndexOf('/'));
  const encoded = Buffer.from(renderEnvFile(variables), 'utf8').toString('base64');
  return [
    '#!/bin/sh',
    `# immut launch-behind-lb: the application environment (${Object.keys(variables).join(' ')}).`,
    'set -eu',
    'umask 027',
    `mkdir -p ${path(directory)}`,
    `printf '%s' '${encoded}' | base64 -d > ${path(`${envFile}.tmp`)}`,
    `mv -f ${path(`${envFile}.tmp`)} ${path(envFile)}`,
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
