import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createInterventionsPrismaClient } from '@mg/interventions-data-access';
import { createHttpApp } from '@mg/shared-http';
import { type InterventionsConfig } from './interventions.config';
import { InterventionsModule } from './interventions.module';

/**
 * Builds the interventions service (not listening yet) against an already migrated database,
 * its activity worker polling once it has booted. Fails when NATS or Temporal cannot be
 * reached: a service that cannot publish or take part in workflows must not accept traffic.
 */
export async function createInterventionsApp(
  config: InterventionsConfig,
): Promise<NestFastifyApplication> {
  const prisma = createInterventionsPrismaClient(config.DATABASE_URL);
  const app = await createHttpApp(InterventionsModule.forRoot({ config, prisma }), {
    serviceName: 'interventions',
    logLevel: config.LOG_LEVEL,
    openApi: {
      title: 'Interventions API',
      description: 'Billets, interventions and technical reports.',
    },
    globalPrefix: 'api/v1',
  });
  await app.init();
  return app;
}
