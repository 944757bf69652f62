// ESLint 9 flat config: @eslint/js recommended + typescript-eslint recommended.
// Not type-aware on purpose: tsc (npm run typecheck) does the type checking, and the
// type-checked rule sets would build a full program and make lint several times slower.
// Formatting is Prettier's job (npm run lint runs `prettier --check` after ESLint).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['dist/', '.build/', 'node_modules/', 'coverage/', 'action-docs/']),
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
]);
