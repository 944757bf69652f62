// What tag-release may do in AWS (rendered into action-docs/ by npm run docs; the e2e tests
// check the calls the action makes against these actions).
import { allOf, arn, definePermissions, managedResource, onlyTagKeys } from '@immut/core/iam-policy';
import { TAG } from '@immut/core/tags';

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
  ],
  github: { contents: 'write' },
});
