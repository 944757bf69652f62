// The builders of one sandbox: their executions (run.ts), the content of the images made
// from them, and the roots of instances launched from those images. Everything lives in one
// temporary directory that stop() removes. One ticker moves every live builder along with
// the sandbox clock (nothing else in the sandbox runs on timers; builders must, because
// their scripts really run).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseBuilderUserData, type BuilderSpec } from '@immut/core/builder-protocol';
import { newBuilderRun, type BuilderRun } from '../builder.js';
import { AwsError, type SandboxClock } from '../service.js';
import type { Instance } from '../services/ec2/state.js';
import { isolationProblem } from './namespace.js';
import { BuilderExecution } from './run.js';
import { SETUP_SCRIPT } from './setup-script.js';
import { shimFiles } from './shims.js';

const TICK_MS = 20;

/** Every host with live builders, so that a dying sandbox process takes its builders along. */
const liveHosts = new Set<BuilderHost>();
let exitHook = false;

export interface BuilderLaunch {
  inst: Instance;
  clock: SandboxClock;
  imageName: string;
  /** The `builder-fails` fault, asked once (it may fire only for a builder). */
  fails: (match: Record<string, string>) => { output?: readonly string[] } | undefined;
}

function decodeUserData(userData: string): Buffer {
  const raw = Buffer.from(userData, 'base64');
  return raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
}

export class BuilderHost {
  private base: string | undefined;
  private readonly runs = new Map<string, BuilderExecution>();
  private readonly images = new Map<string, string>();
  private readonly roots = new Map<string, string>();
  private ticker: NodeJS.Timeout | undefined;
  private clock: SandboxClock | undefined;

  /** `instanceOf` reads an instance from the live EC2 state (for roots made on demand). */
  constructor(private readonly instanceOf: (instanceId: string) => Instance | undefined) {}

  private dir(...parts: string[]): string {
    if (!this.base) {
      this.base = mkdtempSync(path.join(os.tmpdir(), 'immut-sandbox-builders-'));
      chmodSync(this.base, 0o755);
      this.writeShims(this.base);
    }
    return path.join(this.base, ...parts);
  }

  private writeShims(base: string): void {
    for (const family of ['dnf', 'apt'] as const) {
      mkdirSync(path.join(base, 'shims', family), { recursive: true });
      for (const [name, file] of Object.entries(shimFiles(family)))
        writeFileSync(path.join(base, 'shims', family, name), file.text, { mode: file.mode });
    }
    writeFileSync(path.join(base, 'setup.sh'), SETUP_SCRIPT, { mode: 0o644 });
  }

  /**
   * Makes `inst` a builder when its user data is a builder script, and schedules the script
   * to run once the instance has booted. Returns false for any other user data.
   */
  launch(l: BuilderLaunch): boolean {
    const { inst } = l;
    if (inst.userData === undefined) return false;
    let script: Buffer;
    let spec: BuilderSpec | undefined;
    try {
      script = decodeUserData(inst.userData);
      spec = parseBuilderUserData(script);
    } catch {
      return false;
    }
    if (!spec) return false;
    const problem = isolationProblem();
    if (problem) {
      console.error(`[sandbox] ${problem}`);
      throw new AwsError('InternalError', `sandbox: ${problem}`, 500);
    }
    const fault = l.fails({ bakeId: spec.bakeId, role: spec.role, env: spec.env });
    inst.builder = newBuilderRun(spec, inst.launchTime);
    const execution = new BuilderExecution({
      dir: this.dir('instances', inst.instanceId),
      shimsDir: this.dir('shims'),
      setupScript: this.dir('setup.sh'),
      inst: inst as Instance & { builder: BuilderRun },
      script,
      family: /ubuntu|debian/i.test(l.imageName) ? 'apt' : 'dnf',
      hostname: `ip-${inst.privateIpAddress.replace(/\./g, '-')}`,
      clock: l.clock,
      baseContent: this.images.get(inst.imageId),
      fault: fault ? { scriptName: spec.script.name, output: fault.output ?? [] } : undefined,
    });
    execution.prepare();
    this.runs.set(inst.instanceId, execution);
    this.clock = l.clock;
    this.startTicking();
    return true;
  }

  private startTicking(): void {
    liveHosts.add(this);
    if (!exitHook) {
      exitHook = true;
      process.once('exit', () => {
        for (const host of liveHosts) host.killAll();
      });
    }
    this.ticker ??= setInterval(() => this.tick(), TICK_MS);
    this.ticker.unref();
  }

  private tick(): void {
    const now = this.clock?.now() ?? Date.now();
    let live = 0;
    for (const run of this.runs.values()) {
      if (run.ended) continue;
      run.tick(now);
      live++;
    }
    if (live === 0 && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
      liveHosts.delete(this);
    }
  }

  /** Someone stopped or terminated the instance: its script is killed. */
  interrupt(instanceId: string, now: number): void {
    this.runs.get(instanceId)?.interrupt(now);
  }

  /** CreateImage: the image's content is what the instance's root holds now. */
  captureImage(imageId: string, instanceId: string): void {
    const from = this.runs.get(instanceId)?.root ?? this.instanceRoot(instanceId);
    if (!from || !existsSync(from)) return;
    const to = this.dir('images', imageId);
    mkdirSync(path.dirname(to), { recursive: true });
    execFileSync('cp', ['-a', from, to]);
    this.images.set(imageId, to);
  }

  /** CopyImage: the copy has the same content (content never changes once captured). */
  shareContent(sourceImageId: string, imageId: string): void {
    const content = this.images.get(sourceImageId);
    if (content) this.images.set(imageId, content);
  }

  /** The directory holding an image's content (read it, do not change it), if it has one. */
  imageContent(imageId: string): string | undefined {
    return this.images.get(imageId);
  }

  /**
   * The root file system of an instance: a builder's scratch root, or for an instance
   * launched from an image baked here, a copy of the image's content with the instance's
   * user data where cloud-init keeps it (made on first request).
   */
  instanceRoot(instanceId: string): string | undefined {
    const builder = this.runs.get(instanceId);
    if (builder) return builder.root;
    const made = this.roots.get(instanceId);
    if (made) return made;
    const inst = this.instanceOf(instanceId);
    const content = inst ? this.imageContent(inst.imageId) : undefined;
    if (!inst || !content) return undefined;
    const root = this.dir('roots', instanceId);
    mkdirSync(path.dirname(root), { recursive: true });
    execFileSync('cp', ['-a', content, root]);
    const cloud = path.join(root, 'var/lib/cloud/instance');
    mkdirSync(cloud, { recursive: true });
    writeFileSync(path.join(cloud, 'user-data.txt'), inst.userData ? decodeUserData(inst.userData) : '');
    this.roots.set(instanceId, root);
    return root;
  }

  /**
   * Lets every live builder catch up with the sandbox clock before EC2 answers: the world at
   * sandbox time T includes what the scripts did by T (the clock may have jumped). A script that
   * is busy without waiting (real work, or a loop) delays the answer by at most `maxWallMs`.
   */
  async caughtUp(maxWallMs = 1_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const now = this.clock?.now() ?? Date.now();
      let behind = false;
      for (const run of this.runs.values()) {
        if (run.ended) continue;
        run.tick(now);
        if (!run.settled(now)) behind = true;
      }
      if (!behind || Date.now() - started > maxWallMs) return;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** Resolves once the builder waits for the sandbox clock or has ended (for tests: advance
   *  the clock, then await this before reading its state). */
  async settled(instanceId: string, timeoutMs = 20_000): Promise<void> {
    const run = this.runs.get(instanceId);
    if (!run) throw new Error(`${instanceId} is not a builder of this sandbox`);
    const started = Date.now();
    for (;;) {
      const now = this.clock?.now() ?? Date.now();
      run.tick(now);
      if (run.settled(now)) return;
      if (Date.now() - started > timeoutMs)
        throw new Error(
          `builder ${instanceId} did not settle within ${timeoutMs} ms of wall time (${run.describe(now)})`,
        );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private killAll(): void {
    for (const run of this.runs.values()) void run.shutDown();
  }

  /** Kills every builder and removes every scratch root and image content. */
  async reset(): Promise<void> {
    // Forget everything at once, so a builder launched meanwhile gets a new directory.
    const runs = [...this.runs.values()];
    const base = this.base;
    this.base = undefined;
    this.runs.clear();
    this.images.clear();
    this.roots.clear();
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    liveHosts.delete(this);
    await Promise.all(runs.map((r) => r.shutDown()));
    if (base) rmSync(base, { recursive: true, force: true });
  }
}
