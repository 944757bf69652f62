// AddTagsToResource, ListTagsForResource and RemoveTagsFromResource. Tags are addressed by
// ARN; the sandbox tags DB instances, DB snapshots, DB clusters and DB cluster snapshots.
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { missingParameter, required, strings } from '../common/params.js';
import type { Tag } from '../common/tags.js';
import {
  clusterNotFound,
  clusterSnapshotNotFound,
  instanceNotFound,
  invalid,
  snapshotNotFound,
} from './errors.js';
import { advance } from './lifecycle.js';
import { tagsParam, withTags } from './params.js';
import type { RdsContext, RdsState } from './state.js';

interface Taggable {
  tags: Tag[];
  set(tags: Tag[]): void;
}

/** The instance or snapshot an ARN names. */
function taggable(state: RdsState, arn: string): Taggable {
  const m = /^arn:aws[a-z-]*:rds:[^:]*:[^:]*:([a-z-]+):(.+)$/.exec(arn);
  if (!m) throw invalid(`The specified resource name does not match an RDS resource in this region: ${arn}`);
  const type = m[1]!;
  const id = m[2]!.toLowerCase();
  if (type === 'db') {
    const inst = state.instances[id];
    if (!inst) throw instanceNotFound(id);
    return { tags: inst.tags, set: (t) => (inst.tags = t) };
  }
  if (type === 'snapshot') {
    const snap = state.snapshots[id];
    if (!snap) throw snapshotNotFound(id);
    return { tags: snap.tags, set: (t) => (snap.tags = t) };
  }
  if (type === 'cluster') {
    const c = state.clusters[id];
    if (!c) throw clusterNotFound(id);
    return { tags: c.tags, set: (t) => (c.tags = t) };
  }
  if (type === 'cluster-snapshot') {
    const cs = state.clusterSnapshots[id];
    if (!cs) throw clusterSnapshotNotFound(id);
    return { tags: cs.tags, set: (t) => (cs.tags = t) };
  }
  throw invalid(`The sandbox does not support tags on RDS resources of type ${type}.`);
}

export async function addTagsToResource(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const r = taggable(rds.state, required(req.params, 'ResourceName', missingParameter));
  r.set(withTags(r.tags, tagsParam(req.params)));
  return {};
}

export async function listTagsForResource(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const r = taggable(rds.state, required(req.params, 'ResourceName', missingParameter));
  return { TagList: r.tags };
}

export async function removeTagsFromResource(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const r = taggable(rds.state, required(req.params, 'ResourceName', missingParameter));
  const keys = new Set(strings(req.params['TagKeys'], 'member'));
  r.set(r.tags.filter((t) => !keys.has(t.Key)));
  return {};
}
