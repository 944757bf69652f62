// What launch-behind-lb may do in AWS (rendered into action-docs/ by npm run docs; the e2e
// tests check the calls the action makes against these actions).
import { allOf, arn, createdWithImmutTags, definePermissions, managedResource } from '@immut/core/iam-policy';

const LOAD_BALANCER = arn.elb('loadbalancer/app/*/*');
const TARGET_GROUP = arn.elb('targetgroup/*/*');
const LISTENER = arn.elb('listener/app/*/*/*');

export default definePermissions({
  iam: [
    {
      sid: 'Describe',
      actions: [
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
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
        'preflight.ts: checkNetwork, checkSecurityGroups, checkImage; instances.ts: findServers, waitRunning; load-balancer.ts: findLoadBalancer, tagsOf; health.ts: readTargets, waitLoadBalancerActive; core hosted-zone.ts: resolveZone',
    },
    {
      sid: 'ReadZone',
      actions: ['route53:GetHostedZone', 'route53:ListResourceRecordSets'],
      resources: [arn.route53('hostedzone/${HostedZoneId}')],
      why: 'Reads only the hosted zones you name.',
      calls: 'core hosted-zone.ts: resolveZone; dns.ts: findRecord',
    },
    {
      sid: 'WaitForChange',
      actions: ['route53:GetChange'],
      resources: [arn.route53('change/*')],
      why: 'Waits for its record change to be in sync (change ids are not known in advance).',
      calls: 'dns.ts: waitInsync',
    },
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
      sid: 'RunServers',
      actions: ['ec2:RunInstances'],
      resources: [arn.ec2('instance/*')],
      conditions: allOf(createdWithImmutTags(), { StringEquals: { 'ec2:MetadataHttpTokens': ['required'] } }),
      why: "Launches servers only with immut's tags in the request and IMDSv2 required.",
      calls: 'instances.ts: ensureServers; launch.ts: the dry run (DryRun=true)',
    },
    {
      sid: 'RunServersVolume',
      actions: ['ec2:RunInstances'],
      resources: [arn.ec2('volume/*')],
      conditions: createdWithImmutTags(),
      why: "The servers' volumes are created with immut's tags.",
      calls: 'instances.ts: ensureServers',
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
      calls: 'instances.ts: ensureServers',
    },
    {
      sid: 'PassInstanceRole',
      actions: ['iam:PassRole'],
      resources: ['${InstanceRoleArn}'],
      conditions: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com'] } },
      why: "Hands the servers their instance profile's role: only the roles you name, and only to EC2.",
      calls: 'instances.ts: ensureServers (IamInstanceProfile)',
    },
    {
      sid: 'TagOnCreate',
      actions: ['ec2:CreateTags'],
      resources: [arn.ec2('instance/*'), arn.ec2('volume/*')],
      conditions: allOf(createdWithImmutTags(), { StringEquals: { 'ec2:CreateAction': ['RunInstances'] } }),
      why: "Tags only as part of RunInstances, so no existing instance or volume can be given immut's tags.",
      calls: 'instances.ts: ensureServers (TagSpecifications)',
    },
    {
      sid: 'TerminateServers',
      actions: ['ec2:TerminateInstances'],
      resources: [arn.ec2('instance/*')],
      conditions: managedResource(),
      why: "Undoing a failed launch terminates only instances carrying immut's tags.",
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
      sid: 'RegisterTargets',
      actions: ['elasticloadbalancing:RegisterTargets'],
      resources: [TARGET_GROUP],
      conditions: managedResource(),
      why: "Registers servers only in target groups carrying immut's tags.",
      calls: 'health.ts: registerTargets',
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
