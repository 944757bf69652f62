// Reliability matrix of cutover-dns: one row per fault, each on its own sandbox holding two
// healthy builds (cutover-dns's fixtures) with the name already on build b1; the row moves it
// to b2 under the fault. While the row runs, the role's record is sampled straight from the
// sandbox's state (no API call, so no fault is consumed) to prove the name never answers with
// an unhealthy target. All rows run at once (driver.ts). See README.md.
import { expect } from '@jest/globals';
import {
  type Build,
  ZONE_NAME,
  launchBuild,
  loseHealth,
  sdkClients,
  settle,
  upsertAlias,
  zoneId,
  type Clients,
} from '@immut/test-support/builds-behind-lb';
import type { FaultSpec, Sandbox } from '@immut/sandbox';
import { runAction, describeRun } from '@immut/action-runner';
import { sandboxEnv } from '@immut/test-support/sandbox';
import { drive, faultMatrix, type MatrixContext, type RowResult } from './driver.js';
import { okCalls, until, type RowSpec } from './support.js';

const ACTION = 'cutover-dns';
const ROLE = 'api';
const ENV = 'prod';
const NAME = `${ROLE}.${ENV}.${ZONE_NAME}`;
const TIME_SCALE = 1000;

interface CutoverRow extends RowSpec {
  faults: FaultSpec[];
  inputs?: Record<string, string>;
  /** Faults of build b2's targets from the start (before the name moves to b1). */
  sandboxFaults?: FaultSpec[];
  /** What happens while the (plain) run is under way: b2 loses health during the first
   *  weighted step, or another writer changes the record between the read and the write. */
  meddle?: 'health-lost' | 'concurrent';
  /** Where the name must point at the end. */
  endsAt: 'a' | 'b';
}

const WEIGHTED = { strategy: 'weighted', steps: '10,50,100', 'step-wait': '2m' };
const r53 = (operation: string, error: string, times?: number): FaultSpec => ({
  service: 'route53',
  operation,
  error,
  ...(times ? { times } : {}),
});

export const ROWS: CutoverRow[] = [
  {
    name: 'throttle-route53',
    fault:
      'Route 53 Throttling and PriorRequestNotComplete ×2 on ChangeResourceRecordSets, Throttling on GetChange and ListResourceRecordSets',
    outcome: 'succeeds',
    endsAt: 'b',
    faults: [
      r53('ChangeResourceRecordSets', 'Throttling', 2),
      r53('ChangeResourceRecordSets', 'PriorRequestNotComplete', 2),
      r53('GetChange', 'Throttling', 2),
      r53('ListResourceRecordSets', 'Throttling', 1),
    ],
  },
  {
    name: 'throttle-elbv2',
    fault: 'ELBv2 Throttling ×3 on DescribeTargetHealth',
    outcome: 'succeeds',
    endsAt: 'b',
    faults: [
      { service: 'elasticloadbalancing', operation: 'DescribeTargetHealth', error: 'Throttling', times: 3 },
    ],
  },
  {
    name: 'weighted-throttled',
    fault: 'weighted cutover with Route 53 Throttling ×3 on ChangeResourceRecordSets',
    outcome: 'succeeds',
    endsAt: 'b',
    inputs: WEIGHTED,
    faults: [r53('ChangeResourceRecordSets', 'Throttling', 3)],
  },
  {
    name: 'internal-change-once',
    fault: 'InternalError ×1 on ChangeResourceRecordSets',
    outcome: 'succeeds',
    endsAt: 'b',
    faults: [r53('ChangeResourceRecordSets', 'InternalError', 1)],
  },
  {
    name: 'internal-change',
    fault: 'InternalError on every ChangeResourceRecordSets',
    outcome: 'fails',
    endsAt: 'a',
    faults: [r53('ChangeResourceRecordSets', 'InternalError')],
  },
  {
    name: 'never-healthy',
    fault: "build b2's targets never healthy (target-never-healthy)",
    outcome: 'fails',
    endsAt: 'a',
    faults: [],
    sandboxFaults: [{ kind: 'target-never-healthy', match: { targetGroupName: 'prod-api-b2' } }],
  },
  {
    name: 'health-lost',
    fault: 'b2 loses health during the first weighted step',
    outcome: 'fails',
    endsAt: 'a',
    inputs: { ...WEIGHTED, 'step-wait': '1h' },
    faults: [],
    meddle: 'health-lost',
  },
  {
    name: 'concurrent',
    fault: 'someone else changes the record between the read and the write',
    outcome: 'fails',
    endsAt: 'b', // where the other writer put it: the action must not overwrite it
    faults: [],
    meddle: 'concurrent',
  },
  {
    name: 'cancel-rerun',
    fault: 'SIGTERM during the first weighted hold (no post: cutover-dns has none), then the run re-run',
    outcome: 'succeeds',
    endsAt: 'b',
    inputs: { ...WEIGHTED, 'step-wait': '1h' },
    faults: [],
    shape: 'rerun',
  },
];

interface World {
  sandbox: Sandbox;
  c: Clients;
  zone: string;
  a: Build;
  b: Build;
  env: Record<string, string>;
}

async function world(ctx: MatrixContext, faults: FaultSpec[] = []): Promise<World> {
  const sandbox = await ctx.sandbox({ faults, timeScale: TIME_SCALE, policy: { recordNames: [NAME] } });
  const c = sdkClients(sandbox);
  ctx.cleanup(() => c.destroy());
  const a = await launchBuild(sandbox, c, { role: ROLE, env: ENV, build: 'b1' });
  const b = await launchBuild(sandbox, c, { role: ROLE, env: ENV, build: 'b2' });
  await settle(sandbox);
  return { sandbox, c, zone: await zoneId(c), a, b, env: sandboxEnv(sandbox, ACTION, TIME_SCALE) };
}

function inputsTo(build: Build, extra: Record<string, string> = {}): Record<string, string> {
  return {
    role: ROLE,
    env: ENV,
    zone: ZONE_NAME,
    name: NAME,
    timeout: '6h',
    build: build.identity.build,
    'target-dns-name': build.dnsName,
    'target-zone-id': build.zoneId,
    ...extra,
  };
}

// --- reading the name from the sandbox's state ------------------------------------------

interface StoredRecord {
  Name: string;
  Type: string;
  SetIdentifier?: string;
  Weight?: number;
  AliasTarget?: { DNSName: string };
}

const bare = (dns: string) =>
  dns
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^dualstack\./, '');

/** The role's A records as stored: `plain:<dns>` or `<set>=<weight>:<dns>`. */
function aRecords(sandbox: Sandbox): StoredRecord[] {
  const route53 = sandbox.services.find((s) => s.name === 'route53');
  const state = route53?.snapshotState() as { zones: Record<string, { records: StoredRecord[] }> };
  return Object.values(state.zones)
    .flatMap((z) => z.records)
    .filter((r) => r.Name === `${NAME}.` && r.Type === 'A');
}

/** Targets answered with (weight > 0 or a plain alias) whose target group has a target that is not healthy. */
function unhealthyAnswers(w: World): string[] {
  const inventory = w.sandbox.inventory();
  const bad: string[] = [];
  for (const record of aRecords(w.sandbox)) {
    if (record.Weight === 0) continue;
    const dns = bare(record.AliasTarget?.DNSName ?? '');
    const build = [w.a, w.b].find((b) => bare(b.dnsName) === dns);
    if (!build) continue; // someone else's target: not ours to judge
    const targets = inventory.filter(
      (i) => i.kind === 'target' && i.id.startsWith(`${build.targetGroupArn}/`),
    );
    if (targets.length === 0 || targets.some((t) => t.state !== 'healthy'))
      bad.push(`${build.identity.build} weight ${record.Weight ?? 'plain'}`);
  }
  return bad;
}

/** Where the name points: the bare DNS name of one plain alias, or a description. */
function pointsAt(w: World): string {
  const records = aRecords(w.sandbox);
  const [only] = records;
  if (records.length === 1 && only && only.Weight === undefined) return bare(only.AliasTarget?.DNSName ?? '');
  return records.map((r) => `${r.SetIdentifier}=${r.Weight}`).join(',') || 'nothing';
}

// --- rows ------------------------------------------------------------------------------

interface Result extends RowResult {
  w: World;
  /** Unhealthy answers seen while the row ran, excluding (health-lost) the loss we caused. */
  badSamples: string[];
  /** health-lost: b2's weights seen after the loss. */
  weightsAfterLoss: number[];
  /** cancel-rerun: unhealthy answers right after the kill. */
  afterKill?: string[];
}

/** Changes of the name itself (the lease's own batches are not steps of the cutover). */
const changes = (w: World) =>
  okCalls(w.sandbox, 'ChangeResourceRecordSets').filter(
    (c) => !JSON.stringify(c.params).includes('_immut-lease.'),
  );

faultMatrix<CutoverRow, Result>({
  action: ACTION,
  rows: ROWS,
  async run(row, ctx) {
    const w = await world(ctx, row.sandboxFaults);
    const first = await runAction(ACTION, { inputs: inputsTo(w.a), env: w.env, timeoutMs: 60_000 });
    if (first.exitCode !== 0) throw new Error(`setup cutover to b1 failed\n${describeRun(first)}`);
    w.sandbox.addFaults(row.faults);
    let lost = false;
    const badSamples: string[] = [];
    const weightsAfterLoss: number[] = [];
    let afterKill: string[] | undefined;
    const changed = changes(w).length;
    const runs = await drive(row, {
      action: ACTION,
      options: { inputs: inputsTo(w.b, row.inputs), env: w.env },
      // rerun: during the first weighted hold, once the first step is written.
      cancelAt: () => changes(w).length > changed,
      afterKill: () => (afterKill = unhealthyAnswers(w)),
      sample: () => {
        if (!lost) badSamples.push(...unhealthyAnswers(w));
        else
          for (const r of aRecords(w.sandbox))
            if (r.SetIdentifier === 'b2' && r.Weight !== undefined) weightsAfterLoss.push(r.Weight);
      },
      async during() {
        if (row.meddle === 'health-lost') {
          const before = changes(w).length;
          await until(() => changes(w).length > before, 'the first weighted step');
          lost = true;
          await loseHealth(w.c, w.b);
        } else if (row.meddle === 'concurrent') {
          // Slow the health gate (between the action's read and write) so the other writer lands in between.
          w.sandbox.addFaults([
            {
              kind: 'latency',
              service: 'elasticloadbalancing',
              operation: 'DescribeTargetHealth',
              wallMs: 1500,
              times: 1,
            },
          ]);
          const reads = okCalls(w.sandbox, 'ListResourceRecordSets').length;
          await until(
            // The name and its history, read in one call (core's recordSetsWithChild).
            () => okCalls(w.sandbox, 'ListResourceRecordSets').length >= reads + 1,
            'the action to read the name',
          );
          await upsertAlias(w.c, w.zone, NAME, w.b);
        }
      },
    });
    return {
      ...runs,
      sandbox: w.sandbox,
      w,
      badSamples,
      weightsAfterLoss,
      ...(afterKill ? { afterKill } : {}),
    };
  },
  orphans: {
    title: 'leaves no orphan: one plain alias, at the new build on success, at the old one on failure',
    check: (row, { w }) => expect(pointsAt(w)).toBe(bare((row.endsAt === 'a' ? w.a : w.b).dnsName)),
  },
  checks: [
    {
      title: 'never lets the live name point at an unhealthy target',
      check(row, r) {
        expect(r.badSamples).toEqual([]);
        expect(unhealthyAnswers(r.w)).toEqual([]);
        if (r.afterKill) expect(r.afterKill).toEqual([]);
        // Once health is lost, b2's share only ever goes down (back to 0 / removed).
        if (row.meddle === 'health-lost') {
          const rising = r.weightsAfterLoss.some((weight, i) => i > 0 && weight > r.weightsAfterLoss[i - 1]!);
          expect(rising).toBe(false);
        }
      },
    },
  ],
});
