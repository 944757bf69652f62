#!/usr/bin/env node
// `npm run sandbox -- <options>`: starts immut-sandbox from this checkout, in this process
// (so a signal to it, or to the npm process that forwards it, reaches the sandbox itself).
// It compiles packages/sandbox (and core) first only when lib/ is missing or older than a
// source file, so an up-to-date start takes well under a second instead of a full `tsc -b`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const SANDBOX = path.join(ROOT, 'packages', 'sandbox');
const BIN = path.join(SANDBOX, 'lib', 'bin.js');
// tsc -b writes this after every build of the package (tsconfig.json tsBuildInfoFile).
const STAMP = path.join(SANDBOX, 'lib', '.tsbuildinfo');

/** Newest modification time of the files under `dir` (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

function stale() {
  if (!existsSync(BIN) || !existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const sources = ['sandbox', 'core'].map((p) => path.join(ROOT, 'packages', p, 'src'));
  return sources.some((dir) => newest(dir) > built);
}

if (stale()) {
  process.stderr.write('immut-sandbox: compiling packages/sandbox (its lib/ is missing or out of date)…\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // tsc's messages go to stderr: the first stdout line must stay the sandbox's endpoint.
  const result = spawnSync(process.execPath, [tsc, '-b', SANDBOX], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  // tsc -b still writes lib/ when it reports type errors; only a missing bin is fatal.
  if (!existsSync(BIN)) process.exit(result.status || 1);
}
await import(pathToFileURL(BIN).href);
