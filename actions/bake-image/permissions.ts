// What bake-image may do in AWS (rendered into action-docs/ by npm run docs; the e2e tests
// check the calls the action makes against these actions).
import {
  BASE_IMAGE_PARAMETERS,
  IMMUT_TAG_KEYS,
  allOf,
  arn,
  createdWithImmutTags,
  definePermissions,
  managedResource,
  onlyTagKeys,
} from '@immut/core/iam-policy';
import { MANAGED_BY_VALUE, TAG } from '@immut/core/tags';

/** The builder's `immut:component` tag (builder.ts BUILDER_COMPONENT). */
const BUILDER = { [TAG.component]: 'builder' };

/** immut's staging bucket (artifact.ts stagingBucketName, STAGING_COMPONENT). */
const OWN_STAGING_BUCKET = 'arn:${Partition}:s3:::immut-staging-${Account}-${Region}';
/** Any staging bucket bake-image may use: its own, or one named with 'staging-bucket'. */
const STAGING_BUCKETS = 'arn:${Partition}:s3:::immut-staging-*';
/** Only buckets of this account: a bucket of the same name elsewhere (names are global) is refused. */
const THIS_ACCOUNT = { StringEquals: { 's3:ResourceAccount': ['${Account}'] } };
const STAGING_TAGS = { [TAG.managedBy]: MANAGED_BY_VALUE, [TAG.component]: 'artifact-staging' };

export default definePermissions({
  iam: [
    {
      sid: 'Describe',
      actions: [
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSnapshots',
        'ec2:DescribeSubnets',
      ],
      resources: ['*'],
      why: "Finds the base image, the cached image, the builder and its network, and re-reads a removed image's snapshots before deleting them; EC2 Describe calls take no resource-level permission, so they stay on *.",
      calls:
        'base-image.ts: resolveBaseImage; image.ts: findRoleImages, waitForImage, removeImage; builder.ts: findLiveBuilders, watchBuilder; network.ts: resolveNetwork; core ec2-by-id.ts: instanceById, securityGroupsById',
    },
    {
      sid: 'BaseImageParameter',
      actions: ['ssm:GetParameter'],
      resources: BASE_IMAGE_PARAMETERS,
      why: "Reads the base image id from AWS's public parameters or the prefixes you name; no other parameter (no SecureString of the account) is readable.",
      calls: 'base-image.ts: resolveBaseImage',
    },
    {
      sid: 'RunBuilder',
      actions: ['ec2:RunInstances'],
      resources: [arn.ec2('instance/*')],
      conditions: allOf(createdWithImmutTags(), { StringEquals: { 'ec2:MetadataHttpTokens': ['required'] } }),
      why: "Launches the builder only with immut's tags in the request and IMDSv2 required.",
      calls: 'builder.ts: launchBuilder; bake.ts: the dry run (DryRun=true)',
    },
    {
      sid: 'RunBuilderVolume',
      actions: ['ec2:RunInstances'],
      resources: [arn.ec2('volume/*')],
      conditions: createdWithImmutTags(),
      why: "The builder's volumes are created with immut's tags.",
      calls: 'builder.ts: launchBuilder',
    },
    {
      sid: 'RunBuilderFrom',
      actions: ['ec2:RunInstances'],
      resources: [
        arn.ec2Image('image/*'),
        arn.ec2Image('snapshot/*'),
        arn.ec2('subnet/*'),
        arn.ec2('security-group/*'),
        arn.ec2('network-interface/*'),
      ],
      why: 'The base image (any owner: public images included), its snapshots, the subnets and security groups you name and the network interface EC2 makes are only used by the launch, not changed.',
      calls: 'builder.ts: launchBuilder',
    },
    {
      sid: 'PassInstanceRole',
      actions: ['iam:PassRole'],
      resources: ['${InstanceRoleArn}'],
      conditions: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com'] } },
      why: "Hands the builder its instance profile's role: only the roles you name, and only to EC2.",
      calls: 'builder.ts: launchBuilder (IamInstanceProfile)',
    },
    {
      sid: 'TagOnCreate',
      actions: ['ec2:CreateTags'],
      resources: [
        arn.ec2('instance/*'),
        arn.ec2('volume/*'),
        arn.ec2Image('image/*'),
        arn.ec2Image('snapshot/*'),
      ],
      conditions: allOf(createdWithImmutTags(), {
        StringEquals: { 'ec2:CreateAction': ['RunInstances', 'CreateImage', 'CopyImage'] },
      }),
      why: "Tags only as part of the call that creates the resource, so no existing resource can be given immut's tags.",
      calls: 'builder.ts: launchBuilder; image.ts: createImage; publish.ts: copyInput (TagSpecifications)',
    },
    {
      sid: 'MarkPublished',
      actions: ['ec2:CreateTags'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      conditions: allOf(managedResource(), onlyTagKeys([TAG.fingerprint])),
      why: "Adds the fingerprint to an image immut made (and its snapshots) once its copies exist; only that key, only on immut's images.",
      calls: 'publish.ts: markPublished',
    },
    {
      sid: 'ImageTheBuilder',
      actions: ['ec2:CreateImage'],
      resources: [arn.ec2('instance/*')],
      conditions: managedResource(BUILDER),
      why: "Images only immut's builder instances.",
      calls: 'image.ts: createImage',
    },
    {
      sid: 'CreateImage',
      actions: ['ec2:CreateImage'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      conditions: createdWithImmutTags(),
      why: "The image and its snapshots are created with immut's tags.",
      calls: 'image.ts: createImage',
    },
    {
      sid: 'CopyImage',
      actions: ['ec2:CopyImage'],
      resources: [arn.ec2Image('image/*'), arn.ec2Image('snapshot/*')],
      conditions: createdWithImmutTags(),
      why: "Encrypted copies and copies to other regions are created with immut's tags.",
      calls: 'publish.ts: encryptImage, ensureCopies, planCopies (DryRun)',
    },
    {
      sid: 'BuilderLifecycle',
      actions: ['ec2:GetConsoleOutput', 'ec2:TerminateInstances'],
      resources: [arn.ec2('instance/*')],
      conditions: managedResource(BUILDER),
      why: "Reads the console of, and terminates, only immut's builder instances.",
      calls: 'builder.ts: readBuilderConsole, terminateBuilder',
    },
    {
      sid: 'DeregisterImage',
      actions: ['ec2:DeregisterImage'],
      resources: [arn.ec2Image('image/*')],
      conditions: managedResource(),
      why: 'Removes failed, intermediate or leftover images only when they carry immut:managed-by=immut.',
      calls: 'image.ts: removeImage',
    },
    {
      sid: 'DeleteSnapshot',
      actions: ['ec2:DeleteSnapshot'],
      resources: [arn.ec2Image('snapshot/*')],
      conditions: managedResource(),
      why: "Deletes a removed image's snapshots only when they carry immut:managed-by=immut.",
      calls: 'image.ts: removeImage',
    },
    {
      sid: 'KmsGrantForEbs',
      actions: ['kms:CreateGrant'],
      resources: [arn.kmsKey()],
      conditions: {
        StringEquals: {
          'kms:ViaService': ['ec2.${Region}.amazonaws.com'],
          'kms:CallerAccount': ['${Account}'],
        },
        Bool: { 'kms:GrantIsForAWSResource': ['true'] },
      },
      why: 'EBS needs a grant on the KMS key to encrypt the image; only through EC2 and only for an AWS resource.',
      calls: 'publish.ts: encryptImage, ensureCopies (CopyImage with KmsKeyId)',
    },
    {
      sid: 'KmsViaEc2',
      actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncrypt*'],
      resources: [arn.kmsKey()],
      conditions: {
        StringEquals: {
          'kms:ViaService': ['ec2.${Region}.amazonaws.com'],
          'kms:CallerAccount': ['${Account}'],
        },
      },
      why: "EC2 uses the key on the role's behalf to encrypt copies; never directly, so no ciphertext of the account can be decrypted with it.",
      calls: 'publish.ts: encryptImage, ensureCopies (CopyImage with KmsKeyId)',
    },
    {
      sid: 'StagingBucketRead',
      actions: ['s3:ListBucket', 's3:GetBucketTagging'],
      resources: [STAGING_BUCKETS],
      conditions: THIS_ACCOUNT,
      why: "Checks that a named staging bucket exists in this account (HeadBucket) and reads immut's own bucket's tags, which also say whether it exists; s3:ListBucket also lets HeadObject answer 404 for an artifact not staged yet. Only immut-staging-* buckets of this account.",
      calls: 'artifact.ts: ensureStagingBucket (HeadBucket, GetBucketTagging), stageArtifact (HeadObject)',
    },
    {
      sid: 'StagingBucketCreate',
      actions: ['s3:CreateBucket', 's3:TagResource'],
      resources: [OWN_STAGING_BUCKET],
      conditions: {
        StringEquals: Object.fromEntries(
          Object.entries(STAGING_TAGS).map(([k, v]) => [`aws:RequestTag/${k}`, [v]]),
        ),
        'ForAllValues:StringLike': { 'aws:TagKeys': IMMUT_TAG_KEYS },
      },
      why: "Creates immut's own staging bucket (one per account and region) only with immut's staging tags in the request.",
      calls: 'artifact.ts: createStagingBucket (CreateBucket with CreateBucketConfiguration.Tags)',
    },
    {
      sid: 'StagingBucketConfigure',
      actions: [
        's3:PutBucketPublicAccessBlock',
        's3:PutEncryptionConfiguration',
        's3:PutLifecycleConfiguration',
        's3:PutBucketTagging',
      ],
      resources: [OWN_STAGING_BUCKET],
      conditions: allOf(
        {
          StringEquals: Object.fromEntries(
            Object.entries(STAGING_TAGS).map(([k, v]) => [`aws:ResourceTag/${k}`, [v]]),
          ),
        },
        THIS_ACCOUNT,
      ),
      why: "Makes immut's own staging bucket private (Block Public Access), encrypted (SSE-S3) and expiring artifacts/ after a day, then marks that in its tags (immut:staging-config); only the bucket carrying immut's staging tags.",
      calls: 'artifact.ts: configureStagingBucket',
    },
    {
      sid: 'StageArtifact',
      actions: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload'],
      resources: [`${STAGING_BUCKETS}/artifacts/*`],
      conditions: THIS_ACCOUNT,
      why: "Uploads the artifact under artifacts/ (multipart for large packs; an upload that fails is aborted), checks whether it is staged (HeadObject), and signs the builder's presigned GET, which S3 authorizes as this role; nothing outside artifacts/ of this account's immut-staging-* buckets.",
      calls:
        'artifact.ts: stageArtifact (HeadObject, PutObject or the multipart calls), presignArtifact (the GET the builder makes)',
    },
  ],
});
