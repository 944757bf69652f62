// launch-behind-lb: fresh servers from a release behind a load balancer named for its role
// and build, healthy before anyone points at them. main reads the inputs and builds the
// clients; the work is in launch.ts. post removes what a failed run created.
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Route53Client } from '@aws-sdk/client-route-53';
import { createAwsClient } from '@immut/core/aws';
import { undoCreated } from '@immut/core/cleanup';
import { InputError, UserError } from '@immut/core/errors';
import { createGitHubClient, repositoryFromEnv } from '@immut/core/github';
import { zoneInputProblem } from '@immut/core/hosted-zone';
import type { Identity } from '@immut/core/identity';
import { readInputs, resolveCommon } from '@immut/core/inputs';
import { provenanceFromEnv, type Env } from '@immut/core/provenance';
import type { ActionDefinition } from '@immut/core/run-action';
import { crossCheckLaunchBehindLb, launchBehindLbInputs } from './inputs.js';
import { dryRun, launch, preparePlan, type Clients, type LaunchInputs } from './launch.js';
import { dryRunFrontEnd, planFrontEnd, prepare } from './prepare.js';
import { readRelease } from '@immut/core/release-reader';
import type { ActionIO } from '@immut/core/action-io';
import type { TagReader } from './release.js';
import { undoHandlers } from './undo.js';

const ACTION = 'launch-behind-lb';
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
  const interval = inputs.healthCheckInterval;
  if (interval !== undefined && interval % 1000 !== 0) {
    problems.push(
      `Input 'health-check-interval' was ${interval}ms: ELBv2 takes whole seconds; expected a duration such as 30s.`,
    );
  }
  return problems;
}

/** Reads a release by its tag from the workflow's repository (tag-release wrote it there). */
export function tagReader(inputs: Pick<LaunchInputs, 'githubToken'>, env: Env, io: ActionIO): TagReader {
  return async (tag) => {
    if (!inputs.githubToken) {
      throw new UserError(
        `Input 'github-token' is empty; reading the release ${tag} needs a token with contents: read (by default the workflow token), or pass the manifest JSON instead.`,
      );
    }
    const scale = Number(env['IMMUT_TIME_SCALE'] ?? '1');
    const octokit = createGitHubClient({
      token: inputs.githubToken,
      env,
      action: ACTION,
      log: io,
      ...(scale > 1 ? { timeScale: scale } : {}),
    });
    return readRelease({ octokit, ...repositoryFromEnv(env), tag });
  };
}

function clientsFor(region: string): Clients {
  const settings = { region, action: ACTION };
  return {
    autoscaling: createAwsClient(AutoScalingClient, settings),
    ec2: createAwsClient(EC2Client, settings),
    elb: createAwsClient(ElasticLoadBalancingV2Client, settings),
    route53: createAwsClient(Route53Client, settings),
  };
}

function destroy(clients: Clients): void {
  clients.autoscaling.destroy();
  clients.ec2.destroy();
  clients.elb.destroy();
  clients.route53.destroy();
}

export const launchBehindLb: ActionDefinition = {
  name: ACTION,

  async main({ io, env, clock, cleanup }) {
    const inputs = readInputs(launchBehindLbInputs, io.getInput);
    // Masked before anything can fail or log: the runner masks only tokens it knows as
    // secrets, not one passed in from another step's output.
    if (inputs.githubToken) io.setSecret(inputs.githubToken);
    const common = resolveCommon(inputs, env);
    const problems = launchProblems(inputs);
    if (problems.length > 0) throw new InputError(problems);
    const clients = clientsFor(common.region);
    try {
      if (inputs.mode === 'prepare') {
        const plan = await planFrontEnd(inputs, common, clients, provenanceFromEnv(env));
        if (common.dryRun) {
          await dryRunFrontEnd(plan, io);
          return;
        }
        io.saveState(IDENTITY_STATE, JSON.stringify(common.identity));
        const result = await prepare(plan, clients, { io, clock, cleanup });
        io.setOutput('load-balancer-arn', result.loadBalancerArn);
        io.setOutput('load-balancer-dns-name', result.loadBalancerDnsName);
        io.setOutput('load-balancer-zone-id', result.loadBalancerZoneId);
        io.setOutput('target-group-arn', result.targetGroupArn);
        io.setOutput('build-dns-name', result.buildDnsName ?? '');
        return;
      }
      const plan = await preparePlan(
        inputs,
        common,
        clients,
        provenanceFromEnv(env),
        tagReader(inputs, env, io),
      );
      if (common.dryRun) {
        await dryRun(plan, clients, io);
        return;
      }
      io.saveState(IDENTITY_STATE, JSON.stringify(common.identity));
      const result = await launch(plan, clients, { io, clock, cleanup });
      io.setOutput('load-balancer-arn', result.loadBalancerArn);
      io.setOutput('load-balancer-dns-name', result.loadBalancerDnsName);
      io.setOutput('load-balancer-zone-id', result.loadBalancerZoneId);
      io.setOutput('target-group-arn', result.targetGroupArn);
      io.setOutput('auto-scaling-group-name', result.autoScalingGroupName);
      io.setOutput('instance-ids', result.instanceIds.join(','));
      io.setOutput('build-dns-name', result.buildDnsName ?? '');
    } finally {
      destroy(clients);
    }
  },

  async post({ io, clock, cleanup }) {
    // Runs even when main failed on bad inputs: read only what cleanup needs, leniently.
    const keepOnFailure = /^true$/i.test(io.getInput('keep-on-failure').trim());
    const identity = JSON.parse(io.getState(IDENTITY_STATE) || 'null') as Identity | null;
    const byRegion = new Map<string, Clients>();
    const clients = (region: string): Clients => {
      let c = byRegion.get(region);
      if (!c) {
        c = clientsFor(region);
        byRegion.set(region, c);
      }
      return c;
    };
    try {
      if (!identity && cleanup.created().length > 0 && !cleanup.succeeded()) {
        throw new Error(`saved state '${IDENTITY_STATE}' is missing, so the ownership guard cannot run`);
      }
      const handlers = identity
        ? undoHandlers(
            identity,
            {
              autoscaling: (r) => clients(r).autoscaling,
              ec2: (r) => clients(r).ec2,
              elb: (r) => clients(r).elb,
              route53: (r) => clients(r).route53,
            },
            clock,
            (line) => io.info(line),
          )
        : {};
      await undoCreated(cleanup, { io, handlers, keepOnFailure });
    } finally {
      for (const c of byRegion.values()) destroy(c);
    }
  },
};
