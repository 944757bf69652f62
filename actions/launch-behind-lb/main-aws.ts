// The part of launch-behind-lb that talks to AWS (and to GitHub, to read a release by its
// tag), loaded by main.ts only once the inputs passed their checks, and by the post step.
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Route53Client } from '@aws-sdk/client-route-53';
import type { ActionIO } from '@immut/core/action-io';
import { createAwsClient } from '@immut/core/aws';
import { undoCreated } from '@immut/core/cleanup';
import { UserError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import type { CommonInputs } from '@immut/core/inputs';
import { provenanceFromEnv, repositoryFromEnv, type Env } from '@immut/core/provenance';
import { readRelease } from '@immut/core/release-reader';
import type { ActionContext } from '@immut/core/run-action';
import { deadlineFrom } from '@immut/core/wait';
import { dryRun, launch, preparePlan, type Clients, type LaunchInputs } from './launch.js';
import { ACTION, IDENTITY_STATE } from './main.js';
import { dryRunFrontEnd, frontEndSettings, planFrontEnd, prepare } from './prepare.js';
import type { TagReader } from './release.js';
import { undoHandlers } from './undo.js';
import { formatResolvedZone } from '@immut/core/zone-input';

/** Reads a release by its tag from the workflow's repository (tag-release wrote it there). */
export function tagReader(inputs: Pick<LaunchInputs, 'githubToken'>, env: Env, io: ActionIO): TagReader {
  return async (tag) => {
    if (!inputs.githubToken) {
      throw new UserError(
        `Input 'github-token' is empty; reading the release ${tag} needs a token with contents: read (by default the workflow token), or pass the manifest JSON instead.`,
      );
    }
    // Octokit loads only for a release given by its tag, not for a manifest or an image id.
    const { createGitHubClient } = await import('@immut/core/github');
    const octokit = createGitHubClient({ token: inputs.githubToken, env, action: ACTION, log: io });
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

/** The main step once the inputs passed: the front end alone (mode prepare) or the whole build. */
export async function launchOrPrepare(
  { io, env, clock, cleanup }: ActionContext,
  inputs: LaunchInputs,
  common: CommonInputs,
): Promise<void> {
  const clients = clientsFor(common.region);
  // Route 53's low account-wide rate: the zone lookup retries throttling until the deadline.
  const calls = {
    clock,
    log: (line: string) => io.info(line),
    deadline: deadlineFrom(clock, frontEndSettings(inputs).timeoutMs),
  };
  try {
    if (inputs.mode === 'prepare') {
      const plan = await planFrontEnd(inputs, common, clients, provenanceFromEnv(env), calls);
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
      io.setOutput('listener-arn', result.listenerArn);
      io.setOutput('build-dns-name', result.buildDnsName ?? '');
      io.setOutput('hosted-zone', plan.zone ? formatResolvedZone(plan.zone) : '');
      return;
    }
    const plan = await preparePlan(
      inputs,
      common,
      clients,
      provenanceFromEnv(env),
      tagReader(inputs, env, io),
      calls,
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
    io.setOutput('listener-arn', result.listenerArn);
    io.setOutput('auto-scaling-group-name', result.autoScalingGroupName);
    io.setOutput('instance-ids', result.instanceIds.join(','));
    io.setOutput('build-dns-name', result.buildDnsName ?? '');
    io.setOutput('hosted-zone', plan.zone ? formatResolvedZone(plan.zone) : '');
  } finally {
    destroy(clients);
  }
}

/** The post step: removes what a failed main step created (unless keep-on-failure). */
export async function cleanUp({ io, clock, cleanup }: ActionContext): Promise<void> {
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
}
