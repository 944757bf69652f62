// What is live: the role's name as it stands (plain or weighted aliases) and its history
// record. Retirement must never remove a build the name points at, so every alias target
// counts, whatever the history says, and a name immut does not manage is refused outright.
import type { Route53Client } from '@aws-sdk/client-route-53';
import { type History, historyName, parseHistory } from '@immut/core/dns-history';
import { GuardError } from '@immut/core/errors';
import { recordSetsWithChild } from '@immut/core/hosted-zone';
import { bareDnsName } from '@immut/core/naming';
import { MANAGED_BY_VALUE, TAG, assertManaged } from '@immut/core/tags';
import type { RoleEnv } from './discover.js';

export interface Live {
  name: string;
  history?: History;
  /** Load balancer DNS names the name's A records point at (bare form), weighted sets included. */
  pointsAt: string[];
  /** A weighted cutover is under way: traffic is split between builds. */
  weighted: boolean;
  /** TTL of the name's answers, in ms (an alias to a load balancer answers with 60 s). */
  ttlMs: number;
}

/** Route 53 answers an alias to a load balancer with a 60 s TTL. */
const ALIAS_TTL_MS = 60_000;

export async function readLive(
  route53: Route53Client,
  zoneId: string,
  name: string,
  who: RoleEnv,
): Promise<Live> {
  const { a: records, childTxt } = await recordSetsWithChild(route53, zoneId, name, historyName(name));
  const [txt] = childTxt;
  const history = txt ? parseHistory(txt) : undefined;
  if (!history && records.length > 0) {
    throw new GuardError(
      `Refusing to retire builds of role '${who.role}' in env '${who.env}': ${name} has an A record but no immut history record (${historyName(name)} TXT), so immut cannot tell which build is live. Check the 'name' input.`,
    );
  }
  if (history) {
    assertManaged(
      {
        kind: 'DNS name',
        id: name,
        tags: { [TAG.managedBy]: MANAGED_BY_VALUE, [TAG.role]: history.role, [TAG.env]: history.env },
      },
      who,
    );
  }
  const valueRecords = records.filter((r) => !r.AliasTarget?.DNSName);
  if (valueRecords.length > 0) {
    throw new GuardError(
      `Refusing to retire builds: ${name} holds A records with plain values (${JSON.stringify(valueRecords.map((r) => r.ResourceRecords?.map((v) => v.Value)))}), which immut did not write, so what is live is unknown. Fix the record first.`,
    );
  }
  const ttls = [ALIAS_TTL_MS, ...records.concat(txt ? [txt] : []).map((r) => (r.TTL ?? 0) * 1000)];
  return {
    name,
    ...(history ? { history } : {}),
    pointsAt: records.map((r) => bareDnsName(r.AliasTarget?.DNSName ?? '')),
    weighted: records.some((r) => r.SetIdentifier !== undefined) || history?.weight !== undefined,
    ttlMs: Math.max(...ttls),
  };
}
