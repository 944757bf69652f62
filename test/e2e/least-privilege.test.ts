// Least privilege, proven in the sandbox with IAM enforced: each action's generated policy
// (actions/<a>/permissions.ts, filled as `npm run iam` fills it) refuses what immut must
// never do, before any of immut's code guards is involved. Each negative test calls the AWS
// API directly with the action's own credentials, as the action's role would, and checks the
// service's real refusal and the sandbox's record of it; a control call shows the same key
// may do the same thing to what immut made, so the refusal is the policy's scoping, not a
// blanket deny. Last, the forged-tag case of issue 15 replayed with the built bundle.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateTagsCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type Tag,
} from '@aws-sdk/client-ec2';
import {
  AddTagsToResourceCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DeleteDBSnapshotCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  ModifyDBInstanceCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import {
  ChangeResourceRecordSetsCommand,
  ListHostedZonesByNameCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { runAction } from '@immut/action-runner';
import type { Identity } from '@immut/core/identity';
import { MANAGED_BY_VALUE, TAG, standardTags, toAwsTags } from '@immut/core/tags';
import { SEED, type CallRecord, type Sandbox } from '@immut/sandbox';
import { launchBuild, sdkClients, settle } from '@immut/test-support/builds-behind-lb';
import {
  actionAccessKey,
  actionClientConfig,
  adminClientConfig,
  sandboxEnv,
  startE2eSandbox,
} from '@immut/test-support/sandbox';

const ENV = 'prod';
const NAME = `api.${ENV}.example.test`;
/** Another name the policy names, for the control change (NAME is cut over by the forged-tag case). */
const OTHER_NAME = `web.${ENV}.example.test`;
const SOURCE_DB = 'app-db';
const SEED_AMI = 'ami-0a0000000000a2303';
const SUBNET = SEED.subnets[0]!.subnetId;
const PROVENANCE = { repository: 'acme/shop', sha: 'c0ffee', runUrl: '' };
const ACCOUNT = '123456789012';

let sandbox: Sandbox;
let zoneId: string;
let unmanagedInstance: string;
let managedInstance: string;
let sourceSnapshots: string[];

const identity = (build: string): Identity => ({ role: 'api', env: ENV, build });
const immutTags = (build: string, name: string): Tag[] =>
  toAwsTags(standardTags(identity(build), PROVENANCE, name));

const admin = {
  ec2: () => new EC2Client({ ...adminClientConfig(sandbox), maxAttempts: 1 }),
  rds: () => new RDSClient({ ...adminClientConfig(sandbox), maxAttempts: 1 }),
};
const as = {
  ec2: (action: string) => new EC2Client({ ...actionClientConfig(sandbox, action), maxAttempts: 1 }),
  rds: (action: string) => new RDSClient({ ...actionClientConfig(sandbox, action), maxAttempts: 1 }),
  ssm: (action: string) => new SSMClient({ ...actionClientConfig(sandbox, action), maxAttempts: 1 }),
  route53: (action: string) => new Route53Client({ ...actionClientConfig(sandbox, action), maxAttempts: 1 }),
};

interface Refusal {
  error: { name: string; message: string };
  record: CallRecord;
}

/** Runs `call`, expecting IAM to refuse it; returns the error and the call's log record. */
async function refused(call: () => Promise<unknown>): Promise<Refusal> {
  const from = sandbox.calls().at(-1)?.seq ?? 0;
  const error = await call().then(
    () => undefined,
    (e: unknown) => e as { name: string; message: string },
  );
  if (!error) throw new Error('the call succeeded; IAM should have refused it');
  const record = sandbox
    .calls()
    .filter((c) => c.seq > from)
    .at(-1);
  if (!record) throw new Error('the sandbox logged no call');
  return { error, record };
}

/** Expects the refusal of `action`'s key for `iamAction` on `resource`, with the service's code. */
function expectIamRefusal(
  r: Refusal,
  action: string,
  iamAction: string,
  code: string,
  resource?: string,
): void {
  expect(r.error.name).toBe(code);
  expect(r.error.message).toContain(`is not authorized to perform: ${iamAction}`);
  expect(r.record.outcome).toBe('error');
  expect(r.record.errorCode).toBe(code);
  expect(r.record.iam).toMatchObject({
    accessKeyId: actionAccessKey(action),
    action: iamAction,
    reason: 'implicit-deny',
    ...(resource ? { resource } : {}),
  });
}

async function runInstance(ec2: EC2Client, tags: Tag[]): Promise<string> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: SEED_AMI,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: SUBNET,
      ...(tags.length > 0 ? { TagSpecifications: [{ ResourceType: 'instance', Tags: tags }] } : {}),
    }),
  );
  return out.Instances?.[0]?.InstanceId ?? '';
}

beforeAll(async () => {
  sandbox = await startE2eSandbox({
    policy: { env: ENV, recordNames: [NAME, OTHER_NAME], ssmParameterPrefixes: ['/prod/api/'] },
  });
  const ec2 = admin.ec2();
  const rds = admin.rds();
  const route53 = new Route53Client(adminClientConfig(sandbox));
  try {
    // What the account holds besides immut: an instance someone launched by hand, the source
    // database with its automated snapshots and a manual backup, a SecureString of another
    // team, and a DNS name immut does not manage.
    unmanagedInstance = await runInstance(ec2, [{ Key: 'Name', Value: 'bastion' }]);
    managedInstance = await runInstance(ec2, immutTags('b000001', 'immut/prod/api/b000001'));
    await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: SOURCE_DB, DBSnapshotIdentifier: 'app-db-manual' }),
    );
    const snaps = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: SOURCE_DB }));
    sourceSnapshots = (snaps.DBSnapshots ?? []).map((s) => s.DBSnapshotIdentifier ?? '');
    const ssm = new SSMClient(adminClientConfig(sandbox));
    await ssm.send(
      new PutParameterCommand({ Name: '/prod/web/db-password', Type: 'SecureString', Value: 'hunter2-web' }),
    );
    await ssm.send(new PutParameterCommand({ Name: '/prod/api/motd', Type: 'String', Value: 'hello' }));
    ssm.destroy();
    const zones = await route53.send(new ListHostedZonesByNameCommand({ DNSName: 'example.test' }));
    zoneId = zones.HostedZones?.[0]?.Id?.replace('/hostedzone/', '') ?? '';
  } finally {
    ec2.destroy();
    rds.destroy();
    route53.destroy();
  }
  expect(sourceSnapshots.length).toBeGreaterThanOrEqual(2);
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
});

describe('IAM refuses, before any code guard', () => {
  it.each(['bake-image', 'launch-behind-lb'])(
    "refuses %s tagging an unmanaged instance with immut's tags",
    async (action) => {
      const ec2 = as.ec2(action);
      const r = await refused(() =>
        ec2.send(
          new CreateTagsCommand({
            Resources: [unmanagedInstance],
            Tags: [
              { Key: TAG.managedBy, Value: MANAGED_BY_VALUE },
              { Key: TAG.env, Value: ENV },
            ],
          }),
        ),
      );
      ec2.destroy();
      expectIamRefusal(
        r,
        action,
        'ec2:CreateTags',
        'UnauthorizedOperation',
        `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${unmanagedInstance}`,
      );
    },
  );

  it.each(['replicate-data', 'retire-release'])(
    "refuses %s tagging the source database with immut's tags",
    async (action) => {
      const rds = as.rds(action);
      const r = await refused(() =>
        rds.send(
          new AddTagsToResourceCommand({
            ResourceName: `arn:aws:rds:us-east-1:${ACCOUNT}:db:${SOURCE_DB}`,
            Tags: [
              { Key: TAG.managedBy, Value: MANAGED_BY_VALUE },
              { Key: TAG.env, Value: ENV },
            ],
          }),
        ),
      );
      rds.destroy();
      expectIamRefusal(
        r,
        action,
        'rds:AddTagsToResource',
        'AccessDenied',
        `arn:aws:rds:us-east-1:${ACCOUNT}:db:${SOURCE_DB}`,
      );
    },
  );

  it.each(['retire-release', 'launch-behind-lb', 'bake-image'])(
    'refuses %s terminating an unmanaged instance',
    async (action) => {
      const ec2 = as.ec2(action);
      const r = await refused(() =>
        ec2.send(new TerminateInstancesCommand({ InstanceIds: [unmanagedInstance] })),
      );
      ec2.destroy();
      expectIamRefusal(r, action, 'ec2:TerminateInstances', 'UnauthorizedOperation');
    },
  );

  it("lets retire-release terminate an instance carrying immut's tags (the control)", async () => {
    const ec2 = as.ec2('retire-release');
    const out = await ec2.send(new TerminateInstancesCommand({ InstanceIds: [managedInstance] }));
    ec2.destroy();
    expect(out.TerminatingInstances?.[0]?.InstanceId).toBe(managedInstance);
  });

  it.each(['retire-release', 'replicate-data'])('refuses %s deleting the source database', async (action) => {
    const rds = as.rds(action);
    const r = await refused(() =>
      rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: SOURCE_DB, SkipFinalSnapshot: true })),
    );
    rds.destroy();
    expectIamRefusal(
      r,
      action,
      'rds:DeleteDBInstance',
      'AccessDenied',
      `arn:aws:rds:us-east-1:${ACCOUNT}:db:${SOURCE_DB}`,
    );
  });

  it.each(['retire-release', 'replicate-data'])(
    "refuses %s deleting the source database's snapshots",
    async (action) => {
      const rds = as.rds(action);
      for (const id of sourceSnapshots) {
        const r = await refused(() => rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: id })));
        expectIamRefusal(
          r,
          action,
          'rds:DeleteDBSnapshot',
          'AccessDenied',
          `arn:aws:rds:us-east-1:${ACCOUNT}:snapshot:${id}`,
        );
      }
      rds.destroy();
    },
  );

  it('refuses launch-behind-lb passing a role outside the named instance roles, and lets it pass a named one', async () => {
    const ec2 = as.ec2('launch-behind-lb');
    const launch = (profile: string) =>
      ec2.send(
        new RunInstancesCommand({
          ImageId: SEED_AMI,
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          SubnetId: SUBNET,
          IamInstanceProfile: { Name: profile },
          MetadataOptions: { HttpTokens: 'required' },
          TagSpecifications: [
            { ResourceType: 'instance', Tags: immutTags('b000002', 'immut/prod/api/b000002') },
            { ResourceType: 'volume', Tags: immutTags('b000002', 'immut/prod/api/b000002') },
          ],
        }),
      );
    const r = await refused(() => launch('admin'));
    expectIamRefusal(
      r,
      'launch-behind-lb',
      'iam:PassRole',
      'UnauthorizedOperation',
      `arn:aws:iam::${ACCOUNT}:role/admin`,
    );
    // The same request with the instance role the policy names goes through.
    const ok = await launch('api-server');
    ec2.destroy();
    expect(ok.Instances).toHaveLength(1);
  });

  it('refuses bake-image reading a SecureString outside the allowed paths, and reads one under them', async () => {
    const ssm = as.ssm('bake-image');
    const r = await refused(() =>
      ssm.send(new GetParameterCommand({ Name: '/prod/web/db-password', WithDecryption: true })),
    );
    expectIamRefusal(
      r,
      'bake-image',
      'ssm:GetParameter',
      'AccessDeniedException',
      `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/prod/web/db-password`,
    );
    expect(r.error.message).not.toContain('hunter2-web');
    const ok = await ssm.send(new GetParameterCommand({ Name: '/prod/api/motd' }));
    ssm.destroy();
    expect(ok.Parameter?.Value).toBe('hello');
  });

  it.each(['cutover-dns', 'launch-behind-lb', 'retire-release'])(
    'refuses %s changing a DNS name immut does not manage',
    async (action) => {
      const route53 = as.route53(action);
      const r = await refused(() =>
        route53.send(
          new ChangeResourceRecordSetsCommand({
            HostedZoneId: zoneId,
            ChangeBatch: {
              Changes: [
                {
                  Action: 'UPSERT',
                  ResourceRecordSet: {
                    Name: 'www.example.test',
                    Type: 'A',
                    TTL: 60,
                    ResourceRecords: [{ Value: '192.0.2.10' }],
                  },
                },
              ],
            },
          }),
        ),
      );
      route53.destroy();
      expectIamRefusal(
        r,
        action,
        'route53:ChangeResourceRecordSets',
        'AccessDenied',
        `arn:aws:route53:::hostedzone/${zoneId}`,
      );
    },
  );

  it('lets cutover-dns change the name it manages (the control)', async () => {
    const route53 = as.route53('cutover-dns');
    const out = await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: {
                Name: OTHER_NAME,
                Type: 'A',
                TTL: 60,
                ResourceRecords: [{ Value: '192.0.2.20' }],
              },
            },
          ],
        },
      }),
    );
    route53.destroy();
    expect(out.ChangeInfo?.Id).toBeTruthy();
  });

  it('refuses a key with no policy of its own, and an action run with another action’s key', async () => {
    const stranger = new EC2Client({
      endpoint: sandbox.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    const r = await refused(() =>
      stranger.send(new TerminateInstancesCommand({ InstanceIds: [unmanagedInstance] })),
    );
    stranger.destroy();
    expect(r.error.name).toBe('UnauthorizedOperation');
    expect(r.record.iam?.accessKeyId).toBe('test');
    // cutover-dns holds no EC2 permission at all.
    const ec2 = as.ec2('cutover-dns');
    const r2 = await refused(() =>
      ec2.send(new TerminateInstancesCommand({ InstanceIds: [unmanagedInstance] })),
    );
    ec2.destroy();
    expectIamRefusal(r2, 'cutover-dns', 'ec2:TerminateInstances', 'UnauthorizedOperation');
  });
});

describe("the forged-tag case (issue 15): immut's tags added to the source database by an administrator", () => {
  const FORGED_BUILD = 'b000001';
  const LIVE_BUILD = 'b000002';
  let retire: Awaited<ReturnType<typeof runAction>>;
  let retireCalls: CallRecord[];

  beforeAll(async () => {
    const rds = admin.rds();
    try {
      // The forger holds tag rights the role does not (the admin key): immut's tags for
      // api/prod, build b000001, on the source database and its manual backup.
      for (const resource of [`db:${SOURCE_DB}`, 'snapshot:app-db-manual']) {
        await rds.send(
          new AddTagsToResourceCommand({
            ResourceName: `arn:aws:rds:us-east-1:${ACCOUNT}:${resource}`,
            Tags: immutTags(FORGED_BUILD, SOURCE_DB),
          }),
        );
      }
    } finally {
      rds.destroy();
    }
    // A later build, live behind the name (cut over by the cutover-dns bundle under its own
    // policy), so retire-release with keep 1 plans the forged build b000001 for retirement.
    const c = sdkClients(sandbox);
    try {
      const live = await launchBuild(sandbox, c, identity(LIVE_BUILD));
      await settle(sandbox);
      const cutover = await runAction('cutover-dns', {
        inputs: {
          role: 'api',
          env: ENV,
          build: LIVE_BUILD,
          zone: 'example.test',
          name: NAME,
          'target-dns-name': live.dnsName,
          'target-zone-id': live.zoneId,
          timeout: '6h',
        },
        env: sandboxEnv(sandbox, 'cutover-dns'),
        timeoutMs: 60_000,
      });
      expect(cutover.exitCode).toBe(0);
    } finally {
      c.destroy();
    }
    const from = sandbox.calls().at(-1)?.seq ?? 0;
    retire = await runAction('retire-release', {
      inputs: { role: 'api', env: ENV, zone: 'example.test', keep: '1', 'keep-images': '0', timeout: '6h' },
      env: sandboxEnv(sandbox, 'retire-release'),
      timeoutMs: 60_000,
    });
    retireCalls = sandbox.calls().filter((c) => c.seq > from);
  }, 90_000);

  it('fools the code guard: retire-release (not a dry run) plans the source database as a retired build', () => {
    const text = retire.logLines.join('\n');
    expect(text).toContain(`Retire build ${FORGED_BUILD}`);
    expect(
      retireCalls.some(
        (c) => c.operation === 'DeleteDBInstance' && c.params['DBInstanceIdentifier'] === SOURCE_DB,
      ),
    ).toBe(true);
  });

  it('cannot delete the source database: its policy allows deletes only of names immut creates', async () => {
    const attempt = retireCalls.find(
      (c) => c.operation === 'DeleteDBInstance' && c.params['DBInstanceIdentifier'] === SOURCE_DB,
    );
    expect(attempt?.outcome).toBe('error');
    expect(attempt?.iam).toMatchObject({
      accessKeyId: actionAccessKey('retire-release'),
      action: 'rds:DeleteDBInstance',
      resource: `arn:aws:rds:us-east-1:${ACCOUNT}:db:${SOURCE_DB}`,
    });
    expect(retire.exitCode).not.toBe(0);
    // immut's error names the IAM action and the resource AWS refused.
    expect(retire.annotations.map((a) => a.message).join('\n')).toContain(
      `AWS denied rds:DeleteDBInstance on arn:aws:rds:us-east-1:${ACCOUNT}:db:${SOURCE_DB}`,
    );
    const rds = admin.rds();
    const source = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: SOURCE_DB }));
    rds.destroy();
    expect(source.DBInstances?.[0]?.DBInstanceStatus).toBe('available');
  });

  it('cannot delete or modify the forged source through the API either, with either data action’s key', async () => {
    for (const action of ['retire-release', 'replicate-data']) {
      const rds = as.rds(action);
      const del = await refused(() =>
        rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: SOURCE_DB, SkipFinalSnapshot: true })),
      );
      expectIamRefusal(del, action, 'rds:DeleteDBInstance', 'AccessDenied');
      const snap = await refused(() =>
        rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: 'app-db-manual' })),
      );
      expectIamRefusal(snap, action, 'rds:DeleteDBSnapshot', 'AccessDenied');
      rds.destroy();
    }
    const rds = as.rds('replicate-data');
    const modify = await refused(() =>
      rds.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: SOURCE_DB,
          MasterUserPassword: 'attacker-chosen-0',
          ApplyImmediately: true,
        }),
      ),
    );
    rds.destroy();
    expectIamRefusal(modify, 'replicate-data', 'rds:ModifyDBInstance', 'AccessDenied');
  });
});
