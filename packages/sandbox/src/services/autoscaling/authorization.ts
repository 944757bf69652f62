// The IAM authorizations Amazon EC2 Auto Scaling makes for each call (Service Authorization
// Reference, "Amazon EC2 Auto Scaling"): actions on the group's ARN
// (`autoScalingGroup:<uuid>:autoScalingGroupName/<name>`; a group being created has no
// uuid yet: `autoScalingGroup:*:…`) with `autoscaling:ResourceTag/…` from its tags and the
// request's `aws:RequestTag/…`, `aws:TagKeys`, sizes, subnets and target groups. Creating
// or updating a group with a launch template also checks that the caller may launch from
// it: ec2:RunInstances on the template, iam:PassRole on its instance profile's role, and
// ec2:CreateTags on what its tag specifications tag (Auto Scaling user guide, "Amazon EC2
// Auto Scaling API permissions" → "Required permissions from other AWS APIs"; the
// service-linked role is taken to exist, so iam:CreateServiceLinkedRole is not asked).
// Describe* actions have no resource-level permissions. Read-only.
import type { AuthorizationRequest, RequestContext, TagMap } from '../../iam/request.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { boolean, objects, str, strings, type Params } from '../common/params.js';
import { findGroup, type AsgContext, type Group } from './state.js';

const action = (name: string): string => `autoscaling:${name}`;

interface AsgAuth {
  c: AsgContext;
  req: SandboxRequest;
  ctx: ServiceContext;
  p: Params;
}

const tagMap = (g: Group | undefined): TagMap =>
  Object.fromEntries((g?.tags ?? []).map((t) => [t.key, t.value]));

function groupArn(a: AsgAuth, name: string): string {
  const g = findGroup(a.c, a.req.region, name);
  return (
    g?.arn ??
    `arn:aws:autoscaling:${a.req.region}:${a.ctx.accountId}:autoScalingGroup:*:autoScalingGroupName/${name}`
  );
}

function onGroup(
  a: AsgAuth,
  op: string,
  name: string,
  extra: Partial<AuthorizationRequest> = {},
): AuthorizationRequest {
  return {
    action: action(op),
    resource: { type: 'autoScalingGroup', arn: groupArn(a, name) },
    resourceTags: tagMap(findGroup(a.c, a.req.region, name)),
    ...extra,
  };
}

const requestTags = (p: Params): TagMap =>
  Object.fromEntries(objects(p.Tags, 'member').map((t) => [str(t.Key) ?? '', str(t.Value) ?? '']));

/** The launch template a create/update names (plain or in a mixed instances policy). */
function templateRef(p: Params): Params | undefined {
  if (p.LaunchTemplate && typeof p.LaunchTemplate === 'object') return p.LaunchTemplate as Params;
  const mixed = (p.MixedInstancesPolicy ?? {}) as Params;
  const spec = ((mixed.LaunchTemplate ?? {}) as Params).LaunchTemplateSpecification;
  return spec && typeof spec === 'object' ? (spec as Params) : undefined;
}

/** ec2:RunInstances on the template and iam:PassRole on its profile's role. */
function launchTemplateUse(a: AsgAuth, ref: Params): AuthorizationRequest[] {
  let template;
  try {
    template = a.c.deps.ec2.launchTemplate(a.req.region, {
      ...(str(ref.LaunchTemplateId) ? { id: str(ref.LaunchTemplateId)! } : {}),
      ...(str(ref.LaunchTemplateName) ? { name: str(ref.LaunchTemplateName)! } : {}),
      ...(str(ref.Version) ? { version: str(ref.Version)! } : {}),
    });
  } catch {
    return []; // the handler answers the ValidationError for a template that is not there
  }
  const arn = `arn:aws:ec2:${a.req.region}:${a.ctx.accountId}:launch-template/${template.launchTemplateId}`;
  const out: AuthorizationRequest[] = [
    {
      action: 'ec2:RunInstances',
      resource: { type: 'launch-template', ids: { LaunchTemplateId: template.launchTemplateId } },
      resourceTags: template.tags,
      context: { 'ec2:Region': a.req.region, 'ec2:LaunchTemplate': arn },
    },
  ];
  // ec2:CreateTags "to tag instances and volumes on launch when a launch template with a tag
  // specification is provided", as RunInstances authorizes tag-on-create.
  for (const spec of template.data.tagSpecifications)
    out.push({
      action: 'ec2:CreateTags',
      resource: { type: spec.resourceType },
      requestTags: Object.fromEntries(spec.tags.map((t) => [t.Key, t.Value])),
      context: { 'ec2:Region': a.req.region, 'ec2:CreateAction': 'RunInstances' },
    });
  const profile = template.data.iamInstanceProfile;
  // As in EC2's RunInstances rule: the profile holds the role of the same name.
  const role = profile?.name ?? profile?.arn?.replace(/^.*:instance-profile\//, '');
  if (role)
    out.push({
      action: 'iam:PassRole',
      resource: { type: 'role', ids: { RoleNameWithPath: role } },
      context: { 'iam:PassedToService': 'ec2.amazonaws.com' },
    });
  return out;
}

function groupContext(p: Params): RequestContext {
  const ctx: RequestContext = {};
  const set = (key: string, value: string | string[] | undefined): void => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) ctx[key] = value;
  };
  set('autoscaling:MinSize', str(p.MinSize));
  set('autoscaling:MaxSize', str(p.MaxSize));
  const ref = templateRef(p);
  if (ref) set('autoscaling:LaunchTemplateVersionSpecified', str(ref.Version) ? 'true' : 'false');
  set(
    'autoscaling:VPCZoneIdentifiers',
    (str(p.VPCZoneIdentifier) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
  set('autoscaling:TargetGroupARNs', strings(p.TargetGroupARNs, 'member'));
  const mixed = ((p.MixedInstancesPolicy ?? {}) as Params).LaunchTemplate as Params | undefined;
  set(
    'autoscaling:InstanceTypes',
    objects(mixed?.Overrides, 'member')
      .map((o) => str(o.InstanceType) ?? '')
      .filter((s) => s !== ''),
  );
  return ctx;
}

function createOrUpdate(a: AsgAuth): AuthorizationRequest[] {
  const name = str(a.p.AutoScalingGroupName) ?? '';
  const creating = a.req.operation === 'CreateAutoScalingGroup';
  const out = [
    onGroup(a, a.req.operation, name, {
      ...(creating ? { requestTags: requestTags(a.p) } : {}),
      context: groupContext(a.p),
    }),
  ];
  const ref = templateRef(a.p);
  if (ref) out.push(...launchTemplateUse(a, ref));
  return out;
}

/** CreateOrUpdateTags / DeleteTags: each group named, with the tags (keys for DeleteTags). */
function tagging(a: AsgAuth): AuthorizationRequest[] {
  const byGroup = new Map<string, { tags: TagMap; keys: string[] }>();
  for (const t of objects(a.p.Tags, 'member')) {
    const name = str(t.ResourceId) ?? '';
    const entry = byGroup.get(name) ?? { tags: {}, keys: [] };
    const key = str(t.Key) ?? '';
    entry.keys.push(key);
    if (a.req.operation === 'CreateOrUpdateTags') entry.tags[key] = str(t.Value) ?? '';
    byGroup.set(name, entry);
  }
  // No tags named (the handler refuses that): authorize on any group rather than on `*`.
  if (byGroup.size === 0) byGroup.set('*', { tags: {}, keys: [] });
  return [...byGroup].map(([name, e]) =>
    onGroup(a, a.req.operation, name, { requestTags: e.tags, tagKeys: e.keys }),
  );
}

function instanceGroup(a: AsgAuth): string {
  const id = str(a.p.InstanceId) ?? '';
  const g = Object.values(a.c.state.groups).find(
    (x) => x.region === a.req.region && x.members.some((m) => m.instanceId === id),
  );
  return g?.name ?? '*';
}

type Rule = (a: AsgAuth) => AuthorizationRequest[];

const named = (a: AsgAuth): string => str(a.p.AutoScalingGroupName) ?? '';

const RULES: Record<string, Rule> = {
  CreateAutoScalingGroup: createOrUpdate,
  UpdateAutoScalingGroup: createOrUpdate,
  DeleteAutoScalingGroup: (a) => [
    onGroup(a, 'DeleteAutoScalingGroup', named(a), {
      context: { 'autoscaling:ForceDelete': boolean(a.p.ForceDelete) === true ? 'true' : 'false' },
    }),
  ],
  SetDesiredCapacity: (a) => [onGroup(a, 'SetDesiredCapacity', named(a))],
  PutScalingPolicy: (a) => [onGroup(a, 'PutScalingPolicy', named(a))],
  DeletePolicy: (a) => [onGroup(a, 'DeletePolicy', named(a))],
  TerminateInstanceInAutoScalingGroup: (a) => [
    onGroup(a, 'TerminateInstanceInAutoScalingGroup', instanceGroup(a)),
  ],
  CreateOrUpdateTags: tagging,
  DeleteTags: tagging,
};

export function autoscalingAuthorization(
  c: AsgContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): AuthorizationRequest[] {
  const rule = RULES[req.operation];
  const requests = rule ? rule({ c, req, ctx, p: req.params }) : [];
  return requests.length > 0 ? requests : [{ action: action(req.operation) }];
}
