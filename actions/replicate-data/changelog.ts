// Applying the change log: the user's migration command (any tool) runs against the replica
// only, with the connection in the environment variables database tools read. The password
// is masked before it exists anywhere else and is scrubbed from the command's output too,
// so even a tool that prints its connection string leaks nothing.
import * as actionsExec from '@actions/exec';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { ActionIO } from '@immut/core/action-io';
import { UserError } from '@immut/core/errors';

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

/** Runs a command line and returns its exit code; output goes to the listeners only. */
export type Exec = (
  command: string,
  options: { env: Record<string, string>; cwd?: string; onLine: (line: string) => void },
) => Promise<number>;

/** `@actions/exec` through the platform's shell, so pipes, `&&` and quoting work as written. */
export const shellExec: Exec = (command, { env, cwd, onLine }) => {
  const [shell, args] =
    process.platform === 'win32'
      ? [env['ComSpec'] ?? 'cmd.exe', ['/d', '/s', '/c', command]]
      : ['/bin/sh', ['-c', command]];
  return actionsExec.exec(shell, args, {
    env,
    cwd,
    silent: true,
    ignoreReturnCode: true,
    windowsVerbatimArguments: process.platform === 'win32',
    listeners: { stdline: onLine, errline: onLine },
  });
};

export interface ChangelogOptions {
  command: string;
  connection: Connection;
  password: string;
  io: Pick<ActionIO, 'group' | 'info'>;
  /** The environment the command inherits (the runner's), before the connection is added. */
  baseEnv: Readonly<Record<string, string | undefined>>;
  exec?: Exec;
  cwd?: string;
  /** How many of the command's last lines a failure shows. */
  tailLines?: number;
}

/**
 * Runs the change log command in a log group. A non-zero exit fails with the command's last
 * lines (scrubbed), so the cause is in the error annotation itself.
 */
export async function runChangelog(options: ChangelogOptions): Promise<void> {
  const { command, connection, password, io } = options;
  const secrets = secretForms(password);
  const tailLines = options.tailLines ?? 30;
  const tail: string[] = [];
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.baseEnv)) if (v !== undefined) env[k] = v;
  Object.assign(env, connectionEnv(connection, password));
  const where = `${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
  const code = await io.group(`Change log: ${command}`, async () => {
    io.info(`Running the change log on the replica ${where} (never the source).`);
    return (options.exec ?? shellExec)(command, {
      env,
      cwd: options.cwd,
      onLine: (raw) => {
        const line = scrub(raw, secrets);
        io.info(line);
        // Blank lines and stack frames crowd the cause out of the error's tail.
        if (line.trim() === '' || /^\s+at \S/.test(line)) return;
        tail.push(line);
        if (tail.length > tailLines) tail.shift();
      },
    });
  });
  if (code !== 0) {
    const shown = tail.length > 0 ? `; its last lines:\n${tail.join('\n')}` : ' and printed nothing';
    throw new UserError(`The change log command failed (exit code ${code}) on the replica ${where}${shown}`);
  }
}
