// The build name's bookkeeping around its CREATE, with a scripted Route 53 client: the entry
// for the post step exists before the CREATE is sent (a run cancelled in between leaves nothing
// behind), and is dropped again when Route 53 refuses the CREATE; a refused CREATE is then
// explained by the record that exists; throttling is retried.
import { describe, expect, it } from '@jest/globals';
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import { scaledClock } from '@immut/core/clock';
import { ensureBuildRecord } from '../dns.js';

const spec = {
  zoneId: 'Z1',
  name: 'b7.api.prod.example.test',
  lbDnsName: 'prod-api-b7-1.us-east-1.elb.amazonaws.com',
  lbZoneId: 'Z35SXDOTRQ7X7K',
};
const wait = { clock: scaledClock(100_000), log: () => undefined, remaining: () => 600_000 };

const exists = (): never => {
  throw Object.assign(new Error('Tried to create resource record set but it already exists'), {
    name: 'InvalidChangeBatch',
  });
};

function scripted(onChange: () => unknown, existing: ResourceRecordSet[] = []) {
  const events: string[] = [];
  const route53 = {
    send: async (command: unknown) => {
      if (command instanceof ListResourceRecordSetsCommand) {
        events.push('listed');
        return { ResourceRecordSets: existing };
      }
      if (command instanceof ChangeResourceRecordSetsCommand) {
        events.push('CREATE sent');
        return onChange();
      }
      if (command instanceof GetChangeCommand) return { ChangeInfo: { Status: 'INSYNC' } };
      throw new Error('unexpected command');
    },
  } as unknown as Route53Client;
  const cleanup = {
    record: () => void events.push('recorded'),
    forget: () => void events.push('forgotten'),
  };
  return { route53, cleanup, events };
}

describe('ensureBuildRecord', () => {
  it('records the name for the post step before it sends the CREATE', async () => {
    const { route53, cleanup, events } = scripted(() => ({ ChangeInfo: { Id: 'C1', Status: 'PENDING' } }));
    const result = await ensureBuildRecord(route53, spec, cleanup, 'us-east-1', wait);
    expect(result).toEqual({ created: true, changeId: 'C1' });
    expect(events).toEqual(['recorded', 'CREATE sent']);
  });

  it('drops the entry again when Route 53 refuses the CREATE, and fails with its reason', async () => {
    const { route53, cleanup, events } = scripted(exists);
    await expect(ensureBuildRecord(route53, spec, cleanup, 'us-east-1', wait)).rejects.toThrow(
      /already exists/,
    );
    expect(events).toEqual(['recorded', 'CREATE sent', 'forgotten', 'listed']);
  });

  it('keeps a name that already aliases this load balancer (an earlier attempt made it)', async () => {
    const ours = {
      Name: `${spec.name}.`,
      Type: 'A' as const,
      AliasTarget: {
        DNSName: `dualstack.${spec.lbDnsName}.`,
        HostedZoneId: spec.lbZoneId,
        EvaluateTargetHealth: true,
      },
    };
    const { route53, cleanup, events } = scripted(exists, [ours]);
    const result = await ensureBuildRecord(route53, spec, cleanup, 'us-east-1', wait);
    expect(result).toEqual({ created: false });
    expect(events).toEqual(['recorded', 'CREATE sent', 'forgotten', 'listed']);
  });

  it('refuses a name that points elsewhere, naming where', async () => {
    const theirs = { Name: `${spec.name}.`, Type: 'A' as const, ResourceRecords: [{ Value: '192.0.2.7' }] };
    const { route53, cleanup } = scripted(exists, [theirs]);
    await expect(ensureBuildRecord(route53, spec, cleanup, 'us-east-1', wait)).rejects.toThrow(
      /already exists and points elsewhere \(192\.0\.2\.7\)/,
    );
  });

  it('sends the CREATE again while Route 53 throttles it', async () => {
    let attempts = 0;
    const { route53, cleanup, events } = scripted(() => {
      attempts += 1;
      if (attempts < 4) throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
      return { ChangeInfo: { Id: 'C2', Status: 'PENDING' } };
    });
    const result = await ensureBuildRecord(route53, spec, cleanup, 'us-east-1', wait);
    expect(result).toEqual({ created: true, changeId: 'C2' });
    expect(events).toEqual(['recorded', 'CREATE sent', 'CREATE sent', 'CREATE sent', 'CREATE sent']);
  });
});
