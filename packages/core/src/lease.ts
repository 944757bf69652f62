// One run at a time may change a role's name or delete its builds: cutover, rollback and
// retirement of one role and env take a lease first. GitHub's `concurrency` cannot be that
// lock: it keeps one pending run per group and cancels the older pending one, so a queued
// emergency rollback could silently vanish, and it knows nothing of runs from other
// workflows or repositories. The lease is a TXT record beside the name,
// `_immut-lease.<name>`, holding who holds it, the run and when it expires. It is taken by
// compare-and-swap: CREATE when there is none, or one batch that DELETEs exactly the record
// read and CREATEs ours, which Route 53 refuses whole if the record changed meanwhile, so two
// runs can never both win. An expired lease (its holder was killed) may be taken over.
import { randomBytes } from 'node:crypto';
import {
  ChangeResourceRecordSetsCommand,
  type Change,
  type ResourceRecordSet,
  type Route53Client,
} from '@aws-sdk/client-route-53';
import type { Clock } from './clock.js';
import { fqdn } from './dns-history.js';
import { GuardError, UserError, describeError } from './errors.js';
import { recordSetsAt } from './hosted-zone.js';
import { MANAGED_BY_VALUE } from './tags.js';
import { type CallContext, retryThrottled } from './throttle-retry.js';
import { type Deadline, deadlineFrom } from './wait.js';

export const LEASE_PREFIX = '_immut-lease.';
const LEASE_TTL = 60;
const VERSION = '1';
/** How often a waiting run looks at the lease again (Route 53's request rate is low). */
const POLL_MS = 15_000;
/** How long giving a lease back retries throttling. */
const RELEASE_RETRY_MS = 5 * 60_000;

export function leaseName(name: string): string {
  return fqdn(`${LEASE_PREFIX}${name}`);
}

/** What a lease record says. */
export interface LeaseInfo {
  /** Who holds it, e.g. `retire-release:api/prod:b0042`. */
  holder: string;
  /** The holder's run URL, or empty. */
  run: string;
  /** ISO time after which it may be taken over. */
  expires: string;
  /** Unique per taking, so a holder releases only its own lease. */
  token: string;
}

export interface LeaseRequest {
  route53: Route53Client;
  zoneId: string;
  /** The role's name the lease guards. */
  name: string;
  holder: string;
  run: string;
  /** How long the lease holds before others may take it over (cover the whole run). */
  holdMs: number;
  clock: Clock;
  /** Waiting for another holder stops here, with an error naming it. */
  deadline: Deadline;
  log: (line: string) => void;
}

/** A lease this run holds; `release` gives it back (and never throws). */
export interface Lease {
  info: LeaseInfo;
  release(): Promise<void>;
}

// Holder and run are written into TXT strings: no quotes, spaces or backslashes, and short.
function field(key: string, value: string): string {
  const text = `${key}=${value}`;
  if (/["\s\\]/.test(text) || text.length > 255) {
    throw new Error(`lease value ${key} cannot be stored in a TXT string: '${value.slice(0, 80)}'`);
  }
  return `"${text}"`;
}

/** A run URL as stored: '-' when there is none or it could not be stored as one string. */
function safeRun(run: string): string {
  return run && !/["\s\\]/.test(run) && run.length <= 200 ? run : '-';
}

export function leaseRecord(name: string, info: LeaseInfo): ResourceRecordSet {
  return {
    Name: leaseName(name),
    Type: 'TXT',
    TTL: LEASE_TTL,
    ResourceRecords: [
      {
        Value: [
          field('immut-lease', VERSION),
          field('managed-by', MANAGED_BY_VALUE),
          field('holder', info.holder),
          field('run', safeRun(info.run)),
          field('expires', info.expires),
          field('token', info.token),
        ].join(' '),
      },
    ],
  };
}

/** Reads a lease record; anything else at that name is refused, never overwritten. */
export function parseLease(record: ResourceRecordSet): LeaseInfo {
  const f = new Map<string, string>();
  for (const { Value } of record.ResourceRecords ?? []) {
    for (const [, text = ''] of (Value ?? '').matchAll(/"([^"]*)"/g)) {
      const eq = text.indexOf('=');
      if (eq > 0) f.set(text.slice(0, eq), text.slice(eq + 1));
    }
  }
  const holder = f.get('holder');
  const expires = f.get('expires');
  const token = f.get('token');
  if (
    f.get('immut-lease') === undefined ||
    !holder ||
    !expires ||
    !token ||
    Number.isNaN(Date.parse(expires))
  ) {
    throw new GuardError(
      `Refusing to use ${record.Name}: that TXT record is not an immut lease (it holds ${JSON.stringify(record.ResourceRecords?.map((r) => r.Value)).slice(0, 200)}). Delete it by hand if nothing of yours uses it.`,
    );
  }
  const run = f.get('run') ?? '';
  return { holder, run: run === '-' ? '' : run, expires, token };
}

function describeHolder(info: LeaseInfo): string {
  return `${info.holder}${info.run ? ` (run ${info.run})` : ''}, until ${info.expires}`;
}

/** Whether a change batch was refused because the records were not as the batch expected. */
function lostRace(error: unknown): boolean {
  return error instanceof Error && error.name === 'InvalidChangeBatch';
}

/**
 * Takes the lease on `name`, waiting while another run holds it (until the deadline, then
 * failing with an error naming the holder) and taking over an expired one.
 */
export async function acquireLease(request: LeaseRequest): Promise<Lease> {
  const { route53, zoneId, name, clock, deadline, log } = request;
  const calls: CallContext = { clock, deadline, log };
  const lname = leaseName(name);
  // Most runs find no lease: a CREATE first takes it in one call, and only a refused CREATE
  // (a lease exists) leads to reading it.
  const first = await createFirst(request, calls);
  if ('lease' in first) return first.lease;
  let seen: { record: ResourceRecordSet | undefined } | undefined = first;
  let waitingFor: string | undefined;
  for (;;) {
    // The record the refused CREATE read, then a fresh read each round.
    const [existing] = seen ? [seen.record] : await recordSetsAt(route53, zoneId, lname, 'TXT', calls);
    seen = undefined;
    const current = existing ? parseLease(existing) : undefined;
    const now = clock.now();
    const expired = current !== undefined && Date.parse(current.expires) <= now;
    // An earlier attempt of this very run (killed, so it never released): attempts of one
    // run never overlap, so its lease is this run's to take back.
    const earlierAttempt =
      current !== undefined &&
      current.run !== '' &&
      current.run === request.run &&
      current.holder === request.holder;
    if (!current || expired || earlierAttempt) {
      const info = freshLease(request);
      const mine = leaseRecord(name, info);
      const changes: Change[] = [
        ...(existing ? [{ Action: 'DELETE' as const, ResourceRecordSet: existing }] : []),
        { Action: 'CREATE', ResourceRecordSet: mine },
      ];
      if (current && earlierAttempt && !expired)
        log(
          `The lease ${lname} is held by an earlier attempt of this run (${describeHolder(current)}); taking it back.`,
        );
      else if (current) log(`The lease ${lname} of ${describeHolder(current)} has expired; taking it over.`);
      try {
        await retryThrottled(calls, `taking the lease ${lname}`, () =>
          route53.send(
            new ChangeResourceRecordSetsCommand({
              HostedZoneId: zoneId,
              ChangeBatch: { Comment: `immut lease: ${request.holder}`.slice(0, 256), Changes: changes },
            }),
          ),
        );
      } catch (error) {
        if (!lostRace(error)) throw error;
        // Ours already, when an earlier attempt of this request succeeded but its answer
        // was lost (the SDK retried it); otherwise another run changed the lease between our
        // read and our write: look again.
        const [after] = await recordSetsAt(route53, zoneId, lname, 'TXT', calls);
        if (after && parseLease(after).token === info.token) {
          log(`Holding the lease ${lname} until ${info.expires}.`);
          return { info, release: () => releaseLease(request, info) };
        }
        continue;
      }
      log(`Holding the lease ${lname} until ${info.expires}.`);
      return { info, release: () => releaseLease(request, info) };
    }
    if (deadline.remaining() <= 0) {
      throw new UserError(
        `Could not take the lease ${lname}: it is held by ${describeHolder(current)}, and this run's timeout ran out waiting for it. Let that run finish (or cancel it; its lease then expires at the time shown) and run this again.`,
      );
    }
    if (waitingFor !== current.token) {
      waitingFor = current.token;
      log(`Waiting for the lease ${lname}: held by ${describeHolder(current)}.`);
    }
    await clock.sleep(Math.max(1, Math.min(POLL_MS, deadline.remaining())));
  }
}

/** The lease as a fresh holding by `request`, from now. */
function freshLease(request: LeaseRequest): LeaseInfo {
  return {
    holder: request.holder,
    run: request.run,
    expires: new Date(request.clock.now() + request.holdMs).toISOString(),
    token: randomBytes(8).toString('hex'),
  };
}

/** A lease to take inside another change batch of the same zone (see leaseInBatch). */
export interface LeaseChange {
  /** The CREATE that takes the lease, to send as one change of that batch. */
  change: Change;
  /** The lease, once the batch that carried `change` was applied. */
  taken(): Lease;
}

/**
 * The lease as one change of a run's first change batch, instead of a batch of its own before
 * the run: Route 53 applies a batch whole or not at all, so that batch takes the lease (refused
 * if any lease exists) and makes its change in one step, with no request between them for
 * another run to come in. What the run did before that batch (reading, checking) was done
 * without the lease, so a refused batch means: take the lease with acquireLease, then start
 * again from a fresh read. Saves a request and a change batch per run, which many releases at
 * once spend against the account's Route 53 rate and the zone's change rate.
 */
export function leaseInBatch(request: LeaseRequest): LeaseChange {
  const info = freshLease(request);
  return {
    change: { Action: 'CREATE', ResourceRecordSet: leaseRecord(request.name, info) },
    taken: () => {
      request.log(
        `Holding the lease ${leaseName(request.name)} until ${info.expires} (taken with the change).`,
      );
      return { info, release: () => releaseLease(request, info) };
    },
  };
}

/** Takes the lease with a CREATE; when Route 53 refuses it because a lease exists, that record as read. */
async function createFirst(
  request: LeaseRequest,
  calls: CallContext,
): Promise<{ lease: Lease } | { record: ResourceRecordSet | undefined }> {
  const { route53, zoneId, name, log } = request;
  const lname = leaseName(name);
  const info = freshLease(request);
  try {
    await retryThrottled(calls, `taking the lease ${lname}`, () =>
      route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: {
            Comment: `immut lease: ${request.holder}`.slice(0, 256),
            Changes: [{ Action: 'CREATE', ResourceRecordSet: leaseRecord(name, info) }],
          },
        }),
      ),
    );
  } catch (error) {
    if (!lostRace(error)) throw error;
    // Refused: a lease exists, or this very CREATE landed and its answer was lost (the SDK
    // retried it), which the token tells. Another's lease goes to acquireLease to decide on.
    const [after] = await recordSetsAt(route53, zoneId, lname, 'TXT', calls);
    if (!after || parseLease(after).token !== info.token) return { record: after };
  }
  log(`Holding the lease ${lname} until ${info.expires}.`);
  return { lease: { info, release: () => releaseLease(request, info) } };
}

/**
 * Deletes our lease record, exactly as this run wrote it: Route 53 refuses the DELETE unless
 * the record is still that one, so a lease taken over since (ours had expired) is never
 * removed, and only then is it read, to say who holds it. Logs instead of throwing.
 */
async function releaseLease(request: LeaseRequest, info: LeaseInfo): Promise<void> {
  const { route53, zoneId, name, clock, log } = request;
  const lname = leaseName(name);
  // A lease left behind holds off the role's next cutover until it expires, so a throttled
  // release is retried, for a while of its own: the run's deadline may have passed already.
  const calls: CallContext = { clock, log, deadline: deadlineFrom(clock, RELEASE_RETRY_MS) };
  try {
    await retryThrottled(calls, `releasing the lease ${lname}`, () =>
      route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: {
            Comment: `immut lease released: ${info.holder}`.slice(0, 256),
            Changes: [{ Action: 'DELETE', ResourceRecordSet: leaseRecord(name, info) }],
          },
        }),
      ),
    );
    log(`Released the lease ${lname}.`);
    return;
  } catch (error) {
    if (!lostRace(error)) {
      log(
        `warning: could not release the lease ${lname} (${describeError(error)}); it expires at ${info.expires}, after which other runs take it over.`,
      );
      return;
    }
  }
  try {
    const [existing] = await recordSetsAt(route53, zoneId, lname, 'TXT');
    if (!existing) {
      log(`warning: the lease ${lname} was already gone when this run released it.`);
      return;
    }
    const current = parseLease(existing);
    log(
      current.token === info.token
        ? `warning: Route 53 refused to delete the lease ${lname}, though it is still this run's; it expires at ${info.expires}, after which other runs take it over.`
        : `warning: the lease ${lname} is now held by ${describeHolder(current)} (ours had expired); leaving it.`,
    );
  } catch (error) {
    log(
      `warning: could not read the lease ${lname} after its release was refused (${describeError(error)}); it expires at ${info.expires}, after which other runs take it over.`,
    );
  }
}

/** Runs `body` holding the lease, released afterwards whether `body` succeeds or fails. */
export async function withLease<T>(request: LeaseRequest, body: (lease: Lease) => Promise<T>): Promise<T> {
  const lease = await acquireLease(request);
  try {
    return await body(lease);
  } finally {
    await lease.release();
  }
}

/** The lease's hold for a run with `remainingMs` left: all of it, plus a margin. */
export function holdFor(remainingMs: number): number {
  return remainingMs + 5 * 60_000;
}
