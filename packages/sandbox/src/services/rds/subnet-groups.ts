// DB subnet groups and VPC security groups, which RDS takes from the seeded VPC.
import { SEED } from '../../seed.js';
import { strings, type Params } from '../common/params.js';

/** The instance's VPC security groups, else the seeded VPC's default group (as RDS
 *  uses the VPC's default security group when none is given). */
export function sgsOrDefault(p: Params): string[] {
  const given = strings(p['VpcSecurityGroupIds'], 'VpcSecurityGroupId');
  return given.length > 0 ? given : [SEED.securityGroup.groupId];
}

/** DB subnet groups are not emulated: every name renders as a group over the seeded
 *  VPC's three subnets (the `default` group RDS makes from the default VPC). */
export function renderSubnetGroup(name: string): Record<string, unknown> {
  return {
    DBSubnetGroupName: name,
    DBSubnetGroupDescription: name === 'default' ? 'default' : name,
    VpcId: SEED.vpc.vpcId,
    SubnetGroupStatus: 'Complete',
    Subnets: SEED.subnets.map((sn) => ({
      SubnetIdentifier: sn.subnetId,
      SubnetAvailabilityZone: { Name: sn.availabilityZone },
      SubnetStatus: 'Active',
    })),
  };
}
