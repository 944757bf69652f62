// Reading ELBv2 request parameters with the shared helpers (../common/), worded with
// ELBv2's own error codes and messages.
import { AwsError } from '../../service.js';
import { page, type PageRules } from '../common/paging.js';
import { integer, str, type Params } from '../common/params.js';
import { checkTags, tagList, type Tag, type TagRules } from '../common/tags.js';

export const validation = (message: string): AwsError => new AwsError('ValidationError', message, 400);

/** An integer parameter (undefined when absent or empty). */
export const int = (value: unknown, field: string): number | undefined =>
  integer(value, (text) => validation(`'${text}' is not a valid value for '${field}'`));

export function checkName(kind: 'Load balancer' | 'Target group', name: string | undefined): string {
  if (name === undefined || name === '') throw validation(`${kind} name cannot be empty`);
  if (name.length > 32) throw validation(`${kind} name '${name}' cannot be longer than '32' characters`);
  if (!/^[A-Za-z0-9-]+$/.test(name))
    throw validation(
      `${kind} name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`,
    );
  if (name.startsWith('-') || name.endsWith('-'))
    throw validation(`${kind} name '${name}' cannot begin or end with a hyphen(-)`);
  if (kind === 'Load balancer' && name.toLowerCase().startsWith('internal-'))
    throw validation(`${kind} name '${name}' cannot begin with 'internal-'`);
  return name;
}

// ---- tags ------------------------------------------------------------------------------

export const MAX_TAGS = 50;

export const tooManyTags = (arn: string): AwsError =>
  new AwsError('TooManyTags', `The following resource(s) have too many tags: '${arn}'`, 400);

/** AWS's common tag limits with ELBv2's messages; `arn` words the too-many error. */
export function tagRules(arn: string): TagRules {
  return {
    maxKeyLength: 128,
    maxValueLength: 256,
    maxTags: MAX_TAGS,
    reservedPrefixes: ['aws:'],
    // checkTags words the broken rule as "key …", "value …" or "keys starting with …".
    invalid: (problem, tag) =>
      validation(
        problem.startsWith('key ')
          ? `Tag key '${tag.Key}' must be between 1 and 128 characters long`
          : problem.startsWith('value ')
            ? `Tag value for key '${tag.Key}' cannot be longer than 256 characters`
            : `Tag key '${tag.Key}' cannot start with the reserved prefix 'aws:'`,
      ),
    tooMany: () => tooManyTags(arn),
  };
}

/** The request's `Tags` list, checked; a key given twice is an error. */
export function tagsParam(value: unknown): Tag[] {
  const tags = tagList(value, 'member');
  const rules = tagRules('');
  const seen = new Set<string>();
  // One tag at a time, so the first bad tag decides the error whatever its problem.
  for (const tag of tags) {
    checkTags([tag], rules);
    if (seen.has(tag.Key))
      throw new AwsError('DuplicateTagKeys', `Tag key '${tag.Key}' is specified more than once`, 400);
    seen.add(tag.Key);
  }
  return tags;
}

// ---- paging ----------------------------------------------------------------------------

const PAGE_RULES: PageRules = {
  defaultSize: 400,
  min: 1,
  max: 400,
  badSize: (size) =>
    validation(
      `1 validation error detected: Value '${size}' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400`,
    ),
  badToken: (marker) => validation(`Invalid marker '${marker}'`),
};

/** The page `PageSize`/`Marker` ask for, with the `NextMarker` of the next one if any. */
export function pageOf<T>(items: T[], p: Params): { page: T[]; NextMarker?: string } {
  const size = int(p['PageSize'], 'PageSize');
  const result = page(items, { size, token: str(p['Marker']) }, PAGE_RULES);
  return result.next ? { page: result.items, NextMarker: result.next } : { page: result.items };
}
