// What cutover-dns may do in AWS (rendered into action-docs/ by npm run docs; the e2e tests
// check the calls the action makes against these actions).
import { arn, definePermissions, readHostedZones, waitForRoute53Change } from '@immut/core/iam-policy';

export default definePermissions({
  iam: [
    {
      sid: 'Describe',
      actions: [
        'elasticloadbalancing:DescribeLoadBalancers',
        'elasticloadbalancing:DescribeTags',
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeTargetHealth',
        'route53:ListHostedZonesByName',
        'route53:TestDNSAnswer',
      ],
      resources: ['*'],
      why: "Checks the target's load balancer and health and tests the answer; these calls take no resource-level permission, so they stay on *.",
      calls:
        'targets.ts: findLoadBalancer, resolveTarget, gatingTargetGroups, assessHealth; change.ts: testAnswer; core hosted-zone.ts: resolveZone',
    },
    readHostedZones({
      why: 'Reads only the hosted zones you name.',
      calls: 'core hosted-zone.ts: resolveZone, recordSetsAt, recordSetsWithChild',
    }),
    waitForRoute53Change({
      why: 'Waits for its change to be in sync (change ids are not known in advance).',
      calls: 'change.ts: waitInSync',
    }),
    {
      sid: 'MoveName',
      actions: ['route53:ChangeResourceRecordSets'],
      resources: [arn.route53('hostedzone/${HostedZoneId}')],
      conditions: {
        'ForAllValues:StringLike': {
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': [
            '${RecordName}',
            '_immut-history.${RecordName}',
            '_immut-lease.${RecordName}',
          ],
        },
        'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': ['A', 'TXT'] },
      },
      why: 'Changes only the role names you name (A records), their _immut-history. record and their _immut-lease. record (TXT), in the zones you name.',
      calls:
        'change.ts: applyBatch (its first batch takes the lease: core lease.ts leaseInBatch); core lease.ts: acquireLease',
    },
  ],
});
