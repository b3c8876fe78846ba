import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule, CallerController } from '@mg/shared-auth';
import { PostgresReadinessCheck } from '@mg/shared-database';
import { READINESS_CHECKS } from '@mg/shared-http';
import { MessagingModule, NatsReadinessCheck } from '@mg/shared-messaging';
import { TemporalModule, TemporalReadinessCheck } from '@mg/shared-temporal';
import { type TicketsConfig } from './tickets.config';
import { DatabasePool } from './database/database-pool';

/** The tickets service: tickets, ticket numbering and indicators (SPEC §3). */
@Module({})
export class TicketsModule {
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
        { provide: DatabasePool, useValue: new DatabasePool(config.DATABASE_URL) },
        {
          provide: READINESS_CHECKS,
          inject: [DatabasePool, NatsReadinessCheck, TemporalReadinessCheck],
          useFactory: (
            database: DatabasePool,
            nats: NatsReadinessCheck,
            temporal: TemporalReadinessCheck,
          ) => [new PostgresReadinessCheck(database), nats, temporal],
        },
      ],
    };
  }
}
