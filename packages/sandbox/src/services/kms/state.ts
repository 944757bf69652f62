// KMS's state (per account; keys, aliases and grants carry their region) and the lookups the
// handlers share. The sandbox keeps no key material: a key is its metadata, its key policy
// and its grants, which is what decides who may use it (AWS KMS developer guide, "Key
// policies", "Grants in AWS KMS").
import { AwsError } from '../../service.js';

export interface Key {
  keyId: string;
  arn: string;
  region: string;
  accountId: string;
  description: string;
  keyUsage: string;
  keySpec: string;
  creationDate: number;
  /** The key policy (its one policy, named `default`), as the JSON text it was given. */
  policy: string;
  tags: Array<{ TagKey: string; TagValue: string }>;
}

export interface Alias {
  aliasName: string;
  aliasArn: string;
  region: string;
  targetKeyId: string;
  creationDate: number;
}

export interface Grant {
  grantId: string;
  keyId: string;
  region: string;
  name?: string;
  granteePrincipal: string;
  retiringPrincipal?: string;
  operations: string[];
  /** The account that created it (IssuingAccount: its root ARN). */
  issuingAccount: string;
  creationDate: number;
}

export interface KmsState {
  keys: Record<string, Key>;
  aliases: Alias[];
  grants: Record<string, Grant>;
}

export const emptyState = (): KmsState => ({ keys: {}, aliases: [], grants: {} });

/** The policy CreateKey gives a key without one: the account (its root) may do everything,
 *  which hands the key to IAM ("Default key policy" in the KMS developer guide). */
export function defaultKeyPolicy(accountId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  });
}

/** A key reference split: KMS accepts a key id, a key ARN, an alias name or an alias ARN. */
export interface KeyRef {
  raw: string;
  /** The account the reference names (an ARN's), else undefined (the caller's). */
  accountId?: string;
  /** The region an ARN names, else undefined (the request's). */
  region?: string;
  kind: 'key' | 'alias';
  /** The key id or the alias name (`alias/…`). */
  name: string;
}

const ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):(key\/.+|alias\/.+)$/;

export function parseKeyRef(raw: string): KeyRef {
  const m = ARN.exec(raw);
  if (m) {
    const resource = m[3]!;
    return resource.startsWith('key/')
      ? { raw, accountId: m[2]!, region: m[1]!, kind: 'key', name: resource.slice(4) }
      : { raw, accountId: m[2]!, region: m[1]!, kind: 'alias', name: resource };
  }
  if (raw.startsWith('arn:')) throw invalidArn(raw);
  return raw.startsWith('alias/') ? { raw, kind: 'alias', name: raw } : { raw, kind: 'key', name: raw };
}

const invalidArn = (raw: string): AwsError =>
  new AwsError('InvalidArnException', `ARN ${raw.slice(0, 256)} is not a valid KMS key or alias ARN`);

export const notFound = (raw: string): AwsError =>
  new AwsError('NotFoundException', `Key '${raw.slice(0, 256)}' does not exist`);

/** The key a reference names in this state (its account, `region`), or undefined. */
export function resolveKey(state: KmsState, ref: KeyRef, region: string): Key | undefined {
  const inRegion = ref.region ?? region;
  if (ref.kind === 'alias') {
    const alias = state.aliases.find((a) => a.aliasName === ref.name && a.region === inRegion);
    return alias ? state.keys[alias.targetKeyId] : undefined;
  }
  const key = state.keys[ref.name];
  return key && key.region === inRegion ? key : undefined;
}

/** The key, or KMS's NotFoundException. */
export function findKey(state: KmsState, raw: string, region: string): Key {
  const key = resolveKey(state, parseKeyRef(raw), region);
  if (!key) throw notFound(raw);
  return key;
}

export const uuidOf = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
