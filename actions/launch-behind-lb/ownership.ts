// What every reuse (re-run) and every delete (post) of this action checks first: core's
// guard (immut's tags, same role and env) plus the build, so a launch never adopts or
// removes another build's resources even when a name matches.
import { GuardError } from '@immut/core/errors';
import type { Identity } from '@immut/core/identity';
import { TAG, assertManaged, type Tags } from '@immut/core/tags';

export function assertOwnBuild(kind: string, id: string, tags: Tags, identity: Identity): void {
  assertManaged({ kind, id, tags }, identity);
  if (tags[TAG.build] !== identity.build) {
    throw new GuardError(
      `Refusing to modify ${kind} ${id}: it belongs to build '${tags[TAG.build] ?? '(none)'}', not '${identity.build}'. immut only changes what this build created.`,
    );
  }
}

/** The kinds this action records for its post step, in the order they are created. */
export const KIND = {
  loadBalancer: 'load-balancer',
  targetGroup: 'target-group',
  listener: 'listener',
  launchTemplate: 'launch-template',
  autoScalingGroup: 'auto-scaling-group',
  dnsRecord: 'dns-record',
} as const;
