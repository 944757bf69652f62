// The runner's public API types: what runWorkflow takes and what it returns.
import type { Annotation, InProcessAction } from '@immut/action-runner';
import type { Value } from './expressions.js';

export type { Annotation, Value };

/** `schedule`: a run started by the workflow's cron, which (as on GitHub) gets no inputs. */
export type RunnerEvent = 'workflow_dispatch' | 'workflow_call' | 'push' | 'schedule';

export interface EnvironmentSettings {
  /** Required reviewers: the job waits for an approval the local runner can only auto-give. */
  requiresApproval?: boolean;
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
}

export interface AwsSettings {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Exported as AWS_ENDPOINT_URL (the sandbox) by configure-aws-credentials. */
  endpointUrl?: string;
  /** The `aws-account-id` output of configure-aws-credentials. */
  accountId?: string;
  /**
   * Mask the secret key and session token in logs, as the real action does. Default: true
   * for `options.aws`, false for credentials taken from `options.env` (the sandbox's dummy
   * 'test' would otherwise blank out that word everywhere).
   */
  mask?: boolean;
}

export interface RunWorkflowOptions {
  /** The workflow file, absolute or relative to repoRoot. */
  workflowFile: string;
  event: RunnerEvent;
  /** workflow_dispatch / workflow_call inputs; strings are converted to the declared type. */
  inputs?: Record<string, string | boolean | number>;
  /**
   * The repository the workflow and its actions come from: `./<action>`,
   * `<owner>/immut/<action>@<ref>` (runs `<repoRoot>/<action>/action.yml`, i.e. `dist/`) and
   * `./.github/workflows/x.yml` resolve here. Default: the immut repository this file is in.
   */
  repoRoot?: string;
  /**
   * What `actions/checkout` copies into each job's fresh workspace (the consumer's repository).
   * Default: repoRoot. `.git`, `node_modules` and `.build` are never copied.
   */
  workspaceSource?: string;
  /**
   * The runner machine's environment, seen by every step's process (not the `env` context),
   * e.g. sandboxEnv(sandbox). AWS credential and region variables given here are withheld
   * from steps and handed out only by aws-actions/configure-aws-credentials, as on GitHub.
   */
  env?: Record<string, string>;
  /** Credentials configure-aws-credentials hands out; default: the AWS_* variables of `env`. */
  aws?: AwsSettings;
  /**
   * Credentials per role ARN, as assuming that role would give: a configure-aws-credentials
   * step hands out the entry of its `role-to-assume`, and fails (as AWS refuses
   * AssumeRoleWithWebIdentity) for a role not listed or none given. Takes precedence over `aws`.
   */
  awsRoles?: Record<string, AwsSettings>;
  /** Overrides of the `github` context (repository, sha, run_id, run_number, token, …). */
  github?: Record<string, Value>;
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
  /** Repository environments (by name): approval, environment vars and secrets. */
  environments?: Record<string, EnvironmentSettings>;
  /** Approve environments that require it: true for all, or a list of names. */
  autoApproveEnvironments?: boolean | string[];
  /** Process variables passed from this process to steps; default PATH, HOME, LANG, TMPDIR, … */
  inheritEnv?: string[];
  /** Deadline of a step without timeout-minutes; default 10 minutes. */
  stepTimeoutMs?: number;
  /** Receives the readable log, one line per call. */
  log?: (line: string) => void;
  /** Keep the temp directories (workspaces, RUNNER_TEMP) for debugging. */
  keepTemp?: boolean;
  /** Run JavaScript action steps in this process (the bench's many-role rows; see
   *  InProcessAction in @immut/action-runner) instead of a node process per step. */
  inProcessActions?: InProcessAction;
}

export type StepOutcome = 'success' | 'failure' | 'cancelled' | 'skipped';
export type JobResultKind = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface StepResult {
  /** The parser's step id (`__run` … for steps without an id). */
  id: string;
  name: string;
  kind: 'run' | 'action' | 'checkout' | 'aws-credentials';
  /** `main` for the step itself, `post` for an action's post step at job end. */
  phase: 'main' | 'post';
  uses?: string;
  /** Before continue-on-error. */
  outcome: StepOutcome;
  /** After continue-on-error. */
  conclusion: StepOutcome;
  outputs: Record<string, string>;
  annotations: Annotation[];
  summary: string;
  /** The step's log lines (masked). */
  log: string[];
  /** Why the step failed, when the runner knows (expression error, timeout, exit code …). */
  error?: string;
  startedAt?: number;
  durationMs: number;
}

export interface EnvironmentReport {
  name: string;
  url?: string;
  approval: 'not-required' | 'auto-approved' | 'not-approved';
}

export interface ConcurrencyReport {
  group: string;
  cancelInProgress: boolean;
}

export interface JobRun {
  /** The job's key in its workflow. */
  jobId: string;
  /** Unique within the whole run: `release (api) / bake-image`. */
  key: string;
  name: string;
  workflow: string;
  matrix?: Record<string, Value>;
  result: JobResultKind;
  outputs: Record<string, string>;
  steps: StepResult[];
  annotations: Annotation[];
  /** The job summary: the steps' summaries in order. */
  summary: string;
  environment?: EnvironmentReport;
  concurrency?: ConcurrencyReport;
  permissions?: Value;
  /** The reusable workflow this job called. */
  called?: WorkflowRunResult;
  error?: string;
  startedAt?: number;
  durationMs: number;
}

export interface WorkflowRunResult {
  workflow: string;
  name: string;
  event: RunnerEvent;
  inputs: Record<string, Value>;
  result: 'success' | 'failure' | 'cancelled';
  /** Every job run (each matrix leg separately), in the order they finished. */
  jobs: JobRun[];
  /** Per job id: the aggregated result and outputs (what `needs.<job>` sees). */
  needs: Record<string, { result: JobResultKind; outputs: Record<string, string> }>;
  /** on.workflow_call.outputs, evaluated (for workflow_call runs). */
  outputs: Record<string, string>;
  concurrency?: ConcurrencyReport;
  permissions?: Value;
  startedAt: number;
  durationMs: number;
}
