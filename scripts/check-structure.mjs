#!/usr/bin/env node
// Keeps the sandbox readable as services are added (packages/sandbox/README.md, "Adding a
// service"): no source file over 600 lines and no function over 150. Prints the largest file
// and function either way, so a growing one is seen before it fails.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const LIMITS = { fileLines: 600, functionLines: 150 };
const DIR = path.join(ROOT, 'packages', 'sandbox', 'src');

const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(DIR, f));

const sizes = [];
const functions = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const shown = path.relative(ROOT, file);
  sizes.push({ where: shown, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) });
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name?.getText(source) ?? '(anonymous)';
      functions.push({ where: `${shown}:${start + 1} ${name}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const largest = (items) => items.reduce((a, b) => (b.lines > a.lines ? b : a));
const tooLong = [
  ...sizes.filter((s) => s.lines > LIMITS.fileLines).map((s) => `file ${s.where}: ${s.lines} lines`),
  ...functions
    .filter((f) => f.lines > LIMITS.functionLines)
    .map((f) => `function ${f.where}: ${f.lines} lines`),
];
const file = largest(sizes);
const fn = largest(functions);
console.log(
  `check-structure: ${files.length} sandbox files; largest file ${file.where} (${file.lines} lines), ` +
    `largest function ${fn.where} (${fn.lines} lines)`,
);
if (tooLong.length > 0) {
  console.error(
    `check-structure: over the limits (files ${LIMITS.fileLines}, functions ${LIMITS.functionLines} lines); ` +
      `split by resource family as packages/sandbox/README.md describes:\n  ${tooLong.join('\n  ')}`,
  );
  process.exit(1);
}
