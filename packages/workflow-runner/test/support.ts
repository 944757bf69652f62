// Test support: a throw-away repository holding the fixture workflows under .github/workflows/
// and the harness's echo action (packages/action-runner/test/fixtures/echo-action) under echo-action/, so fixtures
// can use `./echo-action`, `immut-dev/immut/echo-action@v1` and `./.github/workflows/x.yml`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '@immut/action-runner';
import { runWorkflow } from '../src/index.js';
import type { RunWorkflowOptions, WorkflowRunResult } from '../src/types.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface FixtureRepo {
  root: string;
  /** A fresh directory the fixture steps write their traces to ($TRACE). */
  trace(): string;
  run(
    workflow: string,
    options?: Partial<RunWorkflowOptions>,
  ): Promise<WorkflowRunResult & { lines: string[] }>;
  remove(): void;
}

export function fixtureRepo(): FixtureRepo {
  const root = mkdtempSync(path.join(os.tmpdir(), 'immut-runner-test-'));
  cpSync(path.join(HERE, 'fixtures', 'workflows'), path.join(root, '.github', 'workflows'), {
    recursive: true,
  });
  cpSync(
    path.join(REPO_ROOT, 'packages', 'action-runner', 'test', 'fixtures', 'echo-action'),
    path.join(root, 'echo-action'),
    {
      recursive: true,
    },
  );
  let traces = 0;
  return {
    root,
    trace() {
      traces += 1;
      const dir = path.join(root, 'traces', String(traces));
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    async run(workflow, options = {}) {
      const lines: string[] = [];
      const result = await runWorkflow({
        workflowFile: `.github/workflows/${workflow}`,
        event: 'workflow_dispatch',
        repoRoot: root,
        log: (line) => lines.push(line),
        ...options,
      });
      return { ...result, lines };
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
  } catch {
    return [];
  }
}
