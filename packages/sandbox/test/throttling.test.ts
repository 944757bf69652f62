// Account-level API rate limits (limits.ts) over HTTP with the real SDK clients: a burst
// beyond a bucket is refused with the service's own throttling error, the bucket refills over
// sandbox time (not wall time), buckets are per API where AWS says so, and an SDK client with
// its retries gets through a burst.
import { afterEach, describe, expect, it } from '@jest/globals';
import { DescribeAvailabilityZonesCommand, DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  ChangeResourceRecordSetsCommand,
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { EC2_LIMITS, ROUTE53_LIMITS, OTHER_LIMITS } from '../src/limits.js';
import { startSandbox, type Sandbox } from '../src/index.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
/** Sandbox time nearly stands still, so a burst sees no refill unless the test advances it. */
const FROZEN = 0.000_001;

let sandbox: Sandbox | undefined;
const clients: Array<{ destroy(): void }> = [];

const SECOND = { id: '210987654321', key: { accessKeyId: 'key-b', secretAccessKey: 'secret-b' } };

async function start(options: { rateLimits?: boolean; timeScale?: number } = {}): Promise<Sandbox> {
  sandbox = await startSandbox({ port: 0, timeScale: FROZEN, rateLimits: true, ...options });
  return sandbox;
}

function client<T extends { destroy(): void }>(make: (config: object) => T, maxAttempts = 1): T {
  const made = make({ endpoint: sandbox!.endpoint, region: 'us-east-1', credentials, maxAttempts });
  clients.push(made);
  return made;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await sandbox?.stop();
  sandbox = undefined;
});

/** Runs `n` calls one after another; the error codes of those refused (undefined for a success). */
async function burst(n: number, call: () => Promise<unknown>): Promise<Array<string | undefined>> {
  const outcomes: Array<string | undefined> = [];
  for (let i = 0; i < n; i++) {
    try {
      await call();
      outcomes.push(undefined);
    } catch (error) {
      outcomes.push((error as { name: string }).name);
    }
  }
  return outcomes;
}

const zones = (ec2: EC2Client) => () => ec2.send(new DescribeAvailabilityZonesCommand({}));

describe('EC2 request token buckets', () => {
  it('refuses the request beyond the bucket with RequestLimitExceeded (HTTP 503), then refills over sandbox time', async () => {
    const s = await start();
    const ec2 = client((c) => new EC2Client(c));
    const capacity = EC2_LIMITS.nonMutating.capacity;
    const first = await burst(capacity + 1, zones(ec2));
    expect(first.slice(0, capacity).every((o) => o === undefined)).toBe(true);
    expect(first[capacity]).toBe('RequestLimitExceeded');
    const refused = s.calls().at(-1);
    expect(refused).toMatchObject({
      operation: 'DescribeAvailabilityZones',
      errorCode: 'RequestLimitExceeded',
      status: 503,
    });

    // One second of sandbox time refills 20 tokens: 20 more pass, the 21st does not.
    s.advance(1000);
    const second = await burst(EC2_LIMITS.nonMutating.refillPerSecond + 1, zones(ec2));
    expect(second.filter((o) => o === undefined)).toHaveLength(EC2_LIMITS.nonMutating.refillPerSecond);
    expect(second.at(-1)).toBe('RequestLimitExceeded');
  });

  it('keeps one bucket per API: DescribeInstances still answers when DescribeAvailabilityZones is throttled', async () => {
    await start();
    const ec2 = client((c) => new EC2Client(c));
    await burst(EC2_LIMITS.nonMutating.capacity, zones(ec2));
    await expect(zones(ec2)()).rejects.toMatchObject({ name: 'RequestLimitExceeded' });
    await expect(
      ec2.send(
        new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] }),
      ),
    ).resolves.toBeDefined();
  });

  it('gives an unfiltered, unpaginated DescribeInstances the smaller bucket, and a filtered one the larger', async () => {
    await start();
    const ec2 = client((c) => new EC2Client(c));
    const unfiltered = await burst(EC2_LIMITS.unfilteredUnpaginated.capacity + 1, () =>
      ec2.send(new DescribeInstancesCommand({})),
    );
    expect(unfiltered.filter((o) => o === undefined)).toHaveLength(EC2_LIMITS.unfilteredUnpaginated.capacity);
    expect(unfiltered.at(-1)).toBe('RequestLimitExceeded');
    // The filtered form has a bucket of its own, full although the unfiltered one is empty.
    const filtered = await burst(EC2_LIMITS.nonMutating.capacity + 1, () =>
      ec2.send(
        new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] }),
      ),
    );
    expect(filtered.filter((o) => o === undefined)).toHaveLength(EC2_LIMITS.nonMutating.capacity);
    expect(filtered.at(-1)).toBe('RequestLimitExceeded');
  });

  it('lets an SDK client with retries through a burst: every throttled call is retried and succeeds', async () => {
    // Sandbox time stands still but for one second every 500 ms of wall time: 20 tokens come
    // back each time (40 a wall second, slower than the sandbox answers), so the burst's last
    // 60 calls must wait for refills, retrying.
    const s = await start();
    const tick = setInterval(() => s.advance(1000), 500);
    const ec2 = client((c) => new EC2Client({ ...c, retryMode: 'adaptive' }), 10);
    const n = EC2_LIMITS.nonMutating.capacity + 60;
    const results = await Promise.allSettled(Array.from({ length: n }, () => zones(ec2)())).finally(() =>
      clearInterval(tick),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const calls = s.calls().filter((c) => c.operation === 'DescribeAvailabilityZones');
    const throttled = calls.filter((c) => c.errorCode === 'RequestLimitExceeded').length;
    expect(throttled).toBeGreaterThan(0);
    expect(calls.filter((c) => c.outcome === 'ok')).toHaveLength(n);
  });

  it("keeps each account's buckets: another account's calls pass while this one's are throttled", async () => {
    sandbox = await startSandbox({
      port: 0,
      timeScale: FROZEN,
      rateLimits: true,
      accounts: [{ id: SECOND.id, credentials: { [SECOND.key.accessKeyId]: SECOND.key.secretAccessKey } }],
    });
    const mine = client((c) => new EC2Client(c));
    const theirs = client((c) => new EC2Client({ ...c, credentials: SECOND.key }));
    await burst(EC2_LIMITS.nonMutating.capacity, zones(mine));
    await expect(zones(mine)()).rejects.toMatchObject({ name: 'RequestLimitExceeded' });
    const outcomes = await burst(EC2_LIMITS.nonMutating.capacity, zones(theirs));
    expect(outcomes.filter((o) => o !== undefined)).toEqual([]);
  });

  it('throttles nothing when the sandbox is started without rate limits', async () => {
    await start({ rateLimits: false });
    const ec2 = client((c) => new EC2Client(c));
    const outcomes = await burst(EC2_LIMITS.nonMutating.capacity + 20, zones(ec2));
    expect(outcomes.filter((o) => o !== undefined)).toEqual([]);
  });
});

describe('Route 53', () => {
  it("draws every operation from the account's bucket: the 51st request is Throttling (HTTP 400, Rate exceeded)", async () => {
    const s = await start();
    const r53 = client((c) => new Route53Client(c));
    const capacity = ROUTE53_LIMITS.account.capacity;
    // Two different operations share the account bucket (each also has its own of 50).
    const half = await burst(capacity / 2, () => r53.send(new ListHostedZonesByNameCommand({})));
    const zoneId = s.inventory().find((i) => i.service === 'route53' && i.kind === 'hosted-zone')?.id;
    expect(zoneId).toBeDefined();
    const rest = await burst(capacity / 2 + 1, () => r53.send(new GetHostedZoneCommand({ Id: zoneId })));
    expect([...half, ...rest].filter((o) => o === undefined)).toHaveLength(capacity);
    expect(rest.at(-1)).toBe('Throttling');
    expect(s.calls().at(-1)).toMatchObject({ errorCode: 'Throttling', status: 400 });
  });

  it('answers PriorRequestNotComplete to a change batch for a zone still processing the previous one', async () => {
    const s = await start();
    const r53 = client((c) => new Route53Client(c));
    const zone = s.inventory().find((i) => i.service === 'route53' && i.kind === 'hosted-zone');
    expect(zone).toBeDefined();
    const change = (name: string) =>
      r53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zone!.id,
          ChangeBatch: {
            Changes: [
              {
                Action: 'UPSERT',
                ResourceRecordSet: {
                  Name: `${name}.${String(zone!.state).replace(/\.$/, '')}`,
                  Type: 'TXT',
                  TTL: 60,
                  ResourceRecords: [{ Value: '"x"' }],
                },
              },
            ],
          },
        }),
      );
    const first = await burst(1, () => change('a'));
    const second = await burst(1, () => change('b'));
    expect(first).toEqual([undefined]);
    expect(second).toEqual(['PriorRequestNotComplete']);
    s.advance(ROUTE53_LIMITS.zoneChangeMs);
    expect(await burst(1, () => change('b'))).toEqual([undefined]);
  });
});

describe('RDS (a figure of the sandbox own)', () => {
  it('throttles DescribeDBInstances beyond its bucket with Throttling', async () => {
    await start();
    const rds = client((c) => new RDSClient(c));
    const outcomes = await burst(OTHER_LIMITS.read.capacity + 1, () =>
      rds.send(new DescribeDBInstancesCommand({})),
    );
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(OTHER_LIMITS.read.capacity);
    expect(outcomes.at(-1)).toBe('Throttling');
  });
});
