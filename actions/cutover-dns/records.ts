// The role's name as record sets: reading it exactly as Route 53 returns it, and building the
// plain or weighted aliases a cutover writes. Names are kept in Route 53's stored form (lower
// case, trailing dot, `*` as \052) so what we write compares equal to what we read back.
import type { ResourceRecordSet, Route53Client } from '@aws-sdk/client-route-53';
import { type AliasTarget, fqdn } from '@immut/core/dns-history';
import { recordSetsAt, recordSetsWithChild } from '@immut/core/hosted-zone';
import { bareDnsName } from '@immut/core/naming';
import type { CallContext } from '@immut/core/throttle-retry';

export { type AliasTarget, fqdn } from '@immut/core/dns-history';
export { bareDnsName } from '@immut/core/naming';

export type RecordSet = ResourceRecordSet;

export function sameTarget(a: AliasTarget, b: AliasTarget): boolean {
  return bareDnsName(a.dnsName) === bareDnsName(b.dnsName) && a.zoneId === b.zoneId;
}

/** The alias target of a record, or undefined for a value record. */
export function aliasOf(record: RecordSet): AliasTarget | undefined {
  const alias = record.AliasTarget;
  if (!alias?.DNSName || !alias.HostedZoneId) return undefined;
  return { dnsName: bareDnsName(alias.DNSName), zoneId: alias.HostedZoneId.replace(/^\/hostedzone\//, '') };
}

function aliasTarget(target: AliasTarget): NonNullable<RecordSet['AliasTarget']> {
  // Evaluating target health lets Route 53 itself steer away from a load balancer whose
  // targets all fail, on top of immut's own gate.
  return { HostedZoneId: target.zoneId, DNSName: fqdn(target.dnsName), EvaluateTargetHealth: true };
}

export function plainAlias(name: string, target: AliasTarget): RecordSet {
  return { Name: fqdn(name), Type: 'A', AliasTarget: aliasTarget(target) };
}

export function weightedAlias(
  name: string,
  setIdentifier: string,
  weight: number,
  target: AliasTarget,
): RecordSet {
  return {
    Name: fqdn(name),
    Type: 'A',
    SetIdentifier: setIdentifier,
    Weight: weight,
    AliasTarget: aliasTarget(target),
  };
}

/** Route 53 weights are 0–255: a percentage of traffic as a weight out of 255. The new build
 *  keeps at least 1 and the old at least 1, so a weighted step never becomes a full swap. */
export function weightFor(percent: number): number {
  return Math.min(254, Math.max(1, Math.round((percent * 255) / 100)));
}

/** A record set without the SDK's undefined members (what a DELETE repeats). */
function clean(record: RecordSet): RecordSet {
  return JSON.parse(JSON.stringify(record)) as RecordSet;
}

/** The name's A records and its history's TXT, usually in one call (core's reader). */
export async function readNameAndHistory(
  route53: Route53Client,
  calls: CallContext,
  zoneId: string,
  name: string,
  history: string,
): Promise<{ records: RecordSet[]; history: RecordSet[] }> {
  const { a, childTxt } = await recordSetsWithChild(route53, zoneId, name, history, calls);
  return { records: a.map(clean), history: childTxt.map(clean) };
}

/** Every record set of `type` at `name`, exactly as Route 53 returns them (core's reader). */
export async function readRecords(
  route53: Route53Client,
  calls: CallContext,
  zoneId: string,
  name: string,
  type: 'A' | 'TXT',
): Promise<RecordSet[]> {
  return (await recordSetsAt(route53, zoneId, name, type, calls)).map(clean);
}

/** The name's A records as a shape a cutover understands. */
export type NameShape =
  | { kind: 'none' }
  | { kind: 'plain'; target: AliasTarget }
  | { kind: 'weighted'; sets: Array<{ setIdentifier: string; weight: number; target: AliasTarget }> }
  | { kind: 'other'; description: string };

export function shapeOf(records: readonly RecordSet[]): NameShape {
  if (records.length === 0) return { kind: 'none' };
  const [first] = records;
  if (records.length === 1 && first && first.SetIdentifier === undefined) {
    const target = aliasOf(first);
    return target
      ? { kind: 'plain', target }
      : {
          kind: 'other',
          description: `a plain A record with values ${JSON.stringify(first.ResourceRecords?.map((r) => r.Value))}`,
        };
  }
  const sets = records.map((r) => ({ r, target: aliasOf(r) }));
  if (sets.every((s) => s.target && s.r.SetIdentifier !== undefined && s.r.Weight !== undefined)) {
    return {
      kind: 'weighted',
      sets: sets.map((s) => ({ setIdentifier: s.r.SetIdentifier!, weight: s.r.Weight!, target: s.target! })),
    };
  }
  return { kind: 'other', description: `${records.length} A records that are not all weighted aliases` };
}
