// What tag-release may do in AWS (rendered into action-docs/ by npm run docs; the e2e tests
// check the calls the action makes against these actions).
import {
  allOf,
  arn,
  createdWithImmutTags,
  definePermissions,
  managedResource,
  onlyTagKeys,
  readHostedZones,
} from '@immut/core/iam-policy';
import { MANAGED_BY_VALUE, SHARED_WITH_PREFIX, TAG, USED_BY_PREFIX } from '@immut/core/tags';

export default definePermissions({
  iam: [
    {
      sid: 'Describe',
      actions: ['ec2:DescribeImages', 'ec2:DescribeSnapshots'],
      resources: ['*'],
      why: 'Reads the image and its snapshots; EC2 Describe calls take no resource-level permission, so they stay on *.',
      calls: 'aws-resources.ts: findImage; copy.ts: readSource, findCopy, awaitCopy',
    },
    {
      sid: 'DescribeRds',
      actions: ['rds:DescribeDBInstances', 'rds:ListTagsForResource'],
      resources: [arn.rds('db:*')],
      why: 'Reads the data replica and its tags, in this account only.',
      calls: 'db-resources.ts: findDb',
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
      calls: 'db-resources.ts: tagDb (from aws-resources.ts: tagResources)',
    },
    {
      sid: 'TagPromotedImage',
      actions: ['ec2:CreateTags'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      // Any env's image (a promotion reuses the source env's), but only immut's, and only
      // this env's used-by key: it marks the image as in use here, changing nothing else.
      conditions: allOf(
        { StringEquals: { [`aws:ResourceTag/${TAG.managedBy}`]: [MANAGED_BY_VALUE] } },
        onlyTagKeys([`${USED_BY_PREFIX}\${Env}`, `${SHARED_WITH_PREFIX}\${Env}`]),
        // Stays when a policy is rendered for every env (the ${Env} condition then goes).
        { 'ForAllValues:StringLike': { 'aws:TagKeys': [`${USED_BY_PREFIX}*`, `${SHARED_WITH_PREFIX}*`] } },
      ),
      why: "A promotion marks the source env's image and its snapshots as used by this env (immut:used-by:<env>) and, across accounts, as shared with this env's account (immut:shared-with:<env>), so the source env's retirement keeps them and retire-release's unshare mode finds them; only those keys, only on immut's resources.",
      calls: 'aws-resources.ts: tagResources (promote.ts); share.ts: shareImage',
    },
    {
      sid: 'ShareImage',
      actions: ['ec2:ModifyImageAttribute', 'ec2:ModifySnapshotAttribute'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      // The source env's image (any env's: the role runs in the source account), only immut's.
      conditions: { StringEquals: { [`aws:ResourceTag/${TAG.managedBy}`]: [MANAGED_BY_VALUE] } },
      why: "A promotion into another account (share-with, run with the source account's role) lets that account launch immut's image (launch permission) and read its snapshots (create-volume permission); only immut's images and snapshots.",
      calls: 'share.ts: share',
    },
    {
      sid: 'CopyImage',
      actions: ['ec2:CopyImage'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      conditions: createdWithImmutTags(),
      why: "A promotion from another account or region copies the image into this one (shared-by, copy, kms-key-id); the copy and its snapshots are created with immut's tags for this env.",
      calls: 'copy.ts: startCopy',
    },
    {
      sid: 'TagCopyOnCreate',
      actions: ['ec2:CreateTags'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      conditions: allOf(createdWithImmutTags(), { StringEquals: { 'ec2:CreateAction': ['CopyImage'] } }),
      why: "Tags the copy only as part of CopyImage (TagSpecifications), so no existing image can be given immut's tags.",
      calls: 'copy.ts: startCopy',
    },
    {
      sid: 'DropFailedCopy',
      actions: ['ec2:DeregisterImage'],
      resources: [arn.ec2Image('image/*')],
      conditions: managedResource(),
      why: "Deregisters a copy this run made that failed (e.g. a KMS key it may not use), after reading again that it is failed and immut's; only images carrying immut's tags (and the env's).",
      calls: 'copy.ts: dropFailedCopy',
    },
    {
      sid: 'CopyGrantForEbs',
      actions: ['kms:CreateGrant'],
      resources: [arn.kmsKey()],
      conditions: {
        StringEquals: {
          'kms:ViaService': ['ec2.${Region}.amazonaws.com'],
          'kms:CallerAccount': ['${Account}'],
        },
        Bool: { 'kms:GrantIsForAWSResource': ['true'] },
      },
      why: "EBS needs a grant on this account's KMS key (kms-key-id) to encrypt the copy; only through EC2 and only for an AWS resource.",
      calls: 'copy.ts: startCopy (CopyImage with KmsKeyId)',
    },
    {
      sid: 'CopyWithKms',
      actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncrypt*'],
      resources: [arn.kmsKey()],
      conditions: {
        StringEquals: {
          'kms:ViaService': ['ec2.${Region}.amazonaws.com'],
          'kms:CallerAccount': ['${Account}'],
        },
      },
      why: "EC2 uses this account's key on the role's behalf to re-encrypt the copy; never directly. (An encrypted source's own key is the source account's: its key policy must allow this account, see README 'Promote across accounts'.)",
      calls: 'copy.ts: startCopy (CopyImage with KmsKeyId)',
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
