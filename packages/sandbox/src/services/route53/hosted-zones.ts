// Hosted zones: create (idempotent by CallerReference), get, delete (only when nothing but
// the apex NS/SOA is left) and the two listings, by id and by name.
import { AwsError, RESPONSE_HEADERS, type SandboxRequest, type ServiceContext } from '../../service.js';
import { boolean, str, type Params } from '../common/params.js';
import { changeOut, newChange } from './changes.js';
import { cmp, compareNames, normalizeName, validDomainName } from './names.js';
import { maxItems } from './params.js';
import { getZone, hexId, stripPrefix, type Route53Context, type Vpc, type Zone } from './state.js';

const zoneOut = (z: Zone): Record<string, unknown> => ({
  Id: `/hostedzone/${z.id}`,
  Name: z.name,
  CallerReference: z.callerReference,
  Config: { ...(z.comment !== undefined ? { Comment: z.comment } : {}), PrivateZone: z.privateZone },
  ResourceRecordSetCount: z.records.length,
});

/** A new zone with its apex NS and SOA records (public zones get four name servers). */
export function createZone(
  r53: Route53Context,
  ctx: ServiceContext,
  name: string,
  callerReference: string,
  comment: string | undefined,
  vpc: Vpc | undefined,
): Zone {
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
  r53.state.zones[id] = zone;
  return zone;
}

const nullValue = (at: string): AwsError =>
  new AwsError(
    'InvalidInput',
    `1 validation error detected: Value null at '${at}' failed to satisfy constraint: Member must not be null`,
    400,
  );

export function createHostedZone(
  r53: Route53Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const p = req.params;
  const rawName = str(p['Name']);
  const callerReference = str(p['CallerReference']);
  if (!rawName) throw nullValue('name');
  if (!callerReference) throw nullValue('callerReference');
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
  if (Object.values(r53.state.zones).some((z) => z.callerReference === callerReference)) {
    throw new AwsError(
      'HostedZoneAlreadyExists',
      `A hosted zone has already been created with the specified caller reference.`,
      409,
    );
  }
  const config = (p['HostedZoneConfig'] ?? {}) as Params;
  const vpcRaw = p['VPC'] as Params | undefined;
  const vpc =
    vpcRaw && str(vpcRaw['VPCId'])
      ? { VPCRegion: str(vpcRaw['VPCRegion']) ?? req.region, VPCId: str(vpcRaw['VPCId'])! }
      : undefined;
  if (boolean(config['PrivateZone']) === true && !vpc)
    throw new AwsError('InvalidInput', 'When you create a private hosted zone, you must specify a VPC.', 400);
  const zone = createZone(r53, ctx, name, callerReference, str(config['Comment']), vpc);
  const change = newChange(r53, ctx);
  return {
    [RESPONSE_HEADERS]: { Location: `https://route53.amazonaws.com/2013-04-01/hostedzone/${zone.id}` },
    HostedZone: zoneOut(zone),
    ChangeInfo: changeOut(r53, change, ctx),
    ...(vpc ? { VPC: vpc } : { DelegationSet: { NameServers: zone.nameServers } }),
  };
}

export function getHostedZone(r53: Route53Context, req: SandboxRequest): Record<string, unknown> {
  const zone = getZone(r53.state, req.params['Id']);
  return {
    HostedZone: zoneOut(zone),
    ...(zone.privateZone ? { VPCs: zone.vpcs } : { DelegationSet: { NameServers: zone.nameServers } }),
  };
}

export function deleteHostedZone(
  r53: Route53Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const zone = getZone(r53.state, req.params['Id']);
  if (zone.records.some((r) => !(r.Name === zone.name && (r.Type === 'NS' || r.Type === 'SOA')))) {
    throw new AwsError(
      'HostedZoneNotEmpty',
      'The specified hosted zone contains non-required resource record sets and so cannot be deleted.',
      400,
    );
  }
  delete r53.state.zones[zone.id];
  return { ChangeInfo: changeOut(r53, newChange(r53, ctx), ctx) };
}

export function listHostedZones(r53: Route53Context, req: SandboxRequest): Record<string, unknown> {
  const max = maxItems(req.params['maxitems'], 100);
  const zones = Object.values(r53.state.zones).sort((a, b) => cmp(a.id, b.id));
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
}

/** Zones in name order (reversed labels), then id; starts at (dnsname, hostedzoneid). */
export function listHostedZonesByName(r53: Route53Context, req: SandboxRequest): Record<string, unknown> {
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
  const zones = Object.values(r53.state.zones).sort(
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
}
