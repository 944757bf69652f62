// The replication, start to finish, as one plain function over injected clients and IO:
// source → point → replica (new, or this build's own from an earlier run) → available →
// one-time master password → change log → master password in Secrets Manager. A re-run of
// the same build picks up where the last run stopped, and a dry run stops after resolving
// and checking, having changed nothing.
import type { DBInstance, RDSClient } from '@aws-sdk/client-rds';
import type { ActionIO } from '@immut/core/action-io';
import type { CleanupLog } from '@immut/core/cleanup';
import type { Clock } from '@immut/core/clock';
import { UserError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { dbInstanceId } from '@immut/core/naming';
import type { Provenance } from '@immut/core/provenance';
import { standardTags } from '@immut/core/tags';
import { AWS_WAITS, deadlineFrom } from '@immut/core/wait';
import { connectionOf, runChangelog, secretForms, type Exec } from './changelog.js';
import { replicateCluster } from './cluster-replicate.js';
import { detectSource } from './cluster-source.js';
import { generatePassword, setOneTimePassword } from './password.js';
import {
  assertOwnReplica,
  changelogApplied,
  describeInstance,
  markChangelogApplied,
  restoreReplica,
  rotateMasterPassword,
  tagsOf,
  waitAvailable,
  type WaitContext,
} from './replica.js';
import { REPLICA_TAG, copyOf, pointLabel, resolvePoint, type FromSpec, type RestorePoint } from './source.js';

export interface ReplicateRequest {
  identity: Identity;
  region: string;
  dryRun: boolean;
  sourceId: string;
  /** True when the source was named by `source-cluster` (an Aurora DB cluster). */
  sourceIsCluster?: boolean;
  /** Undefined: latest-snapshot for an instance, clone for a cluster. */
  from?: FromSpec;
  changelogCommand?: string;
  /** Extra variable names the change log command gets from the step's environment. */
  changelogEnv?: string[];
  dbSubnetGroup?: string;
  securityGroupIds?: string[];
  instanceClass?: string;
  /** Aurora Serverless v2 capacity (ACUs) of the clone; its writer is then db.serverless. */
  serverless?: { min: number; max: number };
  timeoutMs: number;
  provenance: Provenance;
}

export interface ReplicateDeps {
  rds: RDSClient;
  io: Pick<ActionIO, 'info' | 'group' | 'setSecret'>;
  clock: Clock;
  cleanup: CleanupLog;
  /** The step's environment; the change log command gets only PATH, HOME, locale and the
   *  `changelogEnv` names from it (@immut/core/user-command). */
  env: Readonly<Record<string, string | undefined>>;
  exec?: Exec;
}

export type ChangelogResult = 'applied' | 'applied earlier' | 'none' | 'not run (dry run)';

export interface ReplicateResult {
  /** The replica instance: the instance itself, or the Aurora clone's writer. */
  replicaId: string;
  /** The data layer's kind: an RDS DB instance or an Aurora DB cluster. */
  kind: 'instance' | 'cluster';
  /** The Aurora clone, for kind `cluster`. */
  clusterId?: string;
  /** How the data was copied. */
  copy: 'snapshot' | 'point-in-time' | 'copy-on-write';
  sourceId: string;
  engine: string;
  /** `snapshot:<id>` or `point-in-time:<time>` (the `source` output). */
  source: string;
  point?: RestorePoint;
  /** True when an earlier run of this build had already restored the replica. */
  reused: boolean;
  instanceClass: string;
  endpoint?: string;
  port?: number;
  changelog: ChangelogResult;
  /** How long the change log command ran (clock time), when this run ran it. */
  changelogMs?: number;
  secretArn?: string;
  /** From the restore call to `available` (clock time), when this run restored. */
  timeToAvailableMs?: number;
  dryRun: boolean;
}

// crossCheck lives in cross-check.ts, which loads no SDK, so main.ts can run it first.
export { crossCheck } from './cross-check.js';

export async function replicate(request: ReplicateRequest, deps: ReplicateDeps): Promise<ReplicateResult> {
  const { rds, io, clock } = deps;
  const log = (line: string) => io.info(line);
  const deadline = deadlineFrom(clock, request.timeoutMs);
  const replicaId = dbInstanceId(request.identity);
  const detected = await detectSource(
    rds,
    request.sourceId,
    request.sourceIsCluster ?? false,
    request.region,
  );
  if (detected.kind === 'cluster') return replicateCluster(request, deps, detected.cluster);
  const source = detected.instance;
  if (request.serverless) {
    throw new UserError(
      `Input 'serverless-capacity' was given, but source '${request.sourceId}' is an RDS DB instance; Aurora Serverless v2 capacity is for Aurora DB cluster sources only.`,
    );
  }
  const sourceId = source.DBInstanceIdentifier ?? request.sourceId;
  const engine = source.Engine ?? 'unknown';
  log(
    `Source: ${sourceId} (${engine} ${source.EngineVersion ?? ''}, ${source.DBInstanceClass ?? '?'}, ${source.DBInstanceStatus ?? '?'}); only read.`,
  );

  const existing = await describeInstance(rds, replicaId);
  if (existing) {
    assertOwnReplica(existing, request.identity);
    return continueExisting(request, deps, existing, deadline);
  }

  const point = await resolvePoint(
    {
      rds,
      source,
      identity: request.identity,
      provenance: request.provenance,
      region: request.region,
      dryRun: request.dryRun,
      clock,
      deadline,
      log,
      cleanup: deps.cleanup,
    },
    request.from ?? { kind: 'latest-snapshot' },
  );
  const label = pointLabel(point);
  const instanceClass = request.instanceClass ?? source.DBInstanceClass ?? '';
  const base: ReplicateResult = {
    replicaId,
    kind: 'instance',
    copy: copyOf(label),
    sourceId,
    engine,
    source: label,
    point,
    reused: false,
    instanceClass,
    changelog: 'not run (dry run)',
    dryRun: request.dryRun,
  };
  if (request.dryRun) {
    log(
      `Dry run: would restore ${replicaId} (${instanceClass}) from ${label}; nothing was created or changed.`,
    );
    return base;
  }

  const tags = standardTags(request.identity, request.provenance, replicaId, {
    [REPLICA_TAG.sourceDb]: sourceId,
    [REPLICA_TAG.restoredFrom]: label,
  });
  const restoreStarted = clock.now();
  await restoreReplica(rds, point, {
    replicaId,
    sourceId,
    instanceClass,
    dbSubnetGroup: request.dbSubnetGroup ?? source.DBSubnetGroup?.DBSubnetGroupName,
    securityGroupIds:
      request.securityGroupIds ??
      (source.VpcSecurityGroups ?? []).flatMap((g) => (g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [])),
    tags,
  });
  deps.cleanup.record({ kind: 'db-instance', id: replicaId, region: request.region });
  log(`Restoring ${replicaId} from ${label}.`);
  const available = await waitAvailable({ rds, clock, deadline, log }, replicaId, {
    expected: AWS_WAITS.rdsRestore,
  });
  const timeToAvailableMs = clock.now() - restoreStarted;
  return finish(request, deps, available, { ...base, timeToAvailableMs }, deadline);
}

/** A re-run: this build's replica exists already; continue with it. */
async function continueExisting(
  request: ReplicateRequest,
  deps: ReplicateDeps,
  existing: DBInstance,
  deadline: ReturnType<typeof deadlineFrom>,
): Promise<ReplicateResult> {
  const replicaId = existing.DBInstanceIdentifier ?? '';
  const tags = tagsOf(existing);
  const status = existing.DBInstanceStatus ?? 'unknown';
  const restoredFrom = tags[REPLICA_TAG.restoredFrom] ?? '(unknown)';
  if (tags[REPLICA_TAG.sourceDb] && tags[REPLICA_TAG.sourceDb] !== request.sourceId.toLowerCase()) {
    throw new UserError(
      `Replica ${replicaId} of this build was restored from '${tags[REPLICA_TAG.sourceDb]}', not source-db '${request.sourceId}'; use a new build to replicate another source.`,
    );
  }
  if (['failed', 'incompatible-restore', 'incompatible-parameters', 'deleting'].includes(status)) {
    throw new UserError(
      `Replica ${replicaId} of this build, left by an earlier run, is ${status}; delete it (or wait until it is gone) and re-run, or use a new build.`,
    );
  }
  deps.io.info(
    `Found ${replicaId}, restored from ${restoredFrom} by an earlier run of this build (${status}); continuing with it.`,
  );
  const base: ReplicateResult = {
    replicaId,
    kind: 'instance',
    copy: copyOf(restoredFrom),
    sourceId: tags[REPLICA_TAG.sourceDb] ?? request.sourceId,
    engine: existing.Engine ?? 'unknown',
    source: restoredFrom,
    reused: true,
    instanceClass: existing.DBInstanceClass ?? '',
    changelog: changelogApplied(existing) ? 'applied earlier' : 'not run (dry run)',
    dryRun: request.dryRun,
  };
  if (request.dryRun) {
    deps.io.info(`Dry run: would continue with ${replicaId}; nothing was changed.`);
    return base;
  }
  const available = await waitAvailable(
    { rds: deps.rds, clock: deps.clock, deadline, log: (l) => deps.io.info(l) },
    replicaId,
  );
  return finish(request, deps, available, base, deadline);
}

/**
 * Runs the change log on the replica with a one-time master password, and marks it applied.
 * Returns the replica as it is after the password change, and how long the command ran.
 */
async function applyChangelog(
  command: string,
  extraEnv: readonly string[],
  deps: ReplicateDeps,
  waitCtx: WaitContext,
  replica: DBInstance,
): Promise<{ ready: DBInstance; ms: number }> {
  const id = replica.DBInstanceIdentifier ?? '';
  if (replica.MasterUserSecret?.SecretArn) {
    // Setting a password would mean taking the managed one out of Secrets Manager (which
    // deletes its secret) on a replica that an earlier run finished without a change log.
    throw new UserError(
      `Replica ${id} was finished by an earlier run of this build without a changelog-command, and its master password is now in Secrets Manager; use a new build to apply a change log.`,
    );
  }
  // A re-run cannot know an earlier run's password, so every run that applies the change log
  // sets its own. Masked before it is used anywhere.
  const password = generatePassword();
  for (const form of secretForms(password)) deps.io.setSecret(form);
  const ready = await setOneTimePassword(waitCtx, replica, password);
  const ms = await runChangelog({
    command,
    connection: connectionOf(ready),
    password,
    io: deps.io,
    stepEnv: deps.env,
    extraEnv,
    exec: deps.exec,
    clock: deps.clock,
  });
  await markChangelogApplied(deps.rds, ready);
  return { ready, ms };
}

/** The change log, then the master password into Secrets Manager, then the endpoint. */
async function finish(
  request: ReplicateRequest,
  deps: ReplicateDeps,
  available: DBInstance,
  base: ReplicateResult,
  deadline: ReturnType<typeof deadlineFrom>,
): Promise<ReplicateResult> {
  const { rds, io, clock } = deps;
  const waitCtx = { rds, clock, deadline, log: (l: string) => io.info(l) };
  let changelog: ChangelogResult;
  let changelogMs: number | undefined;
  let current = available;
  if (changelogApplied(available)) {
    changelog = 'applied earlier';
    io.info(
      `The change log was applied to ${base.replicaId} by an earlier run of this build; not running it again.`,
    );
  } else if (request.changelogCommand) {
    const applied = await applyChangelog(
      request.changelogCommand,
      request.changelogEnv ?? [],
      deps,
      waitCtx,
      available,
    );
    current = applied.ready;
    changelogMs = applied.ms;
    changelog = 'applied';
  } else {
    changelog = 'none';
    io.info('No changelog-command given; the replica is an unchanged copy.');
  }
  // Secrets Manager replaces the one-time password, so it is useless once the run ends.
  // The last description (the wait's, or the one that found the secret already there) has the
  // endpoint: no describe of its own.
  const { secretArn, latest: final } = await rotateMasterPassword(waitCtx, current);
  return {
    ...base,
    changelog,
    ...(changelogMs !== undefined ? { changelogMs } : {}),
    secretArn,
    endpoint: final.Endpoint?.Address,
    port: final.Endpoint?.Port,
  };
}
