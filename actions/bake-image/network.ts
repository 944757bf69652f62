// Where the builder may run: the subnets to try in order (the given ones, or the default
// VPC's default subnets) and its security groups, checked before anything is launched so a
// wrong id is an input error, not a half-made bake.
import { DescribeSubnetsCommand, type EC2Client, type Subnet } from '@aws-sdk/client-ec2';
import { securityGroupsById } from '@immut/core/ec2-by-id';
import { InputError } from '@immut/core/errors';

export interface BuilderNetwork {
  subnets: Array<{ id: string; zone: string; vpcId: string }>;
  /** Empty: the VPC's default group. */
  securityGroupIds: string[];
}

async function describeSubnets(ec2: EC2Client, ids: string[] | undefined): Promise<Subnet[]> {
  try {
    const out = await ec2.send(
      ids
        ? new DescribeSubnetsCommand({ SubnetIds: ids })
        : new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
    );
    return out.Subnets ?? [];
  } catch (error) {
    if ((error as Error).name === 'InvalidSubnetID.NotFound' && ids) {
      throw new InputError([
        `Input 'subnet-ids' was '${ids.join(',')}': ${(error as Error).message}; expected subnets of this region.`,
      ]);
    }
    throw error;
  }
}

export async function resolveNetwork(
  ec2: EC2Client,
  subnetIds: string[] | undefined,
  securityGroupIds: string[] | undefined,
  region: string,
): Promise<BuilderNetwork> {
  const found = await describeSubnets(ec2, subnetIds);
  const byId = new Map(found.map((s) => [s.SubnetId ?? '', s]));
  const ordered = subnetIds
    ? subnetIds.map((id) => byId.get(id))
    : [...found].sort((a, b) => ((a.AvailabilityZone ?? '') < (b.AvailabilityZone ?? '') ? -1 : 1));
  const subnets = ordered.flatMap((s) =>
    s?.SubnetId ? [{ id: s.SubnetId, zone: s.AvailabilityZone ?? '', vpcId: s.VpcId ?? '' }] : [],
  );
  if (subnetIds && subnets.length !== subnetIds.length) {
    const missing = subnetIds.filter((id) => !byId.has(id));
    throw new InputError([
      `Input 'subnet-ids' was '${subnetIds.join(',')}': ${missing.join(', ')} not found in ${region}; expected subnets of this region.`,
    ]);
  }
  if (subnets.length === 0) {
    throw new InputError([
      `Input 'subnet-ids' was not given and ${region} has no default VPC subnets; expected the subnets the builder may run in.`,
    ]);
  }
  if (!securityGroupIds) return { subnets, securityGroupIds: [] };
  const { groups, missing } = await securityGroupsById(ec2, securityGroupIds);
  if (missing.length > 0) {
    throw new InputError([
      `Input 'security-group-ids' was '${securityGroupIds.join(',')}': ${missing.join(', ')} not found in ${region}; expected security groups of this region.`,
    ]);
  }
  const vpcs = new Set(subnets.map((s) => s.vpcId));
  const foreign = groups.filter((g) => !vpcs.has(g.VpcId ?? ''));
  if (foreign.length > 0) {
    throw new InputError([
      `Input 'security-group-ids' was '${securityGroupIds.join(',')}': ${foreign.map((g) => `${g.GroupId} is in ${g.VpcId}`).join(', ')}, but the builder's subnets are in ${[...vpcs].join(', ')}; expected groups of the subnets' VPC.`,
    ]);
  }
  return { subnets, securityGroupIds };
}
