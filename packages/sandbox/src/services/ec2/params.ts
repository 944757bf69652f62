// Reading EC2 request parameters with the shared helpers (../common/), worded with EC2's
// own error codes and messages.
import { AwsError, listParam } from '../../service.js';
import { applyFilters, type Filter, type Filterable } from '../common/filters.js';
import { page } from '../common/paging.js';
import { boolean, integer, str, type Params } from '../common/params.js';
import { checkTags, tagList, toList, type Tag, type TagMap, type TagRules } from '../common/tags.js';

const invalidValue = (message: string): AwsError => new AwsError('InvalidParameterValue', message);

/** A list of strings as decoded (empty strings kept: an empty id is still checked). */
export const strList = (v: unknown): string[] =>
  listParam(v).filter((x): x is string => typeof x === 'string');

/** A boolean flag: true only for `true`. */
export const flag = (v: unknown): boolean => boolean(v) === true;

/** An integer parameter; absent is undefined, anything else but an integer (empty text
 *  included) is InvalidParameterValue naming `wire`. */
export function int(params: Params, name: string, wire: string): number | undefined {
  const v = params[name];
  const invalid = (text: string): AwsError => invalidValue(`Invalid value '${text}' for ${wire}`);
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw invalid(String(v));
  return integer(v, invalid);
}

// ---- filters and paging ----------------------------------------------------------------

/** `Filter.N.Name` / `Filter.N.Value.M`. */
export function filtersOf(params: Params): Filter[] {
  return listParam(params.Filter).map((f) => {
    const obj = (f ?? {}) as Params;
    const name = str(obj.Name);
    if (!name) throw invalidValue('The filter name must be specified');
    return { name, values: strList(obj.Value) };
  });
}

/** A kind's filters as a table: filter name → the item's values for it. */
export type FilterTable<T> = Record<string, (item: T) => string[]>;

/** The items matching the request's filters (unknown names are InvalidParameterValue). */
export function filtered<T>(
  items: T[],
  params: Params,
  table: FilterTable<T>,
  tags: (item: T) => TagMap,
): T[] {
  const kind: Filterable<T> = {
    names: Object.keys(table),
    fields: (item, name) => table[name]?.(item),
    tags,
    unknown: (name) => invalidValue(`The filter '${name}' is invalid`),
  };
  return applyFilters(items, filtersOf(params), kind);
}

/** One page per `MaxResults` (between `min` and `max`) and `NextToken`. */
export function paginate<T>(
  items: T[],
  params: Params,
  min: number,
  max: number,
): { page: T[]; nextToken?: string | undefined } {
  const size = int(params, 'MaxResults', 'MaxResults');
  const result = page(
    items,
    { size, token: str(params.NextToken) },
    {
      min,
      max,
      badSize: (n) =>
        invalidValue(
          `Value ( ${n} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`,
        ),
      badToken: () =>
        new AwsError('InvalidPaginationToken', `The specified pagination token is not valid or is expired.`),
    },
  );
  return { page: result.items, nextToken: result.next };
}

// ---- tags ------------------------------------------------------------------------------

/** EC2's message for the rule a tag breaks (checked in checkTags' order). */
function tagError(_problem: string, tag: Tag): AwsError {
  if (tag.Key === '') return invalidValue('Tag key cannot be empty');
  if ([...tag.Key].length > 127) return invalidValue(`Tag key exceeds the maximum length of 127 characters`);
  if ([...tag.Value].length > 256)
    return invalidValue(`Tag value exceeds the maximum length of 256 characters`);
  return invalidValue(
    `Value ( ${tag.Key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use`,
  );
}

/** EC2's Tag shape: key 1–127 characters, value ≤ 256, no `aws:` prefix, 50 per resource. */
export const TAG_RULES: TagRules = {
  maxKeyLength: 127,
  maxValueLength: 256,
  maxTags: 50,
  reservedPrefixes: ['aws:'],
  invalid: tagError,
  tooMany: () =>
    new AwsError('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.'),
};

/** `Tag.N.Key` / `Tag.N.Value`; a tag without a key is rejected outright. */
export function tagsParam(v: unknown): Tag[] {
  if (listParam(v).some((t) => str(((t ?? {}) as Params).Key) === undefined))
    throw invalidValue('Tag key must be specified');
  return tagList(v);
}

/** Tags as EC2 renders them (`tagSet` items). */
export const tagSet = (tags: TagMap | undefined): Array<{ key: string; value: string }> =>
  toList(tags).map(({ Key, Value }) => ({ key: Key, value: Value }));

/** `TagSpecification.N` by resource type, each checked; types outside `allowed` fail. */
export function tagSpecifications(params: Params, allowed: string[]): Record<string, Tag[]> {
  const out: Record<string, Tag[]> = {};
  for (const spec of listParam(params.TagSpecification)) {
    const o = (spec ?? {}) as Params;
    const type = str(o.ResourceType);
    if (!type || !allowed.includes(type)) {
      throw invalidValue(`'${type ?? ''}' is not a valid taggable resource type for this operation.`);
    }
    const tags = tagsParam(o.Tag);
    checkTags(tags, TAG_RULES);
    if (tags.length > TAG_RULES.maxTags) throw TAG_RULES.tooMany();
    (out[type] ??= []).push(...tags);
  }
  return out;
}

// ---- formats ---------------------------------------------------------------------------

const idPattern = (prefix: string): RegExp => new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);

export function checkIdFormat(id: string, prefix: string, malformedCode: string, what: string): void {
  if (!idPattern(prefix).test(id))
    throw new AwsError(
      malformedCode,
      `Invalid id: "${id}" (expecting "${prefix}-...")${what ? ` for ${what}` : ''}`,
    );
}

/** AMI names: 3–128 characters from letters, numbers, ( ) [ ] . / - ' @ _ and space. */
const AMI_NAME = /^[A-Za-z0-9()[\]./\-'@_ ]{3,128}$/;

export function validateAmiName(name: string): void {
  if (!AMI_NAME.test(name)) {
    throw new AwsError(
      'InvalidAMIName.Malformed',
      `AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'`,
    );
  }
}

export function isBase64(s: string): boolean {
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}
