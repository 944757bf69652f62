// The lease (a TXT record taken by compare-and-swap) with the real Route 53 client against the
// sandbox, whose clock is the lease's clock: waiting advances sandbox time instead of sleeping.
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Sandbox, startSandbox } from '@immut/sandbox';
import type { Clock } from '../src/clock.js';
import { GuardError, UserError } from '../src/errors.js';
import { recordSetsAt } from '../src/hosted-zone.js';
import {
  type LeaseRequest,
  acquireLease,
  leaseInBatch,
  leaseName,
  leaseRecord,
  parseLease,
  withLease,
} from '../src/lease.js';
import { deadlineFrom } from '../src/wait.js';

let sandbox: Sandbox;
let route53: Route53Client;
let zoneId: string;
let seq = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, timeScale: 1 });
  route53 = new Route53Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const zone = await route53.send(
    new CreateHostedZoneCommand({ Name: 'lease.test', CallerReference: 'lease-test' }),
  );
  zoneId = (zone.HostedZone?.Id ?? '').replace('/hostedzone/', '');
});

afterAll(async () => {
  route53.destroy();
  await sandbox.stop();
});

/** A fresh name for each test, so leases of different tests never meet. */
function freshName(): string {
  return `api${++seq}.prod.lease.test`;
}

function request(name: string, holder: string, timeoutMs: number, log: string[] = []): LeaseRequest {
  const clock: Clock = { now: () => sandbox.clock.now(), sleep: async (ms) => sandbox.advance(ms) };
  return {
    route53,
    zoneId,
    name,
    holder,
    run: `https://github.com/acme/shop/actions/runs/${holder.length}`,
    holdMs: 30 * 60_000,
    clock,
    deadline: deadlineFrom(clock, timeoutMs),
    log: (line) => log.push(line),
  };
}

async function leaseAt(name: string) {
  const [record] = await recordSetsAt(route53, zoneId, leaseName(name), 'TXT');
  return record ? parseLease(record) : undefined;
}

describe('the lease', () => {
  it('lets exactly one of two runs racing for it win; the other fails naming the holder', async () => {
    const name = freshName();
    // Both read "no lease" before either writes; Route 53 refuses the second CREATE.
    const [a, b] = await Promise.allSettled([
      acquireLease(request(name, 'cutover-dns:rollback:api/prod:b7', 0)),
      acquireLease(request(name, 'retire-release:api/prod:b8', 0)),
    ]);
    const won = [a, b].filter((r) => r.status === 'fulfilled');
    const lost = [a, b].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireLease>>>).value;
    expect(lost[0]!.reason).toBeInstanceOf(UserError);
    expect((lost[0]!.reason as Error).message).toContain(
      `Could not take the lease ${leaseName(name)}: it is held by ${winner.info.holder} (run https://github.com/acme/shop/actions/runs/`,
    );
    expect((await leaseAt(name))?.token).toBe(winner.info.token);
    await winner.release();
    expect(await leaseAt(name)).toBeUndefined();
  });

  it('makes a second run wait while the first holds it, then take it once released', async () => {
    const name = freshName();
    const order: string[] = [];
    const first = await acquireLease(request(name, 'cutover-dns:cutover:api/prod:b9', 0));
    const log: string[] = [];
    const second = withLease(request(name, 'retire-release:api/prod:b9', 3_600_000, log), async () => {
      order.push('second holds it');
    });
    // The second run is waiting (it logged the holder) until the first lets go.
    while (!log.some((l) => l.startsWith('Waiting for the lease')))
      await new Promise((r) => setTimeout(r, 5));
    order.push('first releases');
    await first.release();
    await second;
    expect(order).toEqual(['first releases', 'second holds it']);
    expect(log.join('\n')).toContain('held by cutover-dns:cutover:api/prod:b9');
    expect(await leaseAt(name)).toBeUndefined();
  });

  it('takes over an expired lease, saying so, in one batch that deletes exactly the record read', async () => {
    const name = freshName();
    const stale = leaseRecord(name, {
      holder: 'cutover-dns:cutover:api/prod:b1',
      run: 'https://github.com/acme/shop/actions/runs/1',
      expires: new Date(sandbox.clock.now() - 60_000).toISOString(),
      token: 'deadbeefdeadbeef',
    });
    await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: { Changes: [{ Action: 'CREATE', ResourceRecordSet: stale }] },
      }),
    );
    const log: string[] = [];
    const from = sandbox.calls().at(-1)?.seq ?? 0;
    const lease = await acquireLease(request(name, 'retire-release:api/prod:b2', 0, log));
    expect(log.join('\n')).toContain(
      `The lease ${leaseName(name)} of cutover-dns:cutover:api/prod:b1 (run https://github.com/acme/shop/actions/runs/1)`,
    );
    expect(log.join('\n')).toContain('has expired; taking it over.');
    const batch = sandbox
      .calls()
      .filter((c) => c.seq > from && c.operation === 'ChangeResourceRecordSets' && c.outcome === 'ok');
    expect(batch).toHaveLength(1);
    expect(JSON.stringify(batch[0]!.params)).toContain('deadbeefdeadbeef');
    expect((await leaseAt(name))?.holder).toBe('retire-release:api/prod:b2');
    await lease.release();
  });

  it('lets a re-run take back the lease an earlier, killed attempt of the same run still holds', async () => {
    const name = freshName();
    const holder = 'cutover-dns:cutover:api/prod:b11';
    const killed = await acquireLease(request(name, holder, 0));
    // The killed attempt never released. The re-run (same run URL and holder) does not wait.
    const log: string[] = [];
    const rerun = await acquireLease(request(name, holder, 0, log));
    expect(rerun.info.token).not.toBe(killed.info.token);
    expect(log.join('\n')).toContain('held by an earlier attempt of this run');
    expect((await leaseAt(name))?.token).toBe(rerun.info.token);
    // Another run (another holder) still has to wait for it.
    await expect(acquireLease(request(name, 'retire-release:api/prod:b12', 0))).rejects.toThrow(
      'Could not take the lease',
    );
    await rerun.release();
  });

  it('leaves a lease another run took over after ours expired', async () => {
    const name = freshName();
    const log: string[] = [];
    const ours = await acquireLease({
      ...request(name, 'cutover-dns:cutover:api/prod:b3', 0, log),
      holdMs: 1,
    });
    await sandbox.advance(1_000);
    const theirs = await acquireLease(request(name, 'cutover-dns:rollback:api/prod:b3', 0));
    await ours.release();
    expect(log.join('\n')).toContain('is now held by cutover-dns:rollback:api/prod:b3');
    expect((await leaseAt(name))?.token).toBe(theirs.info.token);
    await theirs.release();
  });

  it('takes a free lease with one CREATE and gives it back with one DELETE, reading nothing', async () => {
    const name = freshName();
    const before = sandbox.calls().length;
    const lease = await acquireLease(request(name, 'cutover-dns:cutover:api/prod:b5', 60_000));
    await lease.release();
    const calls = sandbox.calls().slice(before);
    expect(calls.map((c) => `${c.operation} ${c.outcome}`)).toEqual([
      'ChangeResourceRecordSets ok',
      'ChangeResourceRecordSets ok',
    ]);
    expect(await leaseAt(name)).toBeUndefined();
  });

  it('is taken by the change batch that carries it, and given back with one DELETE', async () => {
    const name = freshName();
    const log: string[] = [];
    const taking = leaseInBatch(request(name, 'cutover-dns:cutover:api/prod:b6', 60_000, log));
    const record = {
      Name: `${name}.`,
      Type: 'A' as const,
      TTL: 60,
      ResourceRecords: [{ Value: '192.0.2.6' }],
    };
    await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: { Changes: [taking.change, { Action: 'CREATE', ResourceRecordSet: record }] },
      }),
    );
    const lease = taking.taken();
    expect(await leaseAt(name)).toEqual(lease.info);
    expect(log.join('\n')).toContain(`Holding the lease ${leaseName(name)} until`);
    const before = sandbox.calls().length;
    await lease.release();
    expect(
      sandbox
        .calls()
        .slice(before)
        .map((c) => `${c.operation} ${c.outcome}`),
    ).toEqual(['ChangeResourceRecordSets ok']);
    expect(await leaseAt(name)).toBeUndefined();
  });

  it('refuses the whole batch that carries it while another run holds the lease', async () => {
    const name = freshName();
    const held = await acquireLease(request(name, 'retire-release:api/prod:b1', 60_000));
    const taking = leaseInBatch(request(name, 'cutover-dns:cutover:api/prod:b7', 60_000));
    const record = {
      Name: `${name}.`,
      Type: 'A' as const,
      TTL: 60,
      ResourceRecords: [{ Value: '192.0.2.7' }],
    };
    await expect(
      route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: { Changes: [taking.change, { Action: 'CREATE', ResourceRecordSet: record }] },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidChangeBatch' });
    // Neither the lease nor the record changed.
    expect((await leaseAt(name))?.token).toBe(held.info.token);
    expect(await recordSetsAt(route53, zoneId, name, 'A')).toEqual([]);
    await held.release();
  });

  it('refuses a TXT record at the lease name that is not a lease', async () => {
    const name = freshName();
    await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: leaseName(name),
                Type: 'TXT',
                TTL: 60,
                ResourceRecords: [{ Value: '"v=spf1 -all"' }],
              },
            },
          ],
        },
      }),
    );
    await expect(acquireLease(request(name, 'retire-release:api/prod:b4', 0))).rejects.toThrow(GuardError);
  });
});
