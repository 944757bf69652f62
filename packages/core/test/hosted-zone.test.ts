// Resolving the `zone` input with the real Route 53 client against the sandbox, whose clock is
// the retry's clock: backoff advances sandbox time instead of sleeping.
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Clock } from '../src/clock.js';
import { UserError } from '../src/errors.js';
import {
  nameProblem,
  recordSetsAt,
  recordSetsWithChild,
  resolveZone,
  zoneInputProblem,
  zoneOfInputs,
} from '../src/hosted-zone.js';
import { formatResolvedZone, parseResolvedZone } from '../src/zone-input.js';
import type { CallContext } from '../src/throttle-retry.js';
import { deadlineFrom } from '../src/wait.js';
import { type Sandbox, startSandbox } from '@immut/sandbox';

const VPC = 'vpc-0a1b2c3d4e5f60001';

let sandbox: Sandbox;
let route53: Route53Client;
let seeded: string;
const log: string[] = [];

function calls(timeoutMs = 3_600_000): CallContext {
  const clock: Clock = { now: () => sandbox.clock.now(), sleep: async (ms) => sandbox.advance(ms) };
  return { clock, deadline: deadlineFrom(clock, timeoutMs), log: (line) => log.push(line) };
}

async function createZone(name: string, privateVpc?: string): Promise<string> {
  const out = await route53.send(
    new CreateHostedZoneCommand({
      Name: name,
      CallerReference: `${name}-${privateVpc ?? 'public'}-${Math.random()}`,
      ...(privateVpc
        ? { HostedZoneConfig: { PrivateZone: true }, VPC: { VPCRegion: 'us-east-1', VPCId: privateVpc } }
        : {}),
    }),
  );
  return (out.HostedZone?.Id ?? '').replace('/hostedzone/', '');
}

function zoneCalls(operation: string): number {
  return sandbox.calls().filter((c) => c.service === 'route53' && c.operation === operation).length;
}

beforeAll(async () => {
  sandbox = await startSandbox();
  route53 = new Route53Client({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  seeded = await createZone('zones.test');
});

beforeEach(() => {
  sandbox.clearFaults();
  sandbox.clearCalls();
  log.length = 0;
});

afterAll(async () => {
  route53.destroy();
  await sandbox.stop();
});

describe('zoneInputProblem', () => {
  it('shows a huge or multi-line zone cut and escaped, never in full', () => {
    const problem = zoneInputProblem(`example.test\n::set-output name=pwned::1${'a'.repeat(10_000)}`) ?? '';
    expect(problem).toMatch(/^Input 'zone' was 'example\.test\\n::set-output/);
    expect(problem).toContain('(10039 characters)');
    expect(problem.length).toBeLessThan(400);
    expect(problem).not.toContain('\n');
  });

  it('accepts zone ids and DNS names, and says what is expected otherwise', () => {
    expect(zoneInputProblem('Z0123456789ABCDEFGHIJ')).toBeUndefined();
    expect(zoneInputProblem('/hostedzone/Z1D633PJN98FT9')).toBeUndefined();
    expect(zoneInputProblem('Example.COM.')).toBeUndefined();
    expect(zoneInputProblem('not a zone!')).toBe(
      "Input 'zone' was 'not a zone!': neither a hosted zone id nor a DNS name; expected a hosted zone id ('Z…') or the zone's name ('example.com').",
    );
    expect(zoneInputProblem('')).toMatch(/^Input 'zone' was '': neither/);
  });
});

describe('the resolved zone (hosted-zone)', () => {
  const zone = { id: 'Z0123456789ABC', name: 'example.test', privateZone: true };

  it('reads back what launch-behind-lb outputs, for the zone given by name or by id', () => {
    const given = formatResolvedZone(zone);
    expect(given).toBe('Z0123456789ABC/example.test/private');
    expect(parseResolvedZone(given, 'Example.TEST.')).toEqual({ zone });
    expect(parseResolvedZone(given, '/hostedzone/Z0123456789ABC')).toEqual({ zone });
  });

  it('refuses a zone other than the one input zone names, and a malformed value, naming the input', () => {
    expect(parseResolvedZone('Z0123456789ABC/example.test/public', 'other.test').problem).toBe(
      "Input 'hosted-zone' was 'Z0123456789ABC/example.test/public', which is not the zone input 'zone' names ('other.test'); expected launch-behind-lb's hosted-zone output for the zone of input 'zone' ('<id>/<name>/<public|private>').",
    );
    expect(parseResolvedZone('Z0123456789ABC/example.test/public', 'Z999').problem).toMatch(
      /not the zone input 'zone' names/,
    );
    for (const bad of [
      'example.test',
      'Z01/example.test/secret',
      'Z01/bad name!/public',
      `Z01/${'a'.repeat(300)}/public`,
    ])
      expect(parseResolvedZone(bad, 'example.test').problem).toMatch(
        /^Input 'hosted-zone' was '.{1,120}; expected/,
      );
  });

  it('saves the lookup: zoneOfInputs makes no Route 53 call when hosted-zone is given', async () => {
    const before = sandbox.calls().length;
    const given = { id: seeded, name: 'zones.test', privateZone: false };
    await expect(
      zoneOfInputs(route53, { zone: 'zones.test', hostedZone: formatResolvedZone(given) }),
    ).resolves.toEqual(given);
    expect(sandbox.calls().length).toBe(before);
    await expect(zoneOfInputs(route53, { zone: 'zones.test' })).resolves.toEqual(given);
    expect(sandbox.calls().length).toBe(before + 1);
  });
});

describe('resolveZone', () => {
  it('finds a zone by id or by name, with or without the trailing dot and in any case', async () => {
    const byId = await resolveZone(route53, seeded);
    expect(byId).toEqual({ id: seeded, name: 'zones.test', privateZone: false });
    expect(await resolveZone(route53, `/hostedzone/${seeded}`)).toEqual(byId);
    expect(await resolveZone(route53, 'Zones.Test.')).toEqual(byId);
  });

  it('prefers the public zone over a private one of the same name', async () => {
    const publicId = await createZone('split.test');
    await createZone('split.test', VPC);
    expect((await resolveZone(route53, 'split.test')).id).toBe(publicId);
    const privateOnly = await createZone('inside.test', VPC);
    expect(await resolveZone(route53, 'inside.test')).toEqual({
      id: privateOnly,
      name: 'inside.test',
      privateZone: true,
    });
  });

  it('lists every candidate when the choice is not clear', async () => {
    await createZone('twins.test');
    await createZone('twins.test');
    await createZone('twins.test', VPC);
    await expect(resolveZone(route53, 'twins.test')).rejects.toThrow(
      /^Input 'zone' was 'twins.test': 2 public hosted zones have that name: (Z\w+ \((public|private)\)(, )?){3}; pass the id of the one to use; expected/,
    );
    await createZone('private-twins.test', VPC);
    await createZone('private-twins.test', VPC);
    await expect(resolveZone(route53, 'private-twins.test')).rejects.toThrow(
      /2 private hosted zones have that name: Z\w+ \(private\), Z\w+ \(private\);/,
    );
  });

  it('reads every page of zones of that name', async () => {
    for (let i = 0; i < 101; i++) await createZone('many.test');
    sandbox.clearCalls();
    await expect(resolveZone(route53, 'many.test')).rejects.toThrow(/101 public hosted zones have that name/);
    expect(zoneCalls('ListHostedZonesByName')).toBe(2);
  });

  it('does not take a zone whose name only starts the list', async () => {
    await expect(resolveZone(route53, 'test')).rejects.toThrow(
      "Input 'zone' was 'test': this account has no hosted zone of that name; expected a hosted zone id ('Z…') or the zone's name ('example.com').",
    );
  });

  it('says when no zone has the id', async () => {
    const error = await resolveZone(route53, 'Z0000000000NOPE').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      "Input 'zone' was 'Z0000000000NOPE': no hosted zone has that id; expected a hosted zone id ('Z…') or the zone's name ('example.com').",
    );
  });

  it('says when the role may not read the zone, as a policy scoped to other zones answers any other id', async () => {
    // A policy that lets this key read only the seeded zone (what npm run iam generates).
    sandbox.iam.set('scoped-key', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'route53:GetHostedZone',
          Resource: `arn:aws:route53:::hostedzone/${seeded}`,
        },
      ],
    });
    const scoped = new Route53Client({
      endpoint: sandbox.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'scoped-key', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    try {
      await expect(resolveZone(scoped, seeded)).resolves.toMatchObject({ id: seeded });
      const error = await resolveZone(scoped, 'Z0000000000NOPE').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(
        /^Input 'zone' was 'Z0000000000NOPE': the role may not read that hosted zone \(AWS denied route53:GetHostedZone\): check the id, or name the zone in the role's policy \(npm run iam -- --hosted-zone-id Z0000000000NOPE\)/,
      );
    } finally {
      sandbox.iam.remove('scoped-key');
      scoped.destroy();
    }
  });

  it('refuses a value that is neither id nor name without calling Route 53', async () => {
    await expect(resolveZone(route53, 'not a zone!')).rejects.toThrow(
      /neither a hosted zone id nor a DNS name/,
    );
    expect(sandbox.calls()).toHaveLength(0);
  });

  it('retries throttled lookups until they pass when given the run’s call context', async () => {
    sandbox.addFaults([
      { service: 'route53', operation: 'ListHostedZonesByName', error: 'Throttling', times: 2 },
      { service: 'route53', operation: 'GetHostedZone', error: 'PriorRequestNotComplete', times: 1 },
    ]);
    expect((await resolveZone(route53, 'zones.test', calls())).id).toBe(seeded);
    expect((await resolveZone(route53, seeded, calls())).id).toBe(seeded);
    expect(log).toEqual([
      expect.stringMatching(
        /^looking up hosted zone zones\.test\.: AWS throttled it \(Throttling\); retrying in/,
      ),
      expect.stringMatching(
        /^looking up hosted zone zones\.test\.: AWS throttled it \(Throttling\); retrying in/,
      ),
      expect.stringMatching(
        /^reading hosted zone Z\w+: AWS throttled it \(PriorRequestNotComplete\); retrying in/,
      ),
    ]);
  });

  it('leaves throttling to the SDK without a call context, and gives up at the deadline with one', async () => {
    sandbox.addFaults([{ service: 'route53', operation: 'ListHostedZonesByName', error: 'Throttling' }]);
    await expect(resolveZone(route53, 'zones.test')).rejects.toMatchObject({ name: 'Throttling' });
    expect(zoneCalls('ListHostedZonesByName')).toBe(1);
    await expect(resolveZone(route53, 'zones.test', calls(10_000))).rejects.toMatchObject({
      name: 'Throttling',
    });
    expect(zoneCalls('ListHostedZonesByName')).toBeGreaterThan(2);
  });
});

describe('nameProblem', () => {
  const zone = { id: 'Z1', name: 'example.test', privateZone: false };

  it('accepts the zone apex and names under it', () => {
    expect(nameProblem('api.prod.example.test', zone)).toBeUndefined();
    expect(nameProblem('API.Example.Test.', zone)).toBeUndefined();
    expect(nameProblem('example.test.', zone)).toBeUndefined();
  });

  it('refuses names outside the zone, even when they end in its name', () => {
    expect(nameProblem('api.notexample.test', zone)).toBe(
      "Input 'name' was 'api.notexample.test': it is not inside hosted zone example.test (Z1); expected a name ending in .example.test.",
    );
    expect(nameProblem('example.test.evil', zone)).toMatch(/not inside hosted zone/);
  });
});

describe('recordSetsAt', () => {
  it('reads every record set of one name and type across pages, and none of its neighbours', async () => {
    const zoneId = await createZone('records.test');
    const weighted = Array.from({ length: 120 }, (_, i) => ({
      Action: 'CREATE' as const,
      ResourceRecordSet: {
        Name: 'api.records.test',
        Type: 'A' as const,
        SetIdentifier: `b${String(i).padStart(3, '0')}`,
        Weight: 1,
        TTL: 60,
        ResourceRecords: [{ Value: `10.0.0.${i + 1}` }],
      },
    }));
    const neighbours = ['api.records.test|TXT', 'apx.records.test|A'].map((key) => {
      const [name, type] = key.split('|') as [string, 'A' | 'TXT'];
      return {
        Action: 'CREATE' as const,
        ResourceRecordSet: {
          Name: name,
          Type: type,
          TTL: 60,
          ResourceRecords: [{ Value: type === 'TXT' ? '"x"' : '10.9.9.9' }],
        },
      };
    });
    await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: { Changes: [...weighted, ...neighbours] },
      }),
    );
    sandbox.clearCalls();
    const sets = await recordSetsAt(route53, zoneId, 'API.records.test', 'A');
    expect(sets).toHaveLength(120);
    expect(new Set(sets.map((s) => s.SetIdentifier)).size).toBe(120);
    expect(sets.every((s) => s.Name === 'api.records.test.' && s.Type === 'A')).toBe(true);
    expect(zoneCalls('ListResourceRecordSets')).toBe(2);
    expect(await recordSetsAt(route53, zoneId, 'none.records.test', 'A')).toEqual([]);
  });
});

describe('recordSetsWithChild', () => {
  const set = (Name: string, Type: 'A' | 'TXT', Value: string) => ({
    Action: 'CREATE' as const,
    ResourceRecordSet: { Name, Type, TTL: 60, ResourceRecords: [{ Value }] },
  });

  it("reads a name's A records and its history TXT in one call", async () => {
    const zoneId = await createZone('child-one.test');
    await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            set('api.child-one.test', 'A', '10.0.0.1'),
            set('_immut-history.api.child-one.test', 'TXT', '"h"'),
            set('b1.api.child-one.test', 'A', '10.0.0.2'),
            set('web.child-one.test', 'A', '10.0.0.3'),
          ],
        },
      }),
    );
    sandbox.clearCalls();
    const got = await recordSetsWithChild(
      route53,
      zoneId,
      'api.child-one.test',
      '_immut-history.api.child-one.test',
    );
    expect(got.a.map((r) => r.ResourceRecords?.[0]?.Value)).toEqual(['10.0.0.1']);
    expect(got.childTxt.map((r) => r.ResourceRecords?.[0]?.Value)).toEqual(['"h"']);
    // No history, but a later name on the page shows it is absent: still one call.
    const none = await recordSetsWithChild(
      route53,
      zoneId,
      'web.child-one.test',
      '_immut-history.web.child-one.test',
    );
    expect(none.childTxt).toEqual([]);
    expect(zoneCalls('ListResourceRecordSets')).toBe(2);
  });

  it('reads the child on its own when the page ends before it', async () => {
    const zoneId = await createZone('child-many.test');
    // Names under api that sort before `_immut-history` (digits come before '_'), a page's worth.
    const many = Array.from({ length: 120 }, (_, i) =>
      set(`${String(i).padStart(3, '0')}.api.child-many.test`, 'A', '10.1.0.1'),
    );
    await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            set('api.child-many.test', 'A', '10.0.0.1'),
            ...many,
            set('_immut-history.api.child-many.test', 'TXT', '"h"'),
          ],
        },
      }),
    );
    sandbox.clearCalls();
    const got = await recordSetsWithChild(
      route53,
      zoneId,
      'api.child-many.test',
      '_immut-history.api.child-many.test',
    );
    expect(got.a).toHaveLength(1);
    expect(got.childTxt.map((r) => r.ResourceRecords?.[0]?.Value)).toEqual(['"h"']);
    expect(zoneCalls('ListResourceRecordSets')).toBe(2);
  });
});
