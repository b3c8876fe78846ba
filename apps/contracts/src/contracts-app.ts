import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Clock } from '@mg/shared-kernel';
import { createHttpApp } from '@mg/shared-http';
import { createContractsPrismaClient } from '@mg/contracts-data-access';
import { type ContractsConfig } from './contracts.config';
import { ContractsModule } from './contracts.module';
import { SeedDemoDataUseCase } from './use-cases/seed-demo-data/seed-demo-data.use-case';

export interface ContractsAppOverrides {
  /** Tests move time to check R3 on boundary days. */
  clock?: Clock;
}

/**
 * Builds the contracts service (not listening yet) against an already migrated database. Fails
 * when NATS or Temporal cannot be reached: a service that cannot publish or drive workflows
 * must not accept traffic. In development only, seeds the SPEC §10 demo project.
 */
export async function createContractsApp(
  config: ContractsConfig,
  overrides: ContractsAppOverrides = {},
): Promise<NestFastifyApplication> {
  const prisma = createContractsPrismaClient(config.DATABASE_URL);
  const app = await createHttpApp(
    ContractsModule.forRoot({ config, prisma, clock: overrides.clock }),
    {
      serviceName: 'contracts',
      logLevel: config.LOG_LEVEL,
      openApi: {
        title: 'Contracts API',
        description: 'Projects, project members and warranty contracts.',
      },
      globalPrefix: 'api/v1',
    },
  );
  await app.init();
  if (config.APP_ENV === 'development') await app.get(SeedDemoDataUseCase).execute();
  return app;
}
