// Time as the actions see it. In production it is wall time. Against the sandbox, which
// runs AWS's state changes N times faster than real time, IMMUT_TIME_SCALE=N makes every
// wait, deadline and progress interval agree with the sandbox's clock, so tests never
// sleep real seconds per poll while the logic stays exactly the production logic.
// IMMUT_TIME_ORIGIN (ms since the epoch: the wall time at which the sandbox started, when its
// clock read wall time) makes an action's clock read the sandbox's own time, so timestamps
// of successive action processes agree with each other and with the sandbox's resources.

export interface Clock {
  /** Milliseconds on this clock (scaled time), comparable only with itself. */
  now(): number;
  /** Sleeps `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
}

/** `origin`: the wall time (ms) from which the scaled time runs; default: now. */
export function scaledClock(scale = 1, origin = Date.now()): Clock {
  if (!(scale >= 1)) throw new Error(`time scale must be a number ≥ 1, got ${scale}`);
  const start = origin;
  return {
    now: () => start + (Date.now() - start) * scale,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / scale))),
  };
}

/** IMMUT_TIME_SCALE: the sandbox's time scale, 1 when unset (a real runner). */
export function timeScaleFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env['IMMUT_TIME_SCALE'];
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 1) {
    throw new Error(
      `IMMUT_TIME_SCALE must be a number ≥ 1 (the sandbox's time scale), got '${raw.slice(0, 40)}'`,
    );
  }
  return scale;
}

/** The clock for an action run: scaled by IMMUT_TIME_SCALE when set (sandbox only). */
export function clockFromEnv(env: Readonly<Record<string, string | undefined>>): Clock {
  const scale = timeScaleFromEnv(env);
  const originRaw = env['IMMUT_TIME_ORIGIN'];
  // The origin is the sandbox's: without a time scale (a real runner) it means nothing.
  if (!env['IMMUT_TIME_SCALE'] || originRaw === undefined || originRaw === '') return scaledClock(scale);
  const origin = Number(originRaw);
  if (!/^\d+$/.test(originRaw) || !Number.isSafeInteger(origin) || origin > Date.now()) {
    throw new Error(
      `IMMUT_TIME_ORIGIN must be the sandbox's start as ms since the epoch, not in the future, got '${originRaw.slice(0, 40)}'`,
    );
  }
  return scaledClock(scale, origin);
}

/** Formats milliseconds for log lines: `45s`, `3m05s`, `1h02m`. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes}m${String(totalSeconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
