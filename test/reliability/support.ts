// Shared pieces of the reliability suite: the checks every row of the fault matrix must pass
// (a clean outcome, no orphan, no secret anywhere) and small readers of the sandbox that
// bypass its faults and call log. How a row runs and which tests it gets: driver.ts.
import { expect } from '@jest/globals';
import type { CallRecord, InventoryItem, Sandbox } from '@immut/sandbox';
import { FAKE_GITHUB_TOKEN, describeRun, errorsOf, type ActionRun } from '@immut/action-runner';

/** What a row expects of the action: it recovers (retries) or it fails cleanly. */
export type Outcome = 'succeeds' | 'fails';

/** One row of a fault matrix, as listed in README.md. */
export interface RowSpec {
  /** Unique within the action; also the row's build id where the action takes one. */
  name: string;
  /** The fault, in words. */
  fault: string;
  outcome: Outcome;
  /**
   * How the row runs (driver.ts): plain (main, then post), cancel (SIGTERM inside a wait, then
   * post with the saved state) or rerun (SIGTERM with no post, then attempt 2 with post).
   * Default plain.
   */
  shape?: Shape;
}

export type Shape = 'plain' | 'cancel' | 'rerun';

/** Every step a row ran, in order; `judged` is the run whose outcome the row is about. */
export interface RowRuns {
  judged: ActionRun;
  all: ActionRun[];
}

// ---------------------------------------------------------------------------------------
// The clean-outcome check

const STACK_LINE = /^\s+at\s+\S.*(:\d+:\d+\)?|\(native\)|<anonymous>)$/m;
const BUG = /bug in immut|failed unexpectedly/i;

/**
 * What immut itself says in a run: its log and annotation messages. The output of the user's
 * own change log command (replicate-data's `Change log:` group) is left out: a stack trace
 * printed by the user's migration tool is theirs to show.
 */
function shown(run: ActionRun): string {
  const lines: string[] = [];
  let inUserCommand = false;
  for (const line of `${run.stdout}\n${run.stderr}`.split(/\r?\n/)) {
    if (line.startsWith('::group::Change log')) inUserCommand = true;
    else if (inUserCommand && line.startsWith('::endgroup::')) inUserCommand = false;
    else if (!inUserCommand) lines.push(line);
  }
  return [...lines, ...run.annotations.map((a) => a.message)].join('\n');
}

/**
 * A row's judged run: exit 0 when the row expects recovery; otherwise exit 1 with exactly one
 * `::error::`, and no stack trace or "bug in immut" in it or anywhere in the log. Any step of
 * the row (post included) must also be free of stack traces and bug reports.
 */
export function expectCleanOutcome(row: RowSpec, runs: RowRuns): void {
  const { judged } = runs;
  const verdict = {
    exit: judged.exitCode,
    errors: errorsOf(judged).length,
    run: describeRun(judged),
  };
  if (row.outcome === 'succeeds') {
    expect(verdict).toEqual({ exit: 0, errors: 0, run: verdict.run });
  } else {
    expect(verdict).toEqual({ exit: 1, errors: 1, run: verdict.run });
    expect(errorsOf(judged)[0]?.message.trim()).not.toBe('');
  }
  for (const run of runs.all) {
    const text = shown(run);
    expect({ step: run.step, bug: BUG.test(text) ? text : '' }).toEqual({ step: run.step, bug: '' });
    expect({ step: run.step, stack: STACK_LINE.exec(text)?.[0] ?? '' }).toEqual({
      step: run.step,
      stack: '',
    });
    // A post step that ran must not fail: a failed cleanup would leave its error behind.
    if (run.step === 'post')
      expect({ post: run.exitCode, run: describeRun(run) }).toEqual({ post: 0, run: describeRun(run) });
  }
}

// ---------------------------------------------------------------------------------------
// Secrets

/** Raw stdout and stderr without the `::add-mask::` lines, which carry the secret by design. */
function rawLog(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/**
 * Where any of `secrets` shows up: each run's raw log (unmasked: the runner's masking is a
 * safety net, not an excuse), outputs, summary, annotations, and the tags of everything in
 * the sandbox plus the GitHub slice (tag messages, release bodies, assets).
 */
export function secretLeaks(
  secrets: readonly string[],
  runs: readonly ActionRun[],
  sandbox: Sandbox,
): string[] {
  const places: Array<[string, string]> = [];
  runs.forEach((run, i) => {
    places.push([`run ${i} (${run.step}) log`, rawLog(run)]);
    places.push([`run ${i} (${run.step}) outputs`, JSON.stringify(run.outputs)]);
    places.push([`run ${i} (${run.step}) summary`, run.summary]);
    places.push([`run ${i} (${run.step}) annotations`, JSON.stringify(run.annotations)]);
  });
  places.push(['AWS tags', JSON.stringify(sandbox.inventory().map((i) => i.tags))]);
  places.push(['GitHub', JSON.stringify(sandbox.github.snapshotState())]);
  const leaks: string[] = [];
  for (const secret of secrets.filter((s) => s.length >= 8)) {
    for (const [where, text] of places) if (text.includes(secret)) leaks.push(`${where} holds a secret`);
  }
  return leaks;
}

/** The secrets every row checks: the job's GitHub token. */
export const ALWAYS_SECRET = [FAKE_GITHUB_TOKEN];

/** The one-time master passwords replicate-data set (ModifyDBInstance in the call log). */
export function passwordsInCallLog(calls: readonly CallRecord[]): string[] {
  return calls.flatMap((c) => {
    const password = c.operation === 'ModifyDBInstance' ? c.params['MasterUserPassword'] : undefined;
    return typeof password === 'string' ? [password] : [];
  });
}

// ---------------------------------------------------------------------------------------
// Waiting, and reading the sandbox directly (no API call: no fault consumed, nothing logged)

/** Polls `condition` every few ms (wall time) until it holds. */
export async function until(condition: () => boolean, what: string, timeoutMs = 110_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
}

/** Calls of `operation` that succeeded. */
export const okCalls = (sandbox: Sandbox, operation: string): CallRecord[] =>
  sandbox.calls().filter((c) => c.operation === operation && c.outcome === 'ok');

// ---------------------------------------------------------------------------------------
// Inventory

/** Terminated instances and deleted resources are not orphans. */
export function isLive(item: InventoryItem): boolean {
  return !['shutting-down', 'terminated', 'deleting', 'deleted'].includes(item.state ?? '');
}

/** Live resources of `build` (by immut:build tag), counted by kind. */
export function liveOfBuild(sandbox: Sandbox, build: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of sandbox.inventory()) {
    if (item.tags['immut:build'] !== build || !isLive(item)) continue;
    counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  }
  return counts;
}

/** `kind:id` of every resource in the sandbox now, to tell later what a row added. */
export function inventoryKeys(sandbox: Sandbox): Set<string> {
  return new Set(sandbox.inventory().map((i) => `${i.kind}:${i.id}`));
}

/** Kinds that are views of other resources or transient, not resources one pays for. */
const NOT_RESOURCES = new Set(['target', 'change']);

/** Live resources added since `before`, counted by kind (e.g. `{ image: 1, snapshot: 1 }`). */
export function addedLive(sandbox: Sandbox, before: Set<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of sandbox.inventory()) {
    if (before.has(`${item.kind}:${item.id}`) || NOT_RESOURCES.has(item.kind) || !isLive(item)) continue;
    counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  }
  return counts;
}

/** The no-orphan check of an action that creates resources: exactly `released` on success,
 *  nothing live on failure. */
export function expectOnlyReleased(
  row: RowSpec,
  live: Record<string, number>,
  released: Record<string, number>,
): void {
  expect(live).toEqual(row.outcome === 'succeeds' ? released : {});
}
