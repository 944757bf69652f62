import {
  AWS_REGION,
  awsIds,
  bool,
  commonInputs,
  duration,
  line,
  list,
  matching,
  optional,
  workspacePath,
} from '@immut/core/inputs';
import { kmsKeyInput } from './kms-key.js';
import { PROVISION_EXPECTED } from './provision.js';

/** Absolute, no whitespace, quotes, backslashes or control characters: a log path goes
 *  into the builder's user data (the builder protocol refuses the rest). */
// eslint-disable-next-line no-control-regex
const LOG_PATH = /^\/[^\s'"\\\u0000-\u001f\u007f]{0,1023}$/;

/** One artifact path: relative, no control characters (containment is checked on reading). */
// eslint-disable-next-line no-control-regex
const ARTIFACT_PATH = /^[^\u0000-\u001f\u007f]{1,1024}$/;

export const ARTIFACT_EXPECTED =
  'workspace paths of files or directories to ship as the application artifact (comma- or newline-separated; each real path inside the workspace)';

/** A staging bucket the generated policy covers: `immut-staging-…`, a valid S3 bucket name. */
const STAGING_BUCKET = /^(?!.*\.\.)(?!.*\.-|.*-\.)immut-staging-[a-z0-9](?:[a-z0-9.-]{0,47}[a-z0-9])?$/;

export const STAGING_BUCKET_EXPECTED =
  "an S3 bucket name starting with 'immut-staging-' (lower-case letters, digits, dots and hyphens; at most 63 characters), so that bake-image's policy covers it";

/**
 * A parameter path prefix: `/`, up to 14 segments of SSM's name characters (no `.` or `..`
 * segment), a closing `/`; never under /aws/ or /ssm/, which AWS reserves (/aws/service/
 * is always allowed; /aws/reference/secretsmanager/ would read Secrets Manager).
 */
export const SSM_PREFIX = /^(?=.{3,1011}$)(?!\/(?:aws|ssm))(?:\/(?!\.\.?\/)[A-Za-z0-9_.-]+){1,14}\/$/i;

export const bakeImageInputs = {
  ...commonInputs,
  baseImage: matching(
    /^(?:ssm:\/\S+|filter:\S.*|ami-[0-9a-f]{8,17})$/,
    "'ssm:<parameter path>' (under /aws/service/ or a prefix in ssm-parameter-prefixes), 'filter:<name pattern>;owners=<owner,...>' or an 'ami-…' id",
  ),
  ssmParameterPrefixes: optional(
    list(
      SSM_PREFIX,
      "SSM parameter path prefixes such as /team/images/ (starting and ending with '/', not under /aws/ or /ssm/)",
    ),
  ),
  provision: workspacePath(PROVISION_EXPECTED),
  logPaths: optional(
    list(
      LOG_PATH,
      'absolute paths or globs of log files, without spaces, quotes, backslashes or control characters',
    ),
  ),
  appVersion: optional(line('the application version baked into the image')),
  artifact: optional(list(ARTIFACT_PATH, ARTIFACT_EXPECTED)),
  stagingBucket: optional(matching(STAGING_BUCKET, STAGING_BUCKET_EXPECTED)),
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
