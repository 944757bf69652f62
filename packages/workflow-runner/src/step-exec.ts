// Running one step's process: `run:` scripts with the runner's shells and file commands, and
// JavaScript actions through the runner harness (test/harness/run-action.ts), which runs a
// built bundle exactly as the GitHub runner does.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  interpretLines,
  parseFileCommands,
  runAction,
  type Annotation,
  type InProcessAction,
} from '@immut/action-runner';

/** What a finished step process left behind. */
export interface StepExecution {
  ok: boolean;
  outputs: Record<string, string>;
  exportedEnv: Record<string, string>;
  addedPath: string[];
  summary: string;
  annotations: Annotation[];
  masks: string[];
  logLines: string[];
  /** GITHUB_STATE of an action's main step, for its post step. */
  state: Record<string, string>;
  error?: string;
}

export function emptyExecution(ok: boolean, error?: string): StepExecution {
  return {
    ok,
    outputs: {},
    exportedEnv: {},
    addedPath: [],
    summary: '',
    annotations: error ? [{ level: 'error', message: error, properties: {} }] : [],
    masks: [],
    logLines: [],
    state: {},
    ...(error ? { error } : {}),
  };
}

/** `shell:` → the command line, as the runner maps it (`{0}` is the script file). */
export function shellCommand(shell: string | undefined): { command: string[]; extension: string } {
  switch (shell) {
    case undefined:
    case '':
      return { command: ['bash', '-e', '{0}'], extension: '.sh' };
    case 'bash':
      return { command: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'], extension: '.sh' };
    case 'sh':
      return { command: ['sh', '-e', '{0}'], extension: '.sh' };
    case 'python':
      return { command: ['python3', '{0}'], extension: '.py' };
    default: {
      if (!shell.includes('{0}')) {
        throw new Error(
          `shell '${shell}' is not supported locally (bash, sh, python, or a command with {0})`,
        );
      }
      return { command: shell.trim().split(/\s+/), extension: '' };
    }
  }
}

const FILE_COMMANDS = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE'];

export interface ShellStep {
  script: string;
  shell: string | undefined;
  cwd: string;
  env: Record<string, string>;
  /** A fresh directory for the script and the file-command files. */
  dir: string;
  timeoutMs: number;
  signal: AbortSignal;
}

/** Runs a `run:` step; the file commands are read back as the runner does. */
export async function runShell(step: ShellStep): Promise<StepExecution> {
  const { command, extension } = shellCommand(step.shell);
  const scriptFile = path.join(step.dir, `script${extension}`);
  writeFileSync(scriptFile, step.script);
  const files: Record<string, string> = {};
  for (const name of FILE_COMMANDS) {
    files[name] = path.join(step.dir, name.toLowerCase());
    writeFileSync(files[name], '');
  }
  mkdirSync(step.cwd, { recursive: true });
  const [program, ...args] = command.map((part) => part.replace('{0}', scriptFile));
  const lines: Array<{ line: string; stream: 'stdout' | 'stderr' }> = [];
  const outcome = await new Promise<{ code: number | null; error?: string }>((resolve) => {
    const child = spawn(program ?? 'bash', args, {
      cwd: step.cwd,
      env: { ...step.env, ...files },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so a timeout or cancel stops its children too
    });
    const partial = { stdout: '', stderr: '' };
    const take = (stream: 'stdout' | 'stderr', chunk: string): void => {
      const parts = (partial[stream] + chunk).split(/\r?\n/);
      partial[stream] = parts.pop() ?? '';
      for (const line of parts) lines.push({ line, stream });
    };
    child.stdout.setEncoding('utf8').on('data', (c: string) => take('stdout', c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => take('stderr', c));
    let stopped: string | undefined;
    const stop = (why: string): void => {
      stopped = why;
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(
      () => stop(`timed out after ${Math.round(step.timeoutMs / 1000)} s`),
      step.timeoutMs,
    );
    const onAbort = (): void => stop('cancelled');
    step.signal.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, error: `cannot start ${program}: ${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      step.signal.removeEventListener('abort', onAbort);
      for (const stream of ['stdout', 'stderr'] as const) {
        if (partial[stream] !== '') lines.push({ line: partial[stream], stream });
      }
      resolve(stopped ? { code, error: `the step ${stopped}` } : { code });
    });
  });
  const interpreted = interpretLines(lines);
  const read = (name: string): string => readFileSync(files[name] ?? '', 'utf8');
  let fileCommands: { outputs: Record<string, string>; env: Record<string, string> };
  try {
    fileCommands = {
      outputs: parseFileCommands(read('GITHUB_OUTPUT')),
      env: parseFileCommands(read('GITHUB_ENV')),
    };
  } catch (error) {
    return {
      ...emptyExecution(false, `bad file command: ${(error as Error).message}`),
      logLines: interpreted.logLines,
    };
  }
  const error =
    outcome.error ?? (outcome.code === 0 ? undefined : `Process completed with exit code ${outcome.code}.`);
  return {
    ok: error === undefined,
    outputs: { ...interpreted.outputs, ...fileCommands.outputs },
    exportedEnv: fileCommands.env,
    addedPath: read('GITHUB_PATH')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== ''),
    summary: read('GITHUB_STEP_SUMMARY'),
    annotations: [
      ...interpreted.annotations,
      ...(error ? [{ level: 'error' as const, message: error, properties: {} }] : []),
    ],
    masks: interpreted.masks,
    logLines: interpreted.logLines,
    state: {},
    ...(error ? { error } : {}),
  };
}

export interface ActionStep {
  actionDir: string;
  name: string;
  phase: 'main' | 'post';
  inputs: Record<string, string>;
  env: Record<string, string>;
  workspace: string;
  state: Record<string, string>;
  timeoutMs: number;
  inProcess?: InProcessAction | undefined;
}

/** Runs an action's main or post entry point through the harness. */
export async function runActionStep(step: ActionStep): Promise<StepExecution> {
  try {
    const run = await runAction(step.name, {
      actionDir: step.actionDir,
      step: step.phase,
      inputs: step.inputs,
      env: step.env,
      state: step.state,
      cwd: step.workspace,
      timeoutMs: step.timeoutMs,
      ...(step.inProcess ? { inProcess: step.inProcess } : {}),
    });
    const error =
      run.exitCode === 0
        ? undefined
        : run.exitCode === null
          ? `the action was killed by ${run.signal}`
          : `the action exited with code ${run.exitCode}`;
    return {
      ok: error === undefined,
      outputs: run.outputs,
      exportedEnv: run.exportedEnv,
      addedPath: run.addedPath,
      summary: run.summary,
      annotations: run.annotations,
      masks: run.masks,
      logLines: run.logLines,
      state: run.state,
      ...(error ? { error } : {}),
    };
  } catch (error) {
    const message = (error as Error).message.split('\n').slice(0, 12).join('\n');
    return emptyExecution(false, message);
  }
}

const NEVER_CHECKED_OUT = new Set(['.git', 'node_modules', '.build']);

/** actions/checkout, locally: a copy of the workspace source (no git history). */
export function checkout(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  cpSync(source, target, {
    recursive: true,
    filter: (file) =>
      !NEVER_CHECKED_OUT.has(path.basename(file)) || path.resolve(file) === path.resolve(source),
  });
}
