// Whether an account may use a KMS key for EBS (EC2 asks: launching an encrypted image,
// copying one, encrypting a copy). A key the sandbox's KMS knows is decided by its policy and
// grants (access.ts). A key it does not know is taken for one of the caller's own keys when
// it names the caller's account (so a sandbox used before KMS existed, where any key name
// went, answers as before), and refused when it names another account. An encrypted device
// without a key uses its owner's AWS managed key for EBS, which no other account may use
// ("You can't share an AMI that has volumes encrypted with an AWS managed key", EC2 user
// guide, "Share AMIs with encrypted volumes").
import type { ServiceContext } from '../../service.js';
import { EBS_KEY_ACTIONS } from './access.js';
import { callerOf, kmsOf } from './index.js';
import { parseKeyRef } from './state.js';

export interface KeyUse {
  usable: boolean;
  /** The key's ARN when KMS knows the key (what DescribeImages shows as KmsKeyId). */
  arn?: string;
}

/**
 * @param keyId the key as stored or named (id, ARN, alias, alias ARN); undefined: the AWS
 *   managed key of `keyAccount`.
 * @param keyAccount the account a key named without an ARN belongs to (the image owner's for
 *   a device, the caller's for a KmsKeyId parameter).
 */
export function ebsKeyUse(
  ctx: ServiceContext,
  keyId: string | undefined,
  region: string,
  keyAccount: string = ctx.accountId,
): KeyUse {
  if (keyId === undefined) return { usable: keyAccount === ctx.accountId };
  let ref;
  try {
    ref = parseKeyRef(keyId);
  } catch {
    return { usable: false };
  }
  const owner = ref.accountId ?? keyAccount;
  const withOwner = { ...ref, accountId: owner };
  const kms = kmsOf(ctx, withOwner);
  const key = kms?.access.resolve(withOwner, region);
  if (!kms || !key) return { usable: owner === ctx.accountId };
  const who = callerOf(ctx);
  return { usable: EBS_KEY_ACTIONS.every((a) => kms.access.allows(key, who, a)), arn: key.arn };
}
