// Applying the change log: the user's migration command (any tool) runs against the replica
// only, with the connection in the environment variables database tools read. The password
// is masked before it exists anywhere else and is scrubbed from the command's output too,
// so even a tool that prints its connection string leaks nothing. The command gets an
// environment built from nothing (@immut/core/user-command): never the deploy role's keys,
// the runner's tokens or immut's inputs. Its output is printed with workflow commands
// stopped, so a line such as `::add-mask::…` or `::set-output …` in it is only text.
import type { DBInstance } from '@aws-sdk/client-rds';
import type { ActionIO } from '@immut/core/action-io';
import { formatDuration, scaledClock, type Clock } from '@immut/core/clock';
import { UserError } from '@immut/core/errors';
import { withCommandsStopped } from '@immut/core/untrusted-output';
import { runUserCommand, userCommandEnv, type UserCommandRunner } from '@immut/core/user-command';

export interface Connection {
  engine: string;
  host: string;
  port: number;
  database: string;
  user: string;
}

/** The replica's connection details (no password: that never comes from AWS). */
export function connectionOf(instance: DBInstance): Connection {
  const engine = instance.Engine ?? 'postgres';
  const host = instance.Endpoint?.Address;
  const port = instance.Endpoint?.Port;
  if (!host || !port)
    throw new Error(`DB instance ${instance.DBInstanceIdentifier ?? '?'} has no endpoint yet`);
  const defaultDb = engine.startsWith('postgres') ? 'postgres' : '';
  return { engine, host, port, database: instance.DBName ?? defaultDb, user: instance.MasterUsername ?? '' };
}

function urlScheme(engine: string): string {
  if (engine.startsWith('postgres')) return 'postgresql';
  if (engine === 'mysql' || engine === 'mariadb') return engine;
  if (engine.startsWith('sqlserver')) return 'sqlserver';
  if (engine.startsWith('oracle')) return 'oracle';
  return engine;
}

/** The URL form, e.g. `postgresql://user:pw@host:5432/db`, with user and password escaped. */
export function databaseUrl(c: Connection, password: string): string {
  const auth = `${encodeURIComponent(c.user)}:${encodeURIComponent(password)}`;
  return `${urlScheme(c.engine)}://${auth}@${c.host}:${c.port}/${encodeURIComponent(c.database)}`;
}

/**
 * Environment for the command: DATABASE_URL and generic DB_* for every engine, plus what
 * the engine's own clients read (libpq's PG*, the MySQL client's MYSQL_*).
 */
export function connectionEnv(c: Connection, password: string): Record<string, string> {
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl(c, password),
    DB_HOST: c.host,
    DB_PORT: String(c.port),
    DB_NAME: c.database,
    DB_USER: c.user,
    DB_PASSWORD: password,
  };
  if (c.engine.startsWith('postgres')) {
    Object.assign(env, {
      PGHOST: c.host,
      PGPORT: String(c.port),
      PGDATABASE: c.database,
      PGUSER: c.user,
      PGPASSWORD: password,
    });
  } else if (c.engine === 'mysql' || c.engine === 'mariadb') {
    Object.assign(env, { MYSQL_HOST: c.host, MYSQL_TCP_PORT: String(c.port), MYSQL_PWD: password });
  }
  return env;
}

/** Every name connectionEnv may set, for any engine: the user cannot pass these on. */
export const CONNECTION_ENV_NAMES: readonly string[] = [
  'DATABASE_URL',
  'DB_HOST',
  'DB_PORT',
  'DB_NAME',
  'DB_USER',
  'DB_PASSWORD',
  'PGHOST',
  'PGPORT',
  'PGDATABASE',
  'PGUSER',
  'PGPASSWORD',
  'MYSQL_HOST',
  'MYSQL_TCP_PORT',
  'MYSQL_PWD',
];

/** Every form the password can take in output: raw and URL-escaped. Mask them all. */
export function secretForms(password: string): string[] {
  return [...new Set([password, encodeURIComponent(password)])].filter((v) => v.length > 0);
}

/** Replaces every form of the password with ***. */
export function scrub(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}

/** Runs a command line with exactly the given environment and returns its exit code. */
export type Exec = UserCommandRunner;

/** The platform's shell, with nothing inherited (@immut/core/user-command). */
export const shellExec: Exec = runUserCommand;

export interface ChangelogOptions {
  command: string;
  connection: Connection;
  password: string;
  io: Pick<ActionIO, 'group' | 'info'>;
  /** The step's environment: PATH, HOME, locale and the `extraEnv` names are read from it,
   *  nothing else (no AWS_*, ACTIONS_*, GITHUB_TOKEN, INPUT_*). */
  stepEnv: Readonly<Record<string, string | undefined>>;
  /** Names from the `changelog-env` input, validated. */
  extraEnv?: readonly string[];
  exec?: Exec;
  /** Where the command runs; by default the step's GITHUB_WORKSPACE, as a `run:` step would
   *  (else this process's directory), so a relative path in it means the same wherever the
   *  action runs. */
  cwd?: string;
  /** How many of the command's last lines a failure shows. */
  tailLines?: number;
  /** Times the command (the action's clock: sandbox time against the sandbox); default wall time. */
  clock?: Clock;
}

/**
 * Runs the change log command in a log group. A non-zero exit fails with the command's last
 * lines (scrubbed), so the cause is in the error annotation itself. Returns how long the command
 * ran (ms): the change log is on the release's critical path, and users watch it grow.
 */
export async function runChangelog(options: ChangelogOptions): Promise<number> {
  const { command, connection, password, io } = options;
  const secrets = secretForms(password);
  const tailLines = options.tailLines ?? 30;
  const tail: string[] = [];
  const env = userCommandEnv({
    from: options.stepEnv,
    set: connectionEnv(connection, password),
    extra: options.extraEnv ?? [],
  });
  const where = `${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
  const clock = options.clock ?? scaledClock();
  const started = clock.now();
  const code = await io.group(`Change log: ${command}`, async () => {
    io.info(`Running the change log on the replica ${where} (never the source).`);
    return withCommandsStopped(io, (print) =>
      (options.exec ?? shellExec)(command, {
        env,
        cwd: options.cwd ?? options.stepEnv['GITHUB_WORKSPACE'],
        onLine: (raw) => {
          const line = scrub(raw, secrets);
          print(line);
          // Blank lines and stack frames crowd the cause out of the error's tail.
          if (line.trim() === '' || /^\s+at \S/.test(line)) return;
          tail.push(line);
          if (tail.length > tailLines) tail.shift();
        },
      }),
    );
  });
  if (code !== 0) {
    const shown = tail.length > 0 ? `; its last lines:\n${tail.join('\n')}` : ' and printed nothing';
    throw new UserError(`The change log command failed (exit code ${code}) on the replica ${where}${shown}`);
  }
  const ms = clock.now() - started;
  io.info(`The change log ran for ${formatDuration(ms)}.`);
  return ms;
}
