// Entry point for bundling the `immut-sandbox` bin (e.g. ncc → dist/sandbox/index.js).
import { main } from './cli.js';

main().catch((e: unknown) => {
  process.stderr.write(`immut-sandbox: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
