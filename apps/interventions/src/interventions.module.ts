import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  createInterventionsPrismaClient,
  type InterventionsPrismaClient,
} from '@mg/interventions-data-access';
import { AuthModule, CallerController } from '@mg/shared-auth';
import { PostgresReadinessCheck } from '@mg/shared-database';
import { READINESS_CHECKS } from '@mg/shared-http';
import { MessagingModule, NatsReadinessCheck } from '@mg/shared-messaging';
import { TemporalModule, TemporalReadinessCheck } from '@mg/shared-temporal';
import { type InterventionsConfig } from './interventions.config';

/** The interventions service: billets, interventions and technical reports (SPEC §3). */
const INTERVENTIONS_PRISMA = Symbol('INTERVENTIONS_PRISMA');

@Module({})
export class InterventionsModule implements OnApplicationShutdown {
  constructor(@Inject(INTERVENTIONS_PRISMA) private readonly prisma: InterventionsPrismaClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }

  static forRoot(config: InterventionsConfig): DynamicModule {
    return {
      module: InterventionsModule,
      imports: [
        AuthModule.forRoot({
          jwksUrl: config.JWKS_URL,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
        }),
        MessagingModule.forRoot({ servers: config.NATS_URL, name: 'interventions' }),
        TemporalModule.forRoot({
          address: config.TEMPORAL_ADDRESS,
          namespace: config.TEMPORAL_NAMESPACE,
        }),
      ],
      controllers: [CallerController],
      providers: [
        {
          provide: INTERVENTIONS_PRISMA,
          useFactory: () => createInterventionsPrismaClient(config.DATABASE_URL),
        },
        {
          provide: READINESS_CHECKS,
          inject: [INTERVENTIONS_PRISMA, NatsReadinessCheck, TemporalReadinessCheck],
          useFactory: (
            prisma: InterventionsPrismaClient,
            nats: NatsReadinessCheck,
            temporal: TemporalReadinessCheck,
          ) => [new PostgresReadinessCheck(prisma), nats, temporal],
        },
      ],
    };
  }
}
