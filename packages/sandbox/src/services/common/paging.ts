// Paging over a sorted list by offset, with an opaque token, for every service that pages
// with NextToken/Marker. Services choose their page-size bounds and word their errors;
// the token format is the sandbox's own (AWS's tokens are opaque too), so callers only
// ever hand back what a previous page gave them.
import type { AwsError } from '../../service.js';

export interface PageRequest {
  /** The size the caller asked for, undefined for the service's default. */
  size: number | undefined;
  /** The token from the previous page, if any. */
  token: string | undefined;
}

export interface PageRules {
  /** Page size when the request gives none; undefined means "everything that is left". */
  defaultSize?: number;
  min: number;
  max: number;
  /** Error for a size outside [min, max]. */
  badSize: (size: number) => AwsError;
  /** Error for a token that this sandbox did not issue. */
  badToken: (token: string) => AwsError;
}

export interface Page<T> {
  items: T[];
  /** Token for the next page; undefined on the last page. */
  next?: string;
}

const PREFIX = 'o:';

export function encodeOffset(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** The offset a token stands for, or undefined when the token is not one of ours. */
export function decodeOffset(token: string): number | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return undefined;
  const n = Number(text.slice(PREFIX.length));
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** One page of `items` for the request, under the service's rules. */
export function page<T>(items: T[], request: PageRequest, rules: PageRules): Page<T> {
  let offset = 0;
  if (request.token !== undefined && request.token !== '') {
    const decoded = decodeOffset(request.token);
    if (decoded === undefined) throw rules.badToken(request.token);
    offset = decoded;
  }
  const size = request.size ?? rules.defaultSize;
  if (size === undefined) return { items: items.slice(offset) };
  if (size < rules.min || size > rules.max) throw rules.badSize(size);
  const end = offset + size;
  return end < items.length
    ? { items: items.slice(offset, end), next: encodeOffset(end) }
    : { items: items.slice(offset) };
}
