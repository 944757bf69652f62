// Time as the actions see it. In production it is wall time. Against the sandbox, which
// runs AWS's state changes N times faster than real time, IMMUT_TIME_SCALE=N makes every
// wait, deadline and progress interval agree with the sandbox's clock, so tests never
// sleep real seconds per poll while the logic stays exactly the production logic.

export interface Clock {
  /** Milliseconds on this clock (scaled time), comparable only with itself. */
  now(): number;
  /** Sleeps `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
}

export function scaledClock(scale = 1): Clock {
  if (!(scale >= 1)) throw new Error(`time scale must be a number ≥ 1, got ${scale}`);
  const start = Date.now();
  return {
    now: () => start + (Date.now() - start) * scale,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / scale))),
  };
}

/** The clock for an action run: scaled by IMMUT_TIME_SCALE when set (sandbox only). */
export function clockFromEnv(env: Readonly<Record<string, string | undefined>>): Clock {
  const raw = env['IMMUT_TIME_SCALE'];
  if (raw === undefined || raw === '') return scaledClock(1);
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 1) {
    throw new Error(`IMMUT_TIME_SCALE must be a number ≥ 1 (the sandbox's time scale), got '${raw}'`);
  }
  return scaledClock(scale);
}

/** Formats milliseconds for log lines: `45s`, `3m05s`, `1h02m`. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes}m${String(totalSeconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
