// Changing the name safely: every change is a compare-and-swap batch (DELETE exactly what was
// read, CREATE what should be), so a concurrent change makes Route 53 reject the whole batch
// instead of being silently overwritten; then wait for INSYNC and ask Route 53 what it answers.
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  TestDNSAnswerCommand,
  type Change,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import type { Clock } from '@immut/core/clock';
import { UserError } from '@immut/core/errors';
import { type CallContext, retryThrottled } from '@immut/core/throttle-retry';
import { AWS_WAITS, waitFor } from '@immut/core/wait';
import { type AliasTarget, type RecordSet, bareDnsName } from './records.js';

/** The name's records (A) and its history (TXT) at one moment. */
export interface Snapshot {
  records: RecordSet[];
  history: RecordSet | undefined;
}

/** The batch that turns `from` into `to`, valid only if `from` is still exactly there. */
export function casBatch(from: Snapshot, to: Snapshot): Change[] {
  const deletes = [...from.records, ...(from.history ? [from.history] : [])];
  const creates = [...to.records, ...(to.history ? [to.history] : [])];
  return [
    ...deletes.map((r): Change => ({ Action: 'DELETE', ResourceRecordSet: r })),
    ...creates.map((r): Change => ({ Action: 'CREATE', ResourceRecordSet: r })),
  ];
}

/** Raised when the name changed between our read and our write. */
export class ConcurrentChangeError extends UserError {
  override name = 'ConcurrentChangeError';
}

/** Canonical form of a snapshot, for "is it still what we read / what we wrote?". */
export function snapshotKey(s: Snapshot): string {
  const norm = (r: RecordSet) =>
    JSON.stringify([
      r.Name?.toLowerCase(),
      r.Type,
      r.SetIdentifier ?? null,
      r.Weight ?? null,
      r.TTL ?? null,
      (r.ResourceRecords ?? []).map((v) => v.Value).sort(),
      r.AliasTarget
        ? [
            r.AliasTarget.HostedZoneId?.replace(/^\/hostedzone\//, ''),
            bareDnsName(r.AliasTarget.DNSName ?? ''),
            r.AliasTarget.EvaluateTargetHealth,
          ]
        : null,
    ]);
  return JSON.stringify([s.records.map(norm).sort(), s.history ? norm(s.history) : null]);
}

export interface ApplyOptions {
  route53: Route53Client;
  calls: CallContext;
  zoneId: string;
  from: Snapshot;
  to: Snapshot;
  comment: string;
  /** More changes for the same batch, applied with it or not at all (the lease: core lease.ts). */
  with?: Change[];
  /** Re-reads the name, to tell a concurrent change from any other rejection. */
  reread: () => Promise<Snapshot>;
}

/**
 * Sends the compare-and-swap batch. Returns the change id, or undefined when the batch had
 * already been applied (a request the SDK retried after a lost response).
 */
export async function applyBatch(options: ApplyOptions): Promise<string | undefined> {
  const { route53, calls, zoneId, from, to, comment } = options;
  try {
    const out = await retryThrottled(calls, 'changing the record', () =>
      route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: { Comment: comment, Changes: [...(options.with ?? []), ...casBatch(from, to)] },
        }),
      ),
    );
    return out.ChangeInfo?.Id?.replace(/^\/change\//, '');
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'InvalidChangeBatch') throw error;
    const now = await options.reread();
    if (snapshotKey(now) === snapshotKey(to)) {
      calls.log('The change was already applied (an earlier attempt of the same request succeeded).');
      return undefined;
    }
    if (snapshotKey(now) !== snapshotKey(from)) {
      throw new ConcurrentChangeError(
        `the record changed since it was read; is another cutover running? Route 53 refused the change (${error.message}).`,
      );
    }
    throw error;
  }
}

/** Waits until Route 53 reports the change INSYNC on all its servers. */
export async function waitInSync(
  route53: Route53Client,
  calls: CallContext,
  changeId: string,
  clock: Clock,
): Promise<void> {
  // Changes usually take 30–60 s: the first look comes when the change is due and polls
  // stay at the waiter's cadence, because GetChange counts against the account's Route 53
  // request rate too (AWS_WAITS.route53Insync).
  await waitFor({
    what: `Route 53 change ${changeId} to be INSYNC`,
    check: async () => {
      const out = await retryThrottled(calls, `reading change ${changeId}`, () =>
        route53.send(new GetChangeCommand({ Id: changeId })),
      );
      const status = out.ChangeInfo?.Status ?? 'unknown';
      return status === 'INSYNC' ? { done: true, value: undefined } : { done: false, state: status };
    },
    timeoutMs: calls.deadline.remaining(),
    clock,
    log: calls.log,
    expectedMs: AWS_WAITS.route53Insync.expectedMs,
    minDelayMs: AWS_WAITS.route53Insync.cadenceMs,
    maxDelayMs: 30_000,
  });
}

/** Resolves a host name to IPv4 addresses (node's resolver in production). */
export type Resolve4 = (host: string) => Promise<string[]>;

export interface Answer {
  code: string;
  data: string[];
}

export async function testAnswer(
  route53: Route53Client,
  calls: CallContext,
  zoneId: string,
  name: string,
): Promise<Answer> {
  const out = await retryThrottled(calls, `asking Route 53 for ${name}`, () =>
    route53.send(new TestDNSAnswerCommand({ HostedZoneId: zoneId, RecordName: name, RecordType: 'A' })),
  );
  return { code: out.ResponseCode ?? 'unknown', data: out.RecordData ?? [] };
}

/**
 * Whether an answer is one of `targets`. Route 53 answers an alias to a load balancer with
 * the load balancer's addresses, so those are compared with what its DNS name resolves to;
 * an answer naming the load balancer itself also counts.
 */
export async function answerMatches(
  answer: Answer,
  targets: readonly AliasTarget[],
  resolve4: Resolve4,
): Promise<boolean> {
  if (answer.code !== 'NOERROR' || answer.data.length === 0) return false;
  const data = answer.data.map(bareDnsName);
  if (targets.some((t) => data.includes(bareDnsName(t.dnsName)))) return true;
  for (const t of targets) {
    const addresses = await resolve4(bareDnsName(t.dnsName)).catch(() => [] as string[]);
    if (addresses.some((a) => data.includes(a))) return true;
  }
  return false;
}
