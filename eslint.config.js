// ESLint 9 flat config: @eslint/js recommended + typescript-eslint recommended.
// Not type-aware on purpose: tsc (npm run typecheck) does the type checking, and the
// type-checked rule sets would build a full program and make lint several times slower.
// Formatting is Prettier's job (npm run lint runs `prettier --check` after ESLint).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PACKAGE_BOUNDARIES = [
  {
    regex: '^(\\.\\./)+packages/|^(\\.\\./)+(core|sandbox|action-runner|workflow-runner)/(src|lib|test)/',
    message: 'Import the package by its name (@immut/<name>), from what its package.json exports.',
  },
  {
    regex: '^@immut/[a-z-]+/(src|lib)/',
    message: "Import what the package's package.json exports, not its files.",
  },
];
const TEST_CODE = [
  {
    regex: '^(\\.\\./)+test/|^@immut/test-support',
    message: 'Only tests may import test code; move what shipped code needs into a package.',
  },
];

export default defineConfig([
  globalIgnores(['dist/', '.build/', 'packages/*/lib/', 'node_modules/', 'coverage/', 'action-docs/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    // Plain JavaScript here is Node code (scripts, configs); in TypeScript files
    // typescript-eslint turns no-undef off and tsc checks names.
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      // `_`-prefixed parameters and variables are deliberately unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Packages are imported by name: a relative path into another package would bypass what
    // its package.json exports (its public surface).
    files: ['**/*.{ts,js,mjs}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: PACKAGE_BOUNDARIES }],
    },
  },
  {
    // Shipped code and tooling never depend on tests: only files in a test folder may import
    // test code (test/, @immut/test-support).
    files: ['**/*.{ts,js,mjs}'],
    ignores: ['test/**', '**/test/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...PACKAGE_BOUNDARIES, ...TEST_CODE] }],
    },
  },
]);
