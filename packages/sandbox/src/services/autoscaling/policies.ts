// PutScalingPolicy, DescribePolicies and DeletePolicy. Target tracking policies are kept
// with the validation AWS does (metric types, ResourceLabel naming a load balancer and a
// target group attached to the group); the sandbox has no CloudWatch metrics, so a policy
// never changes the desired capacity by itself.
import type { SandboxRequest, ServiceContext } from '../../service.js';
import { boolean, str, strings, type Params } from '../common/params.js';
import { boolParam, intParam, pageOf, requiredName } from './params.js';
import { accountOf } from './render.js';
import { requireGroup, uuid, validation, type AsgContext, type Group, type Policy } from './state.js';

/** Predefined metrics of target tracking (Auto Scaling API reference, PredefinedMetricSpecification). */
const METRICS = [
  'ASGAverageCPUUtilization',
  'ASGAverageNetworkIn',
  'ASGAverageNetworkOut',
  'ALBRequestCountPerTarget',
];

const LABEL = /^app\/([^/]+)\/([0-9a-f]+)\/targetgroup\/([^/]+)\/([0-9a-f]+)$/;

/** ALBRequestCountPerTarget's ResourceLabel: `app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>`,
 *  a target group attached to the group, behind that load balancer. */
function checkResourceLabel(c: AsgContext, g: Group, label: string | undefined): void {
  if (!label)
    throw validation('ResourceLabel is required for the predefined metric type ALBRequestCountPerTarget.');
  const m = LABEL.exec(label);
  if (!m)
    throw validation(
      `ResourceLabel '${label.slice(0, 128)}' is invalid: expected app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>`,
    );
  const prefix = `arn:aws:elasticloadbalancing:${g.region}:${accountOf(g)}`;
  const tgArn = `${prefix}:targetgroup/${m[3]}/${m[4]}`;
  const lbArn = `${prefix}:loadbalancer/app/${m[1]}/${m[2]}`;
  if (!g.targetGroupArns.includes(tgArn))
    throw validation(
      `The target group ${m[3]} in ResourceLabel is not attached to Auto Scaling group ${g.name}.`,
    );
  if (!(c.deps.elb.targetGroup(tgArn, g.region)?.loadBalancerArns ?? []).includes(lbArn))
    throw validation(`The load balancer ${m[1]} in ResourceLabel does not route to target group ${m[3]}.`);
}

function targetTracking(c: AsgContext, g: Group, p: Params): Record<string, unknown> {
  const t = p.TargetTrackingConfiguration as Params | undefined;
  if (!t || typeof t !== 'object')
    throw validation('TargetTrackingConfiguration is required for a policy of type TargetTrackingScaling.');
  const target = Number(str(t.TargetValue));
  if (str(t.TargetValue) === undefined || !Number.isFinite(target))
    throw validation('TargetValue is required in TargetTrackingConfiguration and must be a number.');
  const spec = t.PredefinedMetricSpecification as Params | undefined;
  if (!spec || typeof spec !== 'object')
    throw validation('The sandbox supports PredefinedMetricSpecification only (no customized metrics).');
  const type = str(spec.PredefinedMetricType) ?? '';
  if (!METRICS.includes(type))
    throw validation(
      `PredefinedMetricType '${type.slice(0, 64)}' is invalid: expected one of ${METRICS.join(', ')}`,
    );
  const label = str(spec.ResourceLabel);
  if (type === 'ALBRequestCountPerTarget') checkResourceLabel(c, g, label);
  else if (label)
    throw validation(`ResourceLabel is only valid for the predefined metric type ALBRequestCountPerTarget.`);
  return {
    PredefinedMetricSpecification: { PredefinedMetricType: type, ...(label ? { ResourceLabel: label } : {}) },
    TargetValue: target,
    DisableScaleIn: boolean(t.DisableScaleIn) === true,
  };
}

export function putScalingPolicy(
  c: AsgContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const g = requireGroup(c, req.region, requiredName(p, 'AutoScalingGroupName'));
  const name = requiredName(p, 'PolicyName');
  const type = str(p.PolicyType) ?? 'SimpleScaling';
  if (type !== 'TargetTrackingScaling')
    throw validation(`The sandbox emulates TargetTrackingScaling policies only, not ${type.slice(0, 64)}.`);
  const config = targetTracking(c, g, p);
  const existing = Object.values(c.state.policies).find(
    (x) => x.region === g.region && x.groupName === g.name && x.name === name,
  );
  const arn =
    existing?.arn ??
    `arn:aws:autoscaling:${g.region}:${ctx.accountId}:scalingPolicy:${uuid(ctx)}:autoScalingGroupName/${g.name}:policyName/${name}`;
  const alarm = (kind: string): { AlarmName: string; AlarmARN: string } => {
    const alarmName = `TargetTracking-${g.name}-${kind}-${uuid(ctx)}`;
    return {
      AlarmName: alarmName,
      AlarmARN: `arn:aws:cloudwatch:${g.region}:${ctx.accountId}:alarm:${alarmName}`,
    };
  };
  const alarms = existing?.alarms ?? [
    alarm('AlarmHigh'),
    ...(config.DisableScaleIn ? [] : [alarm('AlarmLow')]),
  ];
  const warmup = intParam(p, 'EstimatedInstanceWarmup');
  const policy: Policy = {
    name,
    arn,
    groupName: g.name,
    region: g.region,
    policyType: type,
    enabled: boolParam(p, 'Enabled') ?? true,
    ...(warmup !== undefined ? { estimatedInstanceWarmup: warmup } : {}),
    targetTracking: config,
    alarms,
  };
  c.state.policies[arn] = policy;
  return { PolicyARN: arn, Alarms: alarms };
}

export function describePolicies(c: AsgContext, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const group = str(p.AutoScalingGroupName);
  const names = strings(p.PolicyNames, 'member');
  const types = strings(p.PolicyTypes, 'member');
  const policies = Object.values(c.state.policies)
    .filter((x) => x.region === req.region && (group === undefined || x.groupName === group))
    .filter((x) => names.length === 0 || names.includes(x.name) || names.includes(x.arn))
    .filter((x) => types.length === 0 || types.includes(x.policyType))
    .sort((a, b) => (a.groupName + a.name < b.groupName + b.name ? -1 : 1));
  const { items, next } = pageOf(policies, p, 50, 100);
  return {
    ScalingPolicies: items.map((x) => ({
      AutoScalingGroupName: x.groupName,
      PolicyName: x.name,
      PolicyARN: x.arn,
      PolicyType: x.policyType,
      EstimatedInstanceWarmup: x.estimatedInstanceWarmup,
      TargetTrackingConfiguration: x.targetTracking,
      Alarms: x.alarms,
      Enabled: x.enabled,
    })),
    NextToken: next,
  };
}

export function deletePolicy(c: AsgContext, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const name = requiredName(p, 'PolicyName', 1600);
  const group = str(p.AutoScalingGroupName);
  const policy = name.startsWith('arn:')
    ? c.state.policies[name]
    : Object.values(c.state.policies).find(
        (x) => x.region === req.region && x.name === name && x.groupName === group,
      );
  if (!policy || policy.region !== req.region) {
    if (!name.startsWith('arn:')) requireGroup(c, req.region, group);
    throw validation(`The scaling policy ${name.slice(0, 255)} does not exist.`);
  }
  delete c.state.policies[policy.arn];
  return {};
}
