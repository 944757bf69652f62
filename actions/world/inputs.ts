import { BUILD_RULE, ROLE_RULE } from '@immut/core/identity';
import {
  bool,
  choice,
  integer,
  line,
  list,
  matching,
  optional,
  readWorkspaceFile,
  secret,
  text,
  workspacePath,
} from '@immut/core/inputs';
import { MATRIX_JOBS_LIMIT, WORLD_LIMITS } from '@immut/core/world-limits';
import { WORLD_RELEASE_TAG } from './release-tag.js';

const WORLD_FILE_EXPECTED = 'the path of a .yml or .yaml file, relative to the workspace';

export const worldInputs = {
  mode: choice(['plan', 'record', 'status', 'promote']),
  worldFile: optional(
    workspacePath(WORLD_FILE_EXPECTED, { pattern: /\.ya?ml$/, why: 'it does not end in .yml or .yaml' }),
    'immut.world.yml',
  ),
  build: optional(matching(BUILD_RULE.pattern, BUILD_RULE.expected)),
  dryRun: optional(bool(), 'false'),
  // Mode status (and plan with only-stale): a role is stale when its live build runs an OS
  // head older than this while a newer head exists. Parsed by core's parseMaxAge, which
  // says what is wrong with a bad value.
  maxAge: optional(line('a duration such as 30d, 2w or 36h', 32), '30d'),
  failOnStale: optional(bool(), 'false'),
  onlyStale: optional(bool(), 'false'),
  // Mode record after an only-stale plan: the roles that were rebuilt (the plan's `roles`);
  // mode plan: plan only these (a chunk of an only-stale world plans among the stale roles).
  roles: optional(list(ROLE_RULE.pattern, ROLE_RULE.expected)),
  // Mode plan of a world beyond one matrix: the roles per chunk (GitHub runs at most 256 jobs
  // from one matrix), and which chunk (1-based) this plan's matrix holds.
  chunkSize: optional(integer(1, MATRIX_JOBS_LIMIT), String(MATRIX_JOBS_LIMIT)),
  chunk: optional(integer(1, MATRIX_JOBS_LIMIT)),
  // Mode promote: the world release to promote, and the world file of its env (world-file
  // is then the world of the env promoted to).
  release: optional(matching(WORLD_RELEASE_TAG.pattern, WORLD_RELEASE_TAG.expected)),
  sourceWorldFile: optional(
    workspacePath(WORLD_FILE_EXPECTED, { pattern: /\.ya?ml$/, why: 'it does not end in .yml or .yaml' }),
  ),
  githubToken: secret(text('a GitHub token with contents: write (default: the workflow token)')),
} as const;

/**
 * The world file's text, read through core's workspace reader: its real path must lie in
 * the workspace (a committed symlink cannot lead out of it), it must be a regular file (a
 * FIFO or device is never opened for reading) and at most WORLD_LIMITS.fileBytes.
 */
export function readWorldFile(workspace: string, file: string, input = 'world-file'): string {
  const { content } = readWorkspaceFile(workspace, {
    input,
    given: file,
    expected: WORLD_FILE_EXPECTED,
    maxBytes: WORLD_LIMITS.fileBytes,
  });
  return content.toString('utf8');
}
