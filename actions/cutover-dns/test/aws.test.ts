// cutover-dns's AWS-facing functions with the real SDK clients against the sandbox. The
// action's clock is the sandbox's: sleeping advances sandbox time, so waits are instant
// and their polls countable.
import { DeleteLoadBalancerCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Clock } from '@immut/core/clock';
import type { CallContext } from '@immut/core/throttle-retry';
import { deadlineFrom } from '@immut/core/wait';
import { type Sandbox, startSandbox } from '@immut/sandbox';
import { ConcurrentChangeError, applyBatch, waitInSync } from '../change.js';
import { type Progress, newProgress, runCutover } from '../cutover.js';
import { plainAlias, readRecords } from '../records.js';
import { assessHealth, gatingTargetGroups, resolveTarget } from '../targets.js';
import {
  type Build,
  type Clients,
  ZONE_NAME,
  launchBuild,
  loseHealth,
  pointsAt,
  sdkClients,
  settle,
  upsertAlias,
  zoneId,
} from '@immut/test-support/builds-behind-lb';

let sandbox: Sandbox;
let c: Clients;
let a: Build;
let b: Build;
let zone: string;
const log: string[] = [];

function sandboxClock(): Clock {
  return { now: () => sandbox.clock.now(), sleep: async (ms) => sandbox.advance(ms) };
}

function calls(timeoutMs = 3_600_000): CallContext {
  const clock = sandboxClock();
  return { clock, deadline: deadlineFrom(clock, timeoutMs), log: (line) => log.push(line) };
}

beforeAll(async () => {
  sandbox = await startSandbox();
  c = sdkClients(sandbox);
  a = await launchBuild(sandbox, c, { role: 'api', env: 'prod', build: 'b1' });
  b = await launchBuild(sandbox, c, { role: 'api', env: 'prod', build: 'b2' });
  await settle(sandbox);
  zone = await zoneId(c);
});

afterAll(async () => {
  c.destroy();
  await sandbox.stop();
});

describe('targets and health', () => {
  it("resolves launch-behind-lb's outputs to the build's load balancer", async () => {
    const lb = await resolveTarget(
      c.elb,
      calls(),
      { dnsName: b.dnsName, zoneId: b.zoneId },
      { role: 'api', env: 'prod' },
      'us-east-1',
    );
    expect(lb).toMatchObject({ build: 'b2', release: 'api-b2', dnsName: b.dnsName, arn: b.loadBalancerArn });
    expect(await gatingTargetGroups(c.elb, calls(), lb, undefined)).toEqual([b.targetGroupArn]);
  });

  it('reports all healthy, still settling, or failing', async () => {
    expect(await assessHealth(c.elb, calls(), [a.targetGroupArn])).toEqual({
      healthy: true,
      settling: false,
      summary: '1/1 targets healthy',
    });
    const fresh = await launchBuild(sandbox, c, { role: 'api', env: 'prod', build: 'b3' });
    const settling = await assessHealth(c.elb, calls(), [fresh.targetGroupArn]);
    expect(settling).toMatchObject({ healthy: false, settling: true });
    await loseHealth(c, fresh);
    const lost = await assessHealth(c.elb, calls(), [fresh.targetGroupArn]);
    expect(lost).toMatchObject({ healthy: false, settling: false });
    expect(lost.summary).toMatch(/draining \(Target\.DeregistrationInProgress\)/);
  });
});

describe('applyBatch and waitInSync', () => {
  const name = 'cas.example.test';

  it('applies a batch from what was read, and refuses one whose read is stale', async () => {
    const read = async () => ({
      records: await readRecords(c.route53, calls(), zone, name, 'A'),
      history: undefined,
    });
    const first = { records: [plainAlias(name, a)], history: undefined };
    const id = await applyBatch({
      route53: c.route53,
      calls: calls(),
      zoneId: zone,
      from: await read(),
      to: first,
      comment: 't',
      reread: read,
    });
    expect(id).toMatch(/^C/);
    await upsertAlias(c, zone, name, b);
    const second = { records: [plainAlias(name, b)], history: undefined };
    await expect(
      applyBatch({
        route53: c.route53,
        calls: calls(),
        zoneId: zone,
        from: first,
        to: second,
        comment: 't',
        reread: read,
      }),
    ).rejects.toThrow(ConcurrentChangeError);
  });

  it('treats a batch that is already in place as applied (a retried request)', async () => {
    const read = async () => ({
      records: await readRecords(c.route53, calls(), zone, 'again.example.test', 'A'),
      history: undefined,
    });
    const to = { records: [plainAlias('again.example.test', a)], history: undefined };
    const empty = { records: [], history: undefined };
    await applyBatch({
      route53: c.route53,
      calls: calls(),
      zoneId: zone,
      from: empty,
      to,
      comment: 't',
      reread: read,
    });
    expect(
      await applyBatch({
        route53: c.route53,
        calls: calls(),
        zoneId: zone,
        from: empty,
        to,
        comment: 't',
        reread: read,
      }),
    ).toBeUndefined();
  });

  it('passes on a rejection that is not a concurrent change', async () => {
    const read = async () => ({ records: [], history: undefined });
    const bad = {
      records: [
        plainAlias('bad.example.test', {
          dnsName: 'gone-1.us-east-1.elb.amazonaws.com',
          zoneId: 'Z35SXDOTRQ7X7K',
        }),
      ],
      history: undefined,
    };
    await expect(
      applyBatch({
        route53: c.route53,
        calls: calls(),
        zoneId: zone,
        from: { records: [], history: undefined },
        to: bad,
        comment: 't',
        reread: read,
      }),
    ).rejects.toMatchObject({ name: 'InvalidChangeBatch' });
  });

  it('polls GetChange sparingly until INSYNC', async () => {
    const to = { records: [plainAlias('poll.example.test', a)], history: undefined };
    const empty = { records: [], history: undefined };
    const id = await applyBatch({
      route53: c.route53,
      calls: calls(),
      zoneId: zone,
      from: empty,
      to,
      comment: 't',
      reread: async () => empty,
    });
    sandbox.clearCalls();
    await waitInSync(c.route53, calls(), id!, sandboxClock());
    // The sandbox syncs in 30 s: a first look at 15 s, then one 10–15 s later.
    expect(sandbox.calls().filter((x) => x.operation === 'GetChange').length).toBeLessThanOrEqual(3);
  });
});

describe('runCutover', () => {
  const name = 'web.example.test';
  const request = (
    overrides: Partial<Parameters<typeof runCutover>[0]> = {},
  ): Parameters<typeof runCutover>[0] => ({
    zone: { id: zone, name: ZONE_NAME, privateZone: false },
    name,
    identity: { role: 'api', env: 'prod', build: 'b2' },
    region: 'us-east-1',
    mode: 'cutover',
    target: { dnsName: b.dnsName, zoneId: b.zoneId },
    strategy: 'swap',
    steps: [100],
    stepWaitMs: 0,
    dryRun: false,
    runUrl: '',
    ...overrides,
  });
  const deps = () => ({
    route53: c.route53,
    elb: c.elb,
    calls: calls(),
    clock: sandboxClock(),
    resolve4: async () => [],
  });

  it('records what it did in progress: first cutover, then weighted, then rollback', async () => {
    const first: Progress = newProgress();
    await runCutover(request({ target: { dnsName: a.dnsName, zoneId: a.zoneId } }), deps(), first);
    expect(first).toMatchObject({ outcome: 'moved', current: { build: 'b1' } });
    expect(first.from).toBeUndefined();

    const weighted = newProgress();
    await runCutover(
      request({ strategy: 'weighted', steps: [25, 100], stepWaitMs: 60_000 }),
      deps(),
      weighted,
    );
    expect(weighted.steps.map((s) => s.shares)).toEqual([
      [
        { build: 'b1', percent: 75 },
        { build: 'b2', percent: 25 },
      ],
      [{ build: 'b2', percent: 100 }],
    ]);
    expect(weighted).toMatchObject({ outcome: 'moved', from: { build: 'b1' }, current: { build: 'b2' } });

    const back = newProgress();
    await runCutover(request({ mode: 'rollback' }), deps(), back);
    expect(back).toMatchObject({ outcome: 'moved', from: { build: 'b2' }, current: { build: 'b1' } });
    expect(await pointsAt(c, zone, name)).toBe(a.dnsName);
  });

  it('in a dry run, lists the batches and sends none', async () => {
    const progress = newProgress();
    sandbox.clearCalls();
    await runCutover(request({ dryRun: true, strategy: 'weighted', steps: [50, 100] }), deps(), progress);
    expect(progress.outcome).toBe('dry-run');
    expect(progress.batches.map((x) => x.changes.map((ch) => ch.Action))).toEqual([
      ['DELETE', 'DELETE', 'CREATE', 'CREATE', 'CREATE'],
      ['DELETE', 'DELETE', 'DELETE', 'CREATE', 'CREATE'],
    ]);
    expect(sandbox.calls().filter((x) => x.operation === 'ChangeResourceRecordSets')).toEqual([]);
  });

  it('refuses weighted steps when the old build is gone, before any change', async () => {
    const old = await launchBuild(sandbox, c, { role: 'api', env: 'prod', build: 'b0' });
    await settle(sandbox);
    const name = 'old.example.test';
    await runCutover(
      request({ name, target: { dnsName: old.dnsName, zoneId: old.zoneId } }),
      deps(),
      newProgress(),
    );
    await c.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: old.loadBalancerArn }));
    sandbox.clearCalls();
    await expect(
      runCutover(request({ name, strategy: 'weighted', steps: [50, 100] }), deps(), newProgress()),
    ).rejects.toThrow(/build b0, but its load balancer .* no longer exists; use strategy 'swap'/);
    expect(sandbox.calls().filter((x) => x.operation === 'ChangeResourceRecordSets')).toEqual([]);
  });
});
