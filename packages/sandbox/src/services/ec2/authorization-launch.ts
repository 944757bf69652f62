// RunInstances' IAM authorizations ("Launch instances (RunInstances)" in the EC2 user
// guide's example policies): ec2:RunInstances on every resource the launch uses or
// creates, ec2:CreateTags on what it tags, iam:PassRole on the instance profile's role.
import type { AuthorizationRequest, ResourceRef } from '../../iam/request.js';
import { str, type Params } from '../common/params.js';
import {
  action,
  createTagsOnCreate,
  imageContext,
  requestTagsByType,
  tagsOf,
  type Ec2Auth,
} from './authorization-common.js';
import { strList } from './params.js';
import type { Subnet } from './state.js';
import { foreignImage } from './sharing.js';

function launchSubnet(a: Ec2Auth, p: Params): Subnet | undefined {
  const id = str(p.SubnetId);
  const inRegion = a.state.subnets.filter((s) => s.region === a.req.region);
  if (id) return inRegion.find((s) => s.subnetId === id);
  const az = str(((p.Placement ?? {}) as Params).AvailabilityZone);
  const defaults = inRegion.filter((s) => s.defaultForAz);
  return az ? defaults.find((s) => s.availabilityZone === az) : defaults[0];
}

function launchGroups(a: Ec2Auth, p: Params, vpcId: string | undefined): string[] {
  const groups = a.state.securityGroups.filter((g) => g.region === a.req.region && g.vpcId === vpcId);
  const ids = [
    ...strList(p.SecurityGroupId),
    ...strList(p.SecurityGroup).map((name) => groups.find((g) => g.groupName === name)?.groupId ?? name),
  ];
  if (ids.length > 0) return ids;
  const def = groups.find((g) => g.groupName === 'default');
  return def ? [def.groupId] : [];
}

/** The role an instance profile passes. The sandbox has no IAM service: the profile
 *  (named or given by ARN) is taken to hold the role of the same name. */
function passRole(a: Ec2Auth, p: Params): AuthorizationRequest[] {
  const profile = (p.IamInstanceProfile ?? {}) as Params;
  const name = str(profile.Name) ?? str(profile.Arn)?.replace(/^.*:instance-profile\//, '');
  if (!name) return [];
  return [
    {
      action: 'iam:PassRole',
      resource: { type: 'role', ids: { RoleNameWithPath: name } },
      context: {
        'iam:PassedToService': 'ec2.amazonaws.com',
        'iam:AssociatedResourceArn': `arn:aws:ec2:${a.req.region}:${a.ctx.accountId}:instance/*`,
      },
    },
  ];
}

export function runInstances(a: Ec2Auth): AuthorizationRequest[] {
  const p = a.req.params;
  const run = (resource: ResourceRef, extra: Partial<AuthorizationRequest> = {}): AuthorizationRequest => ({
    action: action('RunInstances'),
    resource,
    ...extra,
    context: { ...a.base, ...(extra.context ?? {}) },
  });
  const imageId = str(p.ImageId) ?? '';
  const image = a.state.images[imageId] ?? foreignImage(a.ctx, imageId, a.req.region);
  const subnet = launchSubnet(a, p);
  const subnetId = subnet?.subnetId ?? str(p.SubnetId) ?? '*';
  const subnetArn = `arn:aws:ec2:${a.req.region}:${a.ctx.accountId}:subnet/${subnetId}`;
  const vpcArn = `arn:aws:ec2:${a.req.region}:${a.ctx.accountId}:vpc/${subnet?.vpcId ?? '*'}`;
  const tags = requestTagsByType(p);
  const profile = (p.IamInstanceProfile ?? {}) as Params;
  const metadata = (p.MetadataOptions ?? {}) as Params;
  const profileName = str(profile.Name);
  const profileArn =
    str(profile.Arn) ??
    (profileName ? `arn:aws:iam::${a.ctx.accountId}:instance-profile/${profileName}` : undefined);
  const created: Record<string, ResourceRef> = {
    instance: { type: 'instance' },
    volume: { type: 'volume' },
    'network-interface': { type: 'network-interface' },
  };
  const az = subnet?.availabilityZone;
  const requests: AuthorizationRequest[] = [
    run(
      { type: 'image', ids: { ImageId: imageId } },
      { resourceTags: tagsOf(a, imageId), context: imageContext(image) },
    ),
    run(
      { type: 'subnet', ids: { SubnetId: subnetId } },
      {
        resourceTags: subnet ? tagsOf(a, subnet.subnetId) : {},
        context: {
          'ec2:SubnetID': subnetId,
          'ec2:Vpc': vpcArn,
          ...(az ? { 'ec2:AvailabilityZone': az } : {}),
        },
      },
    ),
    ...launchGroups(a, p, subnet?.vpcId).map((id) =>
      run(
        { type: 'security-group', ids: { SecurityGroupId: id } },
        {
          resourceTags: tagsOf(a, id),
          context: { 'ec2:SecurityGroupID': id, 'ec2:Vpc': vpcArn },
        },
      ),
    ),
    run(created['network-interface']!, {
      requestTags: tags['network-interface'] ?? {},
      context: { 'ec2:Subnet': subnetArn, 'ec2:Vpc': vpcArn, ...(az ? { 'ec2:AvailabilityZone': az } : {}) },
    }),
    run(created.volume!, {
      requestTags: tags.volume ?? {},
      context: {
        'ec2:VolumeType': 'gp3',
        'ec2:Encrypted': image?.blockDevices[0]?.encrypted ? 'true' : 'false',
        ...(image ? { 'ec2:VolumeSize': String(image.blockDevices[0]?.volumeSize ?? 8) } : {}),
        ...(az ? { 'ec2:AvailabilityZone': az } : {}),
      },
    }),
    ...(image?.blockDevices ?? []).map((b) =>
      run({ type: 'snapshot', ids: { SnapshotId: b.snapshotId } }, { resourceTags: tagsOf(a, b.snapshotId) }),
    ),
    ...(str(p.KeyName)
      ? [
          run(
            { type: 'key-pair', ids: { KeyPairName: str(p.KeyName)! } },
            { context: { 'ec2:KeyPairName': str(p.KeyName)! } },
          ),
        ]
      : []),
    run(created.instance!, {
      requestTags: tags.instance ?? {},
      context: {
        'ec2:InstanceType': str(p.InstanceType) ?? 'm1.small',
        'ec2:RootDeviceType': 'ebs',
        'ec2:Tenancy': 'default',
        // The instance's metadata options as launched (AWS's defaults when not given).
        'ec2:MetadataHttpTokens': str(metadata.HttpTokens) ?? 'optional',
        'ec2:MetadataHttpEndpoint': str(metadata.HttpEndpoint) ?? 'enabled',
        'ec2:MetadataHttpPutResponseHopLimit': str(metadata.HttpPutResponseHopLimit) ?? '1',
        ...(profileArn ? { 'ec2:InstanceProfile': profileArn } : {}),
        ...(az ? { 'ec2:AvailabilityZone': az } : {}),
      },
    }),
  ];
  return [...requests, ...createTagsOnCreate(a, tags, created), ...passRole(a, p)];
}
