// Tags as every service keeps them: a map from key to value in state, rendered as the
// service's list shape on the wire. Limits are AWS's common ones (50 per resource, keys
// 1–128 characters, values up to 256, no `aws:` prefix); services with other rules (EC2
// keys up to 127) pass their own.
import type { AwsError } from '../../service.js';
import { objects, str } from './params.js';

export type TagMap = Record<string, string>;
export interface Tag {
  Key: string;
  Value: string;
}

export interface TagRules {
  maxKeyLength: number;
  maxValueLength: number;
  maxTags: number;
  /** Key prefixes reserved by AWS (lower case), e.g. `aws:`. */
  reservedPrefixes: readonly string[];
  /** The service's error for a tag that breaks a rule, worded from `problem`. */
  invalid: (problem: string, tag: Tag) => AwsError;
  /** The service's error for more than `maxTags` on one resource. */
  tooMany: () => AwsError;
}

/** Tags from a request's list (`Tags.member.N.Key` / `Tag.N.Key` / JSON), in order. */
export function tagList(value: unknown, member?: string): Tag[] {
  return objects(value, member).map((t) => ({ Key: str(t['Key']) ?? '', Value: str(t['Value']) ?? '' }));
}

export const toMap = (tags: readonly Tag[]): TagMap => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

export const toList = (tags: TagMap | undefined): Tag[] =>
  Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));

/** Throws the service's error for the first tag that breaks the rules. */
export function checkTags(tags: readonly Tag[], rules: TagRules): void {
  for (const tag of tags) {
    const keyLength = [...tag.Key].length;
    if (keyLength < 1 || keyLength > rules.maxKeyLength)
      throw rules.invalid(`key must be 1 to ${rules.maxKeyLength} characters`, tag);
    if ([...tag.Value].length > rules.maxValueLength)
      throw rules.invalid(`value must be at most ${rules.maxValueLength} characters`, tag);
    const lower = tag.Key.toLowerCase();
    const reserved = rules.reservedPrefixes.find((p) => lower.startsWith(p));
    if (reserved) throw rules.invalid(`keys starting with '${reserved}' are reserved`, tag);
  }
}

/** `existing` with `added` merged in (a key given again replaces its value), checked. */
export function mergeTags(existing: TagMap, added: readonly Tag[], rules: TagRules): TagMap {
  checkTags(added, rules);
  const merged = { ...existing, ...toMap(added) };
  if (Object.keys(merged).length > rules.maxTags) throw rules.tooMany();
  return merged;
}

/** `existing` without the given keys. */
export function removeTags(existing: TagMap, keys: readonly string[]): TagMap {
  const out = { ...existing };
  for (const key of keys) delete out[key];
  return out;
}

/** mergeTags for services that keep tags as an ordered list (ELBv2 returns them in the
 *  order they were added): a key given again keeps its place, new keys go last. */
export function mergeTagList(existing: readonly Tag[], added: readonly Tag[], rules: TagRules): Tag[] {
  checkTags(added, rules);
  const merged = [...existing];
  for (const tag of added) {
    const i = merged.findIndex((t) => t.Key === tag.Key);
    if (i >= 0) merged[i] = tag;
    else merged.push(tag);
  }
  if (merged.length > rules.maxTags) throw rules.tooMany();
  return merged;
}
