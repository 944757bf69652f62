// The collected job summaries (the demo's REPORT.md): one short, single-line heading per job.
import { describe, expect, it } from '@jest/globals';
import { collectSummaries, jobHeading } from '../src/report.js';
import type { JobRun, WorkflowRunResult } from '../src/types.js';

function job(name: string, summary: string, called?: WorkflowRunResult): JobRun {
  return { jobId: name, key: name, name, summary, ...(called ? { called } : {}) } as unknown as JobRun;
}

function run(jobs: JobRun[]): WorkflowRunResult {
  return { jobs } as unknown as WorkflowRunResult;
}

describe('collectSummaries', () => {
  it('heads each summary with the calling job names and its own: api · bake', () => {
    const release = (role: string) =>
      job(role, '', run([job('bake', `baked ${role}`), job('tag', ''), job('launch', `launched ${role}`)]));
    const text = collectSummaries(run([job('plan', 'the plan'), release('api'), release('web')]));
    expect(text.match(/^## .*$/gm)).toEqual([
      '## plan',
      '## api · bake',
      '## api · launch',
      '## web · bake',
      '## web · launch',
    ]);
    expect(text).toContain('## api · bake\n\nbaked api\n');
  });

  it('keeps a heading on one line and short, whatever the job is named', () => {
    const tuple = `release (${'ssm:/aws/service/ami, '.repeat(20)}/var/log/a\n/var/log/b)`;
    const heading = jobHeading([tuple, 'bake']);
    expect(heading).not.toContain('\n');
    expect(heading.length).toBeLessThanOrEqual(80);
    expect(heading.endsWith('…')).toBe(true);
  });
});
