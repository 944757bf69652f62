// The replica's one-time master password. A restored instance keeps its source's master
// credentials, and immut must never need (or hold) production's password. So once the replica
// is available, immut gives it a password of its own, generated here for this run only, runs
// the change log with it, and then hands the replica's password over to Secrets Manager
// (replica.ts, rotateMasterPassword), which replaces it. Nobody ever learns it, and it is
// gone when the run ends.
import { randomBytes } from 'node:crypto';
import type { DBInstance } from '@aws-sdk/client-rds';
import { AWS_WAITS } from '@immut/core/wait';
import { instanceTarget, type PasswordTarget, type WaitContext } from './replica.js';

/** 24 random bytes make 32 URL-safe base64 characters: A–Z, a–z, 0–9, `-` and `_`. */
const PASSWORD_BYTES = 24;

/**
 * Whether every engine's rules accept `password`: 8–128 printable ASCII characters without
 * `/`, `@`, `"`, `'` or space (the RDS MasterUserPassword rules), plus an upper-case letter,
 * a lower-case letter and a digit (SQL Server's complexity policy needs three classes).
 */
export function acceptablePassword(password: string): boolean {
  return (
    password.length >= 8 &&
    password.length <= 128 &&
    /^[\x21-\x7e]+$/.test(password) &&
    !/[/@"' ]/.test(password) &&
    /[A-Z]/.test(password) &&
    /[a-z]/.test(password) &&
    /[0-9]/.test(password)
  );
}

/**
 * A fresh random password (192 bits). Its characters need no escaping in a URL, a shell or
 * a connection string, so it has one form to mask.
 */
export function generatePassword(random: (size: number) => Buffer = randomBytes): string {
  // About 1 draw in 200 has no digit (or, far more rarely, no letter of a case): draw again.
  for (;;) {
    const password = random(PASSWORD_BYTES).toString('base64url');
    if (acceptablePassword(password)) return password;
  }
}

/**
 * Sets `password` as the replica's master password (the source guard on the client refuses
 * the source) and waits until RDS has applied it. From the request until the change is in
 * effect, RDS reports a masked `PendingModifiedValues.MasterUserPassword`, while the status
 * may still read `available` for a moment before `resetting-master-credentials`; so the wait
 * is for the pending value to clear, not just for `available`.
 */
export async function setOneTimePassword(
  ctx: WaitContext,
  replica: DBInstance,
  password: string,
): Promise<DBInstance> {
  return applyOneTimePassword(ctx, instanceTarget(ctx, replica.DBInstanceIdentifier ?? ''), password);
}

/** setOneTimePassword for any replica, instance or cluster (the same pending value). */
export async function applyOneTimePassword<
  T extends { PendingModifiedValues?: { MasterUserPassword?: string } },
>(ctx: WaitContext, target: PasswordTarget<T>, password: string): Promise<T> {
  ctx.log(
    `Setting a one-time master password on ${target.id} (generated for this run, masked, never stored).`,
  );
  await target.modify({ MasterUserPassword: password });
  return target.waitAvailable({
    what: `${target.label} to apply its one-time master password`,
    settled: (resource) => resource.PendingModifiedValues?.MasterUserPassword === undefined,
    expected: AWS_WAITS.rdsModify,
  });
}
