// runWorkflow: a whole workflow run. Jobs start as soon as their needs are done (independent
// jobs run in parallel), matrices fan out into legs (max-parallel, fail-fast), and a job that
// calls a reusable workflow runs that workflow as a nested run whose outputs become the job's.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@immut/action-runner';
import {
  asString,
  evaluateExpression,
  evaluateStringMap,
  evaluateToken,
  messageOf,
  truthy,
  type Contexts,
  type Status,
  type Value,
} from './expressions.js';
import { concurrencyOf, runJobLeg } from './job.js';
import { legName, readStrategy, type Strategy } from './matrix.js';
import { createRunState, type RunState } from './run-state.js';
import type {
  ConcurrencyReport,
  JobResultKind,
  JobRun,
  RunWorkflowOptions,
  WorkflowRunResult,
} from './types.js';
import { resolveStepUses, resolveWorkflowUses } from './uses.js';
import {
  loadWorkflow,
  WorkflowError,
  type InputDefinition,
  type JobDefinition,
  type WorkflowDefinition,
} from './workflow-file.js';

/** GitHub's limit on nested reusable workflows (caller included). */
const MAX_CALL_DEPTH = 10;

interface Call {
  event: WorkflowRunResult['event'];
  inputs: Record<string, Value>;
  secrets: Record<string, string>;
  /** Key prefix of the calling job (`release (api) / `), '' at the top. */
  prefix: string;
  depth: number;
}

type Aggregate = WorkflowRunResult['needs'][string];

// ---------------------------------------------------------------------------------------
// Loading and checking, before anything runs

function stepLabel(job: JobDefinition, index: number): string {
  const step = job.steps[index];
  const name =
    step?.name && 'value' in step.name ? String((step.name as { value: unknown }).value) : undefined;
  return `job '${job.id}', step ${index + 1}${name ? ` '${name}'` : step?.userId ? ` '${step.userId}'` : ''}${step?.line ? ` (line ${step.line})` : ''}`;
}

function needsProblems(workflow: WorkflowDefinition): string[] {
  const byId = new Map(workflow.jobs.map((j) => [j.id, j]));
  const problems: string[] = [];
  for (const job of workflow.jobs) {
    for (const need of job.needs) {
      if (!byId.has(need)) problems.push(`${workflow.relPath}: job '${job.id}' needs unknown job '${need}'`);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.push(`${workflow.relPath}: jobs need each other in a cycle: ${[...trail, id].join(' -> ')}`);
      return;
    }
    state.set(id, 'visiting');
    for (const need of byId.get(id)?.needs ?? []) if (byId.has(need)) visit(need, [...trail, id]);
    state.set(id, 'done');
  };
  for (const job of workflow.jobs) visit(job.id, []);
  return problems;
}

/** Loads a workflow and every workflow it calls; checks needs and that every step can run. */
async function loadTree(
  file: string,
  repoRoot: string,
  workflows: Map<string, WorkflowDefinition>,
  chain: string[],
): Promise<WorkflowDefinition> {
  const shown = path.relative(repoRoot, file);
  if (chain.includes(file)) {
    throw new WorkflowError(
      `reusable workflows call each other in a cycle: ${[...chain, file].map((f) => path.relative(repoRoot, f)).join(' -> ')}`,
    );
  }
  if (chain.length >= MAX_CALL_DEPTH)
    throw new WorkflowError(`${shown}: reusable workflows nest deeper than ${MAX_CALL_DEPTH}`);
  const workflow = workflows.get(file) ?? (await loadWorkflow(file, repoRoot));
  workflows.set(file, workflow);
  const problems = needsProblems(workflow);
  for (const job of workflow.jobs) {
    if (job.call) {
      try {
        const calledFile = resolveWorkflowUses(job.call.uses, repoRoot);
        const called = await loadTree(calledFile, repoRoot, workflows, [...chain, file]);
        if (!called.events.includes('workflow_call')) {
          problems.push(
            `${shown}: job '${job.id}' calls ${called.relPath}, which has no 'on: workflow_call'`,
          );
        }
      } catch (error) {
        if (error instanceof WorkflowError) problems.push(...error.problems);
        else
          problems.push(
            `${shown}: job '${job.id}'${job.line ? ` (line ${job.line})` : ''}: uses: ${messageOf(error)}`,
          );
      }
      continue;
    }
    job.steps.forEach((step, index) => {
      if (step.uses === undefined) return;
      try {
        resolveStepUses(step.uses, repoRoot);
      } catch (error) {
        problems.push(`${shown}: ${stepLabel(job, index)}: uses: ${messageOf(error)}`);
      }
    });
  }
  if (problems.length > 0)
    throw new WorkflowError(`cannot run ${shown}:\n  ${problems.join('\n  ')}`, problems);
  return workflow;
}

// ---------------------------------------------------------------------------------------
// Inputs

function convertInput(def: InputDefinition, value: Value): { value: Value; problem?: string } {
  const shown = JSON.stringify(value);
  switch (def.type) {
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      if (typeof value === 'string' && /^(true|false)$/i.test(value))
        return { value: value.toLowerCase() === 'true' };
      return { value, problem: `input '${def.name}' expects a boolean (true or false), got ${shown}` };
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number === 'number' && Number.isFinite(number)) return { value: number };
      return { value, problem: `input '${def.name}' expects a number, got ${shown}` };
    }
    case 'choice':
      if (typeof value === 'string' && (def.options ?? []).includes(value)) return { value };
      return {
        value,
        problem: `input '${def.name}' expects one of ${(def.options ?? []).join(', ')}, got ${shown}`,
      };
    default:
      if (typeof value === 'object' && value !== null) {
        return { value, problem: `input '${def.name}' expects a string, got ${shown}` };
      }
      return { value: asString(value, `input '${def.name}'`) };
  }
}

/** The `inputs` context: given values converted to the declared types, else the defaults. */
export function resolveInputs(
  definitions: Record<string, InputDefinition> | undefined,
  given: Record<string, Value>,
  contexts: Contexts,
  where: string,
): Record<string, Value> {
  const declared = definitions ?? {};
  const problems: string[] = [];
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(declared, name)) {
      const known = Object.keys(declared);
      problems.push(`unexpected input '${name}' (declared: ${known.length > 0 ? known.join(', ') : 'none'})`);
    }
  }
  const result: Record<string, Value> = {};
  for (const def of Object.values(declared)) {
    let value: Value | undefined = given[def.name];
    if (value === undefined && def.default !== undefined) {
      try {
        value = evaluateToken(def.default, { ...contexts, inputs: {} });
      } catch (error) {
        problems.push(`the default of input '${def.name}': ${messageOf(error)}`);
        continue;
      }
    }
    if (value === undefined) {
      if (def.required) problems.push(`input '${def.name}' is required`);
      result[def.name] = def.type === 'boolean' ? false : def.type === 'number' ? 0 : '';
      continue;
    }
    const converted = convertInput(def, value);
    if (converted.problem) problems.push(converted.problem);
    result[def.name] = converted.value;
  }
  if (problems.length > 0) {
    throw new WorkflowError(
      `${where}: ${problems.length === 1 ? problems[0] : `\n  ${problems.join('\n  ')}`}`,
      problems,
    );
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Running

function aggregate(legs: JobRun[], tolerated: Set<JobRun>): Aggregate {
  const results = legs.map((leg) => (tolerated.has(leg) ? 'success' : leg.result));
  const result: JobResultKind = results.includes('failure')
    ? 'failure'
    : results.includes('cancelled')
      ? 'cancelled'
      : results.every((r) => r === 'skipped') && results.length > 0
        ? 'skipped'
        : 'success';
  const outputs: Record<string, string> = {};
  for (const leg of legs) {
    for (const [key, value] of Object.entries(leg.outputs)) if (value !== '') outputs[key] = value;
  }
  return { result, outputs };
}

function emptyRun(
  workflow: WorkflowDefinition,
  job: JobDefinition,
  key: string,
  name: string,
  result: JobResultKind,
  error?: string,
  matrix?: Record<string, Value>,
): JobRun {
  return {
    jobId: job.id,
    key,
    name,
    workflow: workflow.relPath,
    ...(matrix ? { matrix } : {}),
    result,
    outputs: {},
    steps: [],
    annotations: error ? [{ level: 'error', message: error, properties: {} }] : [],
    summary: '',
    ...(error ? { error } : {}),
    ...(job.permissions !== undefined ? { permissions: job.permissions } : {}),
    durationMs: 0,
  };
}

async function runCall(
  state: RunState,
  workflow: WorkflowDefinition,
  job: JobDefinition,
  contexts: Contexts,
  leg: { key: string; name: string; matrix?: Record<string, Value> },
  depth: number,
): Promise<JobRun> {
  const started = Date.now();
  const call = job.call;
  if (!call) throw new Error('not a reusable workflow job');
  const calledFile = resolveWorkflowUses(call.uses, state.repoRoot);
  const called = state.workflows.get(calledFile);
  if (!called) throw new Error(`${call.uses} was not loaded`);
  state.log(`[${leg.key}] calls ${called.relPath}`);
  let result: WorkflowRunResult;
  let concurrency: ConcurrencyReport | undefined;
  try {
    if (job.concurrency) concurrency = concurrencyOf(evaluateToken(job.concurrency, contexts));
    const given = call.with ? evaluateToken(call.with, contexts) : {};
    const inputs = resolveInputs(
      called.callInputs,
      typeof given === 'object' && given !== null && !Array.isArray(given) ? given : {},
      { github: contexts.github ?? {}, vars: contexts.vars ?? {} },
      `job '${leg.key}' calling ${called.relPath}`,
    );
    const secrets = call.inheritSecrets
      ? { ...(contexts.secrets as Record<string, string>) }
      : evaluateStringMap(call.secrets, contexts, 'secrets');
    const missing = Object.entries(called.callSecrets ?? {})
      .filter(([name, spec]) => spec.required && !secrets[name])
      .map(([name]) => name);
    if (missing.length > 0) {
      throw new Error(
        `${called.relPath} requires secret(s) ${missing.join(', ')}, which job '${job.id}' does not pass`,
      );
    }
    secrets['GITHUB_TOKEN'] = String(state.github['token']);
    for (const value of Object.values(secrets)) if (value.trim() !== '') state.masks.add(value);
    result = await executeWorkflow(state, called, {
      event: 'workflow_call',
      inputs,
      secrets,
      prefix: `${leg.key} / `,
      depth: depth + 1,
    });
  } catch (error) {
    const message = `job '${leg.key}': ${messageOf(error)}`;
    state.log(`[${leg.key}] job failure: ${message}`);
    return {
      ...emptyRun(workflow, job, leg.key, leg.name, 'failure', message, leg.matrix),
      startedAt: started,
      durationMs: Date.now() - started,
    };
  }
  return {
    ...emptyRun(workflow, job, leg.key, leg.name, result.result, undefined, leg.matrix),
    ...(concurrency ? { concurrency } : {}),
    outputs: result.outputs,
    annotations: result.jobs.flatMap((j) => j.annotations),
    summary: result.jobs.map((j) => j.summary).join(''),
    called: result,
    startedAt: started,
    durationMs: Date.now() - started,
  };
}

function ancestorsOf(workflow: WorkflowDefinition, job: JobDefinition): Set<string> {
  const byId = new Map(workflow.jobs.map((j) => [j.id, j]));
  const seen = new Set<string>();
  const walk = (id: string): void => {
    for (const need of byId.get(id)?.needs ?? []) {
      if (!seen.has(need)) {
        seen.add(need);
        walk(need);
      }
    }
  };
  walk(job.id);
  return seen;
}

async function runJob(
  state: RunState,
  workflow: WorkflowDefinition,
  job: JobDefinition,
  call: Call,
  base: Contexts,
  workflowEnv: Record<string, string>,
  needs: Record<string, Aggregate>,
): Promise<{ legs: JobRun[]; aggregate: Aggregate }> {
  const results = [...ancestorsOf(workflow, job)].map((id) => needs[id]?.result);
  const status: Status = {
    failed: results.includes('failure'),
    cancelled: false,
    succeeded:
      job.needs.every((n) => needs[n]?.result === 'success') &&
      !results.includes('failure') &&
      !results.includes('cancelled'),
  };
  const direct = Object.fromEntries(
    job.needs.map((n) => [n, needs[n] ?? { result: 'skipped', outputs: {} }]),
  );
  const contexts: Contexts = { ...base, needs: direct };
  const key = `${call.prefix}${job.id}`;
  let strategy: Strategy;
  try {
    if (!truthy(evaluateExpression(job.if.expression, contexts, status))) {
      state.log(`[${key}] job skipped (if: ${job.if.expression})`);
      const skipped = emptyRun(workflow, job, key, job.id, 'skipped');
      return { legs: [skipped], aggregate: { result: 'skipped', outputs: {} } };
    }
    strategy = readStrategy(job.strategy ? evaluateToken(job.strategy, contexts) : undefined);
  } catch (error) {
    const message = `job '${key}': ${messageOf(error)}`;
    state.log(`[${key}] job failure: ${message}`);
    return {
      legs: [emptyRun(workflow, job, key, job.id, 'failure', message)],
      aggregate: { result: 'failure', outputs: {} },
    };
  }
  const hasMatrix =
    job.strategy !== undefined && strategy.combinations.some((c) => Object.keys(c).length > 0);
  const total = strategy.combinations.length;
  const controller = new AbortController();
  const legs: JobRun[] = [];
  const tolerated = new Set<JobRun>();
  let next = 0;
  const runLeg = async (index: number): Promise<void> => {
    const matrix = strategy.combinations[index] ?? {};
    const legContexts: Contexts = {
      ...contexts,
      matrix: hasMatrix ? matrix : {},
      strategy: {
        'fail-fast': strategy.failFast,
        'job-index': index,
        'job-total': total,
        'max-parallel': strategy.maxParallel || total,
      },
    };
    let name = hasMatrix ? legName(job.id, matrix) : job.id;
    try {
      if (job.name) {
        const evaluated = asString(evaluateToken(job.name, legContexts), 'name');
        name = job.name.isExpression || !hasMatrix ? evaluated : legName(evaluated, matrix);
      }
    } catch (error) {
      legs.push(
        emptyRun(
          workflow,
          job,
          `${call.prefix}${name}`,
          name,
          'failure',
          `job '${name}': ${messageOf(error)}`,
        ),
      );
      return;
    }
    const legKey = `${call.prefix}${name}`;
    const legMatrix = hasMatrix ? matrix : undefined;
    if (controller.signal.aborted) {
      state.log(`[${legKey}] job cancelled (fail-fast)`);
      legs.push(emptyRun(workflow, job, legKey, name, 'cancelled', undefined, legMatrix));
      return;
    }
    const run = job.call
      ? await runCall(
          state,
          workflow,
          job,
          legContexts,
          { key: legKey, name, ...(legMatrix ? { matrix: legMatrix } : {}) },
          call.depth,
        )
      : await runJobLeg(state, {
          workflow,
          job,
          key: legKey,
          name,
          contexts: legContexts,
          workflowEnv,
          ...(legMatrix ? { matrix: legMatrix } : {}),
          signal: controller.signal,
        });
    legs.push(run);
    if (run.result === 'failure') {
      const continueOnError = job.continueOnError
        ? truthy(evaluateToken(job.continueOnError, legContexts))
        : false;
      if (continueOnError) tolerated.add(run);
      else if (strategy.failFast && total > 1 && !controller.signal.aborted) {
        state.log(`[${legKey}] failed: cancelling the other legs of '${job.id}' (fail-fast)`);
        controller.abort();
      }
    }
  };
  const workers = Math.min(strategy.maxParallel || total, total);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) await runLeg(next++);
    }),
  );
  return { legs, aggregate: aggregate(legs, tolerated) };
}

async function executeWorkflow(
  state: RunState,
  workflow: WorkflowDefinition,
  call: Call,
): Promise<WorkflowRunResult> {
  const started = Date.now();
  const vars = { ...state.options.vars };
  const base: Contexts = { github: state.github, inputs: call.inputs, vars, secrets: call.secrets };
  const workflowEnv = evaluateStringMap(workflow.env, base, 'env');
  const concurrency = workflow.concurrency
    ? concurrencyOf(evaluateToken(workflow.concurrency, base))
    : undefined;
  state.log(
    `${call.prefix ? `[${call.prefix.slice(0, -3)}] ` : ''}workflow ${workflow.name ?? workflow.relPath} (${workflow.relPath}, ${call.event})`,
  );
  const byId = new Map(workflow.jobs.map((j) => [j.id, j]));
  const needs: Record<string, Aggregate> = {};
  const jobs: JobRun[] = [];
  const jobPromises = new Map<string, Promise<void>>();
  const start = (job: JobDefinition): Promise<void> => {
    let promise = jobPromises.get(job.id);
    if (!promise) {
      promise = (async () => {
        await Promise.all(job.needs.map((n) => start(byId.get(n) ?? job)));
        const { legs, aggregate: result } = await runJob(
          state,
          workflow,
          job,
          call,
          base,
          workflowEnv,
          needs,
        );
        jobs.push(...legs);
        needs[job.id] = result;
      })();
      jobPromises.set(job.id, promise);
    }
    return promise;
  };
  await Promise.all(workflow.jobs.map(start));
  const results = Object.values(needs).map((n) => n.result);
  let result: WorkflowRunResult['result'] = results.includes('failure')
    ? 'failure'
    : results.includes('cancelled')
      ? 'cancelled'
      : 'success';
  const outputs: Record<string, string> = {};
  for (const [name, token] of Object.entries(workflow.callOutputs ?? {})) {
    try {
      outputs[name] = asString(evaluateToken(token, { ...base, jobs: needs }), `outputs.${name}`);
    } catch (error) {
      state.log(`workflow output '${name}' of ${workflow.relPath}: ${messageOf(error)}`);
      result = 'failure';
    }
  }
  return {
    workflow: workflow.relPath,
    name: workflow.name ?? workflow.relPath,
    event: call.event,
    inputs: call.inputs,
    result,
    jobs,
    needs,
    outputs,
    ...(concurrency ? { concurrency } : {}),
    ...(workflow.permissions !== undefined ? { permissions: workflow.permissions } : {}),
    startedAt: started,
    durationMs: Date.now() - started,
  };
}

/**
 * Runs a workflow file on this machine. Throws WorkflowError (before running anything) when
 * the file, a workflow it calls, a step's `uses:` or the inputs are not runnable; otherwise
 * resolves with the result, whatever the jobs' outcome.
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRunResult> {
  const repoRoot = path.resolve(options.repoRoot ?? REPO_ROOT);
  const file = path.resolve(repoRoot, options.workflowFile);
  const workflows = new Map<string, WorkflowDefinition>();
  const workflow = await loadTree(file, repoRoot, workflows, []);
  if (!workflow.events.includes(options.event)) {
    throw new WorkflowError(
      `${workflow.relPath} is not triggered by ${options.event} (on: ${workflow.events.join(', ') || 'nothing'})`,
    );
  }
  const given: Record<string, Value> = { ...options.inputs };
  if ((options.event === 'push' || options.event === 'schedule') && Object.keys(given).length > 0) {
    throw new WorkflowError(
      `a ${options.event} event takes no inputs (given: ${Object.keys(given).join(', ')})`,
    );
  }
  const where = `${workflow.relPath} (${options.event})`;
  const dispatchInputs =
    options.event === 'workflow_dispatch' ? resolveInputs(workflow.dispatchInputs, given, {}, where) : {};
  const state = createRunState(options, repoRoot, workflow, workflows, dispatchInputs);
  try {
    const vars = { ...options.vars };
    const inputs =
      options.event === 'workflow_call'
        ? resolveInputs(workflow.callInputs, given, { github: state.github, vars }, where)
        : dispatchInputs;
    const secrets: Record<string, string> = {
      ...options.secrets,
      GITHUB_TOKEN: String(state.github['token']),
    };
    if (options.event === 'workflow_call') {
      const missing = Object.entries(workflow.callSecrets ?? {})
        .filter(([name, spec]) => spec.required && !secrets[name])
        .map(([name]) => name);
      if (missing.length > 0)
        throw new WorkflowError(`${where}: required secret(s) not given: ${missing.join(', ')}`);
    }
    const result = await executeWorkflow(state, workflow, {
      event: options.event,
      inputs,
      secrets,
      prefix: '',
      depth: 1,
    });
    state.log(`workflow ${result.name}: ${result.result} (${(result.durationMs / 1000).toFixed(1)} s)`);
    return result;
  } finally {
    if (!options.keepTemp) rmSync(state.tempRoot, { recursive: true, force: true });
  }
}

/** Every job run of a result, the jobs of called workflows included (depth first). */
export function allJobRuns(result: WorkflowRunResult): JobRun[] {
  return result.jobs.flatMap((job) => [job, ...(job.called ? allJobRuns(job.called) : [])]);
}
