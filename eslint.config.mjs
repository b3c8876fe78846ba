import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

// Module boundaries: the folder names are the architecture, and this makes crossing them fail.
const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:shared', 'type:domain', 'type:data-access', 'type:workflow'],
  },
  { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:shared', 'type:domain'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:shared', 'type:domain'] },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:shared', 'type:domain'],
    bannedExternalImports: [
      '@nestjs/*',
      '@prisma/*',
      'pg',
      'fastify',
      '@fastify/*',
      '@temporalio/*',
      '@nats-io/*',
      'nestjs-*',
    ],
  },
  { sourceTag: 'type:shared', onlyDependOnLibsWithTags: ['type:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
  { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:shared'] },
  // The tickets app drives each ticket's workflow (its client, update definitions, activity types);
  // the type constraints above keep the tickets domain and data access away from it.
  {
    sourceTag: 'scope:tickets',
    onlyDependOnLibsWithTags: ['scope:tickets', 'scope:shared', 'scope:workflow'],
  },
  {
    // The service drives the ticket-lifecycle workflow (its client, updates, activity types).
    sourceTag: 'scope:interventions',
    onlyDependOnLibsWithTags: ['scope:interventions', 'scope:shared', 'scope:workflow'],
  },
  {
    sourceTag: 'scope:workflow',
    onlyDependOnLibsWithTags: [
      'scope:workflow',
      'scope:tickets',
      'scope:interventions',
      'scope:contracts',
      'scope:shared',
    ],
  },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '.nx/**',
      '.tools/**',
      '.data/**',
      'coverage/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.spec.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    // NestJS resolves constructor parameters from emitted type metadata: a type-only import would
    // erase the class reference the container needs.
    files: ['apps/**/*.ts', 'libs/shared/**/*.ts', 'libs/*/data-access/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins.
    files: ['libs/workflow/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)] },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
