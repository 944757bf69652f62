// Command line of the local workflow runner (bundled by packages/workflow-runner/build.mjs):
//
//   node .build/workflow-runner/index.js <workflow.yml> [options]
//
// Prints the run's log as it goes, then a report; exit code 0 when the run succeeded, 1 when
// it failed or was cancelled, 2 when the workflow cannot be run (usage, parse errors, an
// unsupported step, bad inputs). The bundle also exports the API (runWorkflow, …).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { collectSummaries, formatReport } from './report.js';
import type { RunnerEvent, RunWorkflowOptions } from './types.js';
import { runWorkflow } from './workflow.js';
import { loadWorkflow, WorkflowError } from './workflow-file.js';

export * from './index.js';

export const USAGE = `usage: workflow-runner <workflow.yml> [options]

  --event <e>            workflow_dispatch | workflow_call | push | schedule (default: the first of these
                         the workflow is triggered by)
  --input name=value     an input (repeatable)
  --secret name=value    a secret (repeatable)
  --var name=value       a configuration variable (repeatable)
  --env name=value       the runner machine's environment for every step (repeatable). AWS_*
                         credentials and AWS_ENDPOINT_URL / IMMUT_TIME_SCALE are also taken from
                         this process's environment; credentials reach steps only through
                         aws-actions/configure-aws-credentials.
  --github key=value     override a github context value (repository, sha, run_number, …)
  --repo-root <dir>      where ./<action>, <owner>/immut/<action>@<ref> and called workflows
                         resolve (default: the current directory)
  --workspace <dir>      what actions/checkout copies into each job (default: the repo root)
  --protect <env>        the environment requires approval (repeatable)
  --approve [<env>]      auto-approve environments (all, or the named one; repeatable)
  --json <file>          write the whole result as JSON
  --summary <file>       write every job summary into one Markdown file
  --quiet                print only the report
  --keep-temp            keep the job workspaces and RUNNER_TEMP directories
`;

const PASSED_THROUGH = [
  'AWS_ENDPOINT_URL',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'IMMUT_TIME_SCALE',
];

function pairs(values: string[] | undefined, flag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const value of values ?? []) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new WorkflowError(`--${flag} expects name=value, got '${value}'`);
    result[value.slice(0, eq)] = value.slice(eq + 1);
  }
  return result;
}

export interface CliRequest {
  options: RunWorkflowOptions;
  json?: string;
  summary?: string;
  quiet: boolean;
  /** No --event: take the first of workflow_dispatch, workflow_call, push the workflow has. */
  defaultEvent?: boolean;
}

/** Parses the command line into runWorkflow options; throws WorkflowError on misuse. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv, cwd: string): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        event: { type: 'string' },
        input: { type: 'string', multiple: true },
        secret: { type: 'string', multiple: true },
        var: { type: 'string', multiple: true },
        env: { type: 'string', multiple: true },
        github: { type: 'string', multiple: true },
        'repo-root': { type: 'string' },
        workspace: { type: 'string' },
        protect: { type: 'string', multiple: true },
        approve: { type: 'string', multiple: true },
        json: { type: 'string' },
        summary: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'keep-temp': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new WorkflowError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1) throw new WorkflowError(USAGE);
  const event = values.event as RunnerEvent | undefined;
  if (event !== undefined && !['workflow_dispatch', 'workflow_call', 'push', 'schedule'].includes(event)) {
    throw new WorkflowError(
      `--event must be workflow_dispatch, workflow_call, push or schedule, got '${event}'`,
    );
  }
  const passed: Record<string, string> = {};
  for (const name of PASSED_THROUGH) if (env[name]) passed[name] = env[name] ?? '';
  const repoRoot = path.resolve(cwd, values['repo-root'] ?? '.');
  const approve = values.approve ?? [];
  const protectedEnvs = values.protect ?? [];
  return {
    options: {
      workflowFile: path.resolve(cwd, positionals[0] ?? ''),
      event: event ?? 'workflow_dispatch',
      inputs: pairs(values.input, 'input'),
      secrets: pairs(values.secret, 'secret'),
      vars: pairs(values.var, 'var'),
      env: { ...passed, ...pairs(values.env, 'env') },
      github: pairs(values.github, 'github'),
      repoRoot,
      ...(values.workspace ? { workspaceSource: path.resolve(cwd, values.workspace) } : {}),
      environments: Object.fromEntries(protectedEnvs.map((name) => [name, { requiresApproval: true }])),
      autoApproveEnvironments: approve.some((a) => a === '' || a === '*') ? true : approve,
      keepTemp: values['keep-temp'],
    },
    ...(values.json ? { json: path.resolve(cwd, values.json) } : {}),
    ...(values.summary ? { summary: path.resolve(cwd, values.summary) } : {}),
    quiet: values.quiet,
    ...(event === undefined ? { defaultEvent: true } : {}),
  };
}

export async function main(argv: string[]): Promise<number> {
  let request: CliRequest;
  try {
    request = parseCommandLine(argv, process.env, process.cwd());
  } catch (error) {
    console.error(error instanceof WorkflowError ? error.message : String(error));
    return 2;
  }
  const { options } = request;
  if (!request.quiet) options.log = (line) => console.log(line);
  let result;
  try {
    if (request.defaultEvent) options.event = await defaultEvent(options);
    result = await runWorkflow(options);
  } catch (error) {
    if (error instanceof WorkflowError) {
      console.error(`workflow-runner: ${error.message}`);
      return 2;
    }
    throw error;
  }
  console.log(`\n${formatReport(result)}`);
  if (request.json) writeFileSync(request.json, `${JSON.stringify(result, null, 2)}\n`);
  if (request.summary) writeFileSync(request.summary, collectSummaries(result));
  return result.result === 'success' ? 0 : 1;
}

async function defaultEvent(options: RunWorkflowOptions): Promise<RunnerEvent> {
  const workflow = await loadWorkflow(
    path.resolve(options.repoRoot ?? '.', options.workflowFile),
    options.repoRoot ?? '.',
  );
  const events: RunnerEvent[] = ['workflow_dispatch', 'workflow_call', 'push'];
  return events.find((e) => workflow.events.includes(e)) ?? 'workflow_dispatch';
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && path.resolve(entry) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
