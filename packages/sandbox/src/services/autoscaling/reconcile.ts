// What a group does on its own, worked out lazily: nothing runs on timers (timeline.ts), so
// before any Auto Scaling, EC2 or ELBv2 call the front settles every group up to now. A
// group's actions happen in time order, each at its own sandbox time: an instance that
// reaches `running` enters InService and is registered with the group's target groups at
// that moment; an instance that stopped or terminated outside the group is noticed at the
// next health check and replaced; with HealthCheckType ELB an instance its target group
// reports unhealthy after the grace period is deregistered, drained, terminated and
// replaced; the group launches (spreading over its subnets' zones, trying another zone
// when one has no capacity) or terminates until it holds its desired capacity.
import { DURATIONS } from '../../durations.js';
import { AwsError, type ServiceContext } from '../../service.js';
import type { Timeline } from '../../timeline.js';
import { iso } from '../common/params.js';
import {
  active,
  at,
  groupKey,
  uuid,
  type Activity,
  type AsgContext,
  type Group,
  type Member,
} from './state.js';

/** At most this many activities are kept per group (AWS keeps six weeks of history). */
const ACTIVITY_HISTORY = 100;

const LOST = ['stopping', 'stopped', 'shutting-down', 'terminated'];

/** When the timeline entered one of `states` (at or before `now`), if it did. */
function enteredAt(tl: Timeline<string>, states: string[], now: number): number | undefined {
  if (tl.since <= now && states.includes(tl.state)) return tl.since;
  return tl.pending.find((p) => p.at <= now && states.includes(p.state))?.at;
}

/** The time the group's next action is due (at or before `now`) and the action. */
interface Step {
  at: number;
  run: () => void;
}

function record(
  c: AsgContext,
  g: Group,
  ctx: ServiceContext,
  a: Omit<Activity, 'activityId' | 'groupName' | 'region' | 'groupArn'>,
): Activity {
  const activity: Activity = {
    activityId: uuid(ctx),
    groupName: g.name,
    region: g.region,
    groupArn: g.arn,
    ...a,
  };
  c.state.activities.push(activity);
  const mine = c.state.activities.filter((x) => x.region === g.region && x.groupName === g.name);
  if (mine.length > ACTIVITY_HISTORY) {
    const drop = new Set(mine.slice(0, mine.length - ACTIVITY_HISTORY));
    c.state.activities = c.state.activities.filter((x) => !drop.has(x));
  }
  return activity;
}

/** Take a member out of service: deregister it (connection draining), then terminate it. */
export function startTermination(
  c: AsgContext,
  g: Group,
  m: Member,
  ctx: ServiceContext,
  t: number,
  cause: string,
  drain = true,
): void {
  m.lifecycle = 'Terminating';
  let terminateAt = t;
  for (const arn of g.targetGroupArns) {
    c.deps.elb.deregister(arn, g.region, m.instanceId, t);
    if (drain) terminateAt = Math.max(terminateAt, c.deps.elb.drainedAt(arn, g.region, t));
  }
  m.terminateAt = terminateAt;
  record(c, g, ctx, {
    description: `Terminating EC2 instance: ${m.instanceId}`,
    cause: `At ${iso(t)} ${cause}`,
    startTime: t,
    endTime: terminateAt + DURATIONS.instanceShuttingDownToTerminated,
    progressCode: terminateAt > t ? 'WaitingForELBConnectionDraining' : 'InProgress',
    statusCode: 'Successful',
    details: { 'Subnet ID': m.subnetId, 'Availability Zone': m.availabilityZone },
  });
  if (terminateAt === t) terminateNow(c, g, m, ctx, t);
}

function terminateNow(c: AsgContext, g: Group, m: Member, ctx: ServiceContext, t: number): void {
  c.deps.ec2.terminate(g.region, at(ctx, t), m.instanceId);
  m.terminated = true;
}

/** The subnets to try, least-used zone first (AWS balances a group across its zones). */
function subnetsByBalance(c: AsgContext, g: Group): Array<{ subnetId: string; zone: string }> {
  const counts = new Map<string, number>();
  for (const m of active(g)) counts.set(m.availabilityZone, (counts.get(m.availabilityZone) ?? 0) + 1);
  return g.subnets
    .map((subnetId, index) => ({
      subnetId,
      index,
      zone: c.deps.ec2.subnet(subnetId, g.region)?.availabilityZone ?? '',
    }))
    .sort((a, b) => (counts.get(a.zone) ?? 0) - (counts.get(b.zone) ?? 0) || a.index - b.index);
}

const withPeriod = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

function failedLaunch(
  c: AsgContext,
  g: Group,
  ctx: ServiceContext,
  t: number,
  reason: string,
  zone?: string,
): void {
  const message = `${withPeriod(reason)} Launching EC2 instance failed.`;
  record(c, g, ctx, {
    description: `Launching a new EC2 instance.  Status Reason: ${message}`,
    cause: `At ${iso(t)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${active(g).length} to ${g.desired}.`,
    startTime: t,
    endTime: t,
    progressCode: 'InProgress',
    statusCode: 'Failed',
    statusMessage: message,
    details: zone ? { 'Availability Zone': zone } : {},
  });
}

/** Launch one instance: each zone (least used first), each instance type in priority order. */
function launchOne(c: AsgContext, g: Group, ctx: ServiceContext, t: number): boolean {
  const ref = g.mixed?.launchTemplate ?? g.launchTemplate ?? {};
  let template;
  try {
    // The group keeps the template's id and name; EC2 takes one of them.
    const lookup = ref.id ? { id: ref.id, ...(ref.version ? { version: ref.version } : {}) } : ref;
    template = c.deps.ec2.launchTemplate(g.region, lookup);
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    failedLaunch(c, g, ctx, t, e.message);
    return false;
  }
  const types: Array<string | undefined> =
    g.mixed && g.mixed.instanceTypes.length > 0 ? g.mixed.instanceTypes : [undefined];
  const tags = g.tags.filter((x) => x.propagateAtLaunch).map((x) => ({ Key: x.key, Value: x.value }));
  const before = active(g).length;
  for (const { subnetId, zone } of subnetsByBalance(c, g)) {
    let lastError: AwsError | undefined;
    for (const instanceType of types) {
      try {
        const launch = {
          template,
          subnetId,
          tags,
          groupName: g.name,
          ...(instanceType ? { instanceType } : {}),
        };
        const instanceId = c.deps.ec2.launch(g.region, at(ctx, t), launch);
        const tl = c.deps.ec2.timeline(g.region, instanceId);
        const runningAt = tl ? (enteredAt(tl.timeline, ['running'], Infinity) ?? t) : t;
        const activity = record(c, g, ctx, {
          description: `Launching a new EC2 instance: ${instanceId}`,
          cause: `At ${iso(t)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${before} to ${before + 1}.`,
          startTime: t,
          endTime: runningAt,
          progressCode: 'PreInService',
          statusCode: 'Successful',
          details: { 'Subnet ID': subnetId, 'Availability Zone': zone },
        });
        g.members.push({
          instanceId,
          availabilityZone: tl?.availabilityZone ?? zone,
          subnetId,
          instanceType: tl?.instanceType ?? instanceType ?? template.data.instanceType ?? '',
          lifecycle: 'Pending',
          health: 'Healthy',
          launchedAt: t,
          template: {
            id: template.launchTemplateId,
            name: template.name,
            version: ref.version ?? '$Default',
          },
          protectedFromScaleIn: g.newInstancesProtectedFromScaleIn,
          activityId: activity.activityId,
        });
        g.failedLaunches = 0;
        delete g.retryAt;
        return true;
      } catch (e) {
        if (!(e instanceof AwsError)) throw e;
        lastError = e;
      }
    }
    if (lastError) failedLaunch(c, g, ctx, t, lastError.message, zone);
  }
  return false;
}

function launch(c: AsgContext, g: Group, ctx: ServiceContext, t: number, count: number): void {
  for (let i = 0; i < count; i++) {
    if (launchOne(c, g, ctx, t)) continue;
    g.failedLaunches++;
    const backoff = DURATIONS.autoScalingLaunchRetryFirst * 2 ** (g.failedLaunches - 1);
    g.retryAt = t + Math.min(backoff, DURATIONS.autoScalingLaunchRetryMax);
    return;
  }
}

/** Default termination policy: the zone with the most instances, then the oldest instance. */
function scaleIn(c: AsgContext, g: Group, ctx: ServiceContext, t: number, count: number): void {
  for (let i = 0; i < count; i++) {
    const members = active(g).filter((m) => !m.protectedFromScaleIn);
    if (members.length === 0) return;
    const perZone = new Map<string, number>();
    for (const m of members) perZone.set(m.availabilityZone, (perZone.get(m.availabilityZone) ?? 0) + 1);
    members.sort(
      (a, b) =>
        (perZone.get(b.availabilityZone) ?? 0) - (perZone.get(a.availabilityZone) ?? 0) ||
        a.launchedAt - b.launchedAt,
    );
    const n = active(g).length;
    startTermination(
      c,
      g,
      members[0]!,
      ctx,
      t,
      `an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${n} to ${n - 1}.`,
    );
  }
}

/** The steps due for one member. */
function memberSteps(c: AsgContext, g: Group, m: Member, ctx: ServiceContext, now: number): Step[] {
  const steps: Step[] = [];
  const tl = c.deps.ec2.timeline(g.region, m.instanceId)?.timeline;
  const remove = (): void => {
    g.members = g.members.filter((x) => x !== m);
  };
  if (m.lifecycle === 'Terminating') {
    if (!m.terminated && m.terminateAt !== undefined && m.terminateAt <= now)
      steps.push({ at: m.terminateAt, run: () => terminateNow(c, g, m, ctx, m.terminateAt!) });
    if (m.terminated) {
      const gone = tl ? enteredAt(tl, ['terminated'], now) : g.settledAt;
      if (gone !== undefined) steps.push({ at: gone, run: remove });
    }
    return steps;
  }
  const lostAt = tl ? enteredAt(tl, LOST, now) : g.settledAt;
  if (lostAt !== undefined && lostAt + DURATIONS.autoScalingHealthCheckInterval <= now) {
    const t = lostAt + DURATIONS.autoScalingHealthCheckInterval;
    steps.push({
      at: t,
      run: () => {
        m.health = 'Unhealthy';
        startTermination(
          c,
          g,
          m,
          ctx,
          t,
          'an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.',
          false,
        );
        m.terminated = true;
      },
    });
  }
  if (m.lifecycle === 'Pending' && tl) {
    const runningAt = enteredAt(tl, ['running'], now);
    if (runningAt !== undefined && (lostAt === undefined || runningAt < lostAt))
      steps.push({ at: runningAt, run: () => enterService(c, g, m, runningAt) });
  }
  if (m.lifecycle === 'InService' && g.healthCheckType === 'ELB' && lostAt === undefined) {
    const graceEnds = (m.inServiceAt ?? m.launchedAt) + g.healthCheckGracePeriod * 1000;
    for (const arn of g.targetGroupArns) {
      const h = c.deps.elb.health(arn, g.region, m.instanceId, ctx);
      if (h?.state !== 'unhealthy') continue;
      const t = Math.max(h.since ?? now, graceEnds);
      if (t <= now)
        steps.push({
          at: t,
          run: () => {
            m.health = 'Unhealthy';
            startTermination(
              c,
              g,
              m,
              ctx,
              t,
              'an instance was taken out of service in response to an ELB system health check failure.',
            );
          },
        });
    }
  }
  return steps;
}

function enterService(c: AsgContext, g: Group, m: Member, t: number): void {
  m.lifecycle = 'InService';
  m.inServiceAt = t;
  for (const arn of g.targetGroupArns) c.deps.elb.register(arn, g.region, m.instanceId, t);
}

function capacityStep(c: AsgContext, g: Group, ctx: ServiceContext, now: number): Step | undefined {
  if (g.deleting) return undefined;
  const n = active(g).length;
  if (n < g.desired) {
    const t = Math.max(g.settledAt, g.retryAt ?? 0);
    return t <= now ? { at: t, run: () => launch(c, g, ctx, t, g.desired - n) } : undefined;
  }
  // Protected instances are never scaled in (NewInstancesProtectedFromScaleIn).
  const removable = active(g).some((m) => !m.protectedFromScaleIn);
  if (n > g.desired && removable)
    return { at: g.settledAt, run: () => scaleIn(c, g, ctx, g.settledAt, n - g.desired) };
  return undefined;
}

function nextStep(c: AsgContext, g: Group, ctx: ServiceContext, now: number): Step | undefined {
  const steps = g.members.flatMap((m) => memberSteps(c, g, m, ctx, now));
  const capacity = capacityStep(c, g, ctx, now);
  if (capacity) steps.push(capacity);
  return steps.sort((a, b) => a.at - b.at)[0];
}

/** Work out every group's actions up to now. */
export function settleGroups(c: AsgContext, ctx: ServiceContext): void {
  const now = ctx.clock.now();
  for (const [key, g] of Object.entries(c.state.groups)) {
    // A bound on steps per settle: each step changes the group, so this is never reached
    // in practice; it keeps a bug from hanging the sandbox.
    for (let i = 0; i < 1000; i++) {
      const step = nextStep(c, g, ctx, now);
      if (!step) break;
      g.settledAt = Math.max(g.settledAt, step.at);
      step.run();
    }
    g.settledAt = Math.max(g.settledAt, now);
    if (g.deleting && g.members.length === 0) {
      delete c.state.groups[key];
      for (const [arn, p] of Object.entries(c.state.policies))
        if (groupKey(p.region, p.groupName) === key) delete c.state.policies[arn];
    }
  }
}
