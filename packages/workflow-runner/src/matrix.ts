// strategy.matrix expansion with GitHub's documented rules: the product of the vectors in
// their order, then `exclude` (a partial match removes a combination), then `include` (an
// entry extends every combination whose ORIGINAL values it does not change, else it is added
// as a new combination; values added by an earlier include may be overwritten).
import { isDeepStrictEqual } from 'node:util';
import type { Value } from './expressions.js';

export type Combination = Record<string, Value>;

/**
 * GitHub runs at most 256 jobs from one matrix ("A matrix will generate a maximum of 256 jobs
 * per workflow run", Workflow syntax, jobs.<job_id>.strategy.matrix); a bigger matrix fails
 * the job before any leg runs. Enforced here too, so a workflow that works here works there.
 */
export const MATRIX_JOBS_LIMIT = 256;

export interface Strategy {
  combinations: Combination[];
  failFast: boolean;
  maxParallel: number;
}

function asObject(value: Value | undefined, what: string): Record<string, Value> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${what} must be a mapping, got ${JSON.stringify(value)}`);
  }
  return value;
}

function asList(value: Value | undefined, what: string): Value[] {
  if (!Array.isArray(value)) throw new Error(`${what} must be a sequence, got ${JSON.stringify(value)}`);
  return value;
}

export function expandMatrix(matrix: Value | undefined): Combination[] {
  if (matrix === undefined || matrix === null) return [{}];
  const spec = asObject(matrix, 'strategy.matrix');
  const vectors = Object.entries(spec).filter(([key]) => key !== 'include' && key !== 'exclude');
  let combinations: Combination[] = vectors.length > 0 ? [{}] : [];
  for (const [key, raw] of vectors) {
    const values = asList(raw, `strategy.matrix.${key}`);
    if (values.length === 0) throw new Error(`Matrix vector '${key}' does not contain any values`);
    combinations = combinations.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  const keys = new Set(vectors.map(([key]) => key));
  for (const [index, raw] of asList(spec['exclude'] ?? [], 'strategy.matrix.exclude').entries()) {
    const exclude = asObject(raw, `strategy.matrix.exclude[${index}]`);
    for (const key of Object.keys(exclude)) {
      if (!keys.has(key))
        throw new Error(`Matrix exclude key '${key}' does not match any key within the matrix`);
    }
    combinations = combinations.filter(
      (c) => !Object.entries(exclude).every(([key, value]) => isDeepStrictEqual(c[key], value)),
    );
  }
  const originals = combinations.map((c) => ({ ...c }));
  for (const [index, raw] of asList(spec['include'] ?? [], 'strategy.matrix.include').entries()) {
    const include = asObject(raw, `strategy.matrix.include[${index}]`);
    let added = false;
    combinations.forEach((combination, i) => {
      const original = originals[i];
      if (original === undefined) return; // combinations created by an include
      const fits = Object.entries(include).every(
        ([key, value]) => !keys.has(key) || isDeepStrictEqual(original[key], value),
      );
      if (fits) {
        Object.assign(combination, include);
        added = true;
      }
    });
    if (!added) combinations.push({ ...include });
  }
  if (combinations.length === 0)
    throw new Error('strategy.matrix produces no job (every combination excluded)');
  if (combinations.length > MATRIX_JOBS_LIMIT)
    throw new Error(
      `strategy.matrix produces ${combinations.length} jobs; GitHub runs at most ${MATRIX_JOBS_LIMIT} jobs from one matrix`,
    );
  return combinations;
}

export function readStrategy(strategy: Value | undefined): Strategy {
  if (strategy === undefined || strategy === null)
    return { combinations: [{}], failFast: true, maxParallel: 0 };
  const spec = asObject(strategy, 'strategy');
  const failFast = spec['fail-fast'] ?? true;
  const maxParallel = spec['max-parallel'] ?? 0;
  if (typeof failFast !== 'boolean' && failFast !== 'true' && failFast !== 'false') {
    throw new Error(`strategy.fail-fast must be a boolean, got ${JSON.stringify(failFast)}`);
  }
  const parallel = Number(maxParallel);
  if (!Number.isInteger(parallel) || parallel < 0) {
    throw new Error(`strategy.max-parallel must be a positive integer, got ${JSON.stringify(maxParallel)}`);
  }
  return {
    combinations: spec['matrix'] === undefined ? [{}] : expandMatrix(spec['matrix']),
    failFast: failFast === true || failFast === 'true',
    maxParallel: parallel,
  };
}

/** How GitHub names a matrix leg: `build (api, 18)`. */
export function legName(base: string, combination: Combination): string {
  const values = Object.values(combination).map((v) =>
    typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v),
  );
  return values.length === 0 ? base : `${base} (${values.join(', ')})`;
}
