// Builder instances (bake-image's builder protocol, packages/core/src/builder-protocol.ts).
// An instance whose user data is a builder script of the protocol — recognised strictly, by
// re-rendering it — runs that script for real once it has booted: under bash, in an isolated
// scratch root (builder-exec/). What the script prints is the console; the markers it prints
// and its own `poweroff` drive the instance's state. This module holds the plain-JSON record
// of a run that lives in EC2's state (so it survives the state file) and how the console and
// the power-off look from the API.
import { DURATIONS } from './durations.js';
import { transition, type Timeline } from './timeline.js';

const s = 1000;
const min = 60 * s;

/** Simulated time the shims spend for a VM's package work (our figures: a small package
 *  upgrade of a fresh image; one package install from a regional mirror). The builder's own
 *  CPU time on this host is not counted: it is the shims that model what takes time. */
export const SHIM_DURATIONS = {
  packageUpgrade: 2 * min,
  packageInstall: 30 * s,
} as const;

/** What a typical bake's steps take on the sandbox clock (os-updates: the upgrade shim; the
 *  rest: a provisioning script with a few installs, the agent install, the seal). An estimate
 *  for planning (bench/); a real run takes what its script's shims take. */
export const BUILDER_DURATIONS = {
  'os-updates': SHIM_DURATIONS.packageUpgrade,
  provision: 3 * min,
  logging: SHIM_DURATIONS.packageInstall,
  seal: 10 * s,
} as const;

/** "Only the most recent 64 KB of console output is available" (EC2 API reference,
 *  GetConsoleOutput). */
export const CONSOLE_LIMIT_BYTES = 64 * 1024;

export interface ConsoleLine {
  /** Sandbox time at which the script printed it. */
  at: number;
  line: string;
}

/** A builder's run: plain JSON, kept on the instance in EC2's state. */
export interface BuilderRun {
  bakeId: string;
  role: string;
  env: string;
  /** When the script starts (the instance is running). */
  bootedAt: number;
  /** The builder's own time: how far its script has got on the sandbox clock. Simulated
   *  waits (package work, `sleep`) move it; the host's CPU time does not. */
  time: number;
  /** The self-destruct deadline the script scheduled (`shutdown -h +N`), and its message. */
  selfDestructAt?: number;
  selfDestructMessage?: string;
  console: ConsoleLine[];
  consoleBytes: number;
  phase: 'booting' | 'running' | 'finished' | 'powered-off' | 'interrupted';
  poweredOffAt?: number;
  /** Set when someone stopped or terminated the builder before it powered off. */
  interruptedAt?: number;
}

export function newBuilderRun(
  spec: { bakeId: string; role: string; env: string },
  launchTime: number,
): BuilderRun {
  const bootedAt = launchTime + DURATIONS.instancePendingToRunning;
  return {
    bakeId: spec.bakeId,
    role: spec.role,
    env: spec.env,
    bootedAt,
    time: bootedAt,
    console: [],
    consoleBytes: 0,
    phase: 'booting',
  };
}

/** Appends a console line, dropping the oldest beyond EC2's 64 KB. */
export function appendConsole(run: BuilderRun, at: number, line: string): void {
  run.console.push({ at, line });
  run.consoleBytes += Buffer.byteLength(line) + 1;
  while (run.consoleBytes > CONSOLE_LIMIT_BYTES && run.console.length > 1) {
    const dropped = run.console.shift()!;
    run.consoleBytes -= Buffer.byteLength(dropped.line) + 1;
  }
}

export const INSTANCE_INITIATED_SHUTDOWN = {
  code: 'Client.InstanceInitiatedShutdown',
  message: 'Client.InstanceInitiatedShutdown: Instance initiated shutdown',
};

type PowerState = 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated' | 'pending';

/** The instance powers itself off now: `InstanceInitiatedShutdownBehavior` decides whether it
 *  then stops or terminates. */
export function instanceInitiatedShutdown(
  inst: { state: Timeline<PowerState>; stateReason?: { code: string; message: string } },
  behaviour: 'stop' | 'terminate',
  now: number,
): void {
  if (behaviour === 'stop')
    transition(inst.state, now, 'stopping', [[DURATIONS.instanceStoppingToStopped, 'stopped']]);
  else
    transition(inst.state, now, 'shutting-down', [
      [DURATIONS.instanceShuttingDownToTerminated, 'terminated'],
    ]);
  inst.stateReason = INSTANCE_INITIATED_SHUTDOWN;
}

/** Console lines of a builder's script printed by `now` (or until it was interrupted). */
export function builderConsoleLines(run: BuilderRun, now: number): string[] {
  const until = Math.min(now, run.interruptedAt ?? Number.POSITIVE_INFINITY);
  return run.console.filter((l) => l.at <= until).map((l) => l.line);
}

/** Sandbox time as systemd prints it ("Mon 2026-12-07 03:04:05 UTC"). */
export function systemdTime(ms: number): string {
  const d = new Date(ms);
  const day = d.toUTCString().slice(0, 3);
  return `${day} ${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
