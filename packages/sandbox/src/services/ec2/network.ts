// The network the sandbox seeds and never changes: VPCs, subnets, security groups and
// availability zones (Describe* only).
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { filtered, strList, tagSet, type FilterTable } from './params.js';
import {
  findGroup,
  findSubnet,
  inRegion,
  tagsOf,
  type Ec2Result,
  type Ec2State,
  type SecurityGroup,
  type Subnet,
  type Vpc,
} from './state.js';

const SUBNET_FILTERS: FilterTable<Subnet> = {
  'subnet-id': (s) => [s.subnetId],
  'vpc-id': (s) => [s.vpcId],
  'availability-zone': (s) => [s.availabilityZone],
  'availability-zone-id': (s) => [s.zoneId],
  'cidr-block': (s) => [s.cidrBlock],
  'default-for-az': (s) => [String(s.defaultForAz)],
  state: () => ['available'],
};

export function describeSubnets(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const accountId = ctx.accountId;
  const ids = strList(req.params.SubnetId);
  let subnets = inRegion(state.subnets, req.region);
  if (ids.length > 0) {
    for (const id of ids) findSubnet(state, id, req.region);
    subnets = subnets.filter((s) => ids.includes(s.subnetId));
  }
  const matching = filtered(subnets, req.params, SUBNET_FILTERS, (s) => tagsOf(state, s.subnetId));
  return {
    subnetSet: matching.map((s) => ({
      subnetId: s.subnetId,
      subnetArn: `arn:aws:ec2:${s.region}:${accountId}:subnet/${s.subnetId}`,
      state: 'available',
      vpcId: s.vpcId,
      ownerId: accountId,
      cidrBlock: s.cidrBlock,
      availableIpAddressCount: 4091,
      availabilityZone: s.availabilityZone,
      availabilityZoneId: s.zoneId,
      defaultForAz: s.defaultForAz,
      mapPublicIpOnLaunch: s.defaultForAz,
      assignIpv6AddressOnCreation: false,
      tagSet: tagSet(state.tags[s.subnetId]),
    })),
  };
}

const groupFilters = (accountId: string): FilterTable<SecurityGroup> => ({
  'group-id': (g) => [g.groupId],
  'group-name': (g) => [g.groupName],
  'vpc-id': (g) => [g.vpcId],
  description: (g) => [g.description],
  'owner-id': () => [accountId],
});

export function describeSecurityGroups(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const accountId = ctx.accountId;
  const ids = strList(req.params.GroupId);
  const names = strList(req.params.GroupName);
  let groups = inRegion(state.securityGroups, req.region);
  if (ids.length > 0) {
    for (const id of ids) findGroup(state, id, req.region);
    groups = groups.filter((g) => ids.includes(g.groupId));
  }
  if (names.length > 0) {
    for (const n of names) {
      if (!groups.some((g) => g.groupName === n))
        throw new AwsError(
          'InvalidGroup.NotFound',
          `The security group '${n}' does not exist in default VPC`,
        );
    }
    groups = groups.filter((g) => names.includes(g.groupName));
  }
  const matching = filtered(groups, req.params, groupFilters(accountId), (g) => tagsOf(state, g.groupId));
  return {
    securityGroupInfo: matching.map((g) => ({
      ownerId: accountId,
      groupId: g.groupId,
      groupName: g.groupName,
      groupDescription: g.description,
      vpcId: g.vpcId,
      securityGroupArn: `arn:aws:ec2:${g.region}:${accountId}:security-group/${g.groupId}`,
      ipPermissions: [],
      ipPermissionsEgress: [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '0.0.0.0/0' }] }],
      tagSet: tagSet(state.tags[g.groupId]),
    })),
  };
}

const vpcFilters = (accountId: string): FilterTable<Vpc> => ({
  'vpc-id': (v) => [v.vpcId],
  'is-default': (v) => [String(v.isDefault)],
  cidr: (v) => [v.cidrBlock],
  'cidr-block': (v) => [v.cidrBlock],
  state: () => ['available'],
  'owner-id': () => [accountId],
});

export function describeVpcs(state: Ec2State, req: SandboxRequest, ctx: ServiceContext): Ec2Result {
  const accountId = ctx.accountId;
  const ids = strList(req.params.VpcId);
  let vpcs = inRegion(state.vpcs, req.region);
  if (ids.length > 0) {
    for (const id of ids) {
      if (!vpcs.some((v) => v.vpcId === id))
        throw new AwsError('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
    }
    vpcs = vpcs.filter((v) => ids.includes(v.vpcId));
  }
  const matching = filtered(vpcs, req.params, vpcFilters(accountId), (v) => tagsOf(state, v.vpcId));
  return {
    vpcSet: matching.map((v) => ({
      vpcId: v.vpcId,
      ownerId: accountId,
      state: 'available',
      cidrBlock: v.cidrBlock,
      cidrBlockAssociationSet: [
        {
          associationId: `vpc-cidr-assoc-${v.vpcId.slice(4)}`,
          cidrBlock: v.cidrBlock,
          cidrBlockState: { state: 'associated' },
        },
      ],
      dhcpOptionsId: 'dopt-0a1b2c3d',
      instanceTenancy: 'default',
      isDefault: v.isDefault,
      tagSet: tagSet(state.tags[v.vpcId]),
    })),
  };
}

interface Zone {
  zoneName: string;
  zoneId: string;
  regionName: string;
}

const ZONE_FILTERS: FilterTable<Zone> = {
  'zone-name': (z) => [z.zoneName],
  'zone-id': (z) => [z.zoneId],
  'region-name': (z) => [z.regionName],
  state: () => ['available'],
  'zone-type': () => ['availability-zone'],
  'opt-in-status': () => ['opt-in-not-required'],
};

export function describeAvailabilityZones(state: Ec2State, req: SandboxRequest): Ec2Result {
  const names = strList(req.params.ZoneName);
  const zones: Zone[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((suffix, i) => ({
    zoneName: `${req.region}${suffix}`,
    zoneId:
      state.subnets.find((s) => s.availabilityZone === `${req.region}${suffix}`)?.zoneId ??
      `${req.region.replace(/-/g, '').slice(0, 4)}-az${i + 1}`,
    regionName: req.region,
  }));
  let selected = zones;
  if (names.length > 0) {
    for (const n of names) {
      if (!zones.some((z) => z.zoneName === n))
        throw new AwsError('InvalidParameterValue', `Invalid availability zone: [${n}]`);
    }
    selected = zones.filter((z) => names.includes(z.zoneName));
  }
  const matching = filtered(selected, req.params, ZONE_FILTERS, () => ({}));
  return {
    availabilityZoneInfo: matching.map((z) => ({
      zoneName: z.zoneName,
      zoneId: z.zoneId,
      zoneState: 'available',
      regionName: z.regionName,
      groupName: z.regionName,
      networkBorderGroup: z.regionName,
      optInStatus: 'opt-in-not-required',
      zoneType: 'availability-zone',
      messageSet: [],
    })),
  };
}
