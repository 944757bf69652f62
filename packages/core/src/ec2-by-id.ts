// EC2 reads of known ids, sent as filters. EC2 gives DescribeInstances, DescribeSecurityGroups
// and a few other reads a smaller token bucket (burst 50, refill 10/s) when they are called
// with neither a filter nor pagination, against 100 and 20/s for filtered reads ("Request
// throttling for the Amazon EC2 API", EC2 Developer Guide). A release polls its builder and
// checks its groups while hundreds of others do the same in the account, so the filtered form
// halves how soon those reads are throttled. An unknown id then comes back missing instead of
// failing the call (InvalidInstanceID.NotFound, InvalidGroup.NotFound).
import {
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  type Instance,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';

/** The instance with this id, or undefined if EC2 does not (or not yet) list it. */
export async function instanceById(ec2: EC2Client, instanceId: string): Promise<Instance | undefined> {
  const out = await ec2.send(
    new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: [instanceId] }] }),
  );
  return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).find((i) => i.InstanceId === instanceId);
}

/** The security groups with these ids (an instance takes at most 16), and the ids not found. */
export async function securityGroupsById(
  ec2: EC2Client,
  groupIds: readonly string[],
): Promise<{ groups: SecurityGroup[]; missing: string[] }> {
  const groups: SecurityGroup[] = [];
  let token: string | undefined;
  do {
    const out = await ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [{ Name: 'group-id', Values: [...groupIds] }],
        ...(token ? { NextToken: token } : {}),
      }),
    );
    groups.push(...(out.SecurityGroups ?? []));
    token = out.NextToken;
  } while (token);
  const found = new Set(groups.map((g) => g.GroupId));
  return { groups, missing: groupIds.filter((id) => !found.has(id)) };
}
