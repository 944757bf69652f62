// The launch's resource functions with the real SDK clients against the sandbox: servers
// spread over zones and idempotent through ClientToken, the capacity fallback, reuse only
// of this build's resources, and the post step's guard.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DeleteTagsCommand, EC2Client, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import {
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { Route53Client } from '@aws-sdk/client-route-53';
import { scaledClock } from '@immut/core/clock';
import type { CreatedResource } from '@immut/core/cleanup';
import type { Identity } from '@immut/core/identity';
import { loadBalancerName } from '@immut/core/naming';
import { standardTags, toAwsTags } from '@immut/core/tags';
import { SEED, startSandbox, type Sandbox } from '@immut/sandbox';
import { describeTargets, registerTargets, waitTargetsHealthy } from '../health.js';
import {
  CLIENT_TOKEN_MAX,
  clientToken,
  ensureServers,
  launchDigest,
  planBatches,
  type InstanceSpec,
} from '../instances.js';
import { ensureListener, ensureLoadBalancer, ensureTargetGroup } from '../load-balancer.js';
import { undoHandlers } from '../undo.js';

const SCALE = 2000;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const subnets = SEED.subnets.map((s) => ({ id: s.subnetId, zone: s.availabilityZone }));
const [A, B, C] = subnets.map((s) => s.id) as [string, string, string];
const id: Identity = { role: 'api', env: 'prod', build: 'b7' };
const provenance = { repository: 'o/r', sha: 'abc', runUrl: '' };
const tags = standardTags(id, provenance, 'immut/prod/api/b7');

let sandbox: Sandbox;
let ec2: EC2Client;
let elb: ElasticLoadBalancingV2Client;
let route53: Route53Client;

beforeAll(async () => {
  sandbox = await startSandbox({ timeScale: SCALE });
  const config = { endpoint: sandbox.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
  ec2 = new EC2Client(config);
  elb = new ElasticLoadBalancingV2Client(config);
  route53 = new Route53Client(config);
});

beforeEach(async () => {
  await sandbox.reset();
});

afterAll(async () => {
  ec2.destroy();
  elb.destroy();
  route53.destroy();
  await sandbox.stop();
});

function spec(count: number, over: Partial<InstanceSpec> = {}): InstanceSpec {
  return {
    imageId: 'ami-0a0000000000a2303',
    instanceType: 't3.small',
    count,
    subnets: subnets.slice(0, 2),
    securityGroupIds: [SEED.securityGroup.groupId],
    userDataBase64: Buffer.from('#!/bin/sh\n').toString('base64'),
    name: 'immut/prod/api/b7',
    ...over,
  };
}

function context(log: string[] = [], recorded: CreatedResource[] = []) {
  return {
    ec2,
    identity: id,
    region: 'us-east-1',
    tags,
    cleanup: { record: (r: CreatedResource) => void recorded.push(r) },
    log: (l: string) => void log.push(l),
    warn: (l: string) => void log.push(`warning: ${l}`),
  };
}

describe('planBatches', () => {
  it('spreads servers over the subnets, filling the emptiest first', () => {
    expect(planBatches(subnets, [], 5)).toEqual([
      { subnetId: A, slots: [0, 3] },
      { subnetId: B, slots: [1, 4] },
      { subnetId: C, slots: [2] },
    ]);
    expect(planBatches(subnets, [{ subnetId: A }, { subnetId: A }], 4)).toEqual([
      { subnetId: B, slots: [2] },
      { subnetId: C, slots: [3] },
    ]);
    expect(planBatches(subnets, [{ subnetId: A }], 1)).toEqual([]);
  });
});

describe('clientToken', () => {
  it('is deterministic, at most 64 characters, and differs per subnet, slots and release', () => {
    const long: Identity = { role: 'billing-worker-queue', env: 'production', build: 'b00000000042' };
    const token = clientToken(long, 'd'.repeat(16), A, [0, 1]);
    expect(token.length).toBeLessThanOrEqual(CLIENT_TOKEN_MAX);
    expect(clientToken(long, 'd'.repeat(16), A, [0, 1])).toBe(token);
    expect(clientToken(long, 'd'.repeat(16), B, [0, 1])).not.toBe(token);
    expect(clientToken(long, 'd'.repeat(16), A, [2])).not.toBe(token);
    expect(clientToken({ ...long, build: 'b00000000043' }, 'd'.repeat(16), A, [0, 1])).not.toBe(token);
    expect(
      clientToken(long, 'd'.repeat(16), A, [0, 1], '', {
        'immut:run': 'https://github.com/o/r/actions/runs/2',
      }),
    ).not.toBe(token);
  });
});

describe('ensureServers', () => {
  it('launches count servers over both zones, records each, and a second call finds them instead', async () => {
    const recorded: CreatedResource[] = [];
    const first = await ensureServers(context([], recorded), spec(3));
    expect(first.map((s) => s.zone).sort()).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b']);
    expect(recorded.map((r) => r.id).sort()).toEqual(first.map((s) => s.id).sort());
    const again = await ensureServers(context(), spec(3));
    expect(again.map((s) => s.id).sort()).toEqual(first.map((s) => s.id).sort());
    expect(again.every((s) => !s.created)).toBe(true);
  });

  it('gets the same servers back through its ClientToken when the describe does not show them', async () => {
    const first = await ensureServers(context(), spec(1));
    // As right after a launch (EC2 is eventually consistent): the servers cannot be found by tag.
    await ec2.send(new DeleteTagsCommand({ Resources: first.map((s) => s.id), Tags: [{ Key: 'Name' }] }));
    const second = await ensureServers(context(), spec(1));
    expect(second.map((s) => s.id)).toEqual(first.map((s) => s.id));
    const tokens = sandbox
      .calls()
      .filter((c) => c.operation === 'RunInstances')
      .map((c) => c.params['ClientToken']);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).toBe(tokens[0]);
    expect(String(tokens[0])).toMatch(/^immut-b7-[0-9a-f]{32}$/);
  });

  it('launches anew when its ClientToken belongs to servers a cleanup terminated', async () => {
    const first = await ensureServers(context(), spec(1));
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: first.map((s) => s.id) }));
    const log: string[] = [];
    const second = await ensureServers(context(log), spec(1));
    expect(second[0]?.id).not.toBe(first[0]?.id);
    expect(log.some((l) => /belongs to servers already removed/.test(l))).toBe(true);
  });

  it('moves a batch to the next subnet when its zone has no capacity, and fails when none has', async () => {
    sandbox.addFaults([
      {
        service: 'ec2',
        operation: 'RunInstances',
        error: 'InsufficientInstanceCapacity',
        match: { SubnetId: A },
      },
    ]);
    const log: string[] = [];
    const servers = await ensureServers(context(log), spec(2));
    expect(servers.map((s) => s.subnetId)).toEqual([B, B]);
    expect(log.some((l) => l.startsWith(`warning: No capacity for 1 × t3.small in ${A}`))).toBe(true);
    await sandbox.reset();
    sandbox.addFaults([{ service: 'ec2', operation: 'RunInstances', error: 'InsufficientInstanceCapacity' }]);
    await expect(ensureServers(context(), spec(2))).rejects.toThrow(
      new RegExp(
        `no capacity for t3.small in any of the subnets \\(${A} \\(us-east-1a\\), ${B} \\(us-east-1b\\)\\)`,
      ),
    );
  });

  it('refuses to mix servers of other launch settings into the build', async () => {
    await ensureServers(context(), spec(1));
    const digest = launchDigest(spec(1, { instanceType: 't3.large' }));
    expect(digest).not.toBe(launchDigest(spec(1)));
    await expect(ensureServers(context(), spec(2, { instanceType: 't3.large' }))).rejects.toThrow(
      /Build b7 already has servers launched with other settings/,
    );
  });
});

const elbContext = (recorded: CreatedResource[] = []) => ({
  elb,
  identity: id,
  region: 'us-east-1',
  tagsFor: (name: string) => standardTags(id, provenance, name),
  cleanup: { record: (r: CreatedResource) => void recorded.push(r) },
  log: () => undefined,
});
const lbSpec = {
  name: loadBalancerName(id),
  scheme: 'internet-facing' as const,
  subnets: [A, B],
  securityGroups: [SEED.securityGroup.groupId],
};

describe('ensureLoadBalancer', () => {
  it('creates and records it once; a second call reuses it without recording', async () => {
    const recorded: CreatedResource[] = [];
    const lb = await ensureLoadBalancer(elbContext(recorded), lbSpec);
    const again = await ensureLoadBalancer(elbContext(recorded), lbSpec);
    expect(again).toMatchObject({ arn: lb.arn, created: false });
    expect(recorded).toEqual([{ kind: 'load-balancer', id: lb.arn, region: 'us-east-1' }]);
  });

  it('refuses a load balancer of its name that immut did not make, or that another build made', async () => {
    await elb.send(new CreateLoadBalancerCommand({ Name: lbSpec.name, Subnets: [A, B] }));
    await expect(ensureLoadBalancer(elbContext(), lbSpec)).rejects.toThrow(
      /has no immut:managed-by=immut tag/,
    );
    await sandbox.reset();
    const other = standardTags({ ...id, build: 'b8' }, provenance, lbSpec.name);
    await elb.send(
      new CreateTargetGroupCommand({
        Name: lbSpec.name,
        Protocol: 'HTTP',
        Port: 80,
        VpcId: SEED.vpc.vpcId,
        Tags: toAwsTags(other),
      }),
    );
    await expect(
      ensureTargetGroup(elbContext(), {
        name: lbSpec.name,
        port: 80,
        vpcId: SEED.vpc.vpcId,
        health: {
          path: '/',
          intervalSeconds: 30,
          healthyThreshold: 5,
          unhealthyThreshold: 2,
          matcher: '200',
        },
      }),
    ).rejects.toThrow(/belongs to build 'b8', not 'b7'/);
  });

  it('refuses to reuse its load balancer with other settings', async () => {
    await ensureLoadBalancer(elbContext(), lbSpec);
    await expect(ensureLoadBalancer(elbContext(), { ...lbSpec, scheme: 'internal' })).rejects.toThrow(
      /already exists with other settings/,
    );
  });
});

describe('waitTargetsHealthy', () => {
  it("times out with each target's state and reason", async () => {
    sandbox.addFaults([{ kind: 'target-never-healthy' }]);
    const ctx = elbContext();
    const lb = await ensureLoadBalancer(ctx, lbSpec);
    const health = {
      path: '/',
      intervalSeconds: 5,
      healthyThreshold: 2,
      unhealthyThreshold: 2,
      matcher: '200',
    };
    const tg = await ensureTargetGroup(ctx, { name: lbSpec.name, port: 8080, vpcId: SEED.vpc.vpcId, health });
    await ensureListener(ctx, { loadBalancerArn: lb.arn, targetGroupArn: tg.arn, name: lbSpec.name });
    const servers = await ensureServers(context(), spec(1));
    sandbox.advance(60_000);
    await registerTargets(
      elb,
      tg.arn,
      servers.map((s) => s.id),
      8080,
    );
    const clock = scaledClock(SCALE);
    const log: string[] = [];
    await expect(
      waitTargetsHealthy(
        elb,
        tg.arn,
        servers.map((s) => s.id),
        8080,
        { clock, log: (l) => log.push(l), remaining: () => 10 * 60_000 },
      ),
    ).rejects.toThrow(
      new RegExp(`still 0/1 healthy: ${servers[0]?.id} unhealthy \\(Target.Timeout: Request timed out\\)`),
    );
    // Progress lines while waiting, each with every target's state.
    expect(log.some((l) => /health check: 0\/1 healthy: i-\S+ (initial|unhealthy) \(/.test(l))).toBe(true);
  });

  it('describes targets one by one', () => {
    expect(
      describeTargets([
        { id: 'i-1', zone: 'a', state: 'healthy' },
        { id: 'i-2', zone: 'b', state: 'unused', reason: 'Target.NotInUse' },
      ]),
    ).toBe('i-1 healthy, i-2 unused (Target.NotInUse)');
  });
});

describe('undo handlers', () => {
  const clients = { ec2: () => ec2, elb: () => elb, route53: () => route53 };
  const handlers = () => undoHandlers(id, clients, scaledClock(SCALE), () => undefined);

  it('remove this build’s load balancer and servers, and count what is already gone as removed', async () => {
    const lb = await ensureLoadBalancer(elbContext(), lbSpec);
    const [server] = await ensureServers(context(), spec(1));
    await handlers()['instance']!({ kind: 'instance', id: server!.id, region: 'us-east-1' });
    await handlers()['load-balancer']!({ kind: 'load-balancer', id: lb.arn, region: 'us-east-1' });
    await handlers()['load-balancer']!({ kind: 'load-balancer', id: lb.arn, region: 'us-east-1' });
    const live = sandbox
      .inventory()
      .filter((i) => i.kind === 'load-balancer' || (i.kind === 'instance' && i.state === 'running'));
    expect(live).toEqual([]);
  });

  it("refuse another build's resources, whatever the saved state says", async () => {
    const otherBuild: Identity = { ...id, build: 'b8' };
    const lb = await ensureLoadBalancer(
      { ...elbContext(), identity: otherBuild, tagsFor: (n) => standardTags(otherBuild, provenance, n) },
      { ...lbSpec, name: loadBalancerName(otherBuild) },
    );
    await expect(
      handlers()['load-balancer']!({ kind: 'load-balancer', id: lb.arn, region: 'us-east-1' }),
    ).rejects.toThrow(/belongs to build 'b8', not 'b7'/);
    expect(sandbox.inventory().filter((i) => i.kind === 'load-balancer')).toHaveLength(1);
  });
});
