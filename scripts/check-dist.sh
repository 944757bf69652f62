#!/usr/bin/env bash
# Strict dist check, as github/codeql-action does it: delete dist/, rebuild it from the
# sources, and fail if git sees any difference (changed, added or deleted files; a plain
# `git diff` would miss new untracked files such as chunks). Then check that every root
# action.yml runs on node24 with existing entry points, and run each bundle once
# (scripts/smoke-dist.mjs) to catch bundles that build but cannot start.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rm -rf dist
node scripts/build.mjs

if [ -n "$(git status --porcelain --untracked-files=all -- dist)" ]; then
  {
    echo
    echo "check-dist: dist/ is not what a clean build of the sources produces:"
    git status --porcelain --untracked-files=all -- dist
    git diff --stat -- dist
    echo "Run 'npm run build' and commit dist/."
  } >&2
  exit 1
fi
echo "check-dist: dist/ matches a clean rebuild"

node scripts/check-action-entrypoints.mjs
node scripts/smoke-dist.mjs
