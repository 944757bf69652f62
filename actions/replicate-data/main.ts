// replicate-data: a new RDS copy of the source per release, with the change log applied to
// the copy only. main() reads inputs and builds the client; the work is in replicate.ts.
//
// The master password: a restored instance keeps its source's master credentials, which immut
// never asks for. Once the replica is available, immut sets a password generated for this run
// on the replica only (masked first, handed to the change log command only through its
// environment; password.ts), and afterwards moves the replica's master password into an
// RDS-managed Secrets Manager secret (ModifyDBInstance ManageMasterUserPassword), so the
// one-time password is dead when the run ends and nobody, immut included, sees the new one.
import { RDSClient } from '@aws-sdk/client-rds';
import { createAwsClient } from '@immut/core/aws';
import { undoCreated } from '@immut/core/cleanup';
import { InputError } from '@immut/core/errors';
import { readInputs, resolveCommon, type ParsedInputs } from '@immut/core/inputs';
import { provenanceFromEnv } from '@immut/core/provenance';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import { guardSource, rdsSource } from '@immut/core/source-guard';
import { replicateDataInputs } from './inputs.js';
import { renderSummary, setOutputs } from './summary.js';
import { crossCheck, replicate } from './replicate.js';
import { parseFrom } from './source.js';
import { deleteClusterReplica, deleteReplica, deleteSnapshot } from './undo.js';

const ACTION = 'replicate-data';
/** What post needs to guard its deletes: the identity and the protected source. */
const GUARD_STATE = 'replicate-data-guard';

function rdsClient(region: string, sourceId: string): RDSClient {
  // The source may be an instance or an Aurora cluster: the guard protects the name as both.
  return guardSource(createAwsClient(RDSClient, { region, action: ACTION }), rdsSource(sourceId));
}

type Inputs = ParsedInputs<typeof replicateDataInputs>;

const MAX_ACUS = 256;

/** The source's name and kind, and the capacity range, with what is wrong between them. */
function sourceOf(inputs: Inputs): {
  sourceId: string;
  sourceIsCluster: boolean;
  serverless?: { min: number; max: number };
  problems: string[];
} {
  const problems: string[] = [];
  const { sourceDb, sourceCluster } = inputs;
  if (!sourceDb && !sourceCluster)
    problems.push(
      "Input 'source-db' is required but was not given; expected an RDS DB instance or Aurora DB cluster identifier (or name a cluster in source-cluster).",
    );
  if (sourceDb && sourceCluster)
    problems.push(
      `Inputs 'source-db' ('${sourceDb}') and 'source-cluster' ('${sourceCluster}') were both given; expected one of them.`,
    );
  let serverless: { min: number; max: number } | undefined;
  if (inputs.serverlessCapacity) {
    const [min = NaN, max = NaN] = inputs.serverlessCapacity.split('-').map(Number);
    if (min > max || max < 1 || max > MAX_ACUS)
      problems.push(
        `Input 'serverless-capacity' was '${inputs.serverlessCapacity}': expected MIN-MAX with MIN ≤ MAX, MAX from 1 to ${MAX_ACUS} ACUs (e.g. 0.5-4).`,
      );
    else serverless = { min, max };
    if (inputs.instanceClass)
      problems.push(
        `Inputs 'instance-class' ('${inputs.instanceClass}') and 'serverless-capacity' were both given; expected one: a serverless writer is db.serverless.`,
      );
  }
  return {
    sourceId: sourceCluster ?? sourceDb ?? '',
    sourceIsCluster: !!sourceCluster,
    serverless,
    problems,
  };
}

async function main({ io, env, clock, cleanup }: ActionContext): Promise<void> {
  const inputs = readInputs(replicateDataInputs, io.getInput);
  const { identity, region, dryRun } = resolveCommon(inputs, env);
  const source = sourceOf(inputs);
  const problems = [
    ...source.problems,
    ...(source.sourceId
      ? crossCheck(
          {
            identity,
            sourceId: source.sourceId,
            sourceIsCluster: source.sourceIsCluster,
            changelogCommand: inputs.changelogCommand,
            changelogEnv: inputs.changelogEnv,
          },
          env,
        )
      : []),
  ];
  if (problems.length > 0) throw new InputError(problems);
  io.saveState(
    GUARD_STATE,
    JSON.stringify({ role: identity.role, env: identity.env, source: source.sourceId }),
  );

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
      { rds, io, clock, cleanup, env },
    );
    setOutputs(io, result);
    await io.appendSummary(renderSummary(result));
  } finally {
    rds.destroy();
  }
}

/** Post: deletes what a failed or cancelled main created, unless keep-on-failure. */
async function post({ io, clock, cleanup }: ActionContext): Promise<void> {
  if (cleanup.succeeded() || cleanup.created().length === 0) return;
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

export const replicateData: ActionDefinition = { name: ACTION, main, post };
