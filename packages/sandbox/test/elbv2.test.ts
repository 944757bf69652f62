// ELBv2 over HTTP with the real SDK client: load balancers, target groups, listeners,
// targets and their health in sandbox time, tags, attributes, the waiters and the
// target-never-healthy fault. Instances come from the sandbox's EC2.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  AddTagsCommand,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeleteListenerCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DeregisterTargetsCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyTargetGroupAttributesCommand,
  RegisterTargetsCommand,
  RemoveTagsCommand,
  waitUntilLoadBalancerAvailable,
  waitUntilTargetInService,
  type Tag,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { SEED, startSandbox, type Sandbox } from '../src/index.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const subnets = SEED.subnets.map((s) => s.subnetId);
const vpcId = SEED.vpc.vpcId;

let sandbox: Sandbox;
let elb: ElasticLoadBalancingV2Client;
let ec2: EC2Client;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, timeScale: 1 });
  elb = new ElasticLoadBalancingV2Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
  ec2 = new EC2Client({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials });
});

afterAll(async () => {
  elb.destroy();
  ec2.destroy();
  await sandbox.stop();
});

async function failure(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

async function runInstances(client: EC2Client, count = 1): Promise<string[]> {
  const out = await client.send(
    new RunInstancesCommand({
      ImageId: SEED.images[0]!.imageId,
      InstanceType: 't3.micro',
      MinCount: count,
      MaxCount: count,
      SubnetId: subnets[0],
    }),
  );
  return out.Instances!.map((i) => i.InstanceId!);
}

const createLb = (
  Name: string,
  extra: Partial<ConstructorParameters<typeof CreateLoadBalancerCommand>[0]> = {},
) =>
  elb
    .send(
      new CreateLoadBalancerCommand({
        Name,
        Subnets: subnets.slice(0, 2),
        SecurityGroups: [SEED.securityGroup.groupId],
        ...extra,
      }),
    )
    .then((o) => o.LoadBalancers![0]!);
const createTg = (
  Name: string,
  extra: Partial<ConstructorParameters<typeof CreateTargetGroupCommand>[0]> = {},
) =>
  elb
    .send(new CreateTargetGroupCommand({ Name, Protocol: 'HTTP', Port: 8080, VpcId: vpcId, ...extra }))
    .then((o) => o.TargetGroups![0]!);
const forwardTo = (LoadBalancerArn: string, TargetGroupArn: string, Port = 80) =>
  elb
    .send(
      new CreateListenerCommand({
        LoadBalancerArn,
        Protocol: 'HTTP',
        Port,
        DefaultActions: [{ Type: 'forward', TargetGroupArn }],
      }),
    )
    .then((o) => o.Listeners![0]!);
const healthOf = async (TargetGroupArn: string, Id?: string) => {
  const out = await elb.send(
    new DescribeTargetHealthCommand({ TargetGroupArn, ...(Id ? { Targets: [{ Id }] } : {}) }),
  );
  return out.TargetHealthDescriptions!.map((d) => ({ id: d.Target!.Id, ...d.TargetHealth }));
};

describe('load balancers', () => {
  it('creates an ALB: provisioning, DNS name, per-region zone id, zones; active after the delay', async () => {
    const lb = await createLb('web-lb', { Tags: [{ Key: 'app', Value: 'web' }] });
    expect(lb.LoadBalancerArn).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/web-lb\/[0-9a-f]{16}$/,
    );
    expect(lb.DNSName).toMatch(/^web-lb-\d{10}\.us-east-1\.elb\.amazonaws\.com$/);
    expect(lb.CanonicalHostedZoneId).toBe('Z35SXDOTRQ7X7K');
    expect(lb.State?.Code).toBe('provisioning');
    expect(lb.Scheme).toBe('internet-facing');
    expect(lb.Type).toBe('application');
    expect(lb.VpcId).toBe(vpcId);
    expect(lb.AvailabilityZones?.map((z) => z.ZoneName)).toEqual(['us-east-1a', 'us-east-1b']);
    expect(lb.CreatedTime).toBeInstanceOf(Date);
    sandbox.advance(5 * 60_000);
    const [now] = (await elb.send(new DescribeLoadBalancersCommand({ Names: ['web-lb'] }))).LoadBalancers!;
    expect(now?.State?.Code).toBe('active');
  });

  it('gives internal load balancers the internal- DNS prefix', async () => {
    const lb = await createLb('inner-lb', { Scheme: 'internal' });
    expect(lb.DNSName).toMatch(/^internal-inner-lb-\d{10}\.us-east-1\.elb\.amazonaws\.com$/);
  });

  it.each([
    ['a'.repeat(33), "cannot be longer than '32' characters"],
    ['under_score', 'alphanumeric characters or hyphens'],
    ['-lead', 'cannot begin or end with a hyphen'],
    ['trail-', 'cannot begin or end with a hyphen'],
    ['internal-lb', "cannot begin with 'internal-'"],
  ])('refuses the name %s with ValidationError', async (name, text) => {
    const err = await failure(createLb(name));
    expect(err.name).toBe('ValidationError');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    expect(err.message).toContain(text);
  });

  it('accepts a 32-character name', async () => {
    await createLb('b'.repeat(32));
  });

  it('needs subnets in two zones, all known', async () => {
    const one = await failure(createLb('one-subnet', { Subnets: [subnets[0]!] }));
    expect(one.name).toBe('ValidationError');
    expect(one.message).toBe('At least two subnets in two different Availability Zones must be specified');
    const unknown = await failure(
      createLb('bad-subnet', { Subnets: [subnets[0]!, 'subnet-0000000000000dead'] }),
    );
    expect(unknown.name).toBe('SubnetNotFoundException');
  });

  it('is idempotent by name with the same settings; different settings are a duplicate', async () => {
    const first = await createLb('same-lb');
    const again = await createLb('same-lb');
    expect(again.LoadBalancerArn).toBe(first.LoadBalancerArn);
    const err = await failure(createLb('same-lb', { Subnets: subnets }));
    expect(err.name).toBe('DuplicateLoadBalancerNameException');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  });

  it('describes by ARN and name; unknown ones are LoadBalancerNotFound', async () => {
    const lb = await createLb('find-me');
    const byArn = await elb.send(
      new DescribeLoadBalancersCommand({ LoadBalancerArns: [lb.LoadBalancerArn!] }),
    );
    expect(byArn.LoadBalancers?.map((x) => x.LoadBalancerName)).toEqual(['find-me']);
    const missing = await failure(
      elb.send(new DescribeLoadBalancersCommand({ Names: ['find-me', 'not-there'] })),
    );
    expect(missing.name).toBe('LoadBalancerNotFoundException');
    expect(missing.message).toContain('not-there');
    const badArn = await failure(
      elb.send(
        new DescribeLoadBalancersCommand({
          LoadBalancerArns: [lb.LoadBalancerArn!.replace(/[0-9a-f]{16}$/, '0000000000000000')],
        }),
      ),
    );
    expect(badArn.name).toBe('LoadBalancerNotFoundException');
  });

  it('pages with PageSize and Marker', async () => {
    const all = (await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers!.map(
      (x) => x.LoadBalancerArn,
    );
    expect(all.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let Marker: string | undefined;
    do {
      const out = await elb.send(new DescribeLoadBalancersCommand({ PageSize: 2, Marker }));
      expect(out.LoadBalancers!.length).toBeLessThanOrEqual(2);
      seen.push(...out.LoadBalancers!.map((x) => x.LoadBalancerArn!));
      Marker = out.NextMarker;
    } while (Marker);
    expect(seen).toEqual(all);
    expect((await failure(elb.send(new DescribeLoadBalancersCommand({ PageSize: 401 })))).name).toBe(
      'ValidationError',
    );
  });

  it('deletes idempotently, with its listeners', async () => {
    const lb = await createLb('gone-lb');
    const tg = await createTg('gone-tg');
    const listener = await forwardTo(lb.LoadBalancerArn!, tg.TargetGroupArn!);
    await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    await elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    expect((await failure(elb.send(new DescribeLoadBalancersCommand({ Names: ['gone-lb'] })))).name).toBe(
      'LoadBalancerNotFoundException',
    );
    expect(
      (await failure(elb.send(new DescribeListenersCommand({ ListenerArns: [listener.ListenerArn!] })))).name,
    ).toBe('ListenerNotFoundException');
    // The target group is free again.
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn }));
  });
});

describe('target groups and listeners', () => {
  it('creates a target group with AWS health-check defaults', async () => {
    const tg = await createTg('defaults-tg');
    expect(tg).toMatchObject({
      TargetGroupName: 'defaults-tg',
      Protocol: 'HTTP',
      Port: 8080,
      VpcId: vpcId,
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckEnabled: true,
      HealthCheckPath: '/',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200' },
      TargetType: 'instance',
      LoadBalancerArns: [],
    });
    expect(tg.TargetGroupArn).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/defaults-tg\/[0-9a-f]{16}$/,
    );
  });

  it('applies the name rules (internal- allowed) and refuses duplicates with other settings', async () => {
    expect((await failure(createTg('x'.repeat(33)))).name).toBe('ValidationError');
    expect((await failure(createTg('bad_name'))).name).toBe('ValidationError');
    expect((await failure(createTg('bad-'))).name).toBe('ValidationError');
    await createTg('internal-ok');
    const first = await createTg('dup-tg');
    expect((await createTg('dup-tg')).TargetGroupArn).toBe(first.TargetGroupArn);
    const err = await failure(createTg('dup-tg', { Port: 9090 }));
    expect(err.name).toBe('DuplicateTargetGroupNameException');
    const badHc = await failure(
      createTg('bad-hc', { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 5 }),
    );
    expect(badHc.name).toBe('ValidationError');
  });

  it('describes target groups by name, ARN and load balancer', async () => {
    const lb = await createLb('tg-lb');
    const tg = await createTg('tg-of-lb');
    await forwardTo(lb.LoadBalancerArn!, tg.TargetGroupArn!);
    const byLb = await elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    expect(byLb.TargetGroups?.map((t) => t.TargetGroupName)).toEqual(['tg-of-lb']);
    expect(byLb.TargetGroups?.[0]?.LoadBalancerArns).toEqual([lb.LoadBalancerArn]);
    const byArn = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tg.TargetGroupArn!] }));
    expect(byArn.TargetGroups?.[0]?.TargetGroupName).toBe('tg-of-lb');
    const missing = await failure(elb.send(new DescribeTargetGroupsCommand({ Names: ['no-such-tg'] })));
    expect(missing.name).toBe('TargetGroupNotFoundException');
    const page = await elb.send(new DescribeTargetGroupsCommand({ PageSize: 1 }));
    expect(page.TargetGroups).toHaveLength(1);
    expect(page.NextMarker).toBeDefined();
  });

  it('will not delete a target group a listener uses (ResourceInUse); deletes it once free', async () => {
    const lb = await createLb('inuse-lb');
    const tg = await createTg('inuse-tg');
    const listener = await forwardTo(lb.LoadBalancerArn!, tg.TargetGroupArn!);
    const err = await failure(elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn })));
    expect(err.name).toBe('ResourceInUseException');
    await elb.send(new DeleteListenerCommand({ ListenerArn: listener.ListenerArn }));
    await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn }));
    expect(
      (await failure(elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tg.TargetGroupArn!] }))))
        .name,
    ).toBe('TargetGroupNotFoundException');
    expect(
      (await failure(elb.send(new DeleteListenerCommand({ ListenerArn: listener.ListenerArn })))).name,
    ).toBe('ListenerNotFoundException');
  });

  it('creates HTTP and HTTPS listeners; HTTPS needs a certificate; describes them', async () => {
    const lb = await createLb('listen-lb');
    const tg = await createTg('listen-tg');
    const http = await forwardTo(lb.LoadBalancerArn!, tg.TargetGroupArn!);
    expect(http.ListenerArn).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:listener\/app\/listen-lb\/[0-9a-f]{16}\/[0-9a-f]{16}$/,
    );
    expect(http.DefaultActions?.[0]).toMatchObject({
      Type: 'forward',
      TargetGroupArn: tg.TargetGroupArn,
      ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg.TargetGroupArn, Weight: 1 }] },
    });
    const noCert = await failure(
      elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Protocol: 'HTTPS',
          Port: 443,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }],
        }),
      ),
    );
    expect(noCert.name).toBe('ValidationError');
    const https = await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Protocol: 'HTTPS',
        Port: 443,
        Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }],
        DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }],
      }),
    );
    expect(https.Listeners?.[0]?.SslPolicy).toBeDefined();
    const listed = await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
    expect(listed.Listeners?.map((l) => `${l.Protocol}:${l.Port}`)).toEqual(['HTTP:80', 'HTTPS:443']);
    const dup = await failure(
      elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
        }),
      ),
    );
    expect(dup.name).toBe('DuplicateListenerException');
    const noTg = await failure(
      forwardTo(lb.LoadBalancerArn!, tg.TargetGroupArn!.replace(/[0-9a-f]{16}$/, '0000000000000000'), 8081),
    );
    expect(noTg.name).toBe('TargetGroupNotFoundException');
    const noLb = await failure(
      forwardTo(lb.LoadBalancerArn!.replace(/[0-9a-f]{16}$/, '0000000000000000'), tg.TargetGroupArn!, 8082),
    );
    expect(noLb.name).toBe('LoadBalancerNotFoundException');
  });
});

describe('targets and health', () => {
  let instance: string;
  let stopped: string;
  beforeAll(async () => {
    [instance, stopped] = (await runInstances(ec2, 2)) as [string, string];
    sandbox.advance(60_000);
    await ec2.send(new StopInstancesCommand({ InstanceIds: [stopped] }));
    sandbox.advance(120_000);
  });

  it('registers only running instances (InvalidTarget otherwise)', async () => {
    const tg = await createTg('reg-tg');
    const err = await failure(
      elb.send(new RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: stopped }] })),
    );
    expect(err.name).toBe('InvalidTargetException');
    expect(err.message).toContain(stopped);
    const unknown = await failure(
      elb.send(
        new RegisterTargetsCommand({
          TargetGroupArn: tg.TargetGroupArn,
          Targets: [{ Id: 'i-0000000000000dead' }],
        }),
      ),
    );
    expect(unknown.name).toBe('InvalidTargetException');
    const noTg = await failure(
      elb.send(
        new RegisterTargetsCommand({
          TargetGroupArn: tg.TargetGroupArn!.replace(/[0-9a-f]{16}$/, '0000000000000000'),
          Targets: [{ Id: instance }],
        }),
      ),
    );
    expect(noTg.name).toBe('TargetGroupNotFoundException');
  });

  it('goes unused (NotInUse) → initial → healthy after a listener, an active LB and one check interval', async () => {
    const tg = await createTg('health-tg');
    await elb.send(
      new RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: instance }] }),
    );
    expect(await healthOf(tg.TargetGroupArn!)).toEqual([
      { id: instance, State: 'unused', Reason: 'Target.NotInUse', Description: expect.any(String) },
    ]);
    const lb = await createLb('health-lb');
    await forwardTo(lb.LoadBalancerArn!, tg.TargetGroupArn!);
    expect((await healthOf(tg.TargetGroupArn!))[0]).toMatchObject({
      State: 'initial',
      Reason: 'Elb.RegistrationInProgress',
    });
    sandbox.advance(3 * 60_000 + 20_000); // LB active, registration done, first check pending
    expect((await healthOf(tg.TargetGroupArn!))[0]).toMatchObject({
      State: 'initial',
      Reason: 'Elb.InitialHealthChecking',
    });
    sandbox.advance(30_000);
    expect(await healthOf(tg.TargetGroupArn!)).toEqual([{ id: instance, State: 'healthy' }]);
    const described = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn }));
    expect(described.TargetHealthDescriptions?.[0]).toMatchObject({
      Target: { Id: instance, Port: 8080, AvailabilityZone: 'us-east-1a' },
      HealthCheckPort: '8080',
    });
  });

  it('drains a deregistered target for the deregistration delay, then forgets it', async () => {
    const tg = await createTg('drain-tg');
    const lb = await createLb('drain-lb');
    await forwardTo(lb.LoadBalancerArn!, tg.TargetGroupArn!);
    await elb.send(
      new ModifyTargetGroupAttributesCommand({
        TargetGroupArn: tg.TargetGroupArn,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
      }),
    );
    await elb.send(
      new RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: instance }] }),
    );
    sandbox.advance(5 * 60_000);
    expect((await healthOf(tg.TargetGroupArn!))[0]?.State).toBe('healthy');
    await elb.send(
      new DeregisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: instance }] }),
    );
    expect(await healthOf(tg.TargetGroupArn!)).toEqual([
      {
        id: instance,
        State: 'draining',
        Reason: 'Target.DeregistrationInProgress',
        Description: expect.any(String),
      },
    ]);
    sandbox.advance(31_000);
    expect(await healthOf(tg.TargetGroupArn!)).toEqual([]);
    expect(await healthOf(tg.TargetGroupArn!, instance)).toEqual([
      { id: instance, State: 'unused', Reason: 'Target.NotRegistered', Description: expect.any(String) },
    ]);
    const again = await failure(
      elb.send(
        new DeregisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: instance }] }),
      ),
    );
    expect(again.name).toBe('InvalidTargetException');
  });

  it('reports a target whose instance stopped as unused (Target.InvalidState)', async () => {
    const [id] = (await runInstances(ec2)) as [string];
    sandbox.advance(60_000);
    const tg = await createTg('stop-tg');
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: id }] }));
    await ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
    sandbox.advance(120_000);
    expect((await healthOf(tg.TargetGroupArn!))[0]).toMatchObject({
      State: 'unused',
      Reason: 'Target.InvalidState',
    });
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
  });

  it('the target-never-healthy fault makes matching targets unhealthy (Target.Timeout)', async () => {
    const tg = await createTg('sick-tg');
    const well = await createTg('well-tg');
    const lb = await createLb('sick-lb');
    await forwardTo(lb.LoadBalancerArn!, tg.TargetGroupArn!, 80);
    await forwardTo(lb.LoadBalancerArn!, well.TargetGroupArn!, 81);
    sandbox.addFaults([{ kind: 'target-never-healthy', match: { targetGroupArn: tg.TargetGroupArn! } }]);
    await elb.send(
      new RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: instance }] }),
    );
    await elb.send(
      new RegisterTargetsCommand({ TargetGroupArn: well.TargetGroupArn, Targets: [{ Id: instance }] }),
    );
    sandbox.advance(10 * 60_000);
    expect(await healthOf(tg.TargetGroupArn!)).toEqual([
      { id: instance, State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' },
    ]);
    expect((await healthOf(well.TargetGroupArn!))[0]?.State).toBe('healthy');
    sandbox.advance(10 * 60_000);
    expect((await healthOf(tg.TargetGroupArn!))[0]?.State).toBe('unhealthy');
    sandbox.clearFaults();
  });
});

describe('tags and attributes', () => {
  it('adds, describes and removes tags on load balancers, target groups and listeners', async () => {
    const lb = await createLb('tag-lb', { Tags: [{ Key: 'Name', Value: 'tag-lb' }] });
    const tg = await createTg('tag-tg');
    const listener = await forwardTo(lb.LoadBalancerArn!, tg.TargetGroupArn!);
    const arns = [lb.LoadBalancerArn!, tg.TargetGroupArn!, listener.ListenerArn!];
    await elb.send(new AddTagsCommand({ ResourceArns: arns, Tags: [{ Key: 'immut:role', Value: 'api' }] }));
    await elb.send(
      new AddTagsCommand({ ResourceArns: [lb.LoadBalancerArn!], Tags: [{ Key: 'Name', Value: 'renamed' }] }),
    );
    const out = await elb.send(new DescribeTagsCommand({ ResourceArns: arns }));
    expect(out.TagDescriptions).toEqual([
      {
        ResourceArn: lb.LoadBalancerArn,
        Tags: [
          { Key: 'Name', Value: 'renamed' },
          { Key: 'immut:role', Value: 'api' },
        ],
      },
      { ResourceArn: tg.TargetGroupArn, Tags: [{ Key: 'immut:role', Value: 'api' }] },
      { ResourceArn: listener.ListenerArn, Tags: [{ Key: 'immut:role', Value: 'api' }] },
    ]);
    await elb.send(new RemoveTagsCommand({ ResourceArns: [lb.LoadBalancerArn!], TagKeys: ['Name'] }));
    const after = await elb.send(new DescribeTagsCommand({ ResourceArns: [lb.LoadBalancerArn!] }));
    expect(after.TagDescriptions?.[0]?.Tags).toEqual([{ Key: 'immut:role', Value: 'api' }]);
  });

  it('enforces tag limits: aws: prefix, key ≤ 128, value ≤ 256, 50 per resource', async () => {
    const lb = await createLb('limit-lb');
    const add = (Tags: Tag[]) => elb.send(new AddTagsCommand({ ResourceArns: [lb.LoadBalancerArn!], Tags }));
    expect((await failure(add([{ Key: 'aws:thing', Value: 'x' }]))).name).toBe('ValidationError');
    expect((await failure(add([{ Key: 'k'.repeat(129), Value: 'x' }]))).name).toBe('ValidationError');
    expect((await failure(add([{ Key: 'k', Value: 'v'.repeat(257) }]))).name).toBe('ValidationError');
    await add([{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }]);
    await add(Array.from({ length: 49 }, (_, i) => ({ Key: `t${i}`, Value: 'x' })));
    const tooMany = await failure(add([{ Key: 'one-more', Value: 'x' }]));
    expect(tooMany.name).toBe('TooManyTagsException');
    const unknown = await failure(
      elb.send(
        new DescribeTagsCommand({
          ResourceArns: [lb.LoadBalancerArn!.replace(/[0-9a-f]{16}$/, '0000000000000000')],
        }),
      ),
    );
    expect(unknown.name).toBe('LoadBalancerNotFoundException');
  });

  it('describes and modifies target group attributes', async () => {
    const tg = await createTg('attr-tg');
    const before = await elb.send(
      new DescribeTargetGroupAttributesCommand({ TargetGroupArn: tg.TargetGroupArn }),
    );
    expect(before.Attributes).toContainEqual({ Key: 'deregistration_delay.timeout_seconds', Value: '300' });
    const after = await elb.send(
      new ModifyTargetGroupAttributesCommand({
        TargetGroupArn: tg.TargetGroupArn,
        Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '10' }],
      }),
    );
    expect(after.Attributes).toContainEqual({ Key: 'deregistration_delay.timeout_seconds', Value: '10' });
    const bad = await failure(
      elb.send(
        new ModifyTargetGroupAttributesCommand({
          TargetGroupArn: tg.TargetGroupArn,
          Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '4000' }],
        }),
      ),
    );
    expect(bad.name).toBe('ValidationError');
    const unknown = await failure(
      elb.send(
        new ModifyTargetGroupAttributesCommand({
          TargetGroupArn: tg.TargetGroupArn,
          Attributes: [{ Key: 'no.such.key', Value: '1' }],
        }),
      ),
    );
    expect(unknown.name).toBe('ValidationError');
  });
});

describe('waiters and state', () => {
  it('loadBalancerAvailable and targetInService succeed at a high time scale', async () => {
    const fast = await startSandbox({ port: 0, timeScale: 1000 });
    const client = new ElasticLoadBalancingV2Client({
      endpoint: fast.endpoint,
      region: 'us-east-1',
      credentials,
    });
    const fastEc2 = new EC2Client({ endpoint: fast.endpoint, region: 'us-east-1', credentials });
    try {
      const [id] = (await runInstances(fastEc2)) as [string];
      const lb = (
        await client.send(new CreateLoadBalancerCommand({ Name: 'wait-lb', Subnets: subnets.slice(0, 2) }))
      ).LoadBalancers![0]!;
      const tg = (
        await client.send(
          new CreateTargetGroupCommand({ Name: 'wait-tg', Protocol: 'HTTP', Port: 80, VpcId: vpcId }),
        )
      ).TargetGroups![0]!;
      await client.send(
        new CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }],
        }),
      );
      const lbWait = await waitUntilLoadBalancerAvailable(
        { client, minDelay: 1, maxDelay: 1, maxWaitTime: 20 },
        { LoadBalancerArns: [lb.LoadBalancerArn!] },
      );
      expect(lbWait.state).toBe('SUCCESS');
      await client.send(
        new RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: id }] }),
      );
      const tWait = await waitUntilTargetInService(
        { client, minDelay: 1, maxDelay: 1, maxWaitTime: 20 },
        { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: id }] },
      );
      expect(tWait.state).toBe('SUCCESS');
    } finally {
      client.destroy();
      fastEc2.destroy();
      await fast.stop();
    }
  });

  it('state survives a JSON snapshot and restore', async () => {
    const service = sandbox.services.find((s) => s.name === 'elasticloadbalancing')!;
    const snapshot = JSON.parse(JSON.stringify(service.snapshotState())) as unknown;
    const before = await elb.send(new DescribeLoadBalancersCommand({}));
    service.reset();
    expect((await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers ?? []).toEqual([]);
    service.restoreState(snapshot);
    expect((await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers).toEqual(
      before.LoadBalancers,
    );
    const inventory = sandbox.inventory().filter((i) => i.service === 'elasticloadbalancing');
    expect(inventory.some((i) => i.kind === 'load-balancer' && i.state === 'active')).toBe(true);
    expect(inventory.some((i) => i.kind === 'target-group')).toBe(true);
  });
});
