// One job (or one matrix leg) of steps: contexts, `if:` conditions, env precedence (step env >
// GITHUB_ENV > job env > workflow env), step outputs, post steps in reverse order at the end,
// then the job's outputs.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { readActionYml } from '@immut/action-runner';
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
import { freshDir, githubEnv, mask, type RunState } from './run-state.js';
import { checkout, emptyExecution, runActionStep, runShell, type StepExecution } from './step-exec.js';
import type { Annotation, EnvironmentReport, JobRun, StepResult } from './types.js';
import { resolveStepUses, type StepUses } from './uses.js';
import type { JobDefinition, StepDefinition, WorkflowDefinition } from './workflow-file.js';

export interface LegPlan {
  workflow: WorkflowDefinition;
  job: JobDefinition;
  key: string;
  name: string;
  /** github, inputs, vars, secrets, needs, strategy, matrix. */
  contexts: Contexts;
  workflowEnv: Record<string, string>;
  matrix?: Record<string, Value>;
  signal: AbortSignal;
}

interface PendingPost {
  step: StepDefinition;
  name: string;
  uses: Extract<StepUses, { kind: 'action' }>;
  inputs: Record<string, string>;
  stepEnv: Record<string, string>;
  state: Record<string, string>;
}

interface JobState {
  state: RunState;
  plan: LegPlan;
  workspace: string;
  runner: Record<string, Value>;
  github: Record<string, Value>;
  vars: Record<string, string>;
  secrets: Record<string, string>;
  jobEnv: Record<string, string>;
  /** What steps exported through GITHUB_ENV. */
  runtimeEnv: Record<string, string>;
  addedPath: string[];
  steps: Record<string, Value>;
  failed: boolean;
  posts: PendingPost[];
  results: StepResult[];
}

function stripBraces(condition: string): string {
  return condition.replace(/^\s*\$\{\{\s*([\s\S]*?)\s*\}\}\s*$/, '$1').trim();
}

function status(job: JobState): Status {
  return { failed: job.failed, cancelled: job.plan.signal.aborted };
}

function contextsOf(job: JobState, env: Record<string, string>, action = ''): Contexts {
  return {
    ...job.plan.contexts,
    github: { ...job.github, action },
    vars: job.vars,
    secrets: job.secrets,
    env,
    steps: job.steps,
    runner: job.runner,
    job: { status: job.failed ? 'failure' : job.plan.signal.aborted ? 'cancelled' : 'success' },
  };
}

function processEnv(job: JobState, env: Record<string, string>, action: string): Record<string, string> {
  const machinePath = job.state.machineEnv['PATH'] ?? '/usr/local/bin:/usr/bin:/bin';
  return {
    ...job.state.machineEnv,
    ...githubEnv({ ...job.github }, job.runner, { action }),
    GITHUB_EVENT_PATH: job.state.eventPath,
    ...env,
    PATH: [...[...job.addedPath].reverse(), env['PATH'] ?? machinePath].join(path.delimiter),
  };
}

function defaultStepName(step: StepDefinition): string {
  if (step.uses !== undefined) return `Run ${step.uses}`;
  const source =
    step.run && 'source' in step.run ? String((step.run as { source?: string }).source ?? '') : '';
  const text =
    source || (step.run && 'value' in step.run ? String((step.run as { value: unknown }).value) : '');
  return `Run ${text.trim().split('\n')[0] ?? ''}`.trim();
}

function log(job: JobState, line: string): void {
  job.state.log(mask(job.state, `[${job.plan.key}] ${line}`));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function timeoutOf(job: JobState, step: StepDefinition, contexts: Contexts): number {
  if (step.timeoutMinutes === undefined) return job.state.stepTimeoutMs;
  const minutes = Number(evaluateToken(step.timeoutMinutes, contexts));
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error('timeout-minutes must be a positive number');
  return minutes * 60_000;
}

/** The `with:` of an action step plus the action.yml defaults, evaluated as the runner does. */
function actionInputs(
  uses: Extract<StepUses, { kind: 'action' }>,
  given: Record<string, string>,
  contexts: Contexts,
): { inputs: Record<string, string>; warnings: Annotation[] } {
  const yml = readActionYml(uses.actionDir);
  const declared = Object.keys(yml.inputs);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(yml.inputs)) {
    if (Object.hasOwn(given, name)) inputs[name] = given[name] ?? '';
    else if (spec?.default !== undefined && spec.default !== null) {
      inputs[name] = String(spec.default).replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) =>
        asString(evaluateExpression(expression, contexts), `the default of input '${name}'`),
      );
    }
  }
  const unexpected = Object.keys(given).filter((name) => !declared.includes(name));
  const warnings: Annotation[] =
    unexpected.length === 0
      ? []
      : [
          {
            level: 'warning',
            message: `Unexpected input(s) ${unexpected.map((n) => `'${n}'`).join(', ')}, valid inputs are [${declared.map((n) => `'${n}'`).join(', ')}]`,
            properties: {},
          },
        ];
  return { inputs, warnings };
}

async function configureAws(job: JobState, inputs: Record<string, string>): Promise<StepExecution> {
  const region = inputs['aws-region'] ?? '';
  if (region === '') return emptyExecution(false, 'Input required and not supplied: aws-region');
  const role = inputs['role-to-assume'];
  const roles = job.state.options.awsRoles;
  let aws = job.state.aws;
  if (roles) {
    // As on AWS: the credentials are the assumed role's, and a role the runner cannot
    // assume fails the step (AssumeRoleWithWebIdentity's AccessDenied).
    const assumed = role ? roles[role] : undefined;
    if (!assumed) {
      return emptyExecution(
        false,
        role
          ? `Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity (role-to-assume '${role.slice(0, 200)}' is not one of the runner's awsRoles: ${Object.keys(roles).join(', ')})`
          : 'role-to-assume is required: this runner hands out credentials per role (options.awsRoles)',
      );
    }
    aws = { mask: true, ...assumed };
  }
  if (!aws) {
    return emptyExecution(
      false,
      'the local runner has no AWS credentials to hand out: pass options.aws, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in options.env',
    );
  }
  const exported: Record<string, string> = {
    AWS_ACCESS_KEY_ID: aws.accessKeyId,
    AWS_SECRET_ACCESS_KEY: aws.secretAccessKey,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    ...(aws.sessionToken ? { AWS_SESSION_TOKEN: aws.sessionToken } : {}),
    ...(aws.endpointUrl ? { AWS_ENDPOINT_URL: aws.endpointUrl } : {}),
  };
  return {
    ...emptyExecution(true),
    exportedEnv: exported,
    outputs: aws.accountId ? { 'aws-account-id': aws.accountId } : {},
    masks: aws.mask ? [aws.secretAccessKey, ...(aws.sessionToken ? [aws.sessionToken] : [])] : [],
    logLines: [
      `Configured the runner's AWS credentials for ${region}` +
        (role
          ? roles
            ? ` as role ${role} (its credentials from the runner's awsRoles)`
            : ` (role-to-assume ${role} is not assumed locally)`
          : '') +
        (aws.endpointUrl ? `, endpoint ${aws.endpointUrl}` : ''),
    ],
  };
}

async function execute(
  job: JobState,
  step: StepDefinition,
  name: string,
  contexts: Contexts,
  env: Record<string, string>,
  stepEnv: Record<string, string>,
): Promise<StepExecution> {
  const { plan, state } = job;
  const timeoutMs = timeoutOf(job, step, contexts);
  if (step.run !== undefined) {
    const script = asString(evaluateToken(step.run, contexts), 'run');
    const shellToken = step.shell ?? plan.job.defaults.shell ?? plan.workflow.defaults.shell;
    const dirToken =
      step.workingDirectory ?? plan.job.defaults.workingDirectory ?? plan.workflow.defaults.workingDirectory;
    const shell = shellToken ? asString(evaluateToken(shellToken, contexts), 'shell') : undefined;
    const dir = dirToken ? asString(evaluateToken(dirToken, contexts), 'working-directory') : '';
    return runShell({
      script,
      shell,
      cwd: path.resolve(job.workspace, dir),
      env: processEnv(job, env, step.id),
      dir: freshDir(state, `${plan.key}-${step.id}`),
      timeoutMs,
      signal: plan.signal,
    });
  }
  const uses = resolveStepUses(step.uses ?? '', state.repoRoot);
  const given = step.with ? evaluateStringMap(step.with, contexts, 'with') : {};
  if (uses.kind === 'checkout') {
    const repository = given['repository'];
    if (repository && repository !== job.github['repository']) {
      return emptyExecution(
        false,
        `actions/checkout of another repository (${repository}) is not supported locally`,
      );
    }
    const target = path.resolve(job.workspace, given['path'] ?? '');
    checkout(state.workspaceSource, target);
    return {
      ...emptyExecution(true),
      logLines: [
        `Copied ${state.workspaceSource} into the job's workspace ${target} (local checkout, no git history)`,
      ],
    };
  }
  if (uses.kind === 'aws-credentials') return configureAws(job, given);
  const { inputs, warnings } = actionInputs(uses, given, contexts);
  const execution = await runActionStep({
    actionDir: uses.actionDir,
    name: uses.name,
    phase: 'main',
    inputs,
    env: processEnv(job, env, step.id),
    workspace: job.workspace,
    state: {},
    timeoutMs,
    inProcess: job.state.options.inProcessActions,
  });
  if (uses.hasPost) job.posts.push({ step, name, uses, inputs, stepEnv, state: execution.state });
  return { ...execution, annotations: [...warnings, ...execution.annotations] };
}

function record(
  job: JobState,
  step: StepDefinition,
  result: StepResult,
  execution: StepExecution | undefined,
): void {
  for (const value of execution?.masks ?? []) if (value.trim() !== '') job.state.masks.add(value);
  if (execution && result.outcome !== 'skipped') {
    Object.assign(job.runtimeEnv, execution.exportedEnv);
    job.addedPath.push(...execution.addedPath);
  }
  result.log = result.log.map((line) => mask(job.state, line));
  result.annotations = result.annotations.map((a) => ({ ...a, message: mask(job.state, a.message) }));
  job.results.push(result);
  if (result.phase === 'main' && step.userId) {
    job.steps[step.userId] = {
      outputs: result.outputs,
      outcome: result.outcome,
      conclusion: result.conclusion,
    };
  }
  if (result.conclusion === 'failure') job.failed = true;
  const mark = { success: 'ok', failure: 'FAILED', cancelled: 'cancelled', skipped: 'skipped' }[
    result.conclusion
  ];
  const note = result.outcome !== result.conclusion ? ` (outcome ${result.outcome}, continue-on-error)` : '';
  for (const line of result.log) log(job, `  | ${line}`);
  for (const a of result.annotations) log(job, `  ${a.level}: ${a.message}`);
  log(
    job,
    `${result.phase === 'post' ? 'post ' : ''}step '${result.name}': ${mark}${note} (${seconds(result.durationMs)})`,
  );
}

function stepResult(
  step: StepDefinition,
  name: string,
  kind: StepResult['kind'],
  phase: StepResult['phase'],
  started: number,
  outcome: StepResult['outcome'],
  execution: StepExecution | undefined,
  continueOnError = false,
): StepResult {
  return {
    id: step.id,
    name,
    kind,
    phase,
    ...(step.uses !== undefined ? { uses: step.uses } : {}),
    outcome,
    conclusion: outcome === 'failure' && continueOnError ? 'success' : outcome,
    outputs: execution?.outputs ?? {},
    annotations: execution?.annotations ?? [],
    summary: execution?.summary ?? '',
    log: execution?.logLines ?? [],
    ...(execution?.error ? { error: execution.error } : {}),
    startedAt: started,
    durationMs: Date.now() - started,
  };
}

function kindOf(step: StepDefinition, repoRoot: string): StepResult['kind'] {
  if (step.run !== undefined) return 'run';
  try {
    return resolveStepUses(step.uses ?? '', repoRoot).kind;
  } catch {
    return 'action';
  }
}

async function runStep(job: JobState, step: StepDefinition): Promise<void> {
  const started = Date.now();
  const env = { ...job.jobEnv, ...job.runtimeEnv };
  const contexts = contextsOf(job, env, step.id);
  const kind = kindOf(step, job.state.repoRoot);
  let name = defaultStepName(step);
  try {
    if (step.name) name = asString(evaluateToken(step.name, contexts), 'name');
    if (!truthy(evaluateExpression(step.if.expression, contexts, status(job)))) {
      record(job, step, stepResult(step, name, kind, 'main', started, 'skipped', undefined), undefined);
      return;
    }
  } catch (error) {
    const failed = emptyExecution(false, `step '${name}': if: ${messageOf(error)}`);
    record(job, step, stepResult(step, name, kind, 'main', started, 'failure', failed), failed);
    return;
  }
  log(job, `step '${name}'`);
  let execution: StepExecution;
  let continueOnError = false;
  try {
    const stepEnv = evaluateStringMap(step.env, contexts, 'env');
    const fullEnv = { ...env, ...stepEnv };
    const stepContexts = { ...contexts, env: fullEnv };
    execution = await execute(job, step, name, stepContexts, fullEnv, stepEnv);
    const coe = step.continueOnError;
    continueOnError = typeof coe === 'boolean' ? coe : coe ? truthy(evaluateToken(coe, stepContexts)) : false;
  } catch (error) {
    execution = emptyExecution(false, `step '${name}': ${messageOf(error)}`);
  }
  const outcome = execution.ok ? 'success' : job.plan.signal.aborted ? 'cancelled' : 'failure';
  record(
    job,
    step,
    stepResult(step, name, kind, 'main', started, outcome, execution, continueOnError),
    execution,
  );
}

async function runPost(job: JobState, post: PendingPost): Promise<void> {
  const started = Date.now();
  const name = `Post ${post.name}`;
  const env = { ...job.jobEnv, ...job.runtimeEnv, ...post.stepEnv };
  const contexts = contextsOf(job, env, post.step.id);
  try {
    const condition = stripBraces(post.uses.postIf ?? 'always()');
    if (!truthy(evaluateExpression(condition, contexts, status(job)))) return;
  } catch (error) {
    const failed = emptyExecution(false, `${name}: post-if: ${messageOf(error)}`);
    record(job, post.step, stepResult(post.step, name, 'action', 'post', started, 'failure', failed), failed);
    return;
  }
  log(job, `post step '${post.name}'`);
  const execution = await runActionStep({
    actionDir: post.uses.actionDir,
    name: post.uses.name,
    phase: 'post',
    inputs: post.inputs,
    env: processEnv(job, env, post.step.id),
    workspace: job.workspace,
    state: post.state,
    timeoutMs: job.state.stepTimeoutMs,
    inProcess: job.state.options.inProcessActions,
  });
  record(
    job,
    post.step,
    stepResult(post.step, name, 'action', 'post', started, execution.ok ? 'success' : 'failure', execution),
    execution,
  );
}

function evaluateEnvironment(
  plan: LegPlan,
  state: RunState,
  contexts: Contexts,
): { report: EnvironmentReport; error?: string } | undefined {
  if (!plan.job.environment) return undefined;
  const value = evaluateToken(plan.job.environment, contexts);
  const spec = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { name: value };
  const name = asString(spec['name'] ?? null, 'environment.name');
  if (name === '') return undefined;
  const settings = state.options.environments?.[name];
  const approve = state.options.autoApproveEnvironments;
  const approved = approve === true || (Array.isArray(approve) && approve.includes(name));
  const approval = !settings?.requiresApproval ? 'not-required' : approved ? 'auto-approved' : 'not-approved';
  return {
    report: { name, approval },
    ...(approval === 'not-approved'
      ? {
          error:
            `environment '${name}' requires an approval, which the local runner cannot ask for: ` +
            `pass autoApproveEnvironments: true (or ['${name}']) to approve it`,
        }
      : {}),
  };
}

function evaluateOutputs(job: JobState): { outputs: Record<string, string>; annotations: Annotation[] } {
  const outputs: Record<string, string> = {};
  const annotations: Annotation[] = [];
  const contexts = contextsOf(job, { ...job.jobEnv, ...job.runtimeEnv });
  for (const pair of job.plan.job.outputs ?? []) {
    const key = pair.key.assertString('output name').value;
    try {
      const value = asString(evaluateToken(pair.value, contexts), `outputs.${key}`);
      if ([...job.state.masks].some((secret) => value.includes(secret))) {
        annotations.push({
          level: 'warning',
          message: `Skip output '${key}' since it may contain secret.`,
          properties: {},
        });
        continue;
      }
      outputs[key] = value;
    } catch (error) {
      annotations.push({
        level: 'error',
        message: `job output '${key}': ${messageOf(error)}`,
        properties: {},
      });
      job.failed = true;
    }
  }
  return { outputs, annotations };
}

/** Runs one job (one matrix leg) to the end, post steps included. Never throws. */
export async function runJobLeg(state: RunState, plan: LegPlan): Promise<JobRun> {
  const started = Date.now();
  const root = freshDir(state, plan.key);
  const workspace = path.join(root, 'workspace');
  const runner: Record<string, Value> = {
    os: 'Linux',
    arch: 'X64',
    name: 'immut-local-runner',
    environment: 'self-hosted',
    temp: path.join(root, 'temp'),
    tool_cache: path.join(root, 'tool-cache'),
  };
  freshDirs([workspace, String(runner['temp']), String(runner['tool_cache'])]);
  const job: JobState = {
    state,
    plan,
    workspace,
    runner,
    github: { ...(plan.contexts.github as Record<string, Value>), job: plan.job.id, workspace },
    vars: { ...(plan.contexts.vars as Record<string, string>) },
    secrets: { ...(plan.contexts.secrets as Record<string, string>) },
    jobEnv: { ...plan.workflowEnv },
    runtimeEnv: {},
    addedPath: [],
    steps: {},
    failed: false,
    posts: [],
    results: [],
  };
  const base: Omit<JobRun, 'result' | 'outputs' | 'steps' | 'annotations' | 'summary' | 'durationMs'> = {
    jobId: plan.job.id,
    key: plan.key,
    name: plan.name,
    workflow: plan.workflow.relPath,
    ...(plan.matrix ? { matrix: plan.matrix } : {}),
    ...(plan.job.permissions !== undefined ? { permissions: plan.job.permissions } : {}),
    startedAt: started,
  };
  const finish = (run: Partial<JobRun> & Pick<JobRun, 'result'>): JobRun => {
    const annotations = [...job.results.flatMap((s) => s.annotations), ...(run.annotations ?? [])];
    const done: JobRun = {
      ...base,
      outputs: {},
      steps: job.results,
      summary: job.results.map((s) => s.summary).join(''),
      ...run,
      annotations,
      durationMs: Date.now() - started,
    };
    log(job, `job ${done.result}${done.error ? `: ${done.error}` : ''} (${seconds(done.durationMs)})`);
    return done;
  };
  log(job, 'job started');
  let environment: EnvironmentReport | undefined;
  try {
    const setup = { ...contextsOf(job, job.jobEnv), steps: undefined, job: undefined };
    const env = evaluateEnvironment(plan, state, setup);
    environment = env?.report;
    if (env?.error) {
      return finish({
        result: 'failure',
        error: env.error,
        annotations: [error(env.error)],
        ...envReport(environment),
      });
    }
    const settings = environment ? state.options.environments?.[environment.name] : undefined;
    Object.assign(job.vars, settings?.vars);
    Object.assign(job.secrets, settings?.secrets);
    if (plan.job.concurrency)
      Object.assign(base, { concurrency: concurrencyOf(evaluateToken(plan.job.concurrency, setup)) });
    Object.assign(job.jobEnv, evaluateStringMap(plan.job.env, contextsOf(job, job.jobEnv), 'env'));
  } catch (failure) {
    const message = `job '${plan.key}': ${messageOf(failure)}`;
    return finish({
      result: 'failure',
      error: message,
      annotations: [error(message)],
      ...envReport(environment),
    });
  }
  for (const step of plan.job.steps) await runStep(job, step);
  for (const post of [...job.posts].reverse()) await runPost(job, post);
  const { outputs, annotations } = evaluateOutputs(job);
  if (environment && plan.job.environment) {
    try {
      const spec = evaluateToken(plan.job.environment, contextsOf(job, job.jobEnv));
      if (
        typeof spec === 'object' &&
        spec !== null &&
        !Array.isArray(spec) &&
        typeof spec['url'] === 'string'
      ) {
        environment.url = spec['url'];
      }
    } catch (failure) {
      annotations.push(error(`environment url: ${messageOf(failure)}`));
    }
  }
  const result = job.failed ? 'failure' : plan.signal.aborted ? 'cancelled' : 'success';
  return finish({ result, outputs, annotations, ...envReport(environment) });
}

function envReport(environment: EnvironmentReport | undefined): Partial<JobRun> {
  return environment ? { environment } : {};
}

function error(message: string): Annotation {
  return { level: 'error', message, properties: {} };
}

function freshDirs(dirs: string[]): void {
  for (const dir of dirs) mkdirSync(dir, { recursive: true });
}

export function concurrencyOf(value: Value): { group: string; cancelInProgress: boolean } {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return {
      group: asString(value['group'] ?? '', 'concurrency.group'),
      cancelInProgress: truthy(value['cancel-in-progress'] ?? false),
    };
  }
  return { group: asString(value, 'concurrency'), cancelInProgress: false };
}
