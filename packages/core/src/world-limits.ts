// The world file's limits, apart from world.ts so that a bundle can check inputs against them
// without loading the YAML parser (issue #20: input errors before the heavy modules load).

/**
 * GitHub runs at most 256 jobs from one matrix ("Running variations of jobs in a workflow",
 * docs.github.com). rebuild-the-world releases up to this many roles in one matrix, and a
 * bigger world in chunks of this many, one chunk per leg of an outer matrix.
 */
export const MATRIX_JOBS_LIMIT = 256;

/**
 * Bounds on what a world file may ask of the parser and of GitHub. `roles`: rebuild-the-world
 * can express 256 chunks × 256 roles, but every job of a workflow run is a check run, GitHub
 * creates at most 50,000 check runs in one check suite (one run; "Actions limits",
 * docs.github.com), and each role's release.yml is 7 jobs: 7,000 roles make 49,000 jobs, plus
 * one plan job per chunk and the world's plan and record. (The plan's list of the chosen roles,
 * one job output of at most 21 bytes a role, stays far below GitHub's 1 MB.) `fileBytes`: room
 * for 7,000 roles of about 300 bytes each, far below what would tie up the runner. `aliases`:
 * enough for anchors shared by a few roles, too few for an exponential alias expansion (a
 * "billion laughs" YAML bomb).
 */
export const WORLD_LIMITS = { roles: 7_000, fileBytes: 2 * 1024 * 1024, aliases: 100 } as const;
