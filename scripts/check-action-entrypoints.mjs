#!/usr/bin/env node
// Part of check-dist: every root <a>/action.yml runs on node24 (all on the same
// runtime), and the files its runs.main / runs.pre / runs.post name exist. Also fails
// when an action listed in scripts/actions.mjs has no action.yml, or the other way round.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './actions.mjs';
import {
  NODE_RUNTIME,
  actionFileIn,
  actionSetProblems,
  formatProblem,
  readYaml,
  rootActionDirs,
} from './lib/action-yml.mjs';

const problems = actionSetProblems();
const dirs = rootActionDirs();
for (const dir of dirs) {
  const { file, doc, data, at, problems: yamlProblems } = readYaml(actionFileIn(dir));
  problems.push(...yamlProblems);
  if (data === undefined) continue;
  const add = (keys, message) =>
    problems.push({ file, ...at(doc.getIn(keys, true)), message, kind: 'action-entrypoint' });
  const runs = data?.runs ?? {};
  if (runs.using !== NODE_RUNTIME)
    add(['runs', 'using'], `runs.using is ${JSON.stringify(runs.using)}, expected ${NODE_RUNTIME}`);
  for (const hook of ['main', 'pre', 'post']) {
    if (runs[hook] === undefined && hook !== 'main') continue;
    if (typeof runs[hook] !== 'string') {
      add(['runs', hook], `runs.${hook} is missing or not a string`);
      continue;
    }
    const target = path.join(ROOT, dir, runs[hook]);
    if (!existsSync(target)) {
      add(
        ['runs', hook],
        `runs.${hook} names ${path.relative(ROOT, target)}, which does not exist (run npm run build)`,
      );
    }
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`check-action-entrypoints: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(
  `check-action-entrypoints: ${dirs.length} action.yml file(s) use ${NODE_RUNTIME}; their entry points exist`,
);
