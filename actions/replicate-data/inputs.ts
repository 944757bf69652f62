import { awsIds, bool, choice, commonInputs, duration, matching, optional, text } from '@immut/core/inputs';
import { ISOLATION_MODES, envNames } from '@immut/core/user-command';

const RDS_IDENTIFIER = /^[a-zA-Z](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,62}$/;

export const replicateDataInputs = {
  ...commonInputs,
  // One of source-db (an instance, or a cluster: detected) and source-cluster is required (crossCheck).
  sourceDb: optional(
    matching(
      RDS_IDENTIFIER,
      'an RDS DB instance identifier (1–63 letters, digits or single hyphens, letter first)',
    ),
  ),
  sourceCluster: optional(
    matching(
      RDS_IDENTIFIER,
      'an Aurora DB cluster identifier (1–63 letters, digits or single hyphens, letter first)',
    ),
  ),
  // No default here: it depends on the source (latest-snapshot for an instance, clone for a cluster).
  from: optional(
    matching(
      /^(?:latest-snapshot|point-in-time|new-snapshot|clone|snapshot:[a-zA-Z][a-zA-Z0-9:-]{0,254})$/,
      "'latest-snapshot', 'point-in-time', 'new-snapshot', 'clone' (Aurora) or 'snapshot:<snapshot id>'",
    ),
  ),
  changelogCommand: optional(text('the command that applies the change log (migrations) to the replica')),
  changelogEnv: optional(envNames('the change log command')),
  changelogIsolation: optional(choice(ISOLATION_MODES), 'pid-namespace'),
  dbSubnetGroup: optional(matching(/^[a-zA-Z0-9 ._-]{1,255}$/, 'a DB subnet group name')),
  securityGroupIds: optional(awsIds('sg')),
  instanceClass: optional(
    matching(/^db\.[a-z0-9]+\.[a-z0-9]+$/, 'an RDS instance class such as db.t4g.micro'),
  ),
  serverlessCapacity: optional(
    matching(
      /^\d{1,3}(?:\.5)?-\d{1,3}(?:\.5)?$/,
      'an Aurora Serverless v2 capacity range in ACUs, MIN-MAX such as 0.5-4 (steps of 0.5, up to 256)',
    ),
  ),
  keepOnFailure: optional(bool(), 'false'),
  timeout: optional(duration('5m', '24h'), '90m'),
} as const;
