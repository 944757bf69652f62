// Describe* filters (`Filter.N.Name` / `Filter.N.Value.M`) with AWS's matching rules: a
// resource matches when, for every filter, one of its values matches one of the filter's
// values. `tag:<key>`, `tag-key` and `tag-value` work the same for every taggable resource.
import type { AwsError } from '../../service.js';
import type { TagMap } from './tags.js';

export interface Filter {
  name: string;
  values: string[];
}

/** Filter values: case-sensitive, `*` any run, `?` one character, `\` escapes. */
export function wildcardMatch(pattern: string, value: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += escapeRegExp(pattern[++i]!);
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += escapeRegExp(c);
  }
  return new RegExp(re + '$', 's').test(value);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How a resource kind answers filters: its values for a filter name (undefined when the
 *  name is not a filter of that kind) and its tags. */
export interface Filterable<T> {
  fields: (item: T, name: string) => string[] | undefined;
  tags: (item: T) => TagMap;
  /** Filter names the kind supports besides the tag filters (to reject unknown names
   *  even when nothing is there to filter). */
  names: readonly string[];
  /** Error for an unsupported filter name. */
  unknown: (name: string) => AwsError;
  /** Exact matching instead of wildcards (RDS filters, for instance). */
  exact?: boolean;
}

const isTagFilter = (name: string): boolean =>
  name.startsWith('tag:') || name === 'tag-key' || name === 'tag-value';

/** The items every filter matches; throws `unknown(name)` for a name the kind lacks. */
export function applyFilters<T>(items: T[], filters: Filter[], kind: Filterable<T>): T[] {
  for (const f of filters) {
    if (!isTagFilter(f.name) && !kind.names.includes(f.name)) throw kind.unknown(f.name);
  }
  const match = kind.exact ? (p: string, v: string) => p === v : wildcardMatch;
  return items.filter((item) =>
    filters.every((f) => {
      const actual = valuesOf(item, f.name, kind);
      return f.values.some((p) => actual.some((a) => match(p, a)));
    }),
  );
}

function valuesOf<T>(item: T, name: string, kind: Filterable<T>): string[] {
  const tags = kind.tags(item);
  if (name.startsWith('tag:')) {
    const v = tags[name.slice(4)];
    return v === undefined ? [] : [v];
  }
  if (name === 'tag-key') return Object.keys(tags);
  if (name === 'tag-value') return Object.values(tags);
  return kind.fields(item, name) ?? [];
}
