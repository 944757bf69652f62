// Typed reading of action inputs. Each input has a spec: how to parse it (a zod schema over
// the raw string), what a valid value looks like, whether it is required, its default and
// whether it is secret. Every problem is reported at once, each naming the input, the value
// given (never a secret one) and what is expected.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { InputError } from './errors.js';
import { BUILD_RULE, ROLE_RULE, buildFromRunNumber, checkEnv, type Identity } from './identity.js';
import { secretReason } from './secrets.js';

export interface InputSpec<T> {
  /** What a valid value looks like, for error messages and docs. */
  readonly expected: string;
  readonly schema: z.ZodType<T, string>;
  readonly required: boolean;
  /** Raw default used when the input is empty; must equal the default in action.yml. */
  readonly defaultValue?: string;
  readonly secret: boolean;
}

/** A spec whose missing value is `undefined` rather than an error. */
export interface OptionalSpec<T> extends InputSpec<T | undefined> {
  readonly required: false;
}

type AnySpec = InputSpec<unknown>;
export type InputSpecs = Readonly<Record<string, AnySpec>>;
export type ParsedInputs<S extends InputSpecs> = {
  [K in keyof S]: S[K] extends InputSpec<infer T> ? T : never;
};

/** Reads one raw input ('' when not given), like `@actions/core`'s getInput. */
export type InputReader = (name: string) => string;

/** An input kind of its own: `schema` parses the raw string; issues read as short clauses. */
export function spec<T>(expected: string, schema: z.ZodType<T, string>): InputSpec<T> {
  return { expected, schema, required: true, secret: false };
}

/** The same input, no longer required; `defaultValue` (raw) applies when it is empty. */
export function optional<T>(input: InputSpec<T>, defaultValue?: string): OptionalSpec<T> {
  return {
    ...input,
    required: false,
    ...(defaultValue === undefined ? {} : { defaultValue }),
  } as OptionalSpec<T>;
}

/** The same input, never echoed back in errors (and masked by the runtime). */
export function secret<T>(input: InputSpec<T>): InputSpec<T> {
  return { ...input, secret: true };
}

export function text(expected = 'a non-empty string'): InputSpec<string> {
  return spec(expected, z.string().min(1));
}

/**
 * One line of text, at most `maxLength` characters: for values that become tags, manifest
 * fields or lines of the servers' environment (an application version, say), where a
 * newline or other control character would end or bend the line. 256 is AWS's tag value limit.
 */
export function line(expected: string, maxLength = 256): InputSpec<string> {
  return spec(
    `${expected} (one line, at most ${maxLength} characters)`,
    z.string().superRefine((raw, ctx) => {
      const where = controlCharacterIn(raw);
      if (where) ctx.addIssue({ code: 'custom', message: `it has ${where}` });
      if (Array.from(raw).length > maxLength)
        ctx.addIssue({ code: 'custom', message: `it is longer than ${maxLength} characters` });
    }),
  );
}

export function matching(pattern: RegExp, expected: string): InputSpec<string> {
  return spec(expected, z.string().regex(pattern, { message: 'wrong form' }));
}

export function choice<const V extends readonly [string, ...string[]]>(values: V): InputSpec<V[number]> {
  return spec(`one of ${values.map((v) => `'${v}'`).join(', ')}`, z.enum(values));
}

// YAML 1.2 core booleans, as the runner's own getBooleanInput accepts them.
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

export function bool(): InputSpec<boolean> {
  return spec(
    "'true' or 'false'",
    z.string().transform((raw, ctx) => {
      if (TRUE.has(raw)) return true;
      if (FALSE.has(raw)) return false;
      ctx.addIssue({ code: 'custom', message: 'not a boolean' });
      return z.NEVER;
    }),
  );
}

export function integer(min: number, max: number): InputSpec<number> {
  return spec(
    `a whole number from ${min} to ${max}`,
    z
      .string()
      .regex(/^\d+$/, { message: 'not a whole number' })
      .transform(Number)
      .pipe(z.number().min(min, { message: 'too small' }).max(max, { message: 'too large' })),
  );
}

const DURATION_UNITS_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `90s`, `15m`, `1h30m` into milliseconds; undefined when malformed. */
export function parseDuration(raw: string): number | undefined {
  if (!/^(?:\d+(?:ms|s|m|h))+$/.test(raw)) return undefined;
  let total = 0;
  for (const [, amount, unit] of raw.matchAll(/(\d+)(ms|s|m|h)/g)) {
    total += Number(amount) * (DURATION_UNITS_MS[unit ?? ''] ?? Number.NaN);
  }
  return total;
}

/** A duration in milliseconds, between `min` and `max` (raw forms such as '1m', '6h'). */
export function duration(min = '1s', max = '24h'): InputSpec<number> {
  const minMs = parseDuration(min) ?? 0;
  const maxMs = parseDuration(max) ?? Number.MAX_SAFE_INTEGER;
  return spec(
    `a duration from ${min} to ${max}, such as 90s, 15m or 1h30m`,
    z.string().transform((raw, ctx) => {
      const ms = parseDuration(raw);
      if (ms === undefined) ctx.addIssue({ code: 'custom', message: 'not a duration' });
      else if (ms < minMs || ms > maxMs) ctx.addIssue({ code: 'custom', message: 'out of range' });
      return ms ?? 0;
    }),
  );
}

/** Comma- or newline-separated values, each matching `item`, no duplicates. */
export function list(item: RegExp, itemExpected: string, minItems = 1): InputSpec<string[]> {
  return spec(
    `${minItems > 1 ? `at least ${minItems} ` : ''}comma- or newline-separated ${itemExpected}`,
    z.string().transform((raw, ctx) => {
      const values = raw
        .split(/[\n,]/)
        .map((v) => v.trim())
        .filter((v) => v.length > 0);
      for (const value of values) {
        if (!item.test(value)) ctx.addIssue({ code: 'custom', message: `invalid item ${showGiven(value)}` });
      }
      const dupes = values.filter((v, i) => values.indexOf(v) !== i);
      if (dupes.length > 0)
        ctx.addIssue({ code: 'custom', message: `${showGiven(dupes[0] ?? '')} listed twice` });
      if (values.length < minItems)
        ctx.addIssue({ code: 'custom', message: `only ${values.length} item(s)` });
      return values;
    }),
  );
}

/** AWS resource ids with a prefix, e.g. `awsIds('subnet')` → subnet-0abc…. */
export function awsIds(prefix: string, minItems = 1): InputSpec<string[]> {
  return list(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), `${prefix}-… ids`, minItems);
}

const FLAG_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * C0 controls, DEL, C1 controls and the Unicode line and paragraph separators: a flag is one
 * line of the servers' environment file, and any of these could end or bend that line.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** Where a string has a control character (`a control character (U+000A) at character 5`), or undefined. */
export function controlCharacterIn(value: string): string | undefined {
  const match = CONTROL_CHARACTER.exec(value);
  if (!match) return undefined;
  const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `a control character (U+${code}) at character ${match.index + 1}`;
}

/** Flags as a JSON object of strings: the lossless form rebuild-the-world passes on. */
function jsonFlags(raw: string, ctx: z.RefinementCtx): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not valid JSON (${(error as Error).message.slice(0, 80)})` });
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'JSON that is not an object' });
    return {};
  }
  const result: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!FLAG_NAME.test(key)) {
      ctx.addIssue({
        code: 'custom',
        message: `key ${JSON.stringify(key.slice(0, 40))} is not an upper-case name`,
      });
    } else if (typeof v !== 'string') {
      ctx.addIssue({ code: 'custom', message: `${key} is ${v === null ? 'null' : typeof v}, not a string` });
    } else result[key] = v;
  }
  return result;
}

/**
 * `KEY=VALUE` lines (blank lines and `#` comments ignored), or a JSON object of strings
 * (`{"KEY": "VALUE"}`, what rebuild-the-world passes: values arrive exactly as written).
 * Keys are environment variable names; a value may contain '='. Duplicate lines are an
 * error, never a silent override. No value may hold a control character (see above).
 */
export function keyValues(): InputSpec<Record<string, string>> {
  return spec(
    'KEY=VALUE lines with KEY in upper case (A–Z, 0–9, _), one per line, or a JSON object of such keys to strings',
    z.string().transform((raw, ctx) => {
      // A KEY=VALUE line starts with a letter or '_', a comment with '#': '{' is JSON.
      const result: Record<string, string> = raw.startsWith('{') ? jsonFlags(raw, ctx) : {};
      if (!raw.startsWith('{'))
        raw.split('\n').forEach((line, index) => {
          const trimmed = line.trim();
          if (trimmed === '' || trimmed.startsWith('#')) return;
          const eq = trimmed.indexOf('=');
          const key = eq < 0 ? trimmed : trimmed.slice(0, eq).trim();
          if (eq < 0 || !FLAG_NAME.test(key)) {
            ctx.addIssue({
              code: 'custom',
              message: `line ${index + 1} ${showGiven(trimmed)} is not KEY=VALUE`,
            });
            return;
          }
          if (key in result)
            ctx.addIssue({ code: 'custom', message: `line ${index + 1} repeats key ${key}` });
          result[key] = trimmed.slice(eq + 1).trim();
        });
      for (const [key, value] of Object.entries(result)) {
        const where = controlCharacterIn(value);
        if (where) ctx.addIssue({ code: 'custom', message: `the value of ${key} has ${where}` });
      }
      return result;
    }),
  );
}

export const AWS_REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** Input name for a spec key: `dryRun` → `dry-run`, `lbSecurityGroupIds` → `lb-security-group-ids`. */
export function inputName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** How many characters of a given value an error shows. */
export const SHOWN_LENGTH = 100;

// Control characters, and the invisible ones that reorder or hide text (bidi controls,
// zero-width characters): shown escaped so a message reads as what was given.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A value as an error shows it: quoted, on one line, unprintable characters escaped, cut
 * to SHOWN_LENGTH characters with the total length when longer, and never a value that
 * looks like a secret (core's secrets heuristics; `name` is the input's, if any). The one
 * place that formats "what was given".
 */
export function showGiven(raw: string, name = ''): string {
  if (secretReason(name, raw) !== undefined) return '(a value that looks like a secret, not shown)';
  const chars = Array.from(raw); // code points, so a cut never splits a surrogate pair
  const escape = (text: string): string =>
    text.replace(UNPRINTABLE, (c) =>
      c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  if (chars.length <= SHOWN_LENGTH) return `'${escape(raw)}'`;
  return `'${escape(chars.slice(0, SHOWN_LENGTH - 1).join(''))}…' (${chars.length} characters)`;
}

/**
 * Reads and validates every input in `specs` (keys are camelCase input names). Throws one
 * InputError listing every problem, so a user fixes them all in one round trip.
 */
export function readInputs<S extends InputSpecs>(specs: S, read: InputReader): ParsedInputs<S> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [key, input] of Object.entries(specs)) {
    const name = inputName(key);
    const given = read(name).trim();
    const raw = given === '' ? (input.defaultValue ?? '') : given;
    if (raw === '') {
      if (input.required)
        problems.push(`Input '${name}' is required but was not given; expected ${input.expected}.`);
      else result[key] = undefined;
      continue;
    }
    const parsed = input.schema.safeParse(raw);
    if (parsed.success) {
      result[key] = parsed.data;
      continue;
    }
    const why = parsed.error.issues.map((issue) => issue.message).join('; ');
    const shown = input.secret ? '(a secret value, not shown)' : showGiven(raw, name);
    problems.push(`Input '${name}' was ${shown}: ${why}; expected ${input.expected}.`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return result as ParsedInputs<S>;
}

/** The inputs every immut action takes (CONTRACTS.md). */
export const commonInputs = {
  role: matching(ROLE_RULE.pattern, ROLE_RULE.expected),
  env: spec(
    'an env name (1–10 lowercase letters or digits, starting with a letter, not a reserved word)',
    z.string().superRefine((raw, ctx) => {
      const problem = checkEnv(raw);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ),
  build: optional(matching(BUILD_RULE.pattern, BUILD_RULE.expected)),
  region: optional(matching(AWS_REGION, 'an AWS region such as us-east-1')),
  dryRun: optional(bool(), 'false'),
} as const;

export interface CommonInputs {
  identity: Identity;
  region: string;
  dryRun: boolean;
}

/**
 * Resolves the parsed common inputs against the runner's environment: an empty `build`
 * comes from GITHUB_RUN_NUMBER, an empty `region` from AWS_REGION / AWS_DEFAULT_REGION.
 */
export function resolveCommon(
  parsed: ParsedInputs<typeof commonInputs>,
  env: Readonly<Record<string, string | undefined>>,
): CommonInputs {
  const problems: string[] = [];
  let build = parsed.build;
  if (build === undefined) {
    const run = env['GITHUB_RUN_NUMBER'];
    if (run && /^\d+$/.test(run)) build = buildFromRunNumber(run);
    else
      problems.push(
        `Input 'build' was not given and GITHUB_RUN_NUMBER is not set; expected ${BUILD_RULE.expected}.`,
      );
  }
  const region = parsed.region ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
  if (!region) {
    problems.push(
      "Input 'region' was not given and neither AWS_REGION nor AWS_DEFAULT_REGION is set; expected an AWS region such as us-east-1.",
    );
  }
  if (problems.length > 0 || build === undefined || region === undefined) throw new InputError(problems);
  return { identity: { role: parsed.role, env: parsed.env, build }, region, dryRun: parsed.dryRun ?? false };
}

// --- paths in the workspace ---------------------------------------------------------------
// A path input names a file of the checked-out repository, and the repository is not to be
// trusted: a committed symlink (`p -> /proc`) turns a harmless-looking relative path into
// the runner's own files. So a path is checked lexically when read as an input, and its real
// path (every component resolved) must lie inside the real workspace before anything reads it.

/** The most immut reads of one workspace file: scripts and world files are far smaller. */
export const WORKSPACE_FILE_MAX_BYTES = 1024 * 1024;

/** Longest relative path accepted (Linux's PATH_MAX is 4096 for the absolute one). */
const WORKSPACE_PATH_MAX = 1024;

/** Why a relative path cannot name a file of the workspace, read from its text alone. */
function lexicalProblem(relative: string): string | undefined {
  if (relative.length > WORKSPACE_PATH_MAX) return `it is longer than ${WORKSPACE_PATH_MAX} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(relative)) return 'it contains control characters';
  if (path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative))
    return 'it is an absolute path, not one relative to the workspace';
  if (relative.split(/[\\/]/).includes('..')) return "it leads outside the workspace with '..'";
  return undefined;
}

/**
 * A path relative to the workspace (checked lexically here; symlinks are resolved when it
 * is read, by readWorkspaceFile). `ending` optionally requires a suffix such as `.yml`.
 */
export function workspacePath(
  expected: string,
  ending?: { pattern: RegExp; why: string },
): InputSpec<string> {
  return spec(
    expected,
    z.string().superRefine((raw, ctx) => {
      const problem = lexicalProblem(raw) ?? (ending && !ending.pattern.test(raw) ? ending.why : undefined);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );
}

const inside = (root: string, target: string): boolean => {
  const rel = path.relative(root, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

export type WorkspaceResolution =
  { ok: true; real: string; relative: string } | { ok: false; missing: boolean; problem: string };

/**
 * The real path of `relative` in `workspace`, every symlink of every component followed,
 * when it lies inside the real workspace; otherwise why not. The one containment check
 * for every path a user gives (the provisioning script and its files, the world file).
 */
export function resolveInWorkspace(workspace: string, relative: string): WorkspaceResolution {
  const lexical = lexicalProblem(relative);
  if (lexical) return { ok: false, missing: false, problem: lexical };
  const root = realpathSync(workspace);
  let real: string;
  try {
    real = realpathSync(path.join(root, relative));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return {
        ok: false,
        missing: true,
        problem: `no such file in the workspace (${workspace}); check out the repository first (actions/checkout) or fix the path`,
      };
    if (code === 'ELOOP') return { ok: false, missing: false, problem: 'it is a loop of symlinks' };
    if (code === 'EACCES')
      return { ok: false, missing: false, problem: 'it cannot be read (permission denied)' };
    throw error;
  }
  if (!inside(root, real))
    return { ok: false, missing: false, problem: 'it points outside the workspace (through a symlink)' };
  return { ok: true, real, relative: path.relative(root, real) };
}

export interface WorkspaceFile {
  /** Real path (absolute) and the same relative to the real workspace. */
  real: string;
  relative: string;
  content: Buffer;
  executable: boolean;
}

export interface WorkspaceFileRead {
  /** The input the path came from, and its value as given, for the error. */
  input: string;
  given: string;
  /** What the input expects, for the error. */
  expected: string;
  /** The path to read, relative to the workspace; default `given`. */
  path?: string;
  /** Names the file in the error when it is not the input itself (`shipped file 'x'`). */
  what?: string;
  /** Default WORKSPACE_FILE_MAX_BYTES. */
  maxBytes?: number;
}

/**
 * Reads a regular file of the workspace, after resolveInWorkspace; throws one InputError
 * naming the input when the path leaves the workspace, is missing, is not a regular file
 * (a directory, device, FIFO or socket: never opened for reading, so a FIFO cannot hang
 * the action) or is larger than `maxBytes`.
 */
export function readWorkspaceFile(workspace: string, read: WorkspaceFileRead): WorkspaceFile {
  const maxBytes = read.maxBytes ?? WORKSPACE_FILE_MAX_BYTES;
  const fail = (why: string): never => {
    throw new InputError([
      `Input '${read.input}' was ${showGiven(read.given)}: ${read.what ? `${read.what}: ` : ''}${why}; expected ${read.expected}.`,
    ]);
  };
  const resolved = resolveInWorkspace(workspace, read.path ?? read.given);
  if (!resolved.ok) return fail(resolved.problem);
  const before = statSync(resolved.real);
  if (!before.isFile()) return fail('it is not a regular file');
  if (before.size > maxBytes)
    return fail(`it is ${before.size} bytes, over the ${maxBytes} bytes immut reads`);
  // O_NOFOLLOW and the device/inode comparison catch a file swapped for a symlink or another
  // file between the check and the read; O_NONBLOCK keeps a swapped-in FIFO from blocking.
  const fd = openSync(
    resolved.real,
    constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0),
  );
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.dev !== before.dev || opened.ino !== before.ino)
      return fail('it changed while being read; run again');
    // One byte more than its size: a file that grew meanwhile is not read half.
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > opened.size) return fail('it changed while being read; run again');
    return {
      real: resolved.real,
      relative: resolved.relative,
      content: buffer.subarray(0, length),
      executable: (opened.mode & 0o111) !== 0,
    };
  } finally {
    closeSync(fd);
  }
}
