// Reading Auto Scaling (awsQuery) parameters, worded as the service words its errors: a
// constraint the model declares fails with "1 validation error detected: Value … at '…'
// failed to satisfy constraint: …" (ValidationError, 400), as AWS's query services answer.
import { applyFilters, type Filter } from '../common/filters.js';
import { page } from '../common/paging.js';
import { boolean, integer, objects, str, strings, type Params } from '../common/params.js';
import { AwsError } from '../../service.js';
import { validation, type GroupTag } from './state.js';

/** The model's member name as AWS quotes it (`autoScalingGroupName`). */
const member = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

const cut = (s: string): string => (s.length > 64 ? `${s.slice(0, 64)}…` : s);

export const constraint = (name: string, value: string | undefined, rule: string): AwsError =>
  validation(
    `1 validation error detected: Value ${value === undefined ? 'null' : `'${cut(value)}'`} at '${member(name)}' failed to satisfy constraint: ${rule}`,
  );

/** A required string of 1..max characters. */
export function requiredName(p: Params, name: string, max = 255): string {
  const v = str(p[name]);
  if (v === undefined || v === '') throw constraint(name, undefined, 'Member must not be null');
  if ([...v].length > max) throw constraint(name, v, `Member must have length less than or equal to ${max}`);
  // XmlStringMaxLen255 allows no control characters but tab, CR and LF.
  const control = [...v].some((ch) => {
    const code = ch.codePointAt(0)!;
    return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  });
  if (control)
    throw constraint(
      name,
      v,
      'Member must satisfy regular expression pattern: [\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*',
    );
  return v;
}

/** An optional integer within [min, max]. */
export function intParam(
  p: Params,
  name: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const n = integer(p[name], (text) => constraint(name, text, 'Member must be an integer'));
  if (n === undefined) return undefined;
  if (n < min) throw constraint(name, String(n), `Member must have value greater than or equal to ${min}`);
  if (n > max) throw constraint(name, String(n), `Member must have value less than or equal to ${max}`);
  return n;
}

export function boolParam(p: Params, name: string): boolean | undefined {
  return boolean(p[name], (text) => constraint(name, text, 'Member must be a boolean'));
}

/** `Tags.member.N` with Key, Value, PropagateAtLaunch (ResourceId/ResourceType checked by
 *  the tagging operations). Keys 1–128 characters, values ≤ 256, no `aws:` prefix (Auto
 *  Scaling API reference, Tag); at most 50 per group (Auto Scaling quotas). */
export function groupTags(p: Params): Array<GroupTag & { resourceId?: string; resourceType?: string }> {
  return objects(p.Tags, 'member').map((t) => {
    const key = str(t.Key);
    if (key === undefined || key === '')
      throw constraint('Tags.member.key', undefined, 'Member must not be null');
    if ([...key].length > 128)
      throw constraint('Tags.member.key', key, 'Member must have length less than or equal to 128');
    const value = str(t.Value) ?? '';
    if ([...value].length > 256)
      throw constraint('Tags.member.value', value, 'Member must have length less than or equal to 256');
    if (key.toLowerCase().startsWith('aws:'))
      throw validation(`Tag keys starting with 'aws:' are reserved for internal use: ${cut(key)}`);
    const resourceId = str(t.ResourceId);
    const resourceType = str(t.ResourceType);
    return {
      key,
      value,
      propagateAtLaunch: boolean(t.PropagateAtLaunch) === true,
      ...(resourceId !== undefined ? { resourceId } : {}),
      ...(resourceType !== undefined ? { resourceType } : {}),
    };
  });
}

export const MAX_TAGS = 50;

/** `Filters.member.N.Name` / `.Values.member.M`; exact matching, as Auto Scaling does. */
export function filterItems<T>(
  items: T[],
  p: Params,
  names: readonly string[],
  fields: (item: T, name: string) => string[] | undefined,
  tags: (item: T) => Record<string, string>,
): T[] {
  const filters: Filter[] = objects(p.Filters, 'member').map((f) => ({
    name: str(f.Name) ?? '',
    values: strings(f.Values, 'member'),
  }));
  return applyFilters(items, filters, {
    names,
    fields,
    tags,
    exact: true,
    unknown: (name) =>
      validation(`Filter type ${cut(name)} is not correct. Allowed Filter types are: ${names.join(' ')}`),
  });
}

/** One page by `MaxRecords` (1..max, default `size`) and `NextToken`. */
export function pageOf<T>(
  items: T[],
  p: Params,
  defaultSize: number,
  max: number,
): { items: T[]; next?: string } {
  return page(
    items,
    { size: intParam(p, 'MaxRecords'), token: str(p.NextToken) },
    {
      defaultSize,
      min: 1,
      max,
      badSize: (n) => validation(`MaxRecords must be between 1 and ${max}, but was ${n}`),
      badToken: () => new AwsError('InvalidNextToken', 'The token you provided is not valid.', 400),
    },
  );
}
