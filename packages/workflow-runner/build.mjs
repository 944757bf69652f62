#!/usr/bin/env node
// Bundles the local workflow runner (src/cli.ts: the command line, which also exports the API):
// `tsc -b` (this package and @immut/action-runner into their lib/), then @vercel/ncc into
// .build/workflow-runner/index.js, so it runs under plain `node`:
// @actions/workflow-parser imports its JSON schema without an import attribute, which Node's
// ESM loader refuses; ncc inlines it.
//
//   node packages/workflow-runner/build.mjs            build (a few seconds)
//   node .build/workflow-runner/index.js <workflow.yml> [options]
//
// Also callable: `import { buildWorkflowRunner } from './packages/workflow-runner/build.mjs'`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
export const BUNDLE = path.join(ROOT, '.build', 'workflow-runner', 'index.js');
function compile() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-b', HERE], { cwd: ROOT, encoding: 'utf8' });
  // Type errors do not stop the build (npm run typecheck reports them); a missing output does.
  if (result.status !== 0 && result.stdout) console.error(result.stdout.trim());
  return path.join(HERE, 'lib', 'cli.js');
}

/** Builds the bundle; resolves with its path. */
export async function buildWorkflowRunner({ quiet = true } = {}) {
  const ncc = createRequire(import.meta.url)('@vercel/ncc');
  const started = performance.now();
  const { code, assets } = await ncc(compile(), { minify: false, sourceMap: false, cache: false, quiet });
  const outDir = path.dirname(BUNDLE);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(BUNDLE, code);
  for (const [file, asset] of Object.entries(assets)) {
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    writeFileSync(path.join(outDir, file), asset.source);
  }
  if (!quiet) {
    const ms = performance.now() - started;
    console.log(`workflow-runner: ${path.relative(process.cwd(), BUNDLE)} (${(ms / 1000).toFixed(1)} s)`);
  }
  return BUNDLE;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildWorkflowRunner({ quiet: false });
  } catch (error) {
    console.error(`workflow-runner build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
