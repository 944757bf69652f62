// Simulated time. Sandbox time starts at `start` (default: the wall clock at start-up)
// and runs `scale` times faster than wall time; `advance(ms)` jumps it forward (for
// tests and the control API). Nothing runs on timers: services store timestamps and
// compute states lazily from `now()` when a resource is read.
import type { SandboxClock } from './service.js';

export class Clock implements SandboxClock {
  private wallStart: number;
  private sandboxStart: number;
  private offset = 0;

  constructor(
    readonly scale = 1,
    start: number = Date.now(),
    private readonly wall: () => number = Date.now,
  ) {
    if (!(scale > 0) || !Number.isFinite(scale))
      throw new Error(`time scale must be a positive number, got ${scale}`);
    this.wallStart = wall();
    this.sandboxStart = start;
  }

  now(): number {
    return Math.floor(this.sandboxStart + (this.wall() - this.wallStart) * this.scale + this.offset);
  }

  /** Jump sandbox time forward by `ms` (sandbox milliseconds). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error('can only advance the clock forward');
    this.offset += ms;
  }

  /** Restart the clock at `at` sandbox time (used when restoring a state file). */
  resetTo(at: number): void {
    this.wallStart = this.wall();
    this.sandboxStart = at;
    this.offset = 0;
  }

  /** Wall milliseconds that `sandboxMs` of sandbox time takes. */
  toWall(sandboxMs: number): number {
    return sandboxMs / this.scale;
  }
}
