#!/usr/bin/env node
// Bundles every action with @vercel/ncc: actions/<a>/index.ts -> dist/<a>/index.js.
//
//   node scripts/build.mjs               build all actions listed in scripts/actions.mjs
//   node scripts/build.mjs tag-release   build only the named actions
//
// Because the root package.json says "type": "module", ncc emits an ES module and adds
// dist/<a>/package.json ({"type":"module"}) next to it, plus dist/<a>/licenses.txt.
// The bundle runs nothing by itself: it exports runMain and runPost (entrypoints() in
// packages/core/src/run-action.ts), and the build writes the two step files that
// <a>/action.yml names, dist/<a>/main.js and dist/<a>/post.js, each a short stub
// calling one of them (post.js only when the main step left something to undo). One
// bundle serves both steps, and the step is never guessed.
// Each `await import()` in an action (its main-aws.ts, loaded once the inputs passed) and in
// its packages becomes a chunk beside index.js, dist/<a>/<id>.index.js, with ids webpack
// derives from module paths (deterministic), so index.js holds only what the input checks
// need and scripts/smoke-dist.mjs runs each step without the chunks too.
// No minification and no source maps (see NCC_OPTIONS): stack traces stay readable and dist
// diffs stay reviewable. tsc compiles first (scripts/lib/typescript.mjs: the packages into their lib/,
// then the actions into .build/tsc/), so ncc bundles plain ESM JavaScript, and the TypeScript
// settings are exactly those of tsconfig.base.json.
//
// Each action is built in its own child process (webpack is single-threaded), at most
// BUILD_JOBS at a time (default 2, the number of cores on our machines). Output is
// deterministic: building twice gives byte-identical files, which check-dist relies on.
import { fork } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ACTIONS, ROOT, STEP_FILES, actionPaths } from './actions.mjs';
import { readYaml } from './lib/action-yml.mjs';
import { compileShipped } from './lib/typescript.mjs';

const SELF = fileURLToPath(import.meta.url);
/**
 * How ncc resolves and emits (bench/cold-start.ts builds one of its baselines the same way).
 * mainFields: a package's ES module build (`module`) before its CommonJS one (`main`). The AWS
 * SDK's ES build is one module per command and declares no side effects, so webpack keeps only
 * the commands an action sends; the CommonJS build is one file with every command of the
 * service. Measured on Node 24 (one EC2 client and one command): 2.97 MB → 2.08 MB and
 * 253 → 163 ms of CPU to load. No minification: it saved no load time there (172 ms), and stack
 * traces stay readable and dist diffs reviewable.
 */
const NCC_OPTIONS = Object.freeze({ minify: false, mainFields: ['module', 'main'] });

/** Where tsc puts the compiled JavaScript that ncc bundles (git-ignored). */
const COMPILED_DIR = '.build/tsc';

if (process.argv[2] === '--worker') {
  try {
    await worker(process.argv[3]);
  } catch (error) {
    // ncc's errors carry the webpack messages; its stack points into minified code.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
} else {
  await main(process.argv.slice(2));
}

async function main(args) {
  const unknown = args.filter((a) => !ACTIONS.includes(a));
  if (unknown.length > 0) {
    fail(
      `unknown action(s): ${unknown.join(', ')}. Known actions (scripts/actions.mjs): ${ACTIONS.join(', ')}`,
    );
  }
  const names = args.length > 0 ? ACTIONS.filter((a) => args.includes(a)) : [...ACTIONS];

  const missing = names.filter((a) => !existsSync(path.join(ROOT, actionPaths(a).entry)));
  if (missing.length > 0) {
    fail(
      'missing entry point(s), nothing was built:\n' +
        missing
          .map((a) => `  ${actionPaths(a).entry}  (action "${a}" is listed in scripts/actions.mjs)`)
          .join('\n'),
    );
  }

  const started = performance.now();
  await takeBuildLock();
  try {
    compileShipped();
  } catch (error) {
    fail(`${error.message}; nothing was bundled`);
  }
  const jobs = Math.max(1, Number(process.env.BUILD_JOBS) || Math.min(2, os.availableParallelism()));
  const results = new Map();
  const failed = [];
  const queue = [...names];
  await Promise.all(
    Array.from({ length: Math.min(jobs, queue.length) }, async () => {
      // Stop handing out work after the first failure; running builds finish.
      while (queue.length > 0 && failed.length === 0) {
        const name = queue.shift();
        try {
          results.set(name, await buildInChild(name));
        } catch (error) {
          failed.push(name);
          console.error(`build: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }),
  );
  if (failed.length > 0) fail(`failed: ${failed.join(', ')}`);
  if (args.length === 0) {
    // A full build owns dist/: drop what no listed action produces (a removed action).
    for (const entry of readdirSync(path.join(ROOT, 'dist'))) {
      if (!ACTIONS.includes(entry)) {
        rmSync(path.join(ROOT, 'dist', entry), { recursive: true, force: true });
        console.log(`build: removed dist/${entry} (not an action in scripts/actions.mjs)`);
      }
    }
  }

  const width = Math.max(...names.map((a) => a.length));
  let total = 0;
  for (const name of names) {
    const { files, ms } = results.get(name);
    const sizes = files.map((f) => `${f.name} ${f.bytes.toLocaleString('en-US')} B`).join(', ');
    total += files.reduce((sum, f) => sum + f.bytes, 0);
    console.log(`${name.padEnd(width)}  ${sizes}  (${(ms / 1000).toFixed(1)} s)`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `build: ${names.length} bundle(s), ${total.toLocaleString('en-US')} B in dist/, ${seconds} s (${jobs} at a time)`,
  );
}

/**
 * One build at a time in this tree: each starts by deleting and recompiling .build/tsc/, so
 * two at once would bundle from each other's half-written output. The lock is a directory
 * (mkdir is atomic) holding the owner's pid; a lock whose owner is gone is taken over.
 */
async function takeBuildLock() {
  const lock = path.join(ROOT, '.build', 'build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      process.on('exit', () => rmSync(lock, { recursive: true, force: true }));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (!lockOwnerAlive(lock)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (waited % 10_000 === 0) console.log(`build: waiting for another build in this tree (${lock})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function lockOwnerAlive(lock) {
  let pid;
  try {
    pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // Just made and its pid not yet written (alive), or left so by a crash long ago (gone).
    try {
      return Date.now() - statSync(lock).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function buildInChild(name) {
  return new Promise((resolve, reject) => {
    let result;
    const child = fork(SELF, ['--worker', name], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message) => (result = message));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && result) resolve(result);
      else reject(new Error(signal ? `killed by ${signal}` : `exit code ${code}`));
    });
  });
}

async function worker(name) {
  const paths = actionPaths(name);
  const require = createRequire(import.meta.url);
  const ncc = require('@vercel/ncc');

  const started = performance.now();
  const compiledEntry = path.join(ROOT, COMPILED_DIR, paths.entry.replace(/\.ts$/, '.js'));
  const { code, map, assets, symlinks } = await ncc(compiledEntry, {
    ...NCC_OPTIONS,
    sourceMap: false,
    // No persistent webpack cache: ts files are never cached by ncc anyway, and a cold
    // build is what CI does, so local builds cannot differ from it.
    cache: false,
    license: 'licenses.txt',
    quiet: true,
  });
  if (map) throw new Error('ncc produced a source map although sourceMap is false');
  if (!assets['package.json']) {
    throw new Error('ncc did not emit package.json: the bundle is not ESM (is "type": "module" still set?)');
  }

  const missingExports = Object.values(STEP_FILES).filter((name) => !exportsOf(code).includes(name));
  if (missingExports.length > 0) {
    throw new Error(
      `${paths.entry} must export ${missingExports.join(' and ')} (see entrypoints() in ` +
        'packages/core/src/run-action.ts); the step files dist/<a>/main.js and post.js call them.',
    );
  }

  const outDir = path.join(ROOT, paths.distDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written = { 'index.js': { source: code, permissions: 0o644 } };
  for (const [file, asset] of Object.entries(assets)) written[file] = asset;
  // Only the steps <a>/action.yml declares: an unused post.js would only mislead.
  const runs = readYaml(paths.actionYml).data?.runs ?? {};
  const declared = Object.entries(STEP_FILES).filter(([file]) => runs[file.replace(/\.js$/, '')]);
  const cleanupState = await cleanupStateNames();
  for (const [file, exported] of declared) {
    if (written[file]) throw new Error(`ncc emitted ${file}, which clashes with a generated step file`);
    const step = file.replace(/\.js$/, '');
    const header = `// Generated by scripts/build.mjs: the ${step} step of ${paths.actionYml}.\n`;
    const source = step === 'post' ? header + postStep(exported, cleanupState) : header + mainStep(exported);
    written[file] = { source, permissions: 0o644 };
  }
  const files = [];
  for (const file of Object.keys(written).sort()) {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, written[file].source, { mode: written[file].permissions ?? 0o644 });
    files.push({ name: file, bytes: statSync(target).size });
  }
  for (const [file, linkTarget] of Object.entries(symlinks ?? {})) {
    symlinkSync(linkTarget, path.join(outDir, file));
    files.push({ name: `${file} -> ${linkTarget}`, bytes: 0 });
  }
  // index.js first, then the rest alphabetically.
  files.sort((a, b) =>
    a.name === 'index.js' ? -1 : b.name === 'index.js' ? 1 : a.name.localeCompare(b.name),
  );
  process.send({ files, ms: performance.now() - started });
}

/** Names exported by an ncc ESM bundle (its final `export { a as b, ... };`). */
function mainStep(exported) {
  return `import { ${exported} } from './index.js';\n\nawait ${exported}();\n`;
}

/**
 * The post step ends before the bundle loads when the main step left nothing to undo: it
 * succeeded, or recorded nothing (nothingToUndo in packages/core/src/cleanup.ts, which
 * runAction applies again). Most runs succeed, and their post step then costs only Node's start.
 */
function postStep(exported, { created, succeeded }) {
  return (
    `// Nothing to undo after a main step that succeeded or recorded nothing (nothingToUndo,\n` +
    `// packages/core/src/cleanup.ts): then the bundle is not even loaded.\n` +
    `const created = process.env[${JSON.stringify(`STATE_${created}`)}] ?? '';\n` +
    `if (process.env[${JSON.stringify(`STATE_${succeeded}`)}] !== 'true' && created !== '' && created !== '[]') {\n` +
    `  const { ${exported} } = await import('./index.js');\n` +
    `  await ${exported}();\n` +
    `}\n`
  );
}

/** The saved state's names, from core as compiled (compileShipped runs before any worker). */
async function cleanupStateNames() {
  const compiled = path.join(ROOT, 'packages', 'core', 'lib', 'cleanup.js');
  const { CLEANUP_STATE } = await import(pathToFileURL(compiled).href);
  if (!CLEANUP_STATE?.created || !CLEANUP_STATE?.succeeded)
    throw new Error(`${compiled} exports no CLEANUP_STATE with created and succeeded`);
  return CLEANUP_STATE;
}

function exportsOf(code) {
  const names = [];
  for (const match of code.matchAll(/^export \{([^}]*)\};?\s*$/gm)) {
    for (const part of match[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.push(name);
    }
  }
  return names;
}

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}
