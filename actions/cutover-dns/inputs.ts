import {
  choice,
  commonInputs,
  duration,
  list,
  matching,
  optional,
  text,
} from '../../packages/core/src/inputs.js';

export const cutoverDnsInputs = {
  ...commonInputs,
  zone: text("the hosted zone: its id ('Z…') or its name ('example.com')"),
  name: matching(/^[A-Za-z0-9.*_-]{1,253}\.?$/, "the role's DNS name, e.g. api.prod.example.com"),
  targetDnsName: optional(text("launch-behind-lb's load-balancer-dns-name output")),
  targetZoneId: optional(matching(/^Z[A-Z0-9]{1,31}$/, "launch-behind-lb's load-balancer-zone-id output")),
  targetGroupArns: optional(
    list(/^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/\S+$/, 'target group ARNs'),
  ),
  strategy: optional(choice(['swap', 'weighted']), 'swap'),
  steps: optional(list(/^(?:[1-9]\d?|100)$/, 'percentages from 1 to 100, rising, ending at 100'), '10,50,100'),
  stepWait: optional(duration('0s', '1h'), '5m'),
  mode: optional(choice(['cutover', 'rollback']), 'cutover'),
  timeout: optional(duration('1m', '6h'), '30m'),
} as const;
