// retire-release: removes the builds of a role and env that are no longer needed, safely and
// on time. It finds every build immut created (by tags), reads what is live (the role's name
// and its history record), keeps the live build, whatever the name points at and the newest
// `keep` builds, and deletes the rest once DNS caches and connection draining are over.
// It creates nothing (a final DB snapshot is asked for, not left behind by failure), so there
// is no post step: a failed run is finished by running it again.
//
// This module only reads and checks the inputs, with nothing of the AWS SDK loaded, so a bad
// input fails at once; the clients and the work load afterwards, from main-aws.ts and
// main-fleet.ts (issue #20: input errors before any SDK loads).
import { historyName } from '@immut/core/dns-history';
import { InputError } from '@immut/core/errors';
import { readInputs, resolveCommon, type CommonInputs, type ParsedInputs } from '@immut/core/inputs';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import { parseResolvedZone, zoneInputProblem } from '@immut/core/zone-input';
import { retireReleaseInputs } from './inputs.js';

export const ACTION = 'retire-release';
/** Longest name whose history record (`_immut-history.<name>`) is still a valid DNS name. */
const MAX_NAME_LENGTH = 253 - '_immut-history.'.length;

export type Inputs = ParsedInputs<typeof retireReleaseInputs>;

/** The inputs of mode retire once every check that needs no AWS call has passed. */
export interface CheckedRetire {
  inputs: Inputs;
  /** The `zone` input, which mode retire requires. */
  zone: string;
  /** The `hosted-zone` input (the zone as launch-behind-lb resolved it), checked against `zone`. */
  hostedZone: string | undefined;
  common: CommonInputs;
}

/** Mode retire's checks: a zone of the right form and a name short enough for its history. */
function checkRetire(inputs: Inputs, common: CommonInputs): CheckedRetire {
  if (inputs.retiredBuilds !== undefined)
    throw new InputError([`Input 'retired-builds' is only for mode 'unshare'; leave it empty to retire.`]);
  if (inputs.zone === undefined)
    throw new InputError([
      `Input 'zone' is required (mode retire): the hosted zone of the role's name, its id ('Z…') or its name.`,
    ]);
  const problems: string[] = [];
  const zoneProblem = zoneInputProblem(inputs.zone);
  if (zoneProblem) problems.push(zoneProblem);
  const resolved = inputs.hostedZone === undefined ? {} : parseResolvedZone(inputs.hostedZone, inputs.zone);
  if (resolved.problem && !zoneProblem) problems.push(resolved.problem);
  if (inputs.name !== undefined && inputs.name.replace(/\.$/, '').length > MAX_NAME_LENGTH) {
    problems.push(
      `Input 'name' was '${inputs.name}': too long to have a history record ${historyName(inputs.name)} beside it; expected at most ${MAX_NAME_LENGTH} characters.`,
    );
  }
  if (problems.length > 0) throw new InputError(problems);
  return { inputs, zone: inputs.zone, hostedZone: inputs.hostedZone, common };
}

/** Mode unshare's check: the builds whose shares to take back. */
function retiredOf(retiredBuilds: string | undefined): string[] {
  if (retiredBuilds === undefined)
    throw new InputError([
      `Input 'retired-builds' is required with mode 'unshare'; expected the target env's retirement's retired output, such as '["b000041"]'.`,
    ]);
  return JSON.parse(retiredBuilds) as string[];
}

async function main(ctx: ActionContext): Promise<void> {
  const inputs = readInputs(retireReleaseInputs, ctx.io.getInput);
  const common = resolveCommon(inputs, ctx.env);
  if (inputs.mode === 'unshare') {
    const retired = retiredOf(inputs.retiredBuilds);
    const { unshareChecked } = await import('./main-fleet.js');
    return unshareChecked(ctx.io, common, retired);
  }
  const checked = checkRetire(inputs, common);
  const { retireChecked } = await import('./main-aws.js');
  await retireChecked(ctx, checked);
}

export const retireRelease: ActionDefinition = { name: ACTION, main };
