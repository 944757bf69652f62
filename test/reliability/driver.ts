// The reliability suite's driver: how a row of a fault matrix runs its action, and the tests
// every row gets. A matrix (<action>.matrix.ts) declares only what is its action's own: its
// rows (inputs, faults), the world a row runs in, when to cancel it, and its own checks.
//
// A row runs in one of three shapes (RowSpec.shape):
// - plain: main, then post as the runner does (runActionWithPost);
// - cancel: main until the runner's SIGTERM lands inside a wait, then post with the state the
//   killed step saved;
// - rerun: main killed the same way with no post (the runner itself died), then the run again
//   (attempt 2) with its post.
//
// Every row is then tested for a clean outcome, for orphans (the check is the action's), for
// the action's own properties, and for leaked secrets (the GitHub token plus the action's).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallRecord, Sandbox } from '@immut/sandbox';
import {
  JOB_DEFAULTS,
  REPO_ROOT,
  checkRuntime,
  inputEnv,
  interpretLines,
  parseFileCommands,
  readActionYml,
  resolveActionNode,
  runAction,
  runActionWithPost,
  type ActionRun,
  type RunOptions,
} from '@immut/action-runner';
import { actionAccessKey, startE2eSandbox, type E2eSandboxOptions } from '@immut/test-support/sandbox';
import { ALWAYS_SECRET, expectCleanOutcome, secretLeaks, type RowRuns, type RowSpec } from './support.js';

// ---------------------------------------------------------------------------------------
// Running one row

/** How every step of a row runs the action. */
export interface StepOptions {
  inputs: Record<string, string>;
  /** The sandbox's environment and whatever else the action needs. */
  env: Record<string, string>;
  /** The workspace (GITHUB_WORKSPACE), when the action reads files from it. */
  cwd?: string;
}

export interface Drive {
  action: string;
  options: StepOptions;
  /**
   * cancel and rerun rows: when to send SIGTERM, polled every few ms. It must hold inside a
   * wait (see `insideWait`), not while a create call is in flight (README.md, Limits).
   */
  cancelAt?: () => boolean;
  /** cancel and rerun rows: called right after the kill, before post or the re-run. */
  afterKill?: () => void;
  /** plain rows: done while the main step runs (awaited with it), e.g. another writer. */
  during?: () => Promise<void>;
  /** Called every 5 ms while the row runs, e.g. to sample what a live name answers. */
  sample?: () => void;
}

/** A step gets this long before the harness kills it. */
// Generous: every matrix's rows run at once, beside another jest worker, on 2 cores.
const STEP_TIMEOUT_MS = 120_000;

/** Runs `row` in its shape (plain, cancel or rerun) and returns every step it ran. */
export async function drive(row: RowSpec, how: Drive): Promise<RowRuns> {
  const sampler = how.sample ? setInterval(how.sample, 5) : undefined;
  try {
    return await runShape(row, how);
  } finally {
    clearInterval(sampler);
  }
}

async function runShape(row: RowSpec, how: Drive): Promise<RowRuns> {
  const { action, options } = how;
  // Every row runs under its action's own generated policy (sandboxEnv(sandbox, action)).
  if (options.env['AWS_ACCESS_KEY_ID'] !== actionAccessKey(action)) {
    throw new Error(
      `${action}: row ${row.name} runs with access key '${options.env['AWS_ACCESS_KEY_ID'] ?? '(none)'}', not the action's own; use sandboxEnv(sandbox, '${action}')`,
    );
  }
  const shape = row.shape ?? 'plain';
  const run: RunOptions = { ...options, timeoutMs: STEP_TIMEOUT_MS };
  if (shape === 'plain') {
    const [{ main, post }] = await Promise.all([runActionWithPost(action, run), how.during?.()]);
    return { judged: main, all: [main, ...(post ? [post] : [])] };
  }
  if (!how.cancelAt) throw new Error(`${action}: row ${row.name} (${shape}) needs cancelAt`);
  const cancelled = await runMainUntilCancelled(
    action,
    {
      inputs: options.inputs,
      env: { ...options.env, ...(options.cwd ? { GITHUB_WORKSPACE: options.cwd } : {}) },
    },
    how.cancelAt,
  );
  how.afterKill?.();
  if (shape === 'cancel') {
    // The killed step shows no error of its own: the row is judged by its post.
    const post = await runAction(action, { ...run, step: 'post', state: cancelled.state });
    return { judged: post, all: [cancelled.run, post] };
  }
  const second = await runActionWithPost(action, {
    ...run,
    env: { ...options.env, GITHUB_RUN_ATTEMPT: '2' },
  });
  return {
    judged: second.main,
    all: [cancelled.run, second.main, ...(second.post ? [second.post] : [])],
  };
}

/**
 * A moment to cancel: the step is inside a wait, i.e. `polled` succeeded after the first
 * successful `created` (of the calls `only` keeps, when the rows share a sandbox).
 */
export function insideWait(
  sandbox: Sandbox,
  created: string,
  polled: string,
  only: (call: CallRecord) => boolean = () => true,
): () => boolean {
  return () => {
    const ok = sandbox.calls().filter((c) => c.outcome === 'ok' && only(c));
    const first = ok.find((c) => c.operation === created);
    return first !== undefined && ok.some((c) => c.operation === polled && c.seq > first.seq);
  };
}

// ---------------------------------------------------------------------------------------
// Cancellation: the runner's SIGTERM mid-step

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
  // The same node as the harness's runs (Node 24, as runs.using says), not the tests' own.
  const node = resolveActionNode(REPO_ROOT);
  checkRuntime(yml.runs.using, node, path.join(actionDir, 'action.yml'));
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
    const child = spawn(node.path, [entry], {
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
      node: { path: node.path, version: node.version },
    };
    return { state, signal, exitCode, stdout, stderr, run };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// A matrix: its rows, all at once, and the tests of each

/** What a row's run returns: its steps, the sandbox they ran against, and what checks need. */
export interface RowResult extends RowRuns {
  /** Searched for secrets (tags, the GitHub slice) with the steps. */
  sandbox: Sandbox;
}

/** One test of every row: `title` as Jest shows it, `check` over the row's result. */
export interface RowCheck<R, T> {
  title: string;
  check: (row: R, result: T) => void;
}

/** What the driver gives a matrix's `setup` and `run`. */
export interface MatrixContext {
  /** Starts a sandbox (the end-to-end defaults plus `options`), stopped after every row. */
  sandbox(options?: E2eSandboxOptions): Promise<Sandbox>;
  /** Runs `cleanup` after every row (temp directories, SDK clients). */
  cleanup(cleanup: () => unknown): void;
}

export interface FaultMatrix<R extends RowSpec, T extends RowResult> {
  /** The action's folder (`bake-image`). */
  action: string;
  rows: readonly R[];
  /** Before any row starts, e.g. the one sandbox all rows share. */
  setup?: (ctx: MatrixContext) => Promise<void>;
  /** One row: its world, `drive(row, …)`, and what its checks read. All rows run at once. */
  run: (row: R, ctx: MatrixContext) => Promise<T>;
  /**
   * When given, beforeAll awaits every row and then this (e.g. a checksum of what no row may
   * change). Without it, beforeAll returns as soon as the rows have started, so the other
   * matrices' rows start too.
   */
  afterRows?: () => Promise<void>;
  /** The no-orphan check: what a success must leave, and that a failure leaves nothing live. */
  orphans: RowCheck<R, T>;
  /** The action's own checks, run after the orphan check. */
  checks?: ReadonlyArray<RowCheck<R, T>>;
  /** The secret check's title (default 'leaks no secret') and secrets besides the token. */
  secrets?: { title: string; of?: (row: R, result: T) => string[] };
}

/** Runs `rows` at once, each turning into its result; a failing row rejects only itself. */
function startRows<R extends RowSpec, T>(
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

/**
 * Registers a matrix: beforeAll starts its rows, afterAll cleans up once they settled, and
 * each row (`<action> under <fault>`) gets its tests: a clean outcome, no orphan, the
 * action's checks, no secret leaked.
 */
export function faultMatrix<R extends RowSpec, T extends RowResult>(matrix: FaultMatrix<R, T>): void {
  const cleanups: Array<() => unknown> = [];
  const ctx: MatrixContext = {
    async sandbox(options) {
      const sandbox = await startE2eSandbox(options);
      cleanups.push(() => sandbox.stop());
      return sandbox;
    },
    cleanup: (cleanup) => void cleanups.push(cleanup),
  };
  let results: Map<string, Promise<T>> | undefined;
  const result = (row: R): Promise<T> => results!.get(row.name)!;

  beforeAll(async () => {
    await matrix.setup?.(ctx);
    results = startRows(matrix.rows, (row) => matrix.run(row, ctx));
    if (matrix.afterRows) {
      await Promise.allSettled(results.values());
      await matrix.afterRows();
    }
  });

  afterAll(async () => {
    await Promise.allSettled([...(results?.values() ?? [])]);
    await Promise.all(cleanups.map((cleanup) => cleanup()));
  });

  describe.each(matrix.rows)(`${matrix.action} under $fault`, (row) => {
    it(row.outcome === 'succeeds' ? 'succeeds after retries' : 'fails with one clear error', async () => {
      const r = await result(row);
      if (row.shape === 'cancel') {
        // Killed by the signal: the runner shows no error of the step itself; post must succeed.
        expect(r.all[0]?.signal).toBe('SIGTERM');
        expectCleanOutcome({ ...row, outcome: 'succeeds' }, r);
      } else {
        expectCleanOutcome(row, r);
      }
    });

    it(matrix.orphans.title, async () => {
      matrix.orphans.check(row, await result(row));
    });

    for (const { title, check } of matrix.checks ?? []) {
      it(title, async () => {
        check(row, await result(row));
      });
    }

    it(matrix.secrets?.title ?? 'leaks no secret', async () => {
      const r = await result(row);
      const secrets = [...ALWAYS_SECRET, ...(matrix.secrets?.of?.(row, r) ?? [])];
      expect(secretLeaks(secrets, r.all, r.sandbox)).toEqual([]);
    });
  });
}
