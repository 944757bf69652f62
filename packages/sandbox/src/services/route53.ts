// Route 53 (restXml): hosted zones, record sets, changes and TestDNSAnswer, with AWS's
// rules for change batches: a batch is atomic, CREATE of an existing record and a DELETE
// that does not repeat the record exactly fail the whole batch with InvalidChangeBatch,
// so `[DELETE old, CREATE new]` is a compare-and-swap. Changes are PENDING, then INSYNC
// once `DURATIONS.route53ChangePendingToInsync` of sandbox time has passed (computed on
// read, no timers). Alias targets must exist: a record in one of our zones, or a load
// balancer the ELBv2 service knows (through the `loadBalancerByDnsName` lookup).
import { DURATIONS } from '../durations.js';
import {
  AwsError,
  RESPONSE_HEADERS,
  listParam,
  type EmulatedService,
  type OperationHandler,
  type ServiceContext,
} from '../service.js';

export const ROUTE53_NAMESPACE = 'https://route53.amazonaws.com/doc/2013-04-01/';

/** What Route 53 needs to know about a load balancer to accept an alias to it. */
export interface AliasableLoadBalancer {
  dnsName: string;
  canonicalHostedZoneId: string;
}

export interface Route53Options {
  /** Find a load balancer by its DNS name (without trailing dot, lower case, no
   *  `dualstack.` prefix), in any region. Without it, aliases to ELB names are refused. */
  loadBalancerByDnsName?: (dnsName: string) => AliasableLoadBalancer | undefined;
  /** PENDING → INSYNC delay in sandbox ms (default DURATIONS.route53ChangePendingToInsync). */
  changePropagationMs?: number;
}

export interface RecordSet {
  Name: string;
  Type: string;
  SetIdentifier?: string;
  Weight?: number;
  Region?: string;
  Failover?: string;
  MultiValueAnswer?: boolean;
  TTL?: number;
  ResourceRecords?: string[];
  AliasTarget?: { HostedZoneId: string; DNSName: string; EvaluateTargetHealth: boolean };
  HealthCheckId?: string;
}

interface Zone {
  id: string;
  name: string;
  callerReference: string;
  comment?: string;
  privateZone: boolean;
  vpcs: Array<{ VPCRegion: string; VPCId: string }>;
  nameServers: string[];
  records: RecordSet[];
}

interface Change {
  id: string;
  submittedAt: number;
  comment?: string;
}

interface State {
  zones: Record<string, Zone>;
  changes: Record<string, Change>;
  /** Smooth weighted round-robin counters for TestDNSAnswer, by `zone|name|type`. */
  rr: Record<string, Record<string, number>>;
}

const RECORD_TYPES = new Set([
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
const ELB_SUFFIX = /\.elb\.amazonaws\.com\.?$/;

const emptyState = (): State => ({ zones: {}, changes: {}, rr: {} });

// ---------------------------------------------------------------------------------------
// Names

/** Route 53's stored form of a DNS name: lower case, trailing dot, `*` as `\052`. */
export function normalizeName(name: string): string {
  let n = name.trim().toLowerCase();
  if (!n.endsWith('.')) n += '.';
  return n.replace(/\*/g, '\\052');
}

/** Sort key in reversed-label order (`www.example.com.` → `com.example.www`). */
function reversedKey(name: string): string {
  return name.replace(/\.$/, '').split('.').reverse().join('.');
}

function compareNames(a: string, b: string): number {
  const ka = reversedKey(a);
  const kb = reversedKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareRecords(a: RecordSet, b: RecordSet): number {
  return (
    compareNames(a.Name, b.Name) || cmp(a.Type, b.Type) || cmp(a.SetIdentifier ?? '', b.SetIdentifier ?? '')
  );
}

function inZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith('.' + zone);
}

function validDomainName(name: string): boolean {
  const n = name.replace(/\.$/, '');
  if (n.length === 0 || n.length > 253) return false;
  return n
    .split('.')
    .every((label) => label.length >= 1 && label.length <= 63 && /^[a-z0-9_\\*-]+$/i.test(label));
}

// ---------------------------------------------------------------------------------------
// Parameters

const str = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : typeof v === 'object' ? undefined : String(v);

function intParam(v: unknown, field: string): number | undefined {
  const s = str(v);
  if (s === undefined || s === '') return undefined;
  if (!/^-?\d+$/.test(s))
    throw new AwsError('InvalidInput', `Invalid value for ${field}: '${s}' is not an integer`, 400);
  return Number(s);
}

function boolParam(v: unknown): boolean {
  return str(v)?.toLowerCase() === 'true';
}

function maxItems(v: unknown, max: number): number {
  const n = intParam(v, 'maxitems');
  if (n === undefined) return max;
  if (n < 1)
    throw new AwsError(
      'InvalidInput',
      `1 validation error detected: Value '${n}' at 'maxItems' failed to satisfy constraint: Member must be positive`,
      400,
    );
  return Math.min(n, max);
}

const stripPrefix = (id: string): string => id.replace(/^\/?(hostedzone|change|delegationset)\//, '');

function describeChange(action: string, name: string, type: string, setId: string | undefined): string {
  return `Change with [Action=${action}, Name=${name}, Type=${type}, SetIdentifier=${setId ?? 'null'}]`;
}

function recordLabel(r: { Name: string; Type: string; SetIdentifier?: string }): string {
  return `[name='${r.Name}', type='${r.Type}'${r.SetIdentifier !== undefined ? `, set-identifier='${r.SetIdentifier}'` : ''}]`;
}

const recordKey = (r: { Name: string; Type: string; SetIdentifier?: string }): string =>
  `${r.Name}|${r.Type}|${r.SetIdentifier ?? ''}`;

/** Decode and validate one ResourceRecordSet from a change (InvalidInput on shape errors). */
function parseRecordSet(raw: unknown, index: number, action: string): RecordSet {
  const where = `changeBatch.changes.${index}.member.resourceRecordSet`;
  if (!raw || typeof raw !== 'object')
    throw new AwsError(
      'InvalidInput',
      `1 validation error detected: Value null at '${where}' failed to satisfy constraint: Member must not be null`,
      400,
    );
  const p = raw as Record<string, unknown>;
  const rawName = str(p['Name']);
  if (rawName === undefined || rawName === '')
    throw new AwsError(
      'InvalidChangeBatch',
      `[FATAL problem: DomainNameEmpty (Domain name is empty) encountered with '']`,
      400,
    );
  const type = str(p['Type']) ?? '';
  if (!RECORD_TYPES.has(type)) {
    throw new AwsError(
      'InvalidInput',
      `1 validation error detected: Value '${type}' at '${where}.type' failed to satisfy constraint: Member must satisfy enum value set: [${[...RECORD_TYPES].join(', ')}]`,
      400,
    );
  }
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
  if (p['MultiValueAnswer'] !== undefined) rec.MultiValueAnswer = boolParam(p['MultiValueAnswer']);
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
  if (policies === 1 && setId === undefined)
    throw new AwsError('InvalidInput', `Invalid request: Missing field 'SetIdentifier' in ${label}`, 400);
  if (policies === 0 && setId !== undefined)
    throw new AwsError('InvalidInput', `Invalid request: Missing field 'Weight' in ${label}`, 400);

  const ttl = intParam(p['TTL'], 'TTL');
  const values = listParam(p['ResourceRecords'], 'ResourceRecord').map(
    (r) => str((r as Record<string, unknown> | undefined)?.['Value']) ?? str(r) ?? '',
  );
  const hasRecords = p['ResourceRecords'] !== undefined;
  const alias = p['AliasTarget'] as Record<string, unknown> | undefined;
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
      EvaluateTargetHealth: boolParam(alias['EvaluateTargetHealth']),
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
  return rec;
}

function sameRecord(a: RecordSet, b: RecordSet): boolean {
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
function valueProblems(rec: RecordSet): string[] {
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

// ---------------------------------------------------------------------------------------

export type Route53Service = EmulatedService & {
  seed(ctx: ServiceContext): void;
  /** Records of a zone by zone name (for other services and tests). */
  recordsOf(zoneName: string): RecordSet[] | undefined;
};

export function createRoute53Service(options: Route53Options = {}): Route53Service {
  let state = emptyState();
  const propagation = options.changePropagationMs ?? DURATIONS.route53ChangePendingToInsync;

  const zoneOut = (z: Zone): Record<string, unknown> => ({
    Id: `/hostedzone/${z.id}`,
    Name: z.name,
    CallerReference: z.callerReference,
    Config: { ...(z.comment !== undefined ? { Comment: z.comment } : {}), PrivateZone: z.privateZone },
    ResourceRecordSetCount: z.records.length,
  });

  const changeOut = (c: Change, ctx: ServiceContext): Record<string, unknown> => ({
    Id: `/change/${c.id}`,
    Status: ctx.clock.now() >= c.submittedAt + propagation ? 'INSYNC' : 'PENDING',
    SubmittedAt: new Date(c.submittedAt).toISOString(),
    ...(c.comment !== undefined ? { Comment: c.comment } : {}),
  });

  const recordOut = (r: RecordSet): Record<string, unknown> => ({
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

  const newChange = (ctx: ServiceContext, comment?: string): Change => {
    const c: Change = {
      id: 'C' + hexId(ctx, 'change', 20).toUpperCase(),
      submittedAt: ctx.clock.now(),
      ...(comment !== undefined ? { comment } : {}),
    };
    state.changes[c.id] = c;
    return c;
  };

  const getZone = (rawId: unknown): Zone => {
    const id = stripPrefix(str(rawId) ?? '');
    const z = state.zones[id];
    if (!z) throw new AwsError('NoSuchHostedZone', `No hosted zone found with ID: ${id}`, 404);
    return z;
  };

  const createZone = (
    ctx: ServiceContext,
    name: string,
    callerReference: string,
    comment: string | undefined,
    vpc: { VPCRegion: string; VPCId: string } | undefined,
  ): Zone => {
    const id = 'Z' + hexId(ctx, 'hostedzone', 20).toUpperCase();
    const n = Math.floor(ctx.clock.now() / 1000);
    const nameServers = vpc
      ? []
      : [
          `ns-${n % 512}.awsdns-${n % 64}.com`,
          `ns-${512 + (n % 512)}.awsdns-${(n + 1) % 64}.net`,
          `ns-${1024 + (n % 512)}.awsdns-${(n + 2) % 64}.org`,
          `ns-${1536 + (n % 512)}.awsdns-${(n + 3) % 64}.co.uk`,
        ];
    const soaHost = nameServers[0] ?? 'ns-0.awsdns-00.com';
    const zone: Zone = {
      id,
      name,
      callerReference,
      ...(comment !== undefined ? { comment } : {}),
      privateZone: vpc !== undefined,
      vpcs: vpc ? [vpc] : [],
      nameServers,
      records: [
        {
          Name: name,
          Type: 'NS',
          TTL: 172800,
          ResourceRecords: (nameServers.length ? nameServers : ['ns-0.awsdns-00.com']).map((s) => s + '.'),
        },
        {
          Name: name,
          Type: 'SOA',
          TTL: 900,
          ResourceRecords: [`${soaHost}. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`],
        },
      ],
    };
    state.zones[id] = zone;
    return zone;
  };

  /** Alias targets must exist before the batch (Route 53 checks against the zone as it is). */
  const aliasProblems = (rec: RecordSet): string[] => {
    const a = rec.AliasTarget;
    if (!a) return [];
    const prefix = `Tried to create an alias that targets ${a.DNSName}, type ${rec.Type} in zone ${a.HostedZoneId}`;
    const target = state.zones[a.HostedZoneId];
    if (target) {
      if (!inZone(a.DNSName, target.name))
        return [`${prefix}, but the alias target name does not lie within the target zone`];
      const found = target.records.some(
        (r) => r.Name === a.DNSName && (r.Type === rec.Type || r.Type === 'CNAME'),
      );
      return found ? [] : [`${prefix}, but that target was not found`];
    }
    if (ELB_SUFFIX.test(a.DNSName)) {
      const bare = a.DNSName.replace(/\.$/, '').replace(/^dualstack\./, '');
      const lb = options.loadBalancerByDnsName?.(bare);
      if (!lb) return [`${prefix}, but that target was not found`];
      if (lb.canonicalHostedZoneId !== a.HostedZoneId)
        return [`${prefix}, but the alias target name does not lie within the target zone`];
      if (rec.Type !== 'A' && rec.Type !== 'AAAA') return [`${prefix}, but that target was not found`];
      return [];
    }
    return [
      `${prefix}, but the alias target name does not lie within the target zone`,
      `${prefix}, but that target was not found`,
    ];
  };

  const changeResourceRecordSets: OperationHandler = (req, ctx) => {
    const zone = getZone(req.params['HostedZoneId'] ?? req.params['Id']);
    const batch = (req.params['ChangeBatch'] ?? {}) as Record<string, unknown>;
    const rawChanges = listParam(batch['Changes'], 'Change');
    if (rawChanges.length === 0) {
      throw new AwsError(
        'InvalidInput',
        `1 validation error detected: Value '[]' at 'changeBatch.changes' failed to satisfy constraint: Member must have length greater than or equal to 1`,
        400,
      );
    }
    // Decode everything first: shape errors (InvalidInput) come before semantic ones.
    const changes = rawChanges.map((raw, i) => {
      const c = (raw ?? {}) as Record<string, unknown>;
      const action = str(c['Action']) ?? '';
      if (!['CREATE', 'DELETE', 'UPSERT'].includes(action)) {
        throw new AwsError(
          'InvalidInput',
          `1 validation error detected: Value '${action}' at 'changeBatch.changes.${i + 1}.member.action' failed to satisfy constraint: Member must satisfy enum value set: [CREATE, DELETE, UPSERT]`,
          400,
        );
      }
      return { action, rec: parseRecordSet(c['ResourceRecordSet'], i + 1, action) };
    });

    const working = new Map<string, RecordSet>(zone.records.map((r) => [recordKey(r), r]));
    const touched = new Map<string, string[]>();
    const errors: string[] = [];
    for (const { action, rec } of changes) {
      const key = recordKey(rec);
      const previous = touched.get(key) ?? [];
      // One change per record set, except DELETE followed by CREATE (compare-and-swap).
      if (
        previous.length > 0 &&
        !(previous.length === 1 && previous[0] === 'DELETE' && action === 'CREATE')
      ) {
        errors.push(
          `The request contains an invalid set of changes for a resource record set '${rec.Type} ${rec.Name}'`,
        );
        continue;
      }
      touched.set(key, [...previous, action]);
      if (!inZone(rec.Name, zone.name)) {
        errors.push(`RRSet with DNS name ${rec.Name} is not permitted in zone ${zone.name}`);
        continue;
      }
      const existing = working.get(key);
      if (action === 'DELETE') {
        if (!existing)
          errors.push(`Tried to delete resource record set ${recordLabel(rec)} but it was not found`);
        else if (!sameRecord(existing, rec))
          errors.push(
            `Tried to delete resource record set ${recordLabel(rec)} but the values provided do not match the current values`,
          );
        else if (rec.Name === zone.name && (rec.Type === 'SOA' || rec.Type === 'NS'))
          errors.push(`A HostedZone must contain at least one NS record for the zone itself.`);
        else working.delete(key);
        continue;
      }
      if (action === 'CREATE' && existing) {
        errors.push(`Tried to create resource record set ${recordLabel(rec)} but it already exists`);
        continue;
      }
      errors.push(...valueProblems(rec), ...aliasProblems(rec));
      working.set(key, rec);
    }

    // Consistency of the resulting zone, for the names this batch touched.
    const after = [...working.values()];
    for (const { action, rec } of changes) {
      if (action === 'DELETE' || !inZone(rec.Name, zone.name)) continue;
      const same = after.filter((r) => r.Name === rec.Name && r.Type === rec.Type);
      if (rec.SetIdentifier !== undefined && same.some((r) => r.SetIdentifier === undefined)) {
        errors.push(
          `RRSet with DNS name ${rec.Name}, type ${rec.Type}, SetIdentifier ${rec.SetIdentifier} cannot be created as a non-weighted set exists with the same name and type.`,
        );
      } else if (rec.SetIdentifier === undefined && same.some((r) => r.SetIdentifier !== undefined)) {
        errors.push(
          `RRSet with DNS name ${rec.Name}, type ${rec.Type} cannot be created as weighted sets exist with the same name and type.`,
        );
      }
      const conflict =
        rec.Type === 'CNAME'
          ? after.find((r) => r.Name === rec.Name && r.Type !== 'CNAME')
          : after.find((r) => r.Name === rec.Name && r.Type === 'CNAME');
      if (conflict && rec.Name !== zone.name) {
        errors.push(
          `RRSet of type CNAME with DNS name ${rec.Name} is not permitted because a conflicting RRSet of type ${rec.Type === 'CNAME' ? conflict.Type : rec.Type} with the same DNS name already exists in zone ${zone.name}`,
        );
      } else if (rec.Type === 'CNAME' && rec.Name === zone.name) {
        errors.push(
          `RRSet of type CNAME with DNS name ${rec.Name} is not permitted at apex in zone ${zone.name}`,
        );
      }
    }
    if (errors.length > 0)
      throw new AwsError('InvalidChangeBatch', `[${[...new Set(errors)].join(', ')}]`, 400);

    zone.records = after.sort(compareRecords);
    const change = newChange(ctx, str(batch['Comment']));
    return { ChangeInfo: changeOut(change, ctx) };
  };

  const operations: Record<string, OperationHandler> = {
    CreateHostedZone(req, ctx) {
      const p = req.params;
      const rawName = str(p['Name']);
      const callerReference = str(p['CallerReference']);
      if (!rawName)
        throw new AwsError(
          'InvalidInput',
          `1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null`,
          400,
        );
      if (!callerReference)
        throw new AwsError(
          'InvalidInput',
          `1 validation error detected: Value null at 'callerReference' failed to satisfy constraint: Member must not be null`,
          400,
        );
      if (callerReference.length > 128)
        throw new AwsError(
          'InvalidInput',
          `1 validation error detected: Value '${callerReference}' at 'callerReference' failed to satisfy constraint: Member must have length less than or equal to 128`,
          400,
        );
      const name = normalizeName(rawName);
      if (!validDomainName(name))
        throw new AwsError('InvalidDomainName', `${rawName} is not a valid domain name.`, 400);
      // Reusing a CallerReference never creates a second zone (the retry-safety AWS gives).
      if (Object.values(state.zones).some((z) => z.callerReference === callerReference)) {
        throw new AwsError(
          'HostedZoneAlreadyExists',
          `A hosted zone has already been created with the specified caller reference.`,
          409,
        );
      }
      const config = (p['HostedZoneConfig'] ?? {}) as Record<string, unknown>;
      const vpcRaw = p['VPC'] as Record<string, unknown> | undefined;
      const vpc =
        vpcRaw && str(vpcRaw['VPCId'])
          ? { VPCRegion: str(vpcRaw['VPCRegion']) ?? req.region, VPCId: str(vpcRaw['VPCId'])! }
          : undefined;
      if (boolParam(config['PrivateZone']) && !vpc)
        throw new AwsError(
          'InvalidInput',
          'When you create a private hosted zone, you must specify a VPC.',
          400,
        );
      const zone = createZone(ctx, name, callerReference, str(config['Comment']), vpc);
      const change = newChange(ctx);
      return {
        [RESPONSE_HEADERS]: { Location: `https://route53.amazonaws.com/2013-04-01/hostedzone/${zone.id}` },
        HostedZone: zoneOut(zone),
        ChangeInfo: changeOut(change, ctx),
        ...(vpc ? { VPC: vpc } : { DelegationSet: { NameServers: zone.nameServers } }),
      };
    },

    GetHostedZone(req) {
      const zone = getZone(req.params['Id']);
      return {
        HostedZone: zoneOut(zone),
        ...(zone.privateZone ? { VPCs: zone.vpcs } : { DelegationSet: { NameServers: zone.nameServers } }),
      };
    },

    DeleteHostedZone(req, ctx) {
      const zone = getZone(req.params['Id']);
      if (zone.records.some((r) => !(r.Name === zone.name && (r.Type === 'NS' || r.Type === 'SOA')))) {
        throw new AwsError(
          'HostedZoneNotEmpty',
          'The specified hosted zone contains non-required resource record sets and so cannot be deleted.',
          400,
        );
      }
      delete state.zones[zone.id];
      return { ChangeInfo: changeOut(newChange(ctx), ctx) };
    },

    ListHostedZones(req) {
      const max = maxItems(req.params['maxitems'], 100);
      const zones = Object.values(state.zones).sort((a, b) => cmp(a.id, b.id));
      const marker = str(req.params['marker']);
      let start = 0;
      if (marker) {
        start = zones.findIndex((z) => z.id === stripPrefix(marker));
        if (start < 0) throw new AwsError('InvalidInput', `Invalid marker: ${marker}`, 400);
      }
      const page = zones.slice(start, start + max);
      const next = zones[start + max];
      return {
        HostedZones: page.map(zoneOut),
        ...(marker ? { Marker: marker } : {}),
        IsTruncated: next !== undefined,
        ...(next ? { NextMarker: next.id } : {}),
        MaxItems: max,
      };
    },

    ListHostedZonesByName(req) {
      const p = req.params;
      const dnsname = str(p['dnsname']);
      const hostedzoneid = str(p['hostedzoneid']);
      if (hostedzoneid && !dnsname)
        throw new AwsError(
          'InvalidInput',
          'The input is not valid: hostedzoneid requires dnsname to be specified',
          400,
        );
      const max = maxItems(p['maxitems'], 100);
      const zones = Object.values(state.zones).sort(
        (a, b) => compareNames(a.name, b.name) || cmp(a.id, b.id),
      );
      let start = 0;
      if (dnsname) {
        const n = normalizeName(dnsname);
        const id = hostedzoneid ? stripPrefix(hostedzoneid) : '';
        start = zones.findIndex(
          (z) => compareNames(z.name, n) > 0 || (compareNames(z.name, n) === 0 && z.id >= id),
        );
        if (start < 0) start = zones.length;
      }
      const page = zones.slice(start, start + max);
      const next = zones[start + max];
      return {
        HostedZones: page.map(zoneOut),
        ...(dnsname ? { DNSName: dnsname } : {}),
        ...(hostedzoneid ? { HostedZoneId: hostedzoneid } : {}),
        IsTruncated: next !== undefined,
        ...(next ? { NextDNSName: next.name, NextHostedZoneId: next.id } : {}),
        MaxItems: max,
      };
    },

    ChangeResourceRecordSets: changeResourceRecordSets,

    ListResourceRecordSets(req) {
      const p = req.params;
      const zone = getZone(p['HostedZoneId'] ?? p['Id']);
      const startName = str(p['name']);
      const startType = str(p['type']);
      const startId = str(p['identifier']);
      if (startType !== undefined && startName === undefined)
        throw new AwsError(
          'InvalidInput',
          'The input is not valid: a record type requires a record name',
          400,
        );
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
    },

    GetChange(req, ctx) {
      const id = stripPrefix(str(req.params['Id']) ?? '');
      const change = state.changes[id];
      if (!change)
        throw new AwsError(
          'NoSuchChange',
          `A change with the specified change ID does not exist: ${id}`,
          404,
        );
      return { ChangeInfo: changeOut(change, ctx) };
    },

    TestDNSAnswer(req) {
      const p = req.params;
      const zone = getZone(p['hostedzoneid']);
      const rawName = str(p['recordname']);
      const type = str(p['recordtype']);
      if (!rawName)
        throw new AwsError(
          'InvalidInput',
          `1 validation error detected: Value null at 'recordName' failed to satisfy constraint: Member must not be null`,
          400,
        );
      if (!type || !RECORD_TYPES.has(type))
        throw new AwsError(
          'InvalidInput',
          `1 validation error detected: Value '${type ?? 'null'}' at 'recordType' failed to satisfy constraint: Member must satisfy enum value set: [${[...RECORD_TYPES].join(', ')}]`,
          400,
        );
      const name = normalizeName(rawName);
      const answer = resolve(zone, name, type, 0);
      return {
        Nameserver: zone.nameServers[0] ?? 'ns-0.awsdns-00.com',
        RecordName: name,
        RecordType: type,
        RecordData: answer.data,
        ResponseCode: answer.code,
        Protocol: 'UDP',
      };
    },
  };

  /** Answer a query from the zone's records (weighted sets by smooth weighted round robin,
   *  so the share of answers follows the weights exactly and reproducibly). */
  const resolve = (
    zone: Zone,
    name: string,
    type: string,
    depth: number,
  ): { code: string; data: string[] } => {
    if (!inZone(name, zone.name)) return { code: 'REFUSED', data: [] };
    const atName = zone.records.filter((r) => r.Name === name);
    if (atName.length === 0) {
      // A wildcard `*.parent.` answers for names below parent that have no records.
      const wildcard = '\\052.' + name.slice(name.indexOf('.') + 1);
      if (name !== zone.name && zone.records.some((r) => r.Name === wildcard))
        return resolve(zone, wildcard, type, depth);
      return { code: 'NXDOMAIN', data: [] };
    }
    let candidates = atName.filter((r) => r.Type === type);
    if (candidates.length === 0) candidates = atName.filter((r) => r.Type === 'CNAME');
    if (candidates.length === 0) return { code: 'NOERROR', data: [] };
    let chosen: RecordSet;
    if (candidates.length === 1 || candidates[0]!.Weight === undefined) {
      chosen = candidates[0]!;
    } else {
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
      chosen = best!;
      counters[chosen.SetIdentifier ?? ''] = counters[chosen.SetIdentifier ?? '']! - total;
    }
    if (chosen.AliasTarget) {
      const target = state.zones[chosen.AliasTarget.HostedZoneId];
      if (target && depth < 8) {
        const inner = resolve(target, chosen.AliasTarget.DNSName, type, depth + 1);
        return { code: 'NOERROR', data: inner.data };
      }
      return { code: 'NOERROR', data: [chosen.AliasTarget.DNSName] };
    }
    return { code: 'NOERROR', data: [...(chosen.ResourceRecords ?? [])] };
  };

  return {
    name: 'route53',
    protocol: 'rest-xml',
    namespace: ROUTE53_NAMESPACE,
    operations,
    listItemNames: {
      HostedZones: 'HostedZone',
      ResourceRecordSets: 'ResourceRecordSet',
      ResourceRecords: 'ResourceRecord',
      NameServers: 'NameServer',
      RecordData: 'RecordDataEntry',
      VPCs: 'VPC',
    },
    restRoutes: [
      { method: 'POST', path: '/2013-04-01/hostedzone', operation: 'CreateHostedZone', status: 201 },
      { method: 'GET', path: '/2013-04-01/hostedzone', operation: 'ListHostedZones' },
      { method: 'GET', path: '/2013-04-01/hostedzonesbyname', operation: 'ListHostedZonesByName' },
      { method: 'GET', path: '/2013-04-01/hostedzone/{Id}', operation: 'GetHostedZone' },
      { method: 'DELETE', path: '/2013-04-01/hostedzone/{Id}', operation: 'DeleteHostedZone' },
      {
        method: 'POST',
        path: '/2013-04-01/hostedzone/{HostedZoneId}/rrset',
        operation: 'ChangeResourceRecordSets',
      },
      {
        method: 'GET',
        path: '/2013-04-01/hostedzone/{HostedZoneId}/rrset',
        operation: 'ListResourceRecordSets',
      },
      { method: 'GET', path: '/2013-04-01/change/{Id}', operation: 'GetChange' },
      { method: 'GET', path: '/2013-04-01/testdnsanswer', operation: 'TestDNSAnswer' },
    ],
    inventory(ctx) {
      const out: Array<{ kind: string; id: string; state?: string; tags: Record<string, string> }> = [];
      for (const z of Object.values(state.zones)) {
        out.push({ kind: 'hosted-zone', id: z.id, state: z.name, tags: {} });
        for (const r of z.records) {
          out.push({
            kind: 'resource-record-set',
            id: `${z.id}/${r.Name}/${r.Type}${r.SetIdentifier !== undefined ? '/' + r.SetIdentifier : ''}`,
            tags: {},
          });
        }
      }
      const now = ctx.clock.now();
      for (const c of Object.values(state.changes)) {
        if (now < c.submittedAt + propagation)
          out.push({ kind: 'change', id: c.id, state: 'PENDING', tags: {} });
      }
      return out;
    },
    snapshotState() {
      return JSON.parse(JSON.stringify(state)) as State;
    },
    restoreState(saved) {
      const s = (saved ?? {}) as Partial<State>;
      state = { zones: s.zones ?? {}, changes: s.changes ?? {}, rr: s.rr ?? {} };
    },
    reset() {
      state = emptyState();
    },
    seed(ctx) {
      if (!Object.values(state.zones).some((z) => z.name === 'example.test.')) {
        createZone(ctx, 'example.test.', 'sandbox-seed-example.test', 'sandbox default zone', undefined);
      }
    },
    recordsOf(zoneName) {
      const n = normalizeName(zoneName);
      return Object.values(state.zones)
        .find((z) => z.name === n)
        ?.records.map((r) => JSON.parse(JSON.stringify(r)) as RecordSet);
    },
  };
}

/** Upper-case-able hex id from the seeded generator (`ids.next` gives `prefix-<hex>`). */
function hexId(ctx: ServiceContext, prefix: string, length: number): string {
  const id = ctx.ids.next(prefix, length);
  return id.slice(id.lastIndexOf('-') + 1);
}
