// The one way immut runs a command the user wrote (a change log, a migration): through the
// shell, with an environment built from nothing. The step's environment holds the deploy
// role's keys (AWS_*), the token that mints OIDC tokens (ACTIONS_ID_TOKEN_REQUEST_TOKEN),
// GITHUB_TOKEN and immut's own inputs; none of that is the command's business. It gets
// PATH, HOME, locale and temp dir, what immut sets for it (e.g. the replica's connection),
// and only the extra variables the user names, never a credential-looking one.
import { spawn, spawnSync } from 'node:child_process';
import { z } from 'zod';
import { spec, type InputSpec } from './inputs.js';

/** Passed through from the step's environment to every user command. */
const BASE_NAMES = ['PATH', 'HOME', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR'] as const;
/** What a Windows shell and its tools cannot start without. */
const WINDOWS_NAMES = [
  'SystemRoot',
  'ComSpec',
  'PATHEXT',
  'WINDIR',
  'TEMP',
  'TMP',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'ProgramData',
  'ProgramFiles',
] as const;

/** An environment variable name as shells accept it. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
/** More than this many extra names is not a change log's environment but a copy of the step's. */
export const MAX_EXTRA_NAMES = 50;

/**
 * Why a name may never be passed to a user command, or undefined when it may. Names are
 * compared upper-cased: Windows environments ignore case.
 */
export function refusedEnvName(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper.startsWith('AWS_')) return 'AWS credentials and settings (the deploy role) stay with immut';
  if (upper.startsWith('ACTIONS_'))
    return 'ACTIONS_* variables hold the runner’s tokens (ACTIONS_ID_TOKEN_REQUEST_TOKEN mints OIDC tokens)';
  if (upper.startsWith('INPUT_')) return 'INPUT_* variables are the inputs of immut’s own step';
  if (upper.startsWith('STATE_')) return 'STATE_* variables are immut’s saved state';
  if (['GITHUB_TOKEN', 'GH_TOKEN'].includes(upper)) return 'the GitHub token stays with immut';
  if (['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_PATH', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].includes(upper))
    return 'file-command paths would let the command change later steps of the job';
  const words = upper.split('_').filter((w) => w !== '');
  const credentialWord = words.find((w) => CREDENTIAL_WORDS.has(w));
  const credentialPair = words.slice(1).find((w, i) => w === 'KEY' && KEY_QUALIFIERS.has(words[i] ?? ''));
  if (credentialWord || credentialPair || CREDENTIAL_NAMES.has(upper))
    return 'it looks like a credential, and a change log needs none besides the connection immut provides';
  return undefined;
}

const CREDENTIAL_WORDS = new Set([
  'TOKEN',
  'TOKENS',
  'SECRET',
  'SECRETS',
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PASSPHRASE',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'APIKEY',
  'AUTH',
  'COOKIE',
  'JWT',
  'OIDC',
  'SESSION',
]);
/** `<qualifier>_KEY`: API_KEY, ACCESS_KEY, PRIVATE_KEY … */
const KEY_QUALIFIERS = new Set(['API', 'ACCESS', 'SECRET', 'PRIVATE', 'SIGNING', 'ENCRYPTION', 'MASTER']);
/** Credential files and sockets under names that say nothing. */
const CREDENTIAL_NAMES = new Set(['KUBECONFIG', 'DOCKER_CONFIG', 'NETRC', 'SSH_AUTH_SOCK', 'GNUPGHOME']);

/**
 * The input kind for "extra variables the user command may see": names (comma- or
 * newline-separated) whose values come from the step's environment. Refused: malformed
 * names, duplicates, more than MAX_EXTRA_NAMES, and every name refusedEnvName refuses.
 */
export function envNames(commandInput: string): InputSpec<string[]> {
  return spec(
    `comma- or newline-separated environment variable NAMES (letters, digits, _) whose values ${commandInput} gets from the step's environment; never AWS_*, ACTIONS_*, INPUT_*, STATE_*, GITHUB_TOKEN or a credential-looking name`,
    z.string().transform((raw, ctx) => {
      const names = raw
        .split(/[\n,]/)
        .map((v) => v.trim())
        .filter((v) => v !== '');
      if (names.length > MAX_EXTRA_NAMES)
        ctx.addIssue({ code: 'custom', message: `${names.length} names, more than ${MAX_EXTRA_NAMES}` });
      for (const name of names) {
        if (!ENV_NAME.test(name)) {
          const shown = JSON.stringify(name.length > 40 ? `${name.slice(0, 37)}...` : name);
          ctx.addIssue({ code: 'custom', message: `${shown} is not a variable name` });
          continue;
        }
        const why = refusedEnvName(name);
        if (why) ctx.addIssue({ code: 'custom', message: `${name} is refused: ${why}` });
      }
      const upper = names.map((n) => n.toUpperCase());
      const dupes = names.filter((_, i) => upper.indexOf(upper[i] ?? '') !== i);
      if (dupes.length > 0) ctx.addIssue({ code: 'custom', message: `${dupes[0]} is listed twice` });
      return names;
    }),
  );
}

export interface UserCommandEnvOptions {
  /** The step's environment: where PATH, HOME, locale and the extra names are read from. */
  from: Readonly<Record<string, string | undefined>>;
  /** What immut sets for the command (e.g. the database connection); wins over `from`. */
  set: Readonly<Record<string, string>>;
  /** Extra names the user listed (validated by `envNames`). */
  extra: readonly string[];
  platform?: NodeJS.Platform;
}

/** Listed names the step's environment does not set (most likely typos). */
export function missingEnvNames(
  from: Readonly<Record<string, string | undefined>>,
  extra: readonly string[],
): string[] {
  return extra.filter((name) => from[name] === undefined);
}

/**
 * The command's whole environment. Refused names are dropped here too (not only by the
 * input), so no caller can hand them on by mistake; a name immut sets cannot be overridden.
 */
export function userCommandEnv(options: UserCommandEnvOptions): Record<string, string> {
  const { from } = options;
  const platform = options.platform ?? process.platform;
  const env: Record<string, string> = {};
  const take = (name: string) => {
    const value = from[name];
    if (value !== undefined && refusedEnvName(name) === undefined) env[name] = value;
  };
  for (const name of BASE_NAMES) take(name);
  for (const name of Object.keys(from)) if (/^LC_[A-Z_]+$/.test(name)) take(name);
  if (platform === 'win32') {
    // Windows spells these in any case; keep the spelling the step has.
    const wanted = new Set<string>(WINDOWS_NAMES.map((n) => n.toUpperCase()));
    for (const name of Object.keys(from)) if (wanted.has(name.toUpperCase())) take(name);
  }
  for (const name of options.extra) take(name);
  for (const [name, value] of Object.entries(options.set)) {
    if (refusedEnvName(name) !== undefined && !PASSED_BY_IMMUT.has(name))
      throw new Error(`immut must not set ${name} for a user command`);
    env[name] = value;
  }
  return env;
}

/** Names immut sets itself that the credential rule would otherwise refuse: the replica's
 *  one-time password, made for the command. */
const PASSED_BY_IMMUT = new Set(['PGPASSWORD', 'DB_PASSWORD', 'MYSQL_PWD']);

export interface UserCommandOptions {
  /** The whole environment (from userCommandEnv); nothing is inherited. */
  env: Readonly<Record<string, string>>;
  cwd?: string;
  /** Every line of stdout and stderr, as it comes. */
  onLine: (line: string) => void;
}

/** Runs a user command and returns its exit code; output goes to `onLine` only. */
export type UserCommandRunner = (command: string, options: UserCommandOptions) => Promise<number>;

/**
 * Runs `command` through the platform's shell (so pipes, `&&` and quoting work as written)
 * with exactly `env`; stdin is closed. A command killed by a signal counts as exit 128+n.
 * Not isolated: see runUserCommandIsolated for what that leaves open.
 */
export const runUserCommand: UserCommandRunner = (command, options) => spawnUserCommand([], command, options);

/**
 * A runner that starts the shell through `prefix` (from isolationPrefix): the command in
 * its own PID and mount namespaces with a /proc of its own. A clean environment alone is
 * not enough: any process of the same user can read /proc/<pid>/environ of another, and
 * this step's process holds the deploy role's keys there. In its own PID namespace the
 * command sees only its own processes.
 */
export function runUserCommandIsolated(prefix: readonly string[]): UserCommandRunner {
  return (command, options) => spawnUserCommand(prefix, command, options);
}

function spawnUserCommand(
  prefix: readonly string[],
  command: string,
  { env, cwd, onLine }: UserCommandOptions,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const windows = process.platform === 'win32';
    const [shell, args] = windows
      ? [env['ComSpec'] ?? env['COMSPEC'] ?? 'cmd.exe', ['/d', '/s', '/c', `"${command}"`]]
      : ['/bin/sh', ['-c', command]];
    const [file, ...argv] = prefix.length > 0 ? [...prefix, shell, ...args] : [shell, ...args];
    const child = spawn(file ?? shell, argv, {
      env: { ...env },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsVerbatimArguments: windows,
    });
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (partial + chunk).split(/\r?\n/);
        partial = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      });
      stream.on('end', () => {
        if (partial !== '') onLine(partial);
        partial = '';
      });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== null) resolve(code);
      else resolve(128 + (signal ? (SIGNAL_NUMBERS[signal] ?? 0) : 0));
    });
  });
}

/** How a user command is kept apart from the step's own processes (an input's values). */
export const ISOLATION_MODES = ['pid-namespace', 'none'] as const;
export type CommandIsolation = (typeof ISOLATION_MODES)[number];

// util-linux unshare: new PID and mount namespaces, a fresh /proc, the command killed with
// unshare. Root creates them directly; another user needs a user namespace, mapping itself
// (util-linux 2.38+) or, on older util-linux, to root of the namespace (never of the host).
const PID_NAMESPACE = ['--pid', '--fork', '--kill-child', '--mount-proc'];
const CANDIDATES_AS_ROOT = [['unshare', ...PID_NAMESPACE, '--']];
const CANDIDATES_AS_USER = [
  ['unshare', '--user', '--map-current-user', ...PID_NAMESPACE, '--'],
  ['unshare', '--user', '--map-root-user', ...PID_NAMESPACE, '--'],
];

export interface IsolationProbe {
  platform?: NodeJS.Platform;
  uid?: number;
  /** Runs a prefix with `/bin/sh -c 'echo $$'` and returns its exit status and stdout. */
  run?: (argv: readonly string[]) => { status: number | null; stdout: string; stderr: string; error?: Error };
}

const runProbe: NonNullable<IsolationProbe['run']> = (argv) => {
  const [file, ...args] = argv;
  const result = spawnSync(file ?? 'unshare', args, { encoding: 'utf8', timeout: 10_000 });
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    error: result.error,
  };
};

/**
 * The argv prefix that isolates a user command on this runner, or why there is none. The
 * probe runs `echo $$` inside: only in a new PID namespace is the shell process 1.
 */
export function isolationPrefix(probe: IsolationProbe = {}): { prefix: string[] } | { problem: string } {
  const platform = probe.platform ?? process.platform;
  if (platform !== 'linux')
    return { problem: `user commands are isolated with Linux namespaces, and this runner is ${platform}` };
  const uid = probe.uid ?? process.getuid?.() ?? -1;
  const run = probe.run ?? runProbe;
  const reasons: string[] = [];
  for (const prefix of uid === 0 ? CANDIDATES_AS_ROOT : CANDIDATES_AS_USER) {
    const result = run([...prefix, '/bin/sh', '-c', 'echo $$']);
    if (result.status === 0 && result.stdout.trim() === '1') return { prefix };
    const why =
      result.error?.message ?? (result.stderr.trim().split('\n')[0] || `exit status ${result.status}`);
    reasons.push(`${prefix.slice(0, -1).join(' ')}: ${why.slice(0, 200)}`);
  }
  return { problem: `this runner cannot create a PID namespace (${reasons.join('; ')})` };
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGPIPE: 13,
  SIGTERM: 15,
};
