// The data side of a release: the replica the inputs name, through core's guard, and its
// release tag. Apart from aws-resources.ts so that the RDS SDK loads only for a release with
// data (issue #20: load only the clients the run needs).
import {
  AddTagsToResourceCommand,
  DescribeDBInstancesCommand,
  ListTagsForResourceCommand,
  type RDSClient,
  type Tag,
} from '@aws-sdk/client-rds';
import { InputError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { assertManaged, fromAwsTags } from '@immut/core/tags';
import { awsName, type ReleaseDb } from './aws-resources.js';

/** The data replica, through the guard; a missing one is an input error. */
export async function findDb(
  rds: RDSClient,
  dbInstanceId: string,
  id: Identity,
  region: string,
): Promise<ReleaseDb> {
  let instance;
  try {
    instance = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: dbInstanceId })))
      .DBInstances?.[0];
  } catch (error) {
    if (!['DBInstanceNotFoundFault', 'DBInstanceNotFound'].includes(awsName(error) ?? '')) throw error;
  }
  if (!instance?.DBInstanceArn) {
    throw new InputError([
      `Input 'db-instance-id' was '${dbInstanceId}': no such RDS instance in ${region}; expected replicate-data's db-instance-id output from the same region.`,
    ]);
  }
  const tags = instance.TagList
    ? fromAwsTags(instance.TagList)
    : fromAwsTags(
        (await rds.send(new ListTagsForResourceCommand({ ResourceName: instance.DBInstanceArn }))).TagList,
      );
  assertManaged({ kind: 'DB instance', id: dbInstanceId, tags }, id);
  return {
    id: dbInstanceId,
    arn: instance.DBInstanceArn,
    engine: instance.Engine ?? 'unknown',
    ...(instance.Endpoint?.Address ? { address: instance.Endpoint.Address } : {}),
    ...(instance.DBClusterIdentifier ? { clusterId: instance.DBClusterIdentifier } : {}),
    tags,
  };
}

/** Writes the release's tag on the replica. */
export async function tagDb(rds: RDSClient, db: ReleaseDb, tags: Tag[]): Promise<void> {
  await rds.send(new AddTagsToResourceCommand({ ResourceName: db.arn, Tags: tags }));
}
