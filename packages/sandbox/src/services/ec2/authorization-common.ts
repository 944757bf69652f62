// Shared by the EC2 authorization modules: the call being authorized, the tags the state
// holds and the request's TagSpecifications, and ec2:CreateTags on what a create tags.
import type { AuthorizationRequest, RequestContext, ResourceRef, TagMap } from '../../iam/request.js';
import { listParam, type SandboxRequest, type ServiceContext } from '../../service.js';
import { str, type Params } from '../common/params.js';
import type { Ec2State, Image } from './state.js';

export interface Ec2Auth {
  state: Ec2State;
  req: SandboxRequest;
  ctx: ServiceContext;
  /** `ec2:Region`, which every EC2 action sets. */
  base: RequestContext;
}
export const tagsOf = (a: Ec2Auth, id: string): TagMap => ({ ...(a.state.tags[id] ?? {}) });
export const action = (name: string): string => `ec2:${name}`;

/** `TagSpecification.N` as tags per resource type (lenient: the handler validates). */
export function requestTagsByType(p: Params): Record<string, TagMap> {
  const out: Record<string, TagMap> = {};
  for (const spec of listParam(p.TagSpecification)) {
    const o = (spec ?? {}) as Params;
    const type = str(o.ResourceType);
    if (!type) continue;
    for (const t of listParam(o.Tag)) {
      const key = str(((t ?? {}) as Params).Key);
      if (key !== undefined) (out[type] ??= {})[key] = str(((t ?? {}) as Params).Value) ?? '';
    }
  }
  return out;
}

/** ec2:CreateTags on each resource a create call tags (TagSpecifications), with
 *  `ec2:CreateAction` naming the creating call. */
export function createTagsOnCreate(
  a: Ec2Auth,
  tagsByType: Record<string, TagMap>,
  created: Record<string, ResourceRef>,
): AuthorizationRequest[] {
  return Object.entries(tagsByType)
    .filter(([type]) => created[type])
    .map(([type, tags]) => ({
      action: action('CreateTags'),
      resource: created[type]!,
      requestTags: tags,
      context: { ...a.base, 'ec2:CreateAction': a.req.operation },
    }));
}

export function imageContext(image: Image | undefined): RequestContext {
  if (!image) return {};
  return {
    'ec2:ImageID': image.imageId,
    'ec2:ImageType': 'machine',
    'ec2:Owner': image.ownerAlias === 'amazon' ? 'amazon' : image.ownerId,
    'ec2:Public': image.isPublic ? 'true' : 'false',
    'ec2:RootDeviceType': 'ebs',
  };
}
