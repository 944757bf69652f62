// End-to-end: the built cutover-dns bundle, run as the GitHub runner runs it, against the
// sandbox. Builds behind load balancers are made directly with SDK clients (fixtures.ts), tagged
// as launch-behind-lb tags them. Each scenario has its own sandbox, and scenarios run in
// parallel in beforeAll; the tests then check what each run did and what it left behind.
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Build,
  ZONE_NAME,
  createZone,
  historyAt,
  launchBuild,
  loseHealth,
  pointsAt,
  recordsAt,
  settle,
  upsertAlias,
} from '@immut/test-support/builds-behind-lb';
import { ChangeResourceRecordSetsCommand, type ResourceRecordSet } from '@aws-sdk/client-route-53';
import { leaseRecord } from '@immut/core/lease';
import type { CallRecord, Sandbox } from '@immut/sandbox';
import { type ActionRun, errorsOf } from '@immut/action-runner';
import { documentedIamActions, iamActionsCalled, startE2eSandbox } from '@immut/test-support/sandbox';
import {
  ENV,
  NAME,
  ROLE,
  type World,
  actionCalls,
  allScenarios,
  changes,
  changesOf,
  errorText,
  expectOk,
  extraSandboxes,
  isLeaseChange,
  run,
  scenario,
  to,
  until,
  useScenarios,
  world,
} from '../../actions/cutover-dns/test/e2e-support.js';

useScenarios();

describe('cutover-dns moves the name', () => {
  let w: World;
  const runs: Record<string, ActionRun> = {};
  const history: Record<string, Record<string, string> | undefined> = {};
  const changeCalls: Record<string, number> = {};
  /** Every Route 53 call of a step, `operation outcome`. */
  const route53Calls: Record<string, string[]> = {};
  let readBeforeRollback: ResourceRecordSet[] = [];
  let rollbackBatch: CallRecord | undefined;
  scenario(async () => {
    w = await world();
    const step = async (key: string, inputs: Record<string, string>) => {
      const before = changes(w).length;
      const from = w.sandbox.calls().length;
      runs[key] = await run(w, inputs);
      changeCalls[key] = changes(w).length - before;
      route53Calls[key] = w.sandbox
        .calls()
        .slice(from)
        .filter((c) => c.service === 'route53')
        .map((c) => `${c.operation} ${c.outcome}`);
      history[key] = await historyAt(w.c, w.zone, NAME);
    };
    await step('first', to(w.a));
    await step('swap', to(w.b, { zone: w.zone }));
    await step('rerun', to(w.b));
    readBeforeRollback = [
      ...(await recordsAt(w.c, w.zone, NAME, 'A')),
      ...(await recordsAt(w.c, w.zone, `_immut-history.${NAME}`, 'TXT')),
    ];
    await step('rollback', { mode: 'rollback' });
    rollbackBatch = changes(w).at(-1);
  });

  it('creates the record and its history on the first cutover', () => {
    expectOk(runs['first']!);
    expect(runs['first']!.outputs).toEqual({
      'previous-target': '',
      'current-target': w.a.dnsName,
      'change-id': expect.stringMatching(/^C[0-9A-Z]+$/),
    });
    expect(changeCalls['first']).toBe(1);
    expect(history['first']).toMatchObject({
      current: 'b1',
      'current-target': w.a.dnsName,
      role: ROLE,
      env: ENV,
    });
    expect(history['first']).not.toHaveProperty('previous');
    expect(runs['first']!.logLines.join('\n')).toContain(`Route 53 answers ${NAME} with ${w.a.dnsName}`);
  });

  it('swaps from build A to build B in one compare-and-swap batch, with the history in it', () => {
    expectOk(runs['swap']!);
    expect(runs['swap']!.outputs).toMatchObject({
      'previous-target': w.a.dnsName,
      'current-target': w.b.dnsName,
    });
    expect(changeCalls['swap']).toBe(1);
    const swap = changes(w)[1]!;
    // The name's lease comes in the same batch: taken with the change, or neither happens.
    expect(
      changesOf(swap).map(
        (ch) =>
          `${ch.Action} ${String(ch.ResourceRecordSet['Type'])} ${String(ch.ResourceRecordSet['Name']).split('.')[0]}`,
      ),
    ).toEqual([
      'CREATE TXT _immut-lease',
      'DELETE A api',
      'DELETE TXT _immut-history',
      'CREATE A api',
      'CREATE TXT _immut-history',
    ]);
    expect(history['swap']).toMatchObject({ current: 'b2', previous: 'b1', 'previous-target': w.a.dnsName });
    expect(runs['swap']!.summary).toContain('```mermaid');
  });

  it('takes the lease with its change and gives it back after: two change batches in all', () => {
    // The zone given by id: GetHostedZone checks it.
    expect(route53Calls['swap']).toEqual([
      'GetHostedZone ok',
      'ListResourceRecordSets ok',
      'ChangeResourceRecordSets ok',
      'GetChange ok',
      'TestDNSAnswer ok',
      'ChangeResourceRecordSets ok',
    ]);
    const log = runs['swap']!.logLines.join('\n');
    expect(log).toContain(`Holding the lease _immut-lease.${NAME}. until`);
    expect(log).toContain(`Released the lease _immut-lease.${NAME}.`);
  });

  it('changes nothing when re-run for the build it already points at', () => {
    expectOk(runs['rerun']!);
    expect(changeCalls['rerun']).toBe(0);
    expect(runs['rerun']!.outputs).toEqual({
      'previous-target': w.a.dnsName,
      'current-target': w.b.dnsName,
      'change-id': '',
    });
  });

  it('rolls back to build A from the history record alone', async () => {
    expectOk(runs['rollback']!);
    expect(runs['rollback']!.outputs).toMatchObject({
      'previous-target': w.b.dnsName,
      'current-target': w.a.dnsName,
    });
    expect(await pointsAt(w.c, w.zone, NAME)).toBe(w.a.dnsName);
    expect(history['rollback']).toMatchObject({ current: 'b1', previous: 'b2' });
  });

  it('rolls back with a batch that DELETEs the records exactly as Route 53 listed them', () => {
    expect(changeCalls['rollback']).toBe(1);
    const deleted = changesOf(rollbackBatch!)
      .filter((ch) => ch.Action === 'DELETE')
      .map((ch) => ch.ResourceRecordSet);
    // The call log holds the request as the sandbox decoded it from the SDK's XML: strings.
    const asSent = (r: ResourceRecordSet): Record<string, unknown> =>
      JSON.parse(
        JSON.stringify({
          Name: r.Name,
          Type: r.Type,
          ...(r.TTL !== undefined ? { TTL: String(r.TTL) } : {}),
          ...(r.ResourceRecords
            ? { ResourceRecords: { ResourceRecord: { Value: r.ResourceRecords[0]?.Value } } }
            : {}),
          ...(r.AliasTarget
            ? {
                AliasTarget: {
                  HostedZoneId: r.AliasTarget.HostedZoneId,
                  DNSName: r.AliasTarget.DNSName,
                  EvaluateTargetHealth: String(r.AliasTarget.EvaluateTargetHealth),
                },
              }
            : {}),
        }),
      ) as Record<string, unknown>;
    expect(readBeforeRollback.map((r) => r.AliasTarget?.DNSName ?? '')).toContain(`${w.b.dnsName}.`);
    expect(deleted).toEqual(readBeforeRollback.map(asSent));
  });
});

describe('cutover-dns weighted', () => {
  let w: World;
  let weighted: ActionRun;
  let calls: CallRecord[];
  scenario(async () => {
    w = await world('web');
    const web = { role: 'web', name: `web.${ENV}.${ZONE_NAME}` };
    expectOk(await run(w, { ...web, ...to(w.a) }));
    w.sandbox.clearCalls();
    weighted = await run(w, {
      ...web,
      ...to(w.b, { strategy: 'weighted', steps: '10,50,100', 'step-wait': '2m' }),
    });
    calls = w.sandbox.calls();
  });

  it('steps 10% → 50% → 100% through weighted aliases, ending on a plain alias', () => {
    expectOk(weighted);
    const batches = changes(w).map((call) =>
      changesOf(call)
        .filter((ch) => ch.Action === 'CREATE' && ch.ResourceRecordSet['Type'] === 'A')
        .map(
          (ch) =>
            `${String(ch.ResourceRecordSet['SetIdentifier'] ?? 'plain')}=${String(ch.ResourceRecordSet['Weight'] ?? '-')}`,
        ),
    );
    // Route 53 weights are 0–255: 10% of 255 is 26, 50% is 128.
    expect(batches).toEqual([['b1=229', 'b2=26'], ['b1=127', 'b2=128'], ['plain=-']]);
    expect(weighted.summary).toContain('0% → 10% → 50% → 100%');
  });

  it('waits for INSYNC, verifies the answer and holds each step while watching health', () => {
    const ops = calls
      .filter((c) => !(c.operation === 'ChangeResourceRecordSets' && isLeaseChange(c)))
      .filter((c) =>
        ['ChangeResourceRecordSets', 'GetChange', 'TestDNSAnswer', 'DescribeTargetHealth'].includes(
          c.operation,
        ),
      )
      .map((c) => c.operation);
    const firstChange = ops.indexOf('ChangeResourceRecordSets');
    const secondChange = ops.indexOf('ChangeResourceRecordSets', firstChange + 1);
    const between = ops.slice(firstChange + 1, secondChange);
    expect(between[0]).toBe('GetChange');
    expect(between).toContain('TestDNSAnswer');
    // Health is watched during the hold and re-checked before the next step.
    expect(between.filter((op) => op === 'DescribeTargetHealth').length).toBeGreaterThanOrEqual(2);
  });
});

describe('cutover-dns health', () => {
  let refused: { w: World; r: ActionRun };
  let lost: {
    w: World;
    r: ActionRun;
    historyBefore?: Record<string, string>;
    historyAfter?: Record<string, string>;
  };
  scenario(async () => {
    const [w1, w2] = await Promise.all([
      world(ROLE, { faults: [{ kind: 'target-never-healthy', match: { targetGroupName: 'prod-api-b2' } }] }),
      world(),
    ]);
    // Unhealthy B: refused before any change.
    expectOk(await run(w1, to(w1.a)));
    refused = { w: w1, r: await run(w1, to(w1.b)) };

    // Health lost mid-way: B drains while the first weighted step is held.
    expectOk(await run(w2, to(w2.a)));
    const historyBefore = await historyAt(w2.c, w2.zone, NAME);
    w2.sandbox.clearCalls();
    const pending = run(
      w2,
      to(w2.b, { strategy: 'weighted', steps: '10,50,100', 'step-wait': '1h', timeout: '4h' }),
    );
    await until(() => changes(w2).length === 1, 'the first weighted step');
    await loseHealth(w2.c, w2.b);
    const r = await pending;
    lost = { w: w2, r, ...(historyBefore ? { historyBefore } : {}) };
    const after = await historyAt(w2.c, w2.zone, NAME);
    if (after) lost.historyAfter = after;
  });

  it('refuses to move traffic to a build whose targets are unhealthy, before any change', async () => {
    const { w, r } = refused;
    expect(r.exitCode).toBe(1);
    expect(errorText(r)).toMatch(
      /0\/1 targets healthy; i-[0-9a-f]+ unhealthy \(Target\.Timeout\)\. Refusing to move traffic to build b2; nothing was changed/,
    );
    expect(changes(w)).toHaveLength(1); // the first cutover to A only
    expect(await pointsAt(w.c, w.zone, NAME)).toBe(w.a.dnsName);
  });

  it('sends all traffic back to build A when B loses health mid-way, and fails', async () => {
    const { w, r } = lost;
    expect(r.exitCode).toBe(1);
    expect(errorText(r)).toContain('build b2 lost health mid-way');
    expect(errorText(r)).toContain('All traffic was sent back to build b1');
    expect(await pointsAt(w.c, w.zone, NAME)).toBe(w.a.dnsName);
    // The history is restored exactly: a later rollback still means "the build before b1".
    expect(lost.historyAfter).toEqual(lost.historyBefore);
    expect(r.outputs['current-target']).toBe(w.a.dnsName);
    expect(r.summary).toContain('returned');
  });
});

describe('cutover-dns compare-and-swap', () => {
  let w: World;
  let r: ActionRun;
  scenario(async () => {
    w = await world();
    expectOk(await run(w, to(w.a)));
    // Slow the health gate, which the action passes between reading the name and writing
    // it, so another writer's change lands in between.
    w.sandbox.addFaults([
      {
        kind: 'latency',
        service: 'elasticloadbalancing',
        operation: 'DescribeTargetHealth',
        wallMs: 1500,
        times: 1,
      },
    ]);
    w.sandbox.clearCalls();
    const pending = run(w, to(w.b));
    await until(
      // The name and its history, read in one call (core's recordSetsWithChild).
      () => w.sandbox.calls().filter((c) => c.operation === 'ListResourceRecordSets').length >= 1,
      'the action to read the name',
    );
    await upsertAlias(w.c, w.zone, NAME, w.b);
    r = await pending;
  });

  it('detects a change between its read and its write and overwrites nothing', async () => {
    expect(r.exitCode).toBe(1);
    expect(errorText(r)).toContain('the record changed since it was read; is another cutover running?');
    // What the other writer put there stays (EvaluateTargetHealth false is its, not ours).
    const [record] = await recordsAt(w.c, w.zone, NAME, 'A');
    expect(record?.AliasTarget?.EvaluateTargetHealth).toBe(false);
    expect((await historyAt(w.c, w.zone, NAME))?.['current']).toBe('b1');
  });
});

describe('cutover-dns dry run', () => {
  let w: World;
  let r: ActionRun;
  scenario(async () => {
    w = await world();
    expectOk(await run(w, to(w.a)));
    w.sandbox.clearCalls();
    r = await run(w, to(w.b, { 'dry-run': 'true', strategy: 'weighted', steps: '50,100' }));
  });

  it('prints the change batches it would send and changes nothing', async () => {
    expectOk(r);
    const log = r.logLines.join('\n');
    expect(log).toContain('Dry run: change batch 1 would send 50% of api.prod.example.test to build b2');
    expect(log).toContain('"Action": "DELETE"');
    expect(log).toContain('"SetIdentifier": "b2"');
    expect(r.summary).toContain('Change batch 2: point api.prod.example.test at build b2');
    expect(w.sandbox.calls().filter((c) => c.operation === 'ChangeResourceRecordSets')).toEqual([]);
    expect(r.outputs['change-id']).toBe('');
    expect(await pointsAt(w.c, w.zone, NAME)).toBe(w.a.dnsName);
  });
});

describe('cutover-dns bad inputs', () => {
  let w: World;
  let bare: Sandbox;
  let other: Build;
  let recordsBefore: string;
  const results: Array<{
    input: string;
    given: Record<string, string>;
    expected: string | RegExp;
    early: boolean;
    r: ActionRun;
  }> = [];

  /** Malformed values: refused before any AWS call. */
  const malformed: Array<[string, Record<string, string>, string]> = [
    ['role', { role: 'API' }, "Input 'role' was 'API'"],
    ['env', { env: 'internal' }, "Input 'env' was 'internal'"],
    ['build', { build: 'B_1' }, "Input 'build' was 'B_1'"],
    ['region', { region: 'mars-1' }, "Input 'region' was 'mars-1'"],
    ['dry-run', { 'dry-run': 'yes' }, "Input 'dry-run' was 'yes'"],
    [
      'zone',
      { zone: 'not a zone!' },
      "Input 'zone' was 'not a zone!': neither a hosted zone id nor a DNS name",
    ],
    ['name', { name: 'api prod' }, "Input 'name' was 'api prod'"],
    ['target-dns-name', { 'target-dns-name': 'example.com' }, "Input 'target-dns-name' was 'example.com'"],
    [
      'target-dns-name',
      { 'target-dns-name': '', 'target-zone-id': '' },
      "Input 'target-dns-name' is required when mode is 'cutover'",
    ],
    ['target-zone-id', { 'target-zone-id': 'z123' }, "Input 'target-zone-id' was 'z123'"],
    ['target-group-arns', { 'target-group-arns': 'arn:nope' }, "Input 'target-group-arns' was 'arn:nope'"],
    ['strategy', { strategy: 'canary' }, "Input 'strategy' was 'canary'"],
    ['steps', { steps: '50,10,100' }, "Input 'steps' was '50,10,100': steps must rise"],
    ['steps', { steps: '10,50' }, 'the last step must be 100'],
    ['steps', { steps: 'ten' }, "Input 'steps' was 'ten': not a list of percentages"],
    ['step-wait', { 'step-wait': 'soon' }, "Input 'step-wait' was 'soon'"],
    ['step-wait', { 'step-wait': '2h' }, "Input 'step-wait' was '2h': out of range"],
    ['mode', { mode: 'forward' }, "Input 'mode' was 'forward'"],
    ['mode', { mode: 'rollback' }, "Input 'target-dns-name' is not used when mode is 'rollback'"],
    ['timeout', { timeout: '10s' }, "Input 'timeout' was '10s': out of range"],
    [
      'timeout',
      { strategy: 'weighted', 'step-wait': '1h', timeout: '1h' },
      "Input 'timeout' was 1h00m: the weighted cutover holds 2 steps for step-wait 1h00m each",
    ],
  ];

  /** Well-formed values that do not fit what is in the account: refused before any change. */
  const unfit = (w: World, other: Build): Array<[string, Record<string, string>, string | RegExp]> => [
    [
      'zone',
      { zone: 'nowhere.test' },
      "Input 'zone' was 'nowhere.test': this account has no hosted zone of that name",
    ],
    // Under the generated policy (zones named) any other id is AccessDenied, as on AWS.
    [
      'zone',
      { zone: 'ZNOSUCHZONE0000' },
      "Input 'zone' was 'ZNOSUCHZONE0000': the role may not read that hosted zone (AWS denied route53:GetHostedZone)",
    ],
    [
      'zone',
      { zone: 'twin.test', name: 'api.twin.test' },
      /Input 'zone' was 'twin.test': 2 public hosted zones have that name: Z\w+ \(public\), Z\w+ \(public\)/,
    ],
    [
      'name',
      { name: 'api.other.test' },
      "Input 'name' was 'api.other.test': it is not inside hosted zone example.test",
    ],
    // A name that immut did not make is refused on its first read, before any write (the
    // policy, naming only the role names immut manages, would refuse that write too).
    [
      'name',
      { name: 'foreign.example.test' },
      'Refusing to change foreign.example.test: it has an A record but no immut history record',
    ],
    [
      'name',
      { name: 'billing.prod.example.test' },
      "Refusing to modify DNS name billing.prod.example.test: it belongs to role 'billing'",
    ],
    [
      'target-dns-name',
      { 'target-dns-name': 'prod-api-b9-1234567890.us-east-1.elb.amazonaws.com' },
      "Input 'target-dns-name' was 'prod-api-b9-1234567890.us-east-1.elb.amazonaws.com': no load balancer with that DNS name exists",
    ],
    [
      'target-dns-name',
      { 'target-dns-name': other.dnsName },
      "load balancer prod-billing-b1 is not immut's for role 'api'",
    ],
    [
      'target-zone-id',
      { 'target-zone-id': 'Z1H1FL5HABSF5' },
      "Input 'target-zone-id' was 'Z1H1FL5HABSF5': load balancer prod-api-b2 is in hosted zone Z35SXDOTRQ7X7K",
    ],
    [
      'target-group-arns',
      { 'target-group-arns': w.a.targetGroupArn },
      'prod-api-b1 does not serve load balancer prod-api-b2',
    ],
    // A name never cut over has nothing to return to: refused on its first read, before any write.
    [
      'mode',
      { mode: 'rollback', 'target-dns-name': '', 'target-zone-id': '', name: 'new.example.test' },
      'Cannot roll back new.example.test: it has no history record (_immut-history.new.example.test. TXT), so immut never cut it over.',
    ],
    [
      'mode',
      { mode: 'rollback', 'target-dns-name': '', 'target-zone-id': '' },
      'Cannot roll back api.prod.example.test: its history records only build b1',
    ],
  ];

  scenario(async () => {
    bare = await startE2eSandbox();
    extraSandboxes.push(bare);
    w = await world();
    other = await launchBuild(w.sandbox, w.c, { role: 'billing', env: ENV, build: 'b1' });
    await settle(w.sandbox);
    expectOk(await run(w, to(w.a)));
    expectOk(await run(w, { ...to(other), role: 'billing', name: `billing.${ENV}.${ZONE_NAME}` }));
    await upsertAlias(w.c, w.zone, `foreign.${ZONE_NAME}`, w.a);
    await createZone(w.c, 'twin.test');
    await createZone(w.c, 'twin.test');
    recordsBefore = JSON.stringify(w.sandbox.inventory().filter((i) => i.kind === 'resource-record-set'));
    w.sandbox.clearCalls();
    const late = unfit(w, other);
    const runs = await Promise.all([
      ...malformed.map(([, given]) => run({ sandbox: bare }, { ...to(w.b), ...given })),
      ...late.map(([, given]) => run(w, { ...to(w.b), ...given })),
    ]);
    [...malformed.map((c) => [...c, true] as const), ...late.map((c) => [...c, false] as const)].forEach(
      ([input, given, expected, early], i) => results.push({ input, given, expected, early, r: runs[i]! }),
    );
  });

  it('fails each bad value with one clear error naming the input, the value and what is expected', () => {
    for (const { given, expected, r } of results) {
      const text = errorText(r);
      const matches = typeof expected === 'string' ? text.includes(expected) : expected.test(text);
      expect({ given, exit: r.exitCode, matches, text }).toEqual({ given, exit: 1, matches: true, text });
      expect(errorsOf(r)).toHaveLength(1);
      expect(text).not.toMatch(/likely a bug/);
    }
  });

  it('covers every input of action.yml', () => {
    const covered = new Set(results.map((x) => x.input));
    for (const input of [
      'role',
      'env',
      'build',
      'region',
      'dry-run',
      'zone',
      'name',
      'target-dns-name',
      'target-zone-id',
      'target-group-arns',
      'strategy',
      'steps',
      'step-wait',
      'mode',
      'timeout',
    ]) {
      expect(covered).toContain(input);
    }
  });

  it('makes no AWS call at all for malformed values', () => {
    expect(bare.calls()).toEqual([]);
  });

  it('changes nothing for values that do not fit the account', () => {
    // Taking and giving back the lease is all a refused run writes.
    expect(
      w.sandbox.calls().filter((c) => c.operation === 'ChangeResourceRecordSets' && !isLeaseChange(c)),
    ).toEqual([]);
    expect(JSON.stringify(w.sandbox.inventory().filter((i) => i.kind === 'resource-record-set'))).toBe(
      recordsBefore,
    );
  });
});

describe("cutover-dns and the name's lease", () => {
  let w: World;
  let blocked: ActionRun;
  let takenOver: ActionRun;
  let pointedWhileBlocked = '';
  let leaseAfter: ResourceRecordSet[] = [];
  const lease = (holder: string, expires: Date): ResourceRecordSet =>
    leaseRecord(NAME, {
      holder,
      run: 'https://github.com/acme/shop/actions/runs/42',
      expires: expires.toISOString(),
      token: '0123456789abcdef',
    });
  const put = (action: 'CREATE' | 'DELETE', record: ResourceRecordSet) =>
    w.c.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: w.zone,
        ChangeBatch: { Comment: 'someone else', Changes: [{ Action: action, ResourceRecordSet: record }] },
      }),
    );
  scenario(async () => {
    w = await world();
    expectOk(await run(w, to(w.a)));
    // A retirement of this name holds the lease for a long time yet.
    const held = lease('retire-release:api/prod:b7', new Date(Date.now() + 30 * 86_400_000));
    await put('CREATE', held);
    blocked = await run(w, to(w.b, { timeout: '30m' }));
    pointedWhileBlocked = await pointsAt(w.c, w.zone, NAME);
    // Its run was killed: the lease expired and the next run takes it over.
    await put('DELETE', held);
    await put('CREATE', lease('retire-release:api/prod:b7', new Date(Date.now() - 86_400_000)));
    takenOver = await run(w, to(w.b));
    leaseAfter = await recordsAt(w.c, w.zone, `_immut-lease.${NAME}`, 'TXT');
  });

  it('waits for a lease another run holds, then fails naming the holder and changes nothing', () => {
    expect(blocked.exitCode).toBe(1);
    expect(errorText(blocked)).toContain(
      `Could not take the lease _immut-lease.${NAME}.: it is held by retire-release:api/prod:b7 (run https://github.com/acme/shop/actions/runs/42)`,
    );
    expect(blocked.logLines.join('\n')).toContain(`Waiting for the lease _immut-lease.${NAME}.`);
    expect(pointedWhileBlocked).toBe(w.a.dnsName);
  });

  it('takes over an expired lease, says so, moves the name and releases the lease', () => {
    expectOk(takenOver);
    expect(takenOver.logLines.join('\n')).toContain(
      `The lease _immut-lease.${NAME}. of retire-release:api/prod:b7 (run https://github.com/acme/shop/actions/runs/42)`,
    );
    // Its first batch, carrying a lease CREATE, was refused whole; it started again holding the lease.
    expect(takenOver.logLines.join('\n')).toContain(`taking the lease first, then reading ${NAME} again.`);
    expect(takenOver.outputs['current-target']).toBe(w.b.dnsName);
    expect(leaseAfter).toEqual([]);
  });
});

describe('cutover-dns permissions', () => {
  beforeAll(() => allScenarios(), 60_000);

  it('calls only the IAM actions its docs list, and every one of them', () => {
    const called = iamActionsCalled(actionCalls);
    const documented = documentedIamActions('cutover-dns');
    expect(called.filter((a) => !documented.includes(a))).toEqual([]);
    expect(documented.filter((a) => !called.includes(a))).toEqual([]);
  });
});
