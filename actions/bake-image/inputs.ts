import {
  AWS_REGION,
  awsIds,
  bool,
  commonInputs,
  duration,
  list,
  matching,
  optional,
  text,
} from '@immut/core/inputs';
import { kmsKeyInput } from './kms-key.js';

export const bakeImageInputs = {
  ...commonInputs,
  baseImage: matching(
    /^(?:ssm:\/\S+|filter:\S.*|ami-[0-9a-f]{8,17})$/,
    "'ssm:/<public parameter>', 'filter:<name pattern>[;owners=<owner,...>]' or an 'ami-…' id",
  ),
  provision: text('the path of the provisioning script, relative to the workspace'),
  logPaths: optional(list(/^\/\S*$/, 'absolute paths or globs of log files')),
  appVersion: optional(text('the application version baked into the image')),
  instanceType: optional(
    matching(/^[a-z][a-z0-9-]*\d[a-z0-9-]*\.[a-z0-9]+$/, 'an EC2 instance type such as t3.small'),
    't3.small',
  ),
  subnetIds: optional(awsIds('subnet')),
  securityGroupIds: optional(awsIds('sg')),
  instanceProfile: optional(matching(/^[\w+=,.@-]{1,128}$/, 'an IAM instance profile name')),
  force: optional(bool(), 'false'),
  keepOnFailure: optional(bool(), 'false'),
  timeout: optional(duration('1m', '24h'), '60m'),
  kmsKeyId: optional(kmsKeyInput()),
  copyToRegions: optional(list(AWS_REGION, 'AWS regions such as eu-west-1, other than the bake region')),
} as const;
