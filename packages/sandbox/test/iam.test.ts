// IAM enforced by the sandbox, end to end with the unmodified SDK clients: each call is
// authorized on every resource it touches, with the resources' real tags and the
// request's condition keys, and refused with the service's own error before any handler
// (or fault) runs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CopyImageCommand,
  CreateTagsCommand,
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import {
  DeleteLoadBalancerCommand,
  ElasticLoadBalancingV2Client,
  CreateLoadBalancerCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
} from '@aws-sdk/client-rds';
import {
  ChangeResourceRecordSetsCommand,
  ListHostedZonesByNameCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { DecodeAuthorizationMessageCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { parseCli } from '../src/cli.js';
import { SEED, startSandbox, type PolicyDocument, type Sandbox } from '../src/index.js';
import { control, failure } from './helpers.js';

const ADMIN = 'AKIAADMIN0000000000X';
const DEPLOYER = 'AKIADEPLOYER0000000X';
const AL = 'ami-0a0000000000a2303';
const MANAGED = { 'aws:ResourceTag/immut:managed-by': 'immut' };
const ACCOUNT = SEED.accountId;

/** A least-privilege policy in the spirit of immut's: mutations only on immut's resources. */
const DEPLOYER_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Read',
      Effect: 'Allow',
      Action: ['ec2:Describe*', 'rds:Describe*', 'route53:List*', 'sts:DecodeAuthorizationMessage'],
      Resource: ['*'],
    },
    {
      Sid: 'LaunchFrom',
      Effect: 'Allow',
      Action: ['ec2:RunInstances'],
      Resource: [
        'arn:aws:ec2:*::image/*',
        'arn:aws:ec2:*::snapshot/*',
        'arn:aws:ec2:*:*:subnet/*',
        'arn:aws:ec2:*:*:security-group/*',
        'arn:aws:ec2:*:*:network-interface/*',
        'arn:aws:ec2:*:*:volume/*',
      ],
    },
    {
      Sid: 'LaunchTagged',
      Effect: 'Allow',
      Action: ['ec2:RunInstances'],
      Resource: ['arn:aws:ec2:*:*:instance/*'],
      Condition: { StringEquals: { 'aws:RequestTag/immut:managed-by': ['immut'] } },
    },
    {
      Sid: 'TagOnCreate',
      Effect: 'Allow',
      Action: ['ec2:CreateTags'],
      Resource: ['*'],
      Condition: { StringEquals: { 'ec2:CreateAction': ['RunInstances'] } },
    },
    {
      Sid: 'TerminateManaged',
      Effect: 'Allow',
      Action: ['ec2:TerminateInstances', 'rds:DeleteDBInstance', 'elasticloadbalancing:DeleteLoadBalancer'],
      Resource: ['*'],
      Condition: { StringEquals: { [Object.keys(MANAGED)[0]!]: ['immut'] } },
    },
    {
      Sid: 'PassRole',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: ['arn:aws:iam::*:role/immut-*'],
      Condition: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com'] } },
    },
    {
      Sid: 'PublicParameters',
      Effect: 'Allow',
      Action: ['ssm:GetParameter'],
      Resource: ['arn:aws:ssm:*::parameter/aws/service/*'],
    },
    {
      Sid: 'Dns',
      Effect: 'Allow',
      Action: ['route53:ChangeResourceRecordSets'],
      Resource: ['arn:aws:route53:::hostedzone/*'],
      Condition: {
        'ForAllValues:StringEquals': {
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': [
            'app.example.test',
            '_immut-history.app.example.test',
          ],
        },
      },
    },
  ],
};

const ALLOW_ALL: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }],
};

function sdk(sb: Sandbox, accessKeyId: string) {
  const config = {
    endpoint: sb.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey: 'x' },
    maxAttempts: 1,
  };
  return {
    ec2: new EC2Client(config),
    elb: new ElasticLoadBalancingV2Client(config),
    rds: new RDSClient(config),
    route53: new Route53Client(config),
    ssm: new SSMClient(config),
    sts: new STSClient(config),
  };
}

const launch = (extra: Partial<RunInstancesCommandInput> = {}): RunInstancesCommand =>
  new RunInstancesCommand({ ImageId: AL, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro', ...extra });

const managedTags: RunInstancesCommandInput['TagSpecifications'] = [
  { ResourceType: 'instance', Tags: [{ Key: 'immut:managed-by', Value: 'immut' }] },
];

async function instanceId(ec2: EC2Client, cmd: RunInstancesCommand): Promise<string> {
  const out = await ec2.send(cmd);
  return out.Instances![0]!.InstanceId!;
}

let sb: Sandbox;
let admin: ReturnType<typeof sdk>;
let deployer: ReturnType<typeof sdk>;
let zoneId: string;

beforeAll(async () => {
  sb = await startSandbox({ iamPolicies: { [ADMIN]: [ALLOW_ALL], [DEPLOYER]: [DEPLOYER_POLICY] } });
  admin = sdk(sb, ADMIN);
  deployer = sdk(sb, DEPLOYER);
  const zones = await admin.route53.send(new ListHostedZonesByNameCommand({ DNSName: 'example.test' }));
  zoneId = zones.HostedZones![0]!.Id!.replace('/hostedzone/', '');
});

afterAll(async () => {
  for (const set of [admin, deployer]) for (const c of Object.values(set)) c.destroy();
  await sb.stop();
});

const lastCall = (operation: string) =>
  sb
    .calls()
    .filter((c) => c.operation === operation)
    .at(-1)!;

describe('IAM in the sandbox: EC2', () => {
  it('authorizes a KMS key named by alias as the key it points to, not as the alias', async () => {
    const allow = (kmsResource: string) => ({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ec2:CopyImage', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'kms:*',
          Resource: kmsResource,
          Condition: { StringEquals: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' } },
        },
      ],
    });
    const copy = new CopyImageCommand({
      Name: `encrypted-${Date.now()}`,
      SourceImageId: AL,
      SourceRegion: 'us-east-1',
      Encrypted: true,
      KmsKeyId: 'alias/images',
    });
    const key = 'kms-user';
    const c = sdk(sb, key);
    try {
      sb.iam.set(key, allow('arn:aws:kms:us-east-1:*:alias/*'));
      const err = await failure(c.ec2.send(copy));
      expect(err.name).toBe('UnauthorizedOperation');
      expect(lastCall('CopyImage').iam?.resource).toMatch(
        /^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
      sb.iam.set(key, allow('arn:aws:kms:us-east-1:*:key/*'));
      const ok = await c.ec2.send(copy);
      expect(ok.ImageId).toMatch(/^ami-/);
    } finally {
      for (const client of Object.values(c)) client.destroy();
      sb.iam.remove(key);
    }
  });

  it('gives RunInstances the instance metadata options as ec2:MetadataHttpTokens, AWS defaults when not sent', async () => {
    const key = 'imdsv2-only';
    sb.iam.set(key, {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: 'arn:aws:ec2:*:*:*' },
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: 'arn:aws:ec2:*::*' },
        {
          Effect: 'Deny',
          Action: 'ec2:RunInstances',
          Resource: 'arn:aws:ec2:*:*:instance/*',
          Condition: { StringNotEquals: { 'ec2:MetadataHttpTokens': 'required' } },
        },
      ],
    });
    const c = sdk(sb, key);
    try {
      const ok = await c.ec2.send(launch({ MetadataOptions: { HttpTokens: 'required' } }));
      expect(ok.Instances).toHaveLength(1);
      const err = await failure(c.ec2.send(launch()));
      expect(err.name).toBe('UnauthorizedOperation');
      expect(lastCall('RunInstances').iam).toMatchObject({
        action: 'ec2:RunInstances',
        reason: 'explicit-deny',
      });
    } finally {
      for (const client of Object.values(c)) client.destroy();
      sb.iam.remove(key);
    }
  });

  it('terminates a managed instance and refuses an unmanaged one with UnauthorizedOperation', async () => {
    const managed = await instanceId(deployer.ec2, launch({ TagSpecifications: managedTags }));
    const seedLike = await instanceId(admin.ec2, launch());
    await deployer.ec2.send(new TerminateInstancesCommand({ InstanceIds: [managed] }));

    const err = await failure(deployer.ec2.send(new TerminateInstancesCommand({ InstanceIds: [seedLike] })));
    expect(err.name).toBe('UnauthorizedOperation');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    const arn = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${seedLike}`;
    expect(err.message).toContain(
      `You are not authorized to perform this operation. User: arn:aws:iam::${ACCOUNT}:user/sandbox is not authorized to perform: ec2:TerminateInstances on resource: ${arn} because no identity-based policy allows the ec2:TerminateInstances action. Encoded authorization failure message: `,
    );
    const call = lastCall('TerminateInstances');
    expect(call).toMatchObject({ outcome: 'error', errorCode: 'UnauthorizedOperation', status: 403 });
    expect(call.iam).toEqual({
      accessKeyId: DEPLOYER,
      action: 'ec2:TerminateInstances',
      resource: arn,
      reason: 'implicit-deny',
    });
    // Refused before the handler: the instance still runs.
    const d = await admin.ec2.send(new DescribeInstancesCommand({ InstanceIds: [seedLike] }));
    expect(d.Reservations![0]!.Instances![0]!.State!.Name).not.toMatch(/shutting-down|terminated/);

    // The encoded message decodes through STS (and the control API) to the decision.
    const encoded = err.message.split('Encoded authorization failure message: ')[1]!;
    const decoded = await deployer.sts.send(
      new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }),
    );
    const message = JSON.parse(decoded.DecodedMessage!) as {
      allowed: boolean;
      context: { action: string; resource: string; conditions: { items: Array<{ key: string }> } };
    };
    expect(message).toMatchObject({
      allowed: false,
      context: { action: 'ec2:TerminateInstances', resource: arn },
    });
    expect(message.context.conditions.items.map((i) => i.key)).toContain('ec2:Region');
    const viaControl = await control<{ decoded: string }>(sb, 'POST', 'iam/decode', { message: encoded });
    expect(JSON.parse(viaControl.body.decoded)).toEqual(message);
  });

  it('requires the request tag on the instance it launches, not on the image or subnet', async () => {
    const err = await failure(deployer.ec2.send(launch()));
    expect(err.name).toBe('UnauthorizedOperation');
    expect(lastCall('RunInstances').iam).toMatchObject({
      action: 'ec2:RunInstances',
      resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`,
    });
    const wrongValue = [
      { ResourceType: 'instance' as const, Tags: [{ Key: 'immut:managed-by', Value: 'me' }] },
    ];
    expect((await failure(deployer.ec2.send(launch({ TagSpecifications: wrongValue })))).name).toBe(
      'UnauthorizedOperation',
    );
  });

  it('allows tags only as part of RunInstances: tagging an existing instance is refused', async () => {
    const existing = await instanceId(admin.ec2, launch());
    const err = await failure(
      deployer.ec2.send(
        new CreateTagsCommand({ Resources: [existing], Tags: [{ Key: 'immut:managed-by', Value: 'immut' }] }),
      ),
    );
    expect(err.name).toBe('UnauthorizedOperation');
    expect(lastCall('CreateTags').iam).toMatchObject({
      action: 'ec2:CreateTags',
      resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${existing}`,
    });
    const tags = await admin.ec2.send(new DescribeInstancesCommand({ InstanceIds: [existing] }));
    expect(tags.Reservations![0]!.Instances![0]!.Tags ?? []).toEqual([]);
  });

  it('authorizes ec2:CreateTags with ec2:CreateAction when RunInstances tags what it creates', async () => {
    const noTagOnCreate: PolicyDocument = {
      ...DEPLOYER_POLICY,
      Statement: DEPLOYER_POLICY.Statement.filter((s) => s.Sid !== 'TagOnCreate'),
    };
    const KEY = 'AKIANOTAGONCREATE00X';
    expect((await control(sb, 'PUT', `iam/${KEY}`, noTagOnCreate)).status).toBe(200);
    const limited = sdk(sb, KEY);
    const err = await failure(limited.ec2.send(launch({ TagSpecifications: managedTags })));
    expect(err.name).toBe('UnauthorizedOperation');
    expect(lastCall('RunInstances').iam).toMatchObject({
      action: 'ec2:CreateTags',
      resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`,
    });
    limited.ec2.destroy();
  });

  it('refuses passing a role outside the allowed pattern at RunInstances', async () => {
    const err = await failure(
      deployer.ec2.send(launch({ TagSpecifications: managedTags, IamInstanceProfile: { Name: 'admin' } })),
    );
    expect(err.name).toBe('UnauthorizedOperation');
    expect(lastCall('RunInstances').iam).toMatchObject({
      action: 'iam:PassRole',
      resource: `arn:aws:iam::${ACCOUNT}:role/admin`,
    });
    await deployer.ec2.send(
      launch({ TagSpecifications: managedTags, IamInstanceProfile: { Name: 'immut-app' } }),
    );
  });

  it('names an explicit deny in the message', async () => {
    const KEY = 'AKIADENIED0000000000';
    await control(sb, 'PUT', `iam/${KEY}`, [
      ALLOW_ALL,
      { Statement: [{ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' }] },
    ]);
    const denied = sdk(sb, KEY);
    const err = await failure(denied.ec2.send(launch()));
    expect(err.message).toMatch(
      /ec2:RunInstances on resource: arn:aws:ec2:us-east-1::image\/ami-0a0000000000a2303 with an explicit deny in an identity-based policy/,
    );
    expect(lastCall('RunInstances').iam?.reason).toBe('explicit-deny');
    denied.ec2.destroy();
  });
});

describe('IAM in the sandbox: RDS, ELBv2, SSM, Route 53, STS', () => {
  it("puts a restore request's tags and PubliclyAccessible on every resource it authorizes, the source snapshot too", async () => {
    // As the Service Authorization Reference lists them: action-level keys, not per resource.
    const key = 'restorer';
    sb.iam.set(key, {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'rds:RestoreDBInstanceFromDBSnapshot',
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:RequestTag/immut:managed-by': 'immut' },
            Bool: { 'rds:PubliclyAccessible': 'false' },
          },
        },
        { Effect: 'Allow', Action: 'rds:AddTagsToResource', Resource: '*' },
      ],
    });
    const c = sdk(sb, key);
    try {
      const snaps = await admin.rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'app-db' }));
      const snapshot = snaps.DBSnapshots![0]!.DBSnapshotIdentifier!;
      const restore = (tags: boolean, publiclyAccessible: boolean) =>
        c.rds.send(
          new RestoreDBInstanceFromDBSnapshotCommand({
            DBInstanceIdentifier: `restored-${tags}-${publiclyAccessible}`,
            DBSnapshotIdentifier: snapshot,
            PubliclyAccessible: publiclyAccessible,
            ...(tags ? { Tags: [{ Key: 'immut:managed-by', Value: 'immut' }] } : {}),
          }),
        );
      const ok = await restore(true, false);
      expect(ok.DBInstance?.DBInstanceIdentifier).toBe('restored-true-false');
      expect((await failure(restore(false, false))).name).toBe('AccessDenied');
      expect((await failure(restore(true, true))).name).toBe('AccessDenied');
    } finally {
      for (const client of Object.values(c)) client.destroy();
      sb.iam.remove(key);
    }
  });

  it('refuses deleting the seed source DB with AccessDenied', async () => {
    const err = await failure(
      deployer.rds.send(
        new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'app-db', SkipFinalSnapshot: true }),
      ),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/sandbox is not authorized to perform: rds:DeleteDBInstance on resource: arn:aws:rds:us-east-1:${ACCOUNT}:db:app-db because no identity-based policy allows the rds:DeleteDBInstance action`,
    );
    const d = await deployer.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'app-db' }));
    expect(d.DBInstances![0]!.DBInstanceStatus).toBe('available');
  });

  it('refuses deleting an unmanaged load balancer with AccessDenied', async () => {
    const lb = await admin.elb.send(
      new CreateLoadBalancerCommand({
        Name: 'not-immut',
        Subnets: [SEED.subnets[0].subnetId, SEED.subnets[1].subnetId],
      }),
    );
    const arn = lb.LoadBalancers![0]!.LoadBalancerArn!;
    const err = await failure(deployer.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn })));
    expect(err.name).toBe('AccessDenied');
    expect(lastCall('DeleteLoadBalancer').iam).toMatchObject({
      action: 'elasticloadbalancing:DeleteLoadBalancer',
      resource: arn,
    });
  });

  it('reads public parameters and refuses a parameter outside the allowed path', async () => {
    const ok = await deployer.ssm.send(
      new GetParameterCommand({
        Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      }),
    );
    expect(ok.Parameter?.Value).toBe(AL);
    const err = await failure(
      deployer.ssm.send(new GetParameterCommand({ Name: '/prod/db/password', WithDecryption: true })),
    );
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toContain(
      `ssm:GetParameter on resource: arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/prod/db/password`,
    );
  });

  it('allows changes to the names it manages and refuses any other name', async () => {
    const change = (name: string) =>
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: {
                Name: name,
                Type: 'A',
                TTL: 60,
                ResourceRecords: [{ Value: '192.0.2.1' }],
              },
            },
          ],
        },
      });
    await deployer.route53.send(change('App.Example.Test.'));
    const err = await failure(deployer.route53.send(change('www.example.test')));
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(lastCall('ChangeResourceRecordSets').iam).toMatchObject({
      resource: `arn:aws:route53:::hostedzone/${zoneId}`,
    });
  });

  it('answers GetCallerIdentity without any permission, as AWS does', async () => {
    const none = sdk(sb, 'AKIANOPOLICY00000000');
    const id = await none.sts.send(new GetCallerIdentityCommand({}));
    expect(id.Account).toBe(ACCOUNT);
    // A key without policies falls to the default, deny (policies were given at start).
    expect((await failure(none.ec2.send(launch()))).name).toBe('UnauthorizedOperation');
    for (const c of Object.values(none)) c.destroy();
  });
});

describe('IAM configuration', () => {
  it('lists, sets and removes policies through the control API, refusing bad documents', async () => {
    const listed = await control<{ enabled: boolean; default: string; policies: Record<string, unknown> }>(
      sb,
      'GET',
      'iam',
    );
    expect(listed.body).toMatchObject({ enabled: true, default: 'deny' });
    expect(Object.keys(listed.body.policies)).toEqual(expect.arrayContaining([ADMIN, DEPLOYER]));
    const bad = await control<{ error: string }>(sb, 'PUT', 'iam/AKIABAD', {
      Statement: [{ Effect: 'Allow', Action: '*' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/exactly one of Resource or NotResource/);
    expect((await control(sb, 'DELETE', 'iam/AKIABAD')).body).toEqual({
      accessKeyId: 'AKIABAD',
      removed: false,
    });
  });

  it('enforces nothing when no policy is configured', async () => {
    const open = await startSandbox({});
    const anyone = sdk(open, 'test');
    try {
      const id = await instanceId(anyone.ec2, launch({ IamInstanceProfile: { Name: 'admin' } }));
      await anyone.ec2.send(
        new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'immut:managed-by', Value: 'immut' }] }),
      );
      await anyone.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
      expect(open.calls().every((c) => c.outcome === 'ok' && c.iam === undefined)).toBe(true);
      expect((await control(open, 'GET', 'iam')).body).toMatchObject({ enabled: false, default: 'allow' });
    } finally {
      for (const c of Object.values(anyone)) c.destroy();
      await open.stop();
    }
  });

  it('reads --iam-policy as a policy for every key, and refuses a file that is no policy', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'iam-cli-'));
    try {
      const file = join(dir, 'policy.json');
      writeFileSync(file, JSON.stringify(DEPLOYER_POLICY));
      expect(Object.keys(parseCli(['--iam-policy', file]).iamPolicies ?? {})).toEqual(['*']);
      writeFileSync(file, JSON.stringify({ Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] }));
      expect(() => parseCli(['--iam-policy', file])).toThrow(
        /--iam-policy .*Statement\[0\]\.Effect: expected "Allow" or "Deny", got Permit/,
      );
      expect(() => parseCli(['--iam-default', 'maybe'])).toThrow(/--iam-default must be allow or deny/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
