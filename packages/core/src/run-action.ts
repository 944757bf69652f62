// The one wrapper every action's entrypoint goes through: decides whether this is the main
// or the post step, gives the action its context, and turns any failure into one clear
// `::error::` line. User mistakes and AWS refusals print no stack trace; anything else is a
// bug and says so.
import type { ActionIO } from './action-io.js';
import { CleanupLog } from './cleanup.js';
import { clockFromEnv, type Clock } from './clock.js';
import { UserError, describeError } from './errors.js';
import { commonInputs, readInputs, resolveCommon, type InputSpecs } from './inputs.js';
import type { Env } from './provenance.js';

export interface ActionContext {
  io: ActionIO;
  env: Env;
  clock: Clock;
  /** Records what this run creates, for the post step. */
  cleanup: CleanupLog;
}

export interface ActionDefinition {
  /** The action's folder name, e.g. `bake-image`; prefixes the failure message. */
  name: string;
  main: (context: ActionContext) => Promise<void>;
  /** Runs as the action's `post:` step with the state the main step saved. */
  post?: (context: ActionContext) => Promise<void>;
}

/** Saved by the main step; its presence tells the same bundle it now runs as `post:`. */
const PHASE_KEY = 'immut-phase';

export type Phase = 'main' | 'post';

function isAwsError(error: unknown): boolean {
  return error instanceof Error && typeof (error as { $metadata?: unknown }).$metadata === 'object';
}

/** The failure message: plain for user-facing errors, marked as a bug otherwise. */
export function failureMessage(action: string, error: unknown): string {
  const message = describeError(error);
  if (error instanceof UserError || isAwsError(error)) return `${action}: ${message}`;
  return `${action} failed unexpectedly: ${message}. This is likely a bug in immut; please report it with this log.`;
}

/** Runs the action's main or post step. Never throws; failure sets the exit code. */
export async function runAction(definition: ActionDefinition, io: ActionIO): Promise<Phase> {
  const phase: Phase = io.getState(PHASE_KEY) === 'main' ? 'post' : 'main';
  try {
    const clock = clockFromEnv(io.env);
    if (phase === 'main') {
      io.saveState(PHASE_KEY, 'main');
      const cleanup = new CleanupLog(io);
      await definition.main({ io, env: io.env, clock, cleanup });
      cleanup.markSucceeded();
    } else if (definition.post) {
      await definition.post({ io, env: io.env, clock, cleanup: CleanupLog.fromState(io) });
    }
  } catch (error) {
    if (error instanceof Error && error.stack) io.debug(error.stack);
    io.setFailed(failureMessage(phase === 'post' ? `${definition.name} (cleanup)` : definition.name, error));
  }
  return phase;
}

/** For actions whose own issue has not landed: their inputs are checked, then this is thrown. */
export class NotImplementedError extends UserError {
  override name = 'NotImplementedError';
  constructor(action: string) {
    super(
      `${action} is not implemented yet in this version of immut. Its inputs are valid; nothing was created or changed.`,
    );
  }
}

/**
 * The definition of an action whose own issue has not landed: it validates its inputs
 * exactly as the real action will, then fails clearly. Never a fake success.
 */
export function pendingAction(name: string, specs: InputSpecs): ActionDefinition {
  return {
    name,
    main: async ({ io }) => {
      resolveCommon(readInputs({ ...commonInputs, ...specs }, io.getInput), io.env);
      throw new NotImplementedError(name);
    },
  };
}
