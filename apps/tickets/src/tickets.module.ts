import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createTicketsPrismaClient, type TicketsPrismaClient } from '@mg/tickets-data-access';
import { AuthModule, CallerController } from '@mg/shared-auth';
import { PostgresReadinessCheck } from '@mg/shared-database';
import { READINESS_CHECKS } from '@mg/shared-http';
import { MessagingModule, NatsReadinessCheck } from '@mg/shared-messaging';
import { TemporalModule, TemporalReadinessCheck } from '@mg/shared-temporal';
import { type TicketsConfig } from './tickets.config';

/** The tickets service: tickets, ticket numbering and indicators (SPEC §3). */
const TICKETS_PRISMA = Symbol('TICKETS_PRISMA');

@Module({})
export class TicketsModule implements OnApplicationShutdown {
  constructor(@Inject(TICKETS_PRISMA) private readonly prisma: TicketsPrismaClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }

  static forRoot(config: TicketsConfig): DynamicModule {
    return {
      module: TicketsModule,
      imports: [
        AuthModule.forRoot({
          jwksUrl: config.JWKS_URL,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
        }),
        MessagingModule.forRoot({ servers: config.NATS_URL, name: 'tickets' }),
        TemporalModule.forRoot({
          address: config.TEMPORAL_ADDRESS,
          namespace: config.TEMPORAL_NAMESPACE,
        }),
      ],
      controllers: [CallerController],
      providers: [
        {
          provide: TICKETS_PRISMA,
          useFactory: () => createTicketsPrismaClient(config.DATABASE_URL),
        },
        {
          provide: READINESS_CHECKS,
          inject: [TICKETS_PRISMA, NatsReadinessCheck, TemporalReadinessCheck],
          useFactory: (
            prisma: TicketsPrismaClient,
            nats: NatsReadinessCheck,
            temporal: TemporalReadinessCheck,
          ) => [new PostgresReadinessCheck(prisma), nats, temporal],
        },
      ],
    };
  }
}
