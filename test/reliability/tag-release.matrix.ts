// Reliability matrix of tag-release: one row per fault, each on its own sandbox holding what
// bake-image and replicate-data leave (tag-release's fixtures). tag-release creates no AWS
// resource (it tags them) and waits for nothing, so it has no cancellation row; its failure
// rows prove it stops cleanly and that a re-run completes the release. All rows run at once
// (driver.ts). See README.md.
import { expect } from '@jest/globals';
import { makeDb, makeImage, releaseInputs } from '@immut/test-support/release-parts';
import { fromAwsTags } from '@immut/core/tags';
import type { FaultSpec } from '@immut/sandbox';
import { runAction } from '@immut/action-runner';
import { sandboxEnv } from '@immut/test-support/sandbox';
import { drive, faultMatrix, type RowResult } from './driver.js';
import { addedLive, expectCleanOutcome, inventoryKeys, type RowRuns, type RowSpec } from './support.js';

const ACTION = 'tag-release';
const ID = { role: 'api', env: 'prod', build: 'b000042' };
const RELEASE = 'api-b000042';

interface TagRow extends RowSpec {
  faults: FaultSpec[];
  /** For failure rows: the same run again without the fault must complete the release. */
  rerunWithoutFault?: boolean;
}

export const ROWS: TagRow[] = [
  {
    name: 'throttle-ec2',
    fault: 'EC2 RequestLimitExceeded ×2 on DescribeImages and CreateTags',
    outcome: 'succeeds',
    faults: ['DescribeImages', 'CreateTags'].map((operation) => ({
      service: 'ec2',
      operation,
      error: 'RequestLimitExceeded',
      times: 2,
    })),
  },
  {
    name: 'throttle-rds',
    fault: 'RDS Throttling ×2 on DescribeDBInstances and AddTagsToResource',
    outcome: 'succeeds',
    faults: ['DescribeDBInstances', 'AddTagsToResource'].map((operation) => ({
      service: 'rds',
      operation,
      error: 'Throttling',
      times: 2,
    })),
  },
  {
    name: 'internal-createtags-once',
    fault: 'InternalError ×1 on CreateTags',
    outcome: 'succeeds',
    faults: [{ service: 'ec2', operation: 'CreateTags', error: 'InternalError', times: 1 }],
  },
  {
    name: 'internal-createtags',
    fault: 'InternalError on every CreateTags, then a re-run without it',
    outcome: 'fails',
    rerunWithoutFault: true,
    faults: [{ service: 'ec2', operation: 'CreateTags', error: 'InternalError' }],
  },
  {
    name: 'internal-addtags',
    fault: 'InternalError on every AddTagsToResource, then a re-run without it',
    outcome: 'fails',
    rerunWithoutFault: true,
    faults: [{ service: 'rds', operation: 'AddTagsToResource', error: 'InternalError' }],
  },
];

interface Result extends RowResult {
  added: Record<string, number>;
  /** The re-run without the fault, for failure rows. */
  rerun?: RowRuns['judged'];
  /** immut:release on the image and the replica at the end. */
  released: Array<string | undefined>;
}

faultMatrix<TagRow, Result>({
  action: ACTION,
  rows: ROWS,
  async run(row, ctx) {
    const sandbox = await ctx.sandbox();
    const imageId = await makeImage(sandbox, { ...ID, build: 'b000041' });
    const dbId = await makeDb(sandbox, ID, undefined, { withRelease: false });
    const before = inventoryKeys(sandbox);
    sandbox.addFaults(row.faults);
    const env = { ...sandboxEnv(sandbox, ACTION), GITHUB_API_URL: sandbox.endpoint };
    const inputs = releaseInputs(imageId, dbId);
    const runs = await drive(row, { action: ACTION, options: { inputs, env } });
    let rerun;
    if (row.rerunWithoutFault) {
      sandbox.clearFaults();
      rerun = await runAction(ACTION, {
        inputs,
        env: { ...env, GITHUB_RUN_ATTEMPT: '2' },
        timeoutMs: 60_000,
      });
      runs.all.push(rerun);
    }
    const inventory = sandbox.inventory();
    const released = [imageId, dbId].map(
      (id) =>
        fromAwsTags(
          Object.entries(inventory.find((i) => i.id === id)?.tags ?? {}).map(([Key, Value]) => ({
            Key,
            Value,
          })),
        )['immut:release'],
    );
    return {
      ...runs,
      sandbox,
      added: addedLive(sandbox, before),
      released,
      ...(rerun ? { rerun } : {}),
    };
  },
  orphans: {
    title:
      'leaves no orphan: creates no AWS resource; the release is complete on success or after the re-run',
    check(row, r) {
      // The GitHub slice's inventory holds the recorded release (intended); the AWS side gains
      // nothing but the replica's automated backup, which RDS takes by itself.
      const { 'db-snapshot': _automated, ...added } = r.added;
      expect(added).toEqual({ 'git-ref': 1, 'git-tag': 1, release: 1, 'release-asset': 1 });
      if (row.outcome === 'succeeds' || r.rerun) {
        if (r.rerun) expectCleanOutcome({ ...row, outcome: 'succeeds' }, { judged: r.rerun, all: [r.rerun] });
        expect(r.released).toEqual([RELEASE, RELEASE]);
      }
    },
  },
  secrets: { title: 'leaks no secret: the GitHub token is nowhere (logs, outputs, summary, tags, release)' },
});
