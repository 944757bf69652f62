// What launch-behind-lb may do in AWS (rendered into action-docs/ by npm run docs; the e2e
// tests check the calls the action makes against these actions).
import { MANAGED_BY_VALUE, TAG } from '@immut/core/tags';
import {
  allOf,
  arn,
  createdWithImmutTags,
  definePermissions,
  managedResource,
  readHostedZones,
  waitForRoute53Change,
} from '@immut/core/iam-policy';

const LOAD_BALANCER = arn.elb('loadbalancer/app/*/*');
const LAUNCH_TEMPLATE = arn.ec2('launch-template/*');
/** Auto Scaling group ARNs: `autoScalingGroup:<uuid>:autoScalingGroupName/<name>`. */
const GROUP = 'arn:${Partition}:autoscaling:${Region}:${Account}:autoScalingGroup:*:autoScalingGroupName/*';
/** Groups named as core's naming standard names them (`<env>-<role>-<build>`, env and build
 *  without hyphens): creating any other group is not immut's business. */
const IMMUT_GROUP =
  'arn:${Partition}:autoscaling:${Region}:${Account}:autoScalingGroup:*:autoScalingGroupName/${Env}-*-*';
/** Auto Scaling's own key for a group's tags (its guide's), required beside aws:ResourceTag. */
const managedGroup = () => ({
  StringEquals: {
    [`autoscaling:ResourceTag/${TAG.managedBy}`]: [MANAGED_BY_VALUE],
    [`autoscaling:ResourceTag/${TAG.env}`]: ['${Env}'],
  },
});
const TARGET_GROUP = arn.elb('targetgroup/*/*');
const LISTENER = arn.elb('listener/app/*/*/*');

export default definePermissions({
  iam: [
    {
      sid: 'Describe',
      actions: [
        'autoscaling:DescribeAutoScalingGroups',
        'autoscaling:DescribeScalingActivities',
        'ec2:DescribeImages',
        'ec2:DescribeLaunchTemplates',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets',
        'elasticloadbalancing:DescribeListeners',
        'elasticloadbalancing:DescribeLoadBalancers',
        'elasticloadbalancing:DescribeTags',
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeTargetHealth',
        'route53:ListHostedZonesByName',
      ],
      resources: ['*'],
      why: 'Checks the image and network, finds an earlier attempt and watches health; these calls take no resource-level permission, so they stay on *.',
      calls:
        'preflight.ts: checkNetwork, checkSecurityGroups (core ec2-by-id.ts: securityGroupsById), checkImage (prepare mode: checkNetwork, checkSecurityGroups only); fleet.ts: findLaunchTemplate, findGroup, waitFleetHealthy; load-balancer.ts: findLoadBalancer, findTargetGroupArn, listenersOf, tagsOf, tagsOfMany (prepare.ts: findFrontEnd); health.ts: waitLoadBalancerActive; undo.ts: undoHandlers; core hosted-zone.ts: resolveZone',
    },
    readHostedZones({
      why: 'Reads only the hosted zones you name.',
      calls: 'core hosted-zone.ts: resolveZone; dns.ts: findRecord',
    }),
    waitForRoute53Change({
      why: 'Waits for its record change to be in sync (change ids are not known in advance).',
      calls: 'dns.ts: waitInsync',
    }),
    {
      sid: 'BuildName',
      actions: ['route53:ChangeResourceRecordSets'],
      resources: [arn.route53('hostedzone/${HostedZoneId}')],
      conditions: {
        'ForAllValues:StringLike': {
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['*.${RecordName}'],
        },
        'ForAllValues:StringNotLike': {
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['_immut-*'],
        },
        'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': ['A'] },
      },
      why: "Writes only A records below the role names you name (the build's <build>.<role>.<env>.<zone> name), never the role name itself nor immut's _immut- records.",
      calls: 'dns.ts: ensureBuildRecord, deleteRecord',
    },
    {
      sid: 'CreateLaunchTemplate',
      actions: ['ec2:CreateLaunchTemplate'],
      resources: [LAUNCH_TEMPLATE],
      conditions: createdWithImmutTags(),
      why: "Creates the build's launch template only with immut's tags in the request.",
      calls: 'fleet.ts: ensureLaunchTemplate; launch.ts: the dry run (DryRun=true)',
    },
    {
      sid: 'TagOnCreateTemplate',
      actions: ['ec2:CreateTags'],
      resources: [LAUNCH_TEMPLATE],
      conditions: allOf(createdWithImmutTags(), {
        StringEquals: { 'ec2:CreateAction': ['CreateLaunchTemplate'] },
      }),
      why: "Tags a launch template only as part of CreateLaunchTemplate, so no existing template can be given immut's tags.",
      calls: 'fleet.ts: ensureLaunchTemplate (TagSpecifications)',
    },
    {
      sid: 'CreateGroup',
      actions: ['autoscaling:CreateAutoScalingGroup'],
      resources: [IMMUT_GROUP],
      conditions: createdWithImmutTags(),
      why: "Creates the build's Auto Scaling group, named by immut's naming standard, only with immut's tags in the request; immut never tags a group after it is made (no CreateOrUpdateTags).",
      calls: 'fleet.ts: ensureGroup',
    },
    {
      sid: 'LaunchFromTemplate',
      actions: ['ec2:RunInstances'],
      resources: [LAUNCH_TEMPLATE],
      conditions: managedResource(),
      why: "Creating a group from a launch template needs the right to launch from it: only templates carrying immut's tags.",
      calls: 'fleet.ts: ensureGroup (CreateAutoScalingGroup with a launch template)',
    },
    {
      sid: 'ChangeGroup',
      actions: ['autoscaling:DeleteAutoScalingGroup', 'autoscaling:PutScalingPolicy'],
      resources: [GROUP],
      conditions: allOf(managedResource(), managedGroup()),
      why: "Adds target tracking to, and undoing a failed launch force-deletes, only groups carrying immut's tags; nothing ever updates a group after launch.",
      calls: 'fleet.ts: ensureScaling; undo.ts: undoHandlers',
    },
    {
      sid: 'RunServers',
      actions: ['ec2:RunInstances'],
      resources: [arn.ec2('instance/*')],
      conditions: allOf(createdWithImmutTags(), { StringEquals: { 'ec2:MetadataHttpTokens': ['required'] } }),
      why: "AWS checks the caller's right to launch the template's servers when the group is created; only with immut's tags (the template carries them, and IMDSv2 required).",
      calls: 'fleet.ts: ensureGroup (CreateAutoScalingGroup with a launch template)',
    },
    {
      sid: 'RunServersVolume',
      actions: ['ec2:RunInstances'],
      resources: [arn.ec2('volume/*')],
      conditions: createdWithImmutTags(),
      why: "The servers' volumes are created with immut's tags.",
      calls: 'fleet.ts: ensureGroup (CreateAutoScalingGroup with a launch template)',
    },
    {
      sid: 'RunServersFrom',
      actions: ['ec2:RunInstances'],
      resources: [
        arn.ec2Image('image/*'),
        arn.ec2Image('snapshot/*'),
        arn.ec2('subnet/*'),
        arn.ec2('security-group/*'),
        arn.ec2('network-interface/*'),
      ],
      why: 'The image, its snapshots, the subnets and security groups you name and the network interfaces EC2 makes are only used by the launch, not changed.',
      calls: 'fleet.ts: ensureGroup (CreateAutoScalingGroup with a launch template)',
    },
    {
      sid: 'PassInstanceRole',
      actions: ['iam:PassRole'],
      resources: ['${InstanceRoleArn}'],
      conditions: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com'] } },
      why: "Hands the servers their instance profile's role (checked when the group is created from a template naming a profile): only the roles you name, and only to EC2.",
      calls: "fleet.ts: ensureGroup (the launch template's IamInstanceProfile)",
    },
    {
      sid: 'TagOnCreate',
      actions: ['ec2:CreateTags'],
      resources: [arn.ec2('instance/*'), arn.ec2('volume/*')],
      conditions: allOf(createdWithImmutTags(), { StringEquals: { 'ec2:CreateAction': ['RunInstances'] } }),
      why: "Tags only as part of RunInstances (the template's tag specifications), so no existing instance or volume can be given immut's tags.",
      calls: "fleet.ts: ensureGroup (the launch template's TagSpecifications)",
    },
    {
      sid: 'AutoScalingRole',
      actions: ['iam:CreateServiceLinkedRole'],
      resources: [
        'arn:${Partition}:iam::${Account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling',
      ],
      conditions: { StringEquals: { 'iam:AWSServiceName': ['autoscaling.amazonaws.com'] } },
      why: "The first group of an account makes Auto Scaling's service-linked role, which launches and terminates the group's servers; only that role.",
      calls: 'fleet.ts: ensureGroup (CreateAutoScalingGroup, first use in the account)',
    },
    {
      sid: 'UndoFleet',
      actions: ['ec2:DeleteLaunchTemplate'],
      resources: [LAUNCH_TEMPLATE],
      conditions: managedResource(),
      why: "Undoing a failed launch deletes only launch templates carrying immut's tags (the group's servers go with the group).",
      calls: 'undo.ts: undoHandlers',
    },
    {
      sid: 'CreateLoadBalancer',
      actions: ['elasticloadbalancing:CreateLoadBalancer'],
      resources: [arn.elb('loadbalancer/app/*/*')],
      conditions: createdWithImmutTags(),
      why: "Creates application load balancers only with immut's tags in the request.",
      calls: 'load-balancer.ts: ensureLoadBalancer',
    },
    {
      sid: 'CreateTargetGroup',
      actions: ['elasticloadbalancing:CreateTargetGroup'],
      resources: [TARGET_GROUP],
      conditions: createdWithImmutTags(),
      why: "Creates target groups only with immut's tags in the request.",
      calls: 'load-balancer.ts: ensureTargetGroup',
    },
    {
      sid: 'CreateListener',
      actions: ['elasticloadbalancing:CreateListener'],
      resources: [LOAD_BALANCER],
      conditions: allOf(createdWithImmutTags(), managedResource()),
      why: "Adds listeners, tagged, only to load balancers carrying immut's tags.",
      calls: 'load-balancer.ts: ensureListener',
    },
    {
      sid: 'TagOnCreateElb',
      actions: ['elasticloadbalancing:AddTags'],
      resources: [LOAD_BALANCER, TARGET_GROUP, LISTENER],
      conditions: allOf(createdWithImmutTags(), {
        StringEquals: {
          'elasticloadbalancing:CreateAction': ['CreateLoadBalancer', 'CreateTargetGroup', 'CreateListener'],
        },
      }),
      why: "Tags only as part of the call that creates the load balancer, target group or listener, so no existing one can be given immut's tags.",
      calls: 'load-balancer.ts: ensureLoadBalancer, ensureTargetGroup, ensureListener (Tags)',
    },
    {
      sid: 'UndoElb',
      actions: [
        'elasticloadbalancing:DeleteListener',
        'elasticloadbalancing:DeleteLoadBalancer',
        'elasticloadbalancing:DeleteTargetGroup',
      ],
      resources: [LISTENER, LOAD_BALANCER, TARGET_GROUP],
      conditions: managedResource(),
      why: "Undoing a failed launch deletes only listeners, load balancers and target groups carrying immut's tags.",
      calls: 'undo.ts: undoHandlers',
    },
  ],
  github: { contents: 'read' },
});
