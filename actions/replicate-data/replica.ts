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
import { AWS_WAITS, waitFor, type Deadline } from '@immut/core/wait';

/** When a change is due and AWS's cadence for it (@immut/core/wait AWS_WAITS). */
export interface Expected {
  expectedMs: number;
  cadenceMs: number;
}
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
 * A resource with the replica's name must be this build's own: immut's tags for this role
 * and env (core's guard), and this build. `kind` is 'DB instance' or 'DB cluster'.
 */
export function assertOwnBuild(kind: string, id: string, tags: Tags, identity: Identity): void {
  assertManaged({ kind, id, tags }, identity);
  if (tags[TAG.build] !== identity.build) {
    throw new GuardError(
      `Refusing to reuse ${kind} ${id}: it belongs to build '${tags[TAG.build] ?? '(none)'}', not '${identity.build}'.`,
    );
  }
}

/** An instance with the replica's name must be this build's own replica. */
export function assertOwnReplica(instance: DBInstance, identity: Identity): void {
  assertOwnBuild('DB instance', instance.DBInstanceIdentifier ?? '?', tagsOf(instance), identity);
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
  /** When this run's own change is due: the first poll waits until then (AWS_WAITS). */
  expected?: Expected;
}

/** How to watch one RDS resource (an instance or a cluster) become available. */
export interface AvailableProbe<T> {
  describe: () => Promise<T | undefined>;
  /** Its status (DBInstanceStatus, Status). */
  status: (resource: T) => string | undefined;
  /** Why a status is a failure the resource never leaves, else undefined. */
  failure: (status: string) => string | undefined;
  /** Whether it has its endpoint. */
  reachable: (resource: T) => boolean;
}

/** Waits until `label` (`DB instance app-db`) is `available` with its endpoint and `settled`,
 *  failing fast on a failure state. */
export async function waitUntilAvailable<T>(
  ctx: WaitContext,
  label: string,
  probe: AvailableProbe<T>,
  options: { what?: string; settled?: (resource: T) => boolean; expected?: Expected } = {},
): Promise<T> {
  const settled = options.settled ?? (() => true);
  return waitFor({
    what: options.what ?? `${label} to become available`,
    timeoutMs: ctx.deadline.remaining(),
    clock: ctx.clock,
    log: ctx.log,
    // A change of this run's own: first poll when it is due, then RDS's waiter cadence.
    // Otherwise (a re-run's resource, maybe ready already) at once, then gently.
    expectedMs: options.expected?.expectedMs,
    minDelayMs: options.expected?.cadenceMs ?? 10_000,
    maxDelayMs: 60_000,
    progressEveryMs: 60_000,
    check: async () => {
      const resource = await probe.describe();
      if (!resource) return { failed: true, reason: `${label} no longer exists` };
      const status = probe.status(resource) ?? 'unknown';
      const failure = probe.failure(status);
      if (failure !== undefined) return { failed: true, reason: `${label} is ${status}${failure}` };
      if (status === 'available' && probe.reachable(resource) && settled(resource))
        return { done: true, value: resource };
      return { done: false, state: status === 'available' ? 'available, change still pending' : status };
    },
  });
}

/** Waits until the instance is `available` (with its endpoint), failing fast on a failure state. */
export async function waitAvailable(
  ctx: WaitContext,
  id: string,
  options: AvailableOptions = {},
): Promise<DBInstance> {
  return waitUntilAvailable(
    ctx,
    `DB instance ${id}`,
    {
      describe: () => describeInstance(ctx.rds, id),
      status: (instance) => instance.DBInstanceStatus,
      failure: (status) =>
        !FAILED_INSTANCE_STATES.has(status)
          ? undefined
          : status.startsWith('incompatible')
            ? ' (RDS could not restore it with these settings)'
            : '',
      reachable: (instance) => !!instance.Endpoint?.Address,
    },
    options,
  );
}

/** Records on the replica that its change log ran, so a re-run skips it. */
export async function markChangelogApplied(rds: RDSClient, instance: DBInstance): Promise<void> {
  await markChangelog(rds, instance.DBInstanceArn);
}

/** Tags the replica (instance or cluster, by ARN) as having had its change log applied. */
export async function markChangelog(rds: RDSClient, arn: string | undefined): Promise<void> {
  await rds.send(
    new AddTagsToResourceCommand({
      ResourceName: arn,
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
export async function rotateMasterPassword(
  ctx: WaitContext,
  instance: DBInstance,
): Promise<{ secretArn: string; latest: DBInstance }> {
  const id = instance.DBInstanceIdentifier ?? '';
  return manageMasterPassword(ctx, instanceTarget(ctx, id), instance, instance.MasterUserSecret?.SecretArn);
}

/** A replica instance or cluster, for the password steps both take. */
export interface PasswordTarget<T> {
  /** 'DB instance app-db', 'DB cluster app-db-clone'. */
  label: string;
  id: string;
  /** ModifyDBInstance or ModifyDBCluster with these settings, ApplyImmediately. */
  modify: (change: { MasterUserPassword?: string; ManageMasterUserPassword?: boolean }) => Promise<unknown>;
  waitAvailable: (options: {
    what: string;
    settled?: (resource: T) => boolean;
    expected?: Expected;
  }) => Promise<T>;
}

/** The replica instance `id` as a password target. */
export function instanceTarget(ctx: WaitContext, id: string): PasswordTarget<DBInstance> {
  return {
    label: `DB instance ${id}`,
    id,
    modify: (change) =>
      ctx.rds.send(
        new ModifyDBInstanceCommand({ DBInstanceIdentifier: id, ...change, ApplyImmediately: true }),
      ),
    waitAvailable: (options) => waitAvailable(ctx, id, options),
  };
}

/** Moves the target's master password into Secrets Manager (unless `existing` says it is
 *  already there); returns the secret's ARN and the target as last described (`current`
 *  when nothing changed), so no further describe is needed for its endpoint. */
export async function manageMasterPassword<T extends { MasterUserSecret?: { SecretArn?: string } }>(
  ctx: WaitContext,
  target: PasswordTarget<T>,
  current: T,
  existing: string | undefined,
): Promise<{ secretArn: string; latest: T }> {
  if (existing) return { secretArn: existing, latest: current };
  await target.modify({ ManageMasterUserPassword: true });
  ctx.log(`Moving the master password of ${target.id} into Secrets Manager (ManageMasterUserPassword).`);
  const modified = await target.waitAvailable({
    what: `${target.label} to finish moving its master password`,
    expected: AWS_WAITS.rdsModify,
  });
  const arn = modified.MasterUserSecret?.SecretArn;
  if (!arn)
    throw new UserError(
      `RDS did not report a master user secret for ${target.id} after ManageMasterUserPassword.`,
    );
  return { secretArn: arn, latest: modified };
}
