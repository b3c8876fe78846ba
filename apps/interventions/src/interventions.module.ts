import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type Client } from '@temporalio/client';
import {
  BilletRepository,
  InterventionRepository,
  type InterventionsPrismaClient,
  InterventionsTransactions,
  ReportRepository,
} from '@mg/interventions-data-access';
import { AuditController, AuditModule } from '@mg/shared-audit';
import { AuthModule, CallerController } from '@mg/shared-auth';
import { PostgresReadinessCheck } from '@mg/shared-database';
import { READINESS_CHECKS } from '@mg/shared-http';
import { IdempotencyModule } from '@mg/shared-idempotency';
import { MessagingModule, NatsReadinessCheck } from '@mg/shared-messaging';
import { OutboxModule } from '@mg/shared-outbox';
import { ContractsClient, IdentityClient, TicketsClient } from '@mg/shared-service-clients';
import {
  ActivityWorker,
  provideActivityWorker,
  TEMPORAL_CLIENT,
  TemporalModule,
  TemporalReadinessCheck,
} from '@mg/shared-temporal';
import { TicketLifecycleClient, ticketLifecycleTaskQueues } from '@mg/ticket-lifecycle-workflow';
import {
  INTERVENTIONS_ACTIVITIES,
  INTERVENTIONS_ACTIVITY_PROVIDERS,
} from './activities/interventions.activities';
import { type InterventionsConfig } from './interventions.config';
import { BilletsController } from './http/billets.controller';
import { InterventionsController } from './http/interventions.controller';
import { ReportsController } from './http/reports.controller';
import { USE_CASES } from './use-cases';

/** What the module needs that is built before it (the database client needs closing). */
export interface InterventionsModuleOptions {
  config: InterventionsConfig;
  prisma: InterventionsPrismaClient;
}

const INTERVENTIONS_PRISMA = Symbol('INTERVENTIONS_PRISMA');

/** Closes the database pool when the app closes. */
class PrismaDisconnect implements OnApplicationShutdown {
  constructor(@Inject(INTERVENTIONS_PRISMA) private readonly prisma: InterventionsPrismaClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }
}

/**
 * The interventions service: billets, interventions and technical reports (SPEC §3). Requests
 * drive each ticket's workflow; the workflow writes back through this service's activities,
 * hosted by an activity worker on the service's own task queue.
 */
@Module({})
export class InterventionsModule {
  static forRoot({ config, prisma }: InterventionsModuleOptions): DynamicModule {
    const taskQueues = ticketLifecycleTaskQueues(config.TEMPORAL_PREFIX);
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
        AuditModule.forRoot({ executor: prisma }),
        IdempotencyModule.forRoot({ executor: prisma }),
        OutboxModule.forRoot({ databaseUrl: config.DATABASE_URL }),
      ],
      controllers: [
        CallerController,
        BilletsController,
        InterventionsController,
        ReportsController,
        AuditController,
      ],
      providers: [
        { provide: INTERVENTIONS_PRISMA, useValue: prisma },
        PrismaDisconnect,
        { provide: InterventionsTransactions, useValue: new InterventionsTransactions(prisma) },
        { provide: BilletRepository, useValue: new BilletRepository(prisma) },
        { provide: InterventionRepository, useValue: new InterventionRepository(prisma) },
        { provide: ReportRepository, useValue: new ReportRepository(prisma) },
        { provide: TicketsClient, useValue: new TicketsClient({ baseUrl: config.TICKETS_URL }) },
        {
          provide: ContractsClient,
          useValue: new ContractsClient({ baseUrl: config.CONTRACTS_URL }),
        },
        { provide: IdentityClient, useValue: new IdentityClient({ baseUrl: config.IDENTITY_URL }) },
        {
          provide: TicketLifecycleClient,
          inject: [TEMPORAL_CLIENT],
          useFactory: (client: Client) =>
            new TicketLifecycleClient(client, {
              taskQueues,
              workflowIdPrefix: config.TEMPORAL_PREFIX,
            }),
        },
        ...INTERVENTIONS_ACTIVITY_PROVIDERS,
        provideActivityWorker({
          address: config.TEMPORAL_ADDRESS,
          namespace: config.TEMPORAL_NAMESPACE,
          taskQueue: taskQueues.interventions,
          inject: [INTERVENTIONS_ACTIVITIES],
          activities: (activities: object) => activities,
        }),
        ...USE_CASES,
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
