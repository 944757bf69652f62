// What a failed workflow run says about itself: the failed steps of every job (called
// workflows included) with their errors and last log lines, for a test's failure message.
import type { JobRun, WorkflowRunResult } from '@immut/workflow-runner';

function describeJob(job: JobRun, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  if (job.result !== 'failure') return;
  out.push(`${indent}job ${job.key}: ${job.result}${job.error ? ` (${job.error})` : ''}`);
  for (const step of job.steps) {
    if (step.conclusion !== 'failure') continue;
    out.push(`${indent}  step ${step.name} [${step.phase}]: ${step.error ?? 'failed'}`);
    for (const line of step.log.slice(-25)) out.push(`${indent}    | ${line}`);
  }
  if (job.called) for (const inner of job.called.jobs) describeJob(inner, depth + 1, out);
}

/** '' for a successful run; otherwise the failed jobs and steps, with their logs' tails. */
export function describeRunFailure(result: WorkflowRunResult): string {
  if (result.result === 'success') return '';
  const out = [`workflow ${result.name}: ${result.result}`];
  for (const job of result.jobs) describeJob(job, 1, out);
  return out.join('\n');
}
