#!/usr/bin/env node
// The `immut-sandbox` bin (compiled to lib/bin.js; `npm ci` builds it through the package's
// `prepare` script and links it). Usage errors are handled in cli.ts (exit code 2); anything
// else is reported as one line, without a stack unless IMMUT_SANDBOX_DEBUG is set.
// The parent pid is read first, before the (slow) module graph loads, so that a parent killed
// during start-up still counts as gone (see `parent` in cli.ts main()).
const parent = process.ppid;
const { main } = await import('./cli.js');

main(undefined, undefined, true, parent).catch((e: unknown) => {
  const debug = process.env['IMMUT_SANDBOX_DEBUG'] !== undefined && process.env['IMMUT_SANDBOX_DEBUG'] !== '';
  const text = e instanceof Error ? (debug ? (e.stack ?? e.message) : e.message) : String(e);
  process.stderr.write(`immut-sandbox: failed to start: ${text}\n`);
  if (!debug) process.stderr.write('immut-sandbox: set IMMUT_SANDBOX_DEBUG=1 for the stack trace\n');
  process.exit(1);
});
