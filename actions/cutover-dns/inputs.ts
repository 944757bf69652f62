import { z } from 'zod';
import { formatDuration } from '@immut/core/clock';
import { RESOLVED_ZONE_EXPECTED } from '@immut/core/zone-input';
import {
  choice,
  commonInputs,
  duration,
  inputName,
  list,
  matching,
  optional,
  spec,
  text,
  type ParsedInputs,
} from '@immut/core/inputs';

/** An ELBv2 load balancer's DNS name: `[dualstack.][internal-]name-id.region.elb.amazonaws.com`
 * (application) or `name-id.elb.region.amazonaws.com` (network), `.cn` in China. */
export const LOAD_BALANCER_DNS_NAME =
  /^(?:dualstack\.)?[A-Za-z0-9-]{1,80}\.(?:[a-z]{2}(?:-[a-z]+)+-\d\.elb|elb\.[a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?\.?$/;

/** Weighted steps: rising percentages ending at 100, e.g. `10,50,100`. */
function risingPercentages() {
  return spec(
    'comma-separated percentages from 1 to 100, rising, ending at 100 (e.g. 10,50,100)',
    z.string().transform((raw, ctx) => {
      const steps = raw.split(',').map((s) => s.trim());
      if (!steps.every((s) => /^(?:[1-9]\d?|100)$/.test(s))) {
        ctx.addIssue({ code: 'custom', message: 'not a list of percentages' });
        return z.NEVER;
      }
      const values = steps.map(Number);
      if (values.some((v, i) => i > 0 && v <= (values[i - 1] ?? 0))) {
        ctx.addIssue({ code: 'custom', message: 'steps must rise' });
      }
      if (values.at(-1) !== 100) ctx.addIssue({ code: 'custom', message: 'the last step must be 100' });
      return values;
    }),
  );
}

export const cutoverDnsInputs = {
  ...commonInputs,
  zone: text("the hosted zone: its id ('Z…') or its name ('example.com')"),
  // Its form and its match with `zone` are checked in main.ts (parseResolvedZone).
  hostedZone: optional(text(RESOLVED_ZONE_EXPECTED)),
  name: matching(/^[A-Za-z0-9.*_-]{1,253}\.?$/, "the role's DNS name, e.g. api.prod.example.com"),
  targetDnsName: optional(
    matching(
      LOAD_BALANCER_DNS_NAME,
      "a load balancer's DNS name such as web-123.us-east-1.elb.amazonaws.com (launch-behind-lb's load-balancer-dns-name output)",
    ),
  ),
  targetZoneId: optional(matching(/^Z[A-Z0-9]{1,31}$/, "launch-behind-lb's load-balancer-zone-id output")),
  targetGroupArns: optional(
    list(/^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/\S+$/, 'target group ARNs'),
  ),
  strategy: optional(choice(['swap', 'weighted']), 'swap'),
  steps: optional(risingPercentages(), '10,50,100'),
  stepWait: optional(duration('0s', '1h'), '5m'),
  mode: optional(choice(['cutover', 'rollback']), 'cutover'),
  timeout: optional(duration('1m', '6h'), '30m'),
} as const;

/** Rules that span inputs: a cutover needs somewhere to go; a rollback finds its target in
 * the name's history, so a target given with it would be silently ignored: refuse it. */
export function crossCheckCutoverDns(inputs: ParsedInputs<typeof cutoverDnsInputs>): string[] {
  const problems = timingProblems(inputs);
  if (inputs.mode === 'rollback') {
    const unused = (['targetDnsName', 'targetZoneId', 'targetGroupArns'] as const)
      .filter((key) => inputs[key] !== undefined)
      .map(
        (key) =>
          `Input '${inputName(key)}' is not used when mode is 'rollback' (the target comes from the name's history record); remove it.`,
      );
    return [...unused, ...problems];
  }
  const missing = [
    inputs.targetDnsName === undefined && 'target-dns-name',
    inputs.targetZoneId === undefined && 'target-zone-id',
  ].filter((name): name is string => typeof name === 'string');
  return [
    ...missing.map(
      (name) =>
        `Input '${name}' is required when mode is 'cutover'; pass launch-behind-lb's outputs (or use mode 'rollback').`,
    ),
    ...problems,
  ];
}

/** A weighted cutover holds every step but the last for step-wait: that must fit the deadline. */
function timingProblems(inputs: ParsedInputs<typeof cutoverDnsInputs>): string[] {
  const holds = inputs.strategy === 'weighted' ? (inputs.steps ?? []).filter((p) => p < 100).length : 0;
  const stepWait = inputs.stepWait ?? 0;
  const timeout = inputs.timeout ?? Number.POSITIVE_INFINITY;
  if (holds === 0 || holds * stepWait < timeout) return [];
  return [
    `Input 'timeout' was ${formatDuration(timeout)}: the weighted cutover holds ${holds} steps for step-wait ${formatDuration(stepWait)} each, which does not fit; expected a timeout longer than ${formatDuration(holds * stepWait)} plus the changes themselves (or a shorter step-wait).`,
  ];
}
