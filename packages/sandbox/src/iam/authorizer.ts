// IAM in front of every AWS call: which policies apply to the caller's access key, the
// authorizations the service says the call needs, each one's ARN and request context,
// and the first one the policies do not allow. Off unless policies or a default of
// 'deny' were configured, so a sandbox started without IAM answers exactly as before.
import type { EmulatedService, SandboxRequest, ServiceContext } from '../service.js';
import { arnOf, conditionKeysFor, isRequestTagKey, isResourceTagKey } from './catalog.js';
import type { RequestContext } from './conditions.js';
import { evaluate, type EvaluationRequest } from './evaluate.js';
import { checkAccessKey, parsePolicyList, type IamPolicies, type PolicyDocument } from './policy.js';
import { encodeAuthorizationMessage, type IamRefusal } from './refusal.js';
import type { AuthorizationRequest, TagMap } from './request.js';

export interface IamOptions {
  /** Policies per access key id (`*`: every key without its own entry). */
  policies?: IamPolicies;
  /** For a key with no policies: 'allow' (as if IAM were off) or 'deny' (implicit deny).
   *  Default: 'deny' when `policies` is given, else 'allow'. */
  default?: 'allow' | 'deny';
}

/** The caller: one IAM user per sandbox account (the identity GetCallerIdentity returns). */
export const principalArn = (accountId: string): string => `arn:aws:iam::${accountId}:user/sandbox`;

/** The access key in a SigV4 Authorization header or presigned query, if any. */
export function accessKeyOf(authorization: string, query?: URLSearchParams): string {
  const m = /Credential=([^/,\s]+)\//.exec(authorization);
  if (m) return m[1]!;
  const q = query?.get('X-Amz-Credential');
  return q ? q.split('/')[0]! : '';
}

function tagContext(keys: string[], r: AuthorizationRequest): RequestContext {
  const out: RequestContext = {};
  for (const pattern of keys) {
    const prefix = pattern.slice(0, pattern.length - '/${TagKey}'.length);
    const tags: TagMap | undefined = isRequestTagKey(pattern)
      ? r.requestTags
      : isResourceTagKey(pattern)
        ? r.resourceTags
        : undefined;
    for (const [k, v] of Object.entries(tags ?? {})) out[`${prefix}/${k}`] = v;
  }
  const tagKeys = r.tagKeys ?? (r.requestTags ? Object.keys(r.requestTags) : undefined);
  if (tagKeys && keys.includes('aws:TagKeys')) out['aws:TagKeys'] = tagKeys;
  return out;
}

export class IamAuthorizer {
  private policies: IamPolicies = {};
  private fallback: 'allow' | 'deny' = 'allow';

  constructor(private readonly initial: IamOptions = {}) {
    this.configure(initial);
  }

  /** Replace the whole configuration (start options, `PUT /_sandbox/iam`). */
  configure(options: IamOptions): void {
    const policies: IamPolicies = {};
    for (const [key, docs] of Object.entries(options.policies ?? {})) {
      checkAccessKey(key, 'iamPolicies');
      policies[key] = parsePolicyList(docs, `iamPolicies.${key}`);
    }
    if (options.default !== undefined && options.default !== 'allow' && options.default !== 'deny')
      throw new Error(`iamDefault must be "allow" or "deny", got ${JSON.stringify(options.default)}`);
    this.policies = policies;
    this.fallback = options.default ?? (options.policies ? 'deny' : 'allow');
  }

  /** Back to the start options (on `POST /_sandbox/reset`, like faults). */
  reset(): void {
    this.configure(this.initial);
  }

  get enabled(): boolean {
    return this.fallback === 'deny' || Object.keys(this.policies).length > 0;
  }

  set(accessKeyId: string, docs: unknown): PolicyDocument[] {
    checkAccessKey(accessKeyId, 'access key');
    const parsed = parsePolicyList(docs, `policy for ${accessKeyId}`);
    this.policies[accessKeyId] = parsed;
    return parsed;
  }

  remove(accessKeyId: string): boolean {
    const had = accessKeyId in this.policies;
    delete this.policies[accessKeyId];
    return had;
  }

  describe(): { enabled: boolean; default: 'allow' | 'deny'; policies: IamPolicies } {
    return { enabled: this.enabled, default: this.fallback, policies: structuredClone(this.policies) };
  }

  /** The policies of a key; undefined when it falls to an 'allow' default. */
  policiesFor(accessKeyId: string): PolicyDocument[] | undefined {
    const own = this.policies[accessKeyId] ?? this.policies['*'];
    if (own) return own;
    return this.fallback === 'deny' ? [] : undefined;
  }

  /** The authorizations a call needs (the service's, else `<service>:<Operation>` on `*`). */
  requestsFor(service: EmulatedService, req: SandboxRequest, ctx: ServiceContext): AuthorizationRequest[] {
    const fallback = [{ action: `${service.name}:${req.operation}` }];
    if (!service.authorization) return fallback;
    try {
      return service.authorization(req, ctx) ?? fallback;
    } catch (e) {
      // A bug in an authorization module must not let the call through unchecked.
      console.error(`[sandbox] IAM: ${service.name}.${req.operation} authorization failed:`, e);
      return fallback;
    }
  }

  /** The refusal for a call, or undefined when IAM allows it (or is off). */
  async authorize(
    accessKeyId: string,
    service: EmulatedService,
    req: SandboxRequest,
    ctx: ServiceContext,
  ): Promise<IamRefusal | undefined> {
    if (!this.enabled) return undefined;
    const policies = this.policiesFor(accessKeyId);
    if (!policies) return undefined;
    const principal = principalArn(ctx.accountId);
    for (const r of this.requestsFor(service, req, ctx)) {
      const evaluation = await this.evaluationRequest(r, req, ctx, principal);
      const decision = evaluate(policies, evaluation);
      if (decision.allowed) continue;
      return {
        accessKeyId,
        principal,
        action: evaluation.action,
        resource: evaluation.resource,
        reason: decision.reason === 'explicit-deny' ? 'explicit-deny' : 'implicit-deny',
        encodedMessage: encodeAuthorizationMessage(principal, evaluation, decision),
      };
    }
    return undefined;
  }

  /** The ARN and the full request context of one authorization. */
  async evaluationRequest(
    r: AuthorizationRequest,
    req: SandboxRequest,
    ctx: ServiceContext,
    principal: string,
  ): Promise<EvaluationRequest> {
    const service = r.action.slice(0, r.action.indexOf(':'));
    const resource = r.resource ? await arnOf(service, r.resource, req.region, ctx.accountId) : '*';
    const now = ctx.clock.now();
    const global: RequestContext = {
      'aws:PrincipalArn': principal,
      'aws:PrincipalAccount': ctx.accountId,
      'aws:PrincipalType': 'User',
      'aws:userid': 'AIDASANDBOXUSER00000X',
      'aws:username': principal.replace(/^.*\//, ''),
      'aws:RequestedRegion': req.region,
      'aws:CurrentTime': new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'aws:EpochTime': String(Math.floor(now / 1000)),
      // The sandbox stands in for AWS's endpoints, which are HTTPS only.
      'aws:SecureTransport': 'true',
    };
    const keys = await conditionKeysFor(r.action, r.resource?.type);
    return {
      action: r.action,
      resource,
      context: { ...global, ...tagContext(keys, r), ...(r.context ?? {}) },
    };
  }
}
