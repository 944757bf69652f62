// Mode 'status': what every role of the world runs and how fresh its OS head is, as a job
// summary (table and timeline), a `status` output and a JSON file. With fail-on-stale the
// step fails naming the stale roles, so a scheduled workflow can open an alert; mode 'plan'
// with only-stale takes the same status to plan just the stale roles.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Route53Client } from '@aws-sdk/client-route-53';
import { createAwsClient } from '@immut/core/aws';
import { UserError } from '@immut/core/errors';
import { resolveZone } from '@immut/core/hosted-zone';
import type { ActionContext } from '@immut/core/run-action';
import type { RolePlan, World } from '@immut/core/world';
import {
  buildWorldStatus,
  renderWorldStatus,
  staleMessage,
  type RoleStatus,
  type WorldStatus,
} from '@immut/core/world-status';
import type { statusReaders as StatusReadersFn } from './status-readers.js';
import { checkStatusOptions, type StatusOptions } from './status-options.js';

const ACTION = 'world';

/** Roles read at once: each reads Route 53, EC2, SSM, RDS and GitHub, whose rate limits are
 *  per account; a world of 256 roles then takes 32 rounds, not 256 calls at once. */
const CONCURRENT_ROLES = 8;

export type { StatusOptions } from './status-options.js';

/** The world's status now: every role gathered, then judged against max-age. */
export async function takeStatus(
  { io, env, clock }: ActionContext,
  world: World,
  plans: readonly RolePlan[],
  options: StatusOptions,
): Promise<WorldStatus> {
  // Validated before any call, so a typo costs no AWS or GitHub round trip (main.ts checks
  // them before this module loads, too).
  const maxAgeMs = checkStatusOptions(options);
  const route53 = createAwsClient(Route53Client, { region: world.region, action: ACTION });
  let readers: ReturnType<typeof StatusReadersFn> | undefined;
  try {
    // The zone's lookup is the first call; the other readers load once it is answered. Loaded
    // beside it, their ~2 MB would compile before the request left (bench: 0.86 → 1.02× the
    // baseline to the first request).
    const zone = await resolveZone(route53, world.zone);
    const { statusReaders } = await import('./status-readers.js');
    readers = statusReaders({ io, env }, world.region, route53, options.githubToken ?? '');
    const { gather } = readers;
    const roles: RoleStatus[] = [];
    for (let i = 0; i < plans.length; i += CONCURRENT_ROLES) {
      const batch = plans.slice(i, i + CONCURRENT_ROLES);
      roles.push(...(await Promise.all(batch.map((plan) => gather(plan, zone.id)))));
    }
    return buildWorldStatus({ env: world.env, now: clock.now(), maxAge: options.maxAge, maxAgeMs, roles });
  } finally {
    readers?.destroy();
    route53.destroy();
  }
}

/** Where the JSON goes: the runner's temporary directory, never the workspace (a committed
 *  symlink there could point the write anywhere). */
function statusFile(env: ActionContext['env'], worldEnv: string): string {
  const dir = env['RUNNER_TEMP'] || tmpdir();
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `immut-world-status-${worldEnv}.json`);
}

/** Mode status: takes the status, reports it, and fails on stale roles when asked to. */
export async function status(
  ctx: ActionContext,
  world: World,
  plans: readonly RolePlan[],
  options: StatusOptions & { failOnStale: boolean },
): Promise<WorldStatus> {
  const { io } = ctx;
  const taken = await takeStatus(ctx, world, plans, options);
  const json = `${JSON.stringify(taken, null, 2)}\n`;
  const file = statusFile(ctx.env, world.env);
  writeFileSync(file, json, { mode: 0o644 });
  io.setOutput('status', JSON.stringify(taken));
  io.setOutput('status-file', file);
  io.setOutput('stale', taken.stale.join(','));
  for (const role of taken.roles)
    io.info(`${role.role}: ${role.freshness.stale ? 'STALE, ' : ''}${role.freshness.summary}`);
  await io.appendSummary(renderWorldStatus(taken));
  if (taken.stale.length > 0) {
    if (options.failOnStale) throw new UserError(staleMessage(taken));
    io.warning(staleMessage(taken));
  }
  return taken;
}
