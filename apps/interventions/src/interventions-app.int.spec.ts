import { randomUUID } from 'node:crypto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from '@mg/shared-config';
import { describeServiceConformance } from '@mg/shared-testing';
import { INTERVENTIONS_DATABASE_MIGRATIONS } from './database/interventions-migrations';
import { createInterventionsApp } from './interventions-app';
import { interventionsConfigSchema } from './interventions.config';

jest.setTimeout(30_000);
// The activity worker's SDK lines ("no workflows registered") would drown the test report.
Runtime.install({ logger: new DefaultLogger('ERROR') });

describeServiceConformance({
  service: 'interventions',
  openApiTitle: 'Interventions API',
  migrationsDirs: INTERVENTIONS_DATABASE_MIGRATIONS,
  openApiPaths: {
    '/api/v1/billets': expect.objectContaining({
      get: expect.any(Object),
      post: expect.any(Object),
    }),
    '/api/v1/billets/{id}': expect.objectContaining({ get: expect.any(Object) }),
    '/api/v1/interventions': expect.objectContaining({
      get: expect.any(Object),
      post: expect.any(Object),
    }),
    '/api/v1/interventions/{id}': expect.objectContaining({ get: expect.any(Object) }),
    '/api/v1/reports': expect.objectContaining({
      get: expect.any(Object),
      post: expect.any(Object),
    }),
    '/api/v1/reports/{id}': expect.objectContaining({ get: expect.any(Object) }),
    '/api/v1/reports/{id}/validate': expect.objectContaining({ post: expect.any(Object) }),
    '/api/v1/audit': expect.objectContaining({ get: expect.any(Object) }),
  },
  createApp: (variables) =>
    createInterventionsApp(
      loadConfig(interventionsConfigSchema, {
        LOG_LEVEL: 'silent',
        // Its activity worker polls a queue of its own, never a running system's.
        TEMPORAL_PREFIX: `test-${randomUUID()}-`,
        ...variables,
      }),
    ),
});
