import { loadConfig } from '@mg/shared-config';
import { describeServiceConformance } from '@mg/shared-testing';
import { createContractsApp } from './contracts-app';
import { contractsConfigSchema } from './contracts.config';
import { CONTRACTS_DATABASE_MIGRATIONS } from './database/contracts-migrations';

jest.setTimeout(30_000);

const operation = expect.any(Object);

describeServiceConformance({
  service: 'contracts',
  openApiTitle: 'Contracts API',
  migrationsDirs: CONTRACTS_DATABASE_MIGRATIONS,
  openApiPaths: {
    '/api/v1/projects': { get: operation, post: operation },
    '/api/v1/projects/{id}': { get: operation, patch: operation },
    '/api/v1/projects/{id}/members/{userId}': { put: operation, delete: operation },
    '/api/v1/contracts': { get: operation, post: operation },
    '/api/v1/contracts/{id}': { get: operation, patch: operation },
    '/api/v1/audit': { get: operation },
  },
  createApp: (variables) =>
    createContractsApp(
      loadConfig(contractsConfigSchema, { APP_ENV: 'test', LOG_LEVEL: 'silent', ...variables }),
    ),
});
