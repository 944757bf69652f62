// RestoreDBClusterToPointInTime (a copy-on-write clone or a full copy) and
// RestoreDBClusterFromSnapshot. A restore makes a new cluster with no instances: the caller
// adds them with CreateDBInstance (cluster-instances.ts). With a PostgreSQL backend the new
// cluster's database is a copy of its source's, so the source never sees what the copy does.
// The `restore-fails` fault makes the cluster end `cloning-failed` (a clone) or `failed`.
import { DURATIONS } from '../../durations.js';
import { AwsError, type SandboxRequest, type ServiceContext } from '../../service.js';
import { settle } from '../../timeline.js';
import { iso, missingParameter, objects, required, str, type Params } from '../common/params.js';
import { renderCluster } from './cluster-render.js';
import {
  AURORA_ENGINES,
  clusterEarliestRestorable,
  clusterLatestRestorable,
  clusterStatusOf,
  COPY_ON_WRITE_CLONE_LIMIT,
  getCluster,
  getClusterSnapshot,
  pgClusterName,
  type ClusterOrigin,
  type DbCluster,
} from './cluster-state.js';
import { newCluster, type ClusterFields } from './clusters.js';
import { clusterExists, combination, invalid, invalidClusterState } from './errors.js';
import { advance } from './lifecycle.js';
import { bool, int, tagsParam, withTags } from './params.js';
import { pgFailure } from './postgres-backing.js';
import { identifierParam } from './rules.js';
import { regionOf, type RdsContext } from './state.js';
import { sgsOrDefault } from './subnet-groups.js';

/** What a restored cluster takes from its source, a cluster or a cluster snapshot. */
type ClusterSource = Pick<
  DbCluster,
  | 'engine'
  | 'engineVersion'
  | 'port'
  | 'masterUsername'
  | 'databaseName'
  | 'storageEncrypted'
  | 'kmsKeyId'
  | 'availabilityZones'
>;

/** ServerlessV2ScalingConfiguration: MinCapacity 0–256 and MaxCapacity 1–256 ACUs in
 *  steps of 0.5, min ≤ max (RDS API reference, ServerlessV2ScalingConfiguration). */
export function serverlessV2Param(p: Params): { min: number; max: number } | undefined {
  const [o] = objects(p['ServerlessV2ScalingConfiguration'] ? [p['ServerlessV2ScalingConfiguration']] : []);
  if (!o) return undefined;
  const min = Number(str(o['MinCapacity']));
  const max = Number(str(o['MaxCapacity']));
  const half = (n: number) => Number.isFinite(n) && Math.round(n * 2) === n * 2;
  if (!half(min) || !half(max) || min < 0 || max < 1 || max > 256 || min > max)
    throw invalid(
      `Invalid ServerlessV2ScalingConfiguration: MinCapacity ${str(o['MinCapacity'])}, MaxCapacity ${str(o['MaxCapacity'])}; capacities are 0 to 256 ACUs in steps of 0.5, MaxCapacity at least 1 and not below MinCapacity.`,
    );
  return { min, max };
}

/** Fields a restored cluster takes from the request, else from its source. */
function restoredFields(p: Params, region: string, src: ClusterSource, origin: ClusterOrigin): ClusterFields {
  const info = AURORA_ENGINES[src.engine];
  return {
    engine: src.engine,
    engineVersion: src.engineVersion,
    engineMode: 'provisioned',
    port: int(p, 'Port') ?? src.port,
    masterUsername: src.masterUsername,
    databaseName: src.databaseName,
    backupRetentionPeriod: int(p, 'BackupRetentionPeriod') ?? 1,
    preferredBackupWindow: '03:00-03:30',
    preferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    storageEncrypted: src.storageEncrypted,
    kmsKeyId: str(p['KmsKeyId']) ?? src.kmsKeyId,
    deletionProtection: bool(p, 'DeletionProtection') ?? false,
    copyTagsToSnapshot: bool(p, 'CopyTagsToSnapshot') ?? false,
    vpcSecurityGroupIds: sgsOrDefault(p),
    dbSubnetGroupName: str(p['DBSubnetGroupName']) ?? 'default',
    parameterGroupName: str(p['DBClusterParameterGroupName']) ?? `default.${info?.family ?? src.engine}`,
    availabilityZones: [...src.availabilityZones],
    serverlessV2: serverlessV2Param(p),
    tags: withTags([], tagsParam(p)),
    origin,
  };
}

const clusterAsSource = (c: DbCluster): ClusterSource => ({
  engine: c.engine,
  engineVersion: c.engineVersion,
  port: c.port,
  masterUsername: c.masterUsername,
  databaseName: c.databaseName,
  storageEncrypted: c.storageEncrypted,
  kmsKeyId: c.kmsKeyId,
  availabilityZones: c.availabilityZones,
});

/** The time asked for: the latest restorable time, or RestoreToTime inside the window. */
function checkPointInTime(p: Params, source: DbCluster, copyOnWrite: boolean, now: number): void {
  const restoreTime = str(p['RestoreToTime']);
  const useLatest = bool(p, 'UseLatestRestorableTime') ?? false;
  if (restoreTime !== undefined && useLatest)
    throw combination('Cannot specify both RestoreToTime and UseLatestRestorableTime.');
  if (restoreTime === undefined && !useLatest)
    throw combination('Either RestoreToTime or UseLatestRestorableTime must be specified.');
  // RestoreToTime "can't be specified if the RestoreType parameter is copy-on-write" (RDS API
  // reference, RestoreDBClusterToPointInTime): a clone shares the source's current pages.
  if (restoreTime !== undefined && copyOnWrite)
    throw combination("RestoreToTime can't be specified with RestoreType copy-on-write.");
  const lrt = clusterLatestRestorable(source, now);
  if (lrt === undefined)
    throw invalidClusterState(
      `The source cluster ${source.id} has no restorable time (status ${clusterStatusOf(source, now)}).`,
    );
  if (restoreTime === undefined) return;
  const t = Date.parse(restoreTime);
  if (Number.isNaN(t)) throw invalid(`Invalid RestoreToTime: ${restoreTime}`);
  const earliest = clusterEarliestRestorable(source, now) ?? lrt;
  if (t > lrt || t < earliest)
    throw new AwsError(
      'InvalidRestoreFault',
      `The restore time ${iso(t)} is not between the earliest restorable time ${iso(earliest)} and the latest restorable time ${iso(lrt)}.`,
      400,
    );
}

/** The copy-on-write limit, counted per storage root (clones of clones included). */
function checkCloneLimit(rds: RdsContext, source: DbCluster, now: number): void {
  const clones = Object.values(rds.state.clusters).filter(
    (c) =>
      c.origin === 'copy-on-write' &&
      c.copyRoot === source.copyRoot &&
      !['deleting', 'deleted'].includes(clusterStatusOf(c, now)),
  );
  if (clones.length >= COPY_ON_WRITE_CLONE_LIMIT)
    throw invalidClusterState(
      `The storage of ${source.id} already has ${clones.length} copy-on-write clones, the limit (${COPY_ON_WRITE_CLONE_LIMIT}); create a full-copy clone (RestoreType full-copy) instead.`,
    );
}

/** Stores the new cluster and gives it a copy of `sourceDb`; on failure the record goes again. */
async function storeWithData(rds: RdsContext, c: DbCluster, sourceDb: string | undefined): Promise<void> {
  rds.state.clusters[c.id] = c;
  if (!rds.pg.backend || c.engine !== 'aurora-postgresql' || settle(c.timeline, c.requestedAt) !== 'creating')
    return;
  const failed = c.timeline.pending.some((s) => s.state === 'cloning-failed' || s.state === 'failed');
  if (failed) return;
  const name = pgClusterName(c.id, c.requestedAt);
  try {
    await rds.pg.run(async (b) => {
      await b.dropDatabase(name); // a leftover of a deleted cluster, never a live one
      if (sourceDb) await b.cloneDatabase(sourceDb, name);
      else await b.createDatabase(name);
    });
  } catch (err) {
    delete rds.state.clusters[c.id];
    throw pgFailure(err);
  }
  c.pgDatabase = name;
  c.databaseName = name;
  c.masterUsername = rds.pg.backend.user;
}

function newClusterId(rds: RdsContext, p: Params): string {
  const id = identifierParam(p, 'DBClusterIdentifier', 63);
  if (rds.state.clusters[id]) throw clusterExists();
  return id;
}

export async function restoreDbClusterToPointInTime(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const id = newClusterId(rds, p);
  const sourceParam = str(p['SourceDBClusterIdentifier']);
  const sourceResource = str(p['SourceDbClusterResourceId']);
  if (!sourceParam && !sourceResource)
    throw invalid('One of SourceDBClusterIdentifier or SourceDbClusterResourceId must be specified.');
  const source = sourceParam
    ? getCluster(rds.state, sourceParam)
    : Object.values(rds.state.clusters).find((c) => c.resourceId === sourceResource);
  if (!source) throw getCluster(rds.state, sourceResource!);
  const restoreType = str(p['RestoreType']) ?? 'full-copy';
  if (restoreType !== 'full-copy' && restoreType !== 'copy-on-write')
    throw invalid(`Invalid RestoreType: ${restoreType}. Valid values: full-copy, copy-on-write.`);
  const copyOnWrite = restoreType === 'copy-on-write';
  const now = ctx.clock.now();
  checkPointInTime(p, source, copyOnWrite, now);
  if (copyOnWrite) checkCloneLimit(rds, source, now);
  const region = regionOf(req, ctx);
  const fields = restoredFields(
    p,
    region,
    clusterAsSource(source),
    copyOnWrite ? 'copy-on-write' : 'full-copy',
  );
  if (copyOnWrite) {
    // A clone shares its source's storage: same clone group, same root.
    fields.cloneGroupId = source.cloneGroupId;
    fields.copyRoot = source.copyRoot;
  }
  const fails = ctx.faults.active('restore-fails', {
    DBClusterIdentifier: id,
    SourceDBClusterIdentifier: source.id,
    operation: 'RestoreDBClusterToPointInTime',
  });
  // A clone's creation time does not grow with the data; a full copy's does.
  const creating = copyOnWrite ? DURATIONS.auroraCloneCreating : DURATIONS.auroraFullCopyCreating;
  const c = newCluster(
    ctx,
    region,
    id,
    fields,
    creating,
    fails ? (copyOnWrite ? 'cloning-failed' : 'failed') : undefined,
  );
  // The sandbox copies the source's latest state, whatever the time asked for.
  await storeWithData(rds, c, source.pgDatabase);
  return { DBCluster: renderCluster(rds.state, c, rds.pg, ctx) };
}

export async function restoreDbClusterFromSnapshot(
  rds: RdsContext,
  req: SandboxRequest,
  ctx: ServiceContext,
): Promise<Record<string, unknown>> {
  await advance(rds, ctx);
  const p = req.params;
  const id = newClusterId(rds, p);
  const snap = getClusterSnapshot(rds.state, required(p, 'SnapshotIdentifier', missingParameter));
  const engine = required(p, 'Engine', missingParameter).toLowerCase();
  if (engine !== snap.engine)
    throw combination(`The engine ${engine} does not match the snapshot's engine ${snap.engine}.`);
  const now = ctx.clock.now();
  if (settle(snap.timeline, now) !== 'available')
    throw new AwsError(
      'InvalidDBClusterSnapshotStateFault',
      `Cluster snapshot ${snap.id} is not in the available state.`,
      400,
    );
  const region = regionOf(req, ctx);
  const fields = restoredFields(p, region, snap, 'snapshot');
  if (str(p['DatabaseName'])) fields.databaseName = str(p['DatabaseName']);
  const fails = ctx.faults.active('restore-fails', {
    DBClusterIdentifier: id,
    SnapshotIdentifier: snap.id,
    operation: 'RestoreDBClusterFromSnapshot',
  });
  const c = newCluster(
    ctx,
    region,
    id,
    fields,
    DURATIONS.auroraFullCopyCreating,
    fails ? 'failed' : undefined,
  );
  await storeWithData(rds, c, snap.pgDatabase);
  return { DBCluster: renderCluster(rds.state, c, rds.pg, ctx) };
}
