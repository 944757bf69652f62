import {
  awsIds,
  bool,
  choice,
  commonInputs,
  duration,
  integer,
  keyValues,
  list,
  matching,
  optional,
  secret,
  spec,
  text,
  type ParsedInputs,
} from '@immut/core/inputs';
import { BUILD_RULE, ENV_RULE, ROLE_RULE } from '@immut/core/identity';
import { RESOLVED_ZONE_EXPECTED } from '@immut/core/zone-input';
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

/** The form every instance type takes: family, generation digit, size (t3.small, m7g.large). */
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\d[a-z0-9-]*\.[a-z0-9]+$/;

/** What `scaling` asks for: target tracking on one of Auto Scaling's predefined metrics. */
export interface ScalingTarget {
  metric: 'cpu' | 'requests';
  /** Average CPU in percent of the group, or requests per target (per minute) of the target group. */
  target: number;
}

/** `cpu:<1–100>` or `requests:<1–1000000>`: the two predefined metrics a web fleet scales on. */
export const SCALING_LIMITS = { cpu: 100, requests: 1_000_000 } as const;

function scalingInput() {
  return spec(
    "target tracking as 'cpu:<percent 1–100>' (average CPU of the group) or 'requests:<1–1000000>' (requests per server per minute)",
    z.string().transform((raw, ctx): ScalingTarget => {
      const match = /^(cpu|requests):(\d{1,7})$/.exec(raw);
      const metric = match?.[1] as ScalingTarget['metric'] | undefined;
      const target = Number(match?.[2] ?? Number.NaN);
      if (!metric) ctx.addIssue({ code: 'custom', message: "neither 'cpu:<n>' nor 'requests:<n>'" });
      else if (target < 1 || target > SCALING_LIMITS[metric])
        ctx.addIssue({ code: 'custom', message: `target out of range 1–${SCALING_LIMITS[metric]}` });
      return { metric: metric ?? 'cpu', target };
    }),
  );
}

/** MixedInstancesPolicy takes at most 40 overrides (Auto Scaling API, LaunchTemplate.Overrides). */
export const MAX_INSTANCE_TYPES = 40;

/**
 * `launch` (the default) makes the whole build; `prepare` makes only what needs no image (load
 * balancer, target group, listener), so a release can build it while the image bakes; a later
 * `launch` of the same build adopts them by name and tags and makes only the fleet.
 */
export const MODES = ['launch', 'prepare'] as const;
export type Mode = (typeof MODES)[number];

/** ELBv2 ARNs as prepare mode outputs them (application load balancers; names ≤ 32 chars). */
const ELB_ARN = 'arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}';
const ELB_NAME = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?';
export const LOAD_BALANCER_ARN = new RegExp(`^${ELB_ARN}:loadbalancer/app/${ELB_NAME}/[0-9a-f]{1,32}$`);
export const TARGET_GROUP_ARN = new RegExp(`^${ELB_ARN}:targetgroup/${ELB_NAME}/[0-9a-f]{1,32}$`);
export const LISTENER_ARN = new RegExp(`^${ELB_ARN}:listener/app/${ELB_NAME}/[0-9a-f]{1,32}/[0-9a-f]{1,32}$`);

/** The three outputs of prepare mode that a launch of the same build may take. */
const PREPARED = [
  ['load-balancer-arn', 'loadBalancerArn'],
  ['target-group-arn', 'targetGroupArn'],
  ['listener-arn', 'listenerArn'],
] as const;

export const launchBehindLbInputs = {
  ...commonInputs,
  mode: optional(choice(MODES), 'launch'),
  release: optional(releaseInput()),
  imageId: optional(matching(/^ami-[0-9a-f]{8,17}$/, 'an AMI id such as ami-0123456789abcdef0')),
  instanceType: optional(matching(INSTANCE_TYPE, 'an EC2 instance type such as t3.small'), 't3.small'),
  instanceTypes: optional(list(INSTANCE_TYPE, 'EC2 instance types such as t3.small,t3a.small')),
  count: optional(integer(1, 100), '2'),
  min: optional(integer(1, 100)),
  max: optional(integer(1, 100)),
  scaling: optional(scalingInput()),
  healthCheckGracePeriod: optional(duration('0s', '2h'), '300s'),
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
  // Its form and its match with `zone` are checked in main.ts (parseResolvedZone).
  hostedZone: optional(text(RESOLVED_ZONE_EXPECTED)),
  loadBalancerArn: optional(
    matching(LOAD_BALANCER_ARN, "an application load balancer's ARN (prepare's load-balancer-arn output)"),
  ),
  targetGroupArn: optional(
    matching(TARGET_GROUP_ARN, "a target group's ARN (prepare's target-group-arn output)"),
  ),
  listenerArn: optional(matching(LISTENER_ARN, "a listener's ARN (prepare's listener-arn output)")),
  // Compared with this build's own name once the zone is known (launch.ts preparePlan).
  buildDnsName: optional(
    matching(/^[a-z0-9._-]{1,253}$/, "a DNS name in lower case (prepare's build-dns-name output)"),
  ),
  flags: optional(keyValues()),
  keepOnFailure: optional(bool(), 'false'),
  timeout: optional(duration('1m', '6h'), '30m'),
  githubToken: optional(
    secret(
      text('a GitHub token with contents: read, to read a release by its tag (default: the workflow token)'),
    ),
  ),
} as const;

/**
 * Rules that span inputs: exactly one of release and image-id says what to launch; prepare
 * mode takes neither (it makes nothing an image is needed for), and refuses them rather than
 * ignoring them, so a workflow that passes an image to the wrong step hears about it.
 */
export function crossCheckLaunchBehindLb(inputs: ParsedInputs<typeof launchBehindLbInputs>): string[] {
  const problems: string[] = [];
  if (inputs.mode === 'prepare') {
    for (const [name, value] of [
      ['release', inputs.release],
      ['image-id', inputs.imageId],
    ] as const) {
      if (value !== undefined) {
        problems.push(
          `Input '${name}' was given with mode 'prepare'; expected it empty: prepare makes only the load balancer, target group and listener, and the later 'launch' step of the same build takes the ${name}.`,
        );
      }
    }
    for (const [name, key] of PREPARED) {
      if (inputs[key] !== undefined)
        problems.push(
          `Input '${name}' was given with mode 'prepare'; expected it empty: it is prepare's output, for the later 'launch' step of the same build.`,
        );
    }
    if (inputs.buildDnsName !== undefined)
      problems.push(
        "Input 'build-dns-name' was given with mode 'prepare'; expected it empty: it is prepare's output, for the later 'launch' step of the same build.",
      );
    return [...problems, ...fleetProblems(inputs)];
  }
  const given = PREPARED.filter(([, key]) => inputs[key] !== undefined).map(([name]) => name);
  if (given.length > 0 && given.length < PREPARED.length) {
    problems.push(
      `Inputs ${given.map((n) => `'${n}'`).join(', ')} were given without ${PREPARED.filter(
        ([n]) => !given.includes(n),
      )
        .map(([n]) => `'${n}'`)
        .join(', ')}; expected all three of prepare's outputs or none.`,
    );
  }
  // The name's only use is to say that prepare made it: with the front end prepare output, in
  // the zone the name lives in.
  if (inputs.buildDnsName !== undefined) {
    const missing = [
      ...(given.length < PREPARED.length ? ["prepare's three ARN outputs"] : []),
      ...(inputs.zone === undefined ? ["input 'zone'"] : []),
    ];
    if (missing.length > 0)
      problems.push(
        `Input 'build-dns-name' was given without ${missing.join(' and ')}; expected it only with them, as the build-dns-name output of this build's prepare step.`,
      );
  }
  if ((inputs.release === undefined) === (inputs.imageId === undefined)) {
    problems.push(
      `Inputs 'release' and 'image-id' were ${inputs.release === undefined ? 'both empty' : 'both given'}; expected exactly one: a release tag or manifest, or an AMI id.`,
    );
  }
  return [...problems, ...fleetProblems(inputs)];
}

/** The group's size and scaling: min ≤ count ≤ max, and room to scale when scaling is asked for. */
export function fleetProblems(inputs: ParsedInputs<typeof launchBehindLbInputs>): string[] {
  const problems: string[] = [];
  const count = inputs.count ?? 2;
  const min = inputs.min ?? count;
  const max = inputs.max ?? count;
  if (min > count) {
    problems.push(
      `Input 'min' was ${min}, more than 'count' ${count}; expected min ≤ count ≤ max (count is the group's starting size).`,
    );
  }
  if (max < count) {
    problems.push(
      `Input 'max' was ${max}, less than 'count' ${count}; expected min ≤ count ≤ max (count is the group's starting size).`,
    );
  }
  if (inputs.scaling !== undefined && min === max) {
    problems.push(
      `Input 'scaling' was '${inputs.scaling.metric}:${inputs.scaling.target}' but the group cannot change size (min = max = ${min}); expected 'min' below 'max' to give target tracking room.`,
    );
  }
  const grace = inputs.healthCheckGracePeriod;
  if (grace !== undefined && grace % 1000 !== 0) {
    problems.push(
      `Input 'health-check-grace-period' was ${grace}ms: Auto Scaling takes whole seconds; expected a duration such as 300s.`,
    );
  }
  if (inputs.instanceTypes !== undefined && inputs.instanceTypes.length > MAX_INSTANCE_TYPES) {
    problems.push(
      `Input 'instance-types' listed ${inputs.instanceTypes.length} types; Auto Scaling takes at most ${MAX_INSTANCE_TYPES}.`,
    );
  }
  return problems;
}
