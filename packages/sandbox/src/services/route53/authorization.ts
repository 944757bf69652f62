// The IAM authorizations Route 53 makes for each call (Service Authorization Reference,
// "Amazon Route 53"): the hosted zone or change a call names, and for
// ChangeResourceRecordSets the three multivalued keys AWS sets from the change batch
// ("Using IAM policy conditions for fine-grained access control" in the Route 53
// developer guide): the normalized record names, the record types and the actions.
// Hosted zones are not tag-conditionable in IAM, so no state is read.
import type { AuthorizationRequest, ResourceRef } from '../../iam/request.js';
import { uniq } from '../../iam/request.js';
import { listParam, type SandboxRequest } from '../../service.js';
import { str, type Params } from '../common/params.js';

const action = (name: string): string => `route53:${name}`;

/** `/hostedzone/Z123` or `Z123` → `Z123`. */
const bareId = (value: unknown): string => (str(value) ?? '').replace(/^\/?(hostedzone|change)\//, '');

const zone = (value: unknown): ResourceRef => ({ type: 'hostedzone', ids: { Id: bareId(value) } });

/** A record name as IAM compares it: lower case, no trailing dot, and the escape `\052`
 *  written as `*` (Route 53 stores a wildcard label escaped). */
export function normalizedRecordName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '').replace(/\\052/g, '*');
}

function changeRecordSets(req: SandboxRequest): AuthorizationRequest[] {
  const batch = (req.params['ChangeBatch'] ?? {}) as Params;
  const changes = listParam(batch['Changes'], 'Change').map((c) => (c ?? {}) as Params);
  const sets = changes.map((c) => (c['ResourceRecordSet'] ?? {}) as Params);
  return [
    {
      action: action('ChangeResourceRecordSets'),
      resource: zone(req.params['HostedZoneId']),
      context: {
        'route53:ChangeResourceRecordSetsNormalizedRecordNames': uniq(
          sets.map((s) => normalizedRecordName(str(s['Name']) ?? '')),
        ),
        'route53:ChangeResourceRecordSetsRecordTypes': uniq(sets.map((s) => str(s['Type']) ?? '')),
        'route53:ChangeResourceRecordSetsActions': uniq(changes.map((c) => str(c['Action']) ?? '')),
      },
    },
  ];
}

type Rule = (req: SandboxRequest) => AuthorizationRequest[];

const onZone =
  (name: string, param: string): Rule =>
  (req) => [{ action: action(name), resource: zone(req.params[param]) }];

const RULES: Record<string, Rule> = {
  ChangeResourceRecordSets: changeRecordSets,
  GetHostedZone: onZone('GetHostedZone', 'Id'),
  DeleteHostedZone: onZone('DeleteHostedZone', 'Id'),
  ListResourceRecordSets: onZone('ListResourceRecordSets', 'HostedZoneId'),
  GetChange: (req) => [
    { action: action('GetChange'), resource: { type: 'change', ids: { Id: bareId(req.params['Id']) } } },
  ],
};

/** The authorizations of one Route 53 call; the rest (CreateHostedZone, List*, TestDNSAnswer)
 *  have no resource-level permissions and are authorized on `*`. */
export function route53Authorization(req: SandboxRequest): AuthorizationRequest[] {
  const rule = RULES[req.operation];
  return rule ? rule(req) : [{ action: action(req.operation) }];
}
