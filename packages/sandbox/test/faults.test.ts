// Fault injection over the wire: errors (times, probability, match), token-bucket
// throttling in sandbox time, latency, named behaviours, and reproducibility by seed.
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  DescribeImagesCommand,
  EC2Client,
  RunInstancesCommand,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { ListHostedZonesByNameCommand, Route53Client } from '@aws-sdk/client-route-53';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { RATE_PRESETS, startSandbox, type FaultSpec, type Sandbox } from '../src/index.js';
import { control, credentials, failure } from './helpers.js';

const running: Sandbox[] = [];
const destroy: Array<{ destroy(): void }> = [];
afterEach(async () => {
  for (const d of destroy.splice(0)) d.destroy();
  for (const s of running.splice(0)) await s.stop();
});

async function sandbox(options: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  const s = await startSandbox({ timeScale: 1, ...options });
  running.push(s);
  return s;
}
function ec2(s: Sandbox, maxAttempts = 1): EC2Client {
  const c = new EC2Client({ endpoint: s.endpoint, region: 'us-east-1', credentials, maxAttempts });
  destroy.push(c);
  return c;
}
function sts(s: Sandbox): STSClient {
  const c = new STSClient({ endpoint: s.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  destroy.push(c);
  return c;
}
const run = (c: EC2Client, InstanceType: _InstanceType = 't3.micro') =>
  c.send(
    new RunInstancesCommand({ ImageId: 'ami-0a0000000000a2303', InstanceType, MinCount: 1, MaxCount: 1 }),
  );

describe('error faults', () => {
  it("fail an operation N times with AWS's status, then let it through", async () => {
    const s = await sandbox({
      faults: [
        { service: 'ec2', operation: 'RunInstances', error: 'InsufficientInstanceCapacity', times: 2 },
      ],
    });
    const c = ec2(s);
    for (let n = 0; n < 2; n++) {
      const err = await failure(run(c));
      expect(err.name).toBe('InsufficientInstanceCapacity');
      expect(err.$metadata?.httpStatusCode).toBe(500);
    }
    await expect(run(c)).resolves.toBeDefined();
    expect(s.calls().map((r) => r.errorCode ?? 'ok')).toEqual([
      'InsufficientInstanceCapacity',
      'InsufficientInstanceCapacity',
      'ok',
    ]);
    expect(s.calls()[0]!.injected).toBe(true);
  });

  it('are retried by the SDK like the real thing (RequestLimitExceeded is 503)', async () => {
    const s = await sandbox();
    s.addFaults([{ service: 'ec2', operation: 'DescribeImages', error: 'RequestLimitExceeded', times: 2 }]);
    const out = await ec2(s, 3).send(new DescribeImagesCommand({ Owners: ['amazon'] }));
    expect(out.$metadata.attempts).toBe(3);
    expect(s.calls().map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('match request parameters', async () => {
    const s = await sandbox();
    await control(s, 'POST', 'faults', [
      { service: 'ec2', operation: 'RunInstances', error: 'InternalError', match: { InstanceType: 't3.*' } },
    ]);
    const c = ec2(s);
    const err = await failure(run(c, 't3.large'));
    expect(err.name).toBe('InternalError');
    expect(err.$metadata?.httpStatusCode).toBe(500);
    await expect(run(c, 'm5.large')).resolves.toBeDefined();
  });

  it('fire with a probability, reproducibly for a given random seed', async () => {
    const pattern = async (randomSeed: number): Promise<string> => {
      const s = await sandbox({
        randomSeed,
        faults: [
          { service: 'sts', operation: 'GetCallerIdentity', error: 'InternalError', probability: 0.5 },
        ],
      });
      const c = sts(s);
      let out = '';
      for (let n = 0; n < 24; n++)
        out += await c.send(new GetCallerIdentityCommand({})).then(
          () => '.',
          () => 'x',
        );
      return out;
    };
    const a = await pattern(7);
    expect(a).toMatch(/x/);
    expect(a).toMatch(/\./);
    expect(await pattern(7)).toBe(a);
    expect(await pattern(8)).not.toBe(a);
  });

  it("use Route 53's statuses (PriorRequestNotComplete and Throttling are 400)", async () => {
    const s = await sandbox({
      faults: [
        {
          service: 'route53',
          operation: 'ListHostedZonesByName',
          error: 'PriorRequestNotComplete',
          times: 1,
        },
        { service: 'route53', operation: 'ListHostedZonesByName', error: 'Throttling', times: 1 },
      ],
    });
    const r53 = new Route53Client({ endpoint: s.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    destroy.push(r53);
    const first = await failure(r53.send(new ListHostedZonesByNameCommand({})));
    expect(first.name).toBe('PriorRequestNotComplete');
    expect(first.$metadata?.httpStatusCode).toBe(400);
    const second = await failure(r53.send(new ListHostedZonesByNameCommand({})));
    expect(second.name).toBe('Throttling');
    expect(second.$metadata?.httpStatusCode).toBe(400);
  });
});

describe('rate limits', () => {
  it('throttle with a token bucket in sandbox time', async () => {
    const s = await sandbox({ faults: [{ kind: 'rate-limit', service: 'sts', ratePerSecond: 1, burst: 2 }] });
    const c = sts(s);
    await c.send(new GetCallerIdentityCommand({}));
    await c.send(new GetCallerIdentityCommand({}));
    const err = await failure(c.send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe('Throttling');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    s.advance(1000); // one token back
    await expect(c.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
    await expect(failure(c.send(new GetCallerIdentityCommand({})))).resolves.toMatchObject({
      name: 'Throttling',
    });
  });

  it("use EC2's RequestLimitExceeded (503), per operation, and AWS's published presets", async () => {
    const s = await sandbox({
      faults: [
        { kind: 'rate-limit', service: 'ec2', operation: 'DescribeImages', ratePerSecond: 0.001, burst: 1 },
      ],
    });
    const c = ec2(s);
    await c.send(new DescribeImagesCommand({ Owners: ['amazon'] }));
    const err = await failure(c.send(new DescribeImagesCommand({ Owners: ['amazon'] })));
    expect(err.name).toBe('RequestLimitExceeded');
    expect(err.$metadata?.httpStatusCode).toBe(503);
    await expect(run(c)).resolves.toBeDefined(); // another operation: its own budget
    expect(RATE_PRESETS['route53-account']).toEqual({ burst: 50, ratePerSecond: 10 });
    const preset = await sandbox({
      faults: [{ kind: 'rate-limit', service: 'sts', preset: 'route53-create-hosted-zone' }],
    });
    const p = sts(preset);
    const outcomes: string[] = [];
    for (let n = 0; n < 42; n++)
      outcomes.push(
        await p.send(new GetCallerIdentityCommand({})).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThanOrEqual(40);
    expect(outcomes.at(-1)).toBe('Throttling');
  });
});

describe('latency and behaviours', () => {
  it('delays responses by sandbox ms (scaled) or wall ms', async () => {
    const s = await sandbox({
      timeScale: 10,
      faults: [{ kind: 'latency', service: 'sts', ms: 3000, times: 1 }],
    });
    const c = sts(s);
    let t = Date.now();
    await c.send(new GetCallerIdentityCommand({}));
    expect(Date.now() - t).toBeGreaterThanOrEqual(280); // 3 s of sandbox time at 10× ≈ 300 ms
    t = Date.now();
    await c.send(new GetCallerIdentityCommand({}));
    expect(Date.now() - t).toBeLessThan(250);
    s.addFaults([{ kind: 'latency', wallMs: 200 }]);
    t = Date.now();
    await c.send(new GetCallerIdentityCommand({}));
    expect(Date.now() - t).toBeGreaterThanOrEqual(190);
  });

  it('rejects malformed fault specs', async () => {
    const s = await sandbox();
    const bad: unknown[] = [
      { service: 'ec2', operation: 'RunInstances' },
      { kind: 'rate-limit', service: 'ec2' },
      { kind: 'latency' },
      { kind: 'latency', ms: 10, onArrival: 'yes' },
      { kind: 'gremlins' },
      { service: 'ec2', operation: 'X', error: 'Y', probability: 2 },
    ];
    for (const spec of bad) {
      expect((await control(s, 'POST', 'faults', [spec])).status).toBe(400);
      expect(() => s.addFaults([spec as FaultSpec])).toThrow();
    }
  });
});
