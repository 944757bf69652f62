// Reading decoded request parameters, the same way for every service. The wire decoders
// (../../protocols/) hand services strings, nested objects and lists; these helpers turn
// them into typed values. Each service words its own errors (AWS's codes and messages
// differ per service), so every check that can fail takes the error to throw.
import { AwsError, listParam } from '../../service.js';

export type Params = Record<string, unknown>;

/** A scalar parameter as text (numbers and booleans from JSON bodies included); objects,
 *  lists and absent values are undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A required, non-empty scalar; `missing` is the service's error for an absent one. */
export function required(params: Params, name: string, missing: (name: string) => AwsError): string {
  const v = str(params[name]);
  if (v === undefined || v === '') throw missing(name);
  return v;
}

/** AWS's usual "MissingParameter" error (EC2, RDS). */
export const missingParameter = (name: string): AwsError =>
  new AwsError('MissingParameter', `The request must contain the parameter ${name}`, 400);

/** An integer parameter; empty or absent is undefined; anything else but a safe integer
 *  throws `invalid(text)`. */
export function integer(value: unknown, invalid: (text: string) => AwsError): number | undefined {
  const s = str(value);
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  if (!/^-?\d+$/.test(s) || !Number.isSafeInteger(n)) throw invalid(s);
  return n;
}

/** A boolean parameter: `true`/`false` (any case); empty or absent is undefined; other text
 *  throws `invalid(text)` when given, else reads as false. */
export function boolean(value: unknown, invalid?: (text: string) => AwsError): boolean | undefined {
  if (value === true || value === false) return value;
  const s = str(value);
  if (s === undefined || s === '') return undefined;
  const lower = s.toLowerCase();
  if (lower === 'true') return true;
  if (lower !== 'false' && invalid) throw invalid(s);
  return false;
}

/** A list of strings in any decoded shape (see listParam); empty strings dropped. */
export function strings(value: unknown, member?: string): string[] {
  return listParam(value, member)
    .map((x) => str(x) ?? '')
    .filter((x) => x !== '');
}

/** A list of structures in any decoded shape; non-objects dropped. */
export function objects(value: unknown, member?: string): Params[] {
  return listParam(value, member).filter((x): x is Params => !!x && typeof x === 'object');
}

/** ISO-8601 timestamp of sandbox time in ms, as every service renders dates. */
export const iso = (ms: number): string => new Date(ms).toISOString();
