// Support for cutover-dns's end-to-end tests (test/e2e/cutover-dns*.test.ts): sandboxes with
// builds behind load balancers, runs of the built bundle through the runner harness, the
// calls each run made (for the IAM check), and scenarios whose setups all start at once
// (most of their time is spent waiting on bundles and the SDK's wall-clock retry sleeps).
import { afterAll, beforeAll, expect } from '@jest/globals';
import type { CallRecord, Sandbox } from '@immut/sandbox';
import { type ActionRun, describeRun, errorsOf, runAction } from '@immut/action-runner';
import { grantScope, sandboxEnv, startE2eSandbox } from '@immut/test-support/sandbox';
import {
  type Build,
  type Clients,
  ZONE_NAME,
  launchBuild,
  sdkClients,
  settle,
  zoneId,
} from '@immut/test-support/builds-behind-lb';

export const ROLE = 'api';
export const ENV = 'prod';
export const NAME = `${ROLE}.${ENV}.${ZONE_NAME}`;

/** A sandbox with builds b1 and b2 of `role`, active and healthy. */
export interface World {
  sandbox: Sandbox;
  c: Clients;
  zone: string;
  a: Build;
  b: Build;
}

export const worlds: World[] = [];
export const extraSandboxes: Sandbox[] = [];

export async function world(
  role = ROLE,
  options: Parameters<typeof startE2eSandbox>[0] = {},
): Promise<World> {
  const sandbox = await startE2eSandbox(options);
  const c = sdkClients(sandbox);
  const a = await launchBuild(sandbox, c, { role, env: ENV, build: 'b1' });
  const b = await launchBuild(sandbox, c, { role, env: ENV, build: 'b2' });
  await settle(sandbox);
  const w = { sandbox, c, zone: await zoneId(c), a, b };
  worlds.push(w);
  return w;
}

/** The calls the sandboxes saw while the action ran, for the IAM check. */
export const actionCalls: CallRecord[] = [];

/** Calls the tests themselves make while an action runs (concurrent changes, health loss). */
function madeByTest(c: CallRecord): boolean {
  const comment = (c.params['ChangeBatch'] as { Comment?: string } | undefined)?.Comment;
  return (
    c.operation === 'DeregisterTargets' ||
    (c.operation === 'ChangeResourceRecordSets' && comment === 'someone else')
  );
}

export async function run(
  w: Pick<World, 'sandbox'>,
  inputs: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ActionRun> {
  const seq = () => w.sandbox.calls().at(-1)?.seq ?? 0;
  const from = seq();
  // The policy names the conventional name of the run's role (npm run iam --record-name),
  // never whatever `name` a scenario passes: a name outside it is refused by IAM too.
  const role = inputs['role'] ?? ROLE;
  grantScope(w.sandbox, { recordNames: [`${role}.${inputs['env'] ?? ENV}.${ZONE_NAME}`] });
  const r = await runAction('cutover-dns', {
    // A generous deadline: at E2E_TIME_SCALE the default 30m is under a second of wall time,
    // which parallel bundles on two cores can spend just starting up.
    inputs: { role: ROLE, env: ENV, zone: ZONE_NAME, name: NAME, timeout: '6h', ...inputs },
    env: sandboxEnv(w.sandbox, 'cutover-dns'),
    timeoutMs,
  });
  actionCalls.push(...w.sandbox.calls().filter((c) => c.seq > from && !madeByTest(c)));
  return r;
}

/** Inputs that move the name to `build`. */
export function to(build: Build, extra: Record<string, string> = {}): Record<string, string> {
  return {
    build: build.identity.build,
    'target-dns-name': build.dnsName,
    'target-zone-id': build.zoneId,
    ...extra,
  };
}

/** Whether a logged change batch takes or releases a lease (core's lease.ts), not the name. */
export function isLeaseChange(call: CallRecord): boolean {
  return changesOf(call).every((ch) =>
    String(ch.ResourceRecordSet['Name'] ?? '').startsWith('_immut-lease.'),
  );
}

/** The accepted change batches of the name and its history (lease batches left out). */
export function changes(w: World): CallRecord[] {
  return w.sandbox
    .calls()
    .filter((c) => c.operation === 'ChangeResourceRecordSets' && c.outcome === 'ok' && !isLeaseChange(c));
}

/** The Changes of a logged ChangeResourceRecordSets call, as the sandbox decoded them. */
export function changesOf(
  call: CallRecord,
): Array<{ Action: string; ResourceRecordSet: Record<string, unknown> }> {
  const batch = (call.params['ChangeBatch'] ?? {}) as { Changes?: unknown };
  const list = (batch.Changes as { Change?: unknown } | undefined)?.Change ?? batch.Changes;
  return (Array.isArray(list) ? list : [list]) as Array<{
    Action: string;
    ResourceRecordSet: Record<string, unknown>;
  }>;
}

export function expectOk(r: ActionRun): void {
  expect({ exit: r.exitCode, run: r.exitCode === 0 ? '' : describeRun(r) }).toEqual({ exit: 0, run: '' });
}

export function errorText(r: ActionRun): string {
  return errorsOf(r)
    .map((a) => a.message)
    .join('\n');
}

export async function until(condition: () => boolean, what: string, timeoutMs = 50_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Scenario setups: all started at once (most of their time is spent waiting on bundles and
 * on the SDK's wall-clock retry sleeps), each awaited by its own describe block. */
export const starters: Array<() => Promise<void>> = [];

export function scenario(fn: () => Promise<void>): void {
  let started: Promise<void> | undefined;
  const start = (): Promise<void> =>
    (started ??= (async () => {
      await fn();
    })());
  starters.push(start);
  beforeAll(() => start(), 60_000);
}

/** Call once at the top of a test file: starts every scenario at once, stops every sandbox. */
export function useScenarios(): void {
  beforeAll(() => {
    // Failures surface in each scenario's own beforeAll.
    for (const start of starters) start().catch(() => undefined);
  });
  afterAll(async () => {
    for (const w of worlds) {
      w.c.destroy();
      await w.sandbox.stop();
    }
    for (const sandbox of extraSandboxes) await sandbox.stop();
  });
}

/** Waits for every scenario (for checks over all of them, such as the IAM one). */
export function allScenarios(): Promise<unknown> {
  return Promise.allSettled(starters.map((start) => start()));
}
