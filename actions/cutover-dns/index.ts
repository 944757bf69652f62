// Entrypoint of the cutover-dns bundle (both its main and post step).
import { runnerIO } from '../../packages/core/src/action-io.js';
import { runAction } from '../../packages/core/src/run-action.js';
import { cutoverDns } from './main.js';

await runAction(cutoverDns, runnerIO());
