// Every action's permissions, for the IAM policy tests (the actions' own permissions.ts).
import bakeImage from '../../../../actions/bake-image/permissions.js';
import cutoverDns from '../../../../actions/cutover-dns/permissions.js';
import launchBehindLb from '../../../../actions/launch-behind-lb/permissions.js';
import replicateData from '../../../../actions/replicate-data/permissions.js';
import retireRelease from '../../../../actions/retire-release/permissions.js';
import tagRelease from '../../../../actions/tag-release/permissions.js';
import world from '../../../../actions/world/permissions.js';
import type { ActionPermissions } from '../../src/iam-policy.js';

export const ACTION_PERMISSIONS: ReadonlyArray<readonly [string, ActionPermissions]> = [
  ['bake-image', bakeImage],
  ['cutover-dns', cutoverDns],
  ['launch-behind-lb', launchBehindLb],
  ['replicate-data', replicateData],
  ['retire-release', retireRelease],
  ['tag-release', tagRelease],
  ['world', world],
];
