// Mode 'plan': the world file becomes the matrix of rebuild-the-world, one entry per role
// whose keys are release.yml's inputs, all strings (workflow inputs are strings).
import { UserError } from '@immut/core/errors';
import type { RolePlan } from '@immut/core/world';

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
