// world: plans rebuild-the-world from the world file. Recording the world release (mode
// 'record') needs tag-release's GitHub side and is not implemented yet.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../packages/core/src/errors.js';
import { readInputs } from '../../packages/core/src/inputs.js';
import type { ActionDefinition } from '../../packages/core/src/run-action.js';
import { NotImplementedError } from '../../packages/core/src/run-action.js';
import { heading, markdownTable, summary } from '../../packages/core/src/summary.js';
import { parseWorld, planWorld } from '../../packages/core/src/world.js';
import { worldInputs } from './inputs.js';
import { releaseMatrix } from './plan.js';

async function readWorldFile(workspace: string, file: string): Promise<string> {
  try {
    return await readFile(path.resolve(workspace, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(
        `Input 'world-file' was '${file}', which does not exist in the workspace (${workspace}); check out the repository first (actions/checkout) or fix the path.`,
      );
    }
    throw error;
  }
}

export const world: ActionDefinition = {
  name: 'world',
  main: async ({ io }) => {
    const inputs = readInputs(worldInputs, io.getInput);
    if (inputs.mode === 'record') throw new NotImplementedError();
    const workspace = io.env['GITHUB_WORKSPACE'] ?? process.cwd();
    const file = inputs.worldFile ?? 'immut.world.yml';
    const parsed = parseWorld(await readWorldFile(workspace, file), file);
    const plans = planWorld(parsed);
    io.setOutput('matrix', JSON.stringify(releaseMatrix(plans)));
    io.setOutput('env', parsed.env);
    io.setOutput('roles', plans.map((p) => p.role).join(','));
    io.info(`${file}: ${plans.length} role(s) in env ${parsed.env}: ${plans.map((p) => p.role).join(', ')}`);
    await io.appendSummary(
      summary(
        heading(`World ${parsed.env}: ${plans.length} role(s)`),
        markdownTable(
          ['role', 'base image', 'app version', 'data', 'name'],
          plans.map((p) => [
            p.role,
            p['base-image'] ?? '',
            p['app-version'] ?? '',
            p['source-db'] ?? '—',
            p['dns-name'],
          ]),
        ),
      ),
    );
  },
};
