// Emulated RDS over HTTP with the real RDSClient: every operation, AWS's rules with the
// SDK's error names, pagination, the waiters on the sandbox clock and the restore-fails
// fault. (The PostgreSQL backend has its own test file, rds-postgres.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AddTagsToResourceCommand,
  CreateDBInstanceCommand,
  type CreateDBInstanceCommandInput,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DeleteDBSnapshotCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  ListTagsForResourceCommand,
  ModifyDBInstanceCommand,
  paginateDescribeDBInstances,
  RDSClient,
  RemoveTagsFromResourceCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
  waitUntilDBInstanceAvailable,
  waitUntilDBInstanceDeleted,
  waitUntilDBSnapshotAvailable,
} from '@aws-sdk/client-rds';
import { startSandbox, type Sandbox } from '../src/index.js';

const MIN = 60_000;
const WAIT = { minDelay: 1, maxDelay: 1, maxWaitTime: 20 };

let sandbox: Sandbox;
let rds: RDSClient;

beforeAll(async () => {
  // 1000× time: a 12-minute create takes 0.72 s of wall time.
  sandbox = await startSandbox({ timeScale: 1000, seed: 'default' });
  rds = new RDSClient({
    endpoint: sandbox.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  rds.destroy();
  await sandbox.stop();
});

type SdkError = Error & { $metadata?: { httpStatusCode?: number } };

async function failure(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error('expected the call to fail');
}

function createInput(
  id: string,
  extra: Partial<CreateDBInstanceCommandInput> = {},
): CreateDBInstanceCommandInput {
  return {
    DBInstanceIdentifier: id,
    DBInstanceClass: 'db.t4g.micro',
    Engine: 'postgres',
    AllocatedStorage: 20,
    MasterUsername: 'appadmin',
    MasterUserPassword: 'correct-horse-battery',
    ...extra,
  };
}

async function describe1(id: string) {
  const out = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
  return out.DBInstances![0]!;
}

/** Create an instance and jump the sandbox clock past its creation. */
async function createAvailable(id: string, extra: Partial<CreateDBInstanceCommandInput> = {}) {
  await rds.send(new CreateDBInstanceCommand(createInput(id, extra)));
  sandbox.advance(15 * MIN);
  const inst = await describe1(id);
  expect(inst.DBInstanceStatus).toBe('available');
  return inst;
}

describe('the default seed', () => {
  it('has app-db (postgres, backups kept 7 days) with automated snapshots on two dates', async () => {
    const db = await describe1('app-db');
    expect(db).toMatchObject({ Engine: 'postgres', DBInstanceStatus: 'available', BackupRetentionPeriod: 7 });
    expect(db.DBInstanceArn).toBe('arn:aws:rds:us-east-1:123456789012:db:app-db');
    expect(db.LatestRestorableTime).toBeInstanceOf(Date);
    expect(db.Endpoint?.Address).toMatch(/^app-db\.[a-z0-9]{12}\.us-east-1\.rds\.amazonaws\.com$/);
    expect(db.Endpoint?.Port).toBe(5432);
    expect(db.VpcSecurityGroups).toEqual([
      { VpcSecurityGroupId: expect.stringMatching(/^sg-/), Status: 'active' },
    ]);
    expect(db.DBSubnetGroup?.Subnets).toHaveLength(3);
    const snaps = await rds.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'app-db', SnapshotType: 'automated' }),
    );
    const ids = snaps.DBSnapshots!.map((s) => s.DBSnapshotIdentifier!);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^rds:app-db-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}$/);
    expect(new Set(ids.map((id) => id.slice(11, 21))).size).toBe(2);
    for (const s of snaps.DBSnapshots!) {
      expect(s).toMatchObject({
        Status: 'available',
        SnapshotType: 'automated',
        Engine: 'postgres',
        PercentProgress: 100,
      });
      expect(s.SnapshotCreateTime).toBeInstanceOf(Date);
    }
  });
});

describe('CreateDBInstance and DescribeDBInstances', () => {
  it('creates an instance that goes creating → backing-up → available, with no endpoint while creating', async () => {
    const out = await rds.send(
      new CreateDBInstanceCommand(
        createInput('Orders-DB', {
          Tags: [{ Key: 'team', Value: 'payments' }],
          VpcSecurityGroupIds: ['sg-0123'],
        }),
      ),
    );
    const created = out.DBInstance!;
    expect(created.DBInstanceIdentifier).toBe('orders-db'); // stored lower-case
    expect(created.DBInstanceStatus).toBe('creating');
    expect(created.Endpoint).toBeUndefined();
    expect(created.InstanceCreateTime).toBeUndefined();
    expect(created.DBInstanceArn).toBe('arn:aws:rds:us-east-1:123456789012:db:orders-db');
    expect(created.TagList).toEqual([{ Key: 'team', Value: 'payments' }]);
    expect(created.VpcSecurityGroups).toEqual([{ VpcSecurityGroupId: 'sg-0123', Status: 'active' }]);
    expect(created.MasterUsername).toBe('appadmin');

    sandbox.advance(10 * MIN + 1000);
    expect((await describe1('orders-db')).DBInstanceStatus).toBe('backing-up');
    sandbox.advance(2 * MIN);
    const ready = await describe1('ORDERS-DB'); // lookups are case-insensitive too
    expect(ready.DBInstanceStatus).toBe('available');
    expect(ready.Endpoint).toMatchObject({ Address: expect.stringMatching(/^orders-db\./), Port: 5432 });
    expect(ready.InstanceCreateTime).toBeInstanceOf(Date);
    expect(ready.LatestRestorableTime).toBeInstanceOf(Date);
    // The backing-up phase took the first automated backup.
    const auto = await rds.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'orders-db', SnapshotType: 'automated' }),
    );
    expect(auto.DBSnapshots!.map((s) => s.DBSnapshotIdentifier)).toEqual([
      expect.stringMatching(/^rds:orders-db-\d{4}(-\d{2}){4}$/),
    ]);
  });

  it('enforces AWS identifier rules with InvalidParameterValue', async () => {
    for (const bad of ['1db', 'db--x', 'db-', 'db_x', 'db.x', 'a'.repeat(64)]) {
      const err = await failure(rds.send(new CreateDBInstanceCommand(createInput(bad))));
      expect(err.name).toBe('InvalidParameterValue');
      expect(err.$metadata?.httpStatusCode).toBe(400);
    }
    const longest = 'a'.repeat(63);
    const out = await rds.send(
      new CreateDBInstanceCommand(createInput(longest, { BackupRetentionPeriod: 0 })),
    );
    expect(out.DBInstance?.DBInstanceIdentifier).toBe(longest);
  });

  it('refuses a duplicate identifier (case-insensitively) with DBInstanceAlreadyExistsFault', async () => {
    await rds.send(new CreateDBInstanceCommand(createInput('dup-db')));
    const err = await failure(rds.send(new CreateDBInstanceCommand(createInput('DUP-DB'))));
    expect(err.name).toBe('DBInstanceAlreadyExistsFault');
  });

  it('checks the password, the engine and the storage', async () => {
    expect(
      (
        await failure(
          rds.send(new CreateDBInstanceCommand(createInput('pw-db', { MasterUserPassword: 'short' }))),
        )
      ).name,
    ).toBe('InvalidParameterValue');
    expect(
      (
        await failure(
          rds.send(new CreateDBInstanceCommand(createInput('pw-db', { MasterUserPassword: undefined }))),
        )
      ).name,
    ).toBe('InvalidParameterValue');
    expect(
      (await failure(rds.send(new CreateDBInstanceCommand(createInput('en-db', { Engine: 'cobol' }))))).name,
    ).toBe('InvalidParameterValue');
    expect(
      (await failure(rds.send(new CreateDBInstanceCommand(createInput('st-db', { AllocatedStorage: 5 })))))
        .name,
    ).toBe('InvalidParameterCombination');
    const both = await failure(
      rds.send(new CreateDBInstanceCommand(createInput('mp-db', { ManageMasterUserPassword: true }))),
    );
    expect(both.name).toBe('InvalidParameterCombination');
  });

  it('answers an unknown instance with DBInstanceNotFoundFault (404)', async () => {
    const err = await failure(rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'nope' })));
    expect(err.name).toBe('DBInstanceNotFoundFault');
    expect(err.$metadata?.httpStatusCode).toBe(404);
  });

  it('filters by db-instance-id (id or ARN) and engine, and rejects unknown filters', async () => {
    const byId = await rds.send(
      new DescribeDBInstancesCommand({
        Filters: [
          { Name: 'db-instance-id', Values: ['arn:aws:rds:us-east-1:123456789012:db:app-db', 'dup-db'] },
        ],
      }),
    );
    expect(byId.DBInstances!.map((i) => i.DBInstanceIdentifier).sort()).toEqual(['app-db', 'dup-db']);
    const mysql = await rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'engine', Values: ['mysql'] }] }),
    );
    expect(mysql.DBInstances).toEqual([]);
    const err = await failure(
      rds.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })),
    );
    expect(err.name).toBe('InvalidParameterValue');
  });

  it('paginates with Marker and MaxRecords (20–100)', async () => {
    for (let i = 0; i < 25; i++) {
      await rds.send(
        new CreateDBInstanceCommand(
          createInput(`page-${String(i).padStart(2, '0')}`, { BackupRetentionPeriod: 0 }),
        ),
      );
    }
    const first = await rds.send(new DescribeDBInstancesCommand({ MaxRecords: 20 }));
    expect(first.DBInstances).toHaveLength(20);
    expect(first.Marker).toBeTruthy();
    const second = await rds.send(new DescribeDBInstancesCommand({ MaxRecords: 20, Marker: first.Marker }));
    expect(second.DBInstances!.length).toBeGreaterThan(0);
    const ids: string[] = [];
    for await (const page of paginateDescribeDBInstances(
      { client: rds, pageSize: 20 },
      { Filters: [{ Name: 'engine', Values: ['postgres'] }] },
    )) {
      ids.push(...page.DBInstances!.map((i) => i.DBInstanceIdentifier!));
    }
    expect(ids.filter((id) => id.startsWith('page-'))).toHaveLength(25);
    expect(new Set(ids).size).toBe(ids.length);
    const err = await failure(rds.send(new DescribeDBInstancesCommand({ MaxRecords: 10 })));
    expect(err.name).toBe('InvalidParameterValue');
  });
});

describe('ModifyDBInstance', () => {
  it('turns on ManageMasterUserPassword → MasterUserSecret, never together with MasterUserPassword', async () => {
    await createAvailable('secret-db');
    const both = await failure(
      rds.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: 'secret-db',
          ManageMasterUserPassword: true,
          MasterUserPassword: 'another-password',
        }),
      ),
    );
    expect(both.name).toBe('InvalidParameterCombination');
    const out = await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: 'secret-db',
        ManageMasterUserPassword: true,
        ApplyImmediately: true,
      }),
    );
    expect(out.DBInstance?.DBInstanceStatus).toBe('modifying');
    expect(out.DBInstance?.MasterUserSecret).toMatchObject({
      SecretArn: expect.stringMatching(
        /^arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-[0-9a-f-]{36}-[0-9a-f]{6}$/,
      ),
      SecretStatus: 'creating',
      KmsKeyId: expect.stringMatching(/^arn:aws:kms:/),
    });
    sandbox.advance(5 * MIN);
    const after = await describe1('secret-db');
    expect(after.DBInstanceStatus).toBe('available');
    expect(after.MasterUserSecret?.SecretStatus).toBe('active');
    // A managed password can't be set by hand.
    const manual = await failure(
      rds.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: 'secret-db',
          MasterUserPassword: 'another-password',
        }),
      ),
    );
    expect(manual.name).toBe('InvalidParameterCombination');
  });

  it('resets the master password: resetting-master-credentials, pending as ****, then available', async () => {
    await createAvailable('reset-db');
    const bad = await failure(
      rds.send(
        new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'reset-db', MasterUserPassword: 'has/slash' }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterValue');
    const out = await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: 'reset-db',
        MasterUserPassword: 'a-new-password-42',
        ApplyImmediately: true,
      }),
    );
    expect(out.DBInstance?.DBInstanceStatus).toBe('resetting-master-credentials');
    expect(out.DBInstance?.PendingModifiedValues).toEqual({ MasterUserPassword: '****' });
    expect(JSON.stringify(out)).not.toContain('a-new-password-42');
    sandbox.advance(2 * MIN);
    const after = await describe1('reset-db');
    expect(after.DBInstanceStatus).toBe('available');
    expect(after.PendingModifiedValues).toEqual({});
    // What is kept is when, never the password itself.
    const rdsState = JSON.stringify(sandbox.services.find((s) => s.name === 'rds')!.snapshotState());
    expect(rdsState).toContain('masterPasswordChange');
    expect(rdsState).not.toContain('a-new-password-42');
  });

  it('applies class and storage changes immediately or leaves them pending', async () => {
    await createAvailable('resize-db');
    const pending = await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'resize-db', DBInstanceClass: 'db.t4g.small' }),
    );
    expect(pending.DBInstance?.DBInstanceClass).toBe('db.t4g.micro');
    expect(pending.DBInstance?.PendingModifiedValues?.DBInstanceClass).toBe('db.t4g.small');
    const now = await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: 'resize-db',
        AllocatedStorage: 40,
        ApplyImmediately: true,
      }),
    );
    expect(now.DBInstance).toMatchObject({ AllocatedStorage: 40, DBInstanceStatus: 'modifying' });
    const busy = await failure(
      rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'resize-db', AllocatedStorage: 50 })),
    );
    expect(busy.name).toBe('InvalidDBInstanceStateFault');
    sandbox.advance(5 * MIN);
    const shrink = await failure(
      rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'resize-db', AllocatedStorage: 20 })),
    );
    expect(shrink.name).toBe('InvalidParameterValue');
  });

  it('refuses to modify an instance that is still creating, or one that does not exist', async () => {
    await rds.send(new CreateDBInstanceCommand(createInput('young-db')));
    const err = await failure(
      rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'young-db', DeletionProtection: true })),
    );
    expect(err.name).toBe('InvalidDBInstanceStateFault');
    const missing = await failure(
      rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'ghost-db', DeletionProtection: true })),
    );
    expect(missing.name).toBe('DBInstanceNotFoundFault');
  });
});

describe('DeleteDBInstance', () => {
  it('refuses while DeletionProtection is on, then deletes with a final snapshot', async () => {
    await createAvailable('protected-db', {
      DeletionProtection: true,
      CopyTagsToSnapshot: true,
      Tags: [{ Key: 'keep', Value: 'me' }],
    });
    const refused = await failure(
      rds.send(
        new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'protected-db', SkipFinalSnapshot: true }),
      ),
    );
    expect(refused.name).toBe('InvalidParameterCombination');
    expect(refused.message).toMatch(/deletion protection/);
    await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'protected-db', DeletionProtection: false }),
    );

    const noFinal = await failure(
      rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'protected-db' })),
    );
    expect(noFinal.name).toBe('InvalidParameterCombination');
    const bothWays = await failure(
      rds.send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: 'protected-db',
          SkipFinalSnapshot: true,
          FinalDBSnapshotIdentifier: 'x',
        }),
      ),
    );
    expect(bothWays.name).toBe('InvalidParameterCombination');
    const badName = await failure(
      rds.send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: 'protected-db',
          FinalDBSnapshotIdentifier: 'final--x',
        }),
      ),
    );
    expect(badName.name).toBe('InvalidParameterValue');

    const out = await rds.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: 'protected-db',
        FinalDBSnapshotIdentifier: 'protected-db-final',
      }),
    );
    expect(out.DBInstance?.DBInstanceStatus).toBe('deleting');
    const again = await failure(
      rds.send(
        new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'protected-db', SkipFinalSnapshot: true }),
      ),
    );
    expect(again.name).toBe('InvalidDBInstanceStateFault');
    const final = await rds.send(
      new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'protected-db-final' }),
    );
    expect(final.DBSnapshots![0]).toMatchObject({
      SnapshotType: 'manual',
      DBInstanceIdentifier: 'protected-db',
      TagList: [{ Key: 'keep', Value: 'me' }],
    });

    await waitUntilDBInstanceDeleted({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'protected-db' });
    expect((await failure(describe1('protected-db'))).name).toBe('DBInstanceNotFoundFault');
    // The final snapshot outlives the instance; its automated backups do not.
    const left = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'protected-db' }));
    expect(left.DBSnapshots!.map((s) => s.DBSnapshotIdentifier)).toEqual(['protected-db-final']);
  });

  it('cannot take a final snapshot of a creating instance, but can delete it without one', async () => {
    await rds.send(new CreateDBInstanceCommand(createInput('short-lived')));
    const err = await failure(
      rds.send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: 'short-lived',
          FinalDBSnapshotIdentifier: 'short-final',
        }),
      ),
    );
    expect(err.name).toBe('InvalidDBInstanceStateFault');
    const out = await rds.send(
      new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'short-lived', SkipFinalSnapshot: true }),
    );
    expect(out.DBInstance?.DBInstanceStatus).toBe('deleting');
    const missing = await failure(
      rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'never-was', SkipFinalSnapshot: true })),
    );
    expect(missing.name).toBe('DBInstanceNotFoundFault');
  });
});

describe('CreateDBSnapshot and DescribeDBSnapshots', () => {
  it('creates a manual snapshot that becomes available (waiter), with the snapshot rules enforced', async () => {
    await createAvailable('snap-src');
    const out = await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'snap-src',
        DBSnapshotIdentifier: 'Snap-Src-Before-Release-42',
        Tags: [{ Key: 'release', Value: '42' }],
      }),
    );
    expect(out.DBSnapshot).toMatchObject({
      DBSnapshotIdentifier: 'snap-src-before-release-42',
      Status: 'creating',
      SnapshotType: 'manual',
      DBSnapshotArn: 'arn:aws:rds:us-east-1:123456789012:snapshot:snap-src-before-release-42',
      TagList: [{ Key: 'release', Value: '42' }],
    });
    await waitUntilDBSnapshotAvailable(
      { client: rds, ...WAIT },
      { DBSnapshotIdentifier: 'snap-src-before-release-42' },
    );

    const dup = await failure(
      rds.send(
        new CreateDBSnapshotCommand({
          DBInstanceIdentifier: 'snap-src',
          DBSnapshotIdentifier: 'snap-src-before-release-42',
        }),
      ),
    );
    expect(dup.name).toBe('DBSnapshotAlreadyExistsFault');
    const bad = await failure(
      rds.send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'snap-src', DBSnapshotIdentifier: '9lives' }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterValue');
    const long = await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'snap-src',
        DBSnapshotIdentifier: 's'.repeat(255),
      }),
    );
    expect(long.DBSnapshot?.DBSnapshotIdentifier).toHaveLength(255);
    const tooLong = await failure(
      rds.send(
        new CreateDBSnapshotCommand({
          DBInstanceIdentifier: 'snap-src',
          DBSnapshotIdentifier: 's'.repeat(256),
        }),
      ),
    );
    expect(tooLong.name).toBe('InvalidParameterValue');
    const noInstance = await failure(
      rds.send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'ghost-db', DBSnapshotIdentifier: 'ghost-snap' }),
      ),
    );
    expect(noInstance.name).toBe('DBInstanceNotFoundFault');
    await rds.send(new CreateDBInstanceCommand(createInput('busy-src')));
    const busy = await failure(
      rds.send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'busy-src', DBSnapshotIdentifier: 'busy-snap' }),
      ),
    );
    expect(busy.name).toBe('InvalidDBInstanceStateFault');
  });

  it('narrows by instance, SnapshotType and Filters, and reports unknown snapshots', async () => {
    const manual = await rds.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'snap-src', SnapshotType: 'manual' }),
    );
    expect(
      manual.DBSnapshots!.every((s) => s.SnapshotType === 'manual' && s.DBInstanceIdentifier === 'snap-src'),
    ).toBe(true);
    expect(manual.DBSnapshots!.length).toBe(2);
    const all = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'snap-src' }));
    expect(all.DBSnapshots!.map((s) => s.SnapshotType).sort()).toEqual(['automated', 'manual', 'manual']);
    const filtered = await rds.send(
      new DescribeDBSnapshotsCommand({
        Filters: [
          { Name: 'db-instance-id', Values: ['app-db'] },
          { Name: 'snapshot-type', Values: ['automated'] },
        ],
      }),
    );
    expect(filtered.DBSnapshots!.map((s) => s.DBSnapshotIdentifier)).toHaveLength(2);
    const shared = await rds.send(new DescribeDBSnapshotsCommand({ SnapshotType: 'shared' }));
    expect(shared.DBSnapshots).toEqual([]);
    const err = await failure(
      rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'no-such-snap' })),
    );
    expect(err.name).toBe('DBSnapshotNotFoundFault');
    expect(err.$metadata?.httpStatusCode).toBe(404);
  });

  it('deletes manual snapshots only', async () => {
    sandbox.advance(5 * MIN);
    const out = await rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: 's'.repeat(255) }));
    expect(out.DBSnapshot?.Status).toBe('deleted');
    const auto = (
      await rds.send(
        new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'app-db', SnapshotType: 'automated' }),
      )
    ).DBSnapshots![0]!;
    const err = await failure(
      rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: auto.DBSnapshotIdentifier })),
    );
    expect(err.name).toBe('InvalidDBSnapshotStateFault');
  });
});

describe('RestoreDBInstanceFromDBSnapshot', () => {
  it('restores the newest automated snapshot of app-db, keeping its master user (waiter)', async () => {
    const snaps = await rds.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'app-db', SnapshotType: 'automated' }),
    );
    const newest = snaps
      .DBSnapshots!.filter((s) => s.Status === 'available')
      .sort((a, b) => b.SnapshotCreateTime!.getTime() - a.SnapshotCreateTime!.getTime())[0]!;
    const out = await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'app-db-restored',
        DBSnapshotIdentifier: newest.DBSnapshotIdentifier,
        DBInstanceClass: 'db.t4g.small',
        Tags: [{ Key: 'release', Value: '43' }],
      }),
    );
    expect(out.DBInstance).toMatchObject({
      DBInstanceStatus: 'creating',
      DBInstanceClass: 'db.t4g.small',
      MasterUsername: newest.MasterUsername,
      MultiAZ: false,
    });
    expect(out.DBInstance?.Endpoint).toBeUndefined();
    await waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'app-db-restored' });
    const restored = await describe1('app-db-restored');
    expect(restored.TagList).toEqual([{ Key: 'release', Value: '43' }]);
    expect(restored.Endpoint?.Address).toMatch(/^app-db-restored\./);
  });

  it('restores by snapshot ARN; rejects unknown snapshots, taken identifiers and bad identifiers', async () => {
    const arn = 'arn:aws:rds:us-east-1:123456789012:snapshot:snap-src-before-release-42';
    const out = await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'from-arn',
        DBSnapshotIdentifier: arn,
      }),
    );
    expect(out.DBInstance?.DBInstanceIdentifier).toBe('from-arn');
    const taken = await failure(
      rds.send(
        new RestoreDBInstanceFromDBSnapshotCommand({
          DBInstanceIdentifier: 'app-db',
          DBSnapshotIdentifier: arn,
        }),
      ),
    );
    expect(taken.name).toBe('DBInstanceAlreadyExistsFault');
    const missing = await failure(
      rds.send(
        new RestoreDBInstanceFromDBSnapshotCommand({
          DBInstanceIdentifier: 'from-nothing',
          DBSnapshotIdentifier: 'no-such-snap',
        }),
      ),
    );
    expect(missing.name).toBe('DBSnapshotNotFoundFault');
    const bad = await failure(
      rds.send(
        new RestoreDBInstanceFromDBSnapshotCommand({
          DBInstanceIdentifier: 'bad-',
          DBSnapshotIdentifier: arn,
        }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterValue');
    const oracleOnly = await failure(
      rds.send(
        new RestoreDBInstanceFromDBSnapshotCommand({
          DBInstanceIdentifier: 'managed',
          DBSnapshotIdentifier: arn,
          ManageMasterUserPassword: true,
        }),
      ),
    );
    expect(oracleOnly.name).toBe('InvalidParameterCombination');
  });
});

describe('RestoreDBInstanceToPointInTime', () => {
  it('takes RestoreTime or UseLatestRestorableTime, never both', async () => {
    const both = await failure(
      rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceIdentifier: 'app-db',
          TargetDBInstanceIdentifier: 'pitr-both',
          UseLatestRestorableTime: true,
          RestoreTime: new Date(sandbox.clock.now() - 60 * MIN),
        }),
      ),
    );
    expect(both.name).toBe('InvalidParameterCombination');
    const latest = await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'app-db',
        TargetDBInstanceIdentifier: 'pitr-latest',
        UseLatestRestorableTime: true,
      }),
    );
    expect(latest.DBInstance).toMatchObject({
      DBInstanceStatus: 'creating',
      Engine: 'postgres',
      BackupRetentionPeriod: 7,
    });
    await waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'pitr-latest' });

    const src = await describe1('app-db');
    const at = await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'app-db',
        TargetDBInstanceIdentifier: 'pitr-at',
        RestoreTime: new Date(src.LatestRestorableTime!.getTime() - 3 * 60 * MIN),
      }),
    );
    expect(at.DBInstance?.DBInstanceIdentifier).toBe('pitr-at');
    const future = await failure(
      rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceIdentifier: 'app-db',
          TargetDBInstanceIdentifier: 'pitr-future',
          RestoreTime: new Date(sandbox.clock.now() + 60 * MIN),
        }),
      ),
    );
    expect(future.name).toBe('InvalidRestoreFault');
  });

  it('fails with PointInTimeRestoreNotEnabledFault when the source keeps no backups', async () => {
    await createAvailable('no-backups', { BackupRetentionPeriod: 0 });
    expect((await describe1('no-backups')).LatestRestorableTime).toBeUndefined();
    const err = await failure(
      rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceIdentifier: 'no-backups',
          TargetDBInstanceIdentifier: 'pitr-none',
          UseLatestRestorableTime: true,
        }),
      ),
    );
    expect(err.name).toBe('PointInTimeRestoreNotEnabledFault');
    const missing = await failure(
      rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceIdentifier: 'ghost-db',
          TargetDBInstanceIdentifier: 'pitr-ghost',
          UseLatestRestorableTime: true,
        }),
      ),
    );
    expect(missing.name).toBe('DBInstanceNotFoundFault');
    const taken = await failure(
      rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceIdentifier: 'app-db',
          TargetDBInstanceIdentifier: 'pitr-latest',
          UseLatestRestorableTime: true,
        }),
      ),
    );
    expect(taken.name).toBe('DBInstanceAlreadyExistsFault');
  });
});

describe('the restore-fails fault', () => {
  it('ends a snapshot restore in failed and a point-in-time restore in incompatible-restore; the waiter stops on them', async () => {
    sandbox.addFaults([{ kind: 'restore-fails', match: { DBInstanceIdentifier: 'doomed-*' } }]);
    const snap = (
      await rds.send(
        new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'app-db', SnapshotType: 'automated' }),
      )
    ).DBSnapshots![0]!;
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'doomed-snap',
        DBSnapshotIdentifier: snap.DBSnapshotIdentifier,
      }),
    );
    await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'app-db',
        TargetDBInstanceIdentifier: 'doomed-pitr',
        UseLatestRestorableTime: true,
      }),
    );
    await expect(
      waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'doomed-snap' }),
    ).rejects.toThrow();
    expect((await describe1('doomed-snap')).DBInstanceStatus).toBe('failed');
    await expect(
      waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'doomed-pitr' }),
    ).rejects.toThrow();
    const pitr = await describe1('doomed-pitr');
    expect(pitr.DBInstanceStatus).toBe('incompatible-restore');
    expect(pitr.Endpoint).toBeUndefined();
    // Other restores are unaffected.
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'lucky-snap',
        DBSnapshotIdentifier: snap.DBSnapshotIdentifier,
      }),
    );
    await waitUntilDBInstanceAvailable({ client: rds, ...WAIT }, { DBInstanceIdentifier: 'lucky-snap' });
    sandbox.clearFaults();
  });
});

describe('tags', () => {
  const arn = 'arn:aws:rds:us-east-1:123456789012:db:app-db';

  it('adds, overwrites, lists and removes tags on instances and snapshots', async () => {
    await rds.send(
      new AddTagsToResourceCommand({
        ResourceName: arn,
        Tags: [
          { Key: 'release', Value: '41' },
          { Key: 'env', Value: 'prod' },
        ],
      }),
    );
    await rds.send(
      new AddTagsToResourceCommand({ ResourceName: arn, Tags: [{ Key: 'release', Value: '42' }] }),
    );
    const listed = await rds.send(new ListTagsForResourceCommand({ ResourceName: arn }));
    expect(Object.fromEntries(listed.TagList!.map((t) => [t.Key, t.Value]))).toMatchObject({
      release: '42',
      env: 'prod',
      app: 'demo',
    });
    await rds.send(new RemoveTagsFromResourceCommand({ ResourceName: arn, TagKeys: ['release', 'env'] }));
    const after = await rds.send(new ListTagsForResourceCommand({ ResourceName: arn }));
    expect(after.TagList!.map((t) => t.Key)).not.toContain('release');
    expect((await describe1('app-db')).TagList!.map((t) => t.Key)).toEqual(['app']);

    const snapArn = 'arn:aws:rds:us-east-1:123456789012:snapshot:snap-src-before-release-42';
    await rds.send(
      new AddTagsToResourceCommand({ ResourceName: snapArn, Tags: [{ Key: 'verified', Value: 'yes' }] }),
    );
    const snapTags = await rds.send(new ListTagsForResourceCommand({ ResourceName: snapArn }));
    expect(snapTags.TagList).toEqual([
      { Key: 'release', Value: '42' },
      { Key: 'verified', Value: 'yes' },
    ]);
  });

  it('enforces the tag rules and reports unknown resources', async () => {
    const reserved = await failure(
      rds.send(new AddTagsToResourceCommand({ ResourceName: arn, Tags: [{ Key: 'aws:owner', Value: 'x' }] })),
    );
    expect(reserved.name).toBe('InvalidParameterValue');
    const longKey = await failure(
      rds.send(
        new AddTagsToResourceCommand({ ResourceName: arn, Tags: [{ Key: 'k'.repeat(129), Value: 'x' }] }),
      ),
    );
    expect(longKey.name).toBe('InvalidParameterValue');
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const tooMany = await failure(rds.send(new AddTagsToResourceCommand({ ResourceName: arn, Tags: many })));
    expect(tooMany.name).toBe('TagQuotaPerResourceExceeded');
    const ghost = await failure(
      rds.send(
        new ListTagsForResourceCommand({ ResourceName: 'arn:aws:rds:us-east-1:123456789012:db:ghost-db' }),
      ),
    );
    expect(ghost.name).toBe('DBInstanceNotFoundFault');
    const ghostSnap = await failure(
      rds.send(
        new ListTagsForResourceCommand({ ResourceName: 'arn:aws:rds:us-east-1:123456789012:snapshot:ghost' }),
      ),
    );
    expect(ghostSnap.name).toBe('DBSnapshotNotFoundFault');
    const notArn = await failure(rds.send(new ListTagsForResourceCommand({ ResourceName: 'app-db' })));
    expect(notArn.name).toBe('InvalidParameterValue');
  });
});

describe('state', () => {
  it('is JSON and survives snapshotState/restoreState; inventory lists instances and snapshots', async () => {
    const service = sandbox.services.find((s) => s.name === 'rds')!;
    const saved = JSON.parse(JSON.stringify(service.snapshotState())) as unknown;
    service.reset();
    expect((await rds.send(new DescribeDBInstancesCommand({}))).DBInstances).toEqual([]);
    service.restoreState(saved);
    expect((await describe1('app-db')).DBInstanceStatus).toBe('available');
    const inv = sandbox.inventory().filter((i) => i.service === 'rds');
    expect(inv).toContainEqual(
      expect.objectContaining({
        kind: 'db-instance',
        id: 'app-db',
        state: 'available',
        tags: { app: 'demo' },
      }),
    );
    expect(inv.some((i) => i.kind === 'db-snapshot' && i.id.startsWith('rds:app-db-'))).toBe(true);
  });
});
