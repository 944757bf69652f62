// The standard tag set on every AWS resource immut creates, and the guard that keeps immut
// from modifying or deleting anything it did not create for the expected role and env.
import { GuardError } from './errors.js';
import type { Identity } from './identity.js';
import { releaseId } from './identity.js';
import type { Provenance } from './provenance.js';

export const TAG = {
  managedBy: 'immut:managed-by',
  role: 'immut:role',
  env: 'immut:env',
  build: 'immut:build',
  release: 'immut:release',
  source: 'immut:source',
  run: 'immut:run',
  fingerprint: 'immut:fingerprint',
  baseImage: 'immut:base-image',
  /** On an image: how long its builder ran, in whole seconds; when the role's next bake first
   *  looks at its builder. */
  builderSeconds: 'immut:builder-seconds',
  /** On immut's own S3 staging bucket: the version of the configuration applied to it. */
  stagingConfig: 'immut:staging-config',
  /** Marks bake builder instances, so cleanup and audits can find them. */
  component: 'immut:component',
  /** The sha256 of the application artifact baked into an image (bake-image's `artifact`). */
  artifact: 'immut:artifact',
  name: 'Name',
} as const;

export const MANAGED_BY_VALUE = 'immut';

/** AWS limits shared by EC2, ELBv2 and RDS tags. */
/**
 * The tag a promotion writes on the image (and its snapshots) it reuses from another env:
 * `immut:used-by:<env>` = the build of that env which runs it. The image's own env keeps it
 * while the tag is there; the using env's retirement removes the tag with its build.
 */
export const USED_BY_PREFIX = 'immut:used-by:';
export function usedByTag(env: string): string {
  return `${USED_BY_PREFIX}${env}`;
}

/**
 * The tag a promotion into another AWS account writes beside `immut:used-by:<env>` on the
 * source image and its snapshots: `immut:shared-with:<env>` = that env's account id, to which
 * the image was shared (launch and create-volume permissions). retire-release's `unshare` mode
 * removes the permissions and both tags once the using build is retired there.
 */
export const SHARED_WITH_PREFIX = 'immut:shared-with:';
export function sharedWithTag(env: string): string {
  return `${SHARED_WITH_PREFIX}${env}`;
}

/** On an image copied into this account or region for a promotion: the source image's id. */
export const COPIED_FROM_TAG = 'immut:copied-from';

export const TAG_LIMITS = { perResource: 50, keyLength: 128, valueLength: 256 } as const;

export type Tags = Readonly<Record<string, string>>;

/**
 * The standard tags for a resource of this release. `extra` adds kind-specific tags
 * (e.g. the fingerprint on images); it cannot override the identity tags.
 */
export function standardTags(id: Identity, provenance: Provenance, name: string, extra: Tags = {}): Tags {
  const tags: Record<string, string> = {
    ...extra,
    [TAG.name]: name,
    [TAG.managedBy]: MANAGED_BY_VALUE,
    [TAG.role]: id.role,
    [TAG.env]: id.env,
    [TAG.build]: id.build,
    [TAG.release]: releaseId(id),
    [TAG.source]: `${provenance.repository}@${provenance.sha}`,
  };
  if (provenance.runUrl) tags[TAG.run] = provenance.runUrl;
  checkTags(tags);
  return tags;
}

/** Throws when tags break AWS's limits, before any call is made. */
export function checkTags(tags: Tags): void {
  const entries = Object.entries(tags);
  if (entries.length > TAG_LIMITS.perResource) {
    throw new Error(`${entries.length} tags exceed AWS's limit of ${TAG_LIMITS.perResource} per resource`);
  }
  for (const [key, value] of entries) {
    if (key.length === 0 || key.length > TAG_LIMITS.keyLength) {
      throw new Error(`tag key '${key}' must be 1–${TAG_LIMITS.keyLength} characters`);
    }
    if (key.toLowerCase().startsWith('aws:'))
      throw new Error(`tag key '${key}' uses the reserved 'aws:' prefix`);
    if (value.length > TAG_LIMITS.valueLength) {
      throw new Error(
        `tag '${key}' value is ${value.length} characters; AWS allows ${TAG_LIMITS.valueLength}`,
      );
    }
  }
}

/** `[{ Key, Value }]`, the shape EC2, ELBv2 and RDS all take. */
export function toAwsTags(tags: Tags): Array<{ Key: string; Value: string }> {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** The inverse of `toAwsTags`; tolerates the SDK's optional fields. */
export function fromAwsTags(list: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Tags {
  const tags: Record<string, string> = {};
  for (const { Key, Value } of list ?? []) if (Key !== undefined) tags[Key] = Value ?? '';
  return tags;
}

/** EC2 filters that find every resource immut made for one role in one env, all builds. */
export function roleFilters(who: Pick<Identity, 'role' | 'env'>): Array<{ Name: string; Values: string[] }> {
  return [
    { Name: `tag:${TAG.managedBy}`, Values: [MANAGED_BY_VALUE] },
    { Name: `tag:${TAG.role}`, Values: [who.role] },
    { Name: `tag:${TAG.env}`, Values: [who.env] },
  ];
}

/** EC2 filters that find resources of exactly this release. */
export function releaseFilters(id: Identity): Array<{ Name: string; Values: string[] }> {
  return [...roleFilters(id), { Name: `tag:${TAG.build}`, Values: [id.build] }];
}

export interface GuardedResource {
  /** What it is, for the message: 'instance', 'load balancer', 'DB instance', … */
  kind: string;
  id: string;
  tags: Tags;
}

/**
 * Why immut may not modify or delete a resource with these tags (`it has no
 * immut:managed-by=immut tag`, `it belongs to role 'web'`), or undefined when it may. For
 * callers that skip such a resource with a warning instead of failing (e.g. a snapshot of
 * an image being removed); everything else goes through `assertManaged`.
 */
export function managedProblem(tags: Tags, expected: Pick<Identity, 'role' | 'env'>): string | undefined {
  if (tags[TAG.managedBy] !== MANAGED_BY_VALUE) return `it has no ${TAG.managedBy}=${MANAGED_BY_VALUE} tag`;
  if (tags[TAG.role] !== expected.role) return `it belongs to role '${tags[TAG.role] ?? '(none)'}'`;
  if (tags[TAG.env] !== expected.env) return `it belongs to env '${tags[TAG.env] ?? '(none)'}'`;
  return undefined;
}

/**
 * The one guard every modify or delete goes through: refuses any resource that lacks
 * `immut:managed-by=immut` or belongs to another role or env, whatever the inputs said.
 */
export function assertManaged(resource: GuardedResource, expected: Pick<Identity, 'role' | 'env'>): void {
  const problem = managedProblem(resource.tags, expected);
  if (problem !== undefined) {
    throw new GuardError(
      `Refusing to modify ${resource.kind} ${resource.id}: ${problem}. immut only changes resources it created for role '${expected.role}' in env '${expected.env}'.`,
    );
  }
}
