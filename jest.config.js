// Jest runs the TypeScript sources as native ESM (NODE_OPTIONS=--experimental-vm-modules),
// so tests resolve imports exactly as the bundles do.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  // `@immut/<package>` resolves to the package's TypeScript source (the `immut-source` export
  // condition, as in tsconfig.json), so tests need no build of the packages first.
  testEnvironmentOptions: { customExportConditions: ['immut-source', 'node', 'node-addons'] },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // Sources import './x.js' (NodeNext); under Jest that file is './x.ts'.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: { isolatedModules: true, verbatimModuleSyntax: false }, diagnostics: false },
    ],
  },
  testMatch: [
    '<rootDir>/packages/*/test/**/*.test.ts',
    '<rootDir>/actions/*/test/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts',
  ],
  testTimeout: 30000,
};
