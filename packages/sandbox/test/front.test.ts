// The HTTP front: routing, protocol envelopes, SSM / STS, waiters against simulated time,
// the control API and the call log. Real SDK clients; raw fetch only where the SDK cannot
// produce the request (unknown actions, missing signatures).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateImageCommand,
  DescribeInstancesCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  waitUntilImageAvailable,
  waitUntilInstanceRunning,
  waitUntilInstanceTerminated,
} from '@aws-sdk/client-ec2';
import { GetParameterCommand, GetParametersCommand } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startSandbox, type CallRecord, type InventoryItem, type Sandbox } from '../src/index.js';
import { clients, control, failure } from './helpers.js';

let sb: Sandbox;
let c: ReturnType<typeof clients>;

beforeAll(async () => {
  // 10 000×: a 15 s boot takes 1.5 ms, a 5 min image 30 ms of wall time.
  sb = await startSandbox({ timeScale: 10000 });
  c = clients(sb);
});
afterAll(async () => {
  c.destroy();
  await sb.stop();
});
beforeEach(async () => {
  await sb.reset();
});

const AL_PARAM = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const UBUNTU_PARAM = '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id';

describe('SSM and STS', () => {
  it('GetParameter resolves the public latest-AMI parameters to the newest seeded images', async () => {
    const al = await c.ssm.send(new GetParameterCommand({ Name: AL_PARAM }));
    expect(al.Parameter).toMatchObject({
      Name: AL_PARAM,
      Type: 'String',
      Value: 'ami-0a0000000000a2303',
      DataType: 'aws:ec2:image',
      Version: 1,
    });
    expect(al.Parameter!.LastModifiedDate).toBeInstanceOf(Date);
    expect(al.Parameter!.ARN).toBe(`arn:aws:ssm:us-east-1::parameter${AL_PARAM}`);
    const ubuntu = await c.ssm.send(new GetParameterCommand({ Name: UBUNTU_PARAM }));
    expect(ubuntu.Parameter!.Value).toBe('ami-0c0000000000b2403');
    const missing = await failure(c.ssm.send(new GetParameterCommand({ Name: '/aws/service/nope' })));
    expect(missing.name).toBe('ParameterNotFound');
    expect(missing.$metadata?.httpStatusCode).toBe(400);
    const both = await c.ssm.send(new GetParametersCommand({ Names: [AL_PARAM, '/nope'] }));
    expect(both.Parameters!.map((p) => p.Value)).toEqual(['ami-0a0000000000a2303']);
    expect(both.InvalidParameters).toEqual(['/nope']);
  });

  it('GetCallerIdentity answers the sandbox account', async () => {
    const me = await c.sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/sandbox' });
  });
});

describe('waiters', () => {
  it('waitUntilInstanceRunning, waitUntilImageAvailable and waitUntilInstanceTerminated succeed against the clock', async () => {
    const run = await c.ec2.send(
      new RunInstancesCommand({ ImageId: 'ami-0a0000000000a2303', MinCount: 1, MaxCount: 1 }),
    );
    const id = run.Instances![0]!.InstanceId!;
    const running = await waitUntilInstanceRunning(
      { client: c.ec2, minDelay: 1, maxDelay: 1, maxWaitTime: 10 },
      { InstanceIds: [id] },
    );
    expect(running.state).toBe('SUCCESS');
    const { ImageId } = await c.ec2.send(new CreateImageCommand({ InstanceId: id, Name: 'waited-for' }));
    const image = await waitUntilImageAvailable(
      { client: c.ec2, minDelay: 1, maxDelay: 1, maxWaitTime: 10 },
      { ImageIds: [ImageId!] },
    );
    expect(image.state).toBe('SUCCESS');
    await c.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    // Past shutting-down (30 s) but well within the hour a terminated instance stays visible:
    // at this time scale one real second between polls is nearly three sandbox hours, so the
    // waiter's first, immediate poll must already see `terminated`.
    sb.advance(60_000);
    const gone = await waitUntilInstanceTerminated(
      { client: c.ec2, minDelay: 1, maxDelay: 1, maxWaitTime: 10 },
      { InstanceIds: [id] },
    );
    expect(gone.state).toBe('SUCCESS');
  });

  it('waitUntilImageAvailable fails fast when the image fails (image-fails behaviour)', async () => {
    const run = await c.ec2.send(
      new RunInstancesCommand({ ImageId: 'ami-0a0000000000a2303', MinCount: 1, MaxCount: 1 }),
    );
    const id = run.Instances![0]!.InstanceId!;
    await waitUntilInstanceRunning(
      { client: c.ec2, minDelay: 1, maxDelay: 1, maxWaitTime: 10 },
      { InstanceIds: [id] },
    );
    sb.addFaults([{ kind: 'image-fails', match: { name: 'doomed-*' }, times: 1 }]);
    const { ImageId } = await c.ec2.send(new CreateImageCommand({ InstanceId: id, Name: 'doomed-1' }));
    const err = await failure(
      waitUntilImageAvailable(
        { client: c.ec2, minDelay: 1, maxDelay: 1, maxWaitTime: 10 },
        { ImageIds: [ImageId!] },
      ),
    );
    expect(err.message).toMatch(/FAILURE/);
    // times: 1 — the next image succeeds.
    const next = await c.ec2.send(new CreateImageCommand({ InstanceId: id, Name: 'doomed-2' }));
    const ok = await waitUntilImageAvailable(
      { client: c.ec2, minDelay: 1, maxDelay: 1, maxWaitTime: 10 },
      { ImageIds: [next.ImageId!] },
    );
    expect(ok.state).toBe('SUCCESS');
  });
});

describe('protocol front', () => {
  it('routes by the SigV4 credential scope and answers an unknown action with InvalidAction in the EC2 envelope', async () => {
    const res = await fetch(sb.endpoint + '/', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization:
          'AWS4-HMAC-SHA256 Credential=test/20250115/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00',
      },
      body: 'Action=LaunchRockets&Version=2016-11-15',
    });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toMatch(/<Response><Errors><Error><Code>InvalidAction<\/Code>/);
    expect(body).toMatch(/<RequestID>[0-9a-f-]{36}<\/RequestID>/);
  });

  it('routes unsigned requests by Version and X-Amz-Target; unknown json operations get UnknownOperationException', async () => {
    const sts = await fetch(sb.endpoint + '/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    const xml = await sts.text();
    expect(xml).toContain('<GetCallerIdentityResult>');
    expect(xml).toContain('<Account>123456789012</Account>');
    const ssm = await fetch(sb.endpoint + '/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.DeleteEverything' },
      body: '{}',
    });
    expect(ssm.status).toBe(400);
    expect(ssm.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(await ssm.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const unknownQuery = await fetch(sb.endpoint + '/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=Nope&Version=2011-06-15',
    });
    expect(unknownQuery.status).toBe(400);
    expect(await unknownQuery.text()).toMatch(
      /<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/,
    );
  });
});

describe('control API and call log', () => {
  it('reports health, every call with its outcome, and the inventory', async () => {
    const health = await control<{ ok: boolean; timeScale: number; services: string[] }>(sb, 'GET', 'health');
    expect(health.body).toMatchObject({ ok: true, timeScale: 10000 });
    expect(health.body.services).toEqual(expect.arrayContaining(['ec2', 'ssm', 'sts']));
    const run = await c.ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-0a0000000000a2303',
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'app', Value: 'web' }] }],
      }),
    );
    await failure(c.ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })));
    const calls = await control<CallRecord[]>(sb, 'GET', 'calls?service=ec2');
    expect(calls.body.map((r) => [r.operation, r.outcome, r.errorCode ?? null, r.status])).toEqual([
      ['RunInstances', 'ok', null, 200],
      ['DescribeInstances', 'error', 'InvalidInstanceID.NotFound', 400],
    ]);
    expect(calls.body[0]!.params).toMatchObject({
      ImageId: 'ami-0a0000000000a2303',
      MinCount: '1',
      TagSpecification: [{ ResourceType: 'instance', Tag: [{ Key: 'app', Value: 'web' }] }],
    });
    expect(calls.body[0]!.region).toBe('us-east-1');
    expect(sb.calls()).toHaveLength(2);
    const inventory = await control<InventoryItem[]>(sb, 'GET', 'inventory');
    const instance = inventory.body.find((i) => i.id === run.Instances![0]!.InstanceId);
    expect(instance).toMatchObject({ service: 'ec2', kind: 'instance', tags: { app: 'web' } });
    expect(['pending', 'running']).toContain(instance!.state);
    expect(inventory.body.filter((i) => i.kind === 'subnet')).toHaveLength(3);
  });

  it('reset drops resources, calls and faults; clock/advance moves sandbox time', async () => {
    await c.ec2.send(new RunInstancesCommand({ ImageId: 'ami-0a0000000000a2303', MinCount: 1, MaxCount: 1 }));
    await control(sb, 'POST', 'faults', [
      { service: 'sts', operation: 'GetCallerIdentity', error: 'InternalError' },
    ]);
    expect((await control<unknown[]>(sb, 'GET', 'faults')).body).toHaveLength(1);
    expect((await control(sb, 'POST', 'reset')).status).toBe(200);
    expect((await control<unknown[]>(sb, 'GET', 'calls')).body).toEqual([]);
    expect((await control<unknown[]>(sb, 'GET', 'faults')).body).toEqual([]);
    expect((await c.ec2.send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
    const before = (await control<{ epochMs: number }>(sb, 'GET', 'clock')).body.epochMs;
    const after = (await control<{ epochMs: number }>(sb, 'POST', 'clock/advance', { ms: 3_600_000 })).body
      .epochMs;
    expect(after - before).toBeGreaterThanOrEqual(3_600_000);
    expect((await control(sb, 'POST', 'faults', [{ kind: 'bogus' }])).status).toBe(400);
    expect((await control(sb, 'GET', 'nothing-here')).status).toBe(404);
  });
});
