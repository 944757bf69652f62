// The naming standard (CONTRACTS.md): one function per resource kind, deterministic and
// always valid for AWS. Names are readable when they fit; when they would be too long the
// role is shortened and a hash of the full identity keeps distinct releases distinct.
// The full values always live in tags, so nothing is lost by shortening.
//
// Why a full name can never equal a shortened one: env and build contain no hyphen, so a
// name's first and last segments are its env and build, and the middle is either the role
// (full form) or `<cut role>-<6 hex>` (shortened form). A role that itself ends in
// `-<6 hex>` would make the two forms look alike (role `b-c8c519` against the shortened
// `billing-reconciler`), so such a role always takes the shortened form. Two shortened
// names are then equal only if the hashes of two distinct identities collide.
import { createHash } from 'node:crypto';
import type { Identity } from './identity.js';

/** AWS limits the naming standard must respect. */
export const LIMITS = {
  /** ELBv2 load balancer and target group names. */
  elbName: 32,
  /** RDS DB instance identifiers. */
  rdsIdentifier: 63,
  /** RDS snapshot identifiers. */
  rdsSnapshotIdentifier: 255,
  amiNameMin: 3,
  amiNameMax: 128,
  dnsLabel: 63,
  dnsName: 253,
  /** EC2 launch template names: 3–128 of [a-zA-Z0-9()./_-] (CreateLaunchTemplate, LaunchTemplateName). */
  launchTemplateName: 128,
  /** Auto Scaling group names: 1–255 characters (CreateAutoScalingGroup, AutoScalingGroupName). */
  autoScalingGroupName: 255,
} as const;

const HASH_LENGTH = 6;

function shortHash(id: Identity): string {
  return createHash('sha256')
    .update(`${id.env}\0${id.role}\0${id.build}`)
    .digest('hex')
    .slice(0, HASH_LENGTH);
}

/** A role whose full-form name would read like a shortened one: it ends in `-<hash>`. */
const HASH_LIKE_ENDING = new RegExp(`-[0-9a-f]{${HASH_LENGTH}}$`);

/**
 * `<env>-<role>-<build>` when it fits in `max` and the role does not end like a hash, else
 * `<env>-<role…>-<hash>-<build>` with the role cut to what fits. env leads so one
 * environment's resources sort together.
 */
function fittedName(id: Identity, max: number): string {
  const full = `${id.env}-${id.role}-${id.build}`;
  if (full.length <= max && !HASH_LIKE_ENDING.test(id.role)) return full;
  const fixed = id.env.length + id.build.length + HASH_LENGTH + 3; // three hyphens
  // Role is letter-first, so at least its first character always survives; a cut that ends
  // in a hyphen would make '--' (invalid in RDS identifiers), so trim it.
  const role = id.role.slice(0, Math.max(1, max - fixed)).replace(/-+$/, '');
  return `${id.env}-${role}-${shortHash(id)}-${id.build}`;
}

/** Application load balancer name (≤ 32 characters). */
export function loadBalancerName(id: Identity): string {
  return fittedName(id, LIMITS.elbName);
}

/** Target group name (≤ 32 characters; its own namespace, so it may equal the load balancer's). */
export function targetGroupName(id: Identity): string {
  return fittedName(id, LIMITS.elbName);
}

/**
 * EC2 launch template of the build's servers (≤ 128 characters of [a-zA-Z0-9()./_-]; env, role
 * and build hold only lower-case letters, digits and hyphens, so the standard form fits).
 * Launch template names are unique per account and region, like load balancer names.
 */
export function launchTemplateName(id: Identity): string {
  return fittedName(id, LIMITS.launchTemplateName);
}

/** Auto Scaling group of the build's servers (≤ 255 characters, unique per account and region). */
export function autoScalingGroupName(id: Identity): string {
  return fittedName(id, LIMITS.autoScalingGroupName);
}

/** RDS DB instance identifier of the release's data replica (≤ 63 characters). */
export function dbInstanceId(id: Identity): string {
  return fittedName(id, LIMITS.rdsIdentifier);
}

/**
 * RDS DB cluster identifier of the release's Aurora replica (≤ 63 characters). Clusters and
 * instances are separate RDS namespaces, so the clone and its writer instance share the name.
 */
export function dbClusterId(id: Identity): string {
  return fittedName(id, LIMITS.rdsIdentifier);
}

/** Identifier of the snapshot kept when a replica is retired with a final snapshot. */
export function finalSnapshotId(id: Identity): string {
  return `${dbInstanceId(id)}-final`;
}

/**
 * Identifier of the manual snapshot replicate-data takes of the source DB instance for this
 * release (`from: new-snapshot`); the `-source` suffix keeps it apart from final snapshots.
 */
export function sourceSnapshotId(id: Identity): string {
  return `${dbInstanceId(id)}-source`;
}

/**
 * AMI name: `immut/<env>/<role>/<build>/<fingerprint prefix>`. Unique per account and
 * region because the build and fingerprint are in it (AWS refuses duplicate AMI names).
 */
export function imageName(id: Identity, fingerprint: string): string {
  if (!/^[a-f0-9]{16,}$/.test(fingerprint)) {
    throw new Error(`fingerprint must be at least 16 lowercase hex characters, got '${fingerprint}'`);
  }
  return `immut/${id.env}/${id.role}/${id.build}/${fingerprint.slice(0, 16)}`;
}

/**
 * Name of the unencrypted image an encrypted bake makes first and copies into the
 * encrypted one (then deletes): the image's name plus `/unencrypted`, at most 79 characters.
 */
export function intermediateImageName(id: Identity, fingerprint: string): string {
  return `${imageName(id, fingerprint)}/unencrypted`;
}

/** The `Name` tag shown in the console for the release's servers. */
export function instanceName(id: Identity): string {
  return `immut/${id.env}/${id.role}/${id.build}`;
}

/** The `Name` tag of a bake's builder instance. */
export function builderName(id: Identity): string {
  return `immut-builder/${id.env}/${id.role}/${id.build}`;
}

/** The git tag recording the release. */
export function gitTag(id: Identity): string {
  return `immut/${id.env}/${id.role}/${id.build}`;
}

/**
 * The role name the world release's tag takes the place of: a world file may not name a role
 * `world`, or its release tag would be the world release's.
 */
export const WORLD_ROLE = 'world';

/** The git tag recording a world release: `immut/<env>/world/<build>`. */
export function worldTag(world: { env: string; build: string }): string {
  return gitTag({ env: world.env, role: WORLD_ROLE, build: world.build });
}

/** Parses a git tag made by `gitTag` back into its identity, or undefined. */
export function parseGitTag(tag: string): Identity | undefined {
  const match = /^immut\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(tag);
  if (!match) return undefined;
  const [, env, role, build] = match as unknown as [string, string, string, string];
  return { env, role, build };
}

/** Lower case, no trailing dot: the form names are compared and built in. */
export function normalizeDnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * A load balancer's DNS name as alias targets compare: normalized, without the `dualstack.`
 * prefix (Route 53 takes `dualstack.<name>` and `<name>` as the same alias target).
 */
export function bareDnsName(name: string): string {
  return normalizeDnsName(name).replace(/^dualstack\./, '');
}

/** Returns a problem with a DNS name, or undefined when it is valid. */
export function checkDnsName(name: string): string | undefined {
  const normalized = normalizeDnsName(name);
  if (normalized.length === 0) return 'a DNS name must not be empty';
  if (normalized.length > LIMITS.dnsName) return `a DNS name is at most ${LIMITS.dnsName} characters`;
  for (const label of normalized.split('.')) {
    if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) {
      return `'${label}' is not a valid DNS label (1–63 letters, digits or hyphens, no hyphen at either end)`;
    }
  }
  return undefined;
}

/** The role's stable name that users hit and cutover moves: `<role>.<env>.<zone>`. */
export function roleDnsName(id: Pick<Identity, 'role' | 'env'>, zone: string): string {
  return checkedDnsName(`${id.role}.${id.env}.${normalizeDnsName(zone)}`);
}

/** The build's own name, for trying it before cutover: `<build>.<role>.<env>.<zone>`. */
export function buildDnsName(id: Identity, zone: string): string {
  return checkedDnsName(`${id.build}.${id.role}.${id.env}.${normalizeDnsName(zone)}`);
}

function checkedDnsName(name: string): string {
  const problem = checkDnsName(name);
  if (problem) throw new Error(`cannot build DNS name '${name}': ${problem}`);
  return name;
}
