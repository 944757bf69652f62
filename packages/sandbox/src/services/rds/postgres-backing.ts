// The embedded-PostgreSQL plumbing: with a backend attached, every postgres instance has a
// real database (named after the instance) and every snapshot of one a clone of it.
import { createHash } from 'node:crypto';
import { persistentDataDir, startPostgresBackend, type PostgresBackend } from '../../postgres.js';
import { AwsError, type ServiceContext } from '../../service.js';
import type { DbInstance, DbSnapshot, RdsContext } from './state.js';

/** The service's PostgreSQL backend, if any, and the queue its operations run through. */
export class PostgresBacking {
  /** Given in the options, or launched by `start`. */
  backend: PostgresBackend | undefined;
  /** Whether `start` launched the backend (and `stop` must stop it). */
  private owned = false;
  // Every PostgreSQL operation runs in order through one queue, so a reset's drops finish
  // before a seed's creates, and concurrent requests never race on a template database.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(backend: PostgresBackend | undefined) {
    this.backend = backend;
  }

  /** Runs `fn` on the backend after every operation queued before it. */
  run<T>(fn: (b: PostgresBackend) => Promise<T>): Promise<T> {
    const b = this.backend;
    if (!b) return Promise.reject(new Error('no PostgreSQL backend'));
    const run = this.queue.then(() => fn(b));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Drops a database, ignoring failure: what is gone from the state needs no database. */
  dropQuietly(name: string): Promise<unknown> {
    return this.run((b) => b.dropDatabase(name)).catch(() => undefined);
  }

  /** Whether instances of `engine` get a real database. */
  uses(engine: string): boolean {
    return this.backend !== undefined && engine === 'postgres';
  }

  async start(ctx: ServiceContext): Promise<void> {
    if (this.backend || !ctx.options?.postgres) return;
    const dataDir = ctx.options.stateDir ? await persistentDataDir(ctx.options.stateDir) : undefined;
    this.backend = await startPostgresBackend({ dataDir });
    this.owned = true;
  }

  async stop(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.backend && this.owned) await this.backend.stop();
    if (this.owned) this.backend = undefined;
    this.owned = false;
  }
}

export const pgFailure = (err: unknown): AwsError =>
  new AwsError(
    'InternalFailure',
    `The PostgreSQL backend failed: ${err instanceof Error ? err.message : String(err)}`,
    500,
  );

/** The database holding a snapshot's data; hashed when `snapshot:<id>` would pass
 *  PostgreSQL's 63-byte identifier limit. */
export function pgSnapshotName(id: string, at: number): string {
  const name = `snapshot:${id}`;
  return name.length <= 63
    ? name
    : `snapshot:${createHash('sha1').update(`${id}@${at}`).digest('hex').slice(0, 40)}`;
}

/** Gives a new postgres instance its database: empty, or a clone of `source`. The instance
 *  then reports the backend's user and the database's name, which clients connect with. */
export async function createInstanceDatabase(
  pg: PostgresBacking,
  inst: DbInstance,
  source?: string,
): Promise<void> {
  if (!pg.uses(inst.engine)) return;
  const name = inst.id;
  try {
    await pg.run(async (b) => {
      await b.dropDatabase(name); // a leftover of a deleted instance, never a live one
      if (source) await b.cloneDatabase(source, name);
      else await b.createDatabase(name);
    });
  } catch (err) {
    throw pgFailure(err);
  }
  inst.pgDatabase = name;
  inst.dbName = name;
  inst.masterUsername = pg.backend!.user;
}

/** Clones a new manual snapshot's instance database; on failure the snapshot is removed
 *  again and the request fails. */
export async function cloneToSnapshot(rds: RdsContext, inst: DbInstance, snap: DbSnapshot): Promise<void> {
  if (!inst.pgDatabase || !rds.pg.backend) return;
  snap.pgDatabase = pgSnapshotName(snap.id, snap.createdAt);
  try {
    await rds.pg.run((b) => b.cloneDatabase(inst.pgDatabase!, snap.pgDatabase!));
  } catch (err) {
    delete rds.state.snapshots[snap.id];
    throw pgFailure(err);
  }
}
