// What mode status reads besides Route 53: EC2, SSM and RDS clients, the GitHub release
// lookup, and gather.ts, which sends their commands. status.ts imports this module once its
// first call, the hosted zone's lookup, is answered, so these SDKs and Octokit do not delay
// that call (issue #20 item 4: load only what the next step needs).
import { EC2Client } from '@aws-sdk/client-ec2';
import { RDSClient } from '@aws-sdk/client-rds';
import type { Route53Client } from '@aws-sdk/client-route-53';
import { SSMClient } from '@aws-sdk/client-ssm';
import { createAwsClient } from '@immut/core/aws';
import { createGitHubClient, type GitHubClient } from '@immut/core/github';
import { repositoryFromEnv } from '@immut/core/provenance';
import { ReleaseNotFoundError, readReleaseDetails } from '@immut/core/release-reader';
import type { ActionContext } from '@immut/core/run-action';
import type { RolePlan } from '@immut/core/world';
import type { RoleStatus } from '@immut/core/world-status';
import { gatherRoleStatus, type ReleaseLookup } from './gather.js';

const ACTION = 'world';

function releaseLookup(octokit: GitHubClient, repository: { owner: string; repo: string }): ReleaseLookup {
  return async (tag) => {
    try {
      return (await readReleaseDetails({ octokit, ...repository, tag })).manifest;
    } catch (error) {
      if (error instanceof ReleaseNotFoundError) return undefined;
      throw error;
    }
  };
}

/** Gathers roles with the caller's Route 53 client and the readers made here; destroy() closes these. */
export function statusReaders(
  { io, env }: Pick<ActionContext, 'io' | 'env'>,
  region: string,
  route53: Route53Client,
  githubToken: string,
): { gather(plan: RolePlan, zoneId: string): Promise<RoleStatus>; destroy(): void } {
  const settings = { region, action: ACTION };
  const own = {
    ec2: createAwsClient(EC2Client, settings),
    ssm: createAwsClient(SSMClient, settings),
    rds: createAwsClient(RDSClient, settings),
  };
  const octokit = createGitHubClient({
    token: githubToken,
    env,
    action: ACTION,
    log: io,
  });
  const lookup = releaseLookup(octokit, repositoryFromEnv(env));
  return {
    gather: (plan, zoneId) => gatherRoleStatus({ ...own, route53 }, plan, zoneId, lookup),
    destroy: () => Object.values(own).forEach((c) => c.destroy()),
  };
}
