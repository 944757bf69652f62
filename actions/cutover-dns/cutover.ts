// The cutover itself: read the name, decide where it goes, gate on health, then move it in
// one compare-and-swap batch (swap) or in weighted steps, each waited INSYNC, verified and
// held while health is watched. A weighted cutover that loses health, or fails in any other
// way mid-way, sends all traffic back to the old build before it fails: nothing is left split.
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Change, Route53Client } from '@aws-sdk/client-route-53';
import type { Clock } from '@immut/core/clock';
import { formatDuration } from '@immut/core/clock';
import { UserError, describeError } from '@immut/core/errors';
import type { Zone } from '@immut/core/hosted-zone';
import type { CallContext } from '@immut/core/throttle-retry';
import { deadlineFrom, waitFor } from '@immut/core/wait';
import {
  type Resolve4,
  type Snapshot,
  ConcurrentChangeError,
  answerMatches,
  applyBatch,
  casBatch,
  snapshotKey,
  testAnswer,
  waitInSync,
} from './change.js';
import {
  type BuildTarget,
  type History,
  assertOwnedName,
  historyName,
  historyRecord,
  parseHistory,
  rollbackTarget,
} from './history.js';
import {
  type NameShape,
  fqdn,
  plainAlias,
  readNameAndHistory,
  sameTarget,
  shapeOf,
  weightFor,
  weightedAlias,
} from './records.js';
import {
  type LoadBalancerTarget,
  assessHealth,
  findLoadBalancer,
  gatingTargetGroups,
  resolveTarget,
} from './targets.js';

export interface CutoverRequest {
  zone: Zone;
  name: string;
  identity: { role: string; env: string; build: string };
  region: string;
  mode: 'cutover' | 'rollback';
  /** Required for mode cutover. */
  target?: { dnsName: string; zoneId: string };
  targetGroupArns?: string[];
  strategy: 'swap' | 'weighted';
  /** Rising percentages ending at 100. */
  steps: number[];
  stepWaitMs: number;
  dryRun: boolean;
  runUrl: string;
}

/**
 * The lease, offered for the first change batch (core lease.ts leaseInBatch): the run reads and
 * checks without it, and its first batch takes it with the change.
 */
export interface LeaseOffer {
  change: Change;
  /** Called once the batch that carried `change` was applied: the lease is this run's. */
  taken(): void;
}

/** The first batch, carrying the lease, was refused with the name unchanged: take the lease
 *  first (waiting for its holder), then run again from a fresh read. */
export class LeaseNotTaken extends Error {
  override name = 'LeaseNotTaken';
}

export interface CutoverDeps {
  route53: Route53Client;
  elb: ElasticLoadBalancingV2Client;
  calls: CallContext;
  clock: Clock;
  resolve4: Resolve4;
}

/** One point of the name's traffic split, for the summary. */
export interface Step {
  at: string;
  /** Percent of traffic per build. */
  shares: Array<{ build: string; percent: number }>;
  changeId?: string;
  note?: string;
}

/** What happened, filled in as it happens so a failed run can still report it. */
export interface Progress {
  from?: BuildTarget;
  to?: BuildTarget;
  /** Where the name points at the end (what `current-target` reports). */
  current?: BuildTarget;
  steps: Step[];
  outcome?: 'moved' | 'unchanged' | 'dry-run' | 'returned' | 'failed';
  /** Dry run: the batches that would be sent, in order. */
  batches: Array<{ description: string; changes: ReturnType<typeof casBatch> }>;
  lastChangeId?: string;
}

export function newProgress(): Progress {
  return { steps: [], batches: [] };
}

/** How often health is looked at while a weighted step is held. */
const HEALTH_POLL_MS = 30_000;
/** Time allowed to return traffic to the old build even when the deadline is spent. */
const RETURN_GRACE_MS = 120_000;

class HealthLostError extends UserError {
  override name = 'HealthLostError';
}

interface Plan {
  description: string;
  /** The name and its history after this step, the history stamped with `at`. */
  snapshot: (at: string) => Snapshot;
  shares: Step['shares'];
  /** Targets a correct answer may name at this step. */
  answers: BuildTarget[];
  final: boolean;
}

/** The steps from the current name to `to`, each a full snapshot of the name and its history. */
export function planSteps(
  request: Pick<CutoverRequest, 'name' | 'identity' | 'strategy' | 'steps' | 'runUrl'>,
  from: BuildTarget | undefined,
  to: BuildTarget,
): Plan[] {
  const { name, identity } = request;
  const history = (at: string, extra: Partial<History>): History => ({
    role: identity.role,
    env: identity.env,
    current: to,
    ...(from ? { previous: from } : {}),
    at,
    ...(request.runUrl ? { run: request.runUrl } : {}),
    ...extra,
  });
  const final: Plan = {
    description: `point ${name} at build ${to.build} (${to.dnsName})`,
    snapshot: (at) => ({ records: [plainAlias(name, to)], history: historyRecord(name, history(at, {})) }),
    shares: [{ build: to.build, percent: 100 }],
    answers: [to],
    final: true,
  };
  if (request.strategy === 'swap' || !from) return [final];
  if (from.build === to.build) {
    throw new UserError(
      `The old and new targets of ${name} both carry build '${to.build}', so weighted record sets cannot tell them apart; use strategy 'swap'.`,
    );
  }
  const weighted = request.steps
    .filter((p) => p < 100)
    .map((percent): Plan => {
      const w = weightFor(percent);
      return {
        description: `send ${percent}% of ${name} to build ${to.build}, ${100 - percent}% to build ${from.build}`,
        snapshot: (at) => ({
          records: [weightedAlias(name, from.build, 255 - w, from), weightedAlias(name, to.build, w, to)],
          history: historyRecord(name, history(at, { weight: percent })),
        }),
        shares: [
          { build: from.build, percent: 100 - percent },
          { build: to.build, percent },
        ],
        answers: [from, to],
        final: false,
      };
    });
  return [...weighted, final];
}

/**
 * The name and its history as Route 53 returns them now, which must be what `expected` says
 * (what this run wrote or read before). The next batch DELETEs these records exactly as
 * read, never ones rebuilt from memory, so it matches byte for byte.
 */
async function reread(deps: CutoverDeps, request: CutoverRequest, expected: Snapshot): Promise<Snapshot> {
  const now = await readSnapshot(deps, request.zone, request.name);
  if (snapshotKey(now) !== snapshotKey(expected)) {
    throw new ConcurrentChangeError(
      `${request.name} or its history record changed since this run last wrote it; is another cutover running?`,
    );
  }
  return now;
}

/** Reads the name and its history as they are now. */
async function readSnapshot(deps: CutoverDeps, zone: Zone, name: string): Promise<Snapshot> {
  const { records, history } = await readNameAndHistory(
    deps.route53,
    deps.calls,
    zone.id,
    name,
    historyName(name),
  );
  return { records, history: history[0] };
}

function describeShape(shape: NameShape): string {
  switch (shape.kind) {
    case 'none':
      return 'no A record';
    case 'plain':
      return `an alias to ${shape.target.dnsName}`;
    case 'weighted':
      return `weighted aliases ${shape.sets.map((s) => `${s.setIdentifier}=${s.weight}`).join(', ')}`;
    case 'other':
      return shape.description;
  }
}

/** Where the name moves to: the given target (cutover) or the history's previous build. */
async function destination(
  request: CutoverRequest,
  deps: CutoverDeps,
  history: History | undefined,
): Promise<{ target: BuildTarget; lb: LoadBalancerTarget }> {
  if (request.mode === 'cutover') {
    if (!request.target)
      throw new Error('mode cutover without a target (crossCheckCutoverDns lets none through)');
    const lb = await resolveTarget(deps.elb, deps.calls, request.target, request.identity, request.region);
    return { target: { dnsName: lb.dnsName, zoneId: lb.zoneId, build: lb.build, release: lb.release }, lb };
  }
  const previous = rollbackTarget(request.name, history);
  const lb = await findLoadBalancer(deps.elb, deps.calls, previous.dnsName, request.identity.role);
  if (!lb || lb.zoneId !== previous.zoneId) {
    throw new UserError(
      `Cannot roll back ${request.name} to build ${previous.build}: its load balancer ${previous.dnsName} no longer exists in ${request.region} (retired?), so there is nothing to return to.`,
    );
  }
  return { target: previous, lb };
}

/** The build the name leaves: what the history says is live, checked against the record. */
async function origin(
  deps: CutoverDeps,
  request: CutoverRequest,
  shape: NameShape,
  history: History | undefined,
  to: BuildTarget,
): Promise<BuildTarget | undefined> {
  if (shape.kind === 'none') return undefined;
  if (shape.kind === 'other') {
    throw new UserError(
      `${request.name} holds ${shape.description}, which immut did not write; fix the record by hand (or delete it) before a cutover.`,
    );
  }
  if (history && sameTarget(history.current, to)) return history.previous; // resuming, or moving back mid-way
  if (shape.kind === 'plain' && (!history || !sameTarget(shape.target, history.current))) {
    // The record was changed outside immut: describe what it points at now.
    const lb = await findLoadBalancer(deps.elb, deps.calls, shape.target.dnsName, request.identity.role);
    return { ...shape.target, build: lb?.build ?? 'unknown', release: lb?.release ?? 'unknown' };
  }
  return history?.current;
}

/** Gate: wait while targets are still in their first checks, refuse as soon as one fails. */
async function healthGate(
  deps: CutoverDeps,
  lb: LoadBalancerTarget,
  groups: readonly string[],
): Promise<void> {
  await waitFor({
    what: `the targets of load balancer ${lb.name} (build ${lb.build}) to be healthy`,
    check: async () => {
      const report = await assessHealth(deps.elb, deps.calls, groups);
      if (report.healthy) return { done: true, value: undefined };
      if (report.settling) return { done: false, state: report.summary };
      return {
        failed: true,
        reason: `${report.summary}. Refusing to move traffic to build ${lb.build}; nothing was changed.`,
      };
    },
    timeoutMs: deps.calls.deadline.remaining(),
    clock: deps.clock,
    log: deps.calls.log,
    minDelayMs: 5_000,
    maxDelayMs: 15_000,
  });
}

async function requireHealthy(deps: CutoverDeps, build: string, groups: readonly string[]): Promise<void> {
  const report = await assessHealth(deps.elb, deps.calls, groups);
  if (!report.healthy) throw new HealthLostError(`build ${build} lost health mid-way (${report.summary})`);
}

/** Holds a weighted step for `ms`, looking at health every HEALTH_POLL_MS. */
async function hold(deps: CutoverDeps, ms: number, build: string, groups: readonly string[]): Promise<void> {
  const end = deps.clock.now() + ms;
  deps.calls.log(`Holding this step for ${formatDuration(ms)} while watching the health of build ${build}`);
  while (deps.clock.now() < end) {
    await deps.clock.sleep(Math.min(HEALTH_POLL_MS, end - deps.clock.now()));
    await requireHealthy(deps, build, groups);
  }
}

function now(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

function comment(request: CutoverRequest, what: string): string {
  return `immut cutover-dns ${request.identity.role}/${request.identity.env}: ${what}`.slice(0, 256);
}

/**
 * Sends one planned step's compare-and-swap batch, with the lease when it is offered; the change
 * id, if Route 53 gave one. With the lease, a refusal that leaves the name as read is
 * LeaseNotTaken: nothing was changed.
 */
async function sendStep(
  request: CutoverRequest,
  deps: CutoverDeps,
  progress: Progress,
  change: { from: Snapshot; to: Snapshot; plan: Plan; lease?: LeaseOffer | undefined },
): Promise<string | undefined> {
  const { from, to, plan, lease } = change;
  deps.calls.log(`Change: ${plan.description}`);
  let changeId: string | undefined;
  try {
    changeId = await applyBatch({
      route53: deps.route53,
      calls: deps.calls,
      zoneId: request.zone.id,
      from,
      to,
      comment: comment(request, plan.description),
      ...(lease ? { with: [lease.change] } : {}),
      reread: () => readSnapshot(deps, request.zone, request.name),
    });
  } catch (error) {
    // Refused with the name as it was read: a lease exists (another run's, or an earlier
    // attempt's). A name changed since it was read is ConcurrentChangeError, as with the lease.
    if (lease && error instanceof Error && error.name === 'InvalidChangeBatch')
      throw new LeaseNotTaken(describeError(error));
    throw error;
  }
  // Applied (or found applied: the same batch, lease and all, whose answer was lost).
  lease?.taken();
  progress.steps.push({ at: now(deps.clock), shares: plan.shares, ...(changeId ? { changeId } : {}) });
  if (changeId) progress.lastChangeId = changeId;
  return changeId;
}

/** Waits for a sent step to be INSYNC, then checks what Route 53 answers. */
async function settleStep(
  request: CutoverRequest,
  deps: CutoverDeps,
  changeId: string | undefined,
  plan: Plan,
): Promise<void> {
  if (changeId) await waitInSync(deps.route53, deps.calls, changeId, deps.clock);
  await verify(request, deps, plan.answers);
}

/** Asks Route 53 what it answers now; public zones only (TestDNSAnswer's limit). */
async function verify(
  request: CutoverRequest,
  deps: CutoverDeps,
  targets: readonly BuildTarget[],
): Promise<void> {
  if (request.zone.privateZone) {
    deps.calls.log('Not asking Route 53 for the answer: TestDNSAnswer only supports public hosted zones.');
    return;
  }
  const answer = await testAnswer(deps.route53, deps.calls, request.zone.id, fqdn(request.name));
  if (!(await answerMatches(answer, targets, deps.resolve4))) {
    throw new UserError(
      `Route 53 answers ${request.name} with ${answer.code} ${JSON.stringify(answer.data)}, not ${targets.map((t) => t.dnsName).join(' or ')}, although the change is INSYNC. Something else changed the name; check it by hand.`,
    );
  }
  deps.calls.log(`Route 53 answers ${request.name} with ${answer.data.join(', ')}`);
}

/**
 * Sends all traffic back to the old build after a failed weighted step, restoring the name
 * and its history as they were read when the old record was a plain alias.
 */
async function returnToOld(
  request: CutoverRequest,
  deps: CutoverDeps,
  progress: Progress,
  current: Snapshot,
  original: Snapshot,
  old: BuildTarget,
  reason: unknown,
): Promise<never> {
  const why = describeError(reason);
  deps.calls.log(`Returning all traffic to build ${old.build}: ${why}`);
  const calls =
    deps.calls.deadline.remaining() < RETURN_GRACE_MS
      ? { ...deps.calls, deadline: deadlineFrom(deps.clock, RETURN_GRACE_MS) }
      : deps.calls;
  const safe = { ...deps, calls };
  const back: Snapshot =
    shapeOf(original.records).kind === 'plain'
      ? original
      : {
          records: [plainAlias(request.name, old)],
          history: historyRecord(request.name, {
            role: request.identity.role,
            env: request.identity.env,
            current: old,
            at: now(deps.clock),
            ...(request.runUrl ? { run: request.runUrl } : {}),
          }),
        };
  let changeId: string | undefined;
  try {
    // Delete what stands, as read; if it is not what this run wrote, the batch is refused.
    const read = await readSnapshot(safe, request.zone, request.name);
    changeId = await applyBatch({
      route53: deps.route53,
      calls,
      zoneId: request.zone.id,
      from: snapshotKey(read) === snapshotKey(current) ? read : current,
      to: back,
      comment: comment(request, `return ${request.name} to build ${old.build}`),
      reread: () => readSnapshot(safe, request.zone, request.name),
    });
  } catch (error) {
    progress.outcome = 'failed';
    throw new UserError(
      `${why}. Returning all traffic to build ${old.build} failed as well (${describeError(error)}); ${request.name} may still be split between builds. Check it, then re-run with mode 'rollback' or cut over again.`,
    );
  }
  progress.steps.push({
    at: now(deps.clock),
    shares: [{ build: old.build, percent: 100 }],
    ...(changeId ? { changeId } : {}),
    note: 'returned',
  });
  progress.current = old;
  progress.outcome = 'returned';
  if (changeId) {
    progress.lastChangeId = changeId;
    await waitInSync(deps.route53, calls, changeId, deps.clock).catch((error: unknown) =>
      deps.calls.log(
        `warning: the return to build ${old.build} is sent but not yet INSYNC: ${describeError(error)}`,
      ),
    );
  }
  throw new UserError(
    `${why}. All traffic was sent back to build ${old.build} (${old.dnsName}${changeId ? `, change ${changeId}` : ''}); the cutover to build ${progress.to?.build ?? '?'} failed.`,
  );
}

/**
 * Runs the cutover (or rollback) described by `request`, recording what happens in `progress`.
 * With `lease`, the run does not hold the name's lease yet, and its first change batch takes it
 * (LeaseNotTaken when that batch is refused); without, the caller holds it already.
 */
export async function runCutover(
  request: CutoverRequest,
  deps: CutoverDeps,
  progress: Progress,
  lease?: LeaseOffer,
): Promise<void> {
  const { calls } = deps;
  const original = await readSnapshot(deps, request.zone, request.name);
  const history = original.history ? parseHistory(original.history) : undefined;
  assertOwnedName(request.name, history, original.records.length > 0, request.identity);
  const shape = shapeOf(original.records);
  calls.log(
    `${request.name} now holds ${describeShape(shape)}${history ? `; live build per its history: ${history.current.build}` : ''}`,
  );

  const { target: to, lb } = await destination(request, deps, history);
  progress.to = to;
  const from = await origin(deps, request, shape, history, to);
  if (from) progress.from = from;
  progress.current = from;

  if (shape.kind === 'plain' && sameTarget(shape.target, to) && history && sameTarget(history.current, to)) {
    progress.from = history.previous;
    progress.current = to;
    progress.outcome = 'unchanged';
    calls.log(`${request.name} already points at build ${to.build} (${to.dnsName}); nothing to change.`);
    if (!request.dryRun) await verify(request, deps, [to]);
    return;
  }

  const groups = await gatingTargetGroups(
    deps.elb,
    calls,
    lb,
    request.mode === 'cutover' ? request.targetGroupArns : undefined,
  );
  const plans = planSteps(request, from, to);
  if (plans.length > 1 && from) {
    // Weighted aliases point at the old load balancer too, so it must still exist.
    const oldLb = await findLoadBalancer(deps.elb, calls, from.dnsName, request.identity.role);
    if (!oldLb) {
      throw new UserError(
        `Strategy 'weighted' keeps sending part of the traffic to build ${from.build}, but its load balancer ${from.dnsName} no longer exists; use strategy 'swap'.`,
      );
    }
  }
  if (request.strategy === 'weighted' && !from)
    calls.log(
      'First cutover of this name: no old build to share traffic with, so the name is created in one step.',
    );

  await healthGate(deps, lb, groups);

  if (request.dryRun) {
    let before = original;
    for (const plan of plans) {
      const after = plan.snapshot(now(deps.clock));
      progress.batches.push({ description: plan.description, changes: casBatch(before, after) });
      before = after;
    }
    progress.outcome = 'dry-run';
    return;
  }

  let current = original;
  /** True while traffic is split between the builds (a weighted step is applied). */
  let split = false;
  for (const [index, plan] of plans.entries()) {
    try {
      if (index > 0) {
        await requireHealthy(deps, to.build, groups);
        current = await reread(deps, request, current);
      }
      const next = plan.snapshot(now(deps.clock));
      const changeId = await sendStep(request, deps, progress, {
        from: current,
        to: next,
        plan,
        lease: index === 0 ? lease : undefined,
      });
      current = next;
      split = !plan.final;
      progress.current = plan.final ? to : from;
      await settleStep(request, deps, changeId, plan);
      if (!plan.final) await hold(deps, request.stepWaitMs, to.build, groups);
    } catch (error) {
      if (error instanceof LeaseNotTaken) throw error;
      progress.outcome = 'failed';
      if (error instanceof ConcurrentChangeError) {
        if (current === original) throw error;
        throw new ConcurrentChangeError(
          `${error.message} ${request.name} was changed by someone else during the weighted cutover; immut leaves it as it is now.`,
        );
      }
      // Never leave traffic split between the builds.
      if (split && from) await returnToOld(request, deps, progress, current, original, from, error);
      throw error;
    }
  }
  progress.outcome = 'moved';
}
