// `--state FILE`: the whole sandbox (every service, the GitHub slice, the clock, the PRNG
// and the call sequence) written after every mutating call and read back on start.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SavedAccounts } from './accounts.js';

interface StateFile {
  version: 1;
  savedAt: string;
  clock: number;
  random: number;
  calls: number;
  services: Record<string, unknown>;
  accounts?: SavedAccounts;
}

/** What is saved and restored. */
export interface Persisted {
  clock: number;
  random: number;
  calls: number;
  services: Record<string, unknown>;
  /** The non-primary accounts (accounts.ts), absent when there are none. */
  accounts?: SavedAccounts;
}

export function writeStateFile(file: string, state: Persisted): void {
  const content: StateFile = { version: 1, savedAt: new Date().toISOString(), ...state };
  mkdirSync(dirname(file), { recursive: true });
  // Written aside, then renamed: a crash mid-write never leaves half a file.
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(content));
  renameSync(tmp, file);
}

/** The saved state, or undefined when there is no file yet. */
export function readStateFile(file: string): Persisted | undefined {
  if (!existsSync(file)) return undefined;
  const state = JSON.parse(readFileSync(file, 'utf8')) as StateFile;
  if (state.version !== 1) throw new Error(`unsupported sandbox state version in ${file}`);
  return {
    clock: state.clock,
    random: state.random,
    calls: state.calls ?? 0,
    services: state.services,
    ...(state.accounts ? { accounts: state.accounts } : {}),
  };
}
