// cutover-dns: moves the role's stable name to the new build's load balancer (or, in mode
// rollback, back to the previous build from the name's history). It rolls back in-band: a
// weighted cutover that fails mid-way returns all traffic to the old build before failing,
// and a swap changes nothing until its single batch is accepted, so there is no post step.
//
// This module only reads and checks the inputs, with nothing of the AWS SDK loaded, so a bad
// input fails at once; the Route 53 and ELBv2 clients and the cutover load afterwards, from
// main-aws.ts (issue #20: input errors before any SDK loads).
import { InputError } from '@immut/core/errors';
import { readInputs, resolveCommon, type CommonInputs, type ParsedInputs } from '@immut/core/inputs';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import { parseResolvedZone, zoneInputProblem } from '@immut/core/zone-input';
import { historyName } from './history.js';
import { crossCheckCutoverDns, cutoverDnsInputs } from './inputs.js';

export const ACTION = 'cutover-dns';

/** Longest name whose history record (`_immut-history.<name>`) is still a valid DNS name. */
const MAX_NAME_LENGTH = 253 - '_immut-history.'.length;

/** The inputs once every check that needs no AWS call has passed. */
export interface CheckedInputs {
  inputs: ParsedInputs<typeof cutoverDnsInputs>;
  common: CommonInputs;
}

export function checkInputs({ io, env }: Pick<ActionContext, 'io' | 'env'>): CheckedInputs {
  const inputs = readInputs(cutoverDnsInputs, io.getInput);
  const common = resolveCommon(inputs, env);
  const problems = [...crossCheckCutoverDns(inputs)];
  const zoneProblem = zoneInputProblem(inputs.zone);
  if (zoneProblem) problems.push(zoneProblem);
  const resolved = inputs.hostedZone === undefined ? {} : parseResolvedZone(inputs.hostedZone, inputs.zone);
  if (resolved.problem && !zoneProblem) problems.push(resolved.problem);
  if (inputs.name.replace(/\.$/, '').length > MAX_NAME_LENGTH) {
    problems.push(
      `Input 'name' was '${inputs.name}': too long to keep its history record ${historyName(inputs.name)} beside it; expected at most ${MAX_NAME_LENGTH} characters.`,
    );
  }
  if (problems.length > 0) throw new InputError(problems);
  return { inputs, common };
}

async function main(ctx: ActionContext): Promise<void> {
  const checked = checkInputs(ctx);
  const { cutover } = await import('./main-aws.js');
  await cutover(ctx, checked);
}

export const cutoverDns: ActionDefinition = { name: ACTION, main };
