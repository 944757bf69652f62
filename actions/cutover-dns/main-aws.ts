// The part of cutover-dns that talks to AWS, loaded by main.ts only once the inputs passed
// their checks: the SDK clients are made here, never at start.
import { resolve4 } from 'node:dns/promises';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { Route53Client } from '@aws-sdk/client-route-53';
import { createAwsClient } from '@immut/core/aws';
import { InputError } from '@immut/core/errors';
import { nameProblem, zoneOfInputs } from '@immut/core/hosted-zone';
import { type Lease, type LeaseRequest, acquireLease, holdFor, leaseInBatch } from '@immut/core/lease';
import { provenanceFromEnv } from '@immut/core/provenance';
import type { ActionContext } from '@immut/core/run-action';
import type { CallContext } from '@immut/core/throttle-retry';
import { deadlineFrom } from '@immut/core/wait';
import { type CutoverDeps, type CutoverRequest, LeaseNotTaken, newProgress, runCutover } from './cutover.js';
import { ACTION, type CheckedInputs } from './main.js';
import { renderSummary, writeOutputs } from './summary.js';

const ROUTE53_SDK_ATTEMPTS = 2;

export async function cutover(
  { io, env, clock }: ActionContext,
  { inputs, common }: CheckedInputs,
): Promise<void> {
  const settings = { region: common.region, action: ACTION };
  // The SDK's retries know no deadline and sleep in wall time: one quick retry there, then
  // retryThrottled keeps going with jittered backoff on the action's clock until the deadline
  // (Route 53's account-wide rate is low; PriorRequestNotComplete can last a while).
  const route53 = createAwsClient(Route53Client, { ...settings, maxAttempts: ROUTE53_SDK_ATTEMPTS });
  const elb = createAwsClient(ElasticLoadBalancingV2Client, settings);
  const calls: CallContext = {
    clock,
    deadline: deadlineFrom(clock, inputs.timeout ?? 30 * 60_000),
    log: (line) => io.info(line),
  };
  const zone = await zoneOfInputs(route53, inputs, calls);
  const outside = nameProblem(inputs.name, zone);
  if (outside) throw new InputError([outside]);

  const request: CutoverRequest = {
    zone,
    name: inputs.name.toLowerCase().replace(/\.$/, ''),
    identity: common.identity,
    region: common.region,
    mode: inputs.mode ?? 'cutover',
    ...(inputs.targetDnsName && inputs.targetZoneId
      ? { target: { dnsName: inputs.targetDnsName, zoneId: inputs.targetZoneId } }
      : {}),
    ...(inputs.targetGroupArns ? { targetGroupArns: inputs.targetGroupArns } : {}),
    strategy: inputs.strategy ?? 'swap',
    steps: inputs.steps ?? [100],
    stepWaitMs: inputs.stepWait ?? 0,
    dryRun: common.dryRun,
    runUrl: provenanceFromEnv(env).runUrl,
  };
  io.info(
    `${request.mode === 'rollback' ? 'Rolling back' : 'Cutting over'} ${request.name} in zone ${zone.name} (${zone.id}, ${zone.privateZone ? 'private' : 'public'}), strategy ${request.strategy}${request.dryRun ? ', dry run' : ''}`,
  );
  let progress = newProgress();
  let lease: Lease | undefined;
  const deps: CutoverDeps = { route53, elb, calls, clock, resolve4: (host) => resolve4(host) };
  try {
    // Cutover, rollback and retirement of one name take turns (see core's lease.ts); a dry
    // run changes nothing and takes no lease.
    if (request.dryRun) await runCutover(request, deps, progress);
    else {
      const leaseRequest: LeaseRequest = {
        route53,
        zoneId: zone.id,
        name: request.name,
        holder: `cutover-dns:${request.mode}:${common.identity.role}/${common.identity.env}:${common.identity.build}`,
        run: request.runUrl,
        holdMs: holdFor(calls.deadline.remaining()),
        clock,
        deadline: calls.deadline,
        log: calls.log,
      };
      // The lease goes with the first change (one request and one change batch fewer per
      // release). If that batch is refused with the name as read, a lease exists: take it as a
      // waiting run does, then start again from a fresh read. A name changed since it was read
      // fails the run, as it does while holding the lease.
      const taking = leaseInBatch(leaseRequest);
      try {
        await runCutover(request, deps, progress, {
          change: taking.change,
          taken: () => {
            lease = taking.taken();
          },
        });
      } catch (error) {
        if (!(error instanceof LeaseNotTaken)) throw error;
        calls.log(
          `Route 53 refused the change that would also take the lease (${error.message}); taking the lease first, then reading ${request.name} again.`,
        );
        lease = await acquireLease(leaseRequest);
        progress = newProgress();
        await runCutover(request, deps, progress);
      }
    }
    for (const [i, batch] of progress.batches.entries()) {
      io.info(
        `Dry run: change batch ${i + 1} would ${batch.description}:\n${JSON.stringify(batch.changes, null, 2)}`,
      );
    }
  } finally {
    await lease?.release();
    writeOutputs(io, progress);
    await io.appendSummary(
      renderSummary(
        {
          name: request.name,
          zoneName: zone.name,
          mode: request.mode,
          strategy: request.strategy,
        },
        progress,
      ),
    );
    route53.destroy();
    elb.destroy();
  }
}
