// launch-behind-lb: fresh servers from a release behind a load balancer named for its role
// and build, healthy before anyone points at them. main reads and checks the inputs; the
// clients are made in main-aws.ts and the work is in launch.ts. post removes what a failed
// run created.
//
// This module loads nothing of the AWS SDK or the GitHub client, so a bad input fails at once;
// main-aws.ts is imported only after every input passed (issue #20: input errors first).
import { InputError } from '@immut/core/errors';
import { readInputs, resolveCommon } from '@immut/core/inputs';
import type { ActionDefinition } from '@immut/core/run-action';
import { parseResolvedZone, zoneInputProblem } from '@immut/core/zone-input';
import { crossCheckLaunchBehindLb, launchBehindLbInputs } from './inputs.js';
import type { LaunchInputs } from './launch.js';

export const ACTION = 'launch-behind-lb';
/** Saved before anything is created, so the post step's guard knows whose resources it may remove. */
export const IDENTITY_STATE = 'launch-identity';

/**
 * Rules beyond each input's own: exactly one source, the form of `zone`, and whole-second
 * health-check intervals.
 */
export function launchProblems(inputs: LaunchInputs): string[] {
  const problems = crossCheckLaunchBehindLb(inputs);
  const zoneProblem = inputs.zone === undefined ? undefined : zoneInputProblem(inputs.zone);
  if (zoneProblem) problems.push(zoneProblem);
  if (inputs.hostedZone !== undefined) {
    const resolved =
      inputs.zone === undefined
        ? { problem: "Input 'hosted-zone' was given without input 'zone'; expected both, or neither." }
        : parseResolvedZone(inputs.hostedZone, inputs.zone);
    if (resolved.problem && !zoneProblem) problems.push(resolved.problem);
  }
  const interval = inputs.healthCheckInterval;
  if (interval !== undefined && interval % 1000 !== 0) {
    problems.push(
      `Input 'health-check-interval' was ${interval}ms: ELBv2 takes whole seconds; expected a duration such as 30s.`,
    );
  }
  return problems;
}

export const launchBehindLb: ActionDefinition = {
  name: ACTION,

  async main(ctx) {
    const { io, env } = ctx;
    const inputs = readInputs(launchBehindLbInputs, io.getInput);
    // Masked before anything can fail or log: the runner masks only tokens it knows as
    // secrets, not one passed in from another step's output.
    if (inputs.githubToken) io.setSecret(inputs.githubToken);
    const common = resolveCommon(inputs, env);
    const problems = launchProblems(inputs);
    if (problems.length > 0) throw new InputError(problems);
    const { launchOrPrepare } = await import('./main-aws.js');
    await launchOrPrepare(ctx, inputs, common);
  },

  // Runs only after a failed main step that recorded what it made (core's nothingToUndo).
  async post(ctx) {
    const { cleanUp } = await import('./main-aws.js');
    await cleanUp(ctx);
  },
};
