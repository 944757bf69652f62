import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AddTagsToResourceCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RDSClient,
  RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import { startSandbox, type Sandbox } from '@immut/sandbox';
import { createAwsClient } from '../src/aws.js';
import { GuardError } from '../src/errors.js';
import {
  guardSource,
  isReadOnlyCommand,
  rdsInstanceSource,
  rdsSource,
  sourceViolation,
} from '../src/source-guard.js';

const source = rdsInstanceSource('app-db');

describe('sourceViolation', () => {
  it('lets read-only commands name the source', () => {
    expect(
      sourceViolation('DescribeDBInstances', { DBInstanceIdentifier: 'app-db' }, source),
    ).toBeUndefined();
    expect(
      sourceViolation('ListTagsForResource', { ResourceName: 'arn:aws:rds:us-east-1:1:db:app-db' }, source),
    ).toBeUndefined();
    expect(isReadOnlyCommand('DescribeDBSnapshots')).toBe(true);
    expect(isReadOnlyCommand('ModifyDBInstance')).toBe(false);
  });

  it('refuses a mutating command that targets the source, naming the parameter', () => {
    expect(sourceViolation('ModifyDBInstance', { DBInstanceIdentifier: 'app-db' }, source)).toMatch(
      /Refusing ModifyDBInstance: its DBInstanceIdentifier names the source RDS DB instance 'app-db'/,
    );
    // RDS identifiers are case-insensitive.
    expect(sourceViolation('DeleteDBInstance', { DBInstanceIdentifier: 'APP-DB' }, source)).toBeDefined();
  });

  it('recognises the source by ARN, in any parameter', () => {
    expect(
      sourceViolation(
        'AddTagsToResource',
        { ResourceName: 'arn:aws:rds:us-east-1:123456789012:db:app-db' },
        source,
      ),
    ).toMatch(/ResourceName/);
    expect(
      sourceViolation(
        'RemoveTagsFromResource',
        { ResourceName: 'arn:aws:rds:eu-west-1:1:db:app-db', TagKeys: ['x'] },
        source,
      ),
    ).toBeDefined();
    // A snapshot ARN that happens to share the id is another resource.
    expect(
      sourceViolation(
        'DeleteDBSnapshot',
        { DBSnapshotIdentifier: 'arn:aws:rds:us-east-1:1:snapshot:app-db' },
        source,
      ),
    ).toBeUndefined();
  });

  it('allows only the listed reads: a snapshot of the source and a point-in-time restore from it', () => {
    expect(
      sourceViolation(
        'CreateDBSnapshot',
        { DBInstanceIdentifier: 'app-db', DBSnapshotIdentifier: 's1' },
        source,
      ),
    ).toBeUndefined();
    expect(
      sourceViolation(
        'RestoreDBInstanceToPointInTime',
        {
          SourceDBInstanceIdentifier: 'app-db',
          TargetDBInstanceIdentifier: 'copy',
          UseLatestRestorableTime: true,
        },
        source,
      ),
    ).toBeUndefined();
    // …but never as the thing being created.
    expect(
      sourceViolation(
        'RestoreDBInstanceToPointInTime',
        { SourceDBInstanceIdentifier: 'other', TargetDBInstanceIdentifier: 'app-db' },
        source,
      ),
    ).toMatch(/TargetDBInstanceIdentifier/);
    expect(
      sourceViolation(
        'RestoreDBInstanceFromDBSnapshot',
        { DBInstanceIdentifier: 'app-db', DBSnapshotIdentifier: 's' },
        source,
      ),
    ).toBeDefined();
  });

  it('ignores tag values that mention the source and finds it in nested parameters', () => {
    expect(
      sourceViolation(
        'AddTagsToResource',
        {
          ResourceName: 'arn:aws:rds:us-east-1:1:db:copy',
          Tags: [{ Key: 'immut:source-db', Value: 'app-db' }],
        },
        source,
      ),
    ).toBeUndefined();
    expect(sourceViolation('SomeFutureCommand', { Targets: [{ Id: 'app-db' }] }, source)).toMatch(
      /Targets\.0\.Id/,
    );
  });
});

describe('an RDS source that may be an Aurora cluster (rdsSource)', () => {
  const either = rdsSource('app-cluster');

  it('allows cloning the cluster and snapshotting it, and nothing else that names it', () => {
    expect(
      sourceViolation(
        'RestoreDBClusterToPointInTime',
        {
          DBClusterIdentifier: 'prod-api-b1',
          SourceDBClusterIdentifier: 'app-cluster',
          RestoreType: 'copy-on-write',
        },
        either,
      ),
    ).toBeUndefined();
    expect(
      sourceViolation(
        'CreateDBClusterSnapshot',
        { DBClusterIdentifier: 'app-cluster', DBClusterSnapshotIdentifier: 's' },
        either,
      ),
    ).toBeUndefined();
    expect(sourceViolation('ModifyDBCluster', { DBClusterIdentifier: 'app-cluster' }, either)).toMatch(
      /Refusing ModifyDBCluster: its DBClusterIdentifier names the source/,
    );
    expect(sourceViolation('DeleteDBCluster', { DBClusterIdentifier: 'APP-CLUSTER' }, either)).toBeDefined();
    // Adding an instance to the source cluster changes it.
    expect(
      sourceViolation(
        'CreateDBInstance',
        { DBInstanceIdentifier: 'x', DBClusterIdentifier: 'app-cluster' },
        either,
      ),
    ).toMatch(/DBClusterIdentifier/);
    expect(
      sourceViolation(
        'AddTagsToResource',
        { ResourceName: 'arn:aws:rds:us-east-1:1:cluster:app-cluster' },
        either,
      ),
    ).toMatch(/ResourceName/);
    // A cluster's clone as the target is not the source.
    expect(
      sourceViolation('ModifyDBCluster', { DBClusterIdentifier: 'prod-api-b1' }, either),
    ).toBeUndefined();
  });

  it('still protects a DB instance of that name', () => {
    expect(
      sourceViolation('ModifyDBInstance', { DBInstanceIdentifier: 'app-cluster' }, either),
    ).toBeDefined();
    expect(
      sourceViolation(
        'RestoreDBInstanceToPointInTime',
        { SourceDBInstanceIdentifier: 'app-cluster' },
        either,
      ),
    ).toBeUndefined();
  });
});

describe('guardSource on an SDK client', () => {
  let sandbox: Sandbox;
  let rds: RDSClient;
  const env = { ...process.env };

  beforeAll(async () => {
    sandbox = await startSandbox({ timeScale: 1000 });
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: sandbox.endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    rds = guardSource(createAwsClient(RDSClient, { region: 'us-east-1', action: 'test' }), source);
  });

  afterAll(async () => {
    rds.destroy();
    await sandbox.stop();
    process.env = env;
  });

  it('refuses before anything is sent, and lets allowed calls through', async () => {
    sandbox.clearCalls();
    await expect(
      rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'app-db', DeletionProtection: true })),
    ).rejects.toBeInstanceOf(GuardError);
    await expect(
      rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'app-db', SkipFinalSnapshot: true })),
    ).rejects.toThrow(/names the source RDS DB instance 'app-db'/);
    await expect(
      rds.send(
        new AddTagsToResourceCommand({
          ResourceName: 'arn:aws:rds:us-east-1:123456789012:db:app-db',
          Tags: [{ Key: 'k', Value: 'v' }],
        }),
      ),
    ).rejects.toBeInstanceOf(GuardError);
    expect(sandbox.calls()).toEqual([]);

    const described = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'app-db' }));
    expect(described.DBInstances?.[0]?.DBInstanceIdentifier).toBe('app-db');
    const snap = await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'app-db',
        DBSnapshotIdentifier: 'guard-test-snap',
      }),
    );
    expect(snap.DBSnapshot?.DBInstanceIdentifier).toBe('app-db');
    const pitr = await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'app-db',
        TargetDBInstanceIdentifier: 'guard-test-copy',
        UseLatestRestorableTime: true,
      }),
    );
    expect(pitr.DBInstance?.DBInstanceIdentifier).toBe('guard-test-copy');
    expect(sandbox.calls().map((c) => c.operation)).toEqual([
      'DescribeDBInstances',
      'CreateDBSnapshot',
      'RestoreDBInstanceToPointInTime',
    ]);
  });
});
