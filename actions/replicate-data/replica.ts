// The replica: find this build's own replica (a re-run continues with it), restore a new one,
// wait for it, mark its change log applied, and move its master password into Secrets
// Manager. Every call here names the replica, never the source (the source guard on the
// client enforces that).
import {
  AddTagsToResourceCommand,
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
  type DBInstance,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { Clock } from '@immut/core/clock';
import { GuardError, UserError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { TAG, assertManaged, fromAwsTags, toAwsTags, type Tags } from '@immut/core/tags';
import { waitFor, type Deadline } from '@immut/core/wait';
import { REPLICA_TAG, type RestorePoint } from './source.js';

/** States a restore never leaves on its own (the SDK waiter's failure acceptors, plus storage-full). */
export const FAILED_INSTANCE_STATES = new Set([
  'failed',
  'incompatible-restore',
  'incompatible-parameters',
  'incompatible-network',
  'storage-full',
  'deleting',
  'deleted',
]);

function isNotFound(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'DBInstanceNotFound' || error.name === 'DBInstanceNotFoundFault')
  );
}

export async function describeInstance(rds: RDSClient, id: string): Promise<DBInstance | undefined> {
  try {
    const { DBInstances } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
    return DBInstances?.[0];
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export const tagsOf = (instance: DBInstance): Tags => fromAwsTags(instance.TagList);

/**
 * An instance with the replica's name must be this build's own replica: immut's tags for
 * this role and env (core's guard), and this build.
 */
export function assertOwnReplica(instance: DBInstance, identity: Identity): void {
  const id = instance.DBInstanceIdentifier ?? '?';
  const tags = tagsOf(instance);
  assertManaged({ kind: 'DB instance', id, tags }, identity);
  if (tags[TAG.build] !== identity.build) {
    throw new GuardError(
      `Refusing to reuse DB instance ${id}: it belongs to build '${tags[TAG.build] ?? '(none)'}', not '${identity.build}'.`,
    );
  }
}

/** What the restore needs beyond the point. */
export interface ReplicaSettings {
  replicaId: string;
  sourceId: string;
  instanceClass: string;
  dbSubnetGroup?: string;
  securityGroupIds: string[];
  tags: Tags;
}

/** Sends the restore call for `point`; the replica is then `creating`. */
export async function restoreReplica(
  rds: RDSClient,
  point: RestorePoint,
  settings: ReplicaSettings,
): Promise<void> {
  const common = {
    DBInstanceClass: settings.instanceClass,
    DBSubnetGroupName: settings.dbSubnetGroup,
    VpcSecurityGroupIds: settings.securityGroupIds.length > 0 ? settings.securityGroupIds : undefined,
    // A per-release copy must stay deletable by the post step and by retirement.
    DeletionProtection: false,
    MultiAZ: false,
    PubliclyAccessible: false,
    Tags: toAwsTags(settings.tags),
  };
  if (point.kind === 'snapshot') {
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        ...common,
        DBInstanceIdentifier: settings.replicaId,
        DBSnapshotIdentifier: point.snapshotId,
      }),
    );
  } else {
    await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        ...common,
        SourceDBInstanceIdentifier: settings.sourceId,
        TargetDBInstanceIdentifier: settings.replicaId,
        UseLatestRestorableTime: true,
      }),
    );
  }
}

export interface WaitContext {
  rds: RDSClient;
  clock: Clock;
  deadline: Deadline;
  log: (line: string) => void;
}

export interface AvailableOptions {
  /** What is awaited, for progress lines and errors. */
  what?: string;
  /** A further condition on the available instance, e.g. no pending password change. */
  settled?: (instance: DBInstance) => boolean;
}

/** Waits until the instance is `available` (with its endpoint), failing fast on a failure state. */
export async function waitAvailable(
  ctx: WaitContext,
  id: string,
  options: AvailableOptions = {},
): Promise<DBInstance> {
  const settled = options.settled ?? (() => true);
  return waitFor({
    what: options.what ?? `DB instance ${id} to become available`,
    timeoutMs: ctx.deadline.remaining(),
    clock: ctx.clock,
    log: ctx.log,
    // Restores take tens of minutes: poll gently, report every minute.
    minDelayMs: 10_000,
    maxDelayMs: 60_000,
    progressEveryMs: 60_000,
    check: async () => {
      const instance = await describeInstance(ctx.rds, id);
      if (!instance) return { failed: true, reason: `DB instance ${id} no longer exists` };
      const status = instance.DBInstanceStatus ?? 'unknown';
      if (FAILED_INSTANCE_STATES.has(status)) {
        return {
          failed: true,
          reason: `DB instance ${id} is ${status}${status.startsWith('incompatible') ? ' (RDS could not restore it with these settings)' : ''}`,
        };
      }
      if (status === 'available' && instance.Endpoint?.Address && settled(instance))
        return { done: true, value: instance };
      return { done: false, state: status === 'available' ? 'available, change still pending' : status };
    },
  });
}

/** Records on the replica that its change log ran, so a re-run skips it. */
export async function markChangelogApplied(rds: RDSClient, instance: DBInstance): Promise<void> {
  await rds.send(
    new AddTagsToResourceCommand({
      ResourceName: instance.DBInstanceArn,
      Tags: [{ Key: REPLICA_TAG.changelog, Value: 'applied' }],
    }),
  );
}

export const changelogApplied = (instance: DBInstance): boolean =>
  tagsOf(instance)[REPLICA_TAG.changelog] === 'applied';

/**
 * Gives the replica its lasting master password, generated by RDS and kept in Secrets Manager
 * (ManageMasterUserPassword, which the restore calls take for Oracle only, hence a modify).
 * It replaces the source's password (no change log) or this run's one-time password. Returns
 * the secret's ARN.
 */
export async function rotateMasterPassword(ctx: WaitContext, instance: DBInstance): Promise<string> {
  const id = instance.DBInstanceIdentifier ?? '';
  const existing = instance.MasterUserSecret?.SecretArn;
  if (existing) return existing;
  await ctx.rds.send(
    new ModifyDBInstanceCommand({
      DBInstanceIdentifier: id,
      ManageMasterUserPassword: true,
      ApplyImmediately: true,
    }),
  );
  ctx.log(`Moving the master password of ${id} into Secrets Manager (ManageMasterUserPassword).`);
  const modified = await waitAvailable(ctx, id, {
    what: `DB instance ${id} to finish moving its master password`,
  });
  const arn = modified.MasterUserSecret?.SecretArn;
  if (!arn)
    throw new UserError(`RDS did not report a master user secret for ${id} after ManageMasterUserPassword.`);
  return arn;
}
