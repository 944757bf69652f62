// The `immut-sandbox` command: start the sandbox and serve until SIGINT / SIGTERM.
//
//   immut-sandbox [--port 0] [--seed default|empty] [--time-scale 1000] [--faults FILE]
//                 [--state FILE] [--postgres] [--random-seed N]
//                 [--iam-policy FILE] [--iam-default allow|deny]
//
// The first stdout line is `IMMUT_SANDBOX_ENDPOINT=http://127.0.0.1:PORT`, so a script can
// read the endpoint; everything else goes to stderr.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { FaultSpec } from './faults.js';
import { parsePolicyFile, type IamPolicies } from './iam/policy.js';
import { startSandbox, type Sandbox } from './server.js';

export const USAGE = `usage: immut-sandbox [--port N] [--seed default|empty] [--time-scale X] [--faults FILE] [--state FILE] [--postgres] [--random-seed N] [--iam-policy FILE] [--iam-default allow|deny]`;

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** Parse argv (without node and script) into sandbox options; throws on bad input. */
export function parseCli(argv: string[]): Parameters<typeof startSandbox>[0] & { help?: boolean } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string', default: 'default' },
      'time-scale': { type: 'string', default: '1' },
      faults: { type: 'string' },
      state: { type: 'string' },
      postgres: { type: 'boolean', default: false },
      'random-seed': { type: 'string' },
      'iam-policy': { type: 'string' },
      'iam-default': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be an integer 0..65535, got ${values.port}`);
  if (values.seed !== 'default' && values.seed !== 'empty')
    throw new Error(`--seed must be default or empty, got ${values.seed}`);
  const timeScale = Number(values['time-scale']);
  if (!(timeScale > 0) || !Number.isFinite(timeScale))
    throw new Error(`--time-scale must be a positive number, got ${values['time-scale']}`);
  let faults: FaultSpec[] | undefined;
  if (values.faults) {
    const parsed: unknown = JSON.parse(readFileSync(values.faults, 'utf8'));
    if (!Array.isArray(parsed))
      throw new Error(`--faults ${values.faults}: expected a JSON array of fault specs`);
    faults = parsed as FaultSpec[];
  }
  const randomSeed = values['random-seed'] === undefined ? undefined : Number(values['random-seed']);
  if (randomSeed !== undefined && !Number.isInteger(randomSeed))
    throw new Error('--random-seed must be an integer');
  const iamDefault = values['iam-default'];
  if (iamDefault !== undefined && iamDefault !== 'allow' && iamDefault !== 'deny')
    throw new Error(`--iam-default must be allow or deny, got ${iamDefault.slice(0, 40)}`);
  return {
    ...iamOptions(values['iam-policy']),
    ...(iamDefault ? { iamDefault } : {}),
    port,
    seed: values.seed,
    timeScale,
    faults,
    stateFile: values.state,
    postgres: values.postgres,
    randomSeed,
  };
}

/** `--iam-policy FILE`: a policy document or a list of them (every access key), or a
 *  JSON map access key id → policy document(s). */
function iamOptions(file: string | undefined): { iamPolicies?: IamPolicies } {
  if (file === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(
      `--iam-policy ${file}: cannot read a JSON policy (${e instanceof Error ? e.message : String(e)})`,
      { cause: e },
    );
  }
  return { iamPolicies: parsePolicyFile(parsed, `--iam-policy ${file}`) };
}

/** Start the sandbox from argv; resolves with the running sandbox (the caller decides when
 *  to stop it). With `handleSignals`, SIGINT / SIGTERM stop it and exit the process. */
export async function main(
  argv: string[] = process.argv.slice(2),
  io: CliIo = {
    stdout: (l) => process.stdout.write(l + '\n'),
    stderr: (l) => process.stderr.write(l + '\n'),
  },
  handleSignals = true,
): Promise<Sandbox | undefined> {
  let options: ReturnType<typeof parseCli>;
  try {
    options = parseCli(argv);
  } catch (e) {
    io.stderr(`immut-sandbox: ${e instanceof Error ? e.message : String(e)}`);
    io.stderr(USAGE);
    process.exitCode = 2;
    return undefined;
  }
  if (options.help) {
    io.stdout(USAGE);
    return undefined;
  }
  const sandbox = await startSandbox(options);
  io.stdout(`IMMUT_SANDBOX_ENDPOINT=${sandbox.endpoint}`);
  io.stderr(
    `immut-sandbox: serving on ${sandbox.endpoint} (seed ${options.seed}, time scale ${options.timeScale}${options.stateFile ? `, state ${options.stateFile}` : ''}${options.postgres ? ', postgres' : ''}${options.iamPolicies || options.iamDefault === 'deny' ? ', IAM enforced' : ''})`,
  );
  if (handleSignals) {
    const shutdown = (signal: string): void => {
      io.stderr(`immut-sandbox: ${signal}, stopping`);
      sandbox.stop().then(
        () => process.exit(0),
        (e: unknown) => {
          io.stderr(`immut-sandbox: stop failed: ${String(e)}`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  }
  return sandbox;
}
