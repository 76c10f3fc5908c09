// Four tiers, one run: `npm test` starts the real services first (scripts/cli/test.ts).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const base = {
  rootDir: require('node:path').join(__dirname, '..'),
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@sro/workflows$': '<rootDir>/workflows/index.ts',
    '^@sro/workflows/(.*)$': '<rootDir>/workflows/$1',
    '^@sro/(.*)$': '<rootDir>/libs/$1/src',
  },
  setupFiles: ['<rootDir>/tests/support/require-stack.ts'],
};

module.exports = {
  rootDir: base.rootDir,
  maxWorkers: 2,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.spec.ts'], setupFiles: [] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.spec.ts'] },
    { ...base, displayName: 'workflows', testMatch: ['<rootDir>/tests/workflows/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.spec.ts'] },
    { ...base, displayName: 'faults', testMatch: ['<rootDir>/tests/faults/**/*.spec.ts'] },
    { ...base, displayName: 'fuzz', testMatch: ['<rootDir>/tests/fuzz/**/*.spec.ts'] },
  ],
};
