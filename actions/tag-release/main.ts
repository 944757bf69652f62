// tag-release: records a release as data — an annotated git tag and a GitHub release that
// carry the validated manifest, and `immut:release` tags on the AWS resources it names.
//
// Post step: a run that failed after creating the tag or the release keeps them. A pushed
// tag is public history that other jobs may already have read, and deleting it would be
// the rewrite a release must never suffer. Nothing is lost by keeping it: a re-run of the
// same job has the same build and inputs, so it produces the identical manifest, which is
// recognised and completed (missing release, asset, AWS tags); a different manifest needs
// a new build anyway. So the post step only reports what the failed run left and how to
// finish or remove it.
import { EC2Client } from '@aws-sdk/client-ec2';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { createAwsClient } from '@immut/core/aws';
import { clockFromEnv } from '@immut/core/clock';
import { InputError, UserError } from '@immut/core/errors';
import { createGitHubClient, repositoryFromEnv } from '@immut/core/github';
import { readInputs, resolveCommon } from '@immut/core/inputs';
import { provenanceFromEnv } from '@immut/core/provenance';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import { checkManifestInputs } from './build-manifest.js';
import { tagReleaseInputs } from './inputs.js';
import { promotionInputProblems, type PromotionRequest } from './promote.js';
import { runTagRelease } from './run.js';

const ACTION = 'tag-release';

function timeScale(env: ActionContext['env']): number {
  const raw = Number(env['IMMUT_TIME_SCALE'] || 1);
  return Number.isFinite(raw) && raw >= 1 ? raw : 1;
}

async function main({ io, env, cleanup }: ActionContext): Promise<void> {
  const inputs = readInputs(tagReleaseInputs, io.getInput);
  io.setSecret(inputs.githubToken);
  const { identity, region, dryRun } = resolveCommon(inputs, env);
  const problems = [...promotionInputProblems(inputs), ...checkManifestInputs(inputs)];
  if (problems.length > 0) throw new InputError(problems);
  const promotion: PromotionRequest | undefined = inputs.promotedFrom
    ? {
        tag: inputs.promotedFrom,
        zone: inputs.promotedFromZone ?? '',
        name: inputs.promotedFromName ?? '',
        force: inputs.force ?? false,
      }
    : undefined;
  const provenance = provenanceFromEnv(env);
  if (!/^[0-9a-f]{40}$/.test(provenance.sha)) {
    throw new UserError(
      `GITHUB_SHA is '${provenance.sha}', expected a commit sha; run this action in a workflow.`,
    );
  }
  const repository = repositoryFromEnv(env);
  const clients = {
    ec2: createAwsClient(EC2Client, { region, action: ACTION }),
    rds: createAwsClient(RDSClient, { region, action: ACTION }),
    // Only a promotion reads Route 53 (the source role's history record, for the gate).
    ...(promotion ? { route53: createAwsClient(Route53Client, { region, action: ACTION }) } : {}),
    octokit: createGitHubClient({
      token: inputs.githubToken,
      env,
      action: ACTION,
      log: io,
      timeScale: timeScale(env),
    }),
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
      io,
      env,
      cleanup,
    });
  } finally {
    clients.ec2.destroy();
    clients.rds.destroy();
    clients.route53?.destroy();
  }
}

async function post({ io, cleanup }: ActionContext): Promise<void> {
  const left = cleanup.created();
  if (cleanup.succeeded() || left.length === 0) return;
  const list = left.map((r) => `${r.kind} ${r.id} (${r.region})`).join(', ');
  io.warning(
    `The run stopped after recording part of the release: ${list}. They are kept on purpose (a release is never rewritten): re-run this job to complete the release; it recognises the identical manifest. If this release should not exist, delete its git tag and GitHub release by hand.`,
  );
}

export const tagRelease: ActionDefinition = { name: ACTION, main, post };
