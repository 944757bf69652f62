// The parts of cutover-dns that need no AWS: the history record, record shapes and weights,
// the step plan, the cross-input rules and answer matching (throttling retries: packages/core/test).
import { describe, expect, it } from '@jest/globals';
import { GuardError, UserError } from '@immut/core/errors';
import { readInputs } from '@immut/core/inputs';
import type { ActionIO } from '@immut/core/action-io';
import { answerMatches, casBatch, snapshotKey } from '../change.js';
import { planSteps } from '../cutover.js';
import {
  type BuildTarget,
  assertOwnedName,
  historyName,
  historyRecord,
  parseHistory,
  rollbackTarget,
} from '../history.js';
import { LOAD_BALANCER_DNS_NAME, crossCheckCutoverDns, cutoverDnsInputs } from '../inputs.js';
import { checkInputs } from '../main.js';
import { fqdn, plainAlias, shapeOf, weightFor, weightedAlias } from '../records.js';
import { loadBalancerNameOf } from '../targets.js';

const A: BuildTarget = {
  build: 'b1',
  release: 'api-b1',
  dnsName: 'prod-api-b1-111.us-east-1.elb.amazonaws.com',
  zoneId: 'Z35SXDOTRQ7X7K',
};
const B: BuildTarget = {
  build: 'b2',
  release: 'api-b2',
  dnsName: 'prod-api-b2-222.us-east-1.elb.amazonaws.com',
  zoneId: 'Z35SXDOTRQ7X7K',
};
const NAME = 'api.prod.example.test';
const ID = { role: 'api', env: 'prod' };

describe('history record', () => {
  it('round-trips current and previous build, targets, weight, time and run', () => {
    const record = historyRecord(NAME, {
      ...ID,
      current: B,
      previous: A,
      weight: 10,
      at: '2025-01-15T10:00:00.000Z',
      run: 'https://github.com/o/r/actions/runs/1',
    });
    expect(record.Name).toBe('_immut-history.api.prod.example.test.');
    expect(record.Type).toBe('TXT');
    for (const text of record.ResourceRecords![0]!.Value!.match(/"[^"]*"/g)!)
      expect(text.length).toBeLessThanOrEqual(257);
    expect(parseHistory(record)).toEqual({
      ...ID,
      current: B,
      previous: A,
      weight: 10,
      at: '2025-01-15T10:00:00.000Z',
      run: 'https://github.com/o/r/actions/runs/1',
    });
  });

  it('refuses a TXT record at the history name that is not one', () => {
    expect(() =>
      parseHistory({
        Name: historyName(NAME),
        Type: 'TXT',
        TTL: 60,
        ResourceRecords: [{ Value: '"v=spf1 -all"' }],
      }),
    ).toThrow(GuardError);
  });

  it('lets a first cutover create the name, and guards names immut did not make or made for another role', () => {
    expect(() => assertOwnedName(NAME, undefined, false, ID)).not.toThrow();
    expect(() => assertOwnedName(NAME, undefined, true, ID)).toThrow(/no immut history record/);
    const billing = parseHistory(historyRecord(NAME, { role: 'billing', env: 'prod', current: A, at: 'x' }));
    expect(() => assertOwnedName(NAME, billing, true, ID)).toThrow(/belongs to role 'billing'/);
  });

  it('rolls back only to a recorded previous build', () => {
    expect(() => rollbackTarget(NAME, undefined)).toThrow(/no history record/);
    expect(() => rollbackTarget(NAME, { ...ID, current: A, at: 'x' })).toThrow(/only build b1/);
    expect(rollbackTarget(NAME, { ...ID, current: B, previous: A, at: 'x' })).toEqual(A);
  });
});

describe('records', () => {
  it('maps percentages onto Route 53 weights 0–255, never a full swap', () => {
    expect([1, 10, 50, 99].map(weightFor)).toEqual([3, 26, 128, 252]);
    expect(weightFor(0.1)).toBe(1);
    expect(weightFor(100)).toBe(254);
  });

  it('stores names as Route 53 does', () => {
    expect(fqdn('API.Example.test')).toBe('api.example.test.');
    expect(fqdn('*.example.test.')).toBe('\\052.example.test.');
  });

  it('tells plain aliases, weighted pairs and foreign records apart', () => {
    expect(shapeOf([])).toEqual({ kind: 'none' });
    expect(shapeOf([plainAlias(NAME, A)])).toEqual({
      kind: 'plain',
      target: { dnsName: A.dnsName, zoneId: A.zoneId },
    });
    expect(shapeOf([weightedAlias(NAME, 'b1', 229, A), weightedAlias(NAME, 'b2', 26, B)]).kind).toBe(
      'weighted',
    );
    expect(
      shapeOf([{ Name: fqdn(NAME), Type: 'A', TTL: 60, ResourceRecords: [{ Value: '10.0.0.1' }] }]).kind,
    ).toBe('other');
  });

  it('finds the load balancer name inside its DNS name', () => {
    expect(loadBalancerNameOf('prod-api-b1-1234567890.us-east-1.elb.amazonaws.com')).toBe('prod-api-b1');
    expect(loadBalancerNameOf('dualstack.internal-web-42.eu-west-1.elb.amazonaws.com.')).toBe('web');
    expect(loadBalancerNameOf('nlb-x-0123456789abcdef.elb.us-east-1.amazonaws.com')).toBe('nlb-x');
    expect(loadBalancerNameOf('localhost')).toBeUndefined();
  });
});

describe('planSteps', () => {
  const request = { name: NAME, identity: { ...ID, build: 'b2' }, runUrl: '', steps: [10, 50, 100] };

  it('swaps in one step whose history keeps the build it leaves', () => {
    const [only, ...rest] = planSteps({ ...request, strategy: 'swap' }, A, B);
    expect(rest).toEqual([]);
    const snapshot = only!.snapshot('t');
    expect(snapshot.records).toEqual([plainAlias(NAME, B)]);
    expect(parseHistory(snapshot.history!)).toMatchObject({ current: B, previous: A });
  });

  it('steps through weighted pairs named by build and ends on a plain alias', () => {
    const plans = planSteps({ ...request, strategy: 'weighted' }, A, B);
    expect(
      plans.map((p) =>
        p.snapshot('t').records.map((r) => `${r.SetIdentifier ?? 'plain'}:${r.Weight ?? '-'}`),
      ),
    ).toEqual([['b1:229', 'b2:26'], ['b1:127', 'b2:128'], ['plain:-']]);
    expect(plans.map((p) => p.final)).toEqual([false, false, true]);
    expect(parseHistory(plans[0]!.snapshot('t').history!).weight).toBe(10);
  });

  it('creates a first name in one step even when weighted', () => {
    expect(planSteps({ ...request, strategy: 'weighted' }, undefined, B)).toHaveLength(1);
  });

  it('refuses weighted sets that could not tell the builds apart', () => {
    expect(() => planSteps({ ...request, strategy: 'weighted' }, { ...A, build: 'b2' }, B)).toThrow(
      UserError,
    );
  });
});

describe('compare-and-swap batch', () => {
  it('deletes exactly what was read and creates the new, in one batch', () => {
    const from = {
      records: [plainAlias(NAME, A)],
      history: historyRecord(NAME, { ...ID, current: A, at: 't0' }),
    };
    const to = {
      records: [plainAlias(NAME, B)],
      history: historyRecord(NAME, { ...ID, current: B, previous: A, at: 't1' }),
    };
    expect(casBatch(from, to).map((c) => `${c.Action} ${c.ResourceRecordSet?.Type}`)).toEqual([
      'DELETE A',
      'DELETE TXT',
      'CREATE A',
      'CREATE TXT',
    ]);
    expect(casBatch({ records: [], history: undefined }, to).map((c) => c.Action)).toEqual([
      'CREATE',
      'CREATE',
    ]);
    expect(snapshotKey(from)).not.toBe(snapshotKey(to));
    expect(snapshotKey({ records: [plainAlias(NAME.toUpperCase(), A)], history: from.history })).toBe(
      snapshotKey(from),
    );
  });
});

describe('inputs', () => {
  const base = {
    role: 'api',
    env: 'prod',
    build: 'b1',
    region: 'us-east-1',
    zone: 'example.test',
    name: NAME,
  };
  const parse = (extra: Record<string, string>) =>
    readInputs(cutoverDnsInputs, (name) => ({ ...base, ...extra })[name] ?? '');

  it('needs a target to cut over to, and refuses one with rollback', () => {
    expect(crossCheckCutoverDns(parse({}))).toHaveLength(2);
    expect(crossCheckCutoverDns(parse({ mode: 'rollback', 'target-zone-id': 'Z35SXDOTRQ7X7K' }))).toEqual([
      "Input 'target-zone-id' is not used when mode is 'rollback' (the target comes from the name's history record); remove it.",
    ]);
  });

  it('refuses weighted holds that cannot fit in the timeout', () => {
    const inputs = parse({
      mode: 'rollback',
      strategy: 'weighted',
      steps: '10,20,50,100',
      'step-wait': '20m',
      timeout: '1h',
    });
    expect(crossCheckCutoverDns(inputs)).toEqual([
      expect.stringContaining('holds 3 steps for step-wait 20m00s'),
    ]);
    expect(crossCheckCutoverDns({ ...inputs, strategy: 'swap' })).toEqual([]);
  });

  it('takes the zone as launch-behind-lb resolved it, only for the zone input zone names', () => {
    const check = (extra: Record<string, string>) => {
      const raw: Record<string, string> = {
        ...base,
        'target-dns-name': 'prod-api-b1-1234567890.us-east-1.elb.amazonaws.com',
        'target-zone-id': 'Z35SXDOTRQ7X7K',
        ...extra,
      };
      const io = { getInput: (name: string) => raw[name] ?? '' } as unknown as ActionIO;
      return () => checkInputs({ io, env: {} });
    };
    expect(check({ 'hosted-zone': 'Z0123456789ABC/example.test/public' })().inputs.hostedZone).toBe(
      'Z0123456789ABC/example.test/public',
    );
    expect(check({ 'hosted-zone': 'Z0123456789ABC/other.test/public' })).toThrow(
      /Input 'hosted-zone' was 'Z0123456789ABC\/other.test\/public', which is not the zone input 'zone' names \('example.test'\)/,
    );
  });

  it('accepts load balancer DNS names only', () => {
    expect(LOAD_BALANCER_DNS_NAME.test('prod-api-b1-1234567890.us-east-1.elb.amazonaws.com')).toBe(true);
    expect(LOAD_BALANCER_DNS_NAME.test('dualstack.web-1.eu-west-1.elb.amazonaws.com.')).toBe(true);
    expect(LOAD_BALANCER_DNS_NAME.test('net-1a2b.elb.us-east-1.amazonaws.com')).toBe(true);
    expect(LOAD_BALANCER_DNS_NAME.test('api.example.com')).toBe(false);
  });
});

describe('answerMatches', () => {
  const resolve4 = async (host: string) =>
    host === A.dnsName ? ['192.0.2.1', '192.0.2.2'] : ['198.51.100.7'];

  it("accepts the target's own name or one of its addresses", async () => {
    expect(await answerMatches({ code: 'NOERROR', data: [`${A.dnsName}.`] }, [A], resolve4)).toBe(true);
    expect(await answerMatches({ code: 'NOERROR', data: ['192.0.2.2'] }, [A], resolve4)).toBe(true);
  });

  it('rejects another target, an empty answer or NXDOMAIN', async () => {
    expect(await answerMatches({ code: 'NOERROR', data: ['198.51.100.7'] }, [A], resolve4)).toBe(false);
    expect(await answerMatches({ code: 'NOERROR', data: [] }, [A], resolve4)).toBe(false);
    expect(await answerMatches({ code: 'NXDOMAIN', data: [A.dnsName] }, [A], resolve4)).toBe(false);
  });
});
