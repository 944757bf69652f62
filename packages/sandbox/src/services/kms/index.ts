// Emulated AWS KMS (awsJson1_1, target prefix TrentService), minimal: customer managed
// symmetric keys with their key policies, aliases and grants, enough to decide who may use
// a key. No key material and no cryptographic operations. Each account has its own KMS
// (accounts.ts); a key of another account is reached through its key ARN or alias ARN and
// its owner's policy or grants (access.ts). EC2 asks `ebsKeyUse` (use.ts) whether an
// account may use a key for an encrypted volume or copy.
import { principalArn } from '../../iam/authorizer.js';
import { REGION } from '../../seed.js';
import {
  AwsError,
  type EmulatedService,
  type OperationHandler,
  type SandboxRequest,
  type ServiceContext,
} from '../../service.js';
import { keyAllows, type Principal } from './access.js';
import { kmsAuthorization } from './authorization.js';
import { createGrant, listGrants, revokeGrant } from './grants.js';
import {
  checkPolicy,
  createAlias,
  createKey,
  deleteAlias,
  listAliases,
  listKeys,
  newKey,
  policyName,
  renderKey,
  requiredString,
  seededKeyId,
} from './keys.js';
import {
  emptyState,
  notFound,
  parseKeyRef,
  resolveKey,
  type Key,
  type KeyRef,
  type KmsState,
} from './state.js';

/** The seed's customer managed key of every account, by this alias. */
export const SEED_KEY_ALIAS = 'alias/immut-sandbox';

/** What other accounts' KMS and EC2 may read of this account's keys. */
export interface KmsAccess {
  resolve(ref: KeyRef, region: string): Key | undefined;
  allows(key: Key, who: Principal, action: string): boolean;
}

export type KmsService = EmulatedService & { access: KmsAccess };

export const callerOf = (ctx: ServiceContext): Principal => ({
  accountId: ctx.accountId,
  arn: principalArn(ctx.accountId),
});

/** The KMS of the account a reference names (an ARN's account, else the caller's). */
export function kmsOf(ctx: ServiceContext, ref: KeyRef, self?: KmsService): KmsService | undefined {
  const accountId = ref.accountId ?? ctx.accountId;
  if (accountId === ctx.accountId && self) return self;
  return ctx.accounts?.service(accountId, 'kms') as KmsService | undefined;
}

const accessDenied = (who: Principal, action: string, key: Key): AwsError =>
  new AwsError(
    'AccessDeniedException',
    `User: ${who.arn} is not authorized to perform: ${action} on resource: ${key.arn} because no resource-based policy allows the ${action} action`,
  );

export function createKmsService(): KmsService {
  let state: KmsState = emptyState();

  const access: KmsAccess = {
    resolve: (ref, region) => resolveKey(state, ref, region),
    allows: (key, who, action) => keyAllows(key, Object.values(state.grants), who, action),
  };
  const self = (): KmsService => service;

  /** The key `KeyId` names, in whichever account owns it, if the caller may `action` on it. */
  const locate = (req: SandboxRequest, ctx: ServiceContext, action: string, field = 'KeyId'): Key => {
    const raw = requiredString(req.params, field);
    const ref = parseKeyRef(raw);
    const owner = kmsOf(ctx, ref, self());
    const key = owner?.access.resolve(ref, req.region);
    if (!owner || !key) throw notFound(raw);
    const who = callerOf(ctx);
    if (!owner.access.allows(key, who, action)) throw accessDenied(who, action, key);
    return key;
  };
  /** The state of the account owning `key` (grants live with their key). */
  const ownerState = (ctx: ServiceContext, key: Key): KmsState => {
    if (key.accountId === ctx.accountId) return state;
    const owner = ctx.accounts?.service(key.accountId, 'kms') as
      (KmsService & { raw(): KmsState }) | undefined;
    if (!owner) throw notFound(key.arn);
    return owner.raw();
  };
  const own = (key: Key, ctx: ServiceContext): Key => {
    // Aliases and policies are the owner's business: another account gets its key ARN refused.
    if (key.accountId !== ctx.accountId) throw notFound(key.arn);
    return key;
  };

  const operations: Record<string, OperationHandler> = {
    CreateKey: (req, ctx) => createKey(state, req, ctx),
    DescribeKey: (req, ctx) => ({ KeyMetadata: renderKey(locate(req, ctx, 'kms:DescribeKey')) }),
    ListKeys: (req) => listKeys(state, req),
    CreateAlias: (req, ctx) =>
      createAlias(state, req, ctx, own(locate(req, ctx, 'kms:CreateAlias', 'TargetKeyId'), ctx)),
    DeleteAlias: (req, ctx) => deleteAlias(state, req, ctx),
    ListAliases: (req, ctx) => {
      const keyId =
        typeof req.params['KeyId'] === 'string' ? locate(req, ctx, 'kms:ListAliases').keyId : undefined;
      return listAliases(state, req, keyId);
    },
    GetKeyPolicy: (req, ctx) => {
      const key = own(locate(req, ctx, 'kms:GetKeyPolicy'), ctx);
      return { Policy: key.policy, PolicyName: policyName(req.params) };
    },
    PutKeyPolicy: (req, ctx) => {
      const key = own(locate(req, ctx, 'kms:PutKeyPolicy'), ctx);
      policyName(req.params);
      key.policy = checkPolicy(requiredString(req.params, 'Policy'));
      return {};
    },
    CreateGrant: (req, ctx) => {
      const key = locate(req, ctx, 'kms:CreateGrant');
      return createGrant(ownerState(ctx, key), key, req, ctx);
    },
    ListGrants: (req, ctx) => {
      const key = locate(req, ctx, 'kms:ListGrants');
      return listGrants(ownerState(ctx, key), key, req);
    },
    RevokeGrant: (req, ctx) => {
      const key = locate(req, ctx, 'kms:RevokeGrant');
      return revokeGrant(ownerState(ctx, key), key, req);
    },
  };

  const service: KmsService & { raw(): KmsState } = {
    name: 'kms',
    protocol: 'json',
    namespace: 'TrentService',
    operations,
    access,
    raw: () => state,
    authorization: (req, ctx) => kmsAuthorization(req, ctx, (raw) => keyArnOf(ctx, raw, req.region, self())),
    inventory: () => [
      ...Object.values(state.keys).map((k) => ({
        kind: 'key',
        id: k.arn,
        state: 'Enabled',
        tags: Object.fromEntries(k.tags.map((t) => [t.TagKey, t.TagValue])),
      })),
      ...state.aliases.map((a) => ({ kind: 'alias', id: a.aliasArn, tags: {} })),
      ...Object.values(state.grants).map((g) => ({ kind: 'grant', id: g.grantId, tags: {} })),
    ],
    snapshotState: () => structuredClone(state),
    restoreState(saved) {
      state = { ...emptyState(), ...(structuredClone(saved) as Partial<KmsState>) };
    },
    reset() {
      state = emptyState();
    },
    seed: (ctx) => seedKey(ctx),
    seedRegion: (ctx) => seedKey(ctx),
  };
  /** The seed's key of the account, in `ctx.region`, under SEED_KEY_ALIAS. */
  function seedKey(ctx: ServiceContext): void {
    const region = ctx.region ?? REGION;
    const keyId = seededKeyId(ctx.accountId, region);
    const key = newKey(ctx, region, { keyId, description: 'The sandbox seed: a customer managed key' });
    key.creationDate = Date.parse('2025-01-01T00:00:00.000Z');
    state.keys[keyId] = key;
    state.aliases.push({
      aliasName: SEED_KEY_ALIAS,
      aliasArn: `arn:aws:kms:${region}:${ctx.accountId}:${SEED_KEY_ALIAS}`,
      region,
      targetKeyId: keyId,
      creationDate: key.creationDate,
    });
  }
  return service;
}

/** The key ARN a reference stands for, when the owner's KMS knows it (for IAM's resource). */
function keyArnOf(ctx: ServiceContext, raw: string, region: string, self: KmsService): string | undefined {
  try {
    const ref = parseKeyRef(raw);
    return kmsOf(ctx, ref, self)?.access.resolve(ref, region)?.arn;
  } catch {
    return undefined;
  }
}
