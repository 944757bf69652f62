// Compiling the TypeScript that runs outside jest. Two steps, in order:
//   1. `tsc -b packages/tsconfig.json`: every package into its own lib/, dependencies first
//      (incremental: an unchanged package is not compiled again);
//   2. `tsc -p tsconfig.build.json`: the actions and the benchmark into .build/tsc/, against
//      the packages' lib/ (as `@immut/<package>` resolves at run time).
// Type errors do not stop the build (both still emit): `npm run typecheck`, first in
// `npm test`, is what fails on them. A compiler that emitted nothing does stop it.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function tsc(args, what) {
  const result = spawnSync(process.execPath, [TSC, ...args], { cwd: ROOT, stdio: 'inherit' });
  // Exit 1 (build mode) or 2 (project mode) with output written: type errors only.
  if (result.status === 1 || result.status === 2) {
    console.warn(`tsc reported type errors while compiling ${what} (see above); going on`);
  } else if (result.status !== 0) {
    throw new Error(`tsc failed while compiling ${what} (exit ${result.status ?? result.signal})`);
  }
}

/** Builds every package's lib/. */
export function compilePackages() {
  tsc(['-b', 'packages/tsconfig.json'], 'the packages');
}

/** Builds the packages, then the actions and the benchmark into a fresh .build/tsc/. */
export function compileShipped() {
  compilePackages();
  rmSync(path.join(ROOT, '.build', 'tsc'), { recursive: true, force: true });
  tsc(['-p', 'tsconfig.build.json'], 'the actions and the benchmark');
}
