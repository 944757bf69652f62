// `${{ }}` evaluation with GitHub's own expression engine (@actions/expressions), and the
// evaluation of the template tokens @actions/workflow-parser produces (which has a parser and
// a validator but no template evaluator: that lives in the closed-source runner service).
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { TokenType, type Token } from '@actions/expressions/lexer';
import { parse as parseYaml } from 'yaml';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';

/** Plain JSON-like values: what contexts are made of and what evaluation returns. */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** The named contexts (`github`, `env`, …) for one evaluation; a missing one is an empty object. */
export type Contexts = Partial<Record<ContextName, Value>>;

export const CONTEXT_NAMES = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'matrix',
  'strategy',
  'needs',
  'jobs',
  'job',
  'steps',
  'runner',
] as const;
export type ContextName = (typeof CONTEXT_NAMES)[number];

/**
 * What the status functions answer at the place of evaluation (job `if:`, step `if:`, post-if).
 * `success()` is false once the run is cancelled, as on GitHub.
 */
export interface Status {
  failed: boolean;
  cancelled: boolean;
  /** Overrides success() (a job whose need was skipped does not run by default). */
  succeeded?: boolean;
}

export const STATUS_FUNCTIONS = ['success', 'failure', 'cancelled', 'always'] as const;

/** An expression that could not be parsed or evaluated, or a value of the wrong kind. */
export class ExpressionFailure extends Error {
  override name = 'ExpressionFailure';
}

function statusFunctions(status: Status | undefined): Map<string, FunctionDefinition> {
  const fn = (name: string, value: () => boolean): FunctionDefinition => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: () => new data.BooleanData(value()),
  });
  const noStatus = (name: string) => (): boolean => {
    throw new ExpressionFailure(`${name}() is only allowed in if: conditions`);
  };
  const functions = new Map<string, FunctionDefinition>();
  functions.set(
    'success',
    fn(
      'success',
      status ? () => status.succeeded ?? (!status.failed && !status.cancelled) : noStatus('success'),
    ),
  );
  functions.set('failure', fn('failure', status ? () => status.failed : noStatus('failure')));
  functions.set('cancelled', fn('cancelled', status ? () => status.cancelled : noStatus('cancelled')));
  functions.set('always', fn('always', status ? () => true : noStatus('always')));
  functions.set('hashfiles', {
    name: 'hashFiles',
    minArgs: 1,
    maxArgs: 255,
    call: () => {
      throw new ExpressionFailure('hashFiles() is not supported by the local workflow runner');
    },
  });
  return functions;
}

export function toExpressionData(value: Value | undefined): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

export function fromExpressionData(value: data.ExpressionData): Value {
  switch (value.kind) {
    case data.Kind.String:
      return (value as data.StringData).value;
    case data.Kind.Number:
      return value.number();
    case data.Kind.Boolean:
      return (value as data.BooleanData).value;
    case data.Kind.Null:
      return null;
    case data.Kind.Array:
      return (value as data.Array).values().map(fromExpressionData);
    default: {
      const result: Record<string, Value> = {};
      for (const pair of (value as data.Dictionary).pairs())
        result[pair.key] = fromExpressionData(pair.value);
      return result;
    }
  }
}

/**
 * The lexer of @actions/expressions 0.3.61 unescapes only the FIRST `''` of a string literal
 * (`String.replace` with a string pattern); string tokens are re-read from their lexeme.
 */
function lex(expression: string): Token[] {
  const { tokens } = new Lexer(expression).lex();
  return tokens.map((token) =>
    token.type === TokenType.STRING
      ? { ...token, value: token.lexeme.slice(1, -1).replace(/''/g, "'") }
      : token,
  );
}

function evaluateData(expression: string, contexts: Contexts, status?: Status): data.ExpressionData {
  const functions = statusFunctions(status);
  let tree;
  try {
    tree = new Parser(
      lex(expression),
      [...CONTEXT_NAMES],
      [...functions.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs })),
    ).parse();
  } catch (error) {
    throw new ExpressionFailure(`cannot parse \${{ ${expression} }}: ${messageOf(error)}`);
  }
  const dictionary = new data.Dictionary();
  for (const name of CONTEXT_NAMES) dictionary.add(name, toExpressionData(contexts[name] ?? {}));
  try {
    return new Evaluator(tree, dictionary, functions).evaluate();
  } catch (error) {
    if (error instanceof ExpressionFailure) throw error;
    throw new ExpressionFailure(`cannot evaluate \${{ ${expression} }}: ${messageOf(error)}`);
  }
}

/** Evaluates one expression (without `${{ }}`) against the contexts. */
export function evaluateExpression(expression: string, contexts: Contexts, status?: Status): Value {
  return fromExpressionData(evaluateData(expression, contexts, status));
}

/**
 * Substitutes every `${{ }}` of a string, each result converted as format() does. The end of
 * an expression is the first `}}` outside a string literal, as in the workflow parser.
 */
export function interpolate(text: string, contexts: Contexts, status?: Status): string {
  let result = '';
  let index = 0;
  for (;;) {
    const start = text.indexOf('${{', index);
    if (start < 0) return result + text.slice(index);
    result += text.slice(index, start);
    let inString = false;
    let end = -1;
    for (let i = start + 3; i < text.length - 1; i++) {
      if (text[i] === "'") inString = !inString;
      else if (!inString && text[i] === '}' && text[i + 1] === '}') {
        end = i;
        break;
      }
    }
    if (end < 0)
      throw new ExpressionFailure(`unterminated \${{ in ${JSON.stringify(text.slice(start, start + 40))}`);
    result += evaluateData(text.slice(start + 3, end).trim(), contexts, status).coerceString();
    index = end + 2;
  }
}

/**
 * The value of a multi-line scalar holding expressions. For block scalars the parser builds its
 * format() from the raw YAML source (indentation included, for editor positions), so the
 * string is re-read from that source with its block header and interpolated here instead.
 */
function multiLineValue(token: TemplateToken): string | undefined {
  if (!isBasicExpression(token) || token.source === undefined || !token.source.includes('\n'))
    return undefined;
  // A value that is one whole expression keeps its type (no format() was built).
  if (token.originalExpressions === undefined) return undefined;
  const header = token.blockScalarHeader;
  const document = header ? `value: ${header}\n${token.source}` : `value: ${token.source}`;
  const parsed = parseYaml(document) as { value?: unknown } | null;
  return typeof parsed?.value === 'string' ? parsed.value : undefined;
}

/** GitHub's truthiness: false, 0, -0, '', null and NaN are false; everything else is true. */
export function truthy(value: Value): boolean {
  if (value === null || value === false || value === '' || value === 0) return false;
  if (typeof value === 'number' && Number.isNaN(value)) return false;
  return true;
}

/** Evaluates a template token (a whole value of the workflow: a string, a mapping, …). */
export function evaluateToken(token: TemplateToken, contexts: Contexts, status?: Status): Value {
  if (isBasicExpression(token)) {
    const text = multiLineValue(token);
    return text === undefined
      ? evaluateExpression(token.expression, contexts, status)
      : interpolate(text, contexts, status);
  }
  if (isString(token)) return token.value;
  if (isBoolean(token)) return token.value;
  if (isNumber(token)) return token.value;
  if (isSequence(token)) return [...token].map((item) => evaluateToken(item, contexts, status));
  if (isMapping(token)) {
    const result: Record<string, Value> = {};
    for (const pair of token) {
      result[asString(evaluateToken(pair.key, contexts, status), 'a mapping key')] = evaluateToken(
        pair.value,
        contexts,
        status,
      );
    }
    return result;
  }
  if (token.isExpression) {
    throw new ExpressionFailure(
      `${locate(token)}\${{ insert }} is not supported by the local workflow runner`,
    );
  }
  return null; // NullToken
}

/**
 * A value where the workflow needs a string (env, with, outputs, run): booleans and numbers
 * are converted as GitHub does, null is '', and an object or array is an error.
 */
export function asString(value: Value, what: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return new data.NumberData(value).coerceString();
  throw new ExpressionFailure(
    `${what} evaluated to ${Array.isArray(value) ? 'an array' : 'an object'} where a string is expected (use toJSON(…))`,
  );
}

/** Evaluates a mapping of strings (env:, with:, outputs:) to a record of strings. */
export function evaluateStringMap(
  token: TemplateToken | undefined,
  contexts: Contexts,
  what: string,
): Record<string, string> {
  if (token === undefined) return {};
  const value = evaluateToken(token, contexts);
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ExpressionFailure(`${what} must be a mapping`);
  }
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) result[key] = asString(item, `${what}.${key}`);
  return result;
}

/** `line 12: ` for messages, when the token knows where it came from. */
export function locate(token: TemplateToken | undefined): string {
  return token?.line === undefined ? '' : `line ${token.line}: `;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
