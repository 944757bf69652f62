// End-to-end: cutover-dns under Route 53's request rate. Its own file so its runs, which
// mostly wait in the SDK's wall-clock retry sleeps, get their own harness slots in a second
// Jest worker instead of queueing with the other scenarios.
import { describe, expect, it } from '@jest/globals';
import {
  ENV,
  ROLE,
  type World,
  actionCalls,
  expectOk,
  run,
  scenario,
  to,
  useScenarios,
  world,
} from '../../actions/cutover-dns/test/e2e-support.js';
import { type Build, ZONE_NAME, launchBuild, pointsAt, settle } from '@immut/test-support/builds-behind-lb';
import { RATE_PRESETS } from '@immut/sandbox';
import { type ActionRun, describeRun } from '@immut/action-runner';
import { E2E_TIME_SCALE, documentedIamActions, iamActionsCalled } from '@immut/test-support/sandbox';

useScenarios();

describe('cutover-dns throttling', () => {
  const PARALLEL = 20;
  let w: World;
  let builds: Build[];
  let parallel: ActionRun[];
  scenario(async () => {
    w = await world();
    builds = [];
    for (let i = 1; i <= PARALLEL; i++) {
      builds.push(await launchBuild(w.sandbox, w.c, { role: `r${i}`, env: ENV, build: 'b1' }));
    }
    await settle(w.sandbox);
    // Route 53's published account bucket, felt by the bundles at wall-clock speed (the
    // sandbox refills in sandbox time, which runs E2E_TIME_SCALE times faster), plus the
    // per-zone PriorRequestNotComplete that concurrent changes to one zone meet.
    const preset = RATE_PRESETS['route53-account'];
    w.sandbox.addFaults([
      {
        kind: 'rate-limit',
        service: 'route53',
        burst: 10,
        ratePerSecond: preset.ratePerSecond / E2E_TIME_SCALE,
      },
      {
        service: 'route53',
        operation: 'ChangeResourceRecordSets',
        error: 'PriorRequestNotComplete',
        probability: 0.3,
      },
    ]);
    w.sandbox.clearCalls();
    parallel = await Promise.all(
      builds.map((b) =>
        run(w, { ...to(b), role: b.identity.role, name: `${b.identity.role}.${ENV}.${ZONE_NAME}` }, 55_000),
      ),
    );
    w.sandbox.clearFaults();
  });

  it(`${PARALLEL} cutovers in parallel under Route 53's rate limit all succeed`, async () => {
    const failed = parallel.filter((r) => r.exitCode !== 0).map(describeRun);
    expect(failed).toEqual([]);
    const throttled = w.sandbox
      .calls()
      .filter((c) => c.errorCode === 'Throttling' || c.errorCode === 'PriorRequestNotComplete');
    expect(throttled.length).toBeGreaterThan(0);
    for (const b of builds) {
      expect(await pointsAt(w.c, w.zone, `${b.identity.role}.${ENV}.${ZONE_NAME}`)).toBe(b.dnsName);
    }
  });
});

describe('cutover-dns retries', () => {
  let retried: ActionRun;
  scenario(async () => {
    // More PriorRequestNotComplete than the SDK's own attempts absorb.
    const w = await world(ROLE, {
      faults: [
        {
          service: 'route53',
          operation: 'ChangeResourceRecordSets',
          error: 'PriorRequestNotComplete',
          times: 3,
        },
      ],
    });
    retried = await run(w, to(w.a));
  });

  it("retries PriorRequestNotComplete past the SDK's own attempts until it gets through", () => {
    expectOk(retried);
    expect(retried.logLines.join('\n')).toMatch(/AWS throttled it \(PriorRequestNotComplete\); retrying/);
  });
});

describe('cutover-dns throttling permissions', () => {
  it('calls only the IAM actions its docs list', () => {
    const documented = documentedIamActions('cutover-dns');
    expect(iamActionsCalled(actionCalls).filter((a) => !documented.includes(a))).toEqual([]);
  });
});
