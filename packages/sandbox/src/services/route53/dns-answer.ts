// TestDNSAnswer: answer a query from a zone's records, following wildcards, CNAMEs at the
// name and aliases into our own zones.
import { AwsError, type SandboxRequest } from '../../service.js';
import { str } from '../common/params.js';
import { inZone, normalizeName } from './names.js';
import { RECORD_TYPES, recordTypeEnumError } from './record-sets.js';
import { getZone, type RecordSet, type Route53Context, type State, type Zone } from './state.js';

interface Answer {
  code: string;
  data: string[];
}

/** Pick one of a weighted set by smooth weighted round robin, so the share of answers
 *  follows the weights exactly and reproducibly (the counters live in state). */
function pickWeighted(state: State, zone: Zone, name: string, candidates: RecordSet[]): RecordSet {
  const key = `${zone.id}|${name}|${candidates[0]!.Type}`;
  const allZero = candidates.every((r) => (r.Weight ?? 0) === 0);
  const live = candidates.filter((r) => allZero || (r.Weight ?? 0) > 0);
  const counters = (state.rr[key] ??= {});
  let total = 0;
  let best: RecordSet | undefined;
  for (const r of live) {
    const w = allZero ? 1 : r.Weight!;
    total += w;
    const id = r.SetIdentifier ?? '';
    counters[id] = (counters[id] ?? 0) + w;
    if (!best || counters[id]! > counters[best.SetIdentifier ?? '']!) best = r;
  }
  const chosen = best!;
  counters[chosen.SetIdentifier ?? ''] = counters[chosen.SetIdentifier ?? '']! - total;
  return chosen;
}

/** Answer a query from the zone's records (weighted sets by smooth weighted round robin). */
function resolve(state: State, zone: Zone, name: string, type: string, depth: number): Answer {
  if (!inZone(name, zone.name)) return { code: 'REFUSED', data: [] };
  const atName = zone.records.filter((r) => r.Name === name);
  if (atName.length === 0) {
    // A wildcard `*.parent.` answers for names below parent that have no records.
    const wildcard = '\\052.' + name.slice(name.indexOf('.') + 1);
    if (name !== zone.name && zone.records.some((r) => r.Name === wildcard))
      return resolve(state, zone, wildcard, type, depth);
    return { code: 'NXDOMAIN', data: [] };
  }
  let candidates = atName.filter((r) => r.Type === type);
  if (candidates.length === 0) candidates = atName.filter((r) => r.Type === 'CNAME');
  if (candidates.length === 0) return { code: 'NOERROR', data: [] };
  const chosen =
    candidates.length === 1 || candidates[0]!.Weight === undefined
      ? candidates[0]!
      : pickWeighted(state, zone, name, candidates);
  if (chosen.AliasTarget) {
    const target = state.zones[chosen.AliasTarget.HostedZoneId];
    if (target && depth < 8) {
      const inner = resolve(state, target, chosen.AliasTarget.DNSName, type, depth + 1);
      return { code: 'NOERROR', data: inner.data };
    }
    return { code: 'NOERROR', data: [chosen.AliasTarget.DNSName] };
  }
  return { code: 'NOERROR', data: [...(chosen.ResourceRecords ?? [])] };
}

export function testDnsAnswer(r53: Route53Context, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const zone = getZone(r53.state, p['hostedzoneid']);
  const rawName = str(p['recordname']);
  const type = str(p['recordtype']);
  if (!rawName)
    throw new AwsError(
      'InvalidInput',
      `1 validation error detected: Value null at 'recordName' failed to satisfy constraint: Member must not be null`,
      400,
    );
  if (!type || !RECORD_TYPES.has(type)) throw recordTypeEnumError(type ?? 'null', 'recordType');
  const name = normalizeName(rawName);
  const answer = resolve(r53.state, zone, name, type, 0);
  return {
    Nameserver: zone.nameServers[0] ?? 'ns-0.awsdns-00.com',
    RecordName: name,
    RecordType: type,
    RecordData: answer.data,
    ResponseCode: answer.code,
    Protocol: 'UDP',
  };
}
