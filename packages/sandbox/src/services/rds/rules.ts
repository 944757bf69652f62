// AWS's rules for RDS identifiers, engines, storage, master credentials and backups, from
// the RDS API reference for each operation.
import { missingParameter, required, str, type Params } from '../common/params.js';
import { combination, invalid } from './errors.js';
import { bool } from './params.js';

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

export function checkIdentifier(param: string, id: string, maxLength: number): string {
  if (!validIdentifier(id, maxLength)) {
    throw invalid(
      `The parameter ${param} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.` +
        (id.length > maxLength ? ` It must be at most ${maxLength} characters long.` : ''),
    );
  }
  return id.toLowerCase();
}

/** A required identifier parameter, checked and lower-cased (instances, clusters, snapshots). */
export const identifierParam = (p: Params, param: string, maxLength: number): string =>
  checkIdentifier(param, required(p, param, missingParameter), maxLength);

export interface EngineInfo {
  version: string;
  port: number;
  license: string;
  family: string;
}

const SQLSERVER_VERSION = '16.00.4175.1.v1';
const ORACLE_VERSION = '19.0.0.0.ru-2025-01.rur-2025-01.r1';

export const ENGINES: Record<string, EngineInfo> = {
  postgres: { version: '17.4', port: 5432, license: 'postgresql-license', family: 'postgres17' },
  mysql: { version: '8.0.41', port: 3306, license: 'general-public-license', family: 'mysql8.0' },
  mariadb: { version: '10.11.11', port: 3306, license: 'general-public-license', family: 'mariadb10.11' },
  'oracle-ee': {
    version: ORACLE_VERSION,
    port: 1521,
    license: 'bring-your-own-license',
    family: 'oracle-ee-19',
  },
  'oracle-se2': { version: ORACLE_VERSION, port: 1521, license: 'license-included', family: 'oracle-se2-19' },
  'sqlserver-ex': {
    version: SQLSERVER_VERSION,
    port: 1433,
    license: 'license-included',
    family: 'sqlserver-ex-16.0',
  },
  'sqlserver-web': {
    version: SQLSERVER_VERSION,
    port: 1433,
    license: 'license-included',
    family: 'sqlserver-web-16.0',
  },
  'sqlserver-se': {
    version: SQLSERVER_VERSION,
    port: 1433,
    license: 'license-included',
    family: 'sqlserver-se-16.0',
  },
  'sqlserver-ee': {
    version: SQLSERVER_VERSION,
    port: 1433,
    license: 'license-included',
    family: 'sqlserver-ee-16.0',
  },
};

export const STORAGE_TYPES = ['standard', 'gp2', 'gp3', 'io1', 'io2'];

export function checkInstanceClass(instanceClass: string): void {
  if (!/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass))
    throw invalid(`Invalid DB Instance class: ${instanceClass}`);
}

/** Storage limits (GiB) for gp2/gp3 and io1/io2 (RDS user guide, "Amazon RDS DB instance storage"). */
export function checkStorage(engine: string, storageType: string, gib: number): void {
  const max = engine.startsWith('sqlserver') ? 16384 : 65536;
  if (storageType === 'standard' ? gib < 5 || gib > 3072 : gib < 20 || gib > max) {
    throw combination(
      `Invalid storage size for engine name ${engine} and storage type ${storageType}: ${gib}`,
    );
  }
}

/** The master credentials a Modify call asks for (undefined: not asked). */
export interface MasterCredentials {
  manage: boolean | undefined;
  password: string | undefined;
}

/** ManageMasterUserPassword and MasterUserPassword against each other and the resource
 *  (`managed`: its password is already in Secrets Manager; `owner`: "an instance" or "a DB
 *  cluster", as AWS words the message). */
export function checkMasterCredentials(p: Params, managed: boolean, owner: string): MasterCredentials {
  const manage = bool(p, 'ManageMasterUserPassword');
  const password = str(p['MasterUserPassword']);
  if (manage === true && password !== undefined)
    throw combination("You can't specify MasterUserPassword when ManageMasterUserPassword is turned on.");
  if (manage === false && managed && password === undefined)
    throw combination('You must specify MasterUserPassword when you turn off ManageMasterUserPassword.');
  if (password !== undefined) {
    if (managed && manage !== false)
      throw combination(
        `You can't specify MasterUserPassword for ${owner} whose master user password is managed by Secrets Manager.`,
      );
    checkPassword(password);
  }
  return { manage, password };
}

/** Master password: 8–128 printable ASCII characters except / ' " @ and space (RDS API
 *  reference, CreateDBInstance MasterUserPassword, for PostgreSQL and MySQL). */
export function checkPassword(password: string): void {
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
export function checkMasterUsername(name: string): void {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw invalid(
      'The parameter MasterUsername is not a valid identifier. It must begin with a letter, contain only ASCII letters, digits and underscores, and be 1 to 63 characters long.',
    );
  }
}

/** BackupRetentionPeriod: 0 (no backups) to 35 days. */
export function checkRetention(retention: number): void {
  if (retention < 0 || retention > 35)
    throw invalid(`Invalid backup retention period: ${retention}. It must be between 0 and 35.`);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `rds:<id>-YYYY-MM-DD-HH-MM`, the automated snapshot naming scheme. */
export function automatedSnapshotId(instanceId: string, at: number): string {
  const d = new Date(at);
  return `rds:${instanceId}-${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}`;
}
