// What an Auto Scaling group does with its target groups (services/autoscaling): register
// an instance the moment it enters InService, deregister it when the group takes it out of
// service, and read its health. Dated: a group's actions are worked out lazily, each at its
// own sandbox time, so these take the time rather than reading the clock.
import type { ServiceContext } from '../../service.js';
import { health } from './health.js';
import { lbArnsOf, listenersUsing, prune, tgByArn, type Elbv2Context, type Target } from './state.js';

export interface Elbv2Fleet {
  targetGroup(arn: string, region: string): { vpcId?: string; loadBalancerArns: string[] } | undefined;
  register(arn: string, region: string, instanceId: string, at: number): void;
  deregister(arn: string, region: string, instanceId: string, at: number): void;
  drainedAt(arn: string, region: string, at: number): number;
  health(
    arn: string,
    region: string,
    instanceId: string,
    ctx: ServiceContext,
  ): { state: string; since?: number } | undefined;
}

export function elbv2Fleet(c: Elbv2Context): Elbv2Fleet {
  return {
    targetGroup(arn, region) {
      const tg = tgByArn(c.state, arn, region);
      return tg
        ? { ...(tg.vpcId ? { vpcId: tg.vpcId } : {}), loadBalancerArns: lbArnsOf(c.state, arn) }
        : undefined;
    },
    register(arn, region, instanceId, at) {
      const tg = tgByArn(c.state, arn, region);
      if (!tg) return; // deleted under the group: AWS skips it too
      const port = tg.port ?? 80;
      const az = c.ec2.instance?.(instanceId, region)?.availabilityZone;
      const fresh: Target = {
        id: instanceId,
        port,
        registeredAt: at,
        ...(az ? { availabilityZone: az } : {}),
      };
      const i = tg.targets.findIndex((t) => t.id === instanceId && t.port === port);
      if (i >= 0) tg.targets[i] = fresh;
      else tg.targets.push(fresh);
    },
    deregister(arn, region, instanceId, at) {
      const tg = tgByArn(c.state, arn, region);
      if (!tg) return;
      const until = this.drainedAt(arn, region, at);
      for (const t of tg.targets) if (t.id === instanceId && t.drainUntil === undefined) t.drainUntil = until;
    },
    drainedAt(arn, region, at) {
      const tg = tgByArn(c.state, arn, region);
      if (!tg || listenersUsing(c.state, arn).length === 0) return at;
      return at + Number(tg.attributes['deregistration_delay.timeout_seconds'] ?? '300') * 1000;
    },
    health(arn, region, instanceId, ctx) {
      const tg = tgByArn(c.state, arn, region);
      if (!tg) return undefined;
      prune(tg, ctx.clock.now());
      const t = tg.targets.find((x) => x.id === instanceId && x.drainUntil === undefined);
      if (!t) return undefined;
      const h = health(c, tg, t, ctx);
      return { state: h.State, ...(t.verdictAt !== undefined ? { since: t.verdictAt } : {}) };
    },
  };
}
