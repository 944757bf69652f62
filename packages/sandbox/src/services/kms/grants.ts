// Grants: CreateGrant, ListGrants, RevokeGrant. A grant lives with its key (in the key's
// account), whoever created it; its grantee may then use the key for the operations it lists
// (access.ts), which is how another account is let use a key without changing its policy
// ("Grants in AWS KMS", KMS developer guide).
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { str } from '../common/params.js';
import { listPage, requiredString, validation } from './keys.js';
import type { Grant, Key, KmsState } from './state.js';

/** Grant operations (CreateGrant, Operations: the GrantOperation enum of the KMS model). */
const OPERATIONS = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
];

/** A grantee: an IAM principal's ARN (an account root, user or role) or an AWS service. */
const PRINCIPAL = /^(arn:aws[a-z-]*:iam::\d{12}:(root|user\/.+|role\/.+)|[a-z0-9.-]+\.amazonaws\.com)$/;

function principal(value: string, field: string): string {
  if (!PRINCIPAL.test(value))
    throw validation(
      `${field} ${value.slice(0, 256)} is not a valid principal: expected an IAM ARN (arn:aws:iam::<account>:root, :user/…, :role/…)`,
    );
  return value;
}

/** The caller's account's grants are made on `key` in its owner's state. */
export function createGrant(
  owner: KmsState,
  key: Key,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const grantee = principal(requiredString(p, 'GranteePrincipal'), 'GranteePrincipal');
  const retiring = str(p['RetiringPrincipal']);
  const operations = p['Operations'];
  if (!Array.isArray(operations) || operations.length === 0)
    throw validation(
      "1 validation error detected: Value null at 'operations' failed to satisfy constraint: Member must not be null",
    );
  for (const op of operations)
    if (typeof op !== 'string' || !OPERATIONS.includes(op))
      throw validation(
        `Value '${String(op).slice(0, 64)}' at 'operations' failed to satisfy constraint: Member must satisfy enum value set: [${OPERATIONS.join(', ')}]`,
      );
  const name = str(p['Name']);
  // A named grant is idempotent: the same name, grantee and operations give back the grant.
  const same = name
    ? Object.values(owner.grants).find(
        (g) =>
          g.keyId === key.keyId &&
          g.name === name &&
          g.granteePrincipal === grantee &&
          g.operations.join() === (operations as string[]).join(),
      )
    : undefined;
  const grant: Grant = same ?? {
    grantId: ctx.ids.next('grant', 64).slice(6),
    keyId: key.keyId,
    region: key.region,
    ...(name !== undefined ? { name } : {}),
    granteePrincipal: grantee,
    ...(retiring !== undefined ? { retiringPrincipal: principal(retiring, 'RetiringPrincipal') } : {}),
    operations: [...(operations as string[])],
    issuingAccount: ctx.accountId,
    creationDate: ctx.clock.now(),
  };
  owner.grants[grant.grantId] = grant;
  return {
    GrantId: grant.grantId,
    GrantToken: Buffer.from(`sandbox-grant-token:${grant.grantId}`).toString('base64'),
  };
}

const renderGrant = (key: Key, g: Grant): Record<string, unknown> => ({
  KeyId: key.arn,
  GrantId: g.grantId,
  ...(g.name !== undefined ? { Name: g.name } : {}),
  CreationDate: new Date(g.creationDate),
  GranteePrincipal: g.granteePrincipal,
  ...(g.retiringPrincipal ? { RetiringPrincipal: g.retiringPrincipal } : {}),
  IssuingAccount: `arn:aws:iam::${g.issuingAccount}:root`,
  Operations: g.operations,
});

export function listGrants(owner: KmsState, key: Key, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const grantId = str(p['GrantId']);
  const grantee = str(p['GranteePrincipal']);
  const grants = Object.values(owner.grants)
    .filter((g) => g.keyId === key.keyId)
    .filter((g) => grantId === undefined || g.grantId === grantId)
    .filter((g) => grantee === undefined || g.granteePrincipal === grantee)
    .sort((a, b) => a.creationDate - b.creationDate || (a.grantId < b.grantId ? -1 : 1));
  const { items, next } = listPage(grants, p, 100);
  return {
    Grants: items.map((g) => renderGrant(key, g)),
    Truncated: next !== undefined,
    ...(next ? { NextMarker: next } : {}),
  };
}

export function revokeGrant(owner: KmsState, key: Key, req: SandboxRequest): Record<string, unknown> {
  const grantId = requiredString(req.params, 'GrantId');
  const grant = owner.grants[grantId];
  if (!grant || grant.keyId !== key.keyId)
    throw new AwsError('NotFoundException', `Grant ID ${grantId.slice(0, 128)} not found`);
  delete owner.grants[grantId];
  return {};
}
