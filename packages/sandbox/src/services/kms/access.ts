// Who may use a KMS key: its key policy and its grants ("Authentication and access control
// for AWS KMS", KMS developer guide). A key policy statement names principals: `*`, an
// account (its id or `arn:aws:iam::<id>:root`, which hands the decision to that account's
// IAM), or a user or role ARN. A grant gives its grantee the operations it lists. An
// explicit Deny in the policy wins. The caller's own IAM policies are the sandbox's IAM
// authorizer's part (authorization.ts), evaluated before the call.
//
// Not modelled: condition blocks in key policies (a statement applies whatever its
// Condition says), grant constraints, and the key being disabled or pending deletion.
import { wildcardMatch } from '../common/filters.js';
import type { Grant, Key } from './state.js';

/** The caller: its account and principal ARN. */
export interface Principal {
  accountId: string;
  arn: string;
}

interface PolicyStatement {
  Effect?: unknown;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
}

const asList = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');

/** Whether one policy principal entry names the caller. */
function namesPrincipal(entry: string, who: Principal): boolean {
  if (entry === '*') return true;
  if (entry === who.accountId || entry === `arn:aws:iam::${who.accountId}:root`) return true;
  return entry === who.arn;
}

function principalMatches(principal: unknown, who: Principal): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const aws = (principal as Record<string, unknown>)['AWS'];
  return asList(aws).some((entry) => namesPrincipal(entry, who));
}

function actionMatches(s: PolicyStatement, action: string): boolean {
  const lower = action.toLowerCase();
  const matches = (patterns: string[]): boolean =>
    patterns.some((p) => wildcardMatch(p.toLowerCase(), lower));
  if (s.Action !== undefined) return matches(asList(s.Action));
  if (s.NotAction !== undefined) return !matches(asList(s.NotAction));
  return false;
}

function statements(policy: string): PolicyStatement[] {
  try {
    const parsed = JSON.parse(policy) as { Statement?: unknown };
    const list = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
    return list.filter((s): s is PolicyStatement => typeof s === 'object' && s !== null);
  } catch {
    return [];
  }
}

/** The key policy's say on `action` (`kms:Decrypt`) for the caller. */
export function policyDecision(key: Key, who: Principal, action: string): 'allow' | 'deny' | 'none' {
  let decision: 'allow' | 'none' = 'none';
  for (const s of statements(key.policy)) {
    if (!actionMatches(s, action) || !principalMatches(s.Principal, who)) continue;
    if (s.Effect === 'Deny') return 'deny';
    if (s.Effect === 'Allow') decision = 'allow';
  }
  return decision;
}

/** Whether a grant on the key gives the caller `action`. */
export function grantAllows(grants: readonly Grant[], key: Key, who: Principal, action: string): boolean {
  const operation = action.replace(/^kms:/, '');
  return grants.some(
    (g) =>
      g.keyId === key.keyId && namesPrincipal(g.granteePrincipal, who) && g.operations.includes(operation),
  );
}

/** Whether the caller may perform `action` with the key. */
export function keyAllows(key: Key, grants: readonly Grant[], who: Principal, action: string): boolean {
  const policy = policyDecision(key, who, action);
  if (policy === 'deny') return false;
  return policy === 'allow' || grantAllows(grants, key, who, action);
}

/** What EC2 needs of a customer managed key to create, read or copy an encrypted volume
 *  ("Permissions to use AWS KMS keys" under "Amazon EBS encryption", EBS user guide). */
export const EBS_KEY_ACTIONS = ['kms:DescribeKey', 'kms:CreateGrant', 'kms:Decrypt'] as const;
