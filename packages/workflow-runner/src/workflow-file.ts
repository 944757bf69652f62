// Reads a workflow file with GitHub's own parser (@actions/workflow-parser: schema validation,
// expression validation, allowed contexts) and collects what the runner needs. The parser's
// converted model drops some keys (step with/shell/working-directory, permissions, defaults,
// workflow_call outputs), so those are read from the parser's template tokens directly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  convertWorkflowTemplate,
  isMapping,
  isSequence,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type {
  BasicExpressionToken,
  MappingToken,
  ScalarToken,
} from '@actions/workflow-parser/templates/tokens/index';
import type { Job, ReusableWorkflowJob } from '@actions/workflow-parser/model/workflow-template';
import { evaluateToken, type Value } from './expressions.js';

/** A workflow that cannot be run: parse errors, unsupported steps, bad inputs. Nothing ran. */
export class WorkflowError extends Error {
  override name = 'WorkflowError';
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
  }
}

export type InputType = 'string' | 'boolean' | 'number' | 'choice' | 'environment';

export interface InputDefinition {
  name: string;
  type: InputType;
  required: boolean;
  /** A literal, or an expression (workflow_call defaults may use `github`, `inputs`, `vars`). */
  default?: TemplateToken;
  options?: string[];
}

export interface StepDefinition {
  /** The parser's id: the user's, or a generated `__run`, `__actions_checkout`, … */
  id: string;
  /** Set only when the workflow gives the step an id (the `steps` context knows only those). */
  userId?: string;
  name?: ScalarToken;
  if: BasicExpressionToken;
  continueOnError?: boolean | ScalarToken;
  env?: MappingToken;
  run?: ScalarToken;
  uses?: string;
  with?: TemplateToken;
  shell?: TemplateToken;
  workingDirectory?: TemplateToken;
  timeoutMinutes?: TemplateToken;
  line?: number;
}

export interface RunDefaults {
  shell?: TemplateToken;
  workingDirectory?: TemplateToken;
}

export interface JobDefinition {
  id: string;
  name?: ScalarToken;
  needs: string[];
  if: BasicExpressionToken;
  env?: MappingToken;
  strategy?: TemplateToken;
  outputs?: MappingToken;
  environment?: TemplateToken;
  concurrency?: TemplateToken;
  permissions?: Value;
  defaults: RunDefaults;
  continueOnError?: TemplateToken;
  timeoutMinutes?: TemplateToken;
  steps: StepDefinition[];
  /** A reusable-workflow call (`uses:` on the job). */
  call?: { uses: string; with?: MappingToken; secrets?: MappingToken; inheritSecrets: boolean };
  line?: number;
}

export interface WorkflowDefinition {
  /** Absolute path. */
  file: string;
  /** Relative to the repository root, for messages. */
  relPath: string;
  name?: string;
  runName?: TemplateToken;
  events: string[];
  dispatchInputs?: Record<string, InputDefinition>;
  callInputs?: Record<string, InputDefinition>;
  callSecrets?: Record<string, { required: boolean }>;
  callOutputs?: Record<string, TemplateToken>;
  env?: TemplateToken;
  concurrency?: TemplateToken;
  permissions?: Value;
  defaults: RunDefaults;
  jobs: JobDefinition[];
}

function child(token: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return token !== undefined && isMapping(token) ? token.find(key) : undefined;
}

function literal(token: TemplateToken | undefined): Value | undefined {
  return token === undefined ? undefined : evaluateToken(token, {});
}

function readInputs(token: TemplateToken | undefined): Record<string, InputDefinition> | undefined {
  if (token === undefined || !isMapping(token)) return undefined;
  const result: Record<string, InputDefinition> = {};
  for (const pair of token) {
    const name = pair.key.assertString('input name').value;
    const type = literal(child(pair.value, 'type'));
    const options = literal(child(pair.value, 'options'));
    result[name] = {
      name,
      type: (typeof type === 'string' ? type : 'string') as InputType,
      required: literal(child(pair.value, 'required')) === true,
      ...(child(pair.value, 'default') ? { default: child(pair.value, 'default') } : {}),
      ...(Array.isArray(options) ? { options: options.map(String) } : {}),
    };
  }
  return result;
}

function readDefaults(token: TemplateToken | undefined): RunDefaults {
  const run = child(child(token, 'defaults'), 'run');
  const shell = child(run, 'shell');
  const workingDirectory = child(run, 'working-directory');
  return { ...(shell ? { shell } : {}), ...(workingDirectory ? { workingDirectory } : {}) };
}

function eventsOf(on: TemplateToken | undefined): string[] {
  if (on === undefined) return [];
  if (isString(on)) return [on.value];
  if (isSequence(on)) return [...on].map((t) => t.assertString('event').value);
  if (isMapping(on)) return [...on].map((p) => p.key.assertString('event').value);
  return [];
}

function readStep(converted: Job['steps'][number], raw: TemplateToken | undefined): StepDefinition {
  if (!('if' in converted) || (!('run' in converted) && !('uses' in converted))) {
    throw new WorkflowError(`step '${converted.id}': only run: and uses: steps are supported`);
  }
  const opt = <K extends string>(key: K, token: TemplateToken | undefined) =>
    token === undefined ? {} : ({ [key]: token } as Record<K, TemplateToken>);
  return {
    id: converted.id,
    ...(converted.id.startsWith('__') ? {} : { userId: converted.id }),
    ...(converted.name ? { name: converted.name } : {}),
    if: converted.if,
    ...(converted['continue-on-error'] !== undefined
      ? { continueOnError: converted['continue-on-error'] }
      : {}),
    ...(converted.env ? { env: converted.env } : {}),
    ...('run' in converted ? { run: converted.run } : {}),
    ...('uses' in converted ? { uses: converted.uses.value } : {}),
    ...opt('with', child(raw, 'with')),
    ...opt('shell', child(raw, 'shell')),
    ...opt('workingDirectory', child(raw, 'working-directory')),
    ...opt('timeoutMinutes', child(raw, 'timeout-minutes')),
    ...(raw?.line !== undefined ? { line: raw.line } : {}),
  };
}

function readJob(converted: Job | ReusableWorkflowJob, raw: TemplateToken | undefined): JobDefinition {
  const common = {
    id: converted.id.value,
    ...(converted.name && converted.name !== converted.id ? { name: converted.name } : {}),
    needs: (converted.needs ?? []).map((n) => n.value),
    if: converted.if,
    ...(converted.strategy ? { strategy: converted.strategy } : {}),
    ...(converted.concurrency ? { concurrency: converted.concurrency } : {}),
    ...(child(raw, 'permissions') ? { permissions: literal(child(raw, 'permissions')) } : {}),
    defaults: readDefaults(raw),
    ...(child(raw, 'continue-on-error') ? { continueOnError: child(raw, 'continue-on-error') } : {}),
    ...(child(raw, 'timeout-minutes') ? { timeoutMinutes: child(raw, 'timeout-minutes') } : {}),
    ...(raw?.line !== undefined ? { line: raw.line } : {}),
  };
  if (converted.type === 'reusableWorkflowJob') {
    return {
      ...common,
      steps: [],
      call: {
        uses: converted.ref.value,
        ...(converted['input-values'] ? { with: converted['input-values'] } : {}),
        ...(converted['secret-values'] ? { secrets: converted['secret-values'] } : {}),
        inheritSecrets: converted['inherit-secrets'] === true,
      },
    };
  }
  const rawSteps = child(raw, 'steps');
  const steps = converted.steps.map((step, index) =>
    readStep(step, rawSteps && isSequence(rawSteps) ? rawSteps.get(index) : undefined),
  );
  return {
    ...common,
    ...(converted.env ? { env: converted.env } : {}),
    ...(converted.outputs ? { outputs: converted.outputs } : {}),
    ...(converted.environment ? { environment: converted.environment } : {}),
    steps,
  };
}

/** Parses and validates one workflow file. Throws WorkflowError with every problem found. */
export async function loadWorkflow(file: string, repoRoot: string): Promise<WorkflowDefinition> {
  const relPath = path.relative(repoRoot, file) || file;
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WorkflowError(`cannot read workflow ${relPath}: ${(error as Error).message}`);
  }
  const parsed = parseWorkflow({ name: relPath, content }, new NoOperationTraceWriter());
  const root = parsed.value;
  const template = root ? await convertWorkflowTemplate(parsed.context, root) : undefined;
  const errors = template?.errors ?? parsed.context.errors.getErrors().map((e) => ({ Message: e.message }));
  if (!root || !template || errors.length > 0) {
    const problems = errors.map((e) => e.Message);
    throw new WorkflowError(`${relPath} is not a valid workflow:\n  ${problems.join('\n  ')}`, problems);
  }
  const on = child(root, 'on');
  const rawJobs = child(root, 'jobs');
  const name = literal(child(root, 'name'));
  const outputs = child(child(on, 'workflow_call'), 'outputs');
  let workflowOutputs: Record<string, TemplateToken> | undefined;
  if (outputs && isMapping(outputs)) {
    workflowOutputs = {};
    for (const pair of outputs) {
      const value = child(pair.value, 'value');
      if (value) workflowOutputs[pair.key.assertString('output name').value] = value;
    }
  }
  const secrets = child(child(on, 'workflow_call'), 'secrets');
  let callSecrets: Record<string, { required: boolean }> | undefined;
  if (secrets && isMapping(secrets)) {
    callSecrets = {};
    for (const pair of secrets) {
      callSecrets[pair.key.assertString('secret name').value] = {
        required: literal(child(pair.value, 'required')) === true,
      };
    }
  }
  const dispatchInputs = readInputs(child(child(on, 'workflow_dispatch'), 'inputs'));
  const callInputs = readInputs(child(child(on, 'workflow_call'), 'inputs'));
  return {
    file,
    relPath,
    ...(typeof name === 'string' ? { name } : {}),
    ...(child(root, 'run-name') ? { runName: child(root, 'run-name') } : {}),
    events: eventsOf(on),
    ...(dispatchInputs ? { dispatchInputs } : {}),
    ...(callInputs ? { callInputs } : {}),
    ...(callSecrets ? { callSecrets } : {}),
    ...(workflowOutputs ? { callOutputs: workflowOutputs } : {}),
    ...(template.env ? { env: template.env } : {}),
    ...(template.concurrency ? { concurrency: template.concurrency } : {}),
    ...(child(root, 'permissions') ? { permissions: literal(child(root, 'permissions')) } : {}),
    defaults: readDefaults(root),
    jobs: template.jobs.map((job) => readJob(job, child(rawJobs, job.id.value))),
  };
}
