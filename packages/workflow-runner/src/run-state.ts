// What one workflow run shares across its jobs: options, temp directories, masks, the base
// `github` context and the log.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAKE_GITHUB_TOKEN, JOB_DEFAULTS } from '@immut/action-runner';
import type { Value } from './expressions.js';
import type { AwsSettings, RunnerEvent, RunWorkflowOptions } from './types.js';
import type { WorkflowDefinition } from './workflow-file.js';

/** Variables of `options.env` only configure-aws-credentials hands to steps. */
export const AWS_CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
];

export const DEFAULT_INHERITED_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'USER', 'SHELL', 'TERM'];

export interface RunState {
  options: RunWorkflowOptions;
  repoRoot: string;
  workspaceSource: string;
  tempRoot: string;
  /** The runner machine's environment for every step (without AWS credentials). */
  machineEnv: Record<string, string>;
  aws: AwsSettings | undefined;
  /** Secret values and `::add-mask::` values: replaced by *** in logs. */
  masks: Set<string>;
  log: (line: string) => void;
  stepTimeoutMs: number;
  /** Parsed workflows by absolute path. */
  workflows: Map<string, WorkflowDefinition>;
  /** The `github` context without the per-job keys (job, workspace, action). */
  github: Record<string, Value>;
  eventPath: string;
  nextDir: number;
}

function pick(source: Record<string, string | undefined>, names: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of names) {
    const value = source[name];
    if (value !== undefined) result[name] = value;
  }
  return result;
}

function awsFrom(options: RunWorkflowOptions): AwsSettings | undefined {
  if (options.aws) return { mask: true, ...options.aws };
  const env = options.env ?? {};
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  if (!accessKeyId || !secretAccessKey) return undefined;
  return {
    mask: false,
    accessKeyId,
    secretAccessKey,
    ...(env['AWS_SESSION_TOKEN'] ? { sessionToken: env['AWS_SESSION_TOKEN'] } : {}),
    ...(env['AWS_ENDPOINT_URL'] ? { endpointUrl: env['AWS_ENDPOINT_URL'] } : {}),
  };
}

function baseGithub(
  options: RunWorkflowOptions,
  workflow: WorkflowDefinition,
  event: RunnerEvent,
  payload: Record<string, Value>,
): Record<string, Value> {
  const given = options.github ?? {};
  const repository = String(given['repository'] ?? JOB_DEFAULTS['GITHUB_REPOSITORY']);
  const ref = String(given['ref'] ?? JOB_DEFAULTS['GITHUB_REF']);
  const serverUrl = String(given['server_url'] ?? JOB_DEFAULTS['GITHUB_SERVER_URL']);
  const actor = String(given['actor'] ?? JOB_DEFAULTS['GITHUB_ACTOR']);
  return {
    repository,
    repository_owner: repository.split('/')[0] ?? '',
    repositoryUrl: `git://github.com/${repository}.git`,
    sha: JOB_DEFAULTS['GITHUB_SHA'] ?? '',
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    run_id: JOB_DEFAULTS['GITHUB_RUN_ID'] ?? '',
    run_number: JOB_DEFAULTS['GITHUB_RUN_NUMBER'] ?? '',
    run_attempt: JOB_DEFAULTS['GITHUB_RUN_ATTEMPT'] ?? '',
    server_url: serverUrl,
    api_url: JOB_DEFAULTS['GITHUB_API_URL'] ?? '',
    graphql_url: JOB_DEFAULTS['GITHUB_GRAPHQL_URL'] ?? '',
    actor,
    triggering_actor: actor,
    event_name: event,
    event: payload,
    token: FAKE_GITHUB_TOKEN,
    workflow: workflow.name ?? workflow.relPath,
    workflow_ref: `${repository}/${workflow.relPath}@${ref}`,
    retention_days: '90',
    secret_source: 'Actions',
    ...given,
  };
}

export function createRunState(
  options: RunWorkflowOptions,
  repoRoot: string,
  workflow: WorkflowDefinition,
  workflows: Map<string, WorkflowDefinition>,
  eventInputs: Record<string, Value>,
): RunState {
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'immut-workflow-'));
  const machineEnv = {
    ...pick(process.env, options.inheritEnv ?? DEFAULT_INHERITED_ENV),
    ...options.env,
  };
  for (const name of AWS_CREDENTIAL_VARIABLES) delete machineEnv[name];
  const payload: Record<string, Value> = {
    ref: String(options.github?.['ref'] ?? JOB_DEFAULTS['GITHUB_REF']),
    repository: { full_name: String(options.github?.['repository'] ?? JOB_DEFAULTS['GITHUB_REPOSITORY']) },
    sender: { login: String(options.github?.['actor'] ?? JOB_DEFAULTS['GITHUB_ACTOR']) },
    ...(options.event === 'workflow_dispatch'
      ? {
          workflow: workflow.relPath,
          inputs: Object.fromEntries(Object.entries(eventInputs).map(([k, v]) => [k, String(v)])),
        }
      : {}),
  };
  const eventPath = path.join(tempRoot, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload, null, 2));
  const github = baseGithub(options, workflow, options.event, payload);
  const aws = awsFrom(options);
  const masks = new Set<string>(
    [
      String(github['token']),
      ...Object.values(options.secrets ?? {}),
      aws?.mask ? aws.secretAccessKey : '',
      ...Object.values(options.awsRoles ?? {}).flatMap((r) =>
        r.mask === false ? [] : [r.secretAccessKey, r.sessionToken ?? ''],
      ),
    ].filter((v) => v.trim() !== ''),
  );
  for (const settings of Object.values(options.environments ?? {})) {
    for (const value of Object.values(settings.secrets ?? {})) if (value.trim() !== '') masks.add(value);
  }
  return {
    options,
    repoRoot,
    workspaceSource: path.resolve(repoRoot, options.workspaceSource ?? repoRoot),
    tempRoot,
    machineEnv,
    aws,
    masks,
    log: options.log ?? (() => undefined),
    stepTimeoutMs: options.stepTimeoutMs ?? 10 * 60_000,
    workflows,
    github,
    eventPath,
    nextDir: 0,
  };
}

/** A fresh directory under the run's temp root. */
export function freshDir(state: RunState, label: string): string {
  state.nextDir += 1;
  const dir = path.join(
    state.tempRoot,
    `${String(state.nextDir).padStart(3, '0')}-${label.replace(/[^\w.-]+/g, '_').slice(0, 40)}`,
  );
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function mask(state: RunState, text: string): string {
  let result = text;
  for (const secret of [...state.masks].sort((a, b) => b.length - a.length))
    result = result.split(secret).join('***');
  return result;
}

/** GITHUB_* and RUNNER_* variables of a step, from the `github` and `runner` contexts. */
export function githubEnv(
  github: Record<string, Value>,
  runner: Record<string, Value>,
  step: { action: string },
): Record<string, string> {
  const s = (key: string): string => {
    const value = github[key];
    return value === undefined || value === null ? '' : String(value);
  };
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: s('repository'),
    GITHUB_REPOSITORY_OWNER: s('repository_owner'),
    GITHUB_SHA: s('sha'),
    GITHUB_REF: s('ref'),
    GITHUB_REF_NAME: s('ref_name'),
    GITHUB_REF_TYPE: s('ref_type'),
    GITHUB_RUN_ID: s('run_id'),
    GITHUB_RUN_NUMBER: s('run_number'),
    GITHUB_RUN_ATTEMPT: s('run_attempt'),
    GITHUB_SERVER_URL: s('server_url'),
    GITHUB_API_URL: s('api_url'),
    GITHUB_GRAPHQL_URL: s('graphql_url'),
    GITHUB_ACTOR: s('actor'),
    GITHUB_TRIGGERING_ACTOR: s('triggering_actor'),
    GITHUB_EVENT_NAME: s('event_name'),
    GITHUB_WORKFLOW: s('workflow'),
    GITHUB_WORKFLOW_REF: s('workflow_ref'),
    GITHUB_JOB: s('job'),
    GITHUB_ACTION: step.action,
    GITHUB_WORKSPACE: s('workspace'),
    GITHUB_RETENTION_DAYS: s('retention_days'),
    RUNNER_OS: String(runner['os']),
    RUNNER_ARCH: String(runner['arch']),
    RUNNER_NAME: String(runner['name']),
    RUNNER_ENVIRONMENT: String(runner['environment']),
    RUNNER_TEMP: String(runner['temp']),
    RUNNER_TOOL_CACHE: String(runner['tool_cache']),
  };
}
