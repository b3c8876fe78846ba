import { INTERVENTIONS_MIGRATIONS_DIR } from '@mg/interventions-data-access';
import { loadConfig } from '@mg/shared-config';
import { describeServiceConformance } from '@mg/shared-testing';
import { createInterventionsApp } from './interventions-app';
import { interventionsConfigSchema } from './interventions.config';

jest.setTimeout(30_000);

describeServiceConformance({
  service: 'interventions',
  openApiTitle: 'Interventions API',
  migrationsDirs: INTERVENTIONS_MIGRATIONS_DIR,
  createApp: (variables) =>
    createInterventionsApp(
      loadConfig(interventionsConfigSchema, { LOG_LEVEL: 'silent', ...variables }),
    ),
});
