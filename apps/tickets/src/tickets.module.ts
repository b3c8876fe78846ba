import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type Client } from '@temporalio/client';
import { AuditController, AuditModule } from '@mg/shared-audit';
import { AuthModule, CallerController } from '@mg/shared-auth';
import { PostgresReadinessCheck } from '@mg/shared-database';
import { READINESS_CHECKS } from '@mg/shared-http';
import { IdempotencyModule } from '@mg/shared-idempotency';
import { type Clock, systemClock } from '@mg/shared-kernel';
import { MessagingModule, NatsReadinessCheck } from '@mg/shared-messaging';
import { OutboxModule } from '@mg/shared-outbox';
import { ContractsClient } from '@mg/shared-service-clients';
import {
  ActivityWorker,
  provideActivityWorker,
  TEMPORAL_CLIENT,
  TemporalModule,
  TemporalReadinessCheck,
} from '@mg/shared-temporal';
import { TicketLifecycleClient, ticketLifecycleTaskQueues } from '@mg/ticket-lifecycle-workflow';
import {
  TicketRepository,
  type TicketsPrismaClient,
  TicketsTransactions,
} from '@mg/tickets-data-access';
import { ticketsActivities } from './activities/tickets.activities';
import { StatsController } from './http/stats.controller';
import { TicketDecisionsController } from './http/ticket-decisions.controller';
import { TicketsController } from './http/tickets.controller';
import { type TicketsConfig } from './tickets.config';
import { TicketClock } from './time/ticket-clock';
import { USE_CASES } from './use-cases';
import { RecordTicketStepUseCase } from './use-cases/record-ticket-step/record-ticket-step.use-case';

/** What the module needs that is built before it (the database client needs closing). */
export interface TicketsModuleOptions {
  config: TicketsConfig;
  prisma: TicketsPrismaClient;
  clock?: Clock;
}

const TICKETS_PRISMA = Symbol('TICKETS_PRISMA');

/** Closes the database pool when the app closes. */
class PrismaDisconnect implements OnApplicationShutdown {
  constructor(@Inject(TICKETS_PRISMA) private readonly prisma: TicketsPrismaClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }
}

/**
 * The tickets service: tickets, ticket numbering and indicators (SPEC §3). It drives each
 * ticket's workflow through `TicketLifecycleClient` and hosts the workflow's `recordTicketStep`
 * activity on its own task queue.
 */
@Module({})
export class TicketsModule {
  static forRoot({ config, prisma, clock }: TicketsModuleOptions): DynamicModule {
    const taskQueues = ticketLifecycleTaskQueues(config.TEMPORAL_PREFIX);
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
        AuditModule.forRoot({ executor: prisma }),
        IdempotencyModule.forRoot({ executor: prisma }),
        OutboxModule.forRoot({ databaseUrl: config.DATABASE_URL }),
      ],
      controllers: [
        CallerController,
        TicketsController,
        TicketDecisionsController,
        StatsController,
        AuditController,
      ],
      providers: [
        { provide: TICKETS_PRISMA, useValue: prisma },
        PrismaDisconnect,
        { provide: TicketsTransactions, useValue: new TicketsTransactions(prisma) },
        { provide: TicketRepository, useValue: new TicketRepository(prisma) },
        {
          provide: ContractsClient,
          useValue: new ContractsClient({ baseUrl: config.CONTRACTS_URL }),
        },
        {
          provide: TicketClock,
          useValue: new TicketClock(clock ?? systemClock, config.BUSINESS_TIME_ZONE),
        },
        {
          provide: TicketLifecycleClient,
          inject: [TEMPORAL_CLIENT],
          useFactory: (client: Client) =>
            new TicketLifecycleClient(client, {
              taskQueues,
              workflowIdPrefix: config.TEMPORAL_PREFIX,
            }),
        },
        ...USE_CASES,
        provideActivityWorker({
          address: config.TEMPORAL_ADDRESS,
          namespace: config.TEMPORAL_NAMESPACE,
          taskQueue: taskQueues.tickets,
          inject: [RecordTicketStepUseCase],
          activities: (recordStep: RecordTicketStepUseCase) => ticketsActivities(recordStep),
        }),
        {
          provide: READINESS_CHECKS,
          inject: [NatsReadinessCheck, TemporalReadinessCheck, ActivityWorker],
          useFactory: (
            nats: NatsReadinessCheck,
            temporal: TemporalReadinessCheck,
            activityWorker: ActivityWorker,
          ) => [
            new PostgresReadinessCheck(prisma),
            nats,
            temporal,
            ...activityWorker.readinessChecks(),
          ],
        },
      ],
    };
  }
}
