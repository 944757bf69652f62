// Reading RDS request parameters with the shared helpers (../common/), worded with RDS's
// own error codes and messages.
import { AwsError, listParam } from '../../service.js';
import { applyFilters, type Filter, type Filterable } from '../common/filters.js';
import { page, type PageRules } from '../common/paging.js';
import { boolean, integer, str, strings, type Params } from '../common/params.js';
import { mergeTagList, tagList, type Tag, type TagRules } from '../common/tags.js';
import { invalid } from './errors.js';

/** An integer parameter (undefined when absent or empty). */
export const int = (p: Params, name: string): number | undefined =>
  integer(p[name], (text) => invalid(`Invalid value ${text} for parameter ${name}: must be an integer.`));

/** A boolean parameter (undefined when absent or empty). */
export const bool = (p: Params, name: string): boolean | undefined =>
  boolean(p[name], (text) => invalid(`Invalid value ${text} for parameter ${name}: must be true or false.`));

const SNAPSHOT_TYPES = ['automated', 'manual', 'shared', 'public', 'awsbackup'];

/** DescribeDBSnapshots' and DescribeDBClusterSnapshots' SnapshotType (undefined when absent). */
export function snapshotTypeParam(p: Params): string | undefined {
  const type = str(p['SnapshotType']);
  if (type !== undefined && !SNAPSHOT_TYPES.includes(type)) throw invalid(`Invalid snapshot type: ${type}`);
  return type;
}

/** The identifier filters take identifiers in any case, or ARNs as they are. */
export const lowerUnlessArn = (v: string): string => (v.includes(':') ? v : v.toLowerCase());

// ---- tags ------------------------------------------------------------------------------

/** Tags: at most 50 per resource; keys 1–128 Unicode characters, values up to 256; keys
 *  may not start with `aws:` or `rds:` (RDS user guide, "Tagging Amazon RDS resources"). */
const TAG_RULES: TagRules = {
  maxKeyLength: 128,
  maxValueLength: 256,
  maxTags: 50,
  reservedPrefixes: ['aws:', 'rds:'],
  // checkTags words the broken rule as "key …", "value …" or "keys starting with …".
  invalid: (problem, tag) =>
    invalid(
      problem.startsWith('key ')
        ? `Tag key must be between 1 and 128 characters: ${tag.Key}`
        : problem.startsWith('value ')
          ? `Tag value must be at most 256 characters (key ${tag.Key}).`
          : `Tag keys can't start with aws: or rds: (${tag.Key}).`,
    ),
  tooMany: () => new AwsError('TagQuotaPerResourceExceeded', 'A resource can have at most 50 tags.', 400),
};

/** The request's `Tags` list, unchecked. */
export const tagsParam = (p: Params): Tag[] => tagList(p['Tags'], 'Tag');

/** `existing` with `added` merged in and checked; RDS keeps tags in the order they came. */
export const withTags = (existing: Tag[], added: Tag[]): Tag[] => mergeTagList(existing, added, TAG_RULES);

// ---- filters ---------------------------------------------------------------------------

function filtersParam(p: Params): Filter[] {
  return listParam(p['Filters'], 'Filter').map((f) => {
    const o = (f ?? {}) as Params;
    return { name: str(o['Name']) ?? '', values: strings(o['Values'], 'Value') };
  });
}

/** RDS filters a resource kind supports, matched exactly; `normalize` rewrites a filter's
 *  values first (e.g. an ARN or mixed-case identifier into the stored identifier). */
export interface RdsFilterable<T> {
  fields: (item: T, name: string) => string[] | undefined;
  names: readonly string[];
  normalize?: Record<string, (value: string) => string>;
}

/** The items the request's `Filters` match. */
export function filterBy<T>(items: T[], p: Params, kind: RdsFilterable<T>): T[] {
  const filters = filtersParam(p).map((f) => {
    const n = kind.normalize?.[f.name];
    return n ? { name: f.name, values: f.values.map(n) } : f;
  });
  const unknown = (name: string) => invalid(`Unrecognized filter name: ${name}`);
  // RDS has no tag:/tag-key/tag-value filters, which applyFilters would accept.
  const bad = filters.find((f) => !kind.names.includes(f.name));
  if (bad) throw unknown(bad.name);
  const filterable: Filterable<T> = {
    fields: kind.fields,
    names: kind.names,
    tags: () => ({}),
    unknown,
    exact: true,
  };
  return applyFilters(items, filters, filterable);
}

// ---- paging ----------------------------------------------------------------------------

const PAGE_RULES: PageRules = {
  defaultSize: 100,
  min: 20,
  max: 100,
  badSize: (size) => invalid(`Invalid value ${size} for MaxRecords. Must be between 20 and 100`),
  badToken: (marker) => invalid(`Invalid marker: ${marker}`),
};

/** The page `MaxRecords`/`Marker` ask for, with the `Marker` of the next one if any. */
export function pageOf<T>(items: T[], p: Params): { page: T[]; marker?: string } {
  const size = int(p, 'MaxRecords') ?? PAGE_RULES.defaultSize!;
  // MaxRecords is checked before the marker, as RDS does.
  if (size < PAGE_RULES.min || size > PAGE_RULES.max) throw PAGE_RULES.badSize(size);
  const result = page(items, { size, token: str(p['Marker']) }, PAGE_RULES);
  return { page: result.items, marker: result.next };
}

/** A manual snapshot's tags: the request's, else the source's when it copies tags to
 *  snapshots (CreateDBSnapshot, CreateDBClusterSnapshot). */
export function snapshotTags(p: Params, source: { copyTagsToSnapshot: boolean; tags: Tag[] }): Tag[] {
  const given = withTags([], tagsParam(p));
  return given.length === 0 && source.copyTagsToSnapshot ? [...source.tags] : given;
}
