// Resource record sets: decoding and validating them from a change batch, comparing them,
// rendering them, and ListResourceRecordSets (paged by name/type/identifier markers).
import { AwsError, listParam, type SandboxRequest } from '../../service.js';
import { boolean, str, type Params } from '../common/params.js';
import { compareRecords, normalizeName } from './names.js';
import { intParam, maxItems } from './params.js';
import { getZone, stripPrefix, type RecordSet, type Route53Context } from './state.js';

export const RECORD_TYPES = new Set([
  'SOA',
  'A',
  'TXT',
  'NS',
  'CNAME',
  'MX',
  'NAPTR',
  'PTR',
  'SRV',
  'SPF',
  'AAAA',
  'CAA',
  'DS',
  'TLSA',
  'SSHFP',
  'SVCB',
  'HTTPS',
]);

/** Route 53's enum error for a record type outside RECORD_TYPES. */
export const recordTypeEnumError = (value: string, at: string): AwsError =>
  new AwsError(
    'InvalidInput',
    `1 validation error detected: Value '${value}' at '${at}' failed to satisfy constraint: Member must satisfy enum value set: [${[...RECORD_TYPES].join(', ')}]`,
    400,
  );

function describeChange(action: string, name: string, type: string, setId: string | undefined): string {
  return `Change with [Action=${action}, Name=${name}, Type=${type}, SetIdentifier=${setId ?? 'null'}]`;
}

export function recordLabel(r: { Name: string; Type: string; SetIdentifier?: string }): string {
  return `[name='${r.Name}', type='${r.Type}'${r.SetIdentifier !== undefined ? `, set-identifier='${r.SetIdentifier}'` : ''}]`;
}

export const recordKey = (r: { Name: string; Type: string; SetIdentifier?: string }): string =>
  `${r.Name}|${r.Type}|${r.SetIdentifier ?? ''}`;

/** Decode and validate one ResourceRecordSet from a change (InvalidInput on shape errors). */
export function parseRecordSet(raw: unknown, index: number, action: string): RecordSet {
  const where = `changeBatch.changes.${index}.member.resourceRecordSet`;
  if (!raw || typeof raw !== 'object')
    throw new AwsError(
      'InvalidInput',
      `1 validation error detected: Value null at '${where}' failed to satisfy constraint: Member must not be null`,
      400,
    );
  const p = raw as Params;
  const rawName = str(p['Name']);
  if (rawName === undefined || rawName === '')
    throw new AwsError(
      'InvalidChangeBatch',
      `[FATAL problem: DomainNameEmpty (Domain name is empty) encountered with '']`,
      400,
    );
  const type = str(p['Type']) ?? '';
  if (!RECORD_TYPES.has(type)) throw recordTypeEnumError(type, `${where}.type`);
  const name = normalizeName(rawName);
  const rec: RecordSet = { Name: name, Type: type };
  const setId = str(p['SetIdentifier']);
  const label = describeChange(action, name, type, setId);
  if (setId !== undefined) {
    if (setId.length < 1 || setId.length > 128) {
      throw new AwsError(
        'InvalidInput',
        `1 validation error detected: Value '${setId}' at '${where}.setIdentifier' failed to satisfy constraint: Member must have length ${setId.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 128'}`,
        400,
      );
    }
    rec.SetIdentifier = setId;
  }
  parseRoutingPolicy(p, rec, where, label);
  parseRecordData(p, rec, where, label);
  return rec;
}

/** Weight/Region/Failover/MultiValueAnswer and HealthCheckId onto `rec`: at most one
 *  routing policy, and a SetIdentifier exactly when there is one. */
function parseRoutingPolicy(p: Params, rec: RecordSet, where: string, label: string): void {
  const weight = intParam(p['Weight'], 'Weight');
  if (weight !== undefined) {
    if (weight < 0 || weight > 255) {
      throw new AwsError(
        'InvalidInput',
        `1 validation error detected: Value '${weight}' at '${where}.weight' failed to satisfy constraint: Member must have value ${weight < 0 ? 'greater than or equal to 0' : 'less than or equal to 255'}`,
        400,
      );
    }
    rec.Weight = weight;
  }
  const region = str(p['Region']);
  if (region !== undefined) rec.Region = region;
  const failover = str(p['Failover']);
  if (failover !== undefined) rec.Failover = failover;
  if (p['MultiValueAnswer'] !== undefined) rec.MultiValueAnswer = boolean(p['MultiValueAnswer']) === true;
  const healthCheckId = str(p['HealthCheckId']);
  if (healthCheckId !== undefined) rec.HealthCheckId = healthCheckId;
  const policies = [rec.Weight, rec.Region, rec.Failover, rec.MultiValueAnswer].filter(
    (x) => x !== undefined,
  ).length;
  if (policies > 1)
    throw new AwsError(
      'InvalidInput',
      `Invalid request: Expected at most one routing policy in ${label}`,
      400,
    );
  const setId = rec.SetIdentifier;
  if (policies === 1 && setId === undefined)
    throw new AwsError('InvalidInput', `Invalid request: Missing field 'SetIdentifier' in ${label}`, 400);
  if (policies === 0 && setId !== undefined)
    throw new AwsError('InvalidInput', `Invalid request: Missing field 'Weight' in ${label}`, 400);
}

/** The record's data onto `rec`: exactly one of an AliasTarget or TTL + ResourceRecords. */
function parseRecordData(p: Params, rec: RecordSet, where: string, label: string): void {
  const ttl = intParam(p['TTL'], 'TTL');
  const values = listParam(p['ResourceRecords'], 'ResourceRecord').map(
    (r) => str((r as Params | undefined)?.['Value']) ?? str(r) ?? '',
  );
  const hasRecords = p['ResourceRecords'] !== undefined;
  const alias = p['AliasTarget'] as Params | undefined;
  const hasAlias = alias !== undefined && alias !== null && typeof alias === 'object';
  const hasValues = ttl !== undefined || hasRecords;
  if (hasAlias && hasValues) {
    throw new AwsError(
      'InvalidInput',
      `Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found more than one in ${label}`,
      400,
    );
  }
  if (!hasAlias && !(ttl !== undefined && hasRecords)) {
    if (ttl !== undefined || hasRecords) {
      throw new AwsError(
        'InvalidInput',
        `Invalid request: Missing field '${ttl === undefined ? 'TTL' : 'ResourceRecords'}' in ${label}`,
        400,
      );
    }
    throw new AwsError(
      'InvalidInput',
      `Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none in ${label}`,
      400,
    );
  }
  if (hasAlias) {
    const hz = str(alias['HostedZoneId']);
    const dns = str(alias['DNSName']);
    if (!hz || !dns)
      throw new AwsError(
        'InvalidInput',
        `Invalid request: Missing field '${hz ? 'DNSName' : 'HostedZoneId'}' in AliasTarget of ${label}`,
        400,
      );
    rec.AliasTarget = {
      HostedZoneId: stripPrefix(hz),
      DNSName: normalizeName(dns),
      EvaluateTargetHealth: boolean(alias['EvaluateTargetHealth']) === true,
    };
  } else {
    if (ttl! < 0 || ttl! > 2147483647) {
      throw new AwsError(
        'InvalidInput',
        `1 validation error detected: Value '${ttl}' at '${where}.TTL' failed to satisfy constraint: Member must have value between 0 and 2147483647`,
        400,
      );
    }
    if (values.length === 0) {
      throw new AwsError(
        'InvalidInput',
        `1 validation error detected: Value '[]' at '${where}.resourceRecords' failed to satisfy constraint: Member must have length greater than or equal to 1`,
        400,
      );
    }
    rec.TTL = ttl!;
    rec.ResourceRecords = values;
  }
}

/** Whether a DELETE repeats the record exactly (value order does not matter). */
export function sameRecord(a: RecordSet, b: RecordSet): boolean {
  const norm = (r: RecordSet): string =>
    JSON.stringify([
      r.Name,
      r.Type,
      r.SetIdentifier ?? null,
      r.Weight ?? null,
      r.Region ?? null,
      r.Failover ?? null,
      r.MultiValueAnswer ?? null,
      r.HealthCheckId ?? null,
      r.TTL ?? null,
      r.ResourceRecords ? [...r.ResourceRecords].sort() : null,
      r.AliasTarget
        ? [r.AliasTarget.HostedZoneId, r.AliasTarget.DNSName, r.AliasTarget.EvaluateTargetHealth]
        : null,
    ]);
  return norm(a) === norm(b);
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Record values Route 53 rejects with a FATAL problem (only the common types are checked). */
export function valueProblems(rec: RecordSet): string[] {
  const out: string[] = [];
  for (const v of rec.ResourceRecords ?? []) {
    if (rec.Type === 'A' && !IPV4.test(v))
      out.push(
        `Invalid Resource Record: 'FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with '${v}''`,
      );
    if (rec.Type === 'AAAA' && (!/^[0-9a-f:.]+$/i.test(v) || !v.includes(':')))
      out.push(
        `Invalid Resource Record: 'FATAL problem: AAAARRDATAIllegalIPv6Address (Value is not a valid IPv6 address) encountered with '${v}''`,
      );
  }
  if (rec.Type === 'CNAME' && (rec.ResourceRecords?.length ?? 0) > 1) {
    out.push(
      `Invalid Resource Record: 'FATAL problem: RRDATANotSingleField (Value contains spaces) encountered with '${rec.ResourceRecords!.join(' ')}''`,
    );
  }
  return out;
}

export const recordOut = (r: RecordSet): Record<string, unknown> => ({
  Name: r.Name,
  Type: r.Type,
  SetIdentifier: r.SetIdentifier,
  Weight: r.Weight,
  Region: r.Region,
  Failover: r.Failover,
  MultiValueAnswer: r.MultiValueAnswer,
  TTL: r.TTL,
  ResourceRecords: r.ResourceRecords?.map((Value) => ({ Value })),
  AliasTarget: r.AliasTarget,
  HealthCheckId: r.HealthCheckId,
});

export function listResourceRecordSets(r53: Route53Context, req: SandboxRequest): Record<string, unknown> {
  const p = req.params;
  const zone = getZone(r53.state, p['HostedZoneId'] ?? p['Id']);
  const startName = str(p['name']);
  const startType = str(p['type']);
  const startId = str(p['identifier']);
  if (startType !== undefined && startName === undefined)
    throw new AwsError('InvalidInput', 'The input is not valid: a record type requires a record name', 400);
  if (startId !== undefined && startType === undefined)
    throw new AwsError(
      'InvalidInput',
      'The input is not valid: a record identifier requires a record type',
      400,
    );
  if (startType !== undefined && !RECORD_TYPES.has(startType))
    throw new AwsError('InvalidInput', `Invalid type: ${startType}`, 400);
  const max = maxItems(p['maxitems'], 300);
  const records = [...zone.records].sort(compareRecords);
  let start = 0;
  if (startName !== undefined) {
    const probe: RecordSet = {
      Name: normalizeName(startName),
      Type: startType ?? '',
      ...(startId !== undefined ? { SetIdentifier: startId } : {}),
    };
    start = records.findIndex((r) => compareRecords(r, probe) >= 0);
    if (start < 0) start = records.length;
  }
  const page = records.slice(start, start + max);
  const next = records[start + max];
  return {
    ResourceRecordSets: page.map(recordOut),
    IsTruncated: next !== undefined,
    ...(next
      ? {
          NextRecordName: next.Name,
          NextRecordType: next.Type,
          ...(next.SetIdentifier !== undefined ? { NextRecordIdentifier: next.SetIdentifier } : {}),
        }
      : {}),
    MaxItems: max,
  };
}
