// One builder's execution: its scratch directory, its process in the namespaces, its console,
// its clock and its power. The host (host.ts) ticks it with the sandbox clock; everything
// here is driven by that tick, by the process's output and by its shims' requests.
//
// Time: the builder's own time (`run.time`) starts at boot and moves only through simulated
// waits (package work, `sleep`), each of which blocks until the sandbox clock has reached its
// end. So a bake takes the same sandbox time however loaded this host is, and console lines
// carry the builder time at which they were printed.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { quote } from '@immut/core/quoting';
import {
  appendConsole,
  instanceInitiatedShutdown,
  SHIM_DURATIONS,
  systemdTime,
  type BuilderRun,
} from '../builder.js';
import type { SandboxClock } from '../service.js';
import type { Instance } from '../services/ec2/state.js';
import { closeControl, listenControl, type ControlAnswer, type ControlTarget } from './control.js';
import { scratchOwner, startIsolated, type Isolated } from './namespace.js';

/** Wall time without a shim call after the self-destruct deadline has passed on the sandbox
 *  clock before a busy script is taken to be hung there, and powered off at the deadline. */
export const STALL_WALL_MS = 2_000;

export interface ExecutionOptions {
  /** The builder's own directory (root/, control/, user-data). */
  dir: string;
  shimsDir: string;
  setupScript: string;
  inst: Instance & { builder: BuilderRun };
  /** The user data script, decoded. */
  script: Buffer;
  family: 'dnf' | 'apt';
  hostname: string;
  clock: SandboxClock;
  /** The content of the image it boots from, when that image was baked here. */
  baseContent?: string | undefined;
  /** `builder-fails`: the provisioning script fails after printing these lines. */
  fault?: { scriptName: string; output: readonly string[] } | undefined;
}

/** GNU sleep's arguments (NUMBER[smhd]…, summed; `infinity`) in ms; undefined when invalid. */
export function sleepMs(args: string): number | undefined {
  const unit: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  let total = 0;
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  for (const word of words) {
    if (word === 'infinity' || word === 'inf') return Number.POSITIVE_INFINITY;
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(word);
    if (!m) return undefined;
    total += Number(m[1]) * unit[m[2] ?? '']!;
  }
  return Math.round(total);
}

const ok = (body = ''): ControlAnswer => ({ status: 200, body });

export class BuilderExecution implements ControlTarget {
  readonly root: string;
  private isolated: Isolated | undefined;
  private server: Server | undefined;
  private waiting: { until: number; resolve: (a: ControlAnswer) => void } | undefined;
  private partial = '';
  private lastTouch = Date.now();
  private exited = false;
  private closing: Promise<void> | undefined;

  constructor(private readonly o: ExecutionOptions) {
    this.root = path.join(o.dir, 'root');
  }

  private get run(): BuilderRun {
    return this.o.inst.builder;
  }

  /** Lays out the builder's directory: a root (the base image's content when it has one). */
  prepare(): void {
    const { dir, baseContent, script, fault } = this.o;
    mkdirSync(path.join(dir, 'control'), { recursive: true });
    if (baseContent) execFileSync('cp', ['-a', baseContent, this.root]);
    else mkdirSync(this.root);
    const owner = scratchOwner();
    chownSync(this.root, owner.uid, owner.gid);
    writeFileSync(path.join(dir, 'user-data'), script, { mode: 0o644 });
    if (fault) {
      // Read by every bash the builder starts (BASH_ENV); acts only in the provisioning script.
      const lines = fault.output.map((l) => `printf '%s\\n' ${quote(l)}`);
      const notice = `printf '%s\\n' ${quote(`[sandbox] fault builder-fails: ${fault.scriptName} exits with status 1`)}`;
      const text = [
        `if [ "$0" = ${quote(`./${fault.scriptName}`)} ]; then`,
        ...lines,
        notice,
        '  exit 1',
        'fi',
        '',
      ];
      writeFileSync(path.join(dir, 'fault.sh'), text.join('\n'), { mode: 0o644 });
    }
    this.wakeAt(this.run.bootedAt);
  }

  /** Ticks when the sandbox clock reaches `at` (the host's ticker also runs, for jumps of the
   *  clock): a scaled clock's short waits then cost no more wall time than they should. */
  private wakeAt(at: number): void {
    const { clock } = this.o;
    const wallMs = Math.max(0, (at - clock.now()) / clock.scale);
    if (wallMs > 60_000) return;
    setTimeout(() => this.tick(clock.now()), wallMs + 1).unref();
  }

  /** Whether the builder waits for the sandbox clock (or has ended): nothing happens until
   *  the clock moves. */
  settled(now: number): boolean {
    const { phase } = this.run;
    if (phase === 'booting') return now < this.run.bootedAt;
    if (phase === 'powered-off' || phase === 'interrupted') return this.exited;
    if (phase === 'finished') return this.exited && !this.deadlineDue(now);
    return this.waiting !== undefined && now < this.waitEnd() && !this.deadlineDue(now);
  }

  /** Where the builder is, for error messages. */
  describe(now: number): string {
    const r = this.run;
    const waiting = this.waiting ? `waiting until ${this.waiting.until - now} ms from now` : 'not waiting';
    return `phase ${r.phase}, ${waiting}, process ${this.exited ? 'exited' : 'alive'}`;
  }

  get ended(): boolean {
    return (this.run.phase === 'powered-off' || this.run.phase === 'interrupted') && this.exited;
  }

  /** Moves the builder along to `now` on the sandbox clock. */
  tick(now: number): void {
    const run = this.run;
    if (run.phase === 'booting') {
      if (now >= run.bootedAt) this.start();
      return;
    }
    if (run.phase !== 'running' && run.phase !== 'finished') return;
    if (this.deadlineDue(now)) {
      this.selfDestruct();
      return;
    }
    if (this.waiting && now >= this.waiting.until) {
      const { until, resolve } = this.waiting;
      this.waiting = undefined;
      run.time = until;
      this.lastTouch = Date.now();
      resolve(ok());
    }
  }

  private waitEnd(): number {
    return Math.min(this.waiting?.until ?? Infinity, this.run.selfDestructAt ?? Infinity);
  }

  /** The scheduled shutdown fires when the builder's own time would pass it, when its script
   *  has ended, or when a script that is busy (no shim call) has gone past it. */
  private deadlineDue(now: number): boolean {
    const at = this.run.selfDestructAt;
    if (at === undefined || now < at) return false;
    if (this.run.phase === 'finished') return true;
    if (this.waiting) return this.waiting.until >= at;
    return Date.now() - this.lastTouch >= STALL_WALL_MS;
  }

  private start(): void {
    const run = this.run;
    run.phase = 'running';
    this.lastTouch = Date.now();
    void listenControl(path.join(this.o.dir, 'control'), this)
      .then((server) => {
        // Stopped or terminated while the socket opened: nothing to run.
        if (run.phase !== 'running') return void closeControl(server);
        this.server = server;
        this.spawn();
      })
      .catch((e: unknown) => this.sandboxFailure(`control channel: ${(e as Error).message}`));
  }

  private spawn(): void {
    const { setupScript, dir, shimsDir, hostname, family } = this.o;
    const isolated = startIsolated(setupScript, [dir, shimsDir, hostname, family]);
    this.isolated = isolated;
    isolated.child.stdout?.on('data', (chunk: Buffer) => this.output(chunk));
    isolated.child.stderr?.on('data', (chunk: Buffer) => this.output(chunk));
    isolated.child.on('error', (e) => this.sandboxFailure(`unshare: ${e.message}`));
    isolated.child.on('close', (code, signal) => this.exit(code, signal));
  }

  private output(chunk: Buffer): void {
    const text = this.partial + chunk.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) appendConsole(this.run, this.run.time, line.replace(/\r$/, ''));
  }

  private exit(code: number | null, signal: string | null): void {
    if (this.partial) appendConsole(this.run, this.run.time, this.partial);
    this.partial = '';
    this.exited = true;
    const run = this.run;
    if (run.phase === 'running') {
      // The script ended without powering off: like cloud-init, log it; the VM stays up.
      run.phase = 'finished';
      if (code === 70 || (code !== 0 && run.console.length === 0))
        console.error(`[sandbox] builder ${this.o.inst.instanceId}: its isolated root failed (exit ${code})`);
      if (code !== 0)
        appendConsole(
          run,
          run.time,
          `cloud-init[1024]: util.py[WARNING]: Failed running /var/lib/cloud/instance/scripts/part-001 [${code ?? signal}]`,
        );
      appendConsole(
        run,
        run.time,
        `cloud-init[1024]: Cloud-init v. 22.2.2 finished at ${new Date(run.time).toUTCString()}. Datasource DataSourceEc2.`,
      );
    }
    void this.shutDown();
  }

  private sandboxFailure(message: string): void {
    console.error(`[sandbox] builder ${this.o.inst.instanceId}: ${message}`);
    appendConsole(this.run, this.run.time, `[sandbox] the builder could not run: ${message}`);
    this.exited = true;
    if (this.run.phase === 'running') this.run.phase = 'finished';
    void this.shutDown();
  }

  /** Powers the instance off now (its own `poweroff`, or the deadline). */
  private powerOff(): void {
    const run = this.run;
    if (run.phase !== 'running' && run.phase !== 'finished') return;
    const now = Math.max(this.o.clock.now(), run.time);
    run.phase = 'powered-off';
    run.poweredOffAt = now;
    instanceInitiatedShutdown(this.o.inst, this.o.inst.shutdownBehavior, now);
    this.stopProcess();
  }

  private selfDestruct(): void {
    const run = this.run;
    const at = run.selfDestructAt!;
    run.time = Math.max(run.time, at);
    appendConsole(run, at, '');
    appendConsole(run, at, `Broadcast message from root@${this.o.hostname} (${new Date(at).toUTCString()}):`);
    appendConsole(run, at, '');
    appendConsole(run, at, run.selfDestructMessage || 'The system will power off now!');
    appendConsole(run, at, '');
    appendConsole(run, at, 'The system is going down for poweroff NOW!');
    this.powerOff();
  }

  /** Someone stopped or terminated the instance: the script prints nothing more. */
  interrupt(now: number): void {
    const run = this.run;
    if (run.phase === 'powered-off' || run.phase === 'interrupted') return;
    const wasBooting = run.phase === 'booting';
    run.phase = 'interrupted';
    run.interruptedAt = now;
    if (wasBooting) this.exited = true;
    this.stopProcess();
  }

  private stopProcess(): void {
    this.waiting = undefined;
    this.isolated?.kill();
    if (!this.isolated) {
      this.exited = true;
      void this.shutDown();
    }
  }

  /** Ends the process and the control channel; resolves once both are gone. */
  shutDown(): Promise<void> {
    this.isolated?.kill();
    this.closing ??= (async () => {
      // The channel first: a shim blocked on it must not hold the namespace up.
      if (this.server) await closeControl(this.server);
      const isolated = this.isolated;
      if (!this.exited && isolated) {
        const child = isolated.child;
        await new Promise<void>((resolve) => {
          const done = () => {
            clearInterval(again);
            resolve();
          };
          // Killed again until gone (a process may have been forked while the first kill ran).
          const again = setInterval(() => isolated.kill(), 1_000);
          if (child.exitCode !== null && child.stdout?.readableEnded !== false) done();
          else child.once('close', done);
        });
      }
    })();
    return this.closing;
  }

  // ---- the shims' requests (control.ts) -------------------------------------------------

  touched(): void {
    this.lastTouch = Date.now();
  }

  private waitFor(ms: number): Promise<ControlAnswer> {
    if (this.run.phase !== 'running') return Promise.resolve({ status: 503, body: 'powering off\n' });
    return new Promise((resolve) => {
      this.waiting = { until: this.run.time + ms, resolve };
      this.wakeAt(Math.min(this.waiting.until, this.run.selfDestructAt ?? Infinity));
      this.tick(this.o.clock.now());
    });
  }

  sleep(args: string): Promise<ControlAnswer> {
    const ms = sleepMs(args);
    if (ms === undefined)
      return Promise.resolve({ status: 400, body: `sleep: invalid time interval '${args.slice(0, 40)}'\n` });
    return this.waitFor(ms);
  }

  work(kind: string, count: number): Promise<ControlAnswer> {
    if (kind === 'package-upgrade') return this.waitFor(SHIM_DURATIONS.packageUpgrade);
    if (kind === 'package-install') return this.waitFor(SHIM_DURATIONS.packageInstall * Math.min(count, 50));
    return Promise.resolve({ status: 400, body: `sandbox: unknown work '${kind.slice(0, 40)}'\n` });
  }

  poweroff(): ControlAnswer {
    setImmediate(() => this.powerOff());
    return ok();
  }

  schedule(minutes: string, message: string): ControlAnswer {
    if (!/^\d{1,6}$/.test(minutes))
      return { status: 400, body: `shutdown: invalid time '+${minutes.slice(0, 20)}'\n` };
    const run = this.run;
    run.selfDestructAt = run.time + Number(minutes) * 60_000;
    run.selfDestructMessage = message;
    return ok(`Shutdown scheduled for ${systemdTime(run.selfDestructAt)}, use 'shutdown -c' to cancel.\n`);
  }

  cancelShutdown(): ControlAnswer {
    delete this.run.selfDestructAt;
    delete this.run.selfDestructMessage;
    return ok();
  }

  checkJson(file: string): ControlAnswer {
    const bad = (why: string): ControlAnswer => ({ status: 400, body: `E! ${why}\n` });
    if (!file.startsWith('/')) return bad(`config path '${file.slice(0, 80)}' is not absolute`);
    const inside = path.join(this.root, path.normalize(file));
    if (!existsSync(inside)) return bad(`config file ${file.slice(0, 80)} does not exist`);
    // The path is the script's: it must not lead outside its root (a link to the host).
    const real = realpathSync(inside);
    if (real !== this.root && !real.startsWith(`${realpathSync(this.root)}/`))
      return bad(`config file ${file.slice(0, 80)} is outside the builder`);
    try {
      JSON.parse(readFileSync(real, 'utf8'));
      return ok();
    } catch (e) {
      return bad(`invalid JSON in ${file.slice(0, 80)}: ${(e as Error).message}`);
    }
  }
}
