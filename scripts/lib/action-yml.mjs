// Reading and checking the root <a>/action.yml files; shared by lint-workflows.mjs,
// check-action-entrypoints.mjs and docs.mjs. Problems carry 1-based line/column so
// they print as `file:line:col: message [kind]`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { ACTIONS, ROOT, actionPaths } from '../actions.mjs';

/** The Node runtime every action must declare (and the only one). */
export const NODE_RUNTIME = 'node24';

const TOP_LEVEL_KEYS = new Set(['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding']);
const INPUT_KEYS = new Set(['description', 'required', 'default', 'deprecationMessage']);
const BRANDING_COLORS = new Set([
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark',
]);
const INPUT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Parses a YAML file keeping positions. Returns { file, doc, data, at(node) } where
 * `at(node)` gives { line, col } of a yaml node (1:1 when the node is missing).
 */
export function readYaml(file) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path.join(ROOT, file), 'utf8'), {
    lineCounter,
    prettyErrors: false,
  });
  const at = (node) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { line: 1, col: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const problems = [...doc.errors, ...doc.warnings].map((e) => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return { file, line, col, message: e.message.split('\n')[0], kind: 'yaml-syntax' };
  });
  return { file, doc, data: doc.errors.length === 0 ? doc.toJS() : undefined, at, problems };
}

/** Directories at the repo root that hold an action.yml (or action.yaml). */
export function rootActionDirs() {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
    .filter((d) => actionFileIn(d.name) !== undefined)
    .map((d) => d.name)
    .sort();
}

/** `<dir>/action.yml` or `<dir>/action.yaml` relative to ROOT, if one exists. */
export function actionFileIn(dir) {
  return ['action.yml', 'action.yaml']
    .map((f) => path.posix.join(dir, f))
    .find((f) => existsSync(path.join(ROOT, f)));
}

/** Inputs declared by an action.yml (parsed), as { name: { required, hasDefault } }. */
export function declaredInputs(data) {
  const result = {};
  for (const [name, spec] of Object.entries(data?.inputs ?? {})) {
    result[name] = {
      required: spec?.required === true,
      hasDefault: spec?.default !== undefined && spec?.default !== null && spec?.default !== '',
    };
  }
  return result;
}

/**
 * Problems with the set of action.yml files as a whole: a listed action without one,
 * or an action.yml at the root that scripts/actions.mjs does not list.
 */
export function actionSetProblems() {
  const problems = [];
  const dirs = rootActionDirs();
  for (const name of ACTIONS) {
    if (!dirs.includes(name)) {
      problems.push({
        file: actionPaths(name).actionYml,
        line: 1,
        col: 1,
        message: `missing: "${name}" is listed in scripts/actions.mjs but has no action.yml`,
        kind: 'action-metadata',
      });
    }
  }
  for (const dir of dirs) {
    if (!ACTIONS.includes(dir)) {
      problems.push({
        file: actionFileIn(dir),
        line: 1,
        col: 1,
        message: `"${dir}" is not listed in scripts/actions.mjs, so it is never built, documented or smoke-tested`,
        kind: 'action-metadata',
      });
    }
  }
  return problems;
}

/**
 * Structural checks of one root action.yml: name, description, branding, runs.using
 * node24, runs.main (and runs.post) naming the step files the build writes in
 * dist/<dir>/, described inputs and outputs
 * with lowercase-hyphenated names, no unknown keys.
 */
export function actionYmlProblems(dir) {
  const file = actionFileIn(dir);
  const parsed = readYaml(file);
  if (parsed.problems.length > 0 || parsed.data === undefined) return parsed.problems;
  const { doc, data, at } = parsed;
  const problems = [];
  const add = (node, message) => problems.push({ file, ...at(node), message, kind: 'action-metadata' });
  const nodeAt = (...keys) => doc.getIn(keys, true);

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    add(doc.contents, 'action.yml must be a mapping');
    return problems;
  }
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL_KEYS.has(key)) add(keyNode(doc.contents, key), `unknown top-level key "${key}"`);
  }
  for (const key of ['name', 'description']) {
    if (typeof data[key] !== 'string' || data[key].trim() === '')
      add(nodeAt(key), `"${key}" must be a non-empty string`);
  }

  const branding = data.branding;
  if (branding === undefined || branding === null || typeof branding !== 'object') {
    add(nodeAt('branding'), '"branding" with "icon" and "color" is required (Marketplace listing)');
  } else {
    if (typeof branding.icon !== 'string' || branding.icon === '')
      add(nodeAt('branding'), '"branding.icon" is missing');
    if (!BRANDING_COLORS.has(branding.color)) {
      add(
        nodeAt('branding', 'color') ?? nodeAt('branding'),
        `"branding.color" must be one of ${[...BRANDING_COLORS].join(', ')}`,
      );
    }
  }

  const runs = data.runs;
  if (runs === undefined || runs === null || typeof runs !== 'object') {
    add(nodeAt('runs'), '"runs" is missing');
  } else {
    if (runs.using !== NODE_RUNTIME) {
      add(
        nodeAt('runs', 'using') ?? nodeAt('runs'),
        `"runs.using" must be ${NODE_RUNTIME} (got ${JSON.stringify(runs.using)})`,
      );
    }
    // The build writes dist/<dir>/main.js and post.js (see STEP_FILES); no pre step.
    const expected = { main: actionPaths(dir).main, post: actionPaths(dir).post };
    if (typeof runs.main !== 'string' || runs.main === '') {
      add(nodeAt('runs'), `"runs.main" is missing (expected "../${expected.main}")`);
    }
    for (const hook of ['main', 'post']) {
      if (typeof runs[hook] !== 'string' || runs[hook] === '') continue;
      if (path.posix.normalize(path.posix.join(dir, runs[hook])) !== expected[hook]) {
        add(nodeAt('runs', hook), `"runs.${hook}" must be "../${expected[hook]}" (got "${runs[hook]}")`);
      }
    }
    if (runs.pre !== undefined) {
      add(nodeAt('runs', 'pre'), '"runs.pre" is not supported: the build writes only main.js and post.js');
    }
  }

  for (const section of ['inputs', 'outputs']) {
    const entries = data[section];
    if (entries === undefined || entries === null) continue;
    if (typeof entries !== 'object' || Array.isArray(entries)) {
      add(nodeAt(section), `"${section}" must be a mapping`);
      continue;
    }
    for (const [name, spec] of Object.entries(entries)) {
      const node = keyNode(nodeAt(section), name);
      if (!INPUT_NAME.test(name))
        add(node, `${section.slice(0, -1)} "${name}" must be lowercase and hyphenated`);
      if (
        spec === null ||
        typeof spec !== 'object' ||
        typeof spec.description !== 'string' ||
        spec.description.trim() === ''
      ) {
        add(node, `${section.slice(0, -1)} "${name}" has no description`);
        continue;
      }
      if (section === 'inputs') {
        for (const key of Object.keys(spec)) {
          if (!INPUT_KEYS.has(key))
            add(keyNode(nodeAt(section, name), key), `input "${name}": unknown key "${key}"`);
        }
        if (spec.required !== undefined && typeof spec.required !== 'boolean') {
          add(nodeAt(section, name, 'required'), `input "${name}": "required" must be true or false`);
        }
      }
    }
  }
  return problems;
}

/** The key node of `key` in a YAML map node (for positions), else the map itself. */
export function keyNode(map, key) {
  if (!isMap(map)) return map;
  const pair = map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
  return pair?.key ?? map;
}

export function formatProblem({ file, line, col, message, kind }) {
  return `${file}:${line}:${col}: ${message} [${kind}]`;
}
