// The name's history: one TXT record next to the name, `_immut-history.<name>`, holding the
// build the name points at now and the one before, with their load balancers, the time and
// the run. It is written in the same change batch as the record itself, so the two can never
// disagree; `mode: rollback` reads it to know where to go with no other state, retirement
// reads it to know which builds are live, and it marks the name as immut's (the guard).
import { GuardError, UserError } from '../../packages/core/src/errors.js';
import { MANAGED_BY_VALUE, TAG, assertManaged } from '../../packages/core/src/tags.js';
import { type AliasTarget, type RecordSet, fqdn } from './records.js';

export const HISTORY_PREFIX = '_immut-history.';
export const HISTORY_TTL = 60;
const VERSION = '1';

/** A build the name pointed (or points) at. */
export interface BuildTarget extends AliasTarget {
  build: string;
  release: string;
}

export interface History {
  role: string;
  env: string;
  current: BuildTarget;
  previous?: BuildTarget;
  /** Mid-way through a weighted cutover: the current build's share of traffic, in percent. */
  weight?: number;
  /** ISO time of the change. */
  at: string;
  run?: string;
}

export function historyName(name: string): string {
  return fqdn(`${HISTORY_PREFIX}${name}`);
}

// TXT strings are at most 255 characters and are quoted; our values never hold quotes or
// spaces (builds, DNS names, zone ids, ISO times, URLs), so key=value strings stay simple.
function quoted(key: string, value: string): string {
  const text = `${key}=${value}`;
  if (/["\s\\]/.test(text) || text.length > 255) {
    throw new Error(`history value ${key} cannot be stored in a TXT string: '${value}'`);
  }
  return `"${text}"`;
}

function targetFields(prefix: 'current' | 'previous', t: BuildTarget): string[] {
  return [
    quoted(prefix, t.build),
    quoted(`${prefix}-target`, t.dnsName),
    quoted(`${prefix}-zone`, t.zoneId),
    quoted(`${prefix}-release`, t.release),
  ];
}

/** The TXT record holding `history`. */
export function historyRecord(name: string, history: History): RecordSet {
  const strings = [
    quoted('immut-history', VERSION),
    quoted('managed-by', MANAGED_BY_VALUE),
    quoted('role', history.role),
    quoted('env', history.env),
    ...targetFields('current', history.current),
    ...(history.previous ? targetFields('previous', history.previous) : []),
    ...(history.weight !== undefined ? [quoted('weight', String(history.weight))] : []),
    quoted('at', history.at),
    ...(history.run ? [quoted('run', history.run)] : []),
  ];
  return {
    Name: historyName(name),
    Type: 'TXT',
    TTL: HISTORY_TTL,
    ResourceRecords: [{ Value: strings.join(' ') }],
  };
}

/** key → value of every `"key=value"` string in the record's values. */
function fields(record: RecordSet): Map<string, string> {
  const out = new Map<string, string>();
  for (const { Value } of record.ResourceRecords ?? []) {
    for (const [, text] of (Value ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
      const eq = (text ?? '').indexOf('=');
      if (eq > 0) out.set(text!.slice(0, eq), text!.slice(eq + 1));
    }
  }
  return out;
}

function targetFrom(f: Map<string, string>, prefix: 'current' | 'previous'): BuildTarget | undefined {
  const build = f.get(prefix);
  const dnsName = f.get(`${prefix}-target`);
  const zoneId = f.get(`${prefix}-zone`);
  if (!build || !dnsName || !zoneId) return undefined;
  return { build, dnsName, zoneId, release: f.get(`${prefix}-release`) ?? build };
}

/** Reads a history record back; a TXT record that is not one is refused, never overwritten. */
export function parseHistory(record: RecordSet): History {
  const f = fields(record);
  const current = targetFrom(f, 'current');
  const role = f.get('role');
  const env = f.get('env');
  if (f.get('immut-history') === undefined || !current || !role || !env) {
    throw new GuardError(
      `Refusing to change ${record.Name}: that TXT record is not an immut history record (it holds ${JSON.stringify(record.ResourceRecords?.map((r) => r.Value))}). Delete it or pick another name.`,
    );
  }
  const previous = targetFrom(f, 'previous');
  const weight = f.get('weight');
  const run = f.get('run');
  return {
    role,
    env,
    current,
    ...(previous ? { previous } : {}),
    ...(weight !== undefined && /^\d+$/.test(weight) ? { weight: Number(weight) } : {}),
    at: f.get('at') ?? '',
    ...(run ? { run } : {}),
  };
}

/** The guard: only names whose history says immut manages them for this role and env. */
export function assertOwnedName(
  name: string,
  history: History | undefined,
  hasRecords: boolean,
  expected: { role: string; env: string },
): void {
  if (!history) {
    if (!hasRecords) return; // nothing there yet: a first cutover creates the name
    throw new GuardError(
      `Refusing to change ${name}: it has an A record but no immut history record (${historyName(name)} TXT), so immut did not create it. immut only changes names it manages; delete the record or pick another name.`,
    );
  }
  assertManaged(
    {
      kind: 'DNS name',
      id: name,
      tags: { [TAG.managedBy]: MANAGED_BY_VALUE, [TAG.role]: history.role, [TAG.env]: history.env },
    },
    expected,
  );
}

/** For rollback: the build before the current one, or a clear reason there is none. */
export function rollbackTarget(name: string, history: History | undefined): BuildTarget {
  if (!history) {
    throw new UserError(
      `Cannot roll back ${name}: it has no history record (${historyName(name)} TXT), so immut never cut it over.`,
    );
  }
  if (!history.previous) {
    throw new UserError(
      `Cannot roll back ${name}: its history records only build ${history.current.build} (the first cutover), so there is no previous build to return to.`,
    );
  }
  return history.previous;
}
