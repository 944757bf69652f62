// The IAM authorizations KMS makes (Service Authorization Reference, "AWS Key Management
// Service"): an operation on a key is authorized on the key's ARN, whatever the request named
// it by (an alias is resolved to its key: "Using aliases to control access" in the KMS
// developer guide); CreateAlias and DeleteAlias also on the alias's ARN; CreateKey, ListKeys
// and ListAliases on `*`. `kms:CallerAccount` is the caller's account; CreateGrant adds
// `kms:GrantOperations` and `kms:GranteePrincipal`.
import type { AuthorizationRequest, RequestContext, ResourceRef } from '../../iam/request.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { str } from '../common/params.js';

const KEY_OPERATIONS = [
  'DescribeKey',
  'GetKeyPolicy',
  'PutKeyPolicy',
  'CreateGrant',
  'ListGrants',
  'RevokeGrant',
];

export function kmsAuthorization(
  req: SandboxRequest,
  ctx: ServiceContext,
  keyArn: (raw: string) => string | undefined,
): AuthorizationRequest[] {
  const op = req.operation;
  const p = req.params;
  const action = `kms:${op}`;
  const base: RequestContext = { 'kms:CallerAccount': ctx.accountId };
  const key = (raw: string | undefined): ResourceRef => {
    const arn = raw ? keyArn(raw) : undefined;
    if (arn) return { type: 'key', arn };
    if (raw?.startsWith('arn:')) return { type: 'key', arn: raw };
    return { type: 'key', ids: { KeyId: raw && !raw.startsWith('alias/') ? raw : '*' } };
  };
  const alias = (name: string | undefined): ResourceRef => ({
    type: 'alias',
    arn: `arn:aws:kms:${req.region}:${ctx.accountId}:${name ?? 'alias/*'}`,
  });
  if (op === 'CreateKey') {
    const tags = Array.isArray(p['Tags']) ? (p['Tags'] as Array<Record<string, unknown>>) : [];
    const requestTags = Object.fromEntries(tags.map((t) => [String(t['TagKey']), String(t['TagValue'])]));
    return [{ action, context: base, ...(tags.length > 0 ? { requestTags } : {}) }];
  }
  if (op === 'CreateAlias' || op === 'DeleteAlias') {
    const target = op === 'CreateAlias' ? str(p['TargetKeyId']) : undefined;
    const onAlias: AuthorizationRequest = { action, resource: alias(str(p['AliasName'])), context: base };
    return target ? [onAlias, { action, resource: key(target), context: base }] : [onAlias];
  }
  if (KEY_OPERATIONS.includes(op)) {
    const context: RequestContext =
      op === 'CreateGrant'
        ? {
            ...base,
            'kms:GrantOperations': Array.isArray(p['Operations']) ? (p['Operations'] as string[]) : [],
            ...(typeof p['GranteePrincipal'] === 'string'
              ? { 'kms:GranteePrincipal': p['GranteePrincipal'] }
              : {}),
          }
        : base;
    return [{ action, resource: key(str(p['KeyId'])), context }];
  }
  return [{ action, context: base }];
}
