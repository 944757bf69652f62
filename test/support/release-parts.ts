// What bake-image and replicate-data leave behind, made in a sandbox with the real SDK: an
// immut-managed AMI (with its snapshot) and an immut-managed RDS replica, plus the inputs
// tag-release gets from them.
import { CreateImageCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import type { Identity } from '@immut/core/identity';
import { standardTags, toAwsTags } from '@immut/core/tags';
import type { Sandbox } from '@immut/sandbox';
import { ADMIN_CREDENTIALS } from './sandbox.js';

export const SEED_AMI = 'ami-0a0000000000a2303';
export const FINGERPRINT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
export const SHA = '0123456789abcdef0123456789abcdef01234567';
export const REPOSITORY = { owner: 'immut-test', repo: 'app' };

// The tests' own admin key: these set-ups stand in for other actions' work, not an action.
const credentials = { ...ADMIN_CREDENTIALS };

export function sandboxClients(sandbox: Sandbox): { ec2: EC2Client; rds: RDSClient } {
  const config = { endpoint: sandbox.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
  return { ec2: new EC2Client(config), rds: new RDSClient(config) };
}

/** sandboxClients as tag-release takes them: RDS made when first asked. */
export function tagReleaseClients(sandbox: Sandbox): { ec2: EC2Client; rds: () => Promise<RDSClient> } {
  const { ec2, rds } = sandboxClients(sandbox);
  return { ec2, rds: async () => rds };
}

const provenance = { repository: 'immut-test/app', sha: SHA, runUrl: '' };

/** An available AMI with a snapshot, both tagged as bake-image tags them (or with `tags`). */
export async function makeImage(
  sandbox: Sandbox,
  id: Identity,
  tags: Record<string, string> = standardTags(id, provenance, `immut-${id.env}-${id.role}-${id.build}`),
  name = `immut-${id.env}-${id.role}-${id.build}-${Math.random().toString(16).slice(2, 8)}`,
): Promise<string> {
  const { ec2 } = sandboxClients(sandbox);
  const run = await ec2.send(
    new RunInstancesCommand({ ImageId: SEED_AMI, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }),
  );
  const instanceId = run.Instances?.[0]?.InstanceId ?? '';
  sandbox.advance(60_000);
  const image = await ec2.send(
    new CreateImageCommand({
      InstanceId: instanceId,
      Name: name,
      TagSpecifications: [
        { ResourceType: 'image', Tags: toAwsTags(tags) },
        { ResourceType: 'snapshot', Tags: toAwsTags(tags) },
      ],
    }),
  );
  sandbox.advance(10 * 60_000);
  ec2.destroy();
  return image.ImageId ?? '';
}

/** An RDS replica tagged as replicate-data tags it, optionally without `immut:release` yet. */
export async function makeDb(
  sandbox: Sandbox,
  id: Identity,
  dbId = `immut-${id.env}-${id.role}-${id.build}`,
  options: { withRelease?: boolean } = {},
): Promise<string> {
  const tags: Record<string, string> = { ...standardTags(id, provenance, dbId) };
  if (options.withRelease === false) delete tags['immut:release'];
  const { rds } = sandboxClients(sandbox);
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: dbId,
      Engine: 'postgres',
      DBInstanceClass: 'db.t3.micro',
      AllocatedStorage: 20,
      MasterUsername: 'app',
      MasterUserPassword: 'sandbox-password',
      Tags: toAwsTags(tags),
    }),
  );
  sandbox.advance(30 * 60_000);
  rds.destroy();
  return dbId;
}

/** The inputs tag-release gets from bake-image and replicate-data. */
export function releaseInputs(imageId: string, dbId?: string): Record<string, string> {
  return {
    role: 'api',
    env: 'prod',
    'image-id': imageId,
    fingerprint: FINGERPRINT,
    'base-image-id': SEED_AMI,
    'app-version': '1.4.2',
    flags: 'LOG_LEVEL=info\nFEATURE_X=on',
    ...(dbId
      ? { 'db-instance-id': dbId, 'data-source': 'rds:app-db-2025-01-15-03-10', 'changelog-applied': 'true' }
      : {}),
  };
}
