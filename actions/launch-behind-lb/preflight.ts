// Read-only checks before anything is created: the subnets, security groups, image and
// hosted zone the inputs name must exist and fit together, so a bad value fails with a
// clear message and leaves nothing half-created behind.
import {
  DescribeImagesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import {
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { UserError } from '../../packages/core/src/errors.js';
import { checkDnsName, normalizeDnsName } from '../../packages/core/src/naming.js';

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

export async function checkSecurityGroups(
  ec2: EC2Client,
  input: string,
  groupIds: readonly string[],
  vpcId: string,
): Promise<void> {
  let found;
  try {
    found = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] }));
  } catch (error) {
    if (awsErrorName(error) === 'InvalidGroup.NotFound') {
      throw new UserError(
        `Input '${input}' was '${groupIds.join(',')}': ${(error as Error).message}; expected security groups of this region.`,
      );
    }
    throw error;
  }
  const elsewhere = (found.SecurityGroups ?? []).filter((g) => g.VpcId !== vpcId).map((g) => g.GroupId);
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

export interface HostedZone {
  /** Bare id, without `/hostedzone/`. */
  id: string;
  /** Normalized name, without the trailing dot. */
  name: string;
}

const ZONE_ID = /^(?:\/hostedzone\/)?(Z[A-Z0-9]{1,32})$/;

/** The `zone` input: a hosted zone id (`Z…`) or a public zone's name. */
export async function resolveZone(route53: Route53Client, zone: string): Promise<HostedZone> {
  const idMatch = ZONE_ID.exec(zone.trim());
  if (idMatch?.[1]) {
    try {
      const found = await route53.send(new GetHostedZoneCommand({ Id: idMatch[1] }));
      return { id: idMatch[1], name: normalizeDnsName(found.HostedZone?.Name ?? '') };
    } catch (error) {
      if (awsErrorName(error) === 'NoSuchHostedZone') {
        throw new UserError(
          `Input 'zone' was '${zone}': no hosted zone has this id; expected a hosted zone id or name.`,
        );
      }
      throw error;
    }
  }
  const name = normalizeDnsName(zone);
  const problem = checkDnsName(name);
  if (problem)
    throw new UserError(`Input 'zone' was '${zone}': ${problem}; expected a hosted zone id or name.`);
  const listed = await route53.send(new ListHostedZonesByNameCommand({ DNSName: name, MaxItems: 10 }));
  const matches = (listed.HostedZones ?? []).filter((z) => normalizeDnsName(z.Name ?? '') === name);
  // A public and a private zone may share a name; the build name is for testing from
  // anywhere, so the public one is meant unless an id says otherwise.
  const publicZones = matches.filter((z) => !z.Config?.PrivateZone);
  const chosen = publicZones.length === 1 ? publicZones[0] : matches.length === 1 ? matches[0] : undefined;
  if (!chosen?.Id) {
    throw new UserError(
      matches.length === 0
        ? `Input 'zone' was '${zone}': no hosted zone has this name in this account; expected a hosted zone id or name.`
        : `Input 'zone' was '${zone}': ${matches.length} hosted zones have this name; pass the id of the one to use.`,
    );
  }
  return { id: chosen.Id.replace(/^\/hostedzone\//, ''), name };
}
