// Printing text immut did not write (a builder's console, a change log's output) without
// letting it speak to the runner. The runner obeys any output line that reads as a workflow
// command (`::add-mask::`, `::error::`, `::set-output …`, the legacy `##[…]` form anywhere
// in a line, case-insensitively, after leading blanks), so such text goes between
// `::stop-commands::<token>` and `::<token>::`, GitHub's documented way to print it as
// plain text. The token is random per block, so the text cannot end the block early.
//
// While a block is open, nothing immut prints is obeyed either: no setSecret, setOutput,
// warning or group inside it. Single-line messages that go through the runner IO's commands
// (error, warning, debug; action-io.ts) need no block: it escapes CR, LF and % in their data.
import { randomBytes } from 'node:crypto';
import type { ActionIO } from './action-io.js';

type Printer = Pick<ActionIO, 'info'>;

/** A fresh token: 128 random bits, never a command name, longer than 6 so the runner masks it. */
export function stopToken(): string {
  return `immut-${randomBytes(16).toString('hex')}`;
}

/**
 * Runs `fn` with workflow commands stopped; `print` shows one line of untrusted text. The
 * block is closed even when `fn` throws.
 */
export async function withCommandsStopped<T>(
  io: Printer,
  fn: (print: (line: string) => void) => Promise<T>,
  token: string = stopToken(),
): Promise<T> {
  io.info(`::stop-commands::${token}`);
  try {
    return await fn((line) => io.info(line));
  } finally {
    io.info(`::${token}::`);
  }
}

/** Prints untrusted lines (or a text, split on its line breaks) as plain log text. */
export function printUntrusted(io: Printer, text: string | readonly string[]): void {
  const lines = typeof text === 'string' ? text.split(/\r\n|\r|\n/) : text;
  // A token that happened to appear in the text would end the block there: draw another.
  let token = stopToken();
  while (lines.some((line) => line.includes(token))) token = stopToken();
  io.info(`::stop-commands::${token}`);
  for (const line of lines) io.info(line);
  io.info(`::${token}::`);
}
