// Route 53 over HTTP with the real SDK client: hosted zones, change batches (atomic, CAS),
// record rules, pagination, changes PENDING → INSYNC and the waiter, TestDNSAnswer, faults.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  DeleteHostedZoneCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  TestDNSAnswerCommand,
  waitUntilResourceRecordSetsChanged,
  type Change,
  type ResourceRecordSet,
} from '@aws-sdk/client-route-53';
import {
  CreateLoadBalancerCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { SEED, startSandbox, type Sandbox } from '../src/index.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

let sandbox: Sandbox;
let r53: Route53Client;
let elb: ElasticLoadBalancingV2Client;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, timeScale: 1 });
  r53 = new Route53Client({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  elb = new ElasticLoadBalancingV2Client({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials });
});

afterAll(async () => {
  r53.destroy();
  elb.destroy();
  await sandbox.stop();
});

/** The error a call rejects with (fails the test when it resolves). */
async function failure(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

let zoneSeq = 0;
async function newZone(name: string): Promise<string> {
  const out = await r53.send(
    new CreateHostedZoneCommand({ Name: name, CallerReference: `ref-${++zoneSeq}-${name}` }),
  );
  return out.HostedZone!.Id!;
}

const a = (name: string, value: string | string[], ttl = 300): ResourceRecordSet => ({
  Name: name,
  Type: 'A',
  TTL: ttl,
  ResourceRecords: (Array.isArray(value) ? value : [value]).map((Value) => ({ Value })),
});
const change = (Action: Change['Action'], ResourceRecordSet: ResourceRecordSet): Change => ({
  Action,
  ResourceRecordSet,
});
const apply = (HostedZoneId: string, ...Changes: Change[]) =>
  r53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId, ChangeBatch: { Changes } }));
const records = async (HostedZoneId: string) =>
  (await r53.send(new ListResourceRecordSetsCommand({ HostedZoneId }))).ResourceRecordSets ?? [];

describe('hosted zones', () => {
  it('creates a zone (201, Location, delegation set, NS and SOA records) and gets it', async () => {
    const out = await r53.send(
      new CreateHostedZoneCommand({
        Name: 'Create.Test',
        CallerReference: 'create-1',
        HostedZoneConfig: { Comment: 'hi' },
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(201);
    expect(out.HostedZone?.Id).toMatch(/^\/hostedzone\/Z[0-9A-Z]+$/);
    expect(out.HostedZone?.Name).toBe('create.test.');
    expect(out.HostedZone?.Config).toEqual({ Comment: 'hi', PrivateZone: false });
    expect(out.Location).toBe(`https://route53.amazonaws.com/2013-04-01${out.HostedZone!.Id}`);
    expect(out.ChangeInfo?.Id).toMatch(/^\/change\/C[0-9A-Z]+$/);
    expect(out.ChangeInfo?.Status).toBe('PENDING');
    expect(out.DelegationSet?.NameServers).toHaveLength(4);

    const got = await r53.send(new GetHostedZoneCommand({ Id: out.HostedZone!.Id }));
    expect(got.HostedZone).toEqual({ ...out.HostedZone, ResourceRecordSetCount: 2 });
    expect(got.DelegationSet?.NameServers).toEqual(out.DelegationSet?.NameServers);
    const recs = await records(out.HostedZone!.Id!);
    expect(recs.map((r) => `${r.Name} ${r.Type}`)).toEqual(['create.test. NS', 'create.test. SOA']);
  });

  it('creates a private zone for a VPC', async () => {
    const out = await r53.send(
      new CreateHostedZoneCommand({
        Name: 'private.test',
        CallerReference: 'private-1',
        VPC: { VPCRegion: 'us-east-1', VPCId: SEED.vpc.vpcId },
      }),
    );
    expect(out.HostedZone?.Config?.PrivateZone).toBe(true);
    expect(out.VPC?.VPCId).toBe(SEED.vpc.vpcId);
    const got = await r53.send(new GetHostedZoneCommand({ Id: out.HostedZone!.Id }));
    expect(got.VPCs).toEqual([{ VPCRegion: 'us-east-1', VPCId: SEED.vpc.vpcId }]);
  });

  it('never creates a second zone for a reused CallerReference', async () => {
    await r53.send(new CreateHostedZoneCommand({ Name: 'dup.test', CallerReference: 'same-ref' }));
    const err = await failure(
      r53.send(new CreateHostedZoneCommand({ Name: 'dup.test', CallerReference: 'same-ref' })),
    );
    expect(err.name).toBe('HostedZoneAlreadyExists');
    expect(err.$metadata?.httpStatusCode).toBe(409);
    const zones = await r53.send(new ListHostedZonesByNameCommand({ DNSName: 'dup.test' }));
    expect(zones.HostedZones?.filter((z) => z.Name === 'dup.test.')).toHaveLength(1);
  });

  it('rejects invalid domain names and unknown ids', async () => {
    expect(
      (await failure(r53.send(new CreateHostedZoneCommand({ Name: 'bad..name', CallerReference: 'bad-1' }))))
        .name,
    ).toBe('InvalidDomainName');
    const err = await failure(r53.send(new GetHostedZoneCommand({ Id: '/hostedzone/ZNOSUCHZONE' })));
    expect(err.name).toBe('NoSuchHostedZone');
    expect(err.$metadata?.httpStatusCode).toBe(404);
    expect((await failure(records('ZNOSUCHZONE'))).name).toBe('NoSuchHostedZone');
  });

  it('has the seeded zone example.test.', async () => {
    const out = await r53.send(new ListHostedZonesByNameCommand({ DNSName: 'example.test' }));
    expect(out.HostedZones?.[0]?.Name).toBe('example.test.');
  });

  it('lists zones by name in reversed-label order starting at dnsname, with pagination', async () => {
    for (const n of ['b.order.zz', 'order.zz', 'a.order.zz', 'x.a.order.zz']) await newZone(n);
    const all = await r53.send(new ListHostedZonesByNameCommand({ DNSName: 'ORDER.zz.' }));
    const names = all.HostedZones!.map((z) => z.Name);
    expect(names.slice(0, 4)).toEqual(['order.zz.', 'a.order.zz.', 'x.a.order.zz.', 'b.order.zz.']);
    expect(all.DNSName).toBe('ORDER.zz.');

    const page1 = await r53.send(new ListHostedZonesByNameCommand({ DNSName: 'order.zz', MaxItems: 2 }));
    expect(page1.HostedZones!.map((z) => z.Name)).toEqual(['order.zz.', 'a.order.zz.']);
    expect(page1.IsTruncated).toBe(true);
    expect(page1.MaxItems).toBe(2);
    expect(page1.NextDNSName).toBe('x.a.order.zz.');
    const page2 = await r53.send(
      new ListHostedZonesByNameCommand({
        DNSName: page1.NextDNSName,
        HostedZoneId: page1.NextHostedZoneId,
        MaxItems: 2,
      }),
    );
    expect(page2.HostedZones!.map((z) => z.Name)).toEqual(['x.a.order.zz.', 'b.order.zz.']);

    const err = await failure(r53.send(new ListHostedZonesByNameCommand({ HostedZoneId: 'Z123' })));
    expect(err.name).toBe('InvalidInput');
  });

  it('deletes only an empty zone', async () => {
    const id = await newZone('delete.test');
    await apply(id, change('CREATE', a('www.delete.test', '10.0.0.1')));
    expect((await failure(r53.send(new DeleteHostedZoneCommand({ Id: id })))).name).toBe(
      'HostedZoneNotEmpty',
    );
    await apply(id, change('DELETE', a('www.delete.test', '10.0.0.1')));
    await r53.send(new DeleteHostedZoneCommand({ Id: id }));
    expect((await failure(r53.send(new GetHostedZoneCommand({ Id: id })))).name).toBe('NoSuchHostedZone');
  });
});

describe('change batches', () => {
  let zone: string;
  beforeAll(async () => {
    zone = await newZone('batch.test');
  });

  it('creates, upserts and deletes simple records (names stored lower case with a trailing dot)', async () => {
    await apply(zone, change('CREATE', a('WWW.batch.test', ['10.0.0.2', '10.0.0.1'])));
    let www = (await records(zone)).find((r) => r.Name === 'www.batch.test.');
    expect(www).toEqual(a('www.batch.test.', ['10.0.0.2', '10.0.0.1']));
    await apply(zone, change('UPSERT', a('www.batch.test', '10.0.0.3', 60)));
    www = (await records(zone)).find((r) => r.Name === 'www.batch.test.');
    expect(www).toEqual(a('www.batch.test.', '10.0.0.3', 60));
    await apply(zone, change('DELETE', a('www.batch.test.', '10.0.0.3', 60)));
    expect((await records(zone)).some((r) => r.Name === 'www.batch.test.')).toBe(false);
  });

  it('fails CREATE of an existing record with AWS message', async () => {
    await apply(zone, change('CREATE', a('dup.batch.test', '10.0.0.1')));
    const err = await failure(apply(zone, change('CREATE', a('dup.batch.test', '10.0.0.9'))));
    expect(err.name).toBe('InvalidChangeBatch');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    expect(err.message).toBe(
      "[Tried to create resource record set [name='dup.batch.test.', type='A'] but it already exists]",
    );
  });

  it('fails a DELETE that is not an exact match, and one of a missing record', async () => {
    await apply(zone, change('CREATE', a('del.batch.test', ['10.0.0.1', '10.0.0.2'])));
    const wrongTtl = await failure(
      apply(zone, change('DELETE', a('del.batch.test', ['10.0.0.1', '10.0.0.2'], 60))),
    );
    expect(wrongTtl.name).toBe('InvalidChangeBatch');
    expect(wrongTtl.message).toBe(
      "[Tried to delete resource record set [name='del.batch.test.', type='A'] but the values provided do not match the current values]",
    );
    const partial = await failure(apply(zone, change('DELETE', a('del.batch.test', '10.0.0.1'))));
    expect(partial.message).toContain('do not match the current values');
    const missing = await failure(apply(zone, change('DELETE', a('nothing.batch.test', '10.0.0.1'))));
    expect(missing.message).toBe(
      "[Tried to delete resource record set [name='nothing.batch.test.', type='A'] but it was not found]",
    );
    // Values in another order still match.
    await apply(zone, change('DELETE', a('del.batch.test', ['10.0.0.2', '10.0.0.1'])));
  });

  it('is atomic: one failing change leaves the zone untouched', async () => {
    const before = await records(zone);
    const err = await failure(
      apply(
        zone,
        change('CREATE', a('new1.batch.test', '10.0.0.1')),
        change('UPSERT', a('new2.batch.test', '10.0.0.2')),
        change('DELETE', a('ghost.batch.test', '10.0.0.3')),
      ),
    );
    expect(err.name).toBe('InvalidChangeBatch');
    expect(await records(zone)).toEqual(before);
  });

  it('reports every failing change in one message', async () => {
    const err = await failure(
      apply(
        zone,
        change('DELETE', a('ghost1.batch.test', '10.0.0.1')),
        change('DELETE', a('ghost2.batch.test', '10.0.0.1')),
      ),
    );
    expect(err.message).toBe(
      "[Tried to delete resource record set [name='ghost1.batch.test.', type='A'] but it was not found, Tried to delete resource record set [name='ghost2.batch.test.', type='A'] but it was not found]",
    );
  });

  it('gives compare-and-swap with [DELETE old, CREATE new]; a stale swap fails and changes nothing', async () => {
    await apply(zone, change('CREATE', a('cas.batch.test', '10.0.1.1')));
    await apply(
      zone,
      change('DELETE', a('cas.batch.test', '10.0.1.1')),
      change('CREATE', a('cas.batch.test', '10.0.1.2')),
    );
    // A second writer that still believes the old value loses.
    const err = await failure(
      apply(
        zone,
        change('DELETE', a('cas.batch.test', '10.0.1.1')),
        change('CREATE', a('cas.batch.test', '10.0.1.3')),
      ),
    );
    expect(err.name).toBe('InvalidChangeBatch');
    expect((await records(zone)).find((r) => r.Name === 'cas.batch.test.')).toEqual(
      a('cas.batch.test.', '10.0.1.2'),
    );
  });

  it('refuses two changes to one record set in a batch (other than DELETE then CREATE)', async () => {
    await apply(zone, change('CREATE', a('twice.batch.test', '10.0.0.1')));
    const err = await failure(
      apply(
        zone,
        change('DELETE', a('twice.batch.test', '10.0.0.1')),
        change('DELETE', a('twice.batch.test', '10.0.0.1')),
      ),
    );
    expect(err.name).toBe('InvalidChangeBatch');
    expect(err.message).toContain("invalid set of changes for a resource record set 'A twice.batch.test.'");
  });

  it('refuses names outside the zone and bad values', async () => {
    const outside = await failure(apply(zone, change('CREATE', a('www.other.test', '10.0.0.1'))));
    expect(outside.message).toBe(
      '[RRSet with DNS name www.other.test. is not permitted in zone batch.test.]',
    );
    const ip = await failure(apply(zone, change('CREATE', a('ip.batch.test', '10.0.0.256'))));
    expect(ip.name).toBe('InvalidChangeBatch');
    expect(ip.message).toContain('ARRDATAIllegalIPv4Address');
  });

  it('validates the record shape with InvalidInput', async () => {
    const none = await failure(apply(zone, change('CREATE', { Name: 'x.batch.test', Type: 'A' })));
    expect(none.name).toBe('InvalidInput');
    expect(none.message).toContain(
      'Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none',
    );
    const both = await failure(
      apply(
        zone,
        change('CREATE', {
          ...a('x.batch.test', '10.0.0.1'),
          AliasTarget: { HostedZoneId: 'Z1', DNSName: 'y.batch.test', EvaluateTargetHealth: false },
        }),
      ),
    );
    expect(both.name).toBe('InvalidInput');
    expect(both.message).toContain('found more than one');
    const empty = await failure(
      r53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zone, ChangeBatch: { Changes: [] } })),
    );
    expect(empty.name).toBe('InvalidInput');
  });

  it('creates a CNAME, and refuses one that conflicts with other records', async () => {
    await apply(
      zone,
      change('CREATE', {
        Name: 'alias-me.batch.test',
        Type: 'CNAME',
        TTL: 60,
        ResourceRecords: [{ Value: 'target.example.org' }],
      }),
    );
    await apply(zone, change('CREATE', a('busy.batch.test', '10.0.0.1')));
    const err = await failure(
      apply(
        zone,
        change('CREATE', {
          Name: 'busy.batch.test',
          Type: 'CNAME',
          TTL: 60,
          ResourceRecords: [{ Value: 'x.example.org' }],
        }),
      ),
    );
    expect(err.name).toBe('InvalidChangeBatch');
    expect(err.message).toContain('RRSet of type CNAME with DNS name busy.batch.test. is not permitted');
  });
});

describe('weighted records', () => {
  let zone: string;
  beforeAll(async () => {
    zone = await newZone('weighted.test');
  });
  const weighted = (id: string, weight: number, value: string): ResourceRecordSet => ({
    ...a('api.weighted.test', value, 60),
    SetIdentifier: id,
    Weight: weight,
  });

  it('creates weighted sets and lists them by identifier', async () => {
    await apply(
      zone,
      change('CREATE', weighted('blue', 1, '10.0.0.1')),
      change('CREATE', weighted('green', 3, '10.0.0.2')),
    );
    const recs = (await records(zone)).filter((r) => r.Name === 'api.weighted.test.');
    expect(recs).toEqual(
      [weighted('blue', 1, '10.0.0.1'), weighted('green', 3, '10.0.0.2')].map((r) => ({
        ...r,
        Name: 'api.weighted.test.',
      })),
    );
  });

  it('enforces SetIdentifier 1–128 characters and Weight 0–255', async () => {
    const long = await failure(apply(zone, change('CREATE', weighted('x'.repeat(129), 1, '10.0.0.1'))));
    expect(long.name).toBe('InvalidInput');
    expect(long.message).toContain('Member must have length less than or equal to 128');
    await apply(
      zone,
      change('CREATE', { ...weighted('y'.repeat(128), 0, '10.0.0.9'), Name: 'edge.weighted.test' }),
    );
    const heavy = await failure(apply(zone, change('CREATE', weighted('heavy', 256, '10.0.0.1'))));
    expect(heavy.name).toBe('InvalidInput');
    expect(heavy.message).toContain('Member must have value less than or equal to 255');
    const noId = await failure(
      apply(zone, change('CREATE', { ...a('api.weighted.test', '10.0.0.1'), Weight: 5 })),
    );
    expect(noId.name).toBe('InvalidInput');
    expect(noId.message).toContain("Missing field 'SetIdentifier'");
  });

  it('refuses mixing weighted and non-weighted sets of one name and type', async () => {
    const err = await failure(apply(zone, change('CREATE', a('api.weighted.test', '10.0.0.1'))));
    expect(err.name).toBe('InvalidChangeBatch');
    expect(err.message).toContain('cannot be created as weighted sets exist with the same name and type');
  });

  it('DELETE of a weighted set must repeat its weight', async () => {
    const err = await failure(apply(zone, change('DELETE', weighted('blue', 2, '10.0.0.1'))));
    expect(err.message).toBe(
      "[Tried to delete resource record set [name='api.weighted.test.', type='A', set-identifier='blue'] but the values provided do not match the current values]",
    );
  });

  it('TestDNSAnswer follows the weights exactly and reproducibly', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 8; i++) {
      const out = await r53.send(
        new TestDNSAnswerCommand({ HostedZoneId: zone, RecordName: 'api.weighted.test', RecordType: 'A' }),
      );
      expect(out.ResponseCode).toBe('NOERROR');
      answers.push(out.RecordData![0]!);
    }
    expect(answers.filter((x) => x === '10.0.0.1')).toHaveLength(2);
    expect(answers.filter((x) => x === '10.0.0.2')).toHaveLength(6);
  });

  it('a weight of 0 gets no answers while another weight is positive', async () => {
    await apply(
      zone,
      change('CREATE', { ...a('zero.weighted.test', '10.0.0.1'), SetIdentifier: 'off', Weight: 0 }),
      change('CREATE', { ...a('zero.weighted.test', '10.0.0.2'), SetIdentifier: 'on', Weight: 10 }),
    );
    for (let i = 0; i < 3; i++) {
      const out = await r53.send(
        new TestDNSAnswerCommand({ HostedZoneId: zone, RecordName: 'zero.weighted.test', RecordType: 'A' }),
      );
      expect(out.RecordData).toEqual(['10.0.0.2']);
    }
  });
});

describe('alias records', () => {
  let zone: string;
  let lbDns: string;
  let lbZone: string;
  beforeAll(async () => {
    zone = await newZone('alias.test');
    const lb = await elb.send(
      new CreateLoadBalancerCommand({
        Name: 'alias-target',
        Subnets: SEED.subnets.slice(0, 2).map((s) => s.subnetId),
      }),
    );
    lbDns = lb.LoadBalancers![0]!.DNSName!;
    lbZone = lb.LoadBalancers![0]!.CanonicalHostedZoneId!;
  });

  it('aliases a load balancer the sandbox knows, and answers with its DNS name', async () => {
    const rec: ResourceRecordSet = {
      Name: 'app.alias.test',
      Type: 'A',
      AliasTarget: { HostedZoneId: lbZone, DNSName: lbDns, EvaluateTargetHealth: true },
    };
    await apply(zone, change('CREATE', rec));
    const listed = (await records(zone)).find((r) => r.Name === 'app.alias.test.');
    expect(listed).toEqual({
      Name: 'app.alias.test.',
      Type: 'A',
      AliasTarget: { HostedZoneId: lbZone, DNSName: `${lbDns}.`, EvaluateTargetHealth: true },
    });
    const answer = await r53.send(
      new TestDNSAnswerCommand({ HostedZoneId: zone, RecordName: 'app.alias.test', RecordType: 'A' }),
    );
    expect(answer.RecordData).toEqual([`${lbDns}.`]);
    // The dualstack. form names the same load balancer.
    await apply(
      zone,
      change('CREATE', {
        Name: 'dual.alias.test',
        Type: 'A',
        AliasTarget: { HostedZoneId: lbZone, DNSName: `dualstack.${lbDns}`, EvaluateTargetHealth: false },
      }),
    );
  });

  it('refuses an alias to an unknown load balancer or with the wrong zone id', async () => {
    const unknown = await failure(
      apply(
        zone,
        change('CREATE', {
          Name: 'ghost.alias.test',
          Type: 'A',
          AliasTarget: {
            HostedZoneId: lbZone,
            DNSName: 'nope-123.us-east-1.elb.amazonaws.com',
            EvaluateTargetHealth: false,
          },
        }),
      ),
    );
    expect(unknown.name).toBe('InvalidChangeBatch');
    expect(unknown.message).toBe(
      `[Tried to create an alias that targets nope-123.us-east-1.elb.amazonaws.com., type A in zone ${lbZone}, but that target was not found]`,
    );
    const wrongZone = await failure(
      apply(
        zone,
        change('CREATE', {
          Name: 'ghost.alias.test',
          Type: 'A',
          AliasTarget: {
            HostedZoneId: zone.replace('/hostedzone/', ''),
            DNSName: lbDns,
            EvaluateTargetHealth: false,
          },
        }),
      ),
    );
    expect(wrongZone.message).toContain('but the alias target name does not lie within the target zone');
  });

  it('aliases a record of a zone, which must exist before the batch', async () => {
    const zoneId = zone.replace('/hostedzone/', '');
    const missing = await failure(
      apply(
        zone,
        change('CREATE', {
          Name: 'short.alias.test',
          Type: 'A',
          AliasTarget: { HostedZoneId: zoneId, DNSName: 'long.alias.test', EvaluateTargetHealth: false },
        }),
      ),
    );
    expect(missing.message).toBe(
      `[Tried to create an alias that targets long.alias.test., type A in zone ${zoneId}, but that target was not found]`,
    );
    await apply(zone, change('CREATE', a('long.alias.test', '10.9.9.9')));
    await apply(
      zone,
      change('CREATE', {
        Name: 'short.alias.test',
        Type: 'A',
        AliasTarget: {
          HostedZoneId: `/hostedzone/${zoneId}`,
          DNSName: 'long.alias.test',
          EvaluateTargetHealth: false,
        },
      }),
    );
    const answer = await r53.send(
      new TestDNSAnswerCommand({ HostedZoneId: zone, RecordName: 'short.alias.test', RecordType: 'A' }),
    );
    expect(answer.RecordData).toEqual(['10.9.9.9']);
  });

  it('DELETE of an alias must repeat its target exactly; weighted aliases are allowed', async () => {
    const rec = (w: number, evaluate: boolean): ResourceRecordSet => ({
      Name: 'w.alias.test',
      Type: 'A',
      SetIdentifier: 'lb',
      Weight: w,
      AliasTarget: { HostedZoneId: lbZone, DNSName: lbDns, EvaluateTargetHealth: evaluate },
    });
    await apply(zone, change('CREATE', rec(100, true)));
    const err = await failure(apply(zone, change('DELETE', rec(100, false))));
    expect(err.message).toContain('do not match the current values');
    const [listed] = (await records(zone)).filter((r) => r.Name === 'w.alias.test.');
    await apply(zone, change('DELETE', listed!));
  });

  it('refuses a DELETE whose alias DNSName differs from the stored one, even by the trailing dot', async () => {
    const rec = (dnsName: string, name = 'dot.alias.test'): ResourceRecordSet => ({
      Name: name,
      Type: 'A',
      AliasTarget: { HostedZoneId: lbZone, DNSName: dnsName, EvaluateTargetHealth: true },
    });
    await apply(zone, change('CREATE', rec(lbDns)));
    const [listed] = (await records(zone)).filter((r) => r.Name === 'dot.alias.test.');
    expect(listed!.AliasTarget!.DNSName).toBe(`${lbDns}.`);
    // A rebuilt record without the dot Route 53 returned is not the record that stands.
    const undotted = await failure(apply(zone, change('DELETE', rec(lbDns))));
    expect(undotted.name).toBe('InvalidChangeBatch');
    expect(undotted.message).toBe(
      "[Tried to delete resource record set [name='dot.alias.test.', type='A'] but the values provided do not match the current values]",
    );
    // So a compare-and-swap built from it fails whole: the CREATE is not applied either.
    const swap = await failure(
      apply(zone, change('DELETE', rec(lbDns)), change('CREATE', rec(`dualstack.${lbDns}`))),
    );
    expect(swap.name).toBe('InvalidChangeBatch');
    expect((await records(zone)).filter((r) => r.Name === 'dot.alias.test.')).toEqual([listed]);
    // The record exactly as listed deletes it; the record *name* keeps its optional dot and case.
    await apply(zone, change('DELETE', { ...listed!, Name: 'DOT.alias.test' }));
    expect((await records(zone)).filter((r) => r.Name === 'dot.alias.test.')).toEqual([]);
  });
});

describe('listing record sets', () => {
  let zone: string;
  beforeAll(async () => {
    zone = await newZone('list.test');
    await apply(
      zone,
      change('CREATE', a('b.list.test', '10.0.0.1')),
      change('CREATE', a('a.list.test', '10.0.0.1')),
      change('CREATE', {
        Name: 'a.list.test',
        Type: 'TXT',
        TTL: 60,
        ResourceRecords: [{ Value: '"hello"' }],
      }),
      change('CREATE', a('x.a.list.test', '10.0.0.1')),
      change('CREATE', { ...a('w.list.test', '10.0.0.1'), SetIdentifier: 'one', Weight: 1 }),
      change('CREATE', { ...a('w.list.test', '10.0.0.2'), SetIdentifier: 'two', Weight: 1 }),
      change('CREATE', a('*.list.test', '10.0.0.7')),
    );
  });

  it('orders by reversed labels, then type, then identifier', async () => {
    const recs = await records(zone);
    expect(recs.map((r) => [r.Name, r.Type, r.SetIdentifier].filter(Boolean).join(' '))).toEqual([
      'list.test. NS',
      'list.test. SOA',
      '\\052.list.test. A',
      'a.list.test. A',
      'a.list.test. TXT',
      'x.a.list.test. A',
      'b.list.test. A',
      'w.list.test. A one',
      'w.list.test. A two',
    ]);
  });

  it('pages with MaxItems and NextRecordName/Type/Identifier', async () => {
    const seen: string[] = [];
    let next: {
      StartRecordName?: string;
      StartRecordType?: ResourceRecordSet['Type'];
      StartRecordIdentifier?: string;
    } = {};
    let pages = 0;
    for (;;) {
      const out = await r53.send(
        new ListResourceRecordSetsCommand({ HostedZoneId: zone, MaxItems: 2, ...next }),
      );
      pages++;
      expect(out.MaxItems).toBe(2);
      seen.push(...out.ResourceRecordSets!.map((r) => `${r.Name} ${r.Type} ${r.SetIdentifier ?? ''}`));
      if (!out.IsTruncated) break;
      next = {
        StartRecordName: out.NextRecordName,
        StartRecordType: out.NextRecordType,
        StartRecordIdentifier: out.NextRecordIdentifier,
      };
      if (out.NextRecordName === 'w.list.test.' && out.NextRecordIdentifier)
        expect(out.NextRecordIdentifier).toBe('two');
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it('starts at a name, or a name and type', async () => {
    const byName = await r53.send(
      new ListResourceRecordSetsCommand({ HostedZoneId: zone, StartRecordName: 'b.list.test' }),
    );
    expect(byName.ResourceRecordSets![0]!.Name).toBe('b.list.test.');
    const byType = await r53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zone,
        StartRecordName: 'a.list.test',
        StartRecordType: 'TXT',
        MaxItems: 1,
      }),
    );
    expect(byType.ResourceRecordSets!.map((r) => r.Type)).toEqual(['TXT']);
    expect(byType.NextRecordName).toBe('x.a.list.test.');
    const err = await failure(
      r53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zone, StartRecordType: 'A' })),
    );
    expect(err.name).toBe('InvalidInput');
  });

  it('TestDNSAnswer: values, wildcard, NXDOMAIN and empty answers', async () => {
    const txt = await r53.send(
      new TestDNSAnswerCommand({ HostedZoneId: zone, RecordName: 'a.list.test', RecordType: 'TXT' }),
    );
    expect(txt).toMatchObject({
      RecordName: 'a.list.test.',
      RecordType: 'TXT',
      RecordData: ['"hello"'],
      ResponseCode: 'NOERROR',
      Protocol: 'UDP',
    });
    expect(txt.Nameserver).toMatch(/awsdns/);
    const wild = await r53.send(
      new TestDNSAnswerCommand({ HostedZoneId: zone, RecordName: 'anything.list.test', RecordType: 'A' }),
    );
    expect(wild.RecordData).toEqual(['10.0.0.7']);
    const nx = await r53.send(
      new TestDNSAnswerCommand({ HostedZoneId: zone, RecordName: 'x.y.a.list.test', RecordType: 'A' }),
    );
    expect(nx.ResponseCode).toBe('NXDOMAIN');
    const noData = await r53.send(
      new TestDNSAnswerCommand({ HostedZoneId: zone, RecordName: 'b.list.test', RecordType: 'AAAA' }),
    );
    expect(noData.ResponseCode).toBe('NOERROR');
    expect(noData.RecordData ?? []).toEqual([]);
  });
});

describe('changes', () => {
  it('are PENDING, then INSYNC after the propagation delay (sandbox time)', async () => {
    const zone = await newZone('change.test');
    const out = await apply(zone, change('CREATE', a('www.change.test', '10.0.0.1')));
    expect(out.ChangeInfo?.Status).toBe('PENDING');
    const id = out.ChangeInfo!.Id!;
    expect((await r53.send(new GetChangeCommand({ Id: id }))).ChangeInfo?.Status).toBe('PENDING');
    sandbox.advance(60_000);
    const later = await r53.send(new GetChangeCommand({ Id: id }));
    expect(later.ChangeInfo).toMatchObject({ Id: id, Status: 'INSYNC' });
    expect(later.ChangeInfo?.SubmittedAt).toEqual(out.ChangeInfo?.SubmittedAt);
  });

  it('unknown change → NoSuchChange (404)', async () => {
    const err = await failure(r53.send(new GetChangeCommand({ Id: '/change/CNOSUCHCHANGE' })));
    expect(err.name).toBe('NoSuchChange');
    expect(err.$metadata?.httpStatusCode).toBe(404);
  });

  it('the SDK waiter resourceRecordSetsChanged succeeds at a high time scale', async () => {
    const fast = await startSandbox({ port: 0, timeScale: 1000 });
    const client = new Route53Client({ endpoint: fast.endpoint, region: 'us-east-1', credentials });
    try {
      const zones = await client.send(new ListHostedZonesByNameCommand({ DNSName: 'example.test' }));
      const out = await client.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zones.HostedZones![0]!.Id,
          ChangeBatch: { Changes: [change('UPSERT', a('w.example.test', '10.1.1.1'))] },
        }),
      );
      const result = await waitUntilResourceRecordSetsChanged(
        { client, minDelay: 1, maxDelay: 1, maxWaitTime: 20 },
        { Id: out.ChangeInfo!.Id },
      );
      expect(result.state).toBe('SUCCESS');
    } finally {
      client.destroy();
      await fast.stop();
    }
  });
});

describe('faults and state', () => {
  it('an injected PriorRequestNotComplete fails the batch without applying it', async () => {
    const zone = await newZone('fault.test');
    sandbox.addFaults([
      {
        service: 'route53',
        operation: 'ChangeResourceRecordSets',
        error: 'PriorRequestNotComplete',
        times: 1,
      },
    ]);
    const err = await failure(apply(zone, change('CREATE', a('www.fault.test', '10.0.0.1'))));
    expect(err.name).toBe('PriorRequestNotComplete');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    expect((await records(zone)).some((r) => r.Name === 'www.fault.test.')).toBe(false);
    await apply(zone, change('CREATE', a('www.fault.test', '10.0.0.1')));
  });

  it('state survives a JSON snapshot and restore', async () => {
    const service = sandbox.services.find((s) => s.name === 'route53')!;
    const snapshot = JSON.parse(JSON.stringify(service.snapshotState())) as unknown;
    const before = await r53.send(new ListHostedZonesByNameCommand({}));
    service.reset();
    expect((await r53.send(new ListHostedZonesByNameCommand({}))).HostedZones).toEqual([]);
    service.restoreState(snapshot);
    expect((await r53.send(new ListHostedZonesByNameCommand({}))).HostedZones).toEqual(before.HostedZones);
    expect(sandbox.inventory().some((i) => i.service === 'route53' && i.kind === 'hosted-zone')).toBe(true);
  });
});
