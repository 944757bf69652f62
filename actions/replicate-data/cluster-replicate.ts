// The replication for an Aurora source, start to finish: source cluster → point (by default a
// copy-on-write clone of its latest restorable time) → this build's clone (new, or its own from
// an earlier run) → available → writer instance → available → one-time master password on the
// clone → change log → master password in Secrets Manager. A clone is ready in minutes whatever
// the data's size, where an instance restore copies the data.
import type { DBCluster, DBInstance } from '@aws-sdk/client-rds';
import { UserError } from '@immut/core/errors';
import { dbClusterId, dbInstanceId } from '@immut/core/naming';
import { standardTags } from '@immut/core/tags';
import { AWS_WAITS, deadlineFrom, type Deadline } from '@immut/core/wait';
import { runChangelog, secretForms, type Connection } from './changelog.js';
import {
  FAILED_CLUSTER_STATES,
  assertOwnCluster,
  clusterChangelogApplied,
  clusterTags,
  createWriter,
  markClusterChangelog,
  restoreCluster,
  rotateClusterPassword,
  setClusterPassword,
  waitClusterAvailable,
  waitWriter,
} from './cluster-replica.js';
import { describeCluster, resolveClusterPoint } from './cluster-source.js';
import { generatePassword } from './password.js';
import { assertOwnReplica, describeInstance, type WaitContext } from './replica.js';
import type { ChangelogResult, ReplicateDeps, ReplicateRequest, ReplicateResult } from './replicate.js';
import { REPLICA_TAG, copyOf, pointLabel } from './source.js';

interface ClusterRun {
  request: ReplicateRequest;
  deps: ReplicateDeps;
  source: DBCluster;
  clusterId: string;
  writerId: string;
  wait: WaitContext;
}

/** The writer's class: the input, db.serverless with a capacity range, else the source writer's. */
async function writerClass(
  run: ClusterRun,
): Promise<{ instanceClass: string; serverless?: { min: number; max: number } }> {
  const { request, source, deps } = run;
  if (request.instanceClass) return { instanceClass: request.instanceClass };
  if (request.serverless) return { instanceClass: 'db.serverless', serverless: request.serverless };
  const writer = source.DBClusterMembers?.find((m) => m.IsClusterWriter)?.DBInstanceIdentifier;
  const instance = writer ? await describeInstance(deps.rds, writer) : undefined;
  const cls = instance?.DBInstanceClass;
  if (!cls) {
    throw new UserError(
      `Source cluster '${source.DBClusterIdentifier ?? '?'}' has no writer instance to copy the class of; set instance-class (e.g. db.r6g.large) or serverless-capacity (e.g. 0.5-4).`,
    );
  }
  const range = source.ServerlessV2ScalingConfiguration;
  if (cls === 'db.serverless' && range?.MinCapacity !== undefined && range.MaxCapacity !== undefined)
    return { instanceClass: cls, serverless: { min: range.MinCapacity, max: range.MaxCapacity } };
  return { instanceClass: cls };
}

/** This build's writer: an earlier run's (checked to be ours), or a new one. */
async function ensureWriter(run: ClusterRun, instanceClass: string): Promise<DBInstance> {
  const { request, deps, writerId, clusterId } = run;
  const existing = await describeInstance(deps.rds, writerId);
  if (existing) {
    assertOwnReplica(existing, request.identity);
    deps.io.info(
      `Found writer ${writerId} of ${clusterId}, made by an earlier run of this build; continuing with it.`,
    );
  } else {
    const tags = standardTags(request.identity, request.provenance, writerId, {
      [REPLICA_TAG.sourceDb]: run.source.DBClusterIdentifier ?? request.sourceId,
      [REPLICA_TAG.dataKind]: 'cluster',
    });
    await createWriter(deps.rds, {
      instanceId: writerId,
      clusterId,
      engine: run.source.Engine ?? '',
      instanceClass,
      tags,
    });
    deps.cleanup.record({ kind: 'db-instance', id: writerId, region: request.region });
    deps.io.info(`Adding writer ${writerId} (${instanceClass}) to ${clusterId}.`);
    return waitWriter(run.wait, writerId, clusterId, AWS_WAITS.auroraInstance);
  }
  return waitWriter(run.wait, writerId, clusterId);
}

/** The change log's connection: the clone's writer endpoint, in the engine's client terms. */
function clusterConnection(cluster: DBCluster): Connection {
  const engine = (cluster.Engine ?? '').replace(/^aurora-?/, '') || 'mysql';
  if (!cluster.Endpoint || !cluster.Port)
    throw new Error(`DB cluster ${cluster.DBClusterIdentifier ?? '?'} has no endpoint yet`);
  return {
    engine: engine === 'postgresql' ? 'postgres' : engine,
    host: cluster.Endpoint,
    port: cluster.Port,
    database: cluster.DatabaseName ?? (engine === 'postgresql' ? 'postgres' : ''),
    user: cluster.MasterUsername ?? '',
  };
}

/** The change log with a one-time password on the clone, then the password into Secrets Manager. */
async function finishCluster(run: ClusterRun, base: ReplicateResult): Promise<ReplicateResult> {
  const { request, deps, clusterId, wait } = run;
  let cluster = await waitClusterAvailable(wait, clusterId);
  let changelog: ChangelogResult;
  let changelogMs: number | undefined;
  if (clusterChangelogApplied(cluster)) {
    changelog = 'applied earlier';
    deps.io.info(
      `The change log was applied to ${clusterId} by an earlier run of this build; not running it again.`,
    );
  } else if (request.changelogCommand) {
    if (cluster.MasterUserSecret?.SecretArn)
      throw new UserError(
        `Replica cluster ${clusterId} was finished by an earlier run of this build without a changelog-command, and its master password is now in Secrets Manager; use a new build to apply a change log.`,
      );
    const password = generatePassword();
    for (const form of secretForms(password)) deps.io.setSecret(form);
    cluster = await setClusterPassword(wait, clusterId, password);
    changelogMs = await runChangelog({
      command: request.changelogCommand,
      connection: clusterConnection(cluster),
      password,
      io: deps.io,
      stepEnv: deps.env,
      extraEnv: request.changelogEnv ?? [],
      exec: deps.exec,
      clock: deps.clock,
    });
    await markClusterChangelog(deps.rds, cluster);
    changelog = 'applied';
  } else {
    changelog = 'none';
    deps.io.info('No changelog-command given; the clone is an unchanged copy.');
  }
  const { secretArn, latest: final } = await rotateClusterPassword(wait, cluster);
  return {
    ...base,
    changelog,
    ...(changelogMs !== undefined ? { changelogMs } : {}),
    secretArn,
    endpoint: final.Endpoint,
    port: final.Port,
  };
}

/** A re-run: this build's clone exists already; continue with it. */
async function continueCluster(run: ClusterRun, existing: DBCluster): Promise<ReplicateResult> {
  const { request, deps, clusterId } = run;
  assertOwnCluster(existing, request.identity);
  const tags = clusterTags(existing);
  const status = existing.Status ?? 'unknown';
  const restoredFrom = tags[REPLICA_TAG.restoredFrom] ?? '(unknown)';
  if (tags[REPLICA_TAG.sourceDb] && tags[REPLICA_TAG.sourceDb] !== request.sourceId.toLowerCase())
    throw new UserError(
      `Replica cluster ${clusterId} of this build was cloned from '${tags[REPLICA_TAG.sourceDb]}', not '${request.sourceId}'; use a new build to replicate another source.`,
    );
  if (FAILED_CLUSTER_STATES.has(status))
    throw new UserError(
      `Replica cluster ${clusterId} of this build, left by an earlier run, is ${status}; delete it (and its instances) or wait until it is gone, and re-run, or use a new build.`,
    );
  deps.io.info(
    `Found ${clusterId}, copied from ${restoredFrom} by an earlier run of this build (${status}); continuing with it.`,
  );
  const { instanceClass } = await writerClass(run);
  const base = resultBase(run, restoredFrom, instanceClass, true, clusterChangelogApplied(existing));
  if (request.dryRun) {
    deps.io.info(`Dry run: would continue with ${clusterId}; nothing was changed.`);
    return base;
  }
  await waitClusterAvailable(run.wait, clusterId);
  await ensureWriter(run, instanceClass);
  return finishCluster(run, base);
}

function resultBase(
  run: ClusterRun,
  label: string,
  instanceClass: string,
  reused: boolean,
  appliedEarlier = false,
): ReplicateResult {
  return {
    replicaId: run.writerId,
    clusterId: run.clusterId,
    kind: 'cluster',
    copy: copyOf(label),
    sourceId: run.source.DBClusterIdentifier ?? run.request.sourceId,
    engine: run.source.Engine ?? 'unknown',
    source: label,
    reused,
    instanceClass,
    changelog: appliedEarlier ? 'applied earlier' : 'not run (dry run)',
    dryRun: run.request.dryRun,
  };
}

export async function replicateCluster(
  request: ReplicateRequest,
  deps: ReplicateDeps,
  source: DBCluster,
): Promise<ReplicateResult> {
  const { rds, io, clock } = deps;
  const deadline: Deadline = deadlineFrom(clock, request.timeoutMs);
  const run: ClusterRun = {
    request,
    deps,
    source,
    clusterId: dbClusterId(request.identity),
    writerId: dbInstanceId(request.identity),
    wait: { rds, clock, deadline, log: (l) => io.info(l) },
  };
  const sourceId = source.DBClusterIdentifier ?? request.sourceId;
  io.info(
    `Source: Aurora DB cluster ${sourceId} (${source.Engine ?? '?'} ${source.EngineVersion ?? ''}, ${source.Status ?? '?'}); only read.`,
  );
  const existing = await describeCluster(rds, run.clusterId);
  if (existing) return continueCluster(run, existing);

  const point = await resolveClusterPoint(rds, source, request.from ?? { kind: 'clone' });
  const label = pointLabel(point);
  const { instanceClass, serverless } = await writerClass(run);
  const base = { ...resultBase(run, label, instanceClass, false), point };
  if (request.dryRun) {
    io.info(
      `Dry run: would copy ${sourceId} to ${run.clusterId} (${label}) with writer ${run.writerId} (${instanceClass}); nothing was created or changed.`,
    );
    return base;
  }
  const started = clock.now();
  await restoreCluster(rds, point, {
    clusterId: run.clusterId,
    sourceId,
    engine: source.Engine ?? '',
    dbSubnetGroup: request.dbSubnetGroup ?? source.DBSubnetGroup,
    securityGroupIds:
      request.securityGroupIds ??
      (source.VpcSecurityGroups ?? []).flatMap((g) => (g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [])),
    serverless,
    tags: standardTags(request.identity, request.provenance, run.clusterId, {
      [REPLICA_TAG.sourceDb]: sourceId,
      [REPLICA_TAG.restoredFrom]: label,
      [REPLICA_TAG.dataKind]: 'cluster',
    }),
  });
  deps.cleanup.record({ kind: 'db-cluster', id: run.clusterId, region: request.region });
  io.info(
    `Copying ${sourceId} to ${run.clusterId} (${point.kind === 'copy-on-write' ? 'copy-on-write clone' : label}).`,
  );
  // A copy-on-write clone's cluster is due in about a minute; a full copy, like a restore.
  await waitClusterAvailable(run.wait, run.clusterId, {
    expected: point.kind === 'copy-on-write' ? AWS_WAITS.auroraClone : AWS_WAITS.rdsRestore,
  });
  await ensureWriter(run, instanceClass);
  return finishCluster(run, { ...base, timeToAvailableMs: clock.now() - started });
}
