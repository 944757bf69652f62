// bake-image prints its builder's console, which is the provisioning script's output:
// text anyone who can change that script (or a package it installs) controls. The built
// bundle runs through the runner harness against the sandbox, which runs the builder script
// for real: the provisioning script prints workflow-command lines and exits 1; none may be
// obeyed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sandbox } from '@immut/sandbox';
import { errorsOf, runAction, type ActionRun } from '@immut/action-runner';
import { sandboxEnv, startE2eSandbox } from '@immut/test-support/sandbox';

const SCRIPT = 'deploy/api/provision.sh';
const HOSTILE_LINES = [
  '::add-mask::injected-mask-value',
  '::error::injected error',
  '::warning file=x,line=1::injected warning',
  '::notice::injected notice',
  '::set-output name=image-id::ami-0hijacked00000000',
  '::debug::injected debug',
];

let sandbox: Sandbox;
let workspace: string;
let run: ActionRun;

beforeAll(async () => {
  sandbox = await startE2eSandbox();
  workspace = mkdtempSync(path.join(os.tmpdir(), 'immut-bake-console-'));
  mkdirSync(path.join(workspace, 'deploy/api'), { recursive: true });
  const printed = HOSTILE_LINES.map((line) => `printf '%s\\n' '${line}'`).join('\n');
  writeFileSync(
    path.join(workspace, SCRIPT),
    `#!/bin/bash\nset -e\ndnf install -y nginx\n${printed}\nexit 1\n`,
  );
  run = await runAction('bake-image', {
    inputs: {
      role: 'api',
      env: 'prod',
      'base-image': 'ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      provision: SCRIPT,
      'app-version': '1.2.3',
      timeout: '24h',
    },
    env: sandboxEnv(sandbox, 'bake-image'),
    cwd: workspace,
    timeoutMs: 60_000,
  });
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
}, 60_000);

describe('the builder console', () => {
  it('is shown as text: every hostile line appears in the log', () => {
    for (const line of HOSTILE_LINES) expect(run.logLines).toContain(line);
  });

  it('issues no workflow command: no mask, output, debug message or annotation of its own', () => {
    expect(run.masks).not.toContain('injected-mask-value');
    expect(run.outputs['image-id']).toBeUndefined();
    expect(run.debug).not.toContain('injected debug');
    expect(run.annotations.filter((a) => a.level !== 'error')).toEqual([]);
  });

  it('fails with one error annotation that carries the console tail as text', () => {
    expect(run.exitCode).not.toBe(0);
    const errors = errorsOf(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      /Provisioning failed on builder i-[0-9a-f]+: step 'provision' exited with status 1/,
    );
    expect(errors[0]?.message).toContain('::add-mask::injected-mask-value');
    expect(errors[0]?.message).toContain('::error::injected error');
  });
});
