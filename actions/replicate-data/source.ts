// The source side of a replication: what the source DB instance is, and which point of its
// history the replica starts from. Everything here only reads the source, except taking a
// new snapshot of it (`from: new-snapshot`), which the source guard allows as a read.
import {
  CreateDBSnapshotCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  paginateDescribeDBSnapshots,
  type DBInstance,
  type DBSnapshot,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { CleanupLog } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import { GuardError, UserError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { sourceSnapshotId } from '@immut/core/naming';
import type { Provenance } from '@immut/core/provenance';
import { assertManaged, fromAwsTags, standardTags, toAwsTags } from '@immut/core/tags';
import { AWS_WAITS, waitFor, type Deadline } from '@immut/core/wait';

/** What `from` asks for, parsed. */
export type FromSpec =
  | { kind: 'latest-snapshot' }
  | { kind: 'snapshot'; snapshotId: string }
  | { kind: 'point-in-time' }
  | { kind: 'new-snapshot' }
  /** An Aurora copy-on-write clone of the cluster's latest restorable time. */
  | { kind: 'clone' };

export function parseFrom(raw: string): FromSpec {
  if (raw.startsWith('snapshot:')) return { kind: 'snapshot', snapshotId: raw.slice('snapshot:'.length) };
  if (raw === 'latest-snapshot' || raw === 'point-in-time' || raw === 'new-snapshot' || raw === 'clone')
    return { kind: raw };
  throw new Error(`unparsed 'from' value '${raw}'`); // the input spec admits only the forms above
}

/** The point a replica is restored from. */
export type RestorePoint =
  | { kind: 'snapshot'; snapshotId: string; takenAt?: string; type: string }
  /** `time` is the source's LatestRestorableTime when the restore was asked for. */
  | { kind: 'point-in-time'; time: string }
  /** An Aurora clone sharing the source cluster's storage as of its latest restorable time. */
  | { kind: 'copy-on-write'; time: string };

/** The `source` output and the replica's `immut:restored-from` tag. */
export function pointLabel(point: RestorePoint): string {
  return point.kind === 'snapshot' ? `snapshot:${point.snapshotId}` : `${point.kind}:${point.time}`;
}

/** How the data was copied (the manifest's `data.copy`), from a point's label. */
export function copyOf(label: string): 'snapshot' | 'point-in-time' | 'copy-on-write' {
  if (label.startsWith('copy-on-write:')) return 'copy-on-write';
  return label.startsWith('point-in-time:') ? 'point-in-time' : 'snapshot';
}

export const FAILED_SNAPSHOT_STATES = new Set(['failed', 'incompatible-restore', 'deleted']);

function isNotFound(error: unknown, code: string): boolean {
  return error instanceof Error && (error.name === code || error.name === `${code}Fault`);
}

/** The source instance; a clear input error when it does not exist. */
export async function describeSource(rds: RDSClient, sourceId: string, region: string): Promise<DBInstance> {
  try {
    const { DBInstances } = await rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: sourceId }),
    );
    const source = DBInstances?.[0];
    if (source) return source;
  } catch (error) {
    if (!isNotFound(error, 'DBInstanceNotFound')) throw error;
  }
  throw new UserError(
    `Input 'source-db' was '${sourceId}': there is no RDS DB instance with that identifier in ${region}; expected the identifier of an existing DB instance (check the region too).`,
  );
}

async function snapshotsOf(rds: RDSClient, sourceId: string): Promise<DBSnapshot[]> {
  const all: DBSnapshot[] = [];
  for await (const page of paginateDescribeDBSnapshots({ client: rds }, { DBInstanceIdentifier: sourceId })) {
    all.push(...(page.DBSnapshots ?? []));
  }
  return all;
}

/** Newest available snapshot (automated or manual) by SnapshotCreateTime, or undefined. */
export function newestAvailable(snapshots: readonly DBSnapshot[]): DBSnapshot | undefined {
  return snapshots
    .filter((s) => s.Status === 'available' && s.SnapshotCreateTime !== undefined)
    .reduce<DBSnapshot | undefined>(
      (best, s) => (!best || s.SnapshotCreateTime! > best.SnapshotCreateTime! ? s : best),
      undefined,
    );
}

async function describeSnapshot(rds: RDSClient, snapshotId: string): Promise<DBSnapshot | undefined> {
  try {
    const { DBSnapshots } = await rds.send(
      new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: snapshotId }),
    );
    return DBSnapshots?.[0];
  } catch (error) {
    if (isNotFound(error, 'DBSnapshotNotFound')) return undefined;
    throw error;
  }
}

const snapshotPoint = (s: DBSnapshot): RestorePoint => ({
  kind: 'snapshot',
  snapshotId: s.DBSnapshotIdentifier ?? '',
  takenAt: s.SnapshotCreateTime?.toISOString(),
  type: s.SnapshotType ?? 'manual',
});

export interface ResolveContext {
  rds: RDSClient;
  source: DBInstance;
  identity: Identity;
  provenance: Provenance;
  region: string;
  dryRun: boolean;
  clock: Clock;
  deadline: Deadline;
  log: (line: string) => void;
  cleanup: CleanupLog;
}

/** Waits for a snapshot to become available (a snapshot being taken, or just named). */
async function waitForSnapshot(
  ctx: ResolveContext,
  snapshotId: string,
  justTaken = false,
): Promise<DBSnapshot> {
  return waitFor({
    what: `DB snapshot ${snapshotId} to become available`,
    timeoutMs: ctx.deadline.remaining(),
    clock: ctx.clock,
    log: ctx.log,
    // One this run just asked for is not due for minutes: no poll before then.
    ...(justTaken
      ? { expectedMs: AWS_WAITS.rdsSnapshot.expectedMs, minDelayMs: AWS_WAITS.rdsSnapshot.cadenceMs }
      : {}),
    check: async () => {
      const snap = await describeSnapshot(ctx.rds, snapshotId);
      if (!snap) return { failed: true, reason: 'the snapshot disappeared' };
      if (snap.Status === 'available') return { done: true, value: snap };
      if (FAILED_SNAPSHOT_STATES.has(snap.Status ?? ''))
        return { failed: true, reason: `the snapshot is ${snap.Status}` };
      const progress = snap.PercentProgress === undefined ? '' : ` (${snap.PercentProgress}%)`;
      return { done: false, state: `${snap.Status ?? 'unknown'}${progress}` };
    },
  });
}

/**
 * Resolves `from` to a concrete point. In a dry run nothing is created: `new-snapshot`
 * reports the snapshot it would take.
 */
export async function resolvePoint(ctx: ResolveContext, from: FromSpec): Promise<RestorePoint> {
  const sourceId = ctx.source.DBInstanceIdentifier ?? '';
  switch (from.kind) {
    case 'latest-snapshot': {
      const newest = newestAvailable(await snapshotsOf(ctx.rds, sourceId));
      if (!newest) {
        throw new UserError(
          `Input 'from' was 'latest-snapshot', but source '${sourceId}' has no available snapshot; expected at least one automated or manual snapshot (or use 'new-snapshot' or 'point-in-time').`,
        );
      }
      return snapshotPoint(newest);
    }
    case 'snapshot':
      return namedSnapshot(ctx, from.snapshotId);
    case 'point-in-time': {
      const latest = ctx.source.LatestRestorableTime;
      if (!latest || (ctx.source.BackupRetentionPeriod ?? 0) === 0) {
        throw new UserError(
          `Input 'from' was 'point-in-time', but source '${sourceId}' has no restorable time (automated backups off, or none taken yet); expected a source with backups enabled (or use a snapshot).`,
        );
      }
      return { kind: 'point-in-time', time: latest.toISOString() };
    }
    case 'new-snapshot':
      return newSnapshot(ctx);
    case 'clone':
      throw new UserError(
        `Input 'from' was 'clone', but source '${sourceId}' is an RDS DB instance; a copy-on-write clone is for Aurora DB clusters only. Expected 'latest-snapshot', 'point-in-time', 'new-snapshot' or 'snapshot:<id>'.`,
      );
  }
}

async function namedSnapshot(ctx: ResolveContext, snapshotId: string): Promise<RestorePoint> {
  const sourceId = ctx.source.DBInstanceIdentifier ?? '';
  const snap = await describeSnapshot(ctx.rds, snapshotId);
  if (!snap) {
    throw new UserError(
      `Input 'from' was 'snapshot:${snapshotId}': there is no DB snapshot with that identifier; expected a snapshot of '${sourceId}'.`,
    );
  }
  if (snap.DBInstanceIdentifier !== sourceId) {
    throw new UserError(
      `Input 'from' was 'snapshot:${snapshotId}': that snapshot is of DB instance '${snap.DBInstanceIdentifier ?? '?'}', not of source-db '${sourceId}'; expected a snapshot of the source.`,
    );
  }
  if (snap.Status === 'available') return snapshotPoint(snap);
  if (snap.Status === 'creating') {
    // A snapshot still being taken is usable once done; a dry run does not wait for it.
    return snapshotPoint(ctx.dryRun ? snap : await waitForSnapshot(ctx, snapshotId));
  }
  throw new UserError(
    `Input 'from' was 'snapshot:${snapshotId}': that snapshot is ${snap.Status ?? 'in an unknown state'}; expected an available snapshot.`,
  );
}

/**
 * Takes a snapshot of the source now (a read of the source), named for this release, or
 * reuses the one an earlier run of the same build took.
 */
async function newSnapshot(ctx: ResolveContext): Promise<RestorePoint> {
  const sourceId = ctx.source.DBInstanceIdentifier ?? '';
  const snapshotId = sourceSnapshotId(ctx.identity);
  const existing = await describeSnapshot(ctx.rds, snapshotId);
  if (existing) {
    assertManaged({ kind: 'DB snapshot', id: snapshotId, tags: fromAwsTags(existing.TagList) }, ctx.identity);
    if (existing.DBInstanceIdentifier !== sourceId) {
      throw new GuardError(
        `DB snapshot ${snapshotId} of this build is of '${existing.DBInstanceIdentifier ?? '?'}', not of source-db '${sourceId}'; use a new build to replicate another source.`,
      );
    }
    ctx.log(`Reusing snapshot ${snapshotId} of ${sourceId}, taken by an earlier run of this build.`);
  } else if (ctx.dryRun) {
    ctx.log(`Dry run: would take a new snapshot ${snapshotId} of ${sourceId}.`);
    return { kind: 'snapshot', snapshotId, type: 'manual (to be taken)' };
  } else {
    if (ctx.source.DBInstanceStatus !== 'available') {
      throw new UserError(
        `Input 'from' was 'new-snapshot', but source '${sourceId}' is ${ctx.source.DBInstanceStatus ?? 'not available'}; RDS only snapshots an available instance. Retry later or restore from an existing snapshot.`,
      );
    }
    const tags = standardTags(ctx.identity, ctx.provenance, snapshotId, { [REPLICA_TAG.sourceDb]: sourceId });
    await ctx.rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: sourceId,
        DBSnapshotIdentifier: snapshotId,
        Tags: toAwsTags(tags),
      }),
    );
    ctx.cleanup.record({ kind: 'db-snapshot', id: snapshotId, region: ctx.region });
    ctx.log(`Taking snapshot ${snapshotId} of ${sourceId}.`);
    return snapshotPoint(await waitForSnapshot(ctx, snapshotId, true));
  }
  return snapshotPoint(await waitForSnapshot(ctx, snapshotId));
}

/** Tags replicate-data adds to the standard set. */
export const REPLICA_TAG = {
  /** The source DB instance (or Aurora DB cluster) a replica or snapshot was made from. */
  sourceDb: 'immut:source-db',
  /** `cluster` on an Aurora replica (its cluster and writer instance), so retirement and
   *  re-runs know the data layer's kind. */
  dataKind: 'immut:data-kind',
  /** The point restored from, as in the `source` output. */
  restoredFrom: 'immut:restored-from',
  /** `applied` once the change log ran on the replica, so a re-run does not need the password. */
  changelog: 'immut:changelog',
} as const;
