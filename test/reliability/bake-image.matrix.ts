// Reliability matrix of bake-image: one row per fault, each on its own sandbox (in-process,
// started in milliseconds), all rows at once (driver.ts). See README.md for what each proves.
import { expect } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FaultSpec } from '@immut/sandbox';
import { sandboxEnv } from '@immut/test-support/sandbox';
import { drive, faultMatrix, insideWait, type RowResult } from './driver.js';
import { addedLive, expectOnlyReleased, inventoryKeys, type RowSpec } from './support.js';

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

interface Result extends RowResult {
  added: Record<string, number>;
  builders: number;
  imageStates: string[];
}

faultMatrix<BakeRow, Result>({
  action: ACTION,
  rows: ROWS,
  async run(row, ctx) {
    const sandbox = await ctx.sandbox({ faults: row.faults });
    const before = inventoryKeys(sandbox);
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'immut-reliability-bake-'));
    ctx.cleanup(() => rmSync(cwd, { recursive: true, force: true }));
    mkdirSync(path.join(cwd, 'deploy/api'), { recursive: true });
    writeFileSync(path.join(cwd, SCRIPT), '#!/bin/bash\nset -e\ndnf install -y nginx\n');
    const runs = await drive(row, {
      action: ACTION,
      options: { inputs: INPUTS, env: sandboxEnv(sandbox, ACTION), cwd },
      // cancel: while the builder works; rerun: while the image is pending (the builder stopped).
      cancelAt:
        row.shape === 'cancel'
          ? insideWait(sandbox, 'RunInstances', 'DescribeInstances')
          : insideWait(sandbox, 'CreateImage', 'DescribeImages'),
    });
    const builders = sandbox
      .inventory()
      .filter(
        (i) => i.kind === 'instance' && !['shutting-down', 'terminated'].includes(i.state ?? ''),
      ).length;
    const imageStates = sandbox
      .inventory()
      .filter((i) => i.kind === 'image' && !before.has(`image:${i.id}`))
      .map((i) => i.state ?? '');
    return { ...runs, sandbox, added: addedLive(sandbox, before), builders, imageStates };
  },
  orphans: {
    title: 'leaves no orphan: one available image with its snapshot on success, nothing on failure',
    check(row, r) {
      expect(r.builders).toBe(0);
      expectOnlyReleased(row, r.added, { image: 1, snapshot: 1 });
      if (row.outcome === 'succeeds') expect(r.imageStates).toEqual(['available']);
    },
  },
});
