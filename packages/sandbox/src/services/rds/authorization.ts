// The IAM authorizations RDS makes for each call (Service Authorization Reference,
// "Amazon RDS"), with the DB instances' and snapshots' tags read from the state. A create
// that carries Tags is also authorized on rds:AddTagsToResource ("Grant permission to tag
// Amazon RDS resources during creation"); RDS has no key naming the creating call, so a
// policy that allows AddTagsToResource allows it on existing resources as well.
// Not modelled: option groups and parameter groups are authorized only when the request
// names them (their default names depend on the engine version); a final snapshot at
// DeleteDBInstance or DeleteDBCluster is not authorized separately.
import type { AuthorizationRequest, ResourceRef, TagMap } from '../../iam/request.js';
import type { SandboxRequest } from '../../service.js';
import { str, strings, type Params } from '../common/params.js';
import { tagList, toMap } from '../common/tags.js';
import type { RdsState } from './state.js';

const action = (name: string): string => `rds:${name}`;

/** `arn:…:db:name` / `arn:…:snapshot:name` (or cluster, cluster-snapshot) or a bare
 *  identifier, as RDS accepts both. */
function idOf(value: string, type: 'db' | 'snapshot' | 'cluster' | 'cluster-snapshot'): string {
  const m = /^arn:aws[a-z-]*:rds:[^:]*:[^:]*:([a-z-]+):(.+)$/.exec(value);
  return (m && m[1] === type ? m[2]! : value).toLowerCase();
}

const db = (id: string): ResourceRef => ({ type: 'db', ids: { DbInstanceName: id } });
const snapshot = (id: string): ResourceRef => ({ type: 'snapshot', ids: { SnapshotName: id } });
const cluster = (id: string): ResourceRef => ({ type: 'cluster', ids: { DbClusterInstanceName: id } });
const clusterSnapshot = (id: string): ResourceRef => ({
  type: 'cluster-snapshot',
  ids: { ClusterSnapshotName: id },
});

interface RdsAuth {
  state: RdsState;
  req: SandboxRequest;
  p: Params;
}

function onDb(a: RdsAuth, name: string, idOrArn: string | undefined): AuthorizationRequest {
  const id = idOf(idOrArn ?? '', 'db');
  const inst = a.state.instances[id];
  return {
    action: action(name),
    resource: db(id),
    resourceTags: toMap(inst?.tags ?? []),
    context: inst ? { 'rds:DatabaseEngine': inst.engine, 'rds:DatabaseClass': inst.instanceClass } : {},
  };
}

function onSnapshot(a: RdsAuth, name: string, idOrArn: string | undefined): AuthorizationRequest {
  const id = idOf(idOrArn ?? '', 'snapshot');
  return {
    action: action(name),
    resource: snapshot(id),
    resourceTags: toMap(a.state.snapshots[id]?.tags ?? []),
  };
}

function onCluster(a: RdsAuth, name: string, idOrArn: string | undefined): AuthorizationRequest {
  const id = idOf(idOrArn ?? '', 'cluster');
  return {
    action: action(name),
    resource: cluster(id),
    resourceTags: toMap(a.state.clusters[id]?.tags ?? []),
  };
}

function onClusterSnapshot(a: RdsAuth, name: string, idOrArn: string | undefined): AuthorizationRequest {
  const id = idOf(idOrArn ?? '', 'cluster-snapshot');
  return {
    action: action(name),
    resource: clusterSnapshot(id),
    resourceTags: toMap(a.state.clusterSnapshots[id]?.tags ?? []),
  };
}

const requestTags = (p: Params): TagMap => toMap(tagList(p['Tags'], 'Tag'));

/** The new resource, tagged from the request, and AddTagsToResource when there are tags. */
function created(name: string, resource: ResourceRef, tags: TagMap): AuthorizationRequest[] {
  const out: AuthorizationRequest[] = [{ action: action(name), resource, requestTags: tags }];
  if (Object.keys(tags).length > 0)
    out.push({ action: action('AddTagsToResource'), resource, requestTags: tags });
  return out;
}

/** Groups the request names (subnet group: `default` when none is named). */
function groups(a: RdsAuth, name: string, subnetDefault: boolean): AuthorizationRequest[] {
  const out: AuthorizationRequest[] = [];
  const subnet = str(a.p['DBSubnetGroupName']) ?? (subnetDefault ? 'default' : undefined);
  if (subnet)
    out.push({ action: action(name), resource: { type: 'subgrp', ids: { SubnetGroupName: subnet } } });
  const cpg = str(a.p['DBClusterParameterGroupName']);
  if (cpg)
    out.push({
      action: action(name),
      resource: { type: 'cluster-pg', ids: { ClusterParameterGroupName: cpg } },
    });
  const pg = str(a.p['DBParameterGroupName']);
  if (pg) out.push({ action: action(name), resource: { type: 'pg', ids: { ParameterGroupName: pg } } });
  const og = str(a.p['OptionGroupName']);
  if (og) out.push({ action: action(name), resource: { type: 'og', ids: { OptionGroupName: og } } });
  return out;
}

function tagOperation(a: RdsAuth): AuthorizationRequest[] {
  const arn = str(a.p['ResourceName']) ?? '';
  const type = /^arn:aws[a-z-]*:rds:[^:]*:[^:]*:([a-z-]+):/.exec(arn)?.[1] ?? 'db';
  const base =
    type === 'snapshot'
      ? onSnapshot(a, a.req.operation, arn)
      : type === 'cluster'
        ? onCluster(a, a.req.operation, arn)
        : type === 'cluster-snapshot'
          ? onClusterSnapshot(a, a.req.operation, arn)
          : onDb(a, a.req.operation, arn);
  // A resource type the sandbox does not tag keeps the ARN as given.
  const resource = ['snapshot', 'db', 'cluster', 'cluster-snapshot'].includes(type)
    ? base.resource!
    : { type, arn };
  if (a.req.operation === 'AddTagsToResource') return [{ ...base, resource, requestTags: requestTags(a.p) }];
  if (a.req.operation === 'RemoveTagsFromResource')
    return [{ ...base, resource, tagKeys: strings(a.p['TagKeys'], 'member') }];
  return [{ ...base, resource }];
}

/** The source of a point-in-time restore, by identifier or by DbiResourceId. */
function pointInTimeSource(a: RdsAuth): string | undefined {
  const byName = str(a.p['SourceDBInstanceIdentifier']);
  if (byName) return byName;
  const resourceId = str(a.p['SourceDbiResourceId']);
  return Object.values(a.state.instances).find((i) => i.resourceId === resourceId)?.id;
}

type Rule = (a: RdsAuth) => AuthorizationRequest[];

/** Aurora DB clusters and cluster snapshots (SAR resource types cluster, cluster-snapshot). */
const CLUSTER_RULES: Record<string, Rule> = {
  DescribeDBClusters: (a) => {
    const id = str(a.p['DBClusterIdentifier']);
    return [
      id
        ? onCluster(a, 'DescribeDBClusters', id)
        : { action: action('DescribeDBClusters'), resource: cluster('*') },
    ];
  },
  RestoreDBClusterToPointInTime: (a) => [
    onCluster(a, 'RestoreDBClusterToPointInTime', clusterPointInTimeSource(a)),
    ...created(
      'RestoreDBClusterToPointInTime',
      cluster(idOf(str(a.p['DBClusterIdentifier']) ?? '', 'cluster')),
      requestTags(a.p),
    ),
    ...groups(a, 'RestoreDBClusterToPointInTime', true),
  ],
  RestoreDBClusterFromSnapshot: (a) => [
    onClusterSnapshot(a, 'RestoreDBClusterFromSnapshot', str(a.p['SnapshotIdentifier'])),
    ...created(
      'RestoreDBClusterFromSnapshot',
      cluster(idOf(str(a.p['DBClusterIdentifier']) ?? '', 'cluster')),
      requestTags(a.p),
    ),
    ...groups(a, 'RestoreDBClusterFromSnapshot', true),
  ],
  ModifyDBCluster: (a) => [
    onCluster(a, 'ModifyDBCluster', str(a.p['DBClusterIdentifier'])),
    ...groups(a, 'ModifyDBCluster', false),
  ],
  // Its final snapshot is not authorized separately, as DeleteDBInstance's (header note).
  DeleteDBCluster: (a) => [onCluster(a, 'DeleteDBCluster', str(a.p['DBClusterIdentifier']))],
  CreateDBClusterSnapshot: (a) => [
    onCluster(a, 'CreateDBClusterSnapshot', str(a.p['DBClusterIdentifier'])),
    ...created(
      'CreateDBClusterSnapshot',
      clusterSnapshot(idOf(str(a.p['DBClusterSnapshotIdentifier']) ?? '', 'cluster-snapshot')),
      requestTags(a.p),
    ),
  ],
  DeleteDBClusterSnapshot: (a) => [
    onClusterSnapshot(a, 'DeleteDBClusterSnapshot', str(a.p['DBClusterSnapshotIdentifier'])),
  ],
  DescribeDBClusterSnapshots: (a) => {
    const snap = str(a.p['DBClusterSnapshotIdentifier']);
    const c = str(a.p['DBClusterIdentifier']);
    if (snap) return [onClusterSnapshot(a, 'DescribeDBClusterSnapshots', snap)];
    if (c) return [onCluster(a, 'DescribeDBClusterSnapshots', c)];
    return [{ action: action('DescribeDBClusterSnapshots'), resource: clusterSnapshot('*') }];
  },
};

/** The source of a cluster point-in-time restore, by identifier or by DbClusterResourceId. */
function clusterPointInTimeSource(a: RdsAuth): string | undefined {
  const byName = str(a.p['SourceDBClusterIdentifier']);
  if (byName) return byName;
  const resourceId = str(a.p['SourceDbClusterResourceId']);
  return Object.values(a.state.clusters).find((c) => c.resourceId === resourceId)?.id;
}

const RULES: Record<string, Rule> = {
  CreateDBInstance: (a) => {
    const inCluster = str(a.p['DBClusterIdentifier']);
    return [
      ...created(
        'CreateDBInstance',
        db(idOf(str(a.p['DBInstanceIdentifier']) ?? '', 'db')),
        requestTags(a.p),
      ),
      // An instance added to a cluster is authorized on the cluster too (SAR: cluster).
      ...(inCluster ? [onCluster(a, 'CreateDBInstance', inCluster)] : []),
      ...groups(a, 'CreateDBInstance', !inCluster),
    ];
  },
  DescribeDBInstances: (a) => {
    const id = str(a.p['DBInstanceIdentifier']);
    return [
      id ? onDb(a, 'DescribeDBInstances', id) : { action: action('DescribeDBInstances'), resource: db('*') },
    ];
  },
  ModifyDBInstance: (a) => [
    onDb(a, 'ModifyDBInstance', str(a.p['DBInstanceIdentifier'])),
    ...groups(a, 'ModifyDBInstance', false),
  ],
  DeleteDBInstance: (a) => [onDb(a, 'DeleteDBInstance', str(a.p['DBInstanceIdentifier']))],
  CreateDBSnapshot: (a) => [
    onDb(a, 'CreateDBSnapshot', str(a.p['DBInstanceIdentifier'])),
    ...created(
      'CreateDBSnapshot',
      snapshot(idOf(str(a.p['DBSnapshotIdentifier']) ?? '', 'snapshot')),
      requestTags(a.p),
    ),
  ],
  DeleteDBSnapshot: (a) => [onSnapshot(a, 'DeleteDBSnapshot', str(a.p['DBSnapshotIdentifier']))],
  DescribeDBSnapshots: (a) => {
    const snap = str(a.p['DBSnapshotIdentifier']);
    const inst = str(a.p['DBInstanceIdentifier']);
    if (snap) return [onSnapshot(a, 'DescribeDBSnapshots', snap)];
    if (inst) return [onDb(a, 'DescribeDBSnapshots', inst)];
    return [{ action: action('DescribeDBSnapshots'), resource: snapshot('*') }];
  },
  RestoreDBInstanceFromDBSnapshot: (a) => [
    onSnapshot(a, 'RestoreDBInstanceFromDBSnapshot', str(a.p['DBSnapshotIdentifier'])),
    ...created(
      'RestoreDBInstanceFromDBSnapshot',
      db(idOf(str(a.p['DBInstanceIdentifier']) ?? '', 'db')),
      requestTags(a.p),
    ),
    ...groups(a, 'RestoreDBInstanceFromDBSnapshot', true),
  ],
  RestoreDBInstanceToPointInTime: (a) => [
    onDb(a, 'RestoreDBInstanceToPointInTime', pointInTimeSource(a)),
    ...created(
      'RestoreDBInstanceToPointInTime',
      db(idOf(str(a.p['TargetDBInstanceIdentifier']) ?? '', 'db')),
      requestTags(a.p),
    ),
    ...groups(a, 'RestoreDBInstanceToPointInTime', true),
  ],
  ...CLUSTER_RULES,
  AddTagsToResource: tagOperation,
  RemoveTagsFromResource: tagOperation,
  ListTagsForResource: tagOperation,
};

/** Calls whose request tags, `aws:TagKeys` and `rds:PubliclyAccessible` the Service
 *  Authorization Reference lists at the action level, not under one resource type: they are in
 *  the context of every resource the call authorizes (the source snapshot or DB and the groups,
 *  not only the new resource). */
const ACTION_LEVEL_REQUEST_KEYS = new Set([
  'CreateDBInstance',
  'CreateDBSnapshot',
  'RestoreDBInstanceFromDBSnapshot',
  'RestoreDBInstanceToPointInTime',
  'RestoreDBClusterToPointInTime',
  'RestoreDBClusterFromSnapshot',
  'CreateDBClusterSnapshot',
]);

export function rdsAuthorization(state: RdsState, req: SandboxRequest): AuthorizationRequest[] {
  const rule = RULES[req.operation];
  if (!rule) return [{ action: action(req.operation) }];
  const out = rule({ state, req, p: req.params });
  if (!ACTION_LEVEL_REQUEST_KEYS.has(req.operation)) return out;
  const tags = requestTags(req.params);
  const publiclyAccessible = str(req.params['PubliclyAccessible']);
  return out.map((r) =>
    r.action === action(req.operation)
      ? {
          ...r,
          requestTags: r.requestTags ?? tags,
          ...(publiclyAccessible !== undefined
            ? { context: { ...(r.context ?? {}), 'rds:PubliclyAccessible': publiclyAccessible } }
            : {}),
        }
      : r,
  );
}
