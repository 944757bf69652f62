// Entrypoint of the bake-image bundle (both its main and post step).
import { runnerIO } from '../../packages/core/src/action-io.js';
import { runAction } from '../../packages/core/src/run-action.js';
import { bakeImage } from './main.js';

await runAction(bakeImage, runnerIO());
