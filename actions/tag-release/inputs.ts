import {
  bool,
  choice,
  commonInputs,
  keyValues,
  line,
  matching,
  optional,
  secret,
  text,
} from '@immut/core/inputs';
import { HOST_NAME } from '@immut/core/manifest';

const AMI_ID = /^ami-[0-9a-f]{8,17}$/;
const ACCOUNT_ID = /^\d{12}$/;
// The four forms CopyImage's KmsKeyId takes: key id, alias, key ARN, alias ARN.
const KMS_KEY_ID = '(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';
const KMS_ALIAS = 'alias/[A-Za-z0-9/_-]{1,250}';
const KMS_ARN = 'arn:aws(?:-[a-z]+)*:kms:[a-z]{2}(?:-[a-z]+)+-\\d{1,2}:\\d{12}:';
const KMS_KEY = new RegExp(
  `^(?:${KMS_KEY_ID}|${KMS_ALIAS}|${KMS_ARN}key/${KMS_KEY_ID}|${KMS_ARN}${KMS_ALIAS})$`,
);
const KMS_KEY_EXPECTED =
  "the target account's KMS key: a key id, alias (alias/<name>), key ARN or alias ARN of the target region";

export const tagReleaseInputs = {
  ...commonInputs,
  // Required unless promoted-from is given: a promotion takes all four from the source release.
  imageId: optional(
    matching(AMI_ID, "an AMI id such as 'ami-0123456789abcdef0' (bake-image's image-id output)"),
  ),
  fingerprint: optional(matching(/^[0-9a-f]{16,}$/, "bake-image's fingerprint output (hex)")),
  baseImageId: optional(matching(AMI_ID, "bake-image's base-image-id output")),
  dbInstanceId: optional(
    matching(/^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,62}$/, "replicate-data's db-instance-id output"),
  ),
  dbEndpoint: optional(matching(HOST_NAME, "replicate-data's endpoint output (a host name)")),
  dataSource: optional(line("replicate-data's source output", 1024)),
  changelogApplied: optional(line("replicate-data's changelog-applied output", 1024)),
  appVersion: optional(line('the application version of this release')),
  promotedFrom: optional(
    matching(
      /^immut\/[a-z][a-z0-9]{0,9}\/[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,19}\/[a-z0-9]{1,12}$/,
      "a release tag of another env such as 'immut/staging/api/b000042'",
    ),
  ),
  promotedFromZone: optional(line("the source env's hosted zone (id or name)", 255)),
  promotedFromName: optional(line("the source env's DNS name of the role", 253)),
  force: optional(bool(), 'false'),
  // Promotion across accounts and regions (share.ts, copy.ts).
  shareWith: optional(matching(ACCOUNT_ID, "the target env's 12-digit AWS account id")),
  sharedBy: optional(matching(ACCOUNT_ID, "the source env's 12-digit AWS account id (the image's owner)")),
  copy: optional(choice(['auto', 'always', 'never'] as const), 'auto'),
  kmsKeyId: optional(matching(KMS_KEY, KMS_KEY_EXPECTED)),
  flags: optional(keyValues()),
  githubToken: secret(text('a GitHub token with contents: write (default: the workflow token)')),
} as const;
