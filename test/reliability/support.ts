// Shared pieces of the reliability suite (test/reliability/*.test.ts): the checks every row of
// the fault matrix must pass (a clean outcome, no secret anywhere), a way to cancel a running
// bundle the way the runner does (SIGTERM mid-wait, then `post:` with the state it saved), and
// small readers of the sandbox that bypass its faults and call log.
import { expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallRecord, InventoryItem, Sandbox } from '../../packages/sandbox/src/index.js';
import {
  FAKE_GITHUB_TOKEN,
  JOB_DEFAULTS,
  REPO_ROOT,
  describeRun,
  errorsOf,
  inputEnv,
  interpretLines,
  parseFileCommands,
  readActionYml,
  type ActionRun,
} from '../harness/run-action.js';

/** What a row expects of the action: it recovers (retries) or it fails cleanly. */
export type Outcome = 'succeeds' | 'fails';

/** One row of a fault matrix, as listed in README.md. */
export interface RowSpec {
  /** Unique within the action; also the row's build id where the action takes one. */
  name: string;
  /** The fault, in words. */
  fault: string;
  outcome: Outcome;
}

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
// Cancellation: the runner's SIGTERM mid-step, then the post step with the saved state

export interface Cancelled {
  /** What the main step had saved (GITHUB_STATE) when it was killed. */
  state: Record<string, string>;
  signal: NodeJS.Signals | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The main step as a run (exit code null, killed by SIGTERM), for the secret check. */
  run: ActionRun;
}

/**
 * Runs `action`'s main bundle with the harness's conventions (INPUT_* from action.yml with
 * defaults, the fake job's GITHUB_* variables, fresh file-command files), sends SIGTERM as
 * soon as `when()` holds (polled every few ms), and returns the state the step saved. The
 * harness kills only on its own timeout, so a cancellation needs this.
 */
export async function runMainUntilCancelled(
  action: string,
  options: { inputs: Record<string, string>; env: Record<string, string> },
  when: () => boolean,
  timeoutMs = 60_000,
): Promise<Cancelled> {
  const actionDir = path.join(REPO_ROOT, action);
  const yml = readActionYml(actionDir);
  const root = mkdtempSync(path.join(os.tmpdir(), `immut-reliability-${action}-`));
  try {
    const workspace = path.join(root, 'workspace');
    const runnerTemp = path.join(root, 'runner-temp');
    mkdirSync(workspace, { recursive: true });
    mkdirSync(runnerTemp, { recursive: true });
    const eventPath = path.join(root, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ ref: 'refs/heads/main' }));
    const files: Record<string, string> = {};
    for (const name of [
      'GITHUB_OUTPUT',
      'GITHUB_STATE',
      'GITHUB_ENV',
      'GITHUB_PATH',
      'GITHUB_STEP_SUMMARY',
    ]) {
      files[name] = path.join(root, name.toLowerCase());
      writeFileSync(files[name], '');
    }
    const jobEnv: Record<string, string> = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? os.homedir(),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      ...JOB_DEFAULTS,
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_ACTION: '__immut_reliability',
      RUNNER_TEMP: runnerTemp,
      ...files,
      ...options.env,
    };
    const env = { ...jobEnv, ...inputEnv(yml, options.inputs, jobEnv) };
    const entry = path.resolve(actionDir, yml.runs.main);
    const child = spawn(process.execPath, [entry], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const closed = new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (exitCode, signal) => resolve({ exitCode, signal })),
    );
    let finished = false;
    void closed.then(() => (finished = true));
    const end = Date.now() + timeoutMs;
    while (!finished && !when()) {
      if (Date.now() > end) {
        child.kill('SIGKILL');
        throw new Error(`${action}: the moment to cancel never came\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    if (finished) {
      throw new Error(
        `${action} finished before it could be cancelled\nstdout:\n${stdout}\nstderr:\n${stderr}`,
      );
    }
    child.kill('SIGTERM');
    const { exitCode, signal } = await closed;
    const state = parseFileCommands(readFileSync(files['GITHUB_STATE']!, 'utf8'));
    const lines = [
      ...stdout.split(/\r?\n/).map((line) => ({ line, stream: 'stdout' as const })),
      ...stderr.split(/\r?\n/).map((line) => ({ line, stream: 'stderr' as const })),
    ];
    const interpreted = interpretLines(lines);
    const run: ActionRun = {
      exitCode,
      signal,
      stdout,
      stderr,
      outputs: parseFileCommands(readFileSync(files['GITHUB_OUTPUT']!, 'utf8')),
      state,
      exportedEnv: {},
      addedPath: [],
      summary: readFileSync(files['GITHUB_STEP_SUMMARY']!, 'utf8'),
      annotations: interpreted.annotations,
      debug: interpreted.debug,
      masks: interpreted.masks,
      commands: interpreted.commands,
      logLines: interpreted.logLines,
      step: 'main',
      durationMs: 0,
    };
    return { state, signal, exitCode, stdout, stderr, run };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Polls `condition` every few ms (wall time) until it holds. */
export async function until(condition: () => boolean, what: string, timeoutMs = 50_000): Promise<void> {
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

/** Live resources of `build` (by immut:build tag), as `kind id` lines, sorted. */
export function liveOfBuild(sandbox: Sandbox, build: string, role?: string): string[] {
  return sandbox
    .inventory()
    .filter((i) => i.tags['immut:build'] === build && (role === undefined || i.tags['immut:role'] === role))
    .filter(isLive)
    .map((i) => `${i.kind} ${i.state ?? ''}`.trim())
    .sort();
}

/** Runs `rows` at once, each turning into its result; a failing row rejects only itself. */
export function startRows<R extends RowSpec, T>(
  rows: readonly R[],
  run: (row: R) => Promise<T>,
): Map<string, Promise<T>> {
  const started = new Map<string, Promise<T>>();
  for (const row of rows) {
    const p = run(row);
    p.catch(() => undefined); // surfaced by the row's own test
    started.set(row.name, p);
  }
  return started;
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
