// The one list of actions in this repository. Every script (build, smoke test, docs,
// workflow lint, dist check) reads it from here; adding an action means adding its
// name here, `actions/<name>/index.ts` and `<name>/action.yml`.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Action names, in the order of the release flow. */
export const ACTIONS = Object.freeze([
  'bake-image',
  'replicate-data',
  'tag-release',
  'launch-behind-lb',
  'cutover-dns',
  'retire-release',
  'world',
]);

/** Absolute path of the repository root (the parent of scripts/). */
export const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Step files the build writes next to each bundle (dist/<a>/index.js), keyed by file
 * name, with the bundle export each one calls. <a>/action.yml names them as runs.main
 * and runs.post.
 */
export const STEP_FILES = Object.freeze({ 'main.js': 'runMain', 'post.js': 'runPost' });

/** Paths of one action's files, relative to ROOT (POSIX separators, as git prints them). */
export function actionPaths(name) {
  return {
    entry: `actions/${name}/index.ts`,
    distDir: `dist/${name}`,
    bundle: `dist/${name}/index.js`,
    main: `dist/${name}/main.js`,
    post: `dist/${name}/post.js`,
    actionYml: `${name}/action.yml`,
    doc: `action-docs/${name}.md`,
  };
}
