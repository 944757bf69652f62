// The part of tag-release that talks to AWS and GitHub, loaded by main.ts only once the inputs
// passed their checks: the clients are made here, never at start.
import { EC2Client } from '@aws-sdk/client-ec2';
import type { RDSClient } from '@aws-sdk/client-rds';
import { createAwsClient } from '@immut/core/aws';
import { clockFromEnv } from '@immut/core/clock';
import type { GitHubClient } from '@immut/core/github';
import type { CommonInputs } from '@immut/core/inputs';
import { repositoryFromEnv } from '@immut/core/provenance';
import type { ActionContext } from '@immut/core/run-action';
import { ACTION, type CheckedInputs } from './main.js';
import type { PromotionRequest } from './promote.js';
import { runTagRelease } from './run.js';

/** Route 53, which only a promotion reads (the source role's history record, for the gate):
 * loaded on demand, so a release that promotes nothing never loads it. */
async function route53Client(region: string) {
  const { Route53Client } = await import('@aws-sdk/client-route-53');
  return createAwsClient(Route53Client, { region, action: ACTION });
}

/** The GitHub client, with Octokit loaded on the first call: a release's first request is
 * EC2's, and Octokit with its plugins is the largest thing tag-release loads (issue #20). */
function lazyGitHubClient(ctx: ActionContext, token: string): () => Promise<GitHubClient> {
  let client: Promise<GitHubClient> | undefined;
  return () =>
    (client ??= import('@immut/core/github').then(({ createGitHubClient }) =>
      createGitHubClient({ token, env: ctx.env, action: ACTION, log: ctx.io }),
    ));
}

/** The source side of a promotion into another account: gate, guard, share (share.ts). */
async function mainShare(
  ctx: ActionContext,
  promotion: PromotionRequest & { shareWith: string },
  common: CommonInputs,
  octokit: GitHubClient,
): Promise<void> {
  const { io, env } = ctx;
  const { identity, region, dryRun } = common;
  const ec2 = createAwsClient(EC2Client, { region, action: ACTION });
  const { renderShareSummary, shareImage } = await import('./share.js');
  const route53 = await route53Client(region);
  try {
    const result = await shareImage({
      promotion,
      context: { octokit, route53, repository: repositoryFromEnv(env), identity, region },
      ec2,
      dryRun,
      io,
    });
    io.setOutput('image-id', result.imageId);
    io.setOutput('forced', String(result.forced));
    await io.appendSummary(renderShareSummary(promotion.tag, promotion.shareWith, result, dryRun));
  } finally {
    ec2.destroy();
    route53.destroy();
  }
}

/** The main step once the inputs passed: the source side of a share, or the release's record. */
export async function tagReleaseChecked(
  ctx: ActionContext,
  { inputs, identity, region, dryRun, promotion, provenance }: CheckedInputs,
): Promise<void> {
  const { io, env, cleanup } = ctx;
  const repository = repositoryFromEnv(env);
  const octokit = lazyGitHubClient(ctx, inputs.githubToken);
  if (promotion?.shareWith)
    return mainShare(
      ctx,
      { ...promotion, shareWith: promotion.shareWith },
      { identity, region, dryRun },
      await octokit(),
    );
  // EC2 of other regions: a promotion's source image there (copy.ts), made when first asked.
  const otherRegions = new Map<string, EC2Client>();
  const ec2 = createAwsClient(EC2Client, { region, action: ACTION });
  // Only a release with data reads RDS: its SDK loads then, not before the first request.
  let rds: Promise<RDSClient> | undefined;
  const clients = {
    ec2,
    ec2For: (r: string): EC2Client => {
      if (r === region) return ec2;
      const client = otherRegions.get(r) ?? createAwsClient(EC2Client, { region: r, action: ACTION });
      otherRegions.set(r, client);
      return client;
    },
    rds: () =>
      (rds ??= import('@aws-sdk/client-rds').then(({ RDSClient }) =>
        createAwsClient(RDSClient, { region, action: ACTION }),
      )),
    // Only a promotion reads Route 53 (the source role's history record, for the gate).
    ...(promotion ? { route53: await route53Client(region) } : {}),
    octokit,
  };
  try {
    await runTagRelease({
      inputs,
      ...(promotion ? { promotion } : {}),
      identity,
      region,
      dryRun,
      provenance,
      repository,
      clients,
      // The action's clock: wall time in production, the sandbox's time against the sandbox
      // (IMMUT_TIME_SCALE / IMMUT_TIME_ORIGIN), so `created` agrees with the resources' times.
      now: new Date(clockFromEnv(env).now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      clock: ctx.clock,
      io,
      env,
      cleanup,
    });
  } finally {
    clients.ec2.destroy();
    for (const client of otherRegions.values()) client.destroy();
    (await rds?.catch(() => undefined))?.destroy();
    clients.route53?.destroy();
  }
}
