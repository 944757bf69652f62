// Everything an action does with the runner goes through ActionIO, so `run()` functions
// take it as a dependency: the runner implementation below speaks the runner's protocol,
// tests pass a recording fake. No action talks to the runner directly.
//
// Why not @actions/core: loading it loads @actions/http-client and undici (for its OIDC
// client, which immut never uses), about 80 ms of module evaluation before an action can
// even read its inputs (bench/RESULTS.md, cold start). The protocol itself is small and
// documented by GitHub ("Workflow commands for GitHub Actions"): inputs in INPUT_<NAME>,
// saved state in STATE_<name>, outputs and state appended to the files GITHUB_OUTPUT and
// GITHUB_STATE as `name<<DELIMITER` blocks, the step summary appended to
// GITHUB_STEP_SUMMARY, and `::command::data` lines on stdout. Only node: built-ins here.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import type { Env } from './provenance.js';

export interface ActionIO {
  /** Raw input value, '' when not given (like core.getInput without options). */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  /** State saved by the main step; readable in the post step only. */
  getState(name: string): string;
  /** Masks a value in every later log line. */
  setSecret(value: string): void;
  info(line: string): void;
  warning(line: string): void;
  debug(line: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
  readonly env: Env;
}

/**
 * The data of a `::command::data` line: `%`, CR and LF escaped, so a multi-line message
 * stays one command (the runner unescapes them).
 */
export function escapeCommandData(data: string): string {
  return data.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** One workflow command line on stdout, e.g. `::warning::text`. */
function command(out: (line: string) => void, name: string, data = ''): void {
  out(`::${name}::${escapeCommandData(data)}`);
}

/**
 * A `name<<DELIMITER` block of an environment file. The delimiter is random so that no
 * value can end the block early and smuggle in another output; a name or value that
 * contains it anyway (it cannot happen by chance) is refused rather than written.
 */
export function fileCommandBlock(
  name: string,
  value: string,
  delimiter = `ghadelimiter_${randomUUID()}`,
): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`cannot write '${name}': its name or value contains the delimiter ${delimiter}`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

/** The name the runner gives an input's variable: INPUT_ + upper case, spaces as `_`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replaceAll(' ', '_').toUpperCase()}`;
}

/**
 * Appends a block to GITHUB_OUTPUT or GITHUB_STATE. A runner too old to set the file gets
 * the (deprecated) stdout command instead, as the toolkit does.
 */
function fileCommand(
  env: Env,
  out: (line: string) => void,
  file: 'GITHUB_OUTPUT' | 'GITHUB_STATE',
  name: string,
  value: string,
): void {
  const target = env[file];
  if (!target) {
    out('');
    out(
      `::${file === 'GITHUB_OUTPUT' ? 'set-output' : 'save-state'} name=${escapeProperty(name)}::${escapeCommandData(value)}`,
    );
    return;
  }
  // The runner creates the file; a missing one means a broken environment, not a new file.
  if (!existsSync(target)) throw new Error(`${file} names ${target}, which does not exist`);
  appendFileSync(target, fileCommandBlock(name, value), { encoding: 'utf8' });
}

/** A command property (`name=...`): like data, plus `:` and `,`, which separate properties. */
function escapeProperty(value: string): string {
  return escapeCommandData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** The ActionIO of a real run on a GitHub runner (or the test harness that mimics one). */
export function runnerIO(
  env: Env = process.env,
  out: (line: string) => void = (line) => process.stdout.write(`${line}${EOL}`),
): ActionIO {
  return {
    getInput: (name) => (env[inputVariable(name)] ?? '').trim(),
    setOutput: (name, value) => fileCommand(env, out, 'GITHUB_OUTPUT', name, value),
    saveState: (name, value) => fileCommand(env, out, 'GITHUB_STATE', name, value),
    getState: (name) => env[`STATE_${name}`] ?? '',
    setSecret: (value) => command(out, 'add-mask', value),
    info: (line) => out(line),
    warning: (line) => command(out, 'warning', line),
    debug: (line) => command(out, 'debug', line),
    group: async (title, fn) => {
      command(out, 'group', title);
      try {
        return await fn();
      } finally {
        command(out, 'endgroup');
      }
    },
    appendSummary: async (markdown) => {
      // Outside a runner there is no summary file; the log already has everything.
      const file = env['GITHUB_STEP_SUMMARY'];
      if (!file) return;
      await appendFile(file, `${markdown}${EOL}`, { encoding: 'utf8' });
    },
    setFailed: (message) => {
      process.exitCode = 1;
      command(out, 'error', message);
    },
    env,
  };
}
