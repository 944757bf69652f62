// Everything an action does with the runner goes through ActionIO, so `run()` functions
// take it as a dependency: the runner implementation wraps @actions/core, tests pass a
// recording fake. No action imports @actions/core directly.
import * as core from '@actions/core';
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

/** The ActionIO of a real run on a GitHub runner (or the test harness that mimics one). */
export function runnerIO(env: Env = process.env): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
    setSecret: (value) => core.setSecret(value),
    info: (line) => core.info(line),
    warning: (line) => core.warning(line),
    debug: (line) => core.debug(line),
    group: (title, fn) => core.group(title, fn),
    appendSummary: async (markdown) => {
      // Outside a runner there is no summary file; the log already has everything.
      if (!env['GITHUB_STEP_SUMMARY']) return;
      await core.summary.addRaw(markdown, true).write();
    },
    setFailed: (message) => core.setFailed(message),
    env,
  };
}
