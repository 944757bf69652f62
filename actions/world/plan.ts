// Mode 'plan': the world file becomes the matrix of rebuild-the-world, one entry per role
// whose keys are release.yml's inputs, all strings (workflow inputs are strings).
import { UserError } from '@immut/core/errors';
import { showGiven } from '@immut/core/inputs';
import type { RolePlan } from '@immut/core/world';
import { MATRIX_JOBS_LIMIT } from '@immut/core/world-limits';

export type MatrixEntry = Record<string, string>;

/**
 * GitHub keeps at most 1 MB of a job's outputs, and the matrix is one; beyond it the run
 * breaks later with a vaguer message, so plan refuses it with the roles' count and size.
 */
export const MATRIX_LIMIT_BYTES = 1_000_000;

function inputValue(key: string, value: unknown): string {
  // flags: a JSON object, which tag-release's flags input reads as is. KEY=VALUE lines
  // would lose what a value can hold (a newline would become a second flag).
  if (key === 'flags') return JSON.stringify(value);
  // Lists: the world schema keeps commas out of their items.
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

export function matrixEntry(plan: RolePlan): MatrixEntry {
  return Object.fromEntries(
    Object.entries(plan)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, inputValue(key, value)]),
  );
}

/** The matrix as the `matrix` output's JSON; refuses one GitHub could not carry. */
export function releaseMatrix(plans: readonly RolePlan[]): string {
  const matrix = JSON.stringify({ include: plans.map(matrixEntry) });
  const bytes = Buffer.byteLength(matrix, 'utf8');
  if (bytes > MATRIX_LIMIT_BYTES) {
    throw new UserError(
      `The release matrix of ${plans.length} role(s) is ${bytes} bytes; GitHub keeps at most ${MATRIX_LIMIT_BYTES} bytes of a job's outputs. Shorten the longest values (every role carries its own copy of the defaults; e.g. a long changelog-command: call a script in the repository instead), or split the roles over several environments.`,
    );
  }
  return matrix;
}

/**
 * A world beyond one matrix is released in chunks: rebuild-the-world's outer matrix has one
 * leg per chunk (rebuild-the-world-chunk.yml), whose own plan job plans just its chunk and
 * whose inner matrix has one release per role. Chunks are consecutive runs of the plan's
 * order (sorted by role), so every leg computes the same split from the same world file.
 */
export interface Chunking {
  /** Roles per chunk: 1 to MATRIX_JOBS_LIMIT. */
  size: number;
  /** How many chunks the roles make (0 for no roles). */
  count: number;
}

export function chunking(roles: number, size: number): Chunking {
  if (!Number.isInteger(size) || size < 1 || size > MATRIX_JOBS_LIMIT)
    throw new UserError(
      `Input 'chunk-size' was ${showGiven(String(size))}; expected a whole number from 1 to ${MATRIX_JOBS_LIMIT} (GitHub runs at most ${MATRIX_JOBS_LIMIT} jobs from one matrix).`,
    );
  const count = Math.ceil(roles / size);
  if (count > MATRIX_JOBS_LIMIT)
    throw new UserError(
      `${roles} roles in chunks of ${size} make ${count} chunks; the chunks are one matrix, and GitHub runs at most ${MATRIX_JOBS_LIMIT} jobs from one matrix: raise chunk-size (at most ${MATRIX_JOBS_LIMIT}).`,
    );
  return { size, count };
}

/** The plans of chunk `chunk` (1-based), or an error naming the chunks there are. */
export function chunkPlans(plans: readonly RolePlan[], chunk: number, size: number): RolePlan[] {
  const { count } = chunking(plans.length, size);
  if (!Number.isInteger(chunk) || chunk < 1 || chunk > count)
    throw new UserError(
      `Input 'chunk' was ${showGiven(String(chunk))}; expected a chunk from 1 to ${count} (${plans.length} role(s) in chunks of ${size}).`,
    );
  return plans.slice((chunk - 1) * size, chunk * size);
}

/** The outer matrix's vector: the chunk numbers, 1 to count, as JSON. */
export function chunkNumbers(count: number): string {
  return JSON.stringify(Array.from({ length: count }, (_, i) => i + 1));
}
