// An ActionIO for unit tests of `run()` functions: inputs from a map, everything the
// action says or sets recorded for assertions.
import type { ActionIO } from '@immut/core/action-io';

export interface RecordingIO extends ActionIO {
  readonly outputs: Record<string, string>;
  readonly state: Record<string, string>;
  readonly secrets: string[];
  readonly log: string[];
  readonly summaries: string[];
  readonly failures: string[];
}

export function recordingIO(
  inputs: Record<string, string> = {},
  options: { env?: Record<string, string>; state?: Record<string, string> } = {},
): RecordingIO {
  const outputs: Record<string, string> = {};
  // Post steps see the state the main step saved; the main step sees none.
  const savedBefore = { ...(options.state ?? {}) };
  const state: Record<string, string> = {};
  const log: string[] = [];
  const secrets: string[] = [];
  const summaries: string[] = [];
  const failures: string[] = [];
  return {
    outputs,
    state,
    secrets,
    log,
    summaries,
    failures,
    env: options.env ?? {},
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    saveState: (name, value) => {
      state[name] = value;
    },
    getState: (name) => savedBefore[name] ?? '',
    setSecret: (value) => {
      secrets.push(value);
    },
    info: (line) => log.push(line),
    warning: (line) => log.push(`warning: ${line}`),
    debug: (line) => log.push(`debug: ${line}`),
    group: async (title, fn) => {
      log.push(`group: ${title}`);
      return fn();
    },
    appendSummary: async (markdown) => {
      summaries.push(markdown);
    },
    setFailed: (message) => {
      failures.push(message);
    },
  };
}
