// What a `uses:` names, and whether the local runner can run it. Checked for every step and
// every reusable-workflow call before anything runs, so an unsupported step fails the run
// up front with its location instead of half-running the workflow.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readActionYml } from '@immut/action-runner';

/** The repository name whose actions and workflows resolve to the local checkout. */
export const LOCAL_REPOSITORY = 'immut';

export type StepUses =
  /** An immut action (or any local JavaScript action): its built bundle runs through the harness. */
  | { kind: 'action'; actionDir: string; name: string; hasPost: boolean; postIf?: string }
  /** actions/checkout: copies the workspace source into the job's workspace. */
  | { kind: 'checkout' }
  /** aws-actions/configure-aws-credentials: exports the runner's (sandbox) credentials. */
  | { kind: 'aws-credentials' };

const SUPPORTED =
  `the local runner runs only ./<action>, <owner>/${LOCAL_REPOSITORY}/<action>@<ref>, ` +
  'actions/checkout@<ref> and aws-actions/configure-aws-credentials@<ref>';

function splitRef(uses: string): { target: string; ref?: string } {
  const at = uses.lastIndexOf('@');
  return at < 0 ? { target: uses } : { target: uses.slice(0, at), ref: uses.slice(at + 1) };
}

function localAction(repoRoot: string, relative: string): StepUses {
  const actionDir = path.resolve(repoRoot, relative);
  if (!actionDir.startsWith(path.resolve(repoRoot) + path.sep)) {
    throw new Error(`${relative} is outside the repository`);
  }
  const yml = readActionYml(actionDir); // throws for a missing or non-JavaScript action
  for (const entry of [yml.runs.main, yml.runs.post]) {
    if (entry !== undefined && !existsSync(path.resolve(actionDir, entry))) {
      throw new Error(
        `${path.relative(repoRoot, path.resolve(actionDir, entry))} does not exist: build the bundles first (npm run build)`,
      );
    }
  }
  return {
    kind: 'action',
    actionDir,
    name: path.basename(actionDir),
    hasPost: yml.runs.post !== undefined,
    ...(yml.runs['post-if'] !== undefined ? { postIf: yml.runs['post-if'] } : {}),
  };
}

/** Resolves a step's `uses:`; throws with the reason when the runner cannot run it. */
export function resolveStepUses(uses: string, repoRoot: string): StepUses {
  if (uses.startsWith('./')) return localAction(repoRoot, uses);
  const { target, ref } = splitRef(uses);
  const parts = target.split('/');
  if (ref === undefined || parts.length < 2)
    throw new Error(`'${uses}' is not <owner>/<repo>[/<path>]@<ref>; ${SUPPORTED}`);
  const [owner, repo, ...rest] = parts;
  if (owner === 'actions' && repo === 'checkout' && rest.length === 0) return { kind: 'checkout' };
  if (owner === 'aws-actions' && repo === 'configure-aws-credentials' && rest.length === 0) {
    return { kind: 'aws-credentials' };
  }
  if (repo?.toLowerCase() === LOCAL_REPOSITORY && rest.length > 0)
    return localAction(repoRoot, rest.join('/'));
  throw new Error(`'${uses}' cannot run locally: ${SUPPORTED}`);
}

/** Resolves a job's `uses:` (a reusable workflow) to a file of the local repository. */
export function resolveWorkflowUses(uses: string, repoRoot: string): string {
  let relative: string | undefined;
  if (uses.startsWith('./')) relative = uses;
  else {
    const { target, ref } = splitRef(uses);
    const [, repo, ...rest] = target.split('/');
    if (ref !== undefined && repo?.toLowerCase() === LOCAL_REPOSITORY) relative = rest.join('/');
  }
  if (relative === undefined || !/^(\.\/)?\.github\/workflows\/[^/]+\.ya?ml$/.test(relative)) {
    throw new Error(
      `'${uses}' cannot run locally: the runner calls only ./.github/workflows/<file>.yml or ` +
        `<owner>/${LOCAL_REPOSITORY}/.github/workflows/<file>.yml@<ref>`,
    );
  }
  const file = path.resolve(repoRoot, relative);
  if (!existsSync(file)) throw new Error(`'${uses}': ${path.relative(repoRoot, file)} does not exist`);
  return file;
}
