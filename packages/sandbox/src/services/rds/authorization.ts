// The IAM authorizations RDS makes for each call (Service Authorization Reference,
// "Amazon RDS"), with the DB instances' and snapshots' tags read from the state. A create
// that carries Tags is also authorized on rds:AddTagsToResource ("Grant permission to tag
// Amazon RDS resources during creation"); RDS has no key naming the creating call, so a
// policy that allows AddTagsToResource allows it on existing resources as well.
// Not modelled: option groups and parameter groups are authorized only when the request
// names them (their default names depend on the engine version); a final snapshot at
// DeleteDBInstance is not authorized separately.
import type { AuthorizationRequest, ResourceRef, TagMap } from '../../iam/request.js';
import type { SandboxRequest } from '../../service.js';
import { str, strings, type Params } from '../common/params.js';
import { tagList, toMap } from '../common/tags.js';
import type { RdsState } from './state.js';

const action = (name: string): string => `rds:${name}`;

/** `arn:…:db:name` / `arn:…:snapshot:name` or a bare identifier, as RDS accepts both. */
function idOf(value: string, type: 'db' | 'snapshot'): string {
  const m = /^arn:aws[a-z-]*:rds:[^:]*:[^:]*:([a-z-]+):(.+)$/.exec(value);
  return (m && m[1] === type ? m[2]! : value).toLowerCase();
}

const db = (id: string): ResourceRef => ({ type: 'db', ids: { DbInstanceName: id } });
const snapshot = (id: string): ResourceRef => ({ type: 'snapshot', ids: { SnapshotName: id } });

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
  const pg = str(a.p['DBParameterGroupName']);
  if (pg) out.push({ action: action(name), resource: { type: 'pg', ids: { ParameterGroupName: pg } } });
  const og = str(a.p['OptionGroupName']);
  if (og) out.push({ action: action(name), resource: { type: 'og', ids: { OptionGroupName: og } } });
  return out;
}

function tagOperation(a: RdsAuth): AuthorizationRequest[] {
  const arn = str(a.p['ResourceName']) ?? '';
  const type = /^arn:aws[a-z-]*:rds:[^:]*:[^:]*:([a-z-]+):/.exec(arn)?.[1] ?? 'db';
  const base = type === 'snapshot' ? onSnapshot(a, a.req.operation, arn) : onDb(a, a.req.operation, arn);
  // A resource type the sandbox does not tag keeps the ARN as given.
  const resource = type === 'snapshot' || type === 'db' ? base.resource! : { type, arn };
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

const RULES: Record<string, Rule> = {
  CreateDBInstance: (a) => [
    ...created('CreateDBInstance', db(idOf(str(a.p['DBInstanceIdentifier']) ?? '', 'db')), requestTags(a.p)),
    ...groups(a, 'CreateDBInstance', true),
  ],
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
