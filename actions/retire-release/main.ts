// retire-release: removes the builds of a role and env that are no longer needed, safely and
// on time. It finds every build immut created (by tags), reads what is live (the role's name
// and its history record), keeps the live build, whatever the name points at and the newest
// `keep` builds, and deletes the rest once DNS caches and connection draining are over.
// It creates nothing (a final DB snapshot is asked for, not left behind by failure), so there
// is no post step: a failed run is finished by running it again.
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { createAwsClient } from '@immut/core/aws';
import { historyName } from '@immut/core/dns-history';
import { InputError } from '@immut/core/errors';
import { nameProblem, resolveZone, zoneInputProblem } from '@immut/core/hosted-zone';
import { readInputs, resolveCommon } from '@immut/core/inputs';
import { provenanceFromEnv } from '@immut/core/provenance';
import { roleDnsName } from '@immut/core/naming';
import type { ActionContext, ActionDefinition } from '@immut/core/run-action';
import { deadlineFrom } from '@immut/core/wait';
import { discover } from './discover.js';
import { retireReleaseInputs } from './inputs.js';
import { readLive } from './live.js';
import { plan } from './plan.js';
import { type Outcome, type RetireContext, carryOut, describeResources } from './retire.js';
import { renderSummary, writeOutputs } from './summary.js';

const ACTION = 'retire-release';
/** Longest name whose history record (`_immut-history.<name>`) is still a valid DNS name. */
const MAX_NAME_LENGTH = 253 - '_immut-history.'.length;

async function main({ io, env, clock }: ActionContext): Promise<void> {
  const inputs = readInputs(retireReleaseInputs, io.getInput);
  const common = resolveCommon(inputs, env);
  const problems: string[] = [];
  const zoneProblem = zoneInputProblem(inputs.zone);
  if (zoneProblem) problems.push(zoneProblem);
  if (inputs.name !== undefined && inputs.name.replace(/\.$/, '').length > MAX_NAME_LENGTH) {
    problems.push(
      `Input 'name' was '${inputs.name}': too long to have a history record ${historyName(inputs.name)} beside it; expected at most ${MAX_NAME_LENGTH} characters.`,
    );
  }
  if (problems.length > 0) throw new InputError(problems);

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
    const zone = await resolveZone(clients.route53, inputs.zone);
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

export const retireRelease: ActionDefinition = { name: ACTION, main };
