// What the world action may do. Modes plan and record make no AWS call (the actions they
// plan do); they write the world release's tag and notes through the GitHub token. Mode
// status (and plan with only-stale, which runs it) only reads: which build the role's name
// points at, which builds stand, which OS heads the roles' base-image sources offer now,
// and when the replicas were made. Nothing in this policy can change or decrypt anything.
import { arn, BASE_IMAGE_PARAMETERS, definePermissions, readHostedZones } from '@immut/core/iam-policy';

export default definePermissions({
  iam: [
    {
      sid: 'StatusDescribe',
      actions: ['ec2:DescribeImages', 'ec2:DescribeInstances', 'route53:ListHostedZonesByName'],
      resources: ['*'],
      why: "Mode status: finds the roles' running builds, the base images' creation dates and the OS heads a name filter matches, and the world's hosted zone; these calls take no resource-level permission, so they stay on *.",
      calls: 'gather.ts: standingServers, imageDates, filterImages; core hosted-zone.ts: resolveZone',
    },
    readHostedZones(
      {
        sid: 'StatusReadZone',
        why: "Mode status: reads each role's name and its history record, in the hosted zones you name only.",
        calls: 'core hosted-zone.ts: recordSetsAt (gather.ts: liveBuilds)',
      },
      // No GetHostedZone: a world file names its zone by name (ListHostedZonesByName).
      ['route53:ListResourceRecordSets'],
    ),
    {
      sid: 'StatusBaseImageHistory',
      actions: ['ssm:GetParameterHistory'],
      resources: BASE_IMAGE_PARAMETERS,
      why: "Mode status: reads the versions of the roles' base-image parameters (AWS's public ones and the prefixes you name) to count newer OS heads; never decrypted, and no other parameter is readable.",
      calls: 'gather.ts: parameterImages',
    },
    {
      sid: 'StatusReplicas',
      actions: ['rds:DescribeDBInstances'],
      resources: [arn.rds('db:*')],
      why: "Mode status: reads when the live release's data replica was created, in this account only.",
      calls: 'gather.ts: readReplica',
    },
    {
      sid: 'StatusAuroraReplicas',
      actions: ['rds:DescribeDBClusters'],
      resources: [arn.rds('cluster:*')],
      why: "Mode status: reads when the live release's Aurora clone was created, in this account only.",
      calls: 'gather.ts: readReplica',
    },
  ],
  github: { contents: 'write' },
});
