// ClientToken idempotency (RunInstances, CopyImage): a token given again with the same
// arguments answers the first call's result; with other arguments it is
// IdempotentParameterMismatch. Tokens are per region (`region|token`).
import { AwsError } from '../../service.js';
import type { Params } from '../common/params.js';

export const tokenKey = (region: string, token: string): string => `${region}|${token}`;

/** The request's arguments, canonically ordered, without the token and DryRun. */
export function fingerprint(params: Params): string {
  const { ClientToken: _t, DryRun: _d, ...rest } = params;
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Params)[k])]),
          )
        : v;
  return JSON.stringify(canonical(rest));
}

/** The entry an earlier call with `token` left, if any; throws when the arguments differ. */
export function replayed<E extends { fingerprint: string }>(
  entries: Record<string, E>,
  region: string,
  token: string,
  params: Params,
): E | undefined {
  const previous = entries[tokenKey(region, token)];
  if (previous && previous.fingerprint !== fingerprint(params)) {
    throw new AwsError(
      'IdempotentParameterMismatch',
      'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
    );
  }
  return previous;
}
