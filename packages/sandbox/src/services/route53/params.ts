// Route 53's numeric parameters. Its integers stay private rather than using common's
// `integer`: that one refuses digit strings beyond a safe integer, while Route 53 reads any
// digit string and lets the field's range check word the error (e.g. an oversized TTL).
import { AwsError } from '../../service.js';
import { str } from '../common/params.js';

export function intParam(v: unknown, field: string): number | undefined {
  const s = str(v);
  if (s === undefined || s === '') return undefined;
  if (!/^-?\d+$/.test(s))
    throw new AwsError('InvalidInput', `Invalid value for ${field}: '${s}' is not an integer`, 400);
  return Number(s);
}

/** A list operation's `maxitems`, capped at the operation's `max`. */
export function maxItems(v: unknown, max: number): number {
  const n = intParam(v, 'maxitems');
  if (n === undefined) return max;
  if (n < 1)
    throw new AwsError(
      'InvalidInput',
      `1 validation error detected: Value '${n}' at 'maxItems' failed to satisfy constraint: Member must be positive`,
      400,
    );
  return Math.min(n, max);
}
