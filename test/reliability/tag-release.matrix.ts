// Reliability matrix of tag-release: one row per fault, each on its own sandbox holding what
// bake-image and replicate-data leave (tag-release's fixtures). tag-release creates no AWS
// resource (it tags them) and waits for nothing, so it has no cancellation row; its failure
// rows prove it stops cleanly and that a re-run completes the release. See README.md.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeDb, makeImage, releaseInputs } from '../../actions/tag-release/test/fixtures.js';
import { fromAwsTags } from '../../packages/core/src/tags.js';
import type { FaultSpec, Sandbox } from '../../packages/sandbox/src/index.js';
import { runAction, runActionWithPost } from '../harness/run-action.js';
import { sandboxEnv, startE2eSandbox } from '../support/sandbox.js';
import {
  ALWAYS_SECRET,
  addedLive,
  expectCleanOutcome,
  inventoryKeys,
  secretLeaks,
  startRows,
  type RowRuns,
  type RowSpec,
} from './support.js';

const ACTION = 'tag-release';
const ID = { role: 'api', env: 'prod', build: 'b000042' };
const RELEASE = 'api-b000042';

interface TagRow extends RowSpec {
  faults: FaultSpec[];
  /** For failure rows: the same run again without the fault must complete the release. */
  rerun?: boolean;
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
    rerun: true,
    faults: [{ service: 'ec2', operation: 'CreateTags', error: 'InternalError' }],
  },
  {
    name: 'internal-addtags',
    fault: 'InternalError on every AddTagsToResource, then a re-run without it',
    outcome: 'fails',
    rerun: true,
    faults: [{ service: 'rds', operation: 'AddTagsToResource', error: 'InternalError' }],
  },
];

const sandboxes: Sandbox[] = [];

interface Result extends RowRuns {
  sandbox: Sandbox;
  added: Record<string, number>;
  /** The re-run without the fault, for failure rows. */
  rerun?: RowRuns['judged'];
  /** immut:release on the image and the replica at the end. */
  released: Array<string | undefined>;
}

async function runRow(row: TagRow): Promise<Result> {
  const sandbox = await startE2eSandbox();
  sandboxes.push(sandbox);
  const imageId = await makeImage(sandbox, { ...ID, build: 'b000041' });
  const dbId = await makeDb(sandbox, ID, undefined, { withRelease: false });
  const before = inventoryKeys(sandbox);
  sandbox.addFaults(row.faults);
  const env = { ...sandboxEnv(sandbox), GITHUB_API_URL: sandbox.endpoint };
  const inputs = releaseInputs(imageId, dbId);
  const { main, post } = await runActionWithPost(ACTION, { inputs, env, timeoutMs: 60_000 });
  const all = [main, ...(post ? [post] : [])];
  let rerun;
  if (row.rerun) {
    sandbox.clearFaults();
    rerun = await runAction(ACTION, { inputs, env: { ...env, GITHUB_RUN_ATTEMPT: '2' }, timeoutMs: 60_000 });
    all.push(rerun);
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
    judged: main,
    all,
    sandbox,
    added: addedLive(sandbox, before),
    released,
    ...(rerun ? { rerun } : {}),
  };
}

let results: Map<string, Promise<Result>>;
beforeAll(() => {
  results = startRows(ROWS, runRow);
});

afterAll(async () => {
  await Promise.allSettled([...(results?.values() ?? [])]);
  await Promise.all(sandboxes.map((s) => s.stop()));
});

describe.each(ROWS)('tag-release under $fault', (row) => {
  it(row.outcome === 'succeeds' ? 'succeeds after retries' : 'fails with one clear error', async () => {
    const r = await results.get(row.name)!;
    expectCleanOutcome(row, r);
  });

  it('leaves no orphan: creates no AWS resource; the release is complete on success or after the re-run', async () => {
    const r = await results.get(row.name)!;
    // The GitHub slice's inventory holds the recorded release (intended); the AWS side gains
    // nothing but the replica's automated backup, which RDS takes by itself.
    const { 'db-snapshot': _automated, ...added } = r.added;
    expect(added).toEqual({ 'git-ref': 1, 'git-tag': 1, release: 1, 'release-asset': 1 });
    if (row.outcome === 'succeeds' || r.rerun) {
      if (r.rerun) expectCleanOutcome({ ...row, outcome: 'succeeds' }, { judged: r.rerun, all: [r.rerun] });
      expect(r.released).toEqual([RELEASE, RELEASE]);
    }
  });

  it('leaks no secret: the GitHub token is nowhere (logs, outputs, summary, tags, release)', async () => {
    const r = await results.get(row.name)!;
    expect(secretLeaks(ALWAYS_SECRET, r.all, r.sandbox)).toEqual([]);
  });
});
