// Mode 'plan': the world file becomes the matrix of rebuild-the-world, one entry per role
// whose keys are release.yml's inputs, all strings (workflow inputs are strings).
import type { RolePlan } from '@immut/core/world';

export type MatrixEntry = Record<string, string>;

function inputValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object' && value !== null) {
    // flags: KEY=VALUE lines, as the flags input of tag-release takes them.
    return Object.entries(value)
      .map(([key, v]) => `${key}=${String(v)}`)
      .join('\n');
  }
  return String(value);
}

export function matrixEntry(plan: RolePlan): MatrixEntry {
  return Object.fromEntries(
    Object.entries(plan)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, inputValue(value)]),
  );
}

export function releaseMatrix(plans: readonly RolePlan[]): { include: MatrixEntry[] } {
  return { include: plans.map(matrixEntry) };
}
