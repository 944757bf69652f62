// Read-only checks before anything is created: the subnets, security groups and image the
// inputs name must exist and fit together, so a bad value fails with a clear message and
// leaves nothing half-created behind. (The hosted zone: core's hosted-zone.ts.)
import { DescribeImagesCommand, DescribeSubnetsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import { securityGroupsById } from '@immut/core/ec2-by-id';
import { UserError } from '@immut/core/errors';

export interface SubnetInfo {
  id: string;
  zone: string;
}

export interface Network {
  vpcId: string;
  /** The subnets in input order, each with its availability zone. */
  subnets: SubnetInfo[];
  /** One subnet per zone (the first given): an ALB takes at most one subnet per zone. */
  lbSubnets: string[];
}

export function awsErrorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

export async function checkNetwork(ec2: EC2Client, subnetIds: readonly string[]): Promise<Network> {
  let found;
  try {
    found = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [...subnetIds] }));
  } catch (error) {
    if (awsErrorName(error) === 'InvalidSubnetID.NotFound') {
      throw new UserError(
        `Input 'subnet-ids' was '${subnetIds.join(',')}': ${(error as Error).message}; expected subnets of this region.`,
      );
    }
    throw error;
  }
  const byId = new Map((found.Subnets ?? []).map((s) => [s.SubnetId ?? '', s]));
  const subnets = subnetIds.map((id) => ({ id, zone: byId.get(id)?.AvailabilityZone ?? '' }));
  const vpcs = [...new Set(subnetIds.map((id) => byId.get(id)?.VpcId ?? ''))];
  if (vpcs.length !== 1 || !vpcs[0]) {
    throw new UserError(
      `Input 'subnet-ids' was '${subnetIds.join(',')}': the subnets are in different VPCs (${vpcs.join(', ')}); expected subnets of one VPC.`,
    );
  }
  const lbSubnets: string[] = [];
  const zones = new Set<string>();
  for (const s of subnets) {
    if (zones.has(s.zone)) continue;
    zones.add(s.zone);
    lbSubnets.push(s.id);
  }
  if (zones.size < 2) {
    throw new UserError(
      `Input 'subnet-ids' was '${subnetIds.join(',')}': all in ${[...zones].join(', ')}; expected subnets in at least two availability zones (a load balancer needs two).`,
    );
  }
  return { vpcId: vpcs[0], subnets, lbSubnets };
}

/**
 * The network as the prepared load balancer (read by ARN just now) shows it, when the inputs
 * ask for exactly what it stands on: the same subnets (one per zone, so each subnet's zone is
 * on record) and the same security groups for servers and load balancer. ELBv2 checked those
 * subnets and groups (one VPC, at least two zones) when it made the load balancer, and neither
 * can be deleted while its network interfaces use them, so DescribeSubnets and
 * DescribeSecurityGroups would only say it again. Undefined otherwise: the caller checks.
 */
export function networkOfLoadBalancer(
  lb: LoadBalancer,
  inputs: {
    subnetIds: readonly string[];
    securityGroupIds: readonly string[];
    lbSecurityGroupIds: readonly string[];
  },
): Network | undefined {
  const zoneOf = new Map((lb.AvailabilityZones ?? []).map((z) => [z.SubnetId ?? '', z.ZoneName ?? '']));
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  if (!lb.VpcId || !same(inputs.subnetIds, [...zoneOf.keys()])) return undefined;
  if (!same(inputs.lbSecurityGroupIds, lb.SecurityGroups ?? [])) return undefined;
  if (!same(inputs.securityGroupIds, inputs.lbSecurityGroupIds)) return undefined;
  const subnets = inputs.subnetIds.map((id) => ({ id, zone: zoneOf.get(id) ?? '' }));
  if (subnets.some((s) => !s.zone) || new Set(subnets.map((s) => s.zone)).size !== subnets.length)
    return undefined;
  return { vpcId: lb.VpcId, subnets, lbSubnets: subnets.map((s) => s.id) };
}

export async function checkSecurityGroups(
  ec2: EC2Client,
  input: string,
  groupIds: readonly string[],
  vpcId: string,
): Promise<void> {
  const { groups, missing } = await securityGroupsById(ec2, groupIds);
  if (missing.length > 0) {
    throw new UserError(
      `Input '${input}' was '${groupIds.join(',')}': ${missing.join(', ')} not found in this region; expected security groups of this region.`,
    );
  }
  const elsewhere = groups.filter((g) => g.VpcId !== vpcId).map((g) => g.GroupId);
  if (elsewhere.length > 0) {
    throw new UserError(
      `Input '${input}' was '${groupIds.join(',')}': ${elsewhere.join(', ')} not in the subnets' VPC ${vpcId}; expected security groups of ${vpcId}.`,
    );
  }
}

export async function checkImage(ec2: EC2Client, imageId: string, origin: string): Promise<string> {
  let images;
  try {
    images = await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
  } catch (error) {
    if (/^InvalidAMIID\./.test(awsErrorName(error))) {
      throw new UserError(
        `The image ${imageId} (from ${origin}) cannot be launched: ${(error as Error).message}.`,
      );
    }
    throw error;
  }
  const image = images.Images?.[0];
  if (!image) throw new UserError(`The image ${imageId} (from ${origin}) does not exist in this region.`);
  if (image.State !== 'available') {
    throw new UserError(
      `The image ${imageId} (from ${origin}) is ${image.State ?? 'in an unknown state'}; expected an available image.`,
    );
  }
  return image.Name ?? imageId;
}
