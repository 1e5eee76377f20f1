/**
 * The browser tests of the analyst console (`npm run test:e2e`): Playwright (playwright-core) driving Debian's
 * chromium against the real service. Not part of `npm test`: jest's default run matches `*.test.ts`, these are `*.e2e.ts`.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/e2e/tsconfig.json', diagnostics: { warnOnly: false } }] },
  // A browser, the embedded database and a list import in one run on a shared 2-core machine.
  testTimeout: 180000,
};
