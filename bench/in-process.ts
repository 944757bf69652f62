// The bench's way around this machine (issue #20 item 5). Hundreds of roles at once would
// need hundreds of node processes of ~120 MB each, one per action step, as GitHub's runners
// would each have; and in one release, each step's process start is wall time that a high
// time scale turns into many sandbox seconds. The scale rows, and one row of the release's,
// run every action step inside the bench's own process instead: the
// action's compiled definition (.build/tsc, the same source as its bundle) with the step's
// environment, under the same wrapper as the bundle (core's runAction). What the steps cost
// in process starts then stays out of the rows, which measure AWS's rate limits, not the
// machine. The action tests run the real bundles; only the bench uses this.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runnerIO } from '@immut/core/action-io';
import { runAction, type ActionDefinition } from '@immut/core/run-action';
import type { InProcessAction } from '@immut/action-runner';

/** Each action's definition: the export of its main.ts that its index.ts hands to entrypoints. */
const DEFINITION_EXPORTS: Readonly<Record<string, string>> = {
  'bake-image': 'bakeImage',
  'cutover-dns': 'cutoverDns',
  'launch-behind-lb': 'launchBehindLb',
  'replicate-data': 'replicateData',
  'retire-release': 'retireRelease',
  'tag-release': 'tagRelease',
  world: 'world',
};

async function loadDefinitions(root: string): Promise<Map<string, ActionDefinition>> {
  const definitions = new Map<string, ActionDefinition>();
  for (const [action, name] of Object.entries(DEFINITION_EXPORTS)) {
    const file = path.join(root, '.build', 'tsc', 'actions', action, 'main.js');
    const module = (await import(pathToFileURL(file).href)) as Record<string, ActionDefinition | undefined>;
    const definition = module[name];
    if (!definition || definition.name !== action)
      throw new Error(`${file} exports no ${name} for ${action}`);
    definitions.set(action, definition);
  }
  return definitions;
}

/**
 * Runs action steps in this process. The AWS SDK reads its endpoint and credentials from the
 * process's environment, not the step's, so `aws` is set there for as long as the caller
 * needs (every step of a bench row uses the same key): see withProcessEnv.
 */
export async function inProcessActions(root: string): Promise<InProcessAction> {
  const definitions = await loadDefinitions(root);
  return async ({ action, phase, env, out }) => {
    const definition = definitions.get(action);
    if (!definition) throw new Error(`no in-process definition for action ${action}`);
    const io = runnerIO(env, out);
    let failed = false;
    // runnerIO fails the process (exitCode); here the step fails, and the bench goes on.
    const setFailed = (message: string): void => {
      const exitCode = process.exitCode;
      io.setFailed(message);
      process.exitCode = exitCode;
      failed = true;
    };
    await runAction(definition, { ...io, setFailed }, phase);
    return failed ? 1 : 0;
  };
}

/** Runs `fn` with `vars` set in this process's environment, restored afterwards. */
export async function withProcessEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
