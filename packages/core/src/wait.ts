// Polling with a deadline. immut waits on slow AWS state changes (images, restores, load
// balancers, DNS) where users most need to see progress and a clear reason on timeout.
// The SDK's waiters sleep at least one real second per poll, print nothing while they wait
// and retry on every error, so immut polls with its own loop: the same acceptor logic,
// plus progress lines, a timeout error naming what was still pending, and a clock that
// the sandbox can speed up.
import { formatDuration, type Clock } from './clock.js';
import { WaitFailedError, WaitTimeoutError } from './errors.js';

/** One observation of the thing being waited for. */
export type Observation<T> =
  | { done: true; value: T }
  | { done: false; /** Human-readable current state, e.g. `pending`, `2/3 healthy`. */ state: string }
  | { failed: true; reason: string };

export interface WaitOptions<T> {
  /** What is awaited, for log lines: `image ami-0abc to become available`. */
  what: string;
  check: () => Promise<Observation<T>>;
  timeoutMs: number;
  clock: Clock;
  log: (line: string) => void;
  /** First delay between polls; grows by half each poll up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /**
   * When the change is due, counted from the call that started it (AWS's published duration,
   * its source cited where it is passed). Given, the first poll waits that long instead of
   * asking at once (a poll before the change is due costs a call and learns nothing), then
   * polls every `minDelayMs` (AWS's own cadence for it) for a while and backs off after
   * (pollSchedule). Leave it out where the thing may already be done (a re-run).
   */
  expectedMs?: number;
  /**
   * The least the change can take when its full length is unknown (a user's script): the
   * first poll waits that long, then the usual backoff from `minDelayMs`. Ignored with
   * `expectedMs`.
   */
  notBeforeMs?: number;
  /** A progress line at most this often (and whenever the state changes). */
  progressEveryMs?: number;
  /** Jitter source in [0, 1); spreads polls of parallel releases. */
  random?: () => number;
}

/** The delay before poll number `attempt` (0-based), without jitter. */
export function pollDelay(attempt: number, minDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, minDelayMs * 1.5 ** attempt);
}

/**
 * How long a wait with an expected completion sleeps before poll number `attempt` (0-based;
 * attempt 0 is the first poll), without jitter: the expected duration, then AWS's cadence
 * (`minDelayMs`) while the change is overdue by less than the expected duration itself, then
 * growing by half each poll up to `maxDelayMs`. On time, one poll; late, the cadence finds it
 * within one interval; far off its published figure, polls thin out.
 */
export function pollSchedule(
  attempt: number,
  elapsedMs: number,
  expectedMs: number,
  minDelayMs: number,
  maxDelayMs: number,
): number {
  if (attempt === 0) return expectedMs;
  const overdue = elapsedMs - expectedMs;
  // The window of close polling: as long as the expected duration, at least six polls.
  const window = Math.max(expectedMs, 6 * minDelayMs);
  if (overdue < window) return minDelayMs;
  return Math.min(maxDelayMs, minDelayMs * 1.5 ** Math.ceil((overdue - window) / minDelayMs));
}

export async function waitFor<T>(options: WaitOptions<T>): Promise<T> {
  const { what, check, timeoutMs, clock, log } = options;
  const minDelayMs = options.minDelayMs ?? 5_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const progressEveryMs = options.progressEveryMs ?? 30_000;
  const random = options.random ?? Math.random;
  const start = clock.now();
  let lastState: string | undefined;
  let lastProgress = start;
  const expectedMs = options.expectedMs;
  if (expectedMs !== undefined && expectedMs > 0) {
    // Never early: jitter only adds, at most a quarter of the cadence, to spread the first
    // polls of parallel releases.
    const first = pollSchedule(0, 0, expectedMs, minDelayMs, maxDelayMs) + 0.25 * minDelayMs * random();
    log(
      `${what}: due in about ${formatDuration(expectedMs)}; first check then (deadline ${formatDuration(timeoutMs)})`,
    );
    await clock.sleep(Math.max(0, Math.min(first, timeoutMs)));
  } else if (options.notBeforeMs !== undefined && options.notBeforeMs > 0) {
    await clock.sleep(Math.min(options.notBeforeMs, timeoutMs));
  }
  for (let attempt = 0; ; attempt++) {
    const observation = await check();
    const elapsed = clock.now() - start;
    if ('failed' in observation) {
      throw new WaitFailedError(
        `Waiting for ${what} failed after ${formatDuration(elapsed)}: ${observation.reason}`,
      );
    }
    if (observation.done) {
      log(`${what}: done after ${formatDuration(elapsed)}`);
      return observation.value;
    }
    const now = clock.now();
    if (observation.state !== lastState || now - lastProgress >= progressEveryMs) {
      log(
        `${what}: ${observation.state} (${formatDuration(elapsed)} elapsed, deadline ${formatDuration(timeoutMs)})`,
      );
      lastState = observation.state;
      lastProgress = now;
    }
    const delay =
      expectedMs !== undefined && expectedMs > 0
        ? pollSchedule(attempt + 1, now - start, expectedMs, minDelayMs, maxDelayMs)
        : pollDelay(attempt, minDelayMs, maxDelayMs);
    const jittered = delay * (0.75 + 0.5 * random());
    const remaining = timeoutMs - (now - start);
    if (remaining <= 0) {
      throw new WaitTimeoutError(
        `Timed out after ${formatDuration(elapsed)} waiting for ${what}; still ${observation.state}. Raise the 'timeout' input if this is normal for your resources.`,
      );
    }
    await clock.sleep(Math.min(jittered, remaining));
  }
}

/** A deadline for a whole action run, shared by all its waits. */
export interface Deadline {
  /** Milliseconds left (≥ 0). */
  remaining(): number;
}

export function deadlineFrom(clock: Clock, timeoutMs: number): Deadline {
  const end = clock.now() + timeoutMs;
  return { remaining: () => Math.max(0, end - clock.now()) };
}

/**
 * When AWS's state changes are due and how often AWS's own SDK waiters poll them: the
 * `expectedMs` (first poll) and `minDelayMs` (cadence) of immut's waits. The durations are the
 * published figures (the sandbox models the same ones, each with its source); the cadences
 * are the `delay` of the matching waiter in botocore's waiters-2.json for the service.
 */
export const AWS_WAITS = {
  /** RunInstances → running: about 5–17 s (daemonology.net/blog/2021-08-12-EC2-boot-time-
   *  benchmarking.html). Waiter InstanceRunning: delay 15 s. */
  instanceRunning: { expectedMs: 15_000, cadenceMs: 15_000 },
  /** stopping → stopped: OS shutdown, typically well under a minute for EBS-backed Linux (EC2
   *  user guide, "Stop and start Amazon EC2 instances"); we count 30 s. Waiter
   *  InstanceStopped: delay 15 s. */
  instanceStopped: { expectedMs: 30_000, cadenceMs: 15_000 },
  /** CreateImage → available: minutes, scaling with changed blocks (EC2 user guide, quoted in
   *  osbuild/osbuild-composer#2961; repost.aws/knowledge-center/ebs-snapshot-ec2-ami-creation-slow).
   *  We expect 5 min. Waiter ImageAvailable: delay 15 s. */
  imageAvailable: { expectedMs: 5 * 60_000, cadenceMs: 15_000 },
  /** ALB provisioning → active: about 2–5 min (kubernetes/kubernetes#44695;
   *  hashicorp/terraform#24799); the first check at 3 min. Waiter LoadBalancerAvailable: 15 s. */
  loadBalancerActive: { expectedMs: 3 * 60_000, cadenceMs: 15_000 },
  /** A new target → healthy: registration plus passing checks at the default 30 s interval,
   *  roughly 30–90 s (ALB user guide, "Health checks for your target groups"); with the
   *  servers' boot first (instanceRunning) we expect 15 s + 45 s. Waiter TargetInService: 15 s. */
  fleetHealthy: { expectedMs: 60_000, cadenceMs: 15_000 },
  /** Route 53 PENDING → INSYNC: "generally propagate … within 60 seconds" (Route 53 API
   *  reference, ChangeResourceRecordSets); the first check halfway, the next at the 60 s the
   *  reference names. Waiter ResourceRecordSetsChanged: delay 30 s. */
  route53Insync: { expectedMs: 30_000, cadenceMs: 30_000 },
  /** RDS restore → available: tens of minutes, 10–30 min for small instances (a rule of
   *  thumb; AWS publishes no figure), then `backing-up` with backups on, 2 min or (since 2025)
   *  much longer (hashicorp/terraform-provider-aws#44104); the first check at the low end of
   *  both. Waiter DBInstanceAvailable: delay 30 s. */
  rdsRestore: { expectedMs: 12 * 60_000, cadenceMs: 30_000 },
  /** Aurora copy-on-write clone → available: about 5.5 min with its instance, "most of that
   *  time … provisioning a new RDS instance" (AWS News Blog, "Amazon Aurora Fast Database
   *  Cloning"); the cluster itself about 1 min. Waiter DBClusterAvailable: delay 30 s. */
  auroraClone: { expectedMs: 60_000, cadenceMs: 30_000 },
  auroraInstance: { expectedMs: 4.5 * 60_000, cadenceMs: 30_000 },
  /** ModifyDBInstance / ModifyDBCluster applied (a password change, a managed password): AWS
   *  says only "asynchronously applied as soon as possible" (RDS API reference,
   *  ModifyDBInstance MasterUserPassword) and publishes no duration; we expect the 1 min the
   *  sandbox records (durations.ts rdsModifying). A first check after one waiter delay (30 s)
   *  found it still resetting and cost a second interval of 30 s ± a quarter. Waiter delay:
   *  30 s. */
  rdsModify: { expectedMs: 60_000, cadenceMs: 30_000 },
  /** RDS manual snapshot → available: minutes for small instances (RDS user guide, "Creating
   *  a DB snapshot"; no figure given, we expect 4 min). Waiter DBSnapshotAvailable: 30 s. */
  rdsSnapshot: { expectedMs: 4 * 60_000, cadenceMs: 30_000 },
} as const;
