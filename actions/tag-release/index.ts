// Entrypoint of the tag-release bundle (both its main and post step).
import { runnerIO } from '../../packages/core/src/action-io.js';
import { runAction } from '../../packages/core/src/run-action.js';
import { tagRelease } from './main.js';

await runAction(tagRelease, runnerIO());
