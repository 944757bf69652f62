// CreateLoadBalancer / DescribeLoadBalancers / DeleteLoadBalancer: name formats, subnets
// in two zones (ALB), idempotent creates, DNS names and hosted zones as AWS assigns them.
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { objects, required, str, strings, type Params } from '../common/params.js';
import type { Tag } from '../common/tags.js';
import { checkName, MAX_TAGS, pageOf, tagsParam, tooManyTags, validation } from './params.js';
import { lbOut } from './render.js';
import { hexId, lbByArn, type Elbv2Context, type LoadBalancer } from './state.js';

/** Route 53 hosted zone ids of load balancers' DNS names, per region (Elastic Load
 *  Balancing endpoints, https://docs.aws.amazon.com/general/latest/gr/elb.html). */
export const ALB_HOSTED_ZONE_IDS: Record<string, string> = {
  'us-east-1': 'Z35SXDOTRQ7X7K',
  'us-east-2': 'Z3AADJGX6KTTL2',
  'us-west-1': 'Z368ELLRRE2KJ0',
  'us-west-2': 'Z1H1FL5HABSF5',
  'ca-central-1': 'ZQSVJUPU6J1EY',
  'eu-central-1': 'Z215JYRZR1TBD5',
  'eu-west-1': 'Z32O12XQLNTSW2',
  'eu-west-2': 'ZHURV8PSTC4K8',
  'eu-west-3': 'Z3Q77PNBQS71R4',
  'ap-northeast-1': 'Z14GRHDCWA56QT',
  'ap-northeast-2': 'ZWKZPGTI48KDX',
  'ap-southeast-1': 'Z1LMS91P8CMLE5',
  'ap-southeast-2': 'Z1GM3OXH4ZPM65',
  'ap-south-1': 'ZP97RAFLXTNZK',
  'sa-east-1': 'Z2P70J7HTTTPLU',
};
export const NLB_HOSTED_ZONE_IDS: Record<string, string> = {
  'us-east-1': 'Z26RNL4JYFTOTI',
  'us-east-2': 'ZLMOA37VPKANP',
  'us-west-2': 'Z18D5FSROUN65G',
  'eu-west-1': 'Z2IFOLAFXWLO4F',
  'eu-central-1': 'Z3F0SRJ5LGBH90',
};

interface LbRequest {
  name: string;
  type: LoadBalancer['type'];
  scheme: LoadBalancer['scheme'];
  ipAddressType: string;
  subnetIds: string[];
  securityGroups: string[];
  tags: Tag[];
}

function lbRequest(p: Params): LbRequest {
  const name = checkName('Load balancer', str(p['Name']));
  const type = (str(p['Type']) ?? 'application') as LoadBalancer['type'];
  if (type !== 'application' && type !== 'network')
    throw validation(`Load balancer type '${type}' is not supported; use 'application' or 'network'`);
  const scheme = (str(p['Scheme']) ?? 'internet-facing') as LoadBalancer['scheme'];
  if (scheme !== 'internet-facing' && scheme !== 'internal')
    throw validation(
      `1 validation error detected: Value '${scheme}' at 'scheme' failed to satisfy constraint: Member must satisfy enum value set: [internet-facing, internal]`,
    );
  const ipAddressType = str(p['IpAddressType']) ?? 'ipv4';
  const subnetIds = [
    ...strings(p['Subnets'], 'member'),
    ...objects(p['SubnetMappings'], 'member').map((m) => str(m['SubnetId']) ?? ''),
  ].filter((s) => s !== '');
  if (subnetIds.length === 0) throw validation('At least one subnet must be specified');
  const securityGroups = strings(p['SecurityGroups'], 'member');
  const tags = tagsParam(p['Tags']);
  return { name, type, scheme, ipAddressType, subnetIds, securityGroups, tags };
}

const sortedJson = (xs: readonly string[]): string => JSON.stringify([...xs].sort());

/** Whether a create call repeats an existing load balancer's settings (then it is a no-op). */
function sameLb(existing: LoadBalancer, r: LbRequest): boolean {
  return (
    existing.type === r.type &&
    existing.scheme === r.scheme &&
    existing.ipAddressType === r.ipAddressType &&
    sortedJson(existing.zones.map((z) => z.SubnetId)) === sortedJson([...new Set(r.subnetIds)]) &&
    (r.securityGroups.length === 0 || sortedJson(existing.securityGroups) === sortedJson(r.securityGroups))
  );
}

/** The zones and VPC of the requested subnets, checked against EC2 with the groups. */
function placement(
  c: Elbv2Context,
  r: LbRequest,
  region: string,
): { zones: LoadBalancer['zones']; vpcId: string } {
  const zones: LoadBalancer['zones'] = [];
  let vpcId: string | undefined;
  for (const [i, id] of [...new Set(r.subnetIds)].entries()) {
    const sn = c.ec2.subnet
      ? c.ec2.subnet(id, region)
      : { availabilityZone: `${region}${'abcdef'[i % 6]}`, vpcId: 'vpc-00000000000000000' };
    if (!sn) throw new AwsError('SubnetNotFound', `The subnet ID '${id}' is not valid`, 400);
    if (vpcId !== undefined && sn.vpcId !== vpcId)
      throw new AwsError('InvalidSubnet', `The subnets must all belong to the same VPC ('${vpcId}')`, 400);
    vpcId = sn.vpcId;
    if (zones.some((z) => z.ZoneName === sn.availabilityZone)) {
      throw new AwsError(
        'InvalidConfigurationRequest',
        'A load balancer cannot be attached to multiple subnets in the same Availability Zone',
        400,
      );
    }
    zones.push({ ZoneName: sn.availabilityZone, SubnetId: id });
  }
  if (r.type === 'application' && zones.length < 2)
    throw validation('At least two subnets in two different Availability Zones must be specified');
  for (const sg of r.securityGroups) {
    const group = c.ec2.securityGroup?.(sg, region);
    if (c.ec2.securityGroup && (!group || group.vpcId !== vpcId))
      throw new AwsError('InvalidSecurityGroup', `Security group '${sg}' does not exist`, 400);
  }
  // At least one subnet was given, so the loop set the VPC.
  return { zones, vpcId: vpcId! };
}

export function createLoadBalancer(
  c: Elbv2Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const r = lbRequest(req.params);
  const { name, type, scheme } = r;
  const existing = Object.values(c.state.loadBalancers).find(
    (lb) => lb.region === req.region && lb.name === name,
  );
  if (existing) {
    if (!sameLb(existing, r))
      throw new AwsError(
        'DuplicateLoadBalancerName',
        `A load balancer with the same name '${name}' exists, but with different settings`,
        400,
      );
    return { LoadBalancers: [lbOut(existing, ctx.clock.now())] };
  }
  const { zones, vpcId } = placement(c, r, req.region);

  const now = ctx.clock.now();
  const id = hexId(ctx, 'lb', 16);
  const digits = String(parseInt(id.slice(0, 12), 16) % 10_000_000_000).padStart(10, '1');
  const prefix = scheme === 'internal' ? 'internal-' : '';
  const dnsName =
    type === 'application'
      ? `${prefix}${name}-${digits}.${req.region}.elb.amazonaws.com`
      : `${prefix}${name}-${id}.elb.${req.region}.amazonaws.com`;
  const lb: LoadBalancer = {
    arn: `arn:aws:elasticloadbalancing:${req.region}:${ctx.accountId}:loadbalancer/${type === 'application' ? 'app' : 'net'}/${name}/${id}`,
    name,
    region: req.region,
    type,
    scheme,
    ipAddressType: r.ipAddressType,
    vpcId,
    dnsName,
    canonicalHostedZoneId:
      (type === 'application' ? ALB_HOSTED_ZONE_IDS : NLB_HOSTED_ZONE_IDS)[req.region] ??
      ALB_HOSTED_ZONE_IDS['us-east-1']!,
    zones,
    securityGroups: r.securityGroups,
    createdAt: now,
    activeAt: now + c.provisioningMs,
    tags: r.tags,
  };
  if (r.tags.length > MAX_TAGS) throw tooManyTags(lb.arn);
  c.state.loadBalancers[lb.arn] = lb;
  return { LoadBalancers: [lbOut(lb, now)] };
}

export function describeLoadBalancers(
  c: Elbv2Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const arns = strings(p['LoadBalancerArns'], 'member');
  const names = strings(p['Names'], 'member');
  if (arns.length > 0 && names.length > 0)
    throw validation('Load balancer names and load balancer ARNs cannot be specified at the same time');
  const all = Object.values(c.state.loadBalancers)
    .filter((lb) => lb.region === req.region)
    .sort((a, b) => a.createdAt - b.createdAt || (a.arn < b.arn ? -1 : 1));
  let found = all;
  if (arns.length > 0) {
    found = all.filter((lb) => arns.includes(lb.arn));
    if (found.length < new Set(arns).size)
      throw new AwsError('LoadBalancerNotFound', 'One or more load balancers not found', 400);
  } else if (names.length > 0) {
    found = all.filter((lb) => names.includes(lb.name));
    const missing = names.filter((n) => !found.some((lb) => lb.name === n));
    if (missing.length > 0)
      throw new AwsError('LoadBalancerNotFound', `Load balancers '[${missing.join(', ')}]' not found`, 400);
  }
  const now = ctx.clock.now();
  const { page, NextMarker } = pageOf(found, p);
  return { LoadBalancers: page.map((lb) => lbOut(lb, now)), ...(NextMarker ? { NextMarker } : {}) };
}

/** Deleting a load balancer deletes its listeners; an unknown one is not an error. */
export function deleteLoadBalancer(c: Elbv2Context, req: SandboxRequest): Record<string, unknown> {
  const arn = required(req.params, 'LoadBalancerArn', () =>
    validation('A load balancer ARN must be specified'),
  );
  if (lbByArn(c.state, arn, req.region)) {
    for (const l of Object.values(c.state.listeners))
      if (l.loadBalancerArn === arn) delete c.state.listeners[l.arn];
    delete c.state.loadBalancers[arn];
  }
  return {};
}
