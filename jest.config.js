// One Jest run for the whole workspace. Sources are compiled by SWC (decorator metadata on, for
// NestJS) and workspace packages resolve to their TypeScript sources through the `@mg/source`
// export condition, so tests never need a prior build.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@mg/source', 'node', 'require', 'default'] },
  transform: { '^.+\\.ts$': swc },
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/infra'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
      slowTestThreshold: 30,
    },
  ],
};
