// Reads of known ids as filters, with the real EC2 client against the sandbox: what they
// return for known and unknown ids, and that they draw from EC2's bucket for filtered reads,
// not the smaller one for reads with neither a filter nor pagination.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { SEED, startSandbox, type Sandbox } from '@immut/sandbox';
import { instanceById, securityGroupsById } from '../src/ec2-by-id.js';

/** Sandbox time nearly stands still, so no bucket refills during a burst. */
const FROZEN = 0.000_001;

let sandbox: Sandbox;
let ec2: EC2Client;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, timeScale: FROZEN, rateLimits: true });
  ec2 = new EC2Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  ec2.destroy();
  await sandbox.stop();
});

async function throttledIn(n: number, call: () => Promise<unknown>): Promise<number> {
  let refused = 0;
  for (let i = 0; i < n; i++) {
    try {
      await call();
    } catch (error) {
      if ((error as Error).name !== 'RequestLimitExceeded') throw error;
      refused++;
    }
  }
  return refused;
}

describe('instanceById', () => {
  it('returns the instance with the id, and undefined for an id EC2 does not list', async () => {
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: SEED.images[0]?.imageId,
        MinCount: 1,
        MaxCount: 1,
        InstanceType: 't3.micro',
      }),
    );
    const id = run.Instances?.[0]?.InstanceId ?? '';
    expect((await instanceById(ec2, id))?.InstanceId).toBe(id);
    await expect(instanceById(ec2, 'i-0deadbeefdeadbeef')).resolves.toBeUndefined();
  });

  it('is not throttled where the same reads by InstanceIds are (burst 50, not 100)', async () => {
    const id = 'i-0deadbeefdeadbeef';
    expect(await throttledIn(60, () => instanceById(ec2, id))).toBe(0);
    const byIds = () =>
      ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] })).catch((error: Error) => {
        if (error.name === 'InvalidInstanceID.NotFound') return undefined;
        throw error;
      });
    expect(await throttledIn(60, byIds)).toBe(10);
  });
});

describe('securityGroupsById', () => {
  it('returns the groups found and names the ids that are not', async () => {
    const known = SEED.securityGroup.groupId;
    const { groups, missing } = await securityGroupsById(ec2, [known, 'sg-0deadbeefdeadbeef']);
    expect(groups.map((g) => g.GroupId)).toEqual([known]);
    expect(missing).toEqual(['sg-0deadbeefdeadbeef']);
  });
});
