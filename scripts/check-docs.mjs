#!/usr/bin/env node
// Fails when action-docs/ is not what `npm run docs` would write: regenerates every
// page into a temp dir and lists pages that differ, are missing or have no action.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './actions.mjs';
import { DOCS_DIR, generateDocs } from './docs.mjs';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'immut-docs-'));
const stale = [];
let expected;
try {
  expected = await generateDocs(tmp);
  const docsDir = path.join(ROOT, DOCS_DIR);
  for (const file of expected) {
    const current = path.join(docsDir, file);
    if (!existsSync(current)) stale.push(`${DOCS_DIR}/${file} (missing)`);
    else if (readFileSync(current, 'utf8') !== readFileSync(path.join(tmp, file), 'utf8')) {
      stale.push(`${DOCS_DIR}/${file} (out of date)`);
    }
  }
  const extra = existsSync(docsDir)
    ? readdirSync(docsDir).filter((f) => f.endsWith('.md') && !expected.includes(f))
    : [];
  for (const file of extra) stale.push(`${DOCS_DIR}/${file} (no such action)`);
} catch (error) {
  console.error(`check-docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (stale.length > 0) {
  console.error(`check-docs: stale generated docs:\n${stale.map((s) => `  ${s}`).join('\n')}`);
  console.error('Run `npm run docs` and commit the result.');
  process.exitCode = 1;
} else if (process.exitCode !== 1) {
  console.log(`check-docs: ${expected.length} page(s) in ${DOCS_DIR}/ are up to date`);
}
