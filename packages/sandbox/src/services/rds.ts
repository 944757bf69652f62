// Emulated Amazon RDS (awsQuery, API version 2014-10-31): DB instances and DB snapshots
// with AWS's identifier rules, status lifecycles on the sandbox clock, automated and
// manual snapshots, restores from a snapshot or to a point in time, tags, and — when a
// PostgreSQL backend is attached — a real database behind every postgres instance.
//
// Shapes and error codes follow the RDS model in @aws-sdk/client-rds (DBInstance,
// DBSnapshot, *Fault awsQueryError codes); the rules are the ones in the RDS API
// reference for each operation. State is plain JSON; statuses advance lazily on read.

import { createHash } from 'node:crypto';
import { DURATIONS } from '../durations.js';
import { persistentDataDir, startPostgresBackend, type PostgresBackend } from '../postgres.js';
import { SEED } from '../seed.js';
import {
  AwsError,
  listParam,
  type EmulatedService,
  type OperationHandler,
  type SandboxRequest,
  type ServiceContext,
} from '../service.js';
import { settle, timeline, transition, type Timeline } from '../timeline.js';

export const RDS_NAMESPACE = 'http://rds.amazonaws.com/doc/2014-10-31/';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** RDS-specific timings not in the shared DURATIONS table. */
export const RDS_TIMINGS = {
  /** LatestRestorableTime trails the present: "typically within the last five minutes"
   *  (RDS user guide, "Restoring a DB instance to a specified time"). */
  latestRestorableLag: 5 * MIN,
  /** A new Secrets Manager master-user secret is `creating`, then `active` (unsourced). */
  masterSecretCreating: 1 * MIN,
  /** resetting-master-credentials after a MasterUserPassword change (unsourced). */
  resettingCredentials: 1 * MIN,
};

// ---------------------------------------------------------------------------------------
// State

type InstanceStatus =
  | 'creating'
  | 'backing-up'
  | 'available'
  | 'modifying'
  | 'resetting-master-credentials'
  | 'deleting'
  | 'failed'
  | 'incompatible-restore'
  | 'deleted';

type SnapshotStatus = 'creating' | 'available';

interface Tag {
  Key: string;
  Value: string;
}

interface DbInstance {
  id: string;
  arn: string;
  region: string;
  resourceId: string;
  instanceClass: string;
  engine: string;
  engineVersion: string;
  licenseModel: string;
  allocatedStorage: number;
  storageType: string;
  iops?: number;
  masterUsername: string;
  dbName?: string;
  port: number;
  backupRetentionPeriod: number;
  preferredBackupWindow: string;
  preferredMaintenanceWindow: string;
  multiAz: boolean;
  publiclyAccessible: boolean;
  autoMinorVersionUpgrade: boolean;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  deletionProtection: boolean;
  copyTagsToSnapshot: boolean;
  vpcSecurityGroupIds: string[];
  dbSubnetGroupName?: string;
  parameterGroupName: string;
  availabilityZone: string;
  /** Sandbox ms: when the request was made. */
  requestedAt: number;
  /** Sandbox ms: when the instance left `creating` (InstanceCreateTime). */
  createdAt: number;
  timeline: Timeline<InstanceStatus>;
  tags: Tag[];
  masterUserSecret?: { arn: string; kmsKeyId: string; activeAt: number };
  /** The last MasterUserPassword change (sandbox ms): when it was asked for and when it takes
   *  effect. Only the times are kept: the backend PostgreSQL trusts loopback connections, so
   *  passwords are recorded, not verified. */
  masterPasswordChange?: { requestedAt: number; appliedAt: number };
  pendingModifiedValues: Record<string, string | number | boolean>;
  /** Sandbox ms when backing-up starts (the initial automated backup), if backups are on. */
  initialBackupAt?: number;
  initialBackupTaken: boolean;
  /** Earliest restorable time, for point-in-time restores. */
  earliestRestorableAt?: number;
  /** Name of the database on the PostgreSQL backend, when there is one. */
  pgDatabase?: string;
}

interface DbSnapshot {
  id: string;
  arn: string;
  instanceId: string;
  type: 'automated' | 'manual';
  region: string;
  createdAt: number;
  timeline: Timeline<SnapshotStatus>;
  engine: string;
  engineVersion: string;
  licenseModel: string;
  instanceClass: string;
  allocatedStorage: number;
  storageType: string;
  iops?: number;
  port: number;
  availabilityZone: string;
  instanceCreateTime: number;
  masterUsername: string;
  dbName?: string;
  encrypted: boolean;
  kmsKeyId?: string;
  backupRetentionPeriod: number;
  preferredBackupWindow: string;
  dbiResourceId: string;
  tags: Tag[];
  pgDatabase?: string;
}

interface RdsState {
  instances: Record<string, DbInstance>;
  snapshots: Record<string, DbSnapshot>;
}

const emptyState = (): RdsState => ({ instances: {}, snapshots: {} });

// ---------------------------------------------------------------------------------------
// Parameter helpers

function str(params: Record<string, unknown>, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function required(params: Record<string, unknown>, name: string): string {
  const v = str(params, name);
  if (v === undefined || v === '')
    throw new AwsError('MissingParameter', `The request must contain the parameter ${name}`, 400);
  return v;
}

function int(params: Record<string, unknown>, name: string): number | undefined {
  const v = str(params, name);
  if (v === undefined || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw invalid(`Invalid value ${v} for parameter ${name}: must be an integer.`);
  return Number(v);
}

function bool(params: Record<string, unknown>, name: string): boolean | undefined {
  const v = str(params, name);
  if (v === undefined || v === '') return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw invalid(`Invalid value ${v} for parameter ${name}: must be true or false.`);
}

function strings(value: unknown, member: string): string[] {
  return listParam(value, member).filter((v): v is string => typeof v === 'string');
}

function tagsParam(params: Record<string, unknown>): Tag[] {
  return listParam(params['Tags'], 'Tag').map((t) => {
    const o = (t ?? {}) as Record<string, unknown>;
    return {
      Key: typeof o['Key'] === 'string' ? o['Key'] : '',
      Value: typeof o['Value'] === 'string' ? o['Value'] : '',
    };
  });
}

function filtersParam(params: Record<string, unknown>): Array<{ name: string; values: string[] }> {
  return listParam(params['Filters'], 'Filter').map((f) => {
    const o = (f ?? {}) as Record<string, unknown>;
    return { name: typeof o['Name'] === 'string' ? o['Name'] : '', values: strings(o['Values'], 'Value') };
  });
}

const invalid = (message: string) => new AwsError('InvalidParameterValue', message, 400);
const combination = (message: string) => new AwsError('InvalidParameterCombination', message, 400);
const instanceNotFound = (id: string) =>
  new AwsError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
const snapshotNotFound = (id: string) =>
  new AwsError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);

// ---------------------------------------------------------------------------------------
// AWS's rules

/** Instance identifiers: 1–63 letters, digits or hyphens; first a letter; no trailing
 *  hyphen, no two consecutive hyphens; stored lower-case. Snapshot identifiers follow
 *  the same rules up to 255 characters. */
export function validIdentifier(id: string, maxLength: number): boolean {
  return (
    id.length >= 1 &&
    id.length <= maxLength &&
    /^[A-Za-z][A-Za-z0-9-]*$/.test(id) &&
    !id.endsWith('-') &&
    !id.includes('--')
  );
}

function checkIdentifier(param: string, id: string, maxLength: number): string {
  if (!validIdentifier(id, maxLength)) {
    throw invalid(
      `The parameter ${param} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.` +
        (id.length > maxLength ? ` It must be at most ${maxLength} characters long.` : ''),
    );
  }
  return id.toLowerCase();
}

const ENGINES: Record<string, { version: string; port: number; license: string; family: string }> = {
  postgres: { version: '17.4', port: 5432, license: 'postgresql-license', family: 'postgres17' },
  mysql: { version: '8.0.41', port: 3306, license: 'general-public-license', family: 'mysql8.0' },
  mariadb: { version: '10.11.11', port: 3306, license: 'general-public-license', family: 'mariadb10.11' },
  'oracle-ee': {
    version: '19.0.0.0.ru-2025-01.rur-2025-01.r1',
    port: 1521,
    license: 'bring-your-own-license',
    family: 'oracle-ee-19',
  },
  'oracle-se2': {
    version: '19.0.0.0.ru-2025-01.rur-2025-01.r1',
    port: 1521,
    license: 'license-included',
    family: 'oracle-se2-19',
  },
  'sqlserver-ex': {
    version: '16.00.4175.1.v1',
    port: 1433,
    license: 'license-included',
    family: 'sqlserver-ex-16.0',
  },
  'sqlserver-web': {
    version: '16.00.4175.1.v1',
    port: 1433,
    license: 'license-included',
    family: 'sqlserver-web-16.0',
  },
  'sqlserver-se': {
    version: '16.00.4175.1.v1',
    port: 1433,
    license: 'license-included',
    family: 'sqlserver-se-16.0',
  },
  'sqlserver-ee': {
    version: '16.00.4175.1.v1',
    port: 1433,
    license: 'license-included',
    family: 'sqlserver-ee-16.0',
  },
};

/** Storage limits (GiB) for gp2/gp3 and io1/io2 (RDS user guide, "Amazon RDS DB instance storage"). */
function checkStorage(engine: string, storageType: string, gib: number): void {
  const max = engine.startsWith('sqlserver') ? 16384 : 65536;
  if (storageType === 'standard' ? gib < 5 || gib > 3072 : gib < 20 || gib > max) {
    throw combination(
      `Invalid storage size for engine name ${engine} and storage type ${storageType}: ${gib}`,
    );
  }
}

/** Master password: 8–128 printable ASCII characters except / ' " @ and space (RDS API
 *  reference, CreateDBInstance MasterUserPassword, for PostgreSQL and MySQL). */
function checkPassword(password: string): void {
  if (
    password.length < 8 ||
    password.length > 128 ||
    !/^[\x21-\x7e]+$/.test(password) ||
    /[/'"@]/.test(password)
  ) {
    throw invalid(
      "The parameter MasterUserPassword is not a valid password. Only printable ASCII characters besides '/', '@', '\"', ' ' may be used, and it must be 8 to 128 characters long.",
    );
  }
}

/** Master user name: 1–63 letters, digits or underscores, first a letter. */
function checkMasterUsername(name: string): void {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw invalid(
      'The parameter MasterUsername is not a valid identifier. It must begin with a letter, contain only ASCII letters, digits and underscores, and be 1 to 63 characters long.',
    );
  }
}

/** Tags: at most 50 per resource; keys 1–128 Unicode characters, values up to 256; keys
 *  may not start with `aws:` or `rds:` (RDS user guide, "Tagging Amazon RDS resources"). */
function checkTags(existing: Tag[], added: Tag[]): Tag[] {
  const merged = new Map(existing.map((t) => [t.Key, t.Value] as const));
  for (const t of added) {
    if (t.Key.length < 1 || [...t.Key].length > 128)
      throw invalid(`Tag key must be between 1 and 128 characters: ${t.Key}`);
    if ([...t.Value].length > 256) throw invalid(`Tag value must be at most 256 characters (key ${t.Key}).`);
    if (/^(aws|rds):/i.test(t.Key)) throw invalid(`Tag keys can't start with aws: or rds: (${t.Key}).`);
    merged.set(t.Key, t.Value);
  }
  if (merged.size > 50)
    throw new AwsError('TagQuotaPerResourceExceeded', 'A resource can have at most 50 tags.', 400);
  return [...merged].map(([Key, Value]) => ({ Key, Value }));
}

// ---------------------------------------------------------------------------------------
// Formatting

const iso = (ms: number) => new Date(ms).toISOString();

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `rds:<id>-YYYY-MM-DD-HH-MM`, the automated snapshot naming scheme. */
export function automatedSnapshotId(instanceId: string, at: number): string {
  const d = new Date(at);
  return `rds:${instanceId}-${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}`;
}

/** RDS's Route 53 hosted zone ids for DB endpoints, per region (AWS General Reference,
 *  "Amazon RDS endpoints"); other regions fall back to us-east-1's. */
const ENDPOINT_ZONES: Record<string, string> = {
  'us-east-1': 'Z2R2ITUGPM61AM',
  'us-east-2': 'Z2XHWR1WZ565X2',
  'us-west-1': 'Z10WI91S59XXQN',
  'us-west-2': 'Z1PVIF0B656C1W',
  'eu-west-1': 'Z29XKXDKYMONMX',
  'eu-central-1': 'Z1RLNUO7B9Q6NB',
};

function endpointHash(accountId: string, region: string): string {
  // Real endpoints carry a 12-character id that is fixed per account and region.
  const h = createHash('sha256').update(`${accountId}/${region}`).digest();
  let out = '';
  for (let i = 0; i < 12; i++) out += 'abcdefghijklmnopqrstuvwxyz0123456789'[h[i]! % 36];
  return out;
}

/** The instance's VPC security groups, else the seeded VPC's default group (as RDS
 *  uses the VPC's default security group when none is given). */
function sgsOrDefault(p: Record<string, unknown>): string[] {
  const given = strings(p['VpcSecurityGroupIds'], 'VpcSecurityGroupId');
  return given.length > 0 ? given : [SEED.securityGroup.groupId];
}

/** DB subnet groups are not emulated: every name renders as a group over the seeded
 *  VPC's three subnets (the `default` group RDS makes from the default VPC). */
function renderSubnetGroup(name: string): Record<string, unknown> {
  return {
    DBSubnetGroupName: name,
    DBSubnetGroupDescription: name === 'default' ? 'default' : name,
    VpcId: SEED.vpc.vpcId,
    SubnetGroupStatus: 'Complete',
    Subnets: SEED.subnets.map((sn) => ({
      SubnetIdentifier: sn.subnetId,
      SubnetAvailabilityZone: { Name: sn.availabilityZone },
      SubnetStatus: 'Active',
    })),
  };
}

function hexId(ctx: ServiceContext, length: number): string {
  const id = ctx.ids.next('x', length);
  return id.slice(id.indexOf('-') + 1);
}

function uuid(ctx: ServiceContext): string {
  const h = hexId(ctx, 32).padEnd(32, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------
// The service

export interface RdsServiceOptions {
  /** A running PostgreSQL backend. Without one, `start(ctx)` launches its own when
   *  `ctx.options.postgres` is set, and `stop()` stops it. */
  postgres?: PostgresBackend;
}

export type RdsService = EmulatedService & {
  seed(ctx: ServiceContext): Promise<void>;
  start(ctx: ServiceContext): Promise<void>;
  stop(): Promise<void>;
  /** The PostgreSQL backend, if any (for tests and the sandbox's handle). */
  readonly postgres: PostgresBackend | undefined;
};

export function createRdsService(options: RdsServiceOptions = {}): RdsService {
  let state: RdsState = emptyState();
  let backend: PostgresBackend | undefined = options.postgres;
  let ownsBackend = false;

  // Every PostgreSQL operation runs in order through one queue, so a reset's drops finish
  // before a seed's creates, and concurrent requests never race on a template database.
  let pgQueue: Promise<unknown> = Promise.resolve();
  const pg = <T>(fn: (b: PostgresBackend) => Promise<T>): Promise<T> => {
    const b = backend;
    if (!b) return Promise.reject(new Error('no PostgreSQL backend'));
    const run = pgQueue.then(() => fn(b));
    pgQueue = run.catch(() => undefined);
    return run;
  };
  const pgFailure = (err: unknown) =>
    new AwsError(
      'InternalFailure',
      `The PostgreSQL backend failed: ${err instanceof Error ? err.message : String(err)}`,
      500,
    );

  const usesPg = (engine: string) => backend !== undefined && engine === 'postgres';

  const regionOf = (req: SandboxRequest | undefined, ctx: ServiceContext) =>
    req?.region ?? ctx.region ?? 'us-east-1';
  const instanceArn = (ctx: ServiceContext, region: string, id: string) =>
    `arn:aws:rds:${region}:${ctx.accountId}:db:${id}`;
  const snapshotArn = (ctx: ServiceContext, region: string, id: string) =>
    `arn:aws:rds:${region}:${ctx.accountId}:snapshot:${id}`;

  /** Accepts an identifier or an ARN of the given resource type. */
  const idFromArnOrId = (value: string, type: 'db' | 'snapshot'): string => {
    const m = /^arn:aws[a-z-]*:rds:[^:]*:[^:]*:([a-z-]+):(.+)$/.exec(value);
    if (m && m[1] === type) return m[2]!.toLowerCase();
    return value.toLowerCase();
  };

  const pgSnapshotName = (id: string, at: number) => {
    const name = `snapshot:${id}`;
    return name.length <= 63
      ? name
      : `snapshot:${createHash('sha1').update(`${id}@${at}`).digest('hex').slice(0, 40)}`;
  };

  // ----- lifecycle (lazy) -----

  /** Applies every due transition: statuses, removal of deleted instances, the initial
   *  automated backup of instances that reached backing-up. */
  async function advance(ctx: ServiceContext): Promise<void> {
    const now = ctx.clock.now();
    for (const inst of Object.values(state.instances)) {
      const status = settle(inst.timeline, now);
      if (status === 'deleted') {
        delete state.instances[inst.id];
        continue;
      }
      if (
        inst.initialBackupAt !== undefined &&
        !inst.initialBackupTaken &&
        now >= inst.initialBackupAt &&
        status !== 'deleting'
      ) {
        inst.initialBackupTaken = true;
        const snap = snapshotFrom(
          ctx,
          inst,
          automatedSnapshotId(inst.id, inst.initialBackupAt),
          'automated',
          inst.initialBackupAt,
          DURATIONS.rdsBackingUp,
        );
        if (!state.snapshots[snap.id]) {
          state.snapshots[snap.id] = snap;
          if (inst.pgDatabase && usesPg(inst.engine)) {
            snap.pgDatabase = pgSnapshotName(snap.id, snap.createdAt);
            await pg((b) => b.cloneDatabase(inst.pgDatabase!, snap.pgDatabase!)).catch(() => {
              snap.pgDatabase = undefined;
            });
          }
        }
      }
    }
    for (const snap of Object.values(state.snapshots)) settle(snap.timeline, now);
  }

  function statusOf(inst: DbInstance, now: number): InstanceStatus {
    return settle(inst.timeline, now);
  }

  function latestRestorableTime(inst: DbInstance, now: number): number | undefined {
    if (inst.backupRetentionPeriod <= 0 || inst.initialBackupAt === undefined || now < inst.initialBackupAt)
      return undefined;
    const status = statusOf(inst, now);
    if (status === 'failed' || status === 'incompatible-restore' || status === 'creating') return undefined;
    return Math.max(inst.initialBackupAt, now - RDS_TIMINGS.latestRestorableLag);
  }

  function getInstance(idOrArn: string): DbInstance {
    const id = idFromArnOrId(idOrArn, 'db');
    const inst = state.instances[id];
    if (!inst) throw instanceNotFound(id);
    return inst;
  }

  function newInstance(
    ctx: ServiceContext,
    region: string,
    id: string,
    fields: Omit<
      DbInstance,
      | 'id'
      | 'arn'
      | 'region'
      | 'resourceId'
      | 'requestedAt'
      | 'createdAt'
      | 'timeline'
      | 'pendingModifiedValues'
      | 'initialBackupTaken'
      | 'initialBackupAt'
      | 'earliestRestorableAt'
    >,
    creating: number,
    failAs?: InstanceStatus,
  ): DbInstance {
    const now = ctx.clock.now();
    const backups = fields.backupRetentionPeriod > 0;
    const steps: Array<[number, InstanceStatus]> = failAs
      ? [[creating, failAs]]
      : backups
        ? [
            [creating, 'backing-up'],
            [DURATIONS.rdsBackingUp, 'available'],
          ]
        : [[creating, 'available']];
    return {
      ...fields,
      id,
      arn: instanceArn(ctx, region, id),
      region,
      resourceId: `db-${hexId(ctx, 26).toUpperCase()}`,
      requestedAt: now,
      createdAt: now + creating,
      timeline: timeline<InstanceStatus>(now, 'creating', steps),
      pendingModifiedValues: {},
      initialBackupAt: backups && !failAs ? now + creating : undefined,
      initialBackupTaken: false,
      earliestRestorableAt: backups && !failAs ? now + creating : undefined,
    };
  }

  function snapshotFrom(
    ctx: ServiceContext,
    inst: DbInstance,
    id: string,
    type: 'automated' | 'manual',
    at: number,
    creating: number,
    tags: Tag[] = [],
  ): DbSnapshot {
    return {
      id,
      arn: snapshotArn(ctx, inst.region, id),
      instanceId: inst.id,
      type,
      region: inst.region,
      createdAt: at,
      timeline: timeline<SnapshotStatus>(at, 'creating', [[creating, 'available']]),
      engine: inst.engine,
      engineVersion: inst.engineVersion,
      licenseModel: inst.licenseModel,
      instanceClass: inst.instanceClass,
      allocatedStorage: inst.allocatedStorage,
      storageType: inst.storageType,
      iops: inst.iops,
      port: inst.port,
      availabilityZone: inst.availabilityZone,
      instanceCreateTime: inst.createdAt,
      masterUsername: inst.masterUsername,
      dbName: inst.dbName,
      encrypted: inst.storageEncrypted,
      kmsKeyId: inst.kmsKeyId,
      backupRetentionPeriod: inst.backupRetentionPeriod,
      preferredBackupWindow: inst.preferredBackupWindow,
      dbiResourceId: inst.resourceId,
      tags,
    };
  }

  // ----- rendering -----

  function renderInstance(inst: DbInstance, ctx: ServiceContext): Record<string, unknown> {
    const now = ctx.clock.now();
    const status = statusOf(inst, now);
    const endpointKnown = status !== 'creating' && status !== 'failed' && status !== 'incompatible-restore';
    const pgEndpoint = inst.pgDatabase !== undefined && backend !== undefined;
    const lrt = latestRestorableTime(inst, now);
    const secret = inst.masterUserSecret;
    return {
      DBInstanceIdentifier: inst.id,
      DBInstanceClass: inst.instanceClass,
      Engine: inst.engine,
      DBInstanceStatus: status,
      MasterUsername: inst.masterUsername,
      DBName: inst.dbName,
      Endpoint: endpointKnown
        ? pgEndpoint
          ? { Address: backend!.host, Port: backend!.port }
          : {
              Address: `${inst.id}.${endpointHash(ctx.accountId, inst.region)}.${inst.region}.rds.amazonaws.com`,
              Port: inst.port,
              HostedZoneId: ENDPOINT_ZONES[inst.region] ?? ENDPOINT_ZONES['us-east-1'],
            }
        : undefined,
      AllocatedStorage: inst.allocatedStorage,
      InstanceCreateTime: status === 'creating' ? undefined : iso(inst.createdAt),
      PreferredBackupWindow: inst.preferredBackupWindow,
      BackupRetentionPeriod: inst.backupRetentionPeriod,
      DBSecurityGroups: [],
      VpcSecurityGroups: inst.vpcSecurityGroupIds.map((id) => ({ VpcSecurityGroupId: id, Status: 'active' })),
      DBParameterGroups: [{ DBParameterGroupName: inst.parameterGroupName, ParameterApplyStatus: 'in-sync' }],
      AvailabilityZone: inst.availabilityZone,
      DBSubnetGroup: inst.dbSubnetGroupName ? renderSubnetGroup(inst.dbSubnetGroupName) : undefined,
      PreferredMaintenanceWindow: inst.preferredMaintenanceWindow,
      // RDS reports a password change as pending, masked, until it has been applied.
      PendingModifiedValues:
        inst.masterPasswordChange && now < inst.masterPasswordChange.appliedAt
          ? { ...inst.pendingModifiedValues, MasterUserPassword: '****' }
          : inst.pendingModifiedValues,
      LatestRestorableTime: lrt === undefined ? undefined : iso(lrt),
      MultiAZ: inst.multiAz,
      EngineVersion: inst.engineVersion,
      AutoMinorVersionUpgrade: inst.autoMinorVersionUpgrade,
      ReadReplicaDBInstanceIdentifiers: [],
      LicenseModel: inst.licenseModel,
      Iops: inst.iops,
      OptionGroupMemberships: [
        { OptionGroupName: `default:${inst.engine}-${inst.engineVersion.split('.')[0]}`, Status: 'in-sync' },
      ],
      PubliclyAccessible: inst.publiclyAccessible,
      StorageType: inst.storageType,
      DbInstancePort: 0,
      StorageEncrypted: inst.storageEncrypted,
      KmsKeyId: inst.kmsKeyId,
      DbiResourceId: inst.resourceId,
      CACertificateIdentifier: 'rds-ca-rsa2048-g1',
      DomainMemberships: [],
      CopyTagsToSnapshot: inst.copyTagsToSnapshot,
      MonitoringInterval: 0,
      DBInstanceArn: inst.arn,
      IAMDatabaseAuthenticationEnabled: false,
      PerformanceInsightsEnabled: false,
      DeletionProtection: inst.deletionProtection,
      TagList: inst.tags,
      CustomerOwnedIpEnabled: false,
      BackupTarget: 'region',
      NetworkType: 'IPV4',
      MasterUserSecret: secret
        ? {
            SecretArn: secret.arn,
            SecretStatus: now >= secret.activeAt ? 'active' : 'creating',
            KmsKeyId: secret.kmsKeyId,
          }
        : undefined,
      DedicatedLogVolume: false,
      IsStorageConfigUpgradeAvailable: false,
      MultiTenant: false,
    };
  }

  function renderSnapshot(snap: DbSnapshot, ctx: ServiceContext): Record<string, unknown> {
    const now = ctx.clock.now();
    const status = settle(snap.timeline, now);
    const total = (snap.timeline.pending[0]?.at ?? snap.timeline.since) - snap.createdAt;
    const progress =
      status === 'available'
        ? 100
        : total > 0
          ? Math.min(99, Math.floor(((now - snap.createdAt) / total) * 100))
          : 0;
    return {
      DBSnapshotIdentifier: snap.id,
      DBInstanceIdentifier: snap.instanceId,
      SnapshotCreateTime: status === 'creating' ? undefined : iso(snap.createdAt),
      Engine: snap.engine,
      AllocatedStorage: snap.allocatedStorage,
      Status: status,
      Port: snap.port,
      AvailabilityZone: snap.availabilityZone,
      InstanceCreateTime: iso(snap.instanceCreateTime),
      MasterUsername: snap.masterUsername,
      EngineVersion: snap.engineVersion,
      LicenseModel: snap.licenseModel,
      SnapshotType: snap.type,
      Iops: snap.iops,
      OptionGroupName: `default:${snap.engine}-${snap.engineVersion.split('.')[0]}`,
      PercentProgress: progress,
      StorageType: snap.storageType,
      Encrypted: snap.encrypted,
      KmsKeyId: snap.kmsKeyId,
      DBSnapshotArn: snap.arn,
      IAMDatabaseAuthenticationEnabled: false,
      ProcessorFeatures: [],
      DbiResourceId: snap.dbiResourceId,
      TagList: snap.tags,
      OriginalSnapshotCreateTime: iso(snap.createdAt),
      SnapshotTarget: 'region',
      DedicatedLogVolume: false,
      MultiTenant: false,
    };
  }

  function paginate<T>(items: T[], params: Record<string, unknown>): { page: T[]; marker?: string } {
    const maxRecords = int(params, 'MaxRecords') ?? 100;
    if (maxRecords < 20 || maxRecords > 100)
      throw invalid(`Invalid value ${maxRecords} for MaxRecords. Must be between 20 and 100`);
    const markerParam = str(params, 'Marker');
    let offset = 0;
    if (markerParam) {
      const decoded = /^o(\d+)$/.exec(Buffer.from(markerParam, 'base64url').toString('utf8'));
      if (!decoded) throw invalid(`Invalid marker: ${markerParam}`);
      offset = Number(decoded[1]);
    }
    const page = items.slice(offset, offset + maxRecords);
    const next = offset + maxRecords;
    return {
      page,
      marker: next < items.length ? Buffer.from(`o${next}`, 'utf8').toString('base64url') : undefined,
    };
  }

  // ----- PostgreSQL plumbing -----

  async function pgCreateInstanceDatabase(inst: DbInstance, source?: string): Promise<void> {
    if (!usesPg(inst.engine)) return;
    const name = inst.id;
    try {
      await pg(async (b) => {
        await b.dropDatabase(name); // a leftover of a deleted instance, never a live one
        if (source) await b.cloneDatabase(source, name);
        else await b.createDatabase(name);
      });
    } catch (err) {
      throw pgFailure(err);
    }
    inst.pgDatabase = name;
    inst.dbName = name;
    inst.masterUsername = backend!.user;
  }

  // ----- operations -----

  const CreateDBInstance: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const p = req.params;
    const id = checkIdentifier('DBInstanceIdentifier', required(p, 'DBInstanceIdentifier'), 63);
    const instanceClass = required(p, 'DBInstanceClass');
    const engine = required(p, 'Engine').toLowerCase();
    const engineInfo = ENGINES[engine];
    if (!engineInfo) {
      if (engine.startsWith('aurora'))
        throw combination(
          `Aurora engines need a DB cluster (DBClusterIdentifier); the sandbox does not emulate DB clusters.`,
        );
      throw invalid(`Invalid DB engine: ${engine}`);
    }
    if (!/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass))
      throw invalid(`Invalid DB Instance class: ${instanceClass}`);
    const storageType = str(p, 'StorageType') ?? 'gp2';
    if (!['standard', 'gp2', 'gp3', 'io1', 'io2'].includes(storageType))
      throw invalid(`Invalid storage type: ${storageType}`);
    const allocatedStorage = int(p, 'AllocatedStorage');
    if (allocatedStorage === undefined)
      throw invalid('The parameter AllocatedStorage must be provided for this engine.');
    checkStorage(engine, storageType, allocatedStorage);
    const masterUsername = str(p, 'MasterUsername');
    if (!masterUsername)
      throw invalid('The parameter MasterUsername must be provided and must not be blank.');
    checkMasterUsername(masterUsername);
    const password = str(p, 'MasterUserPassword');
    const manage = bool(p, 'ManageMasterUserPassword') ?? false;
    if (manage && password !== undefined)
      throw combination(
        "You can't specify MasterUserPassword and ManageMasterUserPassword at the same time.",
      );
    if (!manage) {
      if (!password)
        throw invalid('The parameter MasterUserPassword must be provided and must not be blank.');
      checkPassword(password);
    }
    const retention = int(p, 'BackupRetentionPeriod') ?? 1;
    if (retention < 0 || retention > 35)
      throw invalid(`Invalid backup retention period: ${retention}. It must be between 0 and 35.`);
    if (state.instances[id]) throw new AwsError('DBInstanceAlreadyExists', 'DB instance already exists', 400);
    const tags = checkTags([], tagsParam(p));
    const region = regionOf(req, ctx);
    const now = ctx.clock.now();
    const encrypted = bool(p, 'StorageEncrypted') ?? false;
    const inst = newInstance(
      ctx,
      region,
      id,
      {
        instanceClass,
        engine,
        engineVersion: str(p, 'EngineVersion') ?? engineInfo.version,
        licenseModel: str(p, 'LicenseModel') ?? engineInfo.license,
        allocatedStorage,
        storageType,
        iops: int(p, 'Iops'),
        masterUsername,
        dbName: str(p, 'DBName'),
        port: int(p, 'Port') ?? engineInfo.port,
        backupRetentionPeriod: retention,
        preferredBackupWindow: str(p, 'PreferredBackupWindow') ?? '03:00-03:30',
        preferredMaintenanceWindow: str(p, 'PreferredMaintenanceWindow') ?? 'sun:05:00-sun:05:30',
        multiAz: bool(p, 'MultiAZ') ?? false,
        publiclyAccessible: bool(p, 'PubliclyAccessible') ?? false,
        autoMinorVersionUpgrade: bool(p, 'AutoMinorVersionUpgrade') ?? true,
        storageEncrypted: encrypted,
        kmsKeyId: encrypted
          ? (str(p, 'KmsKeyId') ?? `arn:aws:kms:${region}:${ctx.accountId}:key/${uuid(ctx)}`)
          : undefined,
        deletionProtection: bool(p, 'DeletionProtection') ?? false,
        copyTagsToSnapshot: bool(p, 'CopyTagsToSnapshot') ?? false,
        vpcSecurityGroupIds: sgsOrDefault(p),
        dbSubnetGroupName: str(p, 'DBSubnetGroupName') ?? 'default',
        parameterGroupName: str(p, 'DBParameterGroupName') ?? `default.${engineInfo.family}`,
        availabilityZone: str(p, 'AvailabilityZone') ?? `${region}a`,
        tags,
      },
      DURATIONS.rdsCreating,
    );
    if (manage) {
      inst.masterUserSecret = {
        arn: `arn:aws:secretsmanager:${region}:${ctx.accountId}:secret:rds!db-${uuid(ctx)}-${hexId(ctx, 6)}`,
        kmsKeyId:
          str(p, 'MasterUserSecretKmsKeyId') ?? `arn:aws:kms:${region}:${ctx.accountId}:key/${uuid(ctx)}`,
        activeAt: now + RDS_TIMINGS.masterSecretCreating,
      };
    }
    state.instances[id] = inst;
    try {
      await pgCreateInstanceDatabase(inst);
    } catch (err) {
      delete state.instances[id];
      throw err;
    }
    return { DBInstance: renderInstance(inst, ctx) };
  };

  const DescribeDBInstances: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const p = req.params;
    const idParam = str(p, 'DBInstanceIdentifier');
    let items = Object.values(state.instances).sort((a, b) => a.id.localeCompare(b.id));
    if (idParam) items = [getInstance(idParam)];
    for (const f of filtersParam(p)) {
      const values = f.values;
      switch (f.name) {
        case 'db-instance-id':
          items = items.filter((i) => values.some((v) => v.toLowerCase() === i.id || v === i.arn));
          break;
        case 'dbi-resource-id':
          items = items.filter((i) => values.includes(i.resourceId));
          break;
        case 'engine':
          items = items.filter((i) => values.includes(i.engine));
          break;
        case 'db-cluster-id':
          items = [];
          break;
        case 'domain':
          items = [];
          break;
        default:
          throw invalid(`Unrecognized filter name: ${f.name}`);
      }
    }
    const { page, marker } = paginate(items, p);
    return { DBInstances: page.map((i) => renderInstance(i, ctx)), Marker: marker };
  };

  const ModifyDBInstance: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const p = req.params;
    const inst = getInstance(required(p, 'DBInstanceIdentifier'));
    const now = ctx.clock.now();
    const status = statusOf(inst, now);
    if (status !== 'available')
      throw new AwsError('InvalidDBInstanceState', `Database instance is not in available state.`, 400);
    if (str(p, 'NewDBInstanceIdentifier'))
      throw invalid('Renaming a DB instance (NewDBInstanceIdentifier) is not supported by the sandbox.');
    const applyImmediately = bool(p, 'ApplyImmediately') ?? false;
    const manage = bool(p, 'ManageMasterUserPassword');
    const password = str(p, 'MasterUserPassword');
    if (manage === true && password !== undefined) {
      throw combination("You can't specify MasterUserPassword when ManageMasterUserPassword is turned on.");
    }
    if (manage === false && inst.masterUserSecret && password === undefined) {
      throw combination('You must specify MasterUserPassword when you turn off ManageMasterUserPassword.');
    }
    if (password !== undefined) {
      if (inst.masterUserSecret && manage !== false) {
        throw combination(
          "You can't specify MasterUserPassword for an instance whose master user password is managed by Secrets Manager.",
        );
      }
      checkPassword(password);
    }
    const retention = int(p, 'BackupRetentionPeriod');
    if (retention !== undefined && (retention < 0 || retention > 35))
      throw invalid(`Invalid backup retention period: ${retention}. It must be between 0 and 35.`);
    const storage = int(p, 'AllocatedStorage');
    if (storage !== undefined) {
      if (storage < inst.allocatedStorage)
        throw invalid(
          `Invalid storage size: ${storage}. Allocated storage can't be decreased (currently ${inst.allocatedStorage}).`,
        );
      checkStorage(inst.engine, inst.storageType, storage);
    }
    const instanceClass = str(p, 'DBInstanceClass');
    if (instanceClass !== undefined && !/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass))
      throw invalid(`Invalid DB Instance class: ${instanceClass}`);

    // Settings that apply at once.
    const deletionProtection = bool(p, 'DeletionProtection');
    if (deletionProtection !== undefined) inst.deletionProtection = deletionProtection;
    const copyTags = bool(p, 'CopyTagsToSnapshot');
    if (copyTags !== undefined) inst.copyTagsToSnapshot = copyTags;
    const sgs = strings(p['VpcSecurityGroupIds'], 'VpcSecurityGroupId');
    if (sgs.length > 0) inst.vpcSecurityGroupIds = sgs;
    const backupWindow = str(p, 'PreferredBackupWindow');
    if (backupWindow) inst.preferredBackupWindow = backupWindow;
    const maintenanceWindow = str(p, 'PreferredMaintenanceWindow');
    if (maintenanceWindow) inst.preferredMaintenanceWindow = maintenanceWindow;
    const publiclyAccessible = bool(p, 'PubliclyAccessible');
    if (publiclyAccessible !== undefined) inst.publiclyAccessible = publiclyAccessible;
    const parameterGroup = str(p, 'DBParameterGroupName');
    if (parameterGroup) inst.parameterGroupName = parameterGroup;

    let busy: InstanceStatus | undefined;
    if (manage === true && !inst.masterUserSecret) {
      const region = inst.region;
      inst.masterUserSecret = {
        arn: `arn:aws:secretsmanager:${region}:${ctx.accountId}:secret:rds!db-${uuid(ctx)}-${hexId(ctx, 6)}`,
        kmsKeyId:
          str(p, 'MasterUserSecretKmsKeyId') ?? `arn:aws:kms:${region}:${ctx.accountId}:key/${uuid(ctx)}`,
        activeAt: now + RDS_TIMINGS.masterSecretCreating,
      };
      busy = 'modifying';
    } else if (manage === false && inst.masterUserSecret) {
      inst.masterUserSecret = undefined;
      busy = 'modifying';
    }
    if (password !== undefined) busy ??= 'resetting-master-credentials';

    // Settings that wait for the maintenance window unless ApplyImmediately.
    const deferred: Record<string, string | number | boolean> = {};
    if (instanceClass !== undefined && instanceClass !== inst.instanceClass)
      deferred['DBInstanceClass'] = instanceClass;
    if (storage !== undefined && storage !== inst.allocatedStorage) deferred['AllocatedStorage'] = storage;
    const multiAz = bool(p, 'MultiAZ');
    if (multiAz !== undefined && multiAz !== inst.multiAz) deferred['MultiAZ'] = multiAz;
    if (applyImmediately) {
      if (deferred['DBInstanceClass'] !== undefined) inst.instanceClass = String(deferred['DBInstanceClass']);
      if (deferred['AllocatedStorage'] !== undefined)
        inst.allocatedStorage = Number(deferred['AllocatedStorage']);
      if (deferred['MultiAZ'] !== undefined) inst.multiAz = deferred['MultiAZ'] === true;
      if (Object.keys(deferred).length > 0) busy = 'modifying';
    } else {
      Object.assign(inst.pendingModifiedValues, deferred);
    }

    if (retention !== undefined && retention !== inst.backupRetentionPeriod) {
      const was = inst.backupRetentionPeriod;
      inst.backupRetentionPeriod = retention;
      if (retention === 0) {
        // Turning backups off deletes the automated backups (RDS user guide, "Disabling
        // automated backups").
        for (const snap of Object.values(state.snapshots)) {
          if (snap.instanceId === inst.id && snap.type === 'automated') await deleteSnapshotRecord(snap);
        }
        inst.initialBackupAt = undefined;
        inst.earliestRestorableAt = undefined;
      } else if (was === 0) {
        // Turning them on takes an immediate backup.
        inst.initialBackupAt = now;
        inst.initialBackupTaken = false;
        inst.earliestRestorableAt = now;
        busy = 'modifying';
      }
    }
    if (busy) {
      const d =
        busy === 'resetting-master-credentials' ? RDS_TIMINGS.resettingCredentials : DURATIONS.rdsModifying;
      transition(inst.timeline, now, busy, [[d, 'available']]);
      if (password !== undefined) inst.masterPasswordChange = { requestedAt: now, appliedAt: now + d };
    }
    return { DBInstance: renderInstance(inst, ctx) };
  };

  async function deleteSnapshotRecord(snap: DbSnapshot): Promise<void> {
    delete state.snapshots[snap.id];
    if (snap.pgDatabase && backend) {
      const name = snap.pgDatabase;
      await pg((b) => b.dropDatabase(name)).catch(() => undefined);
    }
  }

  const DeleteDBInstance: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const p = req.params;
    const inst = getInstance(required(p, 'DBInstanceIdentifier'));
    const now = ctx.clock.now();
    const status = statusOf(inst, now);
    const skip = bool(p, 'SkipFinalSnapshot') ?? false;
    const finalIdParam = str(p, 'FinalDBSnapshotIdentifier');
    if (status === 'deleting')
      throw new AwsError('InvalidDBInstanceState', `Instance ${inst.id} is already being deleted.`, 400);
    if (inst.deletionProtection) {
      throw combination(
        'Cannot delete protected DB Instance, please disable deletion protection and try again.',
      );
    }
    if (skip && finalIdParam)
      throw combination(
        'FinalDBSnapshotIdentifier can not be specified when deleting a DB instance with SkipFinalSnapshot set to true.',
      );
    if (!skip && !finalIdParam)
      throw combination('FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.');
    let finalSnap: DbSnapshot | undefined;
    if (!skip) {
      const finalId = checkIdentifier('FinalDBSnapshotIdentifier', finalIdParam!, 255);
      if (status !== 'available') {
        throw new AwsError(
          'InvalidDBInstanceState',
          `Instance is currently ${status} - a final snapshot cannot be taken.`,
          400,
        );
      }
      if (state.snapshots[finalId])
        throw new AwsError(
          'DBSnapshotAlreadyExists',
          `Cannot create the snapshot because a snapshot with the identifier ${finalId} already exists.`,
          400,
        );
      finalSnap = snapshotFrom(
        ctx,
        inst,
        finalId,
        'manual',
        now,
        DURATIONS.rdsSnapshotCreating,
        inst.copyTagsToSnapshot ? [...inst.tags] : [],
      );
    }
    const deleteAutomated = bool(p, 'DeleteAutomatedBackups') ?? true;
    if (finalSnap) {
      state.snapshots[finalSnap.id] = finalSnap;
      if (inst.pgDatabase && backend) {
        const snap = finalSnap;
        snap.pgDatabase = pgSnapshotName(snap.id, snap.createdAt);
        try {
          await pg((b) => b.cloneDatabase(inst.pgDatabase!, snap.pgDatabase!));
        } catch (err) {
          delete state.snapshots[snap.id];
          throw pgFailure(err);
        }
      }
    }
    transition(inst.timeline, now, 'deleting', [[DURATIONS.rdsDeleting, 'deleted']]);
    inst.initialBackupTaken = true; // no backups of a deleting instance
    const rendered = renderInstance(inst, ctx);
    if (deleteAutomated) {
      for (const snap of Object.values(state.snapshots)) {
        if (snap.instanceId === inst.id && snap.type === 'automated') await deleteSnapshotRecord(snap);
      }
    }
    if (inst.pgDatabase && backend) {
      const name = inst.pgDatabase;
      await pg((b) => b.dropDatabase(name)).catch(() => undefined);
    }
    return { DBInstance: rendered };
  };

  const CreateDBSnapshot: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const p = req.params;
    const snapId = checkIdentifier('DBSnapshotIdentifier', required(p, 'DBSnapshotIdentifier'), 255);
    const inst = getInstance(required(p, 'DBInstanceIdentifier'));
    const now = ctx.clock.now();
    const status = statusOf(inst, now);
    if (status !== 'available')
      throw new AwsError(
        'InvalidDBInstanceState',
        `Cannot create a snapshot because the database instance ${inst.id} is not currently in the available state.`,
        400,
      );
    if (state.snapshots[snapId])
      throw new AwsError(
        'DBSnapshotAlreadyExists',
        `Cannot create the snapshot because a snapshot with the identifier ${snapId} already exists.`,
        400,
      );
    const given = checkTags([], tagsParam(p));
    const tags = given.length === 0 && inst.copyTagsToSnapshot ? [...inst.tags] : given;
    const snap = snapshotFrom(ctx, inst, snapId, 'manual', now, DURATIONS.rdsSnapshotCreating, tags);
    state.snapshots[snapId] = snap;
    if (inst.pgDatabase && backend) {
      snap.pgDatabase = pgSnapshotName(snap.id, snap.createdAt);
      try {
        await pg((b) => b.cloneDatabase(inst.pgDatabase!, snap.pgDatabase!));
      } catch (err) {
        delete state.snapshots[snapId];
        throw pgFailure(err);
      }
    }
    return { DBSnapshot: renderSnapshot(snap, ctx) };
  };

  const DeleteDBSnapshot: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const id = idFromArnOrId(required(req.params, 'DBSnapshotIdentifier'), 'snapshot');
    const snap = state.snapshots[id];
    if (!snap) throw snapshotNotFound(id);
    const status = settle(snap.timeline, ctx.clock.now());
    if (snap.type !== 'manual')
      throw new AwsError('InvalidDBSnapshotState', 'Only manual snapshots may be deleted.', 400);
    if (status !== 'available')
      throw new AwsError(
        'InvalidDBSnapshotState',
        `Cannot delete the snapshot because it is in the ${status} state.`,
        400,
      );
    const rendered = { ...renderSnapshot(snap, ctx), Status: 'deleted' };
    await deleteSnapshotRecord(snap);
    return { DBSnapshot: rendered };
  };

  const SNAPSHOT_TYPES = ['automated', 'manual', 'shared', 'public', 'awsbackup'];

  const DescribeDBSnapshots: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const p = req.params;
    const instanceParam = str(p, 'DBInstanceIdentifier');
    const snapParam = str(p, 'DBSnapshotIdentifier');
    const type = str(p, 'SnapshotType');
    if (type !== undefined && !SNAPSHOT_TYPES.includes(type)) throw invalid(`Invalid snapshot type: ${type}`);
    let items = Object.values(state.snapshots).sort((a, b) => a.id.localeCompare(b.id));
    if (snapParam) {
      const id = idFromArnOrId(snapParam, 'snapshot');
      const snap = state.snapshots[id];
      if (!snap) throw snapshotNotFound(id);
      items = [snap];
    }
    if (instanceParam) {
      const id = idFromArnOrId(instanceParam, 'db');
      items = items.filter((s) => s.instanceId === id);
    }
    // Without SnapshotType, automated and manual snapshots are returned; shared, public
    // and awsbackup snapshots never exist in the sandbox.
    if (type) items = items.filter((s) => s.type === type);
    const dbiResourceId = str(p, 'DbiResourceId');
    if (dbiResourceId) items = items.filter((s) => s.dbiResourceId === dbiResourceId);
    for (const f of filtersParam(p)) {
      const values = f.values;
      switch (f.name) {
        case 'db-instance-id':
          items = items.filter((s) => values.some((v) => idFromArnOrId(v, 'db') === s.instanceId));
          break;
        case 'db-snapshot-id':
          items = items.filter((s) => values.some((v) => idFromArnOrId(v, 'snapshot') === s.id));
          break;
        case 'dbi-resource-id':
          items = items.filter((s) => values.includes(s.dbiResourceId));
          break;
        case 'snapshot-type':
          items = items.filter((s) => values.includes(s.type));
          break;
        case 'engine':
          items = items.filter((s) => values.includes(s.engine));
          break;
        default:
          throw invalid(`Unrecognized filter name: ${f.name}`);
      }
    }
    const { page, marker } = paginate(items, p);
    return { DBSnapshots: page.map((s) => renderSnapshot(s, ctx)), Marker: marker };
  };

  /** Fields a restored instance takes from the request, else from its source. */
  function restoredFields(
    p: Record<string, unknown>,
    region: string,
    src: {
      instanceClass: string;
      engine: string;
      engineVersion: string;
      licenseModel: string;
      allocatedStorage: number;
      storageType: string;
      iops?: number;
      port: number;
      masterUsername: string;
      dbName?: string;
      encrypted: boolean;
      kmsKeyId?: string;
      backupRetentionPeriod: number;
      preferredBackupWindow: string;
    },
  ): Omit<
    DbInstance,
    | 'id'
    | 'arn'
    | 'region'
    | 'resourceId'
    | 'requestedAt'
    | 'createdAt'
    | 'timeline'
    | 'pendingModifiedValues'
    | 'initialBackupTaken'
    | 'initialBackupAt'
    | 'earliestRestorableAt'
  > {
    const engineInfo = ENGINES[src.engine];
    const instanceClass = str(p, 'DBInstanceClass') ?? src.instanceClass;
    if (!/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass))
      throw invalid(`Invalid DB Instance class: ${instanceClass}`);
    const storage = int(p, 'AllocatedStorage') ?? src.allocatedStorage;
    if (storage < src.allocatedStorage)
      throw invalid(`Allocated storage ${storage} is smaller than the source's ${src.allocatedStorage} GiB.`);
    const retention = int(p, 'BackupRetentionPeriod') ?? src.backupRetentionPeriod;
    if (retention < 0 || retention > 35)
      throw invalid(`Invalid backup retention period: ${retention}. It must be between 0 and 35.`);
    return {
      instanceClass,
      engine: src.engine,
      engineVersion: src.engineVersion,
      licenseModel: str(p, 'LicenseModel') ?? src.licenseModel,
      allocatedStorage: storage,
      storageType: str(p, 'StorageType') ?? src.storageType,
      iops: int(p, 'Iops') ?? src.iops,
      masterUsername: src.masterUsername,
      dbName: src.dbName,
      port: int(p, 'Port') ?? src.port,
      backupRetentionPeriod: retention,
      preferredBackupWindow: str(p, 'PreferredBackupWindow') ?? src.preferredBackupWindow,
      preferredMaintenanceWindow: 'sun:05:00-sun:05:30',
      // Restores start Single-AZ unless asked (RDS API reference).
      multiAz: bool(p, 'MultiAZ') ?? false,
      publiclyAccessible: bool(p, 'PubliclyAccessible') ?? false,
      autoMinorVersionUpgrade: bool(p, 'AutoMinorVersionUpgrade') ?? true,
      storageEncrypted: src.encrypted,
      kmsKeyId: src.kmsKeyId,
      deletionProtection: bool(p, 'DeletionProtection') ?? false,
      copyTagsToSnapshot: bool(p, 'CopyTagsToSnapshot') ?? false,
      // The default security group and parameter group unless given.
      vpcSecurityGroupIds: sgsOrDefault(p),
      dbSubnetGroupName: str(p, 'DBSubnetGroupName') ?? 'default',
      parameterGroupName: str(p, 'DBParameterGroupName') ?? `default.${engineInfo?.family ?? src.engine}`,
      availabilityZone: str(p, 'AvailabilityZone') ?? `${region}a`,
      tags: checkTags([], tagsParam(p)),
    };
  }

  function checkRestoreOnlyOptions(p: Record<string, unknown>, engine: string): void {
    // "ManageMasterUserPassword … RDS for Oracle only" on the instance-restore calls.
    if (bool(p, 'ManageMasterUserPassword') === true && !engine.startsWith('oracle')) {
      throw combination(
        'ManageMasterUserPassword is supported on restore for RDS for Oracle only; restore, then call ModifyDBInstance with ManageMasterUserPassword.',
      );
    }
  }

  const RestoreDBInstanceFromDBSnapshot: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const p = req.params;
    const id = checkIdentifier('DBInstanceIdentifier', required(p, 'DBInstanceIdentifier'), 63);
    const snapId = idFromArnOrId(required(p, 'DBSnapshotIdentifier'), 'snapshot');
    const snap = state.snapshots[snapId];
    if (!snap) throw snapshotNotFound(snapId);
    if (state.instances[id]) throw new AwsError('DBInstanceAlreadyExists', 'DB instance already exists', 400);
    const now = ctx.clock.now();
    if (settle(snap.timeline, now) !== 'available')
      throw new AwsError('InvalidDBSnapshotState', `Snapshot ${snap.id} is not in the available state.`, 400);
    checkRestoreOnlyOptions(p, snap.engine);
    const region = regionOf(req, ctx);
    const fields = restoredFields(p, region, { ...snap, instanceClass: snap.instanceClass });
    // The restored instance "keeps the snapshot's master credentials".
    fields.masterUsername = snap.masterUsername;
    const fails = ctx.faults.active('restore-fails', {
      DBInstanceIdentifier: id,
      DBSnapshotIdentifier: snap.id,
      operation: 'RestoreDBInstanceFromDBSnapshot',
    });
    const inst = newInstance(ctx, region, id, fields, DURATIONS.rdsCreating, fails ? 'failed' : undefined);
    state.instances[id] = inst;
    if (!fails && snap.pgDatabase && usesPg(inst.engine)) {
      try {
        await pgCreateInstanceDatabase(inst, snap.pgDatabase);
      } catch (err) {
        delete state.instances[id];
        throw err;
      }
      inst.masterUsername = snap.masterUsername;
    } else if (!fails && usesPg(inst.engine)) {
      // A snapshot taken without the backend (e.g. from a state file): an empty database.
      await pgCreateInstanceDatabase(inst).catch((err: unknown) => {
        delete state.instances[id];
        throw err;
      });
      inst.masterUsername = snap.masterUsername;
    }
    return { DBInstance: renderInstance(inst, ctx) };
  };

  const RestoreDBInstanceToPointInTime: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const p = req.params;
    const target = checkIdentifier(
      'TargetDBInstanceIdentifier',
      required(p, 'TargetDBInstanceIdentifier'),
      63,
    );
    const sourceParam = str(p, 'SourceDBInstanceIdentifier');
    const sourceResource = str(p, 'SourceDbiResourceId');
    if (!sourceParam && !sourceResource)
      throw invalid('One of SourceDBInstanceIdentifier or SourceDbiResourceId must be specified.');
    let source: DbInstance | undefined;
    if (sourceParam) source = getInstance(sourceParam);
    else {
      source = Object.values(state.instances).find((i) => i.resourceId === sourceResource);
      if (!source) throw instanceNotFound(sourceResource!);
    }
    const restoreTimeParam = str(p, 'RestoreTime');
    const useLatest = bool(p, 'UseLatestRestorableTime') ?? false;
    if (restoreTimeParam !== undefined && useLatest) {
      throw combination('Cannot specify both RestoreTime and UseLatestRestorableTime.');
    }
    if (restoreTimeParam === undefined && !useLatest) {
      throw combination('Either RestoreTime or UseLatestRestorableTime must be specified.');
    }
    if (state.instances[target])
      throw new AwsError('DBInstanceAlreadyExists', 'DB instance already exists', 400);
    if (source.backupRetentionPeriod === 0) {
      throw new AwsError(
        'PointInTimeRestoreNotEnabled',
        `Point-in-time restore is not enabled for the source DB instance ${source.id}: automated backups are disabled (BackupRetentionPeriod 0).`,
        400,
      );
    }
    const now = ctx.clock.now();
    const srcStatus = statusOf(source, now);
    const lrt = latestRestorableTime(source, now);
    if (lrt === undefined || srcStatus === 'deleting') {
      throw new AwsError(
        'InvalidDBInstanceState',
        `The source instance ${source.id} has no restorable time yet (status ${srcStatus}).`,
        400,
      );
    }
    if (restoreTimeParam !== undefined) {
      const t = Date.parse(restoreTimeParam);
      if (Number.isNaN(t)) throw invalid(`Invalid RestoreTime: ${restoreTimeParam}`);
      const earliest = Math.max(source.earliestRestorableAt ?? lrt, now - source.backupRetentionPeriod * DAY);
      if (t > lrt || t < earliest) {
        throw new AwsError(
          'InvalidRestoreFault',
          `The restore time ${iso(t)} is not between the earliest restorable time ${iso(earliest)} and the latest restorable time ${iso(lrt)}.`,
          400,
        );
      }
    }
    checkRestoreOnlyOptions(p, source.engine);
    const region = regionOf(req, ctx);
    const fields = restoredFields(p, region, {
      instanceClass: source.instanceClass,
      engine: source.engine,
      engineVersion: source.engineVersion,
      licenseModel: source.licenseModel,
      allocatedStorage: source.allocatedStorage,
      storageType: source.storageType,
      iops: source.iops,
      port: source.port,
      masterUsername: source.masterUsername,
      dbName: source.dbName,
      encrypted: source.storageEncrypted,
      kmsKeyId: source.kmsKeyId,
      backupRetentionPeriod: source.backupRetentionPeriod,
      preferredBackupWindow: source.preferredBackupWindow,
    });
    const fails = ctx.faults.active('restore-fails', {
      DBInstanceIdentifier: target,
      SourceDBInstanceIdentifier: source.id,
      operation: 'RestoreDBInstanceToPointInTime',
    });
    const inst = newInstance(
      ctx,
      region,
      target,
      fields,
      DURATIONS.rdsCreating,
      fails ? 'incompatible-restore' : undefined,
    );
    state.instances[target] = inst;
    if (!fails && usesPg(inst.engine)) {
      // The sandbox restores from the source's latest state, whatever the RestoreTime.
      try {
        await pgCreateInstanceDatabase(inst, source.pgDatabase);
      } catch (err) {
        delete state.instances[target];
        throw err;
      }
    }
    return { DBInstance: renderInstance(inst, ctx) };
  };

  /** The instance or snapshot an ARN names (tags are addressed by ARN). */
  function taggable(arn: string): { tags: Tag[]; set(tags: Tag[]): void } {
    const m = /^arn:aws[a-z-]*:rds:[^:]*:[^:]*:([a-z-]+):(.+)$/.exec(arn);
    if (!m)
      throw invalid(`The specified resource name does not match an RDS resource in this region: ${arn}`);
    const type = m[1]!;
    const id = m[2]!.toLowerCase();
    if (type === 'db') {
      const inst = state.instances[id];
      if (!inst) throw instanceNotFound(id);
      return { tags: inst.tags, set: (t) => (inst.tags = t) };
    }
    if (type === 'snapshot') {
      const snap = state.snapshots[id];
      if (!snap) throw snapshotNotFound(id);
      return { tags: snap.tags, set: (t) => (snap.tags = t) };
    }
    throw invalid(`The sandbox does not support tags on RDS resources of type ${type}.`);
  }

  const AddTagsToResource: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const r = taggable(required(req.params, 'ResourceName'));
    r.set(checkTags(r.tags, tagsParam(req.params)));
    return {};
  };

  const ListTagsForResource: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const r = taggable(required(req.params, 'ResourceName'));
    return { TagList: r.tags };
  };

  const RemoveTagsFromResource: OperationHandler = async (req, ctx) => {
    await advance(ctx);
    const r = taggable(required(req.params, 'ResourceName'));
    const keys = new Set(strings(req.params['TagKeys'], 'member'));
    r.set(r.tags.filter((t) => !keys.has(t.Key)));
    return {};
  };

  // ----- seed -----

  /** The default seed: a source instance `app-db` (postgres, backups kept 7 days) made a
   *  month ago, with automated snapshots from the last two nights; with PostgreSQL, a
   *  `customers` table that grew by one row after each snapshot. */
  async function seed(ctx: ServiceContext): Promise<void> {
    await advance(ctx);
    if (state.instances['app-db']) return;
    const region = ctx.region ?? 'us-east-1';
    const now = ctx.clock.now();
    const created = now - 30 * DAY;
    const engineInfo = ENGINES['postgres']!;
    const inst: DbInstance = {
      id: 'app-db',
      arn: instanceArn(ctx, region, 'app-db'),
      region,
      resourceId: `db-${hexId(ctx, 26).toUpperCase()}`,
      instanceClass: 'db.t4g.micro',
      engine: 'postgres',
      engineVersion: engineInfo.version,
      licenseModel: engineInfo.license,
      allocatedStorage: 20,
      storageType: 'gp3',
      masterUsername: 'appadmin',
      dbName: 'app',
      port: engineInfo.port,
      backupRetentionPeriod: 7,
      preferredBackupWindow: '03:00-03:30',
      preferredMaintenanceWindow: 'sun:05:00-sun:05:30',
      multiAz: false,
      publiclyAccessible: false,
      autoMinorVersionUpgrade: true,
      storageEncrypted: true,
      kmsKeyId: `arn:aws:kms:${region}:${ctx.accountId}:key/${uuid(ctx)}`,
      deletionProtection: false,
      copyTagsToSnapshot: true,
      vpcSecurityGroupIds: [SEED.securityGroup.groupId],
      dbSubnetGroupName: 'default',
      parameterGroupName: `default.${engineInfo.family}`,
      availabilityZone: `${region}a`,
      requestedAt: created - DURATIONS.rdsCreating,
      createdAt: created,
      timeline: timeline<InstanceStatus>(created, 'available'),
      tags: [
        { Key: 'app', Value: 'demo' },
        { Key: 'env', Value: 'production' },
      ],
      pendingModifiedValues: {},
      initialBackupAt: created,
      initialBackupTaken: true,
      earliestRestorableAt: now - 7 * DAY,
    };
    state.instances[inst.id] = inst;
    const today = Math.floor(now / DAY) * DAY;
    const snapshotTimes = [today - 2 * DAY + 3 * 60 * MIN + 10 * MIN, today - DAY + 3 * 60 * MIN + 10 * MIN];
    const snaps = snapshotTimes.map((at) =>
      snapshotFrom(ctx, inst, automatedSnapshotId(inst.id, at), 'automated', at, 8 * MIN, [...inst.tags]),
    );
    for (const snap of snaps) {
      settle(snap.timeline, now);
      state.snapshots[snap.id] = snap;
    }
    if (usesPg('postgres')) {
      const customers = [
        ['Ada Lovelace', 'ada@example.test'],
        ['Grace Hopper', 'grace@example.test'],
        ['Edsger Dijkstra', 'edsger@example.test'],
        ['Barbara Liskov', 'barbara@example.test'],
        ['Donald Knuth', 'donald@example.test'],
      ] as const;
      try {
        await pg(async (b) => {
          await b.dropDatabase('app-db');
          await b.createDatabase('app-db');
          const c = await b.connect('app-db');
          try {
            await c.query(
              'CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now())',
            );
            const insert = (i: number) =>
              c.query('INSERT INTO customers (name, email) VALUES ($1, $2)', [
                customers[i]![0],
                customers[i]![1],
              ]);
            // Three customers at the older snapshot, four at the newer, five now.
            for (let i = 0; i < 3; i++) await insert(i);
            await c.end();
            for (let s = 0; s < snaps.length; s++) {
              const snap = snaps[s]!;
              snap.pgDatabase = pgSnapshotName(snap.id, snap.createdAt);
              await b.dropDatabase(snap.pgDatabase);
              await b.cloneDatabase('app-db', snap.pgDatabase);
              const c2 = await b.connect('app-db');
              try {
                await c2.query('INSERT INTO customers (name, email) VALUES ($1, $2)', [
                  customers[3 + s]![0],
                  customers[3 + s]![1],
                ]);
              } finally {
                await c2.end();
              }
            }
          } finally {
            await c.end().catch(() => undefined);
          }
        });
      } catch (err) {
        throw pgFailure(err);
      }
      inst.pgDatabase = 'app-db';
      inst.dbName = 'app-db';
      inst.masterUsername = backend!.user;
      for (const snap of snaps) snap.masterUsername = backend!.user;
    }
  }

  // ----- the service -----

  const operations: Record<string, OperationHandler> = {
    CreateDBInstance,
    DescribeDBInstances,
    ModifyDBInstance,
    DeleteDBInstance,
    CreateDBSnapshot,
    DeleteDBSnapshot,
    DescribeDBSnapshots,
    RestoreDBInstanceFromDBSnapshot,
    RestoreDBInstanceToPointInTime,
    AddTagsToResource,
    ListTagsForResource,
    RemoveTagsFromResource,
  };

  const service: RdsService = {
    name: 'rds',
    protocol: 'query',
    namespace: RDS_NAMESPACE,
    operations,
    listItemNames: {
      DBInstances: 'DBInstance',
      DBSnapshots: 'DBSnapshot',
      TagList: 'Tag',
      VpcSecurityGroups: 'VpcSecurityGroupMembership',
      DBSecurityGroups: 'DBSecurityGroup',
      DBParameterGroups: 'DBParameterGroup',
      OptionGroupMemberships: 'OptionGroupMembership',
      ReadReplicaDBInstanceIdentifiers: 'ReadReplicaDBInstanceIdentifier',
      DomainMemberships: 'DomainMembership',
      ProcessorFeatures: 'ProcessorFeature',
      Subnets: 'Subnet',
    },
    get postgres() {
      return backend;
    },
    inventory(ctx) {
      const now = ctx.clock.now();
      const out: Array<{ kind: string; id: string; state?: string; tags: Record<string, string> }> = [];
      for (const inst of Object.values(state.instances)) {
        const status = statusOf(inst, now);
        if (status === 'deleted') continue;
        out.push({
          kind: 'db-instance',
          id: inst.id,
          state: status,
          tags: Object.fromEntries(inst.tags.map((t) => [t.Key, t.Value])),
        });
      }
      for (const snap of Object.values(state.snapshots)) {
        out.push({
          kind: 'db-snapshot',
          id: snap.id,
          state: settle(snap.timeline, now),
          tags: Object.fromEntries(snap.tags.map((t) => [t.Key, t.Value])),
        });
      }
      return out;
    },
    snapshotState() {
      return JSON.parse(JSON.stringify(state)) as unknown;
    },
    restoreState(saved) {
      const s = (saved ?? {}) as Partial<RdsState>;
      state = { instances: { ...(s.instances ?? {}) }, snapshots: { ...(s.snapshots ?? {}) } };
    },
    reset() {
      const names = [
        ...Object.values(state.instances).map((i) => i.pgDatabase),
        ...Object.values(state.snapshots).map((s) => s.pgDatabase),
      ].filter((n): n is string => n !== undefined);
      state = emptyState();
      if (backend) for (const name of names) void pg((b) => b.dropDatabase(name)).catch(() => undefined);
    },
    seed,
    async start(ctx) {
      if (backend || !ctx.options?.postgres) return;
      const dataDir = ctx.options.stateDir ? await persistentDataDir(ctx.options.stateDir) : undefined;
      backend = await startPostgresBackend({ dataDir });
      ownsBackend = true;
    },
    async stop() {
      await pgQueue.catch(() => undefined);
      if (backend && ownsBackend) await backend.stop();
      if (ownsBackend) backend = undefined;
      ownsBackend = false;
    },
  };
  return service;
}
