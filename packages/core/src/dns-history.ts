// The format of a role name's history: one TXT record next to the name,
// `_immut-history.<name>`, holding the build the name points at now and the one before, with
// their load balancers, the time of the change and the run. cutover-dns writes it (in the same
// batch as the name itself); rollback and retire-release read it. Both sides share this one
// definition so a reader can never drift from the writer.
import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import { GuardError } from './errors.js';
import { MANAGED_BY_VALUE } from './tags.js';

export const HISTORY_PREFIX = '_immut-history.';
export const HISTORY_TTL = 60;
const VERSION = '1';

/** Where an alias points: a load balancer's DNS name and its canonical hosted zone id. */
export interface AliasTarget {
  dnsName: string;
  zoneId: string;
}

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

/** Route 53's stored form of a DNS name: lower case, trailing dot, `*` as \052. */
export function fqdn(name: string): string {
  const lower = name.trim().toLowerCase();
  return (lower.endsWith('.') ? lower : `${lower}.`).replace(/\*/g, '\\052');
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
export function historyRecord(name: string, history: History): ResourceRecordSet {
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
function fields(record: ResourceRecordSet): Map<string, string> {
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
export function parseHistory(record: ResourceRecordSet): History {
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
