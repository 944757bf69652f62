import {
  awsIds,
  bool,
  choice,
  commonInputs,
  duration,
  integer,
  keyValues,
  matching,
  optional,
  secret,
  spec,
  text,
  type ParsedInputs,
} from '@immut/core/inputs';
import { BUILD_RULE, ENV_RULE, ROLE_RULE } from '@immut/core/identity';
import { z } from 'zod';

/** The longest manifest JSON accepted: a manifest is a few KiB (flags included). */
export const MAX_MANIFEST_CHARS = 64 * 1024;

const bare = (rule: RegExp): string => rule.source.replace(/^\^|\$$/g, '');
/** `immut/<env>/<role>/<build>`, each part by immut's identity rules (no '..', no whitespace). */
const RELEASE_TAG = new RegExp(
  `^immut/(?:${bare(ENV_RULE.pattern)})/(?:${bare(ROLE_RULE.pattern)})/(?:${bare(BUILD_RULE.pattern)})$`,
);

/**
 * A release tag, checked by form here so a malformed one never reaches the GitHub API or a
 * message unescaped; or manifest JSON (an object), whose fields the manifest parser checks.
 */
function releaseInput() {
  return spec(
    "a release tag 'immut/<env>/<role>/<build>' or the manifest JSON from tag-release",
    z.string().superRefine((raw, ctx) => {
      if (raw.startsWith('{')) {
        if (raw.length > MAX_MANIFEST_CHARS)
          ctx.addIssue({
            code: 'custom',
            message: `manifest JSON longer than ${MAX_MANIFEST_CHARS} characters`,
          });
      } else if (!RELEASE_TAG.test(raw)) {
        ctx.addIssue({ code: 'custom', message: 'neither a release tag nor JSON' });
      }
    }),
  );
}

export const launchBehindLbInputs = {
  ...commonInputs,
  release: optional(releaseInput()),
  imageId: optional(matching(/^ami-[0-9a-f]{8,17}$/, 'an AMI id such as ami-0123456789abcdef0')),
  instanceType: optional(
    matching(/^[a-z][a-z0-9-]*\d[a-z0-9-]*\.[a-z0-9]+$/, 'an EC2 instance type such as t3.small'),
    't3.small',
  ),
  count: optional(integer(1, 100), '2'),
  subnetIds: awsIds('subnet', 2),
  securityGroupIds: awsIds('sg'),
  lbSecurityGroupIds: awsIds('sg'),
  scheme: optional(choice(['internet-facing', 'internal']), 'internet-facing'),
  certificateArn: optional(
    matching(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/, 'an ACM certificate ARN'),
  ),
  port: optional(integer(1, 65535), '8080'),
  healthCheckPath: optional(matching(/^\/\S{0,1023}$/, "a path starting with '/'"), '/health'),
  healthCheckInterval: optional(duration('5s', '300s'), '30s'),
  healthyThreshold: optional(integer(2, 10), '5'),
  unhealthyThreshold: optional(integer(2, 10), '2'),
  healthCheckMatcher: optional(
    matching(/^\d{3}(?:[-,]\d{3})*$/, "HTTP codes such as '200' or '200-299'"),
    '200',
  ),
  instanceProfile: optional(matching(/^[\w+=,.@-]{1,128}$/, 'an IAM instance profile name')),
  zone: optional(text('the hosted zone (id or name) for the build DNS name')),
  flags: optional(keyValues()),
  keepOnFailure: optional(bool(), 'false'),
  timeout: optional(duration('1m', '6h'), '30m'),
  githubToken: optional(
    secret(
      text('a GitHub token with contents: read, to read a release by its tag (default: the workflow token)'),
    ),
  ),
} as const;

/** Rules that span inputs: exactly one of release and image-id says what to launch. */
export function crossCheckLaunchBehindLb(inputs: ParsedInputs<typeof launchBehindLbInputs>): string[] {
  if ((inputs.release === undefined) === (inputs.imageId === undefined)) {
    return [
      `Inputs 'release' and 'image-id' were ${inputs.release === undefined ? 'both empty' : 'both given'}; expected exactly one: a release tag or manifest, or an AMI id.`,
    ];
  }
  return [];
}
