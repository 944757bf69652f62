// The fleet's part of a retirement, loaded by main-aws.ts once the role's name is read: the
// clients of EC2, Elastic Load Balancing, Auto Scaling and RDS, discovery by tags, the plan
// and the deletions. Also mode unshare, which needs EC2 alone.
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RDSClient } from '@aws-sdk/client-rds';
import type { Route53Client } from '@aws-sdk/client-route-53';
import { createAwsClient } from '@immut/core/aws';
import type { Zone } from '@immut/core/hosted-zone';
import type { CommonInputs } from '@immut/core/inputs';
import { provenanceFromEnv } from '@immut/core/provenance';
import type { ActionContext } from '@immut/core/run-action';
import { deadlineFrom } from '@immut/core/wait';
import { discover } from './discover.js';
import { readLive, type Live } from './live.js';
import { ACTION, type CheckedRetire } from './main.js';
import { plan } from './plan.js';
import { type Outcome, type RetireContext, carryOut, describeResources } from './retire.js';
import { renderSummary, writeOutputs } from './summary.js';
import { unshareRetired } from './unshare.js';

/** `mode: unshare` (unshare.ts), with the source account's credentials. */
export async function unshareChecked(
  io: ActionContext['io'],
  common: CommonInputs,
  retired: string[],
): Promise<void> {
  const who = { role: common.identity.role, env: common.identity.env };
  const ec2 = createAwsClient(EC2Client, { region: common.region, action: ACTION });
  try {
    const decisions = await unshareRetired(ec2, who, retired, {
      dryRun: common.dryRun,
      log: (line) => io.info(line),
    });
    const taken = decisions.filter((d) => d.unshare);
    io.setOutput('unshared', JSON.stringify(taken.map((d) => d.imageId)));
    await io.appendSummary(
      [
        `## ${common.dryRun ? 'Would take back' : 'Took back'} ${taken.length} share(s) of ${who.role} images with ${who.env}'s account`,
        '',
        ...decisions.map(
          (d) =>
            `- \`${d.imageId}\` (account ${d.account || 'none'}): ${d.unshare ? 'unshared' : 'kept'}, ${d.reason}`,
        ),
        '',
      ].join('\n'),
    );
  } finally {
    ec2.destroy();
  }
}

/** What main-aws.ts read before the fleet's clients loaded. */
export interface NameRead {
  route53: Route53Client;
  zone: Zone;
  /** The role's name, lower case, no trailing dot. */
  name: string;
  live: Live;
}

/** Finds the role's builds, decides and retires, with the name as main-aws.ts read it. */
export async function retireFleet(
  { io, env, clock }: ActionContext,
  { inputs, common }: CheckedRetire,
  { route53, zone, name, live }: NameRead,
): Promise<void> {
  const who = { role: common.identity.role, env: common.identity.env };
  const aws = { region: common.region, action: ACTION };
  const fleet = {
    autoscaling: createAwsClient(AutoScalingClient, aws),
    ec2: createAwsClient(EC2Client, aws),
    elb: createAwsClient(ElasticLoadBalancingV2Client, aws),
    rds: createAwsClient(RDSClient, aws),
  };
  const clients = { ...fleet, route53 };
  try {
    const inventory = await discover(clients, who);
    const settings = { keep: inputs.keep ?? 2, keepImages: inputs.keepImages ?? 1 };
    const decided = plan(inventory, live, settings, who.env);
    const ctx: RetireContext = {
      clients,
      who,
      zone,
      clock,
      deadline: deadlineFrom(clock, inputs.timeout ?? 30 * 60_000),
      log: (line) => io.info(line),
      finalSnapshot: inputs.finalSnapshot ?? false,
      name,
      run: provenanceFromEnv(env).runUrl,
      build: common.identity.build,
      readLive: () => readLive(clients.route53, zone.id, name, who),
      inventory,
      settings,
    };
    io.info(
      `${name}: live build ${live.history?.current.build ?? '(none)'}, previous ${live.history?.previous?.build ?? '(none)'}; ${inventory.builds.length} build(s) and ${inventory.images.length} image(s) of role '${who.role}' in env '${who.env}' found${common.dryRun ? ' (dry run)' : ''}.`,
    );
    for (const d of decided.builds) {
      io.info(
        `${d.retire ? (common.dryRun ? 'Would retire' : 'Retire') : 'Keep'} build ${d.build}: ${d.reason}`,
      );
      if (d.retire && common.dryRun)
        for (const line of describeResources(d, ctx)) io.info(`  would delete ${line}`);
    }
    for (const d of decided.images) {
      io.info(
        `${d.retire ? (common.dryRun ? 'Would delete' : 'Delete') : 'Keep'} image ${d.image.id}: ${d.reason}`,
      );
    }
    for (const s of inventory.orphanSnapshots) {
      io.info(
        `${common.dryRun ? 'Would delete' : 'Delete'} snapshot ${s.id}: its image ${s.imageId} is gone (an interrupted retirement left it).`,
      );
    }
    let outcome: Outcome | undefined;
    if (!common.dryRun) outcome = await carryOut(ctx, live, decided);
    writeOutputs(io, decided);
    await io.appendSummary(
      renderSummary(
        {
          name,
          dryRun: common.dryRun,
          ...(live.history ? { live: live.history.current.build } : {}),
          describe: (build) => {
            const d = decided.builds.find((x) => x.build === build);
            return d ? describeResources(d, ctx) : [];
          },
        },
        decided,
        outcome,
      ),
    );
  } finally {
    for (const client of Object.values(fleet)) client.destroy();
  }
}
