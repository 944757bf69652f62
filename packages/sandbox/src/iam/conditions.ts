// The Condition element, per "IAM JSON policy elements: Condition operators" and "Policy
// evaluation logic": every operator of a block must hold and every key of an operator
// (AND); a key holds if the context value matches any of the policy's values (OR). A key
// absent from the request fails positive operators and satisfies negated ones
// (StringNotEquals, ArnNotLike); `...IfExists` makes an absent key hold; `Null` tests
// presence. Multivalued keys (aws:TagKeys, the Route 53 change keys) use the set
// operators: `ForAllValues:` holds when every request value matches (and for an empty
// or absent set), `ForAnyValue:` when at least one does. A multivalued key under a plain
// operator is read as ForAnyValue (what IAM does; AWS recommends a set operator).
import { arnMatches, literalAware, substituteVariables, wildcardMatch } from './match.js';

export type ContextValue = string | string[];
/** The request context: condition key (as AWS spells it) → value(s). */
export type RequestContext = Record<string, ContextValue>;

type Comparator = (policyValue: string, requestValue: string) => boolean;

interface Operator {
  compare: Comparator;
  negated: boolean;
}

/** Escaped literals left by policy variables (`${*}`) are plain characters here. */
const plain = (p: string): string => p.replace(/\uE000/g, '');
const equals: Comparator = (p, v) => plain(p) === v;
const equalsIgnoreCase: Comparator = (p, v) => plain(p).toLowerCase() === v.toLowerCase();
const like: Comparator = (p, v) => wildcardMatch(literalAware(p), v);
const arn: Comparator = (p, v) => arnMatches(literalAware(p), v);

const OPERATORS: Record<string, Operator> = {
  StringEquals: { compare: equals, negated: false },
  StringNotEquals: { compare: equals, negated: true },
  StringEqualsIgnoreCase: { compare: equalsIgnoreCase, negated: false },
  StringNotEqualsIgnoreCase: { compare: equalsIgnoreCase, negated: true },
  StringLike: { compare: like, negated: false },
  StringNotLike: { compare: like, negated: true },
  // IAM documents ArnEquals and ArnLike as the same test (wildcards allowed in both).
  ArnEquals: { compare: arn, negated: false },
  ArnLike: { compare: arn, negated: false },
  ArnNotEquals: { compare: arn, negated: true },
  ArnNotLike: { compare: arn, negated: true },
  Bool: { compare: equalsIgnoreCase, negated: false },
};

interface ParsedOperator {
  set?: 'ForAllValues' | 'ForAnyValue';
  name: string;
  ifExists: boolean;
}

function parseOperator(full: string): ParsedOperator | undefined {
  const m = /^(?:(ForAllValues|ForAnyValue):)?([A-Za-z]+?)(IfExists)?$/.exec(full);
  if (!m) return undefined;
  const name = m[2]!;
  if (name !== 'Null' && !(name in OPERATORS)) return undefined;
  if (name === 'Null' && (m[1] || m[3])) return undefined;
  return {
    ...(m[1] ? { set: m[1] as ParsedOperator['set'] } : {}),
    name,
    ifExists: m[3] !== undefined,
  };
}

/** Whether the sandbox evaluates this operator (checked when a policy is loaded). */
export const isKnownOperator = (full: string): boolean => parseOperator(full) !== undefined;

/** Context keys are case-insensitive; the tag part of `…/${TagKey}` keys is compared as
 *  written by IAM (case-insensitively as well, per the condition keys reference). */
function lookup(context: RequestContext, key: string): ContextValue | undefined {
  if (key in context) return context[key];
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(context)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

const asList = (v: ContextValue): string[] => (Array.isArray(v) ? v : [v]);

/** One key of one operator. */
function keyHolds(op: ParsedOperator, policyValues: string[], present: ContextValue | undefined): boolean {
  if (op.name === 'Null') {
    const isNull = present === undefined || (Array.isArray(present) && present.length === 0);
    return policyValues.some((p) => (p.toLowerCase() === 'true') === isNull);
  }
  const { compare, negated } = OPERATORS[op.name]!;
  const values = present === undefined ? [] : asList(present);
  if (present === undefined || (op.set === undefined && values.length === 0)) {
    if (op.ifExists) return true;
    if (op.set === 'ForAllValues') return true;
    if (op.set === 'ForAnyValue') return false;
    return negated;
  }
  // Per request value: does it match any policy value (the OR of the values)?
  const matches = (v: string): boolean => policyValues.some((p) => compare(p, v));
  const holdsFor = (v: string): boolean => (negated ? !matches(v) : matches(v));
  if (op.set === 'ForAllValues') return values.every(holdsFor);
  if (op.set === 'ForAnyValue') return values.some(holdsFor);
  // A plain operator: positive ones hold if any value matches; negated ones if none does.
  return negated ? values.every(holdsFor) : values.some(holdsFor);
}

/** Whether a statement's whole Condition element holds for the request context. */
export function conditionsHold(
  block: Record<string, Record<string, string[]>> | undefined,
  context: RequestContext,
  variables: boolean,
): boolean {
  if (!block) return true;
  for (const [operator, keys] of Object.entries(block)) {
    const op = parseOperator(operator);
    if (!op) return false;
    for (const [key, rawValues] of Object.entries(keys)) {
      const policyValues = variables
        ? rawValues
            .map((v) => substituteVariables(v, (k) => lookup(context, k)))
            .filter((v): v is string => v !== undefined)
        : rawValues;
      if (!keyHolds(op, policyValues, lookup(context, key))) return false;
    }
  }
  return true;
}

export { lookup as contextValue };
