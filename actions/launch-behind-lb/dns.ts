// The build's own DNS name, `<build>.<role>.<env>.<zone>`: an alias to its load balancer,
// so the build can be tried before cutover. Route 53 records carry no tags, so ownership
// is proven through the alias target: a record is only ever removed when it points at a
// load balancer carrying this build's tags.
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  ListResourceRecordSetsCommand,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import type { CleanupLog } from '@immut/core/cleanup';
import { UserError } from '@immut/core/errors';
import { bareDnsName, normalizeDnsName } from '@immut/core/naming';
import { retryThrottled, retryThrottledIf, type CallContext } from '@immut/core/throttle-retry';
import { AWS_WAITS, waitFor } from '@immut/core/wait';
import type { WaitSettings } from './health.js';
import { KIND } from './ownership.js';

export interface AliasSpec {
  zoneId: string;
  name: string;
  lbDnsName: string;
  lbZoneId: string;
}

/** The cleanup id of a record: `<zone id>/<name>`. */
export function recordId(zoneId: string, name: string): string {
  return `${zoneId}/${name}`;
}

export function parseRecordId(id: string): { zoneId: string; name: string } {
  const slash = id.indexOf('/');
  return { zoneId: id.slice(0, slash), name: id.slice(slash + 1) };
}

/** Compares alias DNS names as Route 53 does: case, trailing dot and `dualstack.` ignored. */
export function sameDnsName(a: string, b: string): boolean {
  return bareDnsName(a) === bareDnsName(b);
}

/**
 * Route 53 throttles per account, for all of its calls together (a token bucket refilled at
 * 10 requests a second: Route 53 developer guide, "Throttling of Route 53 API requests"): a
 * world releasing hundreds of roles at once meets that limit, so launch's Route 53 calls retry
 * throttling until the action's deadline (throttle-retry.ts), beyond the SDK's few attempts.
 */
export function route53Calls(wait: WaitSettings): CallContext {
  return { clock: wait.clock, log: wait.log, deadline: { remaining: wait.remaining } };
}

/** The A record of exactly `name` in the zone, if any. */
export async function findRecord(
  route53: Route53Client,
  zoneId: string,
  name: string,
  calls?: CallContext,
): Promise<ResourceRecordSet | undefined> {
  const out = await retryThrottledIf(calls, `reading DNS name ${name}`, () =>
    route53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: name,
        StartRecordType: 'A',
        MaxItems: 1,
      }),
    ),
  );
  const record = out.ResourceRecordSets?.[0];
  return record && normalizeDnsName(record.Name ?? '') === normalizeDnsName(name) && record.Type === 'A'
    ? record
    : undefined;
}

export async function waitInsync(
  route53: Route53Client,
  changeId: string,
  what: string,
  wait: WaitSettings,
): Promise<void> {
  await waitFor({
    what,
    clock: wait.clock,
    log: wait.log,
    timeoutMs: wait.remaining(),
    // A change just made: due in AWS_WAITS.route53Insync, then the waiter's cadence.
    expectedMs: AWS_WAITS.route53Insync.expectedMs,
    minDelayMs: AWS_WAITS.route53Insync.cadenceMs,
    maxDelayMs: 30_000,
    check: async () => {
      const out = await retryThrottled(route53Calls(wait), `reading change ${changeId}`, () =>
        route53.send(new GetChangeCommand({ Id: changeId })),
      );
      const status = out.ChangeInfo?.Status ?? 'unknown';
      return status === 'INSYNC' ? { done: true, value: undefined } : { done: false, state: status };
    },
  });
}

/**
 * Creates the alias (CREATE, so a record someone else made is never overwritten) and waits
 * until Route 53 reports it INSYNC. The CREATE comes first, without a look beforehand: the
 * usual release finds no record, and a refused CREATE says when one exists. A record already
 * aliasing this load balancer (an earlier attempt) is then kept as it is. With `madeByPrepare`
 * (a prepare step of this run made the front end, and with it the name: prepare.ts) the record
 * is read first instead, and kept without a change or a wait when it aliases the load balancer.
 */
export async function ensureBuildRecord(
  route53: Route53Client,
  spec: AliasSpec,
  cleanup: Pick<CleanupLog, 'record'> & Partial<Pick<CleanupLog, 'forget'>>,
  region: string,
  wait: WaitSettings,
  madeByPrepare = false,
): Promise<{ created: boolean; changeId?: string }> {
  const calls = route53Calls(wait);
  if (madeByPrepare) {
    const existing = await findRecord(route53, spec.zoneId, spec.name, calls);
    if (existing?.AliasTarget && sameDnsName(existing.AliasTarget.DNSName ?? '', spec.lbDnsName)) {
      wait.log(`DNS name ${spec.name} was made with the load balancer by the prepare step; keeping it.`);
      return { created: false };
    }
  }
  // Recorded before the CREATE: a run cancelled between the two must not leave the name
  // behind (post deletes it only if it exists and aliases this build's load balancer).
  const id = recordId(spec.zoneId, spec.name);
  cleanup.record({ kind: KIND.dnsRecord, id, region });
  let changeId: string;
  try {
    const out = await retryThrottled(calls, `creating DNS name ${spec.name}`, () =>
      createAlias(route53, spec),
    );
    changeId = out.ChangeInfo?.Id ?? '';
  } catch (error) {
    if (!(error instanceof Error && error.name === 'InvalidChangeBatch')) throw error;
    // Refused: nothing of this attempt's to remove. Most often the name exists already.
    cleanup.forget?.(KIND.dnsRecord, id);
    const existing = await findRecord(route53, spec.zoneId, spec.name, calls);
    if (!existing) throw error;
    const alias = existing.AliasTarget;
    if (alias && sameDnsName(alias.DNSName ?? '', spec.lbDnsName)) {
      wait.log(`DNS name ${spec.name} already points at the load balancer; keeping it.`);
      return { created: false };
    }
    const target = alias
      ? `alias ${alias.DNSName}`
      : (existing.ResourceRecords ?? []).map((r) => r.Value).join(', ');
    throw new UserError(
      `DNS name ${spec.name} already exists and points elsewhere (${target}); immut does not overwrite a record it cannot prove it made. Delete it, or launch a new build.`,
    );
  }
  await waitInsync(route53, changeId, `DNS name ${spec.name} to be in sync`, wait);
  return { created: true, changeId };
}

/** The build name's CREATE (never an overwrite). */
async function createAlias(route53: Route53Client, spec: AliasSpec) {
  return route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: spec.zoneId,
      ChangeBatch: {
        Comment: `immut launch-behind-lb: build name ${spec.name}`,
        Changes: [
          {
            Action: 'CREATE',
            ResourceRecordSet: {
              Name: spec.name,
              Type: 'A',
              AliasTarget: {
                HostedZoneId: spec.lbZoneId,
                DNSName: spec.lbDnsName,
                EvaluateTargetHealth: true,
              },
            },
          },
        ],
      },
    }),
  );
}

/** Deletes the record exactly as it is (Route 53 requires every value to match). */
export async function deleteRecord(
  route53: Route53Client,
  zoneId: string,
  record: ResourceRecordSet,
): Promise<void> {
  await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      ChangeBatch: { Changes: [{ Action: 'DELETE', ResourceRecordSet: record }] },
    }),
  );
}
