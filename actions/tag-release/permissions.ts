// What tag-release may do in AWS (rendered into action-docs/ by npm run docs; the e2e tests
// check the calls the action makes against these actions).
import {
  allOf,
  arn,
  definePermissions,
  managedResource,
  onlyTagKeys,
  readHostedZones,
} from '@immut/core/iam-policy';
import { MANAGED_BY_VALUE, TAG, USED_BY_PREFIX } from '@immut/core/tags';

export default definePermissions({
  iam: [
    {
      sid: 'Describe',
      actions: ['ec2:DescribeImages', 'ec2:DescribeSnapshots'],
      resources: ['*'],
      why: 'Reads the image and its snapshots; EC2 Describe calls take no resource-level permission, so they stay on *.',
      calls: 'aws-resources.ts: findImage',
    },
    {
      sid: 'DescribeRds',
      actions: ['rds:DescribeDBInstances', 'rds:ListTagsForResource'],
      resources: [arn.rds('db:*')],
      why: 'Reads the data replica and its tags, in this account only.',
      calls: 'aws-resources.ts: findDb',
    },
    {
      sid: 'TagImage',
      actions: ['ec2:CreateTags'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      conditions: allOf(managedResource(), onlyTagKeys([TAG.release])),
      why: "Records the release on the image and its snapshots: only the immut:release key, only on resources already carrying immut's tags.",
      calls: 'aws-resources.ts: tagResources',
    },
    {
      sid: 'TagReplica',
      actions: ['rds:AddTagsToResource'],
      resources: [arn.rds('db:*')],
      conditions: allOf(managedResource(), onlyTagKeys([TAG.release])),
      why: "Records the release on the data replica: only the immut:release key, only on DB instances already carrying immut's tags.",
      calls: 'aws-resources.ts: tagResources',
    },
    {
      sid: 'TagPromotedImage',
      actions: ['ec2:CreateTags'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      // Any env's image (a promotion reuses the source env's), but only immut's, and only
      // this env's used-by key: it marks the image as in use here, changing nothing else.
      conditions: allOf(
        { StringEquals: { [`aws:ResourceTag/${TAG.managedBy}`]: [MANAGED_BY_VALUE] } },
        onlyTagKeys([`${USED_BY_PREFIX}\${Env}`]),
        // Stays when a policy is rendered for every env (the ${Env} condition then goes).
        { 'ForAllValues:StringLike': { 'aws:TagKeys': [`${USED_BY_PREFIX}*`] } },
      ),
      why: "A promotion marks the source env's image and its snapshots as used by this env (immut:used-by:<env>), so the source env's retirement keeps them; only that key, only on immut's resources.",
      calls: 'aws-resources.ts: tagResources (promote.ts)',
    },
    {
      sid: 'PromotionFindZone',
      actions: ['route53:ListHostedZonesByName'],
      resources: ['*'],
      why: "A promotion finds the source env's hosted zone by name; the call takes no resource-level permission.",
      calls: 'core hosted-zone.ts: resolveZone (promote.ts)',
    },
    readHostedZones({
      sid: 'PromotionReadHistory',
      why: "A promotion's gate reads the source role's history record (read-only), in the hosted zones you name only.",
      calls: 'core hosted-zone.ts: resolveZone, recordSetsAt (promote.ts)',
    }),
  ],
  github: { contents: 'write' },
});
