// The part of replicate-data that talks to AWS, loaded by main.ts only once the inputs passed
// their checks (and by the post step when there is something to undo).
import { RDSClient } from '@aws-sdk/client-rds';
import { createAwsClient } from '@immut/core/aws';
import { undoCreated } from '@immut/core/cleanup';
import { provenanceFromEnv } from '@immut/core/provenance';
import type { ActionContext } from '@immut/core/run-action';
import { guardSource, rdsSource } from '@immut/core/source-guard';
import { ACTION, GUARD_STATE, type CheckedInputs } from './main.js';
import { replicate } from './replicate.js';
import { parseFrom } from './source.js';
import { renderSummary, setOutputs } from './summary.js';
import { deleteClusterReplica, deleteReplica, deleteSnapshot } from './undo.js';

function rdsClient(region: string, sourceId: string): RDSClient {
  // The source may be an instance or an Aurora cluster: the guard protects the name as both.
  return guardSource(createAwsClient(RDSClient, { region, action: ACTION }), rdsSource(sourceId));
}

/** The main step once the inputs passed: the guarded RDS client, then the replication. */
export async function replicateChecked(
  { io, env, clock, cleanup }: ActionContext,
  { inputs, common: { identity, region, dryRun }, source, exec }: CheckedInputs,
): Promise<void> {
  const rds = rdsClient(region, source.sourceId);
  try {
    const result = await replicate(
      {
        identity,
        region,
        dryRun,
        sourceId: source.sourceId,
        sourceIsCluster: source.sourceIsCluster,
        from: inputs.from ? parseFrom(inputs.from) : undefined,
        serverless: source.serverless,
        changelogCommand: inputs.changelogCommand,
        changelogEnv: inputs.changelogEnv,
        dbSubnetGroup: inputs.dbSubnetGroup,
        securityGroupIds: inputs.securityGroupIds,
        instanceClass: inputs.instanceClass,
        timeoutMs: inputs.timeout ?? 90 * 60_000,
        provenance: provenanceFromEnv(env),
      },
      { rds, io, clock, cleanup, env, exec },
    );
    setOutputs(io, result);
    await io.appendSummary(renderSummary(result));
  } finally {
    rds.destroy();
  }
}

/** Post: deletes what a failed or cancelled main created, unless keep-on-failure. */
export async function cleanUp({ io, clock, cleanup }: ActionContext): Promise<void> {
  // Inputs are read leniently: post also runs after main failed on bad inputs.
  const keepOnFailure = /^true$/i.test(io.getInput('keep-on-failure').trim());
  const saved = JSON.parse(io.getState(GUARD_STATE) || '{}') as {
    role?: string;
    env?: string;
    source?: string;
  };
  if (!saved.role || !saved.env || !saved.source) {
    throw new Error(`saved state '${GUARD_STATE}' is missing, so post cannot check what it deletes`);
  }
  const clients = new Map<string, RDSClient>();
  const rdsFor = (region: string) => {
    let client = clients.get(region);
    if (!client) clients.set(region, (client = rdsClient(region, saved.source ?? '')));
    return client;
  };
  const ctx = {
    rdsFor,
    identity: { role: saved.role, env: saved.env },
    clock,
    log: (l: string) => io.info(l),
  };
  try {
    await undoCreated(cleanup, {
      io,
      keepOnFailure,
      // Undone in reverse order: an Aurora clone's writer instance before its cluster.
      handlers: {
        'db-instance': deleteReplica(ctx),
        'db-snapshot': deleteSnapshot(ctx),
        'db-cluster': deleteClusterReplica(ctx),
      },
    });
  } finally {
    for (const client of clients.values()) client.destroy();
  }
}
