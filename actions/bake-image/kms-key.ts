// The KMS key of an encrypted bake, in the four forms EC2's CopyImage takes (key id, alias,
// key ARN, alias ARN), and what it means in each region the image goes to. A KMS key lives
// in one region and CopyImage needs a key of the *destination* region, so copies to other
// regions use the same alias there, or the replica of a multi-region key (same key id); a
// single-region key cannot reach them.
import { z } from 'zod';
import { spec, type InputSpec } from '@immut/core/inputs';

export interface KmsKey {
  /** As the user gave it. */
  raw: string;
  form: 'key-id' | 'alias' | 'key-arn' | 'alias-arn';
  /** The region named in an ARN. */
  region: string | undefined;
  /** A multi-region key (`mrk-…`): its replicas share the key id in every region. */
  multiRegion: boolean;
}

const KEY_ID = '(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';
// KMS alias names: letters, digits, '/', '_' and '-', at most 256 characters with 'alias/'.
const ALIAS = 'alias/[A-Za-z0-9/_-]{1,250}';
const ARN_PREFIX = 'arn:aws(?:-[a-z]+)*:kms:([a-z]{2}(?:-[a-z]+)+-\\d{1,2}):(\\d{12}):';

const FORMS: ReadonlyArray<[KmsKey['form'], RegExp]> = [
  ['key-id', new RegExp(`^${KEY_ID}$`)],
  ['alias', new RegExp(`^${ALIAS}$`)],
  ['key-arn', new RegExp(`^${ARN_PREFIX}key/${KEY_ID}$`)],
  ['alias-arn', new RegExp(`^${ARN_PREFIX}${ALIAS}$`)],
];

export const KMS_KEY_EXPECTED =
  'a KMS key id (1234abcd-12ab-34cd-56ef-1234567890ab or mrk-…), alias (alias/<name>), key ARN (arn:aws:kms:<region>:<account>:key/<id>) or alias ARN (arn:aws:kms:<region>:<account>:alias/<name>)';

export function parseKmsKey(raw: string): KmsKey | undefined {
  for (const [form, pattern] of FORMS) {
    const m = pattern.exec(raw);
    if (!m) continue;
    return { raw, form, region: m[1], multiRegion: /(?:^|\/)mrk-/.test(raw) };
  }
  return undefined;
}

/** The `kms-key-id` input kind. */
export function kmsKeyInput(): InputSpec<KmsKey> {
  return spec(
    KMS_KEY_EXPECTED,
    z.string().transform((raw, ctx) => {
      const key = parseKmsKey(raw);
      if (!key) {
        ctx.addIssue({ code: 'custom', message: 'not a KMS key id, alias or ARN' });
        return z.NEVER;
      }
      return key;
    }),
  );
}

/**
 * Why this key cannot encrypt the bake made in `home` and copied to `copies`, or undefined
 * when it can (the message completes "Input 'kms-key-id' was '…': ").
 */
export function kmsKeyProblem(key: KmsKey, home: string, copies: readonly string[]): string | undefined {
  if (key.region !== undefined && key.region !== home) {
    return `the key is in ${key.region}, but the image is made in ${home}, and a KMS key encrypts only in its own region; expected a key or alias of ${home}`;
  }
  const reachesOtherRegions = key.form === 'alias' || key.form === 'alias-arn' || key.multiRegion;
  if (copies.length > 0 && !reachesOtherRegions) {
    return `a single-region key exists only in ${home}, so it cannot encrypt the copies in ${copies.join(', ')}; expected an alias (alias/<name>, created in every region) or a multi-region key (mrk-…) with replicas there`;
  }
  return undefined;
}

/** The identifier that names this key's counterpart in `region`: the same alias, or the
 *  replica of a multi-region key. ARNs get the region swapped; ids and aliases resolve
 *  in the region of the call. */
export function kmsKeyIn(key: KmsKey, region: string): string {
  if (key.region === undefined) return key.raw;
  return key.raw.replace(/^(arn:aws(?:-[a-z]+)*:kms:)[^:]+:/, `$1${region}:`);
}
