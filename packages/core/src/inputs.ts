// Typed reading of action inputs. Each input has a spec: how to parse it (a zod schema over
// the raw string), what a valid value looks like, whether it is required, its default and
// whether it is secret. Every problem is reported at once, each naming the input, the value
// given (never a secret one) and what is expected.
import { z } from 'zod';
import { InputError } from './errors.js';
import { BUILD_RULE, ROLE_RULE, buildFromRunNumber, checkEnv, type Identity } from './identity.js';

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
        if (!item.test(value)) ctx.addIssue({ code: 'custom', message: `invalid item '${value}'` });
      }
      const dupes = values.filter((v, i) => values.indexOf(v) !== i);
      if (dupes.length > 0) ctx.addIssue({ code: 'custom', message: `'${dupes[0]}' listed twice` });
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
 * `KEY=VALUE` lines (blank lines and `#` comments ignored). Keys are environment variable
 * names; a value may contain '='. Duplicate keys are an error, never a silent override.
 */
export function keyValues(): InputSpec<Record<string, string>> {
  return spec(
    'KEY=VALUE lines with KEY in upper case (A–Z, 0–9, _), one per line',
    z.string().transform((raw, ctx) => {
      const result: Record<string, string> = {};
      raw.split('\n').forEach((line, index) => {
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#')) return;
        const eq = trimmed.indexOf('=');
        const key = eq < 0 ? trimmed : trimmed.slice(0, eq).trim();
        if (eq < 0 || !FLAG_NAME.test(key)) {
          ctx.addIssue({ code: 'custom', message: `line ${index + 1} '${trimmed}' is not KEY=VALUE` });
          return;
        }
        if (key in result) ctx.addIssue({ code: 'custom', message: `line ${index + 1} repeats key ${key}` });
        result[key] = trimmed.slice(eq + 1).trim();
      });
      return result;
    }),
  );
}

export const AWS_REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** Input name for a spec key: `dryRun` → `dry-run`, `lbSecurityGroupIds` → `lb-security-group-ids`. */
export function inputName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function showValue(raw: string): string {
  const oneLine = raw.replace(/\n/g, '\\n');
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
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
    const shown = input.secret ? '(a secret value, not shown)' : `'${showValue(raw)}'`;
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
