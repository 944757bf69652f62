import { bool, commonInputs, keyValues, line, matching, optional, secret, text } from '@immut/core/inputs';
import { HOST_NAME } from '@immut/core/manifest';

const AMI_ID = /^ami-[0-9a-f]{8,17}$/;

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
  flags: optional(keyValues()),
  githubToken: secret(text('a GitHub token with contents: write (default: the workflow token)')),
} as const;
