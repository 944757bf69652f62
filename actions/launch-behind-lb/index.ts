// Entrypoint of the launch-behind-lb bundle (both its main and post step).
import { runnerIO } from '../../packages/core/src/action-io.js';
import { runAction } from '../../packages/core/src/run-action.js';
import { launchBehindLb } from './main.js';

await runAction(launchBehindLb, runnerIO());
