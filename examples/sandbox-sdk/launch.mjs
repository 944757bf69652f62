#!/usr/bin/env node
// Your own AWS SDK v3 code against immut-sandbox, configured only through the environment,
// as the AWS CLI and Terraform are too (README: "Use the sandbox with the AWS CLI / Terraform
// / your own SDK code"). It launches an instance from the latest Amazon Linux image, names it
// in DNS, and terminates it again:
//
//   npx immut-sandbox --port 4566 --time-scale 1000 &
//   AWS_ENDPOINT_URL=http://127.0.0.1:4566 AWS_REGION=us-east-1 \
//   AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test node examples/sandbox-sdk/launch.mjs
//
// Nothing here is sandbox-specific: pointed at a real account (no AWS_ENDPOINT_URL), it
// does the same there. packages/sandbox/test/cli-sdk-example.test.ts runs it.
import { EC2Client, RunInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { waitUntilInstanceRunning, waitUntilInstanceTerminated } from '@aws-sdk/client-ec2';
import {
  ChangeResourceRecordSetsCommand,
  ListHostedZonesByNameCommand,
  Route53Client,
  waitUntilResourceRecordSetsChanged,
} from '@aws-sdk/client-route-53';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const ZONE = process.env.EXAMPLE_ZONE ?? 'example.test';
const IMAGE_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
// The SDK's waiters poll every 15 s by default (real AWS pace); a short delay keeps the
// example quick against a sandbox whose clock runs faster, and is harmless on AWS.
const WAIT = { maxWaitTime: 120, minDelay: 1, maxDelay: 2 };

const sts = new STSClient({});
const ssm = new SSMClient({});
const ec2 = new EC2Client({});
const route53 = new Route53Client({});

const { Account } = await sts.send(new GetCallerIdentityCommand({}));
console.log(`account ${Account}`);

const image = (await ssm.send(new GetParameterCommand({ Name: IMAGE_PARAMETER }))).Parameter?.Value;
if (!image) throw new Error(`${IMAGE_PARAMETER} has no value`);
console.log(`image ${image}`);

const launched = await ec2.send(
  new RunInstancesCommand({
    ImageId: image,
    InstanceType: 't3.micro',
    MinCount: 1,
    MaxCount: 1,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'sdk-example' }] }],
  }),
);
const instanceId = launched.Instances?.[0]?.InstanceId;
if (!instanceId) throw new Error('RunInstances returned no instance');
const running = await waitUntilInstanceRunning({ client: ec2, ...WAIT }, { InstanceIds: [instanceId] });
const instance = running.reason?.Reservations?.[0]?.Instances?.[0];
const address = instance?.PrivateIpAddress;
if (!address) throw new Error(`${instanceId} has no private address`);
console.log(`instance ${instanceId} ${instance?.State?.Name} at ${address}`);

try {
  const zones = await route53.send(new ListHostedZonesByNameCommand({ DNSName: ZONE, MaxItems: 1 }));
  const zone = zones.HostedZones?.find((z) => z.Name === `${ZONE}.`);
  if (!zone?.Id) throw new Error(`no hosted zone ${ZONE}`);
  const name = `sdk-example.${ZONE}`;
  const change = await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zone.Id,
      ChangeBatch: {
        Changes: [
          {
            Action: 'UPSERT',
            ResourceRecordSet: { Name: name, Type: 'A', TTL: 60, ResourceRecords: [{ Value: address }] },
          },
        ],
      },
    }),
  );
  const synced = await waitUntilResourceRecordSetsChanged(
    { client: route53, ...WAIT },
    { Id: change.ChangeInfo?.Id ?? '' },
  );
  console.log(`record ${name} A ${address} ${synced.reason?.ChangeInfo?.Status}`);
} finally {
  // Always terminate what the example launched, also when the DNS part failed.
  await ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
  await waitUntilInstanceTerminated({ client: ec2, ...WAIT }, { InstanceIds: [instanceId] });
  console.log(`instance ${instanceId} terminated`);
  for (const client of [sts, ssm, ec2, route53]) client.destroy();
}
