// Keys, aliases and key policies: CreateKey, DescribeKey, ListKeys, CreateAlias, DeleteAlias,
// ListAliases, GetKeyPolicy, PutKeyPolicy. A key of another account is named by its key ARN
// or alias ARN, and its owner's key policy (or a grant) must allow the caller (kms-index.ts
// `locate`).
import { createHash } from 'node:crypto';
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { page } from '../common/paging.js';
import { str, type Params } from '../common/params.js';
import { defaultKeyPolicy, uuidOf, type Alias, type Key, type KmsState } from './state.js';

export const validation = (message: string): AwsError => new AwsError('ValidationException', message);

export function requiredString(p: Params, name: string): string {
  const v = str(p[name]);
  if (v === undefined || v === '')
    throw validation(
      `1 validation error detected: Value null at '${name[0]!.toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  return v;
}

export function renderKey(key: Key): Record<string, unknown> {
  return {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: new Date(key.creationDate),
    Enabled: true,
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
  };
}

/** A key policy must be JSON with statements, at most 32 KB ("Key policies", quotas). */
export function checkPolicy(policy: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    throw new AwsError(
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
    );
  }
  if (policy.length > 32768)
    throw new AwsError('LimitExceededException', 'The key policy exceeds the maximum size of 32768 bytes.');
  const statements = (parsed as { Statement?: unknown } | null)?.Statement;
  if (typeof parsed !== 'object' || parsed === null || statements === undefined)
    throw new AwsError(
      'MalformedPolicyDocumentException',
      'Policy contains a statement with no principal or no statement.',
    );
  return policy;
}

const KEY_SPECS = ['SYMMETRIC_DEFAULT'];
const KEY_USAGES = ['ENCRYPT_DECRYPT'];

/** A new key: a symmetric encryption key (the only kind EBS uses, and the only one here). */
export function newKey(
  ctx: ServiceContext,
  region: string,
  fields: { keyId: string; description?: string; policy?: string; tags?: Key['tags'] },
): Key {
  return {
    keyId: fields.keyId,
    arn: `arn:aws:kms:${region}:${ctx.accountId}:key/${fields.keyId}`,
    region,
    accountId: ctx.accountId,
    description: fields.description ?? '',
    keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT',
    creationDate: ctx.clock.now(),
    policy: fields.policy ?? defaultKeyPolicy(ctx.accountId),
    tags: fields.tags ?? [],
  };
}

function tagsOf(p: Params): Key['tags'] {
  const raw = p['Tags'];
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw validation('Tags must be a list of {TagKey, TagValue}');
  return raw.map((t) => {
    const tag = (t ?? {}) as Params;
    const key = str(tag['TagKey']);
    const value = str(tag['TagValue']);
    if (key === undefined || value === undefined) throw validation('Each tag needs a TagKey and a TagValue');
    return { TagKey: key, TagValue: value };
  });
}

export function createKey(
  state: KmsState,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const spec = str(p['KeySpec']) ?? str(p['CustomerMasterKeySpec']) ?? 'SYMMETRIC_DEFAULT';
  const usage = str(p['KeyUsage']) ?? 'ENCRYPT_DECRYPT';
  if (!KEY_SPECS.includes(spec))
    throw new AwsError(
      'UnsupportedOperationException',
      `The sandbox's KMS makes symmetric keys only (KeySpec SYMMETRIC_DEFAULT), not ${spec.slice(0, 64)}`,
    );
  if (!KEY_USAGES.includes(usage))
    throw validation(`KeyUsage ${usage.slice(0, 64)} is not valid for KeySpec ${spec}`);
  const description = str(p['Description']);
  if (description !== undefined && description.length > 8192)
    throw validation('Description must be at most 8192 characters');
  const policy = str(p['Policy']);
  const keyId = uuidOf(ctx.ids.next('key', 32).slice(4));
  const key = newKey(ctx, req.region, {
    keyId,
    ...(description !== undefined ? { description } : {}),
    ...(policy !== undefined ? { policy: checkPolicy(policy) } : {}),
    tags: tagsOf(p),
  });
  state.keys[keyId] = key;
  return { KeyMetadata: renderKey(key) };
}

/** The seeded key's id: fixed per account and region (no draw from the id generator, so a
 *  sandbox's other ids stay what they were before KMS existed). */
export function seededKeyId(accountId: string, region: string): string {
  return uuidOf(createHash('sha256').update(`immut-sandbox|${accountId}|${region}`).digest('hex'));
}

const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]+$/;

export function aliasArn(region: string, accountId: string, name: string): string {
  return `arn:aws:kms:${region}:${accountId}:${name}`;
}

export function createAlias(
  state: KmsState,
  req: SandboxRequest,
  ctx: ServiceContext,
  key: Key,
): Record<string, unknown> {
  const name = requiredString(req.params, 'AliasName');
  if (!ALIAS_NAME.test(name) || name.length > 256)
    throw validation(
      `1 validation error detected: Value '${name.slice(0, 256)}' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^alias/[a-zA-Z0-9/_-]+$`,
    );
  if (name.startsWith('alias/aws/'))
    throw new AwsError(
      'NotAuthorizedException',
      `Alias names that begin with alias/aws/ are reserved for AWS managed keys: ${name}`,
    );
  const arn = aliasArn(req.region, ctx.accountId, name);
  if (state.aliases.some((a) => a.aliasName === name && a.region === req.region))
    throw new AwsError('AlreadyExistsException', `An alias with the name ${arn} already exists`);
  state.aliases.push({
    aliasName: name,
    aliasArn: arn,
    region: req.region,
    targetKeyId: key.keyId,
    creationDate: ctx.clock.now(),
  });
  return {};
}

export function deleteAlias(
  state: KmsState,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const name = requiredString(req.params, 'AliasName');
  const i = state.aliases.findIndex((a) => a.aliasName === name && a.region === req.region);
  if (i === -1)
    throw new AwsError(
      'NotFoundException',
      `Alias ${aliasArn(req.region, ctx.accountId, name)} is not found.`,
    );
  state.aliases.splice(i, 1);
  return {};
}

const renderAlias = (a: Alias): Record<string, unknown> => ({
  AliasName: a.aliasName,
  AliasArn: a.aliasArn,
  TargetKeyId: a.targetKeyId,
  CreationDate: new Date(a.creationDate),
  LastUpdatedDate: new Date(a.creationDate),
});

/** Limit and Marker, as KMS's list operations take them. */
export function listPage<T>(items: T[], p: Params, max: number): { items: T[]; next?: string } {
  const limit = p['Limit'];
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit)))
    throw validation(`Limit must be an integer, got ${String(limit).slice(0, 32)}`);
  return page(
    items,
    { size: (limit as number | undefined) ?? Math.min(50, max), token: str(p['Marker']) },
    {
      min: 1,
      max,
      badSize: (n) =>
        validation(
          `1 validation error detected: Value '${n}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${max}`,
        ),
      badToken: () => new AwsError('InvalidMarkerException', 'The marker is invalid'),
    },
  );
}

export function listAliases(
  state: KmsState,
  req: SandboxRequest,
  keyId: string | undefined,
): Record<string, unknown> {
  const aliases = state.aliases
    .filter((a) => a.region === req.region && (keyId === undefined || a.targetKeyId === keyId))
    .sort((a, b) => (a.aliasName < b.aliasName ? -1 : 1));
  const { items, next } = listPage(aliases, req.params, 100);
  return {
    Aliases: items.map(renderAlias),
    Truncated: next !== undefined,
    ...(next ? { NextMarker: next } : {}),
  };
}

export function listKeys(state: KmsState, req: SandboxRequest): Record<string, unknown> {
  const keys = Object.values(state.keys)
    .filter((k) => k.region === req.region)
    .sort((a, b) => a.creationDate - b.creationDate || (a.keyId < b.keyId ? -1 : 1));
  const { items, next } = listPage(keys, req.params, 1000);
  return {
    Keys: items.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })),
    Truncated: next !== undefined,
    ...(next ? { NextMarker: next } : {}),
  };
}

/** GetKeyPolicy / PutKeyPolicy: a key has one policy, named `default`. */
export function policyName(p: Params): string {
  const name = str(p['PolicyName']) ?? 'default';
  if (name !== 'default')
    throw new AwsError(
      'NotFoundException',
      `Policy ${name.slice(0, 128)} does not exist: a key has one policy, named default`,
    );
  return name;
}
