// The source guard: an action that copies data from a production resource (replicate-data's
// source DB instance) must never change that resource, whatever its inputs say. The guard
// sits in the SDK client's middleware stack, so it sees every command the client sends
// (including ones added later by someone who forgot the rule) and refuses, before anything
// goes on the wire, any mutating command that names the protected resource.
import type { HandlerExecutionContext, InitializeHandler, MetadataBearer } from '@smithy/types';
import type { SdkClient } from './aws.js';
import { GuardError } from './errors.js';

export interface ProtectedSource {
  /** What it is, for messages: `RDS DB instance`. */
  kind: string;
  /** Its identifier, e.g. `app-db` (compared case-insensitively, as RDS does). */
  id: string;
  /** ARN resource types that name it: `db` for `arn:aws:rds:…:db:app-db`. */
  arnTypes: readonly string[];
  /**
   * Parameters of mutating commands that only READ the source, by command name: a snapshot
   * of it (`CreateDBSnapshot.DBInstanceIdentifier`) or a point-in-time restore from it
   * (`RestoreDBInstanceToPointInTime.SourceDBInstanceIdentifier`). Everything else that
   * names the source is refused.
   */
  reads: Readonly<Record<string, readonly string[]>>;
}

/** The reads of an RDS DB instance that create something else from it. */
export const RDS_INSTANCE_READS: Readonly<Record<string, readonly string[]>> = {
  CreateDBSnapshot: ['DBInstanceIdentifier'],
  RestoreDBInstanceToPointInTime: ['SourceDBInstanceIdentifier'],
  CreateDBInstanceReadReplica: ['SourceDBInstanceIdentifier'],
};

/** The protection for one RDS DB instance. */
export function rdsInstanceSource(id: string): ProtectedSource {
  return { kind: 'RDS DB instance', id, arnTypes: ['db'], reads: RDS_INSTANCE_READS };
}

/** The reads of an Aurora DB cluster that create something else from it: a clone or a
 *  point-in-time copy, and a cluster snapshot. */
export const RDS_CLUSTER_READS: Readonly<Record<string, readonly string[]>> = {
  RestoreDBClusterToPointInTime: ['SourceDBClusterIdentifier'],
  CreateDBClusterSnapshot: ['DBClusterIdentifier'],
};

/** The protection for one Aurora DB cluster (`arn:…:cluster:<id>`). */
export function rdsClusterSource(id: string): ProtectedSource {
  return { kind: 'Aurora DB cluster', id, arnTypes: ['cluster'], reads: RDS_CLUSTER_READS };
}

/**
 * The protection for an RDS source named `id` that may be a DB instance or an Aurora DB
 * cluster (separate namespaces: both are protected). Adding an instance to the source cluster
 * (CreateDBInstance with its DBClusterIdentifier) is a change, so it is refused.
 */
export function rdsSource(id: string): ProtectedSource {
  return {
    kind: 'RDS DB instance or Aurora DB cluster',
    id,
    arnTypes: ['db', 'cluster'],
    reads: { ...RDS_INSTANCE_READS, ...RDS_CLUSTER_READS },
  };
}

/** Commands that cannot change anything: AWS's read-only verbs. */
export function isReadOnlyCommand(command: string): boolean {
  return /^(?:Describe|List|Get|Download)[A-Z]/.test(command);
}

// Tag values may mention the source (immut records where a copy came from); a tag never
// addresses a resource, so tags are not inspected.
const NOT_ADDRESSES = new Set(['Tags', 'TagKeys']);

function namesSource(value: string, source: ProtectedSource): boolean {
  const wanted = source.id.toLowerCase();
  const lower = value.toLowerCase();
  if (lower === wanted) return true;
  const arn = /^arn:aws[a-z-]*:[a-z0-9-]+:[^:]*:[^:]*:([a-z-]+)[:/](.+)$/.exec(lower);
  return arn !== null && source.arnTypes.includes(arn[1] ?? '') && arn[2] === wanted;
}

/** Paths (`DBInstanceIdentifier`, `Filters.0.Values.1`) of every string that names the source. */
function pathsNaming(value: unknown, source: ProtectedSource, path: string): string[] {
  if (typeof value === 'string') return namesSource(value, source) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => pathsNaming(v, source, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) =>
      NOT_ADDRESSES.has(key) ? [] : pathsNaming(v, source, path === '' ? key : `${path}.${key}`),
    );
  }
  return [];
}

/**
 * Why `command` with `input` would touch the protected source, or undefined when it may be
 * sent: read-only commands always may; a mutating command may name the source only in a
 * parameter listed as a read for that command.
 */
export function sourceViolation(
  command: string,
  input: unknown,
  source: ProtectedSource,
): string | undefined {
  if (isReadOnlyCommand(command)) return undefined;
  const reads = new Set(source.reads[command] ?? []);
  const offending = pathsNaming(input, source, '').filter((p) => !reads.has(p));
  if (offending.length === 0) return undefined;
  return `Refusing ${command}: its ${offending.join(', ')} names the source ${source.kind} '${source.id}', which immut only reads and never changes.`;
}

/**
 * Installs the guard on `client`: every command is checked with `sourceViolation` before it
 * is signed or sent, and a violation throws a GuardError. Returns the client for chaining.
 */
export function guardSource<C extends SdkClient>(client: C, source: ProtectedSource): C {
  const guard =
    <I extends object, O extends MetadataBearer>(
      next: InitializeHandler<I, O>,
      context: HandlerExecutionContext,
    ): InitializeHandler<I, O> =>
    async (args) => {
      const command = (context.commandName ?? 'UnknownCommand').replace(/Command$/, '');
      const violation = sourceViolation(command, args.input, source);
      if (violation) throw new GuardError(violation);
      return next(args);
    };
  // Innermost initialize step, so nothing can rewrite the input after the check.
  client.middlewareStack.add(guard, { step: 'initialize', name: 'immutSourceGuard', priority: 'low' });
  return client;
}
