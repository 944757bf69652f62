// The health gate: nothing points at a build until its load balancer is active and every
// server passes the load balancer's health check (fleet.ts waits for the group's servers).
// On timeout the error lists each server's state and AWS's reason, which is usually all a
// user needs to find the cause.
import {
  DescribeLoadBalancersCommand,
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Clock } from '@immut/core/clock';
import { AWS_WAITS, waitFor } from '@immut/core/wait';
import type { LoadBalancerInfo } from './load-balancer.js';

export interface WaitSettings {
  clock: Clock;
  log: (line: string) => void;
  /** Time left until the action's deadline. */
  remaining: () => number;
}

/**
 * Waits until the load balancer is active. `lb` as this run last saw it: one found active
 * (prepared by an earlier job) needs no call; one just created is not due for minutes, so
 * the first poll waits until then (AWS_WAITS.loadBalancerActive) and then polls at the
 * ELBv2 waiter's cadence.
 */
export async function waitLoadBalancerActive(
  elb: ElasticLoadBalancingV2Client,
  lb: Pick<LoadBalancerInfo, 'arn' | 'state' | 'created'>,
  name: string,
  wait: WaitSettings,
): Promise<void> {
  if (lb.state === 'active') {
    wait.log(`Load balancer ${name} is active.`);
    return;
  }
  const arn = lb.arn;
  await waitFor({
    what: `load balancer ${name} to be active`,
    clock: wait.clock,
    log: wait.log,
    timeoutMs: wait.remaining(),
    ...(lb.created ? { expectedMs: AWS_WAITS.loadBalancerActive.expectedMs } : {}),
    minDelayMs: AWS_WAITS.loadBalancerActive.cadenceMs,
    maxDelayMs: 30_000,
    check: async () => {
      const out = await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] }));
      const state = out.LoadBalancers?.[0]?.State;
      if (state?.Code === 'active') return { done: true, value: undefined };
      if (state?.Code === 'failed')
        return { failed: true, reason: `it failed: ${state.Reason ?? 'no reason given'}` };
      return { done: false, state: state?.Code ?? 'unknown' };
    },
  });
}

export interface TargetState {
  id: string;
  zone: string;
  state: string;
  reason?: string;
  description?: string;
}

export function targetStates(descriptions: readonly TargetHealthDescription[]): TargetState[] {
  return descriptions.map((d) => ({
    id: d.Target?.Id ?? '',
    zone: d.Target?.AvailabilityZone ?? '',
    state: d.TargetHealth?.State ?? 'unknown',
    ...(d.TargetHealth?.Reason ? { reason: d.TargetHealth.Reason } : {}),
    ...(d.TargetHealth?.Description ? { description: d.TargetHealth.Description } : {}),
  }));
}

/** `i-0abc unhealthy (Target.Timeout: Request timed out)` for each target. */
export function describeTargets(targets: readonly TargetState[]): string {
  return targets
    .map((t) => {
      const why = [t.reason, t.description].filter(Boolean).join(': ');
      return `${t.id} ${t.state}${why ? ` (${why})` : ''}`;
    })
    .join(', ');
}

export async function readTargets(
  elb: ElasticLoadBalancingV2Client,
  targetGroupArn: string,
  ids: readonly string[],
  port: number,
): Promise<TargetState[]> {
  const out = await elb.send(
    new DescribeTargetHealthCommand({
      TargetGroupArn: targetGroupArn,
      Targets: ids.map((Id) => ({ Id, Port: port })),
    }),
  );
  return targetStates(out.TargetHealthDescriptions ?? []);
}
