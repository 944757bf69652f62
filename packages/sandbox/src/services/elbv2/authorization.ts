// The IAM authorizations Elastic Load Balancing v2 makes for each call (Service
// Authorization Reference, "Elastic Load Balancing V2"), with the tags of load balancers,
// target groups and listeners read from the state. A create that carries Tags is also
// authorized on elasticloadbalancing:AddTags with `elasticloadbalancing:CreateAction`
// naming the creating call ("Resource tagging on creation" in the ELB user guide). A
// resource being created has no id yet: `loadbalancer/app/<name>/*`, `targetgroup/<name>/*`.
import type { AuthorizationRequest, RequestContext, ResourceRef, TagMap } from '../../iam/request.js';
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { objects, str, strings, type Params } from '../common/params.js';
import { tagList, toMap } from '../common/tags.js';
import type { State } from './state.js';

const action = (name: string): string => `elasticloadbalancing:${name}`;

interface ElbAuth {
  state: State;
  req: SandboxRequest;
  ctx: ServiceContext;
  p: Params;
}

/** The SAR resource type of an ELBv2 ARN (by its resource part). */
function typeOfArn(arn: string): string {
  const m = /:(loadbalancer|targetgroup|listener)\/(?:(app|net|gwy)\/)?/.exec(arn);
  if (!m) return 'loadbalancer';
  if (m[1] === 'targetgroup') return 'targetgroup';
  return m[1] === 'listener' ? `listener/${m[2] ?? 'app'}` : `loadbalancer/${m[2] ?? 'app'}/`;
}

/** The tags of whatever the sandbox holds under this ARN. */
function tagsAt(s: State, arn: string): TagMap {
  const r = s.loadBalancers[arn] ?? s.targetGroups[arn] ?? s.listeners[arn];
  return toMap(r?.tags ?? []);
}

function onArn(
  a: ElbAuth,
  name: string,
  arn: string | undefined,
  context: RequestContext = {},
): AuthorizationRequest {
  const value = arn ?? '';
  return {
    action: action(name),
    resource: { type: typeOfArn(value), arn: value },
    resourceTags: tagsAt(a.state, value),
    context,
  };
}

const requestTags = (p: Params): TagMap => toMap(tagList(p['Tags'], 'member'));

function createdWithTags(a: ElbAuth, resource: ResourceRef, context: RequestContext): AuthorizationRequest[] {
  const tags = requestTags(a.p);
  const out: AuthorizationRequest[] = [
    { action: action(a.req.operation), resource, requestTags: tags, context },
  ];
  if (Object.keys(tags).length > 0)
    out.push({
      action: action('AddTags'),
      resource,
      requestTags: tags,
      context: { 'elasticloadbalancing:CreateAction': a.req.operation },
    });
  return out;
}

const prefix = (a: ElbAuth): string => `arn:aws:elasticloadbalancing:${a.req.region}:${a.ctx.accountId}`;

function createLoadBalancer(a: ElbAuth): AuthorizationRequest[] {
  const kind = str(a.p['Type']) === 'network' ? 'net' : str(a.p['Type']) === 'gateway' ? 'gwy' : 'app';
  const name = str(a.p['Name']) ?? '';
  const subnets = [
    ...strings(a.p['Subnets'], 'member'),
    ...objects(a.p['SubnetMappings'], 'member')
      .map((m) => str(m['SubnetId']))
      .filter((id): id is string => id !== undefined),
  ];
  const groups = strings(a.p['SecurityGroups'], 'member');
  const context: RequestContext = {
    'elasticloadbalancing:Scheme': str(a.p['Scheme']) ?? 'internet-facing',
    ...(subnets.length > 0 ? { 'elasticloadbalancing:Subnet': subnets } : {}),
    ...(groups.length > 0 ? { 'elasticloadbalancing:SecurityGroup': groups } : {}),
  };
  const resource = { type: `loadbalancer/${kind}/`, arn: `${prefix(a)}:loadbalancer/${kind}/${name}/*` };
  return createdWithTags(a, resource, context);
}

function createListener(a: ElbAuth): AuthorizationRequest[] {
  const lbArn = str(a.p['LoadBalancerArn']) ?? '';
  const protocol = str(a.p['Protocol']);
  const context: RequestContext = protocol ? { 'elasticloadbalancing:ListenerProtocol': protocol } : {};
  const onLb = onArn(a, 'CreateListener', lbArn, context);
  const tags = requestTags(a.p);
  if (Object.keys(tags).length === 0) return [onLb];
  // The listener's ARN extends its load balancer's: listener/app/<name>/<lb id>/<id>.
  const listener = lbArn.replace(':loadbalancer/', ':listener/') + '/*';
  return [
    { ...onLb, requestTags: tags },
    {
      action: action('AddTags'),
      resource: { type: typeOfArn(listener), arn: listener },
      requestTags: tags,
      context: { 'elasticloadbalancing:CreateAction': 'CreateListener' },
    },
  ];
}

function tagging(a: ElbAuth): AuthorizationRequest[] {
  const arns = strings(a.p['ResourceArns'], 'member');
  if (a.req.operation === 'AddTags')
    return arns.map((arn) => ({ ...onArn(a, 'AddTags', arn), requestTags: requestTags(a.p) }));
  return arns.map((arn) => ({ ...onArn(a, 'RemoveTags', arn), tagKeys: strings(a.p['TagKeys'], 'member') }));
}

type Rule = (a: ElbAuth) => AuthorizationRequest[];

const byParam =
  (name: string, param: string): Rule =>
  (a) => [onArn(a, name, str(a.p[param]))];

const RULES: Record<string, Rule> = {
  CreateLoadBalancer: createLoadBalancer,
  DeleteLoadBalancer: byParam('DeleteLoadBalancer', 'LoadBalancerArn'),
  CreateTargetGroup: (a) =>
    createdWithTags(
      a,
      { type: 'targetgroup', arn: `${prefix(a)}:targetgroup/${str(a.p['Name']) ?? ''}/*` },
      {},
    ),
  DeleteTargetGroup: byParam('DeleteTargetGroup', 'TargetGroupArn'),
  ModifyTargetGroupAttributes: byParam('ModifyTargetGroupAttributes', 'TargetGroupArn'),
  RegisterTargets: byParam('RegisterTargets', 'TargetGroupArn'),
  DeregisterTargets: byParam('DeregisterTargets', 'TargetGroupArn'),
  CreateListener: createListener,
  DeleteListener: byParam('DeleteListener', 'ListenerArn'),
  AddTags: tagging,
  RemoveTags: tagging,
};

/** The authorizations of one ELBv2 call; Describe* calls are authorized on `*`. */
export function elbv2Authorization(
  state: State,
  req: SandboxRequest,
  ctx: ServiceContext,
): AuthorizationRequest[] {
  const requests = RULES[req.operation]?.({ state, req, ctx, p: req.params }) ?? [];
  // No resource named (ELBv2's validation refuses it): the action on `*`, never nothing.
  return requests.length > 0 ? requests : [{ action: action(req.operation) }];
}
