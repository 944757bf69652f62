// Builder instances (bake-image's builder protocol, packages/core/src/builder-protocol.ts).
// The sandbox runs no scripts. An instance whose user data is a builder script of the
// protocol — recognised strictly, by re-rendering it — is given a plan at launch: it boots,
// works through the script's steps for simulated times, and powers itself off: after the
// success marker, after the failure marker (the `builder-fails` fault), or at its
// self-destruct deadline when that comes first. Its console shows what the script prints
// on a real boot, up to the present moment. Any other user data gets no plan: such an
// instance runs until someone stops it, and never prints a marker.
import {
  BAKE_MARKERS,
  BUILDER_PROTOCOL_VERSION,
  STEP_LINE_PREFIX,
  logGroupName,
  parseBuilderUserData,
  type BuilderStep,
} from '@immut/core/builder-protocol';
import { DURATIONS } from './durations.js';

const s = 1000;
const min = 60 * s;

/** Simulated time of each builder step (our figures: a small package upgrade, a typical
 *  provisioning script, an agent install, the final clean-up). */
export const BUILDER_DURATIONS: Readonly<Record<BuilderStep, number>> = {
  'os-updates': 2 * min,
  provision: 3 * min,
  logging: 30 * s,
  seal: 10 * s,
};

/** Exit status of the provisioning script when `builder-fails` fires. */
export const INJECTED_EXIT_CODE = 1;

/** A builder's plan, fixed at launch; plain JSON so it survives the state file. */
export interface BuilderRun {
  bakeId: string;
  role: string;
  env: string;
  scriptName: string;
  fileCount: number;
  logPaths: string[];
  selfDestructMinutes: number;
  /** When the script starts (the instance is running). */
  bootedAt: number;
  /** When it powers itself off: the end of the script or the deadline, whichever is first. */
  powerOffAt: number;
  outcome: 'success' | 'failure' | 'deadline';
  /** What the script printed before it failed (the `builder-fails` fault's `output`). */
  failureOutput?: string[];
  /** Set when someone stopped or terminated the builder before it powered off. */
  interruptedAt?: number;
}

/** What the plan needs to know about the launch. */
export interface BuilderLaunch {
  userData: string | undefined;
  launchTime: number;
  /** Whether the `builder-fails` fault fires for this builder (asked once, at launch):
   *  undefined when it does not, else what the failing script printed. */
  fails: (match: Record<string, string>) => { output?: readonly string[] } | undefined;
}

/** The builder plan for an instance, or undefined when its user data is not a builder's. */
export function planBuilder(launch: BuilderLaunch): BuilderRun | undefined {
  if (launch.userData === undefined) return undefined;
  const spec = parseBuilderUserData(Buffer.from(launch.userData, 'base64'));
  if (!spec) return undefined;
  const bootedAt = launch.launchTime + DURATIONS.instancePendingToRunning;
  const failed = launch.fails({ bakeId: spec.bakeId, role: spec.role, env: spec.env });
  const scriptEnd = failed
    ? bootedAt + BUILDER_DURATIONS['os-updates'] + BUILDER_DURATIONS.provision / 2
    : bootedAt + Object.values(BUILDER_DURATIONS).reduce((a, b) => a + b, 0);
  const deadlineAt = bootedAt + spec.selfDestructMinutes * min;
  return {
    bakeId: spec.bakeId,
    role: spec.role,
    env: spec.env,
    scriptName: spec.script.name,
    fileCount: spec.files.length,
    logPaths: [...spec.logPaths],
    selfDestructMinutes: spec.selfDestructMinutes,
    bootedAt,
    powerOffAt: Math.min(scriptEnd, deadlineAt),
    outcome: deadlineAt < scriptEnd ? 'deadline' : failed ? 'failure' : 'success',
    ...(failed?.output ? { failureOutput: [...failed.output] } : {}),
  };
}

/**
 * The instance's own state changes: running at boot, then an instance-initiated shutdown
 * at power-off, which `InstanceInitiatedShutdownBehavior` turns into stopped or terminated.
 */
export function builderStateSteps(
  run: BuilderRun,
  launchTime: number,
  shutdownBehavior: 'stop' | 'terminate',
): Array<[number, 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated']> {
  const runFor = run.powerOffAt - run.bootedAt;
  return shutdownBehavior === 'stop'
    ? [
        [run.bootedAt - launchTime, 'running'],
        [runFor, 'stopping'],
        [DURATIONS.instanceStoppingToStopped, 'stopped'],
      ]
    : [
        [run.bootedAt - launchTime, 'running'],
        [runFor, 'shutting-down'],
        [DURATIONS.instanceShuttingDownToTerminated, 'terminated'],
      ];
}

export const INSTANCE_INITIATED_SHUTDOWN = {
  code: 'Client.InstanceInitiatedShutdown',
  message: 'Client.InstanceInitiatedShutdown: Instance initiated shutdown',
};

const clockTime = (ms: number): string => new Date(ms).toUTCString();

/** Lines the script prints, each at the sandbox time it is printed. */
function scriptEvents(run: BuilderRun, host: string): Array<{ at: number; line: string }> {
  const events: Array<{ at: number; line: string }> = [];
  let at = run.bootedAt;
  const say = (line: string) => events.push({ at, line });
  say(
    `Shutdown scheduled for ${clockTime(run.bootedAt + run.selfDestructMinutes * min)}, use 'shutdown -c' to cancel.`,
  );
  say(
    `${BAKE_MARKERS.start} ${run.bakeId} protocol=${BUILDER_PROTOCOL_VERSION} role=${run.role} env=${run.env}`,
  );
  say(`${STEP_LINE_PREFIX} os-updates`);
  say('Last metadata expiration check: 0:00:03 ago.');
  at += BUILDER_DURATIONS['os-updates'];
  say('Dependencies resolved.');
  say('Complete!');
  say(`${STEP_LINE_PREFIX} provision (${run.scriptName}, ${run.fileCount} shipped file(s))`);
  say(`[sandbox] ${run.scriptName} is not executed: the sandbox runs no scripts`);
  if (run.outcome === 'failure') {
    at += BUILDER_DURATIONS.provision / 2;
    for (const line of run.failureOutput ?? []) say(line);
    say(`${run.scriptName}: exited with status ${INJECTED_EXIT_CODE} (sandbox fault builder-fails)`);
    say(`${BAKE_MARKERS.failure} ${run.bakeId} step=provision exit=${INJECTED_EXIT_CODE}`);
    return events;
  }
  at += BUILDER_DURATIONS.provision;
  say(
    `${STEP_LINE_PREFIX} logging${run.logPaths.length > 0 ? ` (${run.logPaths.length} path(s) -> ${logGroupName(run.role, run.env)})` : ''}`,
  );
  say(
    run.logPaths.length > 0
      ? 'Created symlink /etc/systemd/system/multi-user.target.wants/amazon-cloudwatch-agent.service.'
      : 'immut: no log paths given; no logging integration installed',
  );
  at += BUILDER_DURATIONS.logging;
  say(`${STEP_LINE_PREFIX} seal`);
  at += BUILDER_DURATIONS.seal;
  say(`${BAKE_MARKERS.success} ${run.bakeId}`);
  if (run.outcome === 'deadline') {
    // The scheduled shutdown fires first; whatever the script had not printed never appears.
    const deadlineAt = run.bootedAt + run.selfDestructMinutes * min;
    return [
      ...events.filter((e) => e.at < deadlineAt),
      { at: deadlineAt, line: `Broadcast message from root@${host} (${clockTime(deadlineAt)}):` },
      { at: deadlineAt, line: 'immut: bake deadline reached, powering off' },
      { at: deadlineAt, line: 'The system is going down for poweroff NOW!' },
    ];
  }
  return events;
}

/** Console lines of a builder's script up to `now` (or until it was interrupted). */
export function builderConsoleLines(run: BuilderRun, host: string, now: number): string[] {
  const until = Math.min(now, run.interruptedAt ?? Number.POSITIVE_INFINITY, run.powerOffAt);
  return scriptEvents(run, host)
    .filter((e) => e.at <= until)
    .map((e) => e.line);
}
