// What retire-release may do in AWS (rendered into action-docs/ by npm run docs; the e2e
// tests check the calls the action makes against these actions).
import {
  allOf,
  arn,
  definePermissions,
  managedResource,
  onlyTagKeys,
  readHostedZones,
} from '@immut/core/iam-policy';
import { MANAGED_BY_VALUE, SHARED_WITH_PREFIX, TAG, USED_BY_PREFIX } from '@immut/core/tags';

/** Auto Scaling group ARNs: `autoScalingGroup:<uuid>:autoScalingGroupName/<name>`. */
const GROUP = 'arn:${Partition}:autoscaling:${Region}:${Account}:autoScalingGroup:*:autoScalingGroupName/*';

// RDS identifiers immut creates follow the naming standard (core naming.ts): a replica is
// `<env>-<role>-<build>` (or `<env>-<role…>-<hash>-<build>`), its snapshots add `-final` or
// `-source`; env and build hold no hyphen, so every one matches `<env>-*-*`. Deletes and
// modifications are scoped to that pattern as well as to immut's tags: RDS has no create-action
// key, so tags on an existing database are something an administrator (or a tool with tag
// rights) can add, and the name pattern keeps the source database out of reach even then.
const IMMUT_DB = arn.rds('db:${Env}-*-*');
const IMMUT_DB_SNAPSHOT = arn.rds('snapshot:${Env}-*-*');
/** replicate-data's Aurora clone, named like a replica. */
const IMMUT_CLUSTER = arn.rds('cluster:${Env}-*-*');

export default definePermissions({
  iam: [
    {
      sid: 'Describe',
      actions: [
        'autoscaling:DescribeAutoScalingGroups',
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
        'ec2:DescribeLaunchTemplates',
        'ec2:DescribeSnapshots',
        'elasticloadbalancing:DescribeListeners',
        'elasticloadbalancing:DescribeLoadBalancers',
        'elasticloadbalancing:DescribeTags',
        'elasticloadbalancing:DescribeTargetGroupAttributes',
        'elasticloadbalancing:DescribeTargetGroups',
        'route53:ListHostedZonesByName',
      ],
      resources: ['*'],
      why: "Finds the role's builds and re-reads each resource before deleting it; these calls take no resource-level permission, so they stay on *.",
      calls:
        'discover.ts: discover; fleet.ts: findGroups, findTemplates, groupNow, templateTagsNow; retire.ts: retireBuild, retireImage (re-reads); unshare.ts: sharedImages, reread; core hosted-zone.ts: resolveZone',
    },
    {
      sid: 'DescribeRds',
      actions: ['rds:DescribeDBInstances', 'rds:DescribeDBSnapshots'],
      resources: [arn.rds('db:*'), arn.rds('snapshot:*')],
      why: "Finds the role's data replicas and snapshots in this account and re-reads them before deleting.",
      calls: 'discover.ts: discover; retire.ts: retireBuild (re-reads)',
    },
    {
      sid: 'DescribeAurora',
      actions: ['rds:DescribeDBClusters'],
      resources: [arn.rds('cluster:*')],
      why: "Finds the role's Aurora clones (replicate-data from an Aurora source) in this account and re-reads them before deleting.",
      calls: 'discover.ts: discover; retire.ts: retireCluster (re-read)',
    },
    readHostedZones({
      why: "Reads the name's history and build records, only in the zones you name.",
      calls: 'core hosted-zone.ts: resolveZone, recordSetsAt, recordSetsWithChild; live.ts',
    }),
    {
      sid: 'RemoveBuildNames',
      actions: ['route53:ChangeResourceRecordSets'],
      resources: [arn.route53('hostedzone/${HostedZoneId}')],
      conditions: {
        'ForAllValues:StringLike': {
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['*.${RecordName}'],
        },
        'ForAllValues:StringNotLike': {
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['_immut-history.*'],
        },
        'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': ['A', 'TXT'] },
      },
      why: "Deletes build names below the role names you name and takes the name's _immut-lease. record; never the role name itself nor its history.",
      calls: 'retire.ts: retireBuild; core lease.ts: acquireLease',
    },
    {
      sid: 'DeleteGroup',
      actions: ['autoscaling:DeleteAutoScalingGroup'],
      resources: [GROUP],
      conditions: allOf(managedResource(), {
        StringEquals: {
          [`autoscaling:ResourceTag/${TAG.managedBy}`]: [MANAGED_BY_VALUE],
          [`autoscaling:ResourceTag/${TAG.env}`]: ['${Env}'],
        },
      }),
      why: "Force-deletes only Auto Scaling groups carrying immut's tags (their servers terminate with them).",
      calls: 'fleet.ts: deleteGroup (from retire.ts: retireBuild)',
    },
    {
      sid: 'DeleteLaunchTemplate',
      actions: ['ec2:DeleteLaunchTemplate'],
      resources: [arn.ec2('launch-template/*')],
      conditions: managedResource(),
      why: "Deletes only launch templates carrying immut's tags.",
      calls: 'fleet.ts: deleteTemplate (from retire.ts: retireBuild)',
    },
    {
      sid: 'TerminateInstances',
      actions: ['ec2:TerminateInstances'],
      resources: [arn.ec2('instance/*')],
      conditions: managedResource(),
      why: "Terminates only instances carrying immut's tags (and the env's, when the policy names one).",
      calls: 'retire.ts: retireBuild',
    },
    {
      sid: 'DeregisterImage',
      actions: ['ec2:DeregisterImage'],
      resources: [arn.ec2Image('image/*')],
      conditions: managedResource(),
      why: "Deregisters only images carrying immut's tags.",
      calls: 'retire.ts: retireImage',
    },
    {
      sid: 'ReleasePromotedImage',
      actions: ['ec2:DeleteTags'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      // Another env's image (a promotion ran it here), but only immut's, and only this env's
      // used-by key: the image itself is left to its own env's retirement.
      conditions: allOf(
        { StringEquals: { [`aws:ResourceTag/${TAG.managedBy}`]: [MANAGED_BY_VALUE] } },
        onlyTagKeys([`${USED_BY_PREFIX}\${Env}`]),
        { 'ForAllValues:StringLike': { 'aws:TagKeys': [`${USED_BY_PREFIX}*`] } },
      ),
      why: "Once the build that ran a promoted image is retired, takes this env's immut:used-by tag off that image and its snapshots, so the env that baked it may retire it; only that key, only on immut's resources.",
      calls: 'retire.ts: releaseBorrowed',
    },
    {
      sid: 'Unshare',
      actions: ['ec2:ModifyImageAttribute', 'ec2:ModifySnapshotAttribute'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      // The source account's image (any env's: a promotion shared it), only immut's.
      conditions: { StringEquals: { [`aws:ResourceTag/${TAG.managedBy}`]: [MANAGED_BY_VALUE] } },
      why: "mode unshare (the source account's role): once the target env's build is retired, removes the launch permission and create-volume permissions a promotion gave the target account; only on immut's images and snapshots.",
      calls: 'unshare.ts: takeBack',
    },
    {
      sid: 'UnshareMarks',
      actions: ['ec2:DeleteTags'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      conditions: allOf(
        { StringEquals: { [`aws:ResourceTag/${TAG.managedBy}`]: [MANAGED_BY_VALUE] } },
        onlyTagKeys([`${USED_BY_PREFIX}\${Env}`, `${SHARED_WITH_PREFIX}\${Env}`]),
        { 'ForAllValues:StringLike': { 'aws:TagKeys': [`${USED_BY_PREFIX}*`, `${SHARED_WITH_PREFIX}*`] } },
      ),
      why: "mode unshare: deletes the target env's immut:used-by and immut:shared-with marks from the image and its snapshots with the share, so the source env's retirement may delete the image; only those keys, only on immut's resources.",
      calls: 'unshare.ts: takeBack',
    },
    {
      sid: 'DeleteSnapshot',
      actions: ['ec2:DeleteSnapshot'],
      resources: [arn.ec2Image('snapshot/*')],
      conditions: managedResource(),
      why: "Deletes only EBS snapshots carrying immut's tags.",
      calls: 'retire.ts: retireImage',
    },
    {
      sid: 'DeleteElb',
      actions: [
        'elasticloadbalancing:DeleteListener',
        'elasticloadbalancing:DeleteLoadBalancer',
        'elasticloadbalancing:DeleteTargetGroup',
      ],
      resources: [arn.elb('listener/app/*/*/*'), arn.elb('loadbalancer/app/*/*'), arn.elb('targetgroup/*/*')],
      conditions: managedResource(),
      why: "Deletes only listeners, load balancers and target groups carrying immut's tags.",
      calls: 'retire.ts: retireBuild',
    },
    {
      sid: 'DeleteRds',
      actions: ['rds:DeleteDBInstance', 'rds:DeleteDBSnapshot'],
      resources: [IMMUT_DB, IMMUT_DB_SNAPSHOT],
      conditions: managedResource(),
      why: "Deletes only DB instances and DB snapshots named as immut names them (<env>-<role>-<build>…) and carrying immut's tags: tags alone can be added to the source database by anyone with tag rights, its name cannot be changed into immut's pattern without replacing it. Without an env in the policy the pattern is *-*-*, which a source named with two hyphens would match: name the env.",
      calls: 'retire.ts: retireBuild',
    },
    {
      sid: 'DeleteAurora',
      actions: ['rds:DeleteDBCluster'],
      resources: [IMMUT_CLUSTER],
      conditions: managedResource(),
      why: "Deletes only Aurora DB clusters named as immut names them and carrying immut's tags, after their instances (DeleteRds).",
      calls: 'retire.ts: retireCluster',
    },
  ],
});
