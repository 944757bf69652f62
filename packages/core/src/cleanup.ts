// Undo on failure. An action records each resource right after creating it; the record
// lives in the step's saved state, so the `post:` step (which runs even when the main step
// failed or was cancelled) can delete exactly what this run created, newest first, and
// nothing else.
import type { ActionIO } from './action-io.js';
import { describeError } from './errors.js';

export interface CreatedResource {
  /** Resource kind known to the action's undo handlers, e.g. `instance`, `load-balancer`. */
  kind: string;
  id: string;
  region: string;
}

/**
 * The names the log is saved under (the runner hands them to the post step as STATE_<name>).
 * scripts/build.mjs reads them too: the generated post.js applies nothingToUndo before the
 * bundle loads.
 */
export const CLEANUP_STATE = Object.freeze({ created: 'immut-created', succeeded: 'immut-succeeded' });
const CREATED_KEY = CLEANUP_STATE.created;
const SUCCEEDED_KEY = CLEANUP_STATE.succeeded;

/**
 * The post step has nothing to do after a main step that succeeded or recorded nothing (a
 * failed run keeps its record; a resource it deleted on purpose is forgotten). Every action's
 * post relies on this rule, so it is decided here once, from the saved state alone.
 */
export function nothingToUndo(getState: (name: string) => string): boolean {
  const created = getState(CREATED_KEY);
  return getState(SUCCEEDED_KEY) === 'true' || created === '' || created === '[]';
}

export class CleanupLog {
  private readonly resources: CreatedResource[];

  constructor(
    private readonly io: Pick<ActionIO, 'saveState' | 'getState'>,
    resources: CreatedResource[] = [],
  ) {
    this.resources = [...resources];
  }

  /** The log as the main step left it, read in the post step. */
  static fromState(io: Pick<ActionIO, 'saveState' | 'getState'>): CleanupLog {
    const raw = io.getState(CREATED_KEY);
    let parsed: unknown = [];
    if (raw) {
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new Error(`saved state '${CREATED_KEY}' is not JSON: ${raw.slice(0, 80)}`);
      }
    }
    if (!Array.isArray(parsed)) throw new Error(`saved state '${CREATED_KEY}' is not a list`);
    return new CleanupLog(io, parsed as CreatedResource[]);
  }

  /** Call right after a create call returns, before anything else can fail. */
  record(resource: CreatedResource): void {
    if (this.resources.some((r) => r.kind === resource.kind && r.id === resource.id)) return;
    this.resources.push(resource);
    this.io.saveState(CREATED_KEY, JSON.stringify(this.resources));
  }

  /** Call when the resource was deleted on purpose during the run (e.g. a builder). */
  forget(kind: string, id: string): void {
    const index = this.resources.findIndex((r) => r.kind === kind && r.id === id);
    if (index < 0) return;
    this.resources.splice(index, 1);
    this.io.saveState(CREATED_KEY, JSON.stringify(this.resources));
  }

  markSucceeded(): void {
    this.io.saveState(SUCCEEDED_KEY, 'true');
  }

  succeeded(): boolean {
    return this.io.getState(SUCCEEDED_KEY) === 'true';
  }

  created(): readonly CreatedResource[] {
    return this.resources;
  }
}

/** Deletes one resource; must check immut's tags (core's guard) before deleting. */
export type UndoHandler = (resource: CreatedResource) => Promise<void>;

export interface UndoOptions {
  io: Pick<ActionIO, 'info' | 'warning'>;
  handlers: Readonly<Record<string, UndoHandler>>;
  keepOnFailure: boolean;
}

/**
 * The post step's work: nothing after a success; otherwise undo every recorded resource,
 * newest first, continuing past failures. Throws at the end listing what is left, so the
 * user knows exactly what to delete by hand.
 */
export async function undoCreated(log: CleanupLog, options: UndoOptions): Promise<void> {
  const { io, handlers } = options;
  const created = [...log.created()].reverse();
  if (log.succeeded() || created.length === 0) return;
  const list = created.map((r) => `${r.kind} ${r.id}`).join(', ');
  if (options.keepOnFailure) {
    io.warning(`keep-on-failure is set, so this failed run keeps what it created: ${list}`);
    return;
  }
  io.info(`The run did not finish; removing what it created: ${list}`);
  const left: string[] = [];
  for (const resource of created) {
    const handler = handlers[resource.kind];
    try {
      if (!handler) throw new Error(`no undo handler for kind '${resource.kind}'`);
      await handler(resource);
      io.info(`removed ${resource.kind} ${resource.id}`);
    } catch (error) {
      io.warning(`could not remove ${resource.kind} ${resource.id}: ${describeError(error)}`);
      left.push(`${resource.kind} ${resource.id} (${resource.region})`);
    }
  }
  if (left.length > 0) {
    throw new Error(
      `Cleanup left ${left.length} resource(s) behind; delete them by hand: ${left.join(', ')}`,
    );
  }
}
