// Tags on any EC2 resource (CreateTags, DeleteTags, DescribeTags). Tags live in one map
// keyed by resource id, so a resource's kind is read from its id prefix.
import { AwsError, listParam, type SandboxRequest, type ServiceContext } from '../../service.js';
import { str, type Params } from '../common/params.js';
import { checkTags, mergeTags, type Tag } from '../common/tags.js';
import { filtered, paginate, strList, tagsParam, TAG_RULES } from './params.js';
import {
  findGroup,
  findImage,
  findInstance,
  findSnapshot,
  findSubnet,
  type Ec2Result,
  type Ec2State,
} from './state.js';
import { visibleImage } from './sharing.js';

/** Check that a taggable resource exists; returns its DescribeTags resource type. */
export function resourceType(
  state: Ec2State,
  id: string,
  region: string,
  now: number,
  ctx?: ServiceContext,
): string {
  const prefix = id.split('-')[0];
  switch (prefix) {
    case 'i':
      findInstance(state, id, region, now);
      return 'instance';
    case 'ami':
      // A shared image takes tags too: the caller's own, seen by it alone (sharing.ts).
      if (ctx) visibleImage(state, ctx, id, region);
      else findImage(state, id, region);
      return 'image';
    case 'snap':
      findSnapshot(state, id, region);
      return 'snapshot';
    case 'subnet':
      findSubnet(state, id, region);
      return 'subnet';
    case 'sg':
      findGroup(state, id, region);
      return 'security-group';
    case 'lt':
      if (state.launchTemplates[id]?.region !== region)
        throw new AwsError(
          'InvalidLaunchTemplateId.NotFound',
          `The specified launch template, with template ID ${id}, does not exist.`,
        );
      return 'launch-template';
    case 'vpc':
      if (!state.vpcs.some((v) => v.vpcId === id && v.region === region))
        throw new AwsError('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
      return 'vpc';
    case 'vol':
      if (!Object.values(state.instances).some((i) => i.rootVolumeId === id && i.region === region)) {
        throw new AwsError('InvalidVolume.NotFound', `The volume '${id}' does not exist.`);
      }
      return 'volume';
    default:
      throw new AwsError('InvalidID', `The ID '${id}' is not valid`);
  }
}

/** Merge `tags` into a resource's tags (TagLimitExceeded past 50). */
export function addTags(state: Ec2State, id: string, tags: readonly Tag[]): void {
  state.tags[id] = mergeTags(state.tags[id] ?? {}, tags, TAG_RULES);
}

const missing = (name: string): AwsError =>
  new AwsError('MissingParameter', `The request must contain the parameter ${name}`);

export function createTags(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const now = ctx.clock.now();
  const resources = strList(req.params.ResourceId);
  if (resources.length === 0) throw missing('resourceIdSet');
  const tags = tagsParam(req.params.Tag);
  if (tags.length === 0) throw missing('tagSet');
  checkTags(tags, TAG_RULES);
  // Check every resource (and its tag count) first, so a failure tags nothing.
  for (const id of resources) {
    resourceType(state, id, req.region, now, ctx);
    mergeTags(state.tags[id] ?? {}, tags, TAG_RULES);
  }
  for (const id of resources) addTags(state, id, tags);
  return { return: true };
}

export function deleteTags(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const now = ctx.clock.now();
  const resources = strList(req.params.ResourceId);
  if (resources.length === 0) throw missing('resourceIdSet');
  const tags = listParam(req.params.Tag).map((t) => {
    const o = (t ?? {}) as Params;
    return { key: str(o.Key) ?? '', value: str(o.Value) };
  });
  for (const id of resources) resourceType(state, id, req.region, now, ctx);
  for (const id of resources) {
    const current = state.tags[id];
    if (!current) continue;
    if (tags.length === 0) {
      delete state.tags[id];
      continue;
    }
    for (const { key, value } of tags) {
      // With a value, only delete when the value matches (an empty value matches '').
      if (key in current && (value === undefined || current[key] === value)) delete current[key];
    }
  }
  return { return: true };
}

interface TagRow {
  resourceId: string;
  resourceType: string;
  key: string;
  value: string;
}

const TAG_FILTERS = {
  'resource-id': (row: TagRow) => [row.resourceId],
  'resource-type': (row: TagRow) => [row.resourceType],
  key: (row: TagRow) => [row.key],
  value: (row: TagRow) => [row.value],
};

export function describeTags(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const now = ctx.clock.now();
  const rows: TagRow[] = [];
  for (const [id, tags] of Object.entries(state.tags)) {
    let type: string;
    try {
      type = resourceType(state, id, req.region, now, ctx);
    } catch {
      continue; // not in this region, or gone
    }
    for (const [key, value] of Object.entries(tags))
      rows.push({ resourceId: id, resourceType: type, key, value });
  }
  const matching = filtered(rows, req.params, TAG_FILTERS, (row) => ({ [row.key]: row.value })).sort(
    (a, b) => (a.resourceId + a.key < b.resourceId + b.key ? -1 : 1),
  );
  const { page, nextToken } = paginate(matching, req.params, 5, 1000);
  return { tagSet: page, nextToken };
}
