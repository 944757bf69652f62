// Reliability matrix of bake-image: one row per fault, each on its own sandbox (in-process,
// started in milliseconds), all rows at once in beforeAll. See README.md for what each proves.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FaultSpec, Sandbox } from '../../packages/sandbox/src/index.js';
import { runAction, runActionWithPost, type RunOptions } from '../harness/run-action.js';
import { sandboxEnv, startE2eSandbox } from '../support/sandbox.js';
import {
  ALWAYS_SECRET,
  addedLive,
  expectCleanOutcome,
  inventoryKeys,
  okCalls,
  runMainUntilCancelled,
  secretLeaks,
  startRows,
  type RowRuns,
  type RowSpec,
} from './support.js';

const ACTION = 'bake-image';
const SCRIPT = 'deploy/api/provision.sh';
const INPUTS: Record<string, string> = {
  role: 'api',
  env: 'prod',
  'base-image': 'ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  provision: SCRIPT,
  'log-paths': '/var/log/api/*.log',
  'app-version': '1.2.3',
  // Sandbox time runs 2000x; SDK back-off sleeps are wall time, so the deadline is generous.
  timeout: '24h',
};

interface BakeRow extends RowSpec {
  faults: FaultSpec[];
  /** plain: main + post; cancel: SIGTERM while the builder works, then post; rerun: SIGTERM
   *  while the image is pending (no post: the runner died), then a second attempt + post. */
  shape?: 'plain' | 'cancel' | 'rerun';
  /** A bug found by this row and reported (README.md): its orphan check is expected to fail. */
}

const ec2 = (operation: string, error: string, times?: number): FaultSpec => ({
  service: 'ec2',
  operation,
  error,
  ...(times ? { times } : {}),
});

export const ROWS: BakeRow[] = [
  {
    name: 'throttle-ec2',
    fault: 'EC2 RequestLimitExceeded ×2 on DescribeImages, RunInstances, DescribeInstances, CreateImage',
    outcome: 'succeeds',
    faults: ['DescribeImages', 'RunInstances', 'DescribeInstances', 'CreateImage'].map((op) =>
      ec2(op, 'RequestLimitExceeded', 2),
    ),
  },
  {
    name: 'throttle-ssm',
    fault: 'SSM ThrottlingException ×2 on GetParameter',
    outcome: 'succeeds',
    faults: [{ service: 'ssm', operation: 'GetParameter', error: 'ThrottlingException', times: 2 }],
  },
  {
    name: 'internal-runinstances-once',
    fault: 'InternalError ×1 on RunInstances',
    outcome: 'succeeds',
    faults: [ec2('RunInstances', 'InternalError', 1)],
  },
  {
    name: 'internal-runinstances',
    fault: 'InternalError on every RunInstances',
    outcome: 'fails',
    faults: [ec2('RunInstances', 'InternalError')],
  },
  {
    name: 'internal-createimage-once',
    fault: 'InternalError ×1 on CreateImage',
    outcome: 'succeeds',
    faults: [ec2('CreateImage', 'InternalError', 1)],
  },
  {
    name: 'internal-createimage',
    fault: 'InternalError on every CreateImage',
    outcome: 'fails',
    faults: [ec2('CreateImage', 'InternalError')],
  },
  {
    name: 'capacity',
    fault: 'InsufficientInstanceCapacity on every RunInstances',
    outcome: 'fails',
    faults: [ec2('RunInstances', 'InsufficientInstanceCapacity')],
  },
  {
    name: 'builder-fails',
    fault: 'builder provisioning fails (builder-fails)',
    outcome: 'fails',
    faults: [{ kind: 'builder-fails' }],
  },
  {
    name: 'image-fails',
    fault: 'the image goes to failed (image-fails)',
    outcome: 'fails',
    faults: [{ kind: 'image-fails' }],
  },
  {
    name: 'cancelled',
    fault: 'SIGTERM while waiting for the builder, then post',
    outcome: 'fails',
    faults: [],
    shape: 'cancel',
  },
  {
    name: 'rerun',
    fault: 'first attempt killed while the image is pending (no post); the run re-run',
    outcome: 'succeeds',
    faults: [],
    shape: 'rerun',
  },
];

const sandboxes: Sandbox[] = [];
const workspaces: string[] = [];

function workspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'immut-reliability-bake-'));
  workspaces.push(dir);
  mkdirSync(path.join(dir, 'deploy/api'), { recursive: true });
  writeFileSync(path.join(dir, SCRIPT), '#!/bin/bash\nset -e\ndnf install -y nginx\n');
  return dir;
}

interface Result extends RowRuns {
  sandbox: Sandbox;
  added: Record<string, number>;
  builders: number;
  imageStates: string[];
}

async function runRow(row: BakeRow): Promise<Result> {
  const sandbox = await startE2eSandbox({ faults: row.faults });
  sandboxes.push(sandbox);
  const before = inventoryKeys(sandbox);
  const cwd = workspace();
  const options = (env: Record<string, string> = {}): RunOptions => ({
    inputs: INPUTS,
    env: { ...sandboxEnv(sandbox), ...env },
    cwd,
    timeoutMs: 60_000,
  });
  let runs: RowRuns;
  if (row.shape === 'cancel' || row.shape === 'rerun') {
    const at = row.shape === 'cancel' ? 'DescribeInstances' : 'DescribeImages';
    const after = row.shape === 'cancel' ? 'RunInstances' : 'CreateImage';
    const cancelled = await runMainUntilCancelled(
      ACTION,
      { inputs: INPUTS, env: { ...sandboxEnv(sandbox), GITHUB_WORKSPACE: cwd } },
      () => {
        const created = okCalls(sandbox, after)[0];
        return created !== undefined && okCalls(sandbox, at).some((c) => c.seq > created.seq);
      },
    );
    if (row.shape === 'cancel') {
      const post = await runAction(ACTION, { ...options(), step: 'post', state: cancelled.state });
      runs = { judged: { ...cancelled.run, exitCode: 1 }, all: [cancelled.run, post] };
      // The judged run was killed: no error of its own is expected, so judge the post only.
      runs.judged = post;
    } else {
      const second = await runActionWithPost(ACTION, options({ GITHUB_RUN_ATTEMPT: '2' }));
      runs = {
        judged: second.main,
        all: [cancelled.run, second.main, ...(second.post ? [second.post] : [])],
      };
    }
  } else {
    const { main, post } = await runActionWithPost(ACTION, options());
    runs = { judged: main, all: [main, ...(post ? [post] : [])] };
  }
  const builders = sandbox
    .inventory()
    .filter((i) => i.kind === 'instance' && !['shutting-down', 'terminated'].includes(i.state ?? '')).length;
  const imageStates = sandbox
    .inventory()
    .filter((i) => i.kind === 'image' && !before.has(`image:${i.id}`))
    .map((i) => i.state ?? '');
  return { ...runs, sandbox, added: addedLive(sandbox, before), builders, imageStates };
}

let results: Map<string, Promise<Result>>;
beforeAll(() => {
  results = startRows(ROWS, runRow);
});

afterAll(async () => {
  await Promise.allSettled([...(results?.values() ?? [])]);
  await Promise.all(sandboxes.map((s) => s.stop()));
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

describe.each(ROWS)('bake-image under $fault', (row) => {
  it(row.outcome === 'succeeds' ? 'succeeds after retries' : 'fails with one clear error', async () => {
    const r = await results.get(row.name)!;
    if (row.shape === 'cancel') {
      // Killed by the signal: the runner shows no error of the step itself; post must succeed.
      expect(r.all[0]?.signal).toBe('SIGTERM');
      expectCleanOutcome({ ...row, outcome: 'succeeds' }, r);
    } else {
      expectCleanOutcome(row, r);
    }
  });

  it('leaves no orphan: one available image with its snapshot on success, nothing on failure', async () => {
    const r = await results.get(row.name)!;
    expect(r.builders).toBe(0);
    if (row.outcome === 'succeeds') expect(r.added).toEqual({ image: 1, snapshot: 1 });
    if (row.outcome === 'succeeds') expect(r.imageStates).toEqual(['available']);
    else expect(r.added).toEqual({});
  });

  it('leaks no secret', async () => {
    const r = await results.get(row.name)!;
    expect(secretLeaks(ALWAYS_SECRET, r.all, r.sandbox)).toEqual([]);
  });
});
