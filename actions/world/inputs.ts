import { BUILD_RULE } from '@immut/core/identity';
import { bool, choice, matching, optional, secret, text } from '@immut/core/inputs';

export const worldInputs = {
  mode: choice(['plan', 'record']),
  worldFile: optional(matching(/^[^\0]+\.ya?ml$/, 'a path to a .yml or .yaml file'), 'immut.world.yml'),
  build: optional(matching(BUILD_RULE.pattern, BUILD_RULE.expected)),
  dryRun: optional(bool(), 'false'),
  githubToken: secret(text('a GitHub token with contents: write (default: the workflow token)')),
} as const;
