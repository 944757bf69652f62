// The part of retire-release that talks to AWS, loaded by main.ts only once the inputs passed
// their checks: the SDK clients are made here, never at start.
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { createAwsClient } from '@immut/core/aws';
import { InputError } from '@immut/core/errors';
import { nameProblem, zoneOfInputs } from '@immut/core/hosted-zone';
import type { CommonInputs } from '@immut/core/inputs';
import { roleDnsName } from '@immut/core/naming';
import { provenanceFromEnv } from '@immut/core/provenance';
import type { ActionContext } from '@immut/core/run-action';
import { deadlineFrom } from '@immut/core/wait';
import { discover } from './discover.js';
import { readLive } from './live.js';
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

/** Mode retire once the inputs passed: finds, decides and retires. */
export async function retireChecked(
  { io, env, clock }: ActionContext,
  { inputs, zone: zoneInput, hostedZone, common }: CheckedRetire,
): Promise<void> {
  const who = { role: common.identity.role, env: common.identity.env };
  const settings = { region: common.region, action: ACTION };
  const clients = {
    autoscaling: createAwsClient(AutoScalingClient, settings),
    ec2: createAwsClient(EC2Client, settings),
    elb: createAwsClient(ElasticLoadBalancingV2Client, settings),
    rds: createAwsClient(RDSClient, settings),
    route53: createAwsClient(Route53Client, settings),
  };
  try {
    // Given hosted-zone (release.yml passes launch's), no Route 53 call looks the zone up.
    const zone = await zoneOfInputs(clients.route53, { zone: zoneInput, hostedZone });
    const name = (inputs.name ?? roleDnsName(who, zone.name)).toLowerCase().replace(/\.$/, '');
    const outside = nameProblem(name, zone);
    if (outside) throw new InputError([outside]);
    const live = await readLive(clients.route53, zone.id, name, who);
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
    for (const client of Object.values(clients)) client.destroy();
  }
}
