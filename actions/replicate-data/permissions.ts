// What replicate-data may do in AWS (rendered into action-docs/ by npm run docs; the e2e
// tests check the calls the action makes against these actions).
import {
  allOf,
  arn,
  createdWithImmutTags,
  definePermissions,
  managedResource,
  onlyTagKeys,
} from '@immut/core/iam-policy';

// RDS identifiers immut creates follow the naming standard (core naming.ts): a replica is
// `<env>-<role>-<build>` (or `<env>-<role…>-<hash>-<build>`), its snapshots add `-final` or
// `-source`; env and build hold no hyphen, so every one matches `<env>-*-*`. Deletes and
// modifications are scoped to that pattern as well as to immut's tags: RDS has no create-action
// key, so tags on an existing database are something an administrator (or a tool with tag
// rights) can add, and the name pattern keeps the source database out of reach even then.
const IMMUT_DB = arn.rds('db:${Env}-*-*');
const IMMUT_DB_SNAPSHOT = arn.rds('snapshot:${Env}-*-*');
// An Aurora replica is a cluster named like the instance (`<env>-<role>-<build>`: clusters are
// their own namespace) and a writer instance of that name in it.
const IMMUT_CLUSTER = arn.rds('cluster:${Env}-*-*');

export default definePermissions({
  iam: [
    {
      sid: 'DescribeRds',
      actions: ['rds:DescribeDBInstances', 'rds:DescribeDBSnapshots'],
      resources: [arn.rds('db:*'), arn.rds('snapshot:*')],
      why: 'Reads the source database, its snapshots and the replica, in this account only.',
      calls: 'source.ts: describeSource, resolvePoint; replica.ts: describeInstance; undo.ts: deleteSnapshot',
    },
    {
      sid: 'DescribeAurora',
      actions: ['rds:DescribeDBClusters', 'rds:DescribeDBClusterSnapshots'],
      resources: [arn.rds('cluster:*'), arn.rds('cluster-snapshot:*')],
      why: 'Reads the source Aurora cluster (source-db naming no instance, or source-cluster), its cluster snapshots and the clone, in this account only.',
      calls:
        'cluster-source.ts: detectSource, describeCluster, resolveClusterPoint; cluster-replica.ts: waitClusterAvailable; undo.ts: deleteClusterReplica',
    },
    {
      sid: 'CloneCluster',
      actions: ['rds:RestoreDBClusterToPointInTime', 'rds:RestoreDBClusterFromSnapshot'],
      resources: [
        arn.rds('cluster:*'),
        arn.rds('cluster-snapshot:*'),
        arn.rds('cluster-auto-backup:*'),
        arn.rds('cluster-pg:*'),
        arn.rds('og:*'),
        arn.rds('subgrp:*'),
      ],
      conditions: createdWithImmutTags(),
      why: "Clones the source Aurora cluster (copy-on-write or full copy) or restores a cluster snapshot, only with immut's tags on the new cluster; the source cluster or snapshot and the groups are only read.",
      calls: 'cluster-replica.ts: restoreCluster',
    },
    {
      sid: 'CloneWriter',
      actions: ['rds:CreateDBInstance'],
      resources: [IMMUT_DB, IMMUT_CLUSTER],
      conditions: allOf(createdWithImmutTags(), { Bool: { 'rds:PubliclyAccessible': ['false'] } }),
      why: "Adds the clone's writer instance only with immut's tags, never publicly accessible, and only to clusters named like immut's (<env>-<role>-<build>…), so never to the source cluster.",
      calls: 'cluster-replica.ts: createWriter',
    },
    {
      sid: 'SnapshotSource',
      actions: ['rds:CreateDBSnapshot'],
      resources: [arn.rds('db:*'), arn.rds('snapshot:*')],
      conditions: createdWithImmutTags(),
      why: "Takes a snapshot of the source database (any DB instance of the account: the source is yours to name) only with immut's tags on the snapshot.",
      calls: 'source.ts: resolvePoint (from: new-snapshot)',
    },
    {
      sid: 'RestoreReplica',
      actions: ['rds:RestoreDBInstanceFromDBSnapshot', 'rds:RestoreDBInstanceToPointInTime'],
      resources: [
        arn.rds('db:*'),
        arn.rds('snapshot:*'),
        arn.rds('auto-backup:*'),
        arn.rds('og:*'),
        arn.rds('pg:*'),
        arn.rds('subgrp:*'),
      ],
      conditions: allOf(createdWithImmutTags(), { Bool: { 'rds:PubliclyAccessible': ['false'] } }),
      why: "Restores the replica only with immut's tags and never publicly accessible; the source snapshot or instance and the option, parameter and subnet groups are only read.",
      calls: 'replica.ts: restoreReplica',
    },
    {
      sid: 'TagOnCreate',
      actions: ['rds:AddTagsToResource'],
      resources: [IMMUT_DB, IMMUT_DB_SNAPSHOT, IMMUT_CLUSTER],
      conditions: createdWithImmutTags(),
      why: "RDS authorizes the tags of a create call as AddTagsToResource and has no create-action condition key, so this also allows tagging an existing DB instance or snapshot named like immut's (<env>-*-*; *-*-* when the policy names no env) with immut's tags; the source database, named otherwise, cannot be tagged, and deletes need both the name pattern and the tags.",
      calls:
        'replica.ts: restoreReplica; source.ts: resolvePoint (Tags); cluster-replica.ts: restoreCluster, createWriter (Tags)',
    },
    {
      sid: 'MarkChangelog',
      actions: ['rds:AddTagsToResource'],
      resources: [IMMUT_DB, IMMUT_CLUSTER],
      conditions: allOf(managedResource(), onlyTagKeys(['immut:changelog'])),
      why: "Records that the change log ran: only the immut:changelog key, only on DB instances named like immut's and already carrying immut's tags.",
      calls: 'replica.ts: markChangelogApplied; cluster-replica.ts: markClusterChangelog',
    },
    {
      sid: 'ModifyReplica',
      actions: ['rds:ModifyDBInstance', 'rds:ModifyDBCluster'],
      resources: [IMMUT_DB, IMMUT_CLUSTER],
      conditions: managedResource(),
      why: "Sets the one-time master password and moves it into Secrets Manager only on DB instances named like immut's (<env>-<role>-<build>…) and carrying immut's tags, so never the source, even if someone tags it as immut's.",
      calls:
        'password.ts: setOneTimePassword; replica.ts: rotateMasterPassword; cluster-replica.ts: setClusterPassword, rotateClusterPassword',
    },
    {
      sid: 'UndoReplica',
      actions: ['rds:DeleteDBInstance', 'rds:DeleteDBSnapshot', 'rds:DeleteDBCluster'],
      resources: [IMMUT_DB, IMMUT_DB_SNAPSHOT, IMMUT_CLUSTER],
      conditions: managedResource(),
      why: "Undoing a failed run deletes only DB instances and snapshots named like immut's and carrying immut's tags, so the source and its snapshots can never be deleted, even if someone tags them as immut's.",
      calls: 'undo.ts: deleteReplica, deleteSnapshot, deleteClusterReplica (the writer instance first)',
    },
    {
      sid: 'ManagedMasterSecret',
      actions: ['secretsmanager:CreateSecret', 'secretsmanager:RotateSecret', 'secretsmanager:TagResource'],
      resources: [arn.secret('rds!db-*'), arn.secret('rds!cluster-*')],
      why: "RDS creates, tags and rotates the replica's master secret on the caller's permissions (ManageMasterUserPassword); RDS names it rds!db-<id> (rds!cluster-<id> for an Aurora clone), so only secrets under those RDS-owned prefixes are allowed.",
      calls:
        'replica.ts: rotateMasterPassword (ModifyDBInstance ManageMasterUserPassword); cluster-replica.ts: rotateClusterPassword (ModifyDBCluster)',
    },
  ],
});
