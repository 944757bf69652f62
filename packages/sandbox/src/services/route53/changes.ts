// ChangeResourceRecordSets and GetChange. A batch is atomic: every problem is collected
// and reported together as one InvalidChangeBatch, and nothing is applied unless there
// are none. CREATE of an existing record and a DELETE that does not repeat the record
// exactly fail the batch, so `[DELETE old, CREATE new]` is a compare-and-swap. Changes are
// PENDING, then INSYNC once the propagation delay of sandbox time has passed (computed on
// read, no timers).
import { AwsError, listParam, type SandboxRequest, type ServiceContext } from '../../service.js';
import { iso, str, type Params } from '../common/params.js';
import { compareRecords, inZone } from './names.js';
import { parseRecordSet, recordKey, recordLabel, sameRecord, valueProblems } from './record-sets.js';
import {
  getZone,
  hexId,
  stripPrefix,
  type Change,
  type RecordSet,
  type Route53Context,
  type Zone,
} from './state.js';

const ELB_SUFFIX = /\.elb\.amazonaws\.com\.?$/;

interface DecodedChange {
  action: string;
  rec: RecordSet;
  /** The alias target's DNSName exactly as the request gave it (a DELETE must repeat it). */
  aliasDnsName?: string;
}

/**
 * Whether a DELETE's alias DNSName repeats the stored one. AWS's API reference makes the
 * trailing dot optional for record *names* (ResourceRecordSet.Name), not for
 * AliasTarget.DNSName, which Route 53 returns fully qualified (`….elb.amazonaws.com.`); a
 * DELETE must give every value as it stands, so the dot is required here. DNS names compare
 * case-insensitively (RFC 4343).
 */
function sameAliasName(given: string | undefined, stored: string): boolean {
  return given === undefined || given.toLowerCase().replace(/\*/g, '\\052') === stored;
}

export function newChange(r53: Route53Context, ctx: ServiceContext, comment?: string): Change {
  const c: Change = {
    id: 'C' + hexId(ctx, 'change', 20).toUpperCase(),
    submittedAt: ctx.clock.now(),
    ...(comment !== undefined ? { comment } : {}),
  };
  r53.state.changes[c.id] = c;
  return c;
}

export const changeOut = (r53: Route53Context, c: Change, ctx: ServiceContext): Record<string, unknown> => ({
  Id: `/change/${c.id}`,
  Status: ctx.clock.now() >= c.submittedAt + r53.propagationMs ? 'INSYNC' : 'PENDING',
  SubmittedAt: iso(c.submittedAt),
  ...(c.comment !== undefined ? { Comment: c.comment } : {}),
});

/** Alias targets must exist before the batch (Route 53 checks against the zone as it is):
 *  a record in one of our zones, or a load balancer the ELBv2 service knows. */
function aliasProblems(r53: Route53Context, rec: RecordSet): string[] {
  const a = rec.AliasTarget;
  if (!a) return [];
  const prefix = `Tried to create an alias that targets ${a.DNSName}, type ${rec.Type} in zone ${a.HostedZoneId}`;
  const target = r53.state.zones[a.HostedZoneId];
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
    const lb = r53.options.loadBalancerByDnsName?.(bare);
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
}

/** Decode the whole batch first: shape errors (InvalidInput) come before semantic ones. */
function decodeChanges(batch: Params): DecodedChange[] {
  const rawChanges = listParam(batch['Changes'], 'Change');
  if (rawChanges.length === 0) {
    throw new AwsError(
      'InvalidInput',
      `1 validation error detected: Value '[]' at 'changeBatch.changes' failed to satisfy constraint: Member must have length greater than or equal to 1`,
      400,
    );
  }
  return rawChanges.map((raw, i) => {
    const c = (raw ?? {}) as Params;
    const action = str(c['Action']) ?? '';
    if (!['CREATE', 'DELETE', 'UPSERT'].includes(action)) {
      throw new AwsError(
        'InvalidInput',
        `1 validation error detected: Value '${action}' at 'changeBatch.changes.${i + 1}.member.action' failed to satisfy constraint: Member must satisfy enum value set: [CREATE, DELETE, UPSERT]`,
        400,
      );
    }
    const alias = ((c['ResourceRecordSet'] ?? {}) as Params)['AliasTarget'] as Params | undefined;
    const aliasDnsName = alias && typeof alias === 'object' ? str(alias['DNSName']) : undefined;
    return {
      action,
      rec: parseRecordSet(c['ResourceRecordSet'], i + 1, action),
      ...(aliasDnsName !== undefined ? { aliasDnsName } : {}),
    };
  });
}

/** Apply the changes in order to a copy of the zone's records, collecting each change's
 *  problems into `errors`; returns the records as they would be after the batch. */
function applyChanges(
  r53: Route53Context,
  zone: Zone,
  changes: DecodedChange[],
  errors: string[],
): RecordSet[] {
  const working = new Map<string, RecordSet>(zone.records.map((r) => [recordKey(r), r]));
  const touched = new Map<string, string[]>();
  for (const { action, rec, aliasDnsName } of changes) {
    const key = recordKey(rec);
    const previous = touched.get(key) ?? [];
    // One change per record set, except DELETE followed by CREATE (compare-and-swap).
    if (previous.length > 0 && !(previous.length === 1 && previous[0] === 'DELETE' && action === 'CREATE')) {
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
      else if (
        !sameRecord(existing, rec) ||
        (existing.AliasTarget && !sameAliasName(aliasDnsName, existing.AliasTarget.DNSName))
      )
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
    errors.push(...valueProblems(rec), ...aliasProblems(r53, rec));
    working.set(key, rec);
  }
  return [...working.values()];
}

/** Consistency of the resulting zone, for the names this batch touched. */
function consistencyProblems(zone: Zone, changes: DecodedChange[], after: RecordSet[]): string[] {
  const errors: string[] = [];
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
  return errors;
}

export function changeResourceRecordSets(
  r53: Route53Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const zone = getZone(r53.state, req.params['HostedZoneId'] ?? req.params['Id']);
  const batch = (req.params['ChangeBatch'] ?? {}) as Params;
  const changes = decodeChanges(batch);
  const errors: string[] = [];
  const after = applyChanges(r53, zone, changes, errors);
  errors.push(...consistencyProblems(zone, changes, after));
  if (errors.length > 0)
    throw new AwsError('InvalidChangeBatch', `[${[...new Set(errors)].join(', ')}]`, 400);

  zone.records = after.sort(compareRecords);
  const change = newChange(r53, ctx, str(batch['Comment']));
  return { ChangeInfo: changeOut(r53, change, ctx) };
}

export function getChange(
  r53: Route53Context,
  req: SandboxRequest,
  ctx: ServiceContext,
): Record<string, unknown> {
  const id = stripPrefix(str(req.params['Id']) ?? '');
  const change = r53.state.changes[id];
  if (!change)
    throw new AwsError('NoSuchChange', `A change with the specified change ID does not exist: ${id}`, 404);
  return { ChangeInfo: changeOut(r53, change, ctx) };
}
