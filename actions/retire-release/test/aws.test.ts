// Discovery and the guard against the sandbox, with the unmodified SDK clients.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateLoadBalancerCommand,
  DescribeLoadBalancersCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { RDSClient } from '@aws-sdk/client-rds';
import { type Clients, launchBuild, sdkClients, settle, zoneId } from '@immut/test-support/builds-behind-lb';
import { scaledClock } from '@immut/core/clock';
import { GuardError } from '@immut/core/errors';
import { TAG } from '@immut/core/tags';
import { deadlineFrom } from '@immut/core/wait';
import { SEED, startSandbox, type Sandbox } from '@immut/sandbox';
import { discover } from '../discover.js';
import { retireBuild } from '../retire.js';

const who = { role: 'api', env: 'prod' };
let sandbox: Sandbox;
let c: Clients;
let rds: RDSClient;

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: 1000 });
  c = sdkClients(sandbox);
  rds = new RDSClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await launchBuild(sandbox, c, { ...who, build: 'b1' });
  await launchBuild(sandbox, c, { role: 'web', env: 'prod', build: 'b1' });
  await c.elb.send(
    new CreateLoadBalancerCommand({
      Name: 'prod-api-b2',
      Subnets: [SEED.subnets[0]!.subnetId, SEED.subnets[1]!.subnetId],
      Tags: [
        { Key: TAG.role, Value: 'api' },
        { Key: TAG.env, Value: 'prod' },
        { Key: TAG.build, Value: 'b2' },
      ],
    }),
  );
  await settle(sandbox);
});

afterAll(async () => {
  c.destroy();
  rds.destroy();
  await sandbox.stop();
});

describe('discover', () => {
  it('finds the builds of the role and env by immut tags only, ignoring look-alike names', async () => {
    const inventory = await discover({ autoscaling: c.autoscaling, ec2: c.ec2, elb: c.elb, rds }, who);
    expect(inventory.builds.map((b) => b.build)).toEqual(['b1']);
    const [b1] = inventory.builds;
    expect(b1?.loadBalancers.map((lb) => lb.name)).toEqual(['prod-api-b1']);
    expect(b1?.loadBalancers[0]?.listenerArns).toHaveLength(1);
    expect(b1?.targetGroups.map((tg) => tg.deregistrationDelayMs)).toEqual([300_000]);
    expect(b1?.instances).toHaveLength(1);
  });
});

describe('retireBuild', () => {
  it('refuses a build with a resource immut does not manage and deletes nothing of it', async () => {
    const inventory = await discover({ autoscaling: c.autoscaling, ec2: c.ec2, elb: c.elb, rds }, who);
    const resources = inventory.builds.find((b) => b.build === 'b1')!;
    const b1 = { build: 'b1', release: 'api-b1', retire: true, reason: 'test', resources };
    // As if the instance's managed-by tag had been removed after discovery.
    const { [TAG.managedBy]: _removed, ...tags } = b1.resources.instances[0]!.tags;
    b1.resources.instances[0] = { ...b1.resources.instances[0]!, tags };
    const clock = scaledClock(1000);
    const ctx = {
      clients: { autoscaling: c.autoscaling, ec2: c.ec2, elb: c.elb, rds, route53: c.route53 },
      who,
      zone: { id: await zoneId(c), name: 'example.test', privateZone: false },
      clock,
      deadline: deadlineFrom(clock, 60_000),
      log: () => undefined,
      finalSnapshot: false,
      name: 'api.prod.example.test',
      run: '',
      build: 'b9',
      readLive: () => Promise.reject(new Error('not read in this test')),
      inventory,
      settings: { keep: 1, keepImages: 0 },
    };
    await expect(retireBuild(ctx, b1)).rejects.toThrow(GuardError);
    const lbs = await c.elb.send(new DescribeLoadBalancersCommand({}));
    expect(lbs.LoadBalancers?.map((lb) => lb.LoadBalancerName).sort()).toEqual([
      'prod-api-b1',
      'prod-api-b2',
      'prod-web-b1',
    ]);
  });
});
