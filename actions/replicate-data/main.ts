// replicate-data: a new RDS copy of the source per release, with the change log applied to
// the copy only. main() reads and checks the inputs with nothing of the AWS SDK loaded, so a
// bad input fails at once; main-aws.ts then builds the client (issue #20: input errors
// first), and the work is in replicate.ts.
//
// The master password: a restored instance keeps its source's master credentials, which immut
// never asks for. Once the replica is available, immut sets a password generated for this run
// on the replica only (masked first, handed to the change log command only through its
// environment; password.ts), and afterwards moves the replica's master password into an
// RDS-managed Secrets Manager secret (ModifyDBInstance ManageMasterUserPassword), so the
// one-time password is dead when the run ends and nobody, immut included, sees the new one.
import { InputError } from '@immut/core/errors';
import { readInputs, resolveCommon, type CommonInputs, type ParsedInputs } from '@immut/core/inputs';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import {
  isolationPrefix,
  runUserCommand,
  runUserCommandIsolated,
  type UserCommandRunner,
} from '@immut/core/user-command';
import { crossCheck } from './cross-check.js';
import { replicateDataInputs } from './inputs.js';

export const ACTION = 'replicate-data';
/** What post needs to guard its deletes: the identity and the protected source. */
export const GUARD_STATE = 'replicate-data-guard';

export type Inputs = ParsedInputs<typeof replicateDataInputs>;

const MAX_ACUS = 256;

/** The source's name and kind, and the capacity range. */
export interface Source {
  sourceId: string;
  sourceIsCluster: boolean;
  serverless: { min: number; max: number } | undefined;
}

/** The inputs once every check that needs no AWS call has passed. */
export interface CheckedInputs {
  inputs: Inputs;
  common: CommonInputs;
  source: Source;
  exec: UserCommandRunner | undefined;
}

/** The source, with what is wrong between the inputs that name it. */
function sourceOf(inputs: Inputs): Source & { problems: string[] } {
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

/** The change log's runner, isolated unless the user chose otherwise; known before anything
 *  is created, so a runner that cannot isolate fails the step first. */
function changelogRunner(isolation: string | undefined, problems: string[]): UserCommandRunner {
  if (isolation === 'none') return runUserCommand;
  const found = isolationPrefix();
  if ('prefix' in found) return runUserCommandIsolated(found.prefix);
  problems.push(
    `Input 'changelog-isolation' is 'pid-namespace' (the default), but ${found.problem}. On ubuntu-24.04 runners AppArmor restricts user namespaces: add a step 'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0' before this one; or set changelog-isolation: none to accept that the change log can read this step's environment.`,
  );
  return runUserCommand;
}

async function main(ctx: ActionContext): Promise<void> {
  const { io, env } = ctx;
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
  const exec = inputs.changelogCommand ? changelogRunner(inputs.changelogIsolation, problems) : undefined;
  if (problems.length > 0) throw new InputError(problems);
  if (inputs.changelogCommand && inputs.changelogIsolation === 'none')
    io.warning(
      "changelog-isolation is 'none': the change log runs as a plain child process and can read this step's environment (the deploy role's keys included) through /proc.",
    );
  io.saveState(
    GUARD_STATE,
    JSON.stringify({ role: identity.role, env: identity.env, source: source.sourceId }),
  );

  const { replicateChecked } = await import('./main-aws.js');
  await replicateChecked(ctx, { inputs, common: { identity, region, dryRun }, source, exec });
}

/** Post: deletes what a failed or cancelled main created, unless keep-on-failure. After a
 * run that succeeded or created nothing there is nothing to undo, and no SDK to load. */
// Runs only after a failed main step that recorded what it made (core's nothingToUndo).
async function post(ctx: ActionContext): Promise<void> {
  const { cleanUp } = await import('./main-aws.js');
  await cleanUp(ctx);
}

export const replicateData: ActionDefinition = { name: ACTION, main, post };
