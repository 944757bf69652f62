// CreateOrUpdateTags, DeleteTags and DescribeTags on Auto Scaling groups. A tag's
// PropagateAtLaunch applies to instances launched after the change (AWS does not retag
// running instances).
import { AwsError, type SandboxRequest } from '../../service.js';
import { filterItems, groupTags, MAX_TAGS, pageOf } from './params.js';
import { renderTags } from './render.js';
import { requireGroup, validation, type AsgContext, type Group } from './state.js';

function taggedGroups(
  c: AsgContext,
  req: SandboxRequest,
): Array<{ g: Group; tag: ReturnType<typeof groupTags>[number] }> {
  const tags = groupTags(req.params);
  if (tags.length === 0)
    throw validation(
      "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
    );
  return tags.map((tag) => {
    if ((tag.resourceType ?? 'auto-scaling-group') !== 'auto-scaling-group')
      throw validation(
        `Invalid resource type: ${tag.resourceType!.slice(0, 64)}; expected auto-scaling-group`,
      );
    return { g: requireGroup(c, req.region, tag.resourceId), tag };
  });
}

export function createOrUpdateTags(c: AsgContext, req: SandboxRequest): Record<string, unknown> {
  const changes = taggedGroups(c, req);
  // Check every group's limit before changing any (the call is all or nothing).
  const after = new Map<Group, Map<string, { value: string; propagateAtLaunch: boolean }>>();
  for (const { g, tag } of changes) {
    const map =
      after.get(g) ??
      new Map(g.tags.map((t) => [t.key, { value: t.value, propagateAtLaunch: t.propagateAtLaunch }]));
    map.set(tag.key, { value: tag.value, propagateAtLaunch: tag.propagateAtLaunch });
    after.set(g, map);
  }
  for (const [g, map] of after)
    if (map.size > MAX_TAGS)
      throw new AwsError(
        'LimitExceeded',
        `The number of tags on Auto Scaling group ${g.name} would exceed the limit of ${MAX_TAGS}.`,
        400,
      );
  for (const [g, map] of after) g.tags = [...map].map(([key, v]) => ({ key, ...v }));
  return {};
}

export function deleteTags(c: AsgContext, req: SandboxRequest): Record<string, unknown> {
  for (const { g, tag } of taggedGroups(c, req)) g.tags = g.tags.filter((t) => t.key !== tag.key);
  return {};
}

const FILTERS = ['auto-scaling-group', 'key', 'value', 'propagate-at-launch'] as const;

export function describeTags(c: AsgContext, req: SandboxRequest): Record<string, unknown> {
  const rows = Object.values(c.state.groups)
    .filter((g) => g.region === req.region)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((g) => renderTags(g));
  const field = (row: Record<string, unknown>, name: string): string[] | undefined => {
    if (name === 'auto-scaling-group') return [String(row.ResourceId)];
    if (name === 'key') return [String(row.Key)];
    if (name === 'value') return [String(row.Value)];
    if (name === 'propagate-at-launch') return [String(row.PropagateAtLaunch)];
    return undefined;
  };
  const matching = filterItems(rows, req.params, FILTERS, field, () => ({}));
  const { items, next } = pageOf(matching, req.params, 100, 100);
  return { Tags: items, NextToken: next };
}
