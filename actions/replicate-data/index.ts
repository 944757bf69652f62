// Entrypoint of the replicate-data bundle (both its main and post step).
import { runnerIO } from '../../packages/core/src/action-io.js';
import { runAction } from '../../packages/core/src/run-action.js';
import { replicateData } from './main.js';

await runAction(replicateData, runnerIO());
