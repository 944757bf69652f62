// RDS's error codes (the *Fault awsQueryError codes of the RDS model in @aws-sdk/client-rds)
// for errors raised in more than one place.
import { AwsError } from '../../service.js';

export const invalid = (message: string): AwsError => new AwsError('InvalidParameterValue', message, 400);

export const combination = (message: string): AwsError =>
  new AwsError('InvalidParameterCombination', message, 400);

export const instanceNotFound = (id: string): AwsError =>
  new AwsError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);

export const snapshotNotFound = (id: string): AwsError =>
  new AwsError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);

export const instanceExists = (): AwsError =>
  new AwsError('DBInstanceAlreadyExists', 'DB instance already exists', 400);

export const snapshotExists = (id: string): AwsError =>
  new AwsError(
    'DBSnapshotAlreadyExists',
    `Cannot create the snapshot because a snapshot with the identifier ${id} already exists.`,
    400,
  );

export const invalidInstanceState = (message: string): AwsError =>
  new AwsError('InvalidDBInstanceState', message, 400);

export const invalidSnapshotState = (message: string): AwsError =>
  new AwsError('InvalidDBSnapshotState', message, 400);

// Aurora DB clusters (codes from the same model).
export const clusterNotFound = (id: string): AwsError =>
  new AwsError('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404);

export const clusterExists = (): AwsError =>
  new AwsError('DBClusterAlreadyExistsFault', 'DB Cluster already exists', 400);

export const invalidClusterState = (message: string): AwsError =>
  new AwsError('InvalidDBClusterStateFault', message, 400);

export const clusterSnapshotNotFound = (id: string): AwsError =>
  new AwsError('DBClusterSnapshotNotFoundFault', `DBClusterSnapshot ${id} not found.`, 404);

export const clusterSnapshotExists = (id: string): AwsError =>
  new AwsError(
    'DBClusterSnapshotAlreadyExistsFault',
    `Cannot create the cluster snapshot because one with the identifier ${id} already exists.`,
    400,
  );

export const invalidClusterSnapshotState = (message: string): AwsError =>
  new AwsError('InvalidDBClusterSnapshotStateFault', message, 400);
