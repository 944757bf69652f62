import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAwsClient, userAgent } from '../src/aws.js';
import { manualClock } from '@immut/test-support/manual-clock';
import { describeError } from '../src/errors.js';
import { deadlineFrom } from '../src/wait.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

// A local HTTP server standing in for AWS: records each request and answers with the
// reply the test queued (EC2's real XML shapes).
let server: Server;
let endpoint: string;
const seen: Seen[] = [];
let reply: { status: number; body: string } = { status: 200, body: '' };
/** How many of the next requests are answered RequestLimitExceeded before `reply`. */
let throttleNext = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const answer = throttleNext > 0 ? (throttleNext--, throttled) : reply;
      res.writeHead(answer.status, { 'content-type': 'text/xml' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  return fn().finally(() => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

const throttled = {
  status: 503,
  body: '<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>req-7</RequestID></Response>',
};

const credentials = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
const emptyReservations =
  '<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r1</requestId><reservationSet/></DescribeInstancesResponse>';

describe('AWS client factory', () => {
  it('sends requests to AWS_ENDPOINT_URL with the immut user agent', async () => {
    seen.length = 0;
    reply = { status: 200, body: emptyReservations };
    await withEnv({ ...credentials, AWS_ENDPOINT_URL: endpoint }, async () => {
      const ec2 = createAwsClient(EC2Client, { region: 'us-east-1', action: 'bake-image' });
      try {
        const out = await ec2.send(new DescribeInstancesCommand({}));
        expect(out.Reservations ?? []).toEqual([]);
      } finally {
        ec2.destroy();
      }
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toContain('Action=DescribeInstances');
    expect(
      String(seen[0]?.headers['user-agent'] ?? '') + String(seen[0]?.headers['x-amz-user-agent'] ?? ''),
    ).toContain(
      userAgent('bake-image')
        .map(([name, value]) => `${name}/${value}`)
        .join(' '),
    );
    expect(String(seen[0]?.headers.authorization)).toContain('/us-east-1/ec2/aws4_request');
  });

  it('honours the per-service variable AWS_ENDPOINT_URL_ROUTE_53', async () => {
    seen.length = 0;
    reply = {
      status: 200,
      body: '<GetHostedZoneResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><HostedZone><Id>/hostedzone/Z1</Id><Name>example.test.</Name><CallerReference>c</CallerReference></HostedZone></GetHostedZoneResponse>',
    };
    await withEnv({ ...credentials, AWS_ENDPOINT_URL_ROUTE_53: endpoint }, async () => {
      const route53 = createAwsClient(Route53Client, { region: 'us-east-1', action: 'cutover-dns' });
      try {
        const out = await route53.send(new GetHostedZoneCommand({ Id: 'Z1' }));
        expect(out.HostedZone?.Name).toBe('example.test.');
      } finally {
        route53.destroy();
      }
    });
    expect(seen[0]?.url).toBe('/2013-04-01/hostedzone/Z1');
  });

  it('names the IAM action to grant when AWS denies a call', async () => {
    reply = {
      status: 403,
      body: '<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>req-9</RequestID></Response>',
    };
    await withEnv({ ...credentials, AWS_ENDPOINT_URL: endpoint }, async () => {
      const ec2 = createAwsClient(EC2Client, { region: 'us-east-1', action: 'bake-image' });
      try {
        const error = await ec2.send(new DescribeInstancesCommand({})).catch((e: unknown) => e);
        expect(describeError(error)).toMatch(
          /^AWS denied ec2:DescribeInstances\. Grant the IAM action 'ec2:DescribeInstances'/,
        );
        expect(describeError(error)).toContain('(HTTP 403');
      } finally {
        ec2.destroy();
      }
    });
  });

  it('retries throttling and then says what to do about it', async () => {
    seen.length = 0;
    reply = throttled;
    await withEnv({ ...credentials, AWS_ENDPOINT_URL: endpoint }, async () => {
      const ec2 = createAwsClient(EC2Client, { region: 'us-east-1', action: 'bake-image', maxAttempts: 2 });
      try {
        const error = await ec2.send(new DescribeInstancesCommand({})).catch((e: unknown) => e);
        expect(describeError(error)).toMatch(/^AWS kept throttling ec2:DescribeInstances after 2 attempts/);
      } finally {
        ec2.destroy();
      }
    });
    expect(seen).toHaveLength(2);
  });

  it('keeps retrying a throttled call past the SDK attempts until it is answered, when given a deadline', async () => {
    seen.length = 0;
    throttleNext = 3;
    reply = { status: 200, body: emptyReservations };
    const clock = manualClock();
    const log: string[] = [];
    await withEnv({ ...credentials, AWS_ENDPOINT_URL: endpoint }, async () => {
      const ec2 = createAwsClient(EC2Client, {
        region: 'us-east-1',
        action: 'bake-image',
        maxAttempts: 2,
        throttling: {
          clock,
          deadline: deadlineFrom(clock, 600_000),
          log: (l) => log.push(l),
          random: () => 0,
        },
      });
      try {
        const out = await ec2.send(new DescribeInstancesCommand({}));
        expect(out.Reservations ?? []).toEqual([]);
      } finally {
        ec2.destroy();
      }
    });
    expect(seen).toHaveLength(4);
    // Two SDK attempts per try: throttled, throttled | throttled, answered.
    expect(clock.slept).toHaveLength(1);
    expect(log[0]).toMatch(/^ec2:DescribeInstances: AWS throttled it \(RequestLimitExceeded\); retrying in /);
  });

  it('gives up with the usual advice once the deadline leaves no time for another try', async () => {
    seen.length = 0;
    throttleNext = 100;
    const clock = manualClock();
    await withEnv({ ...credentials, AWS_ENDPOINT_URL: endpoint }, async () => {
      const ec2 = createAwsClient(EC2Client, {
        region: 'us-east-1',
        action: 'bake-image',
        maxAttempts: 1,
        throttling: { clock, deadline: deadlineFrom(clock, 5_000), log: () => undefined, random: () => 0 },
      });
      try {
        const error = await ec2.send(new DescribeInstancesCommand({})).catch((e: unknown) => e);
        expect(describeError(error)).toMatch(/^AWS kept throttling ec2:DescribeInstances/);
      } finally {
        ec2.destroy();
      }
    });
    throttleNext = 0;
    // Waits of 0.5, 1 and 2 s fit in 5 s; the next (4 s) does not.
    expect(clock.slept).toEqual([500, 1_000, 2_000]);
    expect(seen).toHaveLength(4);
  });
});
