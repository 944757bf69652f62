// Identity-based policy documents as the sandbox reads them: checked once when they are
// set (start option, --iam-policy file, control API), so a typo in an operator or an
// element name is one clear error instead of a statement that silently never matches.
// Grammar: "IAM JSON policy element reference" in the IAM User Guide.
import { isKnownOperator } from './conditions.js';

/** A condition block: operator → condition key → value(s). */
export type ConditionBlock = Record<string, Record<string, string[]>>;

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  /** Exactly one of Action / NotAction (lists; a single string is read as a list of one). */
  Action?: string[];
  NotAction?: string[];
  /** Exactly one of Resource / NotResource. */
  Resource?: string[];
  NotResource?: string[];
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: Statement[];
}

/** Policies per access key id; `*` applies to every access key without its own entry. */
export type IamPolicies = Record<string, PolicyDocument[]>;

const VERSIONS = ['2012-10-17', '2008-10-17'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

const cut = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

function stringList(v: unknown, where: string): string[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0 || list.some((x) => typeof x !== 'string' || x === ''))
    throw new Error(`${where}: expected a non-empty string or list of strings, got ${cut(v)}`);
  return list as string[];
}

/** Condition values may be strings, numbers or booleans (IAM reads them as strings). */
function conditionValues(v: unknown, where: string): string[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.some((x) => !['string', 'number', 'boolean'].includes(typeof x)))
    throw new Error(`${where}: condition values must be strings, numbers or booleans, got ${cut(v)}`);
  return list.map(String);
}

function parseCondition(v: unknown, where: string): ConditionBlock {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Error(`${where}.Condition: expected an object {operator: {key: value(s)}}, got ${cut(v)}`);
  const out: ConditionBlock = {};
  for (const [operator, keys] of Object.entries(v as Record<string, unknown>)) {
    if (!isKnownOperator(operator))
      throw new Error(
        `${where}.Condition: unsupported operator ${cut(operator)}; the sandbox evaluates String*, Arn*, Bool, Null, with ...IfExists and ForAllValues:/ForAnyValue:`,
      );
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys))
      throw new Error(`${where}.Condition.${operator}: expected an object {key: value(s)}, got ${cut(keys)}`);
    out[operator] = Object.fromEntries(
      Object.entries(keys as Record<string, unknown>).map(([key, values]) => [
        key,
        conditionValues(values, `${where}.Condition.${operator}.${key}`),
      ]),
    );
  }
  return out;
}

function exactlyOne(s: Record<string, unknown>, a: string, b: string, where: string): void {
  if (a in s === b in s) throw new Error(`${where}: a statement needs exactly one of ${a} or ${b}`);
}

function parseStatement(raw: unknown, where: string): Statement {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${where}: expected a statement object, got ${cut(raw)}`);
  const s = raw as Record<string, unknown>;
  const unknown = Object.keys(s).filter((k) => !STATEMENT_KEYS.includes(k));
  if (unknown.length > 0)
    throw new Error(
      `${where}: unsupported element(s) ${unknown.join(', ')} (identity-based policies have no Principal; allowed: ${STATEMENT_KEYS.join(', ')})`,
    );
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
    throw new Error(`${where}.Effect: expected "Allow" or "Deny", got ${cut(s.Effect)}`);
  exactlyOne(s, 'Action', 'NotAction', where);
  exactlyOne(s, 'Resource', 'NotResource', where);
  const out: Statement = { Effect: s.Effect };
  if (typeof s.Sid === 'string') out.Sid = s.Sid;
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
    if (key in s) out[key] = stringList(s[key], `${where}.${key}`);
  }
  for (const action of [...(out.Action ?? []), ...(out.NotAction ?? [])]) {
    if (action !== '*' && !/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(action))
      throw new Error(`${where}: action ${cut(action)} is not "service:Action" (wildcards * and ? allowed)`);
  }
  if (s.Condition !== undefined) out.Condition = parseCondition(s.Condition, where);
  return out;
}

/** One policy document, checked; `source` names it in errors (a file, an access key). */
export function parsePolicy(raw: unknown, source: string): PolicyDocument {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${source}: expected a policy document object, got ${cut(raw)}`);
  const doc = raw as Record<string, unknown>;
  if (doc.Version !== undefined && !VERSIONS.includes(String(doc.Version)))
    throw new Error(`${source}.Version: expected "2012-10-17", got ${cut(doc.Version)}`);
  if (doc.Statement === undefined) throw new Error(`${source}: a policy document needs a Statement`);
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return {
    ...(doc.Version !== undefined ? { Version: String(doc.Version) } : {}),
    ...(typeof doc.Id === 'string' ? { Id: doc.Id } : {}),
    Statement: statements.map((s, i) => parseStatement(s, `${source}.Statement[${i}]`)),
  };
}

/** A policy document or a list of them. */
export function parsePolicyList(raw: unknown, source: string): PolicyDocument[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((p, i) => parsePolicy(p, list.length > 1 ? `${source}[${i}]` : source));
}

/** Access key ids: AWS's are AKIA…/ASIA… (16–128 characters); the sandbox also takes
 *  test keys such as `test`, so any 1–128 letters, digits, `_`, `.`, `-`, or `*`. */
const ACCESS_KEY = /^(\*|[A-Za-z0-9_.-]{1,128})$/;

export function checkAccessKey(key: string, source: string): void {
  if (!ACCESS_KEY.test(key))
    throw new Error(
      `${source}: ${cut(key)} is not an access key id (1-128 letters, digits, _ . -, e.g. AKIAIOSFODNN7EXAMPLE, or * for every key)`,
    );
}

/** A map access key → policy document(s). */
export function parsePolicyMap(raw: unknown, source: string): IamPolicies {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${source}: expected {"<access key id>": policy document(s)}, got ${cut(raw)}`);
  const out: IamPolicies = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    checkAccessKey(key, source);
    out[key] = parsePolicyList(value, `${source}.${key}`);
  }
  return out;
}

/** What a `--iam-policy` file holds: a policy document or a list of them (applied to
 *  every access key), or a map access key → policy document(s). */
export function parsePolicyFile(raw: unknown, source: string): IamPolicies {
  const isDocument = (v: unknown): boolean =>
    Array.isArray(v) || (typeof v === 'object' && v !== null && 'Statement' in v);
  return isDocument(raw) ? { '*': parsePolicyList(raw, source) } : parsePolicyMap(raw, source);
}
