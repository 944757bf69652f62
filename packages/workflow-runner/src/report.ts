// Readable text for a finished run (the CLI's closing report) and the collected job summaries.
import type { JobRun, WorkflowRunResult } from './types.js';

const MARK: Record<JobRun['result'], string> = { success: '✓', failure: '✗', cancelled: '⊘', skipped: '○' };

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function shorten(value: string, max = 60): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function jobLines(job: JobRun, indent: string): string[] {
  const outputs = Object.entries(job.outputs).map(([k, v]) => `${k}=${shorten(v, 40)}`);
  const lines = [
    `${indent}${MARK[job.result]} ${job.key.padEnd(Math.max(40 - indent.length, job.key.length))}  ${job.result.padEnd(9)} ${seconds(job.durationMs).padStart(7)}` +
      (job.environment ? `  environment ${job.environment.name} (${job.environment.approval})` : ''),
  ];
  if (outputs.length > 0) lines.push(`${indent}    outputs: ${outputs.join(', ')}`);
  for (const a of job.called ? [] : job.annotations.filter((a) => a.level !== 'notice')) {
    lines.push(`${indent}    ${a.level}: ${shorten(a.message, 200)}`);
  }
  if (job.error && !job.annotations.some((a) => a.message === job.error))
    lines.push(`${indent}    error: ${job.error}`);
  if (job.called) {
    for (const child of job.called.jobs) lines.push(...jobLines(child, `${indent}  `));
  }
  return lines;
}

/** A few lines per job: result, time, outputs, errors and warnings; called workflows nested. */
export function formatReport(result: WorkflowRunResult): string {
  const lines = [
    `workflow ${result.name} (${result.workflow}, ${result.event}): ${result.result} in ${seconds(result.durationMs)}`,
  ];
  for (const job of result.jobs) lines.push(...jobLines(job, '  '));
  const outputs = Object.entries(result.outputs);
  if (outputs.length > 0) {
    lines.push('outputs:');
    for (const [key, value] of outputs) lines.push(`  ${key}: ${shorten(value, 200)}`);
  }
  return lines.join('\n');
}

/**
 * A job's heading: the names of the calling jobs and its own, joined by ` · ` (`api · bake`),
 * on one line and cut to a sane length. A matrix job without a `name:` is named after its
 * whole matrix tuple, which may hold long and multi-line values: give such jobs a `name:`.
 */
export function jobHeading(names: readonly string[]): string {
  return shorten(names.join(' · '), 80);
}

/** Every job summary of the run, called workflows included, each under a heading. */
export function collectSummaries(result: WorkflowRunResult): string {
  const parts: string[] = [];
  const walk = (run: WorkflowRunResult, callers: readonly string[]): void => {
    for (const job of run.jobs) {
      const names = [...callers, job.name];
      if (job.called) walk(job.called, names);
      else if (job.summary.trim() !== '') parts.push(`## ${jobHeading(names)}\n\n${job.summary.trim()}\n`);
    }
  };
  walk(result, []);
  return parts.join('\n');
}
