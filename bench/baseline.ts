// The baseline of the cold-start benchmark: an action written the naive way, importing
// @actions/core and every SDK client immut uses at the top and creating them before
// reading its inputs. bench/cold-start.ts bundles it with ncc exactly like our actions.
import * as core from '@actions/core';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { SSMClient } from '@aws-sdk/client-ssm';

const region = process.env['AWS_REGION'] ?? 'us-east-1';
const ec2 = new EC2Client({ region });
const clients = [
  ec2,
  new ElasticLoadBalancingV2Client({ region }),
  new RDSClient({ region }),
  new Route53Client({ region }),
  new SSMClient({ region }),
];

try {
  const role = core.getInput('role', { required: true });
  await ec2.send(
    new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'tag:immut:role', Values: [role] }] }),
  );
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error));
} finally {
  for (const client of clients) client.destroy();
}
