// Identity-based policy evaluation, the subset of AWS's "Policy evaluation logic" that
// applies to one principal with identity policies only (no resource policies, SCPs,
// permission boundaries or session policies): an applicable Deny statement wins; else an
// applicable Allow allows; else the request is implicitly denied.
//
// Written for the sandbox rather than taken from @cloud-copilot/iam-simulate, which is
// AGPL-3.0; the sandbox needs a small, auditable subset of it.
import { conditionsHold, contextValue, type RequestContext } from './conditions.js';
import { actionMatches, arnMatches, literalAware, substituteVariables } from './match.js';
import type { PolicyDocument, Statement } from './policy.js';

/** One authorization IAM makes: an action on a resource, with the request context. */
export interface EvaluationRequest {
  action: string;
  resource: string;
  context: RequestContext;
}

export interface MatchedStatement {
  /** Index of the policy document in the list evaluated, and of the statement in it. */
  policy: number;
  statement: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
}

export interface Decision {
  allowed: boolean;
  reason: 'allowed' | 'explicit-deny' | 'implicit-deny';
  /** The statements that applied (the denying ones for an explicit deny). */
  matched: MatchedStatement[];
}

function resourceMatches(
  patterns: string[],
  resource: string,
  req: EvaluationRequest,
  vars: boolean,
): boolean {
  return patterns.some((raw) => {
    const pattern = vars ? substituteVariables(raw, (k) => contextValue(req.context, k)) : raw;
    return pattern !== undefined && arnMatches(literalAware(pattern), resource);
  });
}

/** Whether a statement applies to the request (its effect aside). */
export function statementApplies(s: Statement, req: EvaluationRequest, variables: boolean): boolean {
  const actionOk = s.Action
    ? s.Action.some((a) => actionMatches(a, req.action))
    : !(s.NotAction ?? []).some((a) => actionMatches(a, req.action));
  if (!actionOk) return false;
  const resourceOk = s.Resource
    ? resourceMatches(s.Resource, req.resource, req, variables)
    : !resourceMatches(s.NotResource ?? [], req.resource, req, variables);
  if (!resourceOk) return false;
  return conditionsHold(s.Condition, req.context, variables);
}

export function evaluate(policies: readonly PolicyDocument[], req: EvaluationRequest): Decision {
  const allows: MatchedStatement[] = [];
  const denies: MatchedStatement[] = [];
  policies.forEach((policy, p) => {
    // Policy variables exist only in the 2012-10-17 language version.
    const variables = policy.Version === '2012-10-17';
    policy.Statement.forEach((s, i) => {
      if (!statementApplies(s, req, variables)) return;
      const m: MatchedStatement = {
        policy: p,
        statement: i,
        effect: s.Effect,
        ...(s.Sid ? { sid: s.Sid } : {}),
      };
      (s.Effect === 'Deny' ? denies : allows).push(m);
    });
  });
  if (denies.length > 0) return { allowed: false, reason: 'explicit-deny', matched: denies };
  if (allows.length > 0) return { allowed: true, reason: 'allowed', matched: allows };
  return { allowed: false, reason: 'implicit-deny', matched: [] };
}
