import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AuditController, AuditModule } from '@mg/shared-audit';
import { AuthModule, CallerController } from '@mg/shared-auth';
import { PostgresReadinessCheck } from '@mg/shared-database';
import { READINESS_CHECKS } from '@mg/shared-http';
import { IdempotencyModule } from '@mg/shared-idempotency';
import { type Clock, systemClock } from '@mg/shared-kernel';
import { MessagingModule, NatsReadinessCheck } from '@mg/shared-messaging';
import { OutboxModule } from '@mg/shared-outbox';
import { TemporalModule, TemporalReadinessCheck } from '@mg/shared-temporal';
import {
  ContractRepository,
  type ContractsPrismaClient,
  ContractsTransactions,
  ProjectRepository,
} from '@mg/contracts-data-access';
import { type ContractsConfig } from './contracts.config';
import { ContractsController } from './http/contracts.controller';
import { ProjectsController } from './http/projects.controller';
import { UserDirectory } from './identity/user-directory';
import { BusinessClock } from './time/business-clock';
import { USE_CASES } from './use-cases';

/** What the module needs that is built before it (the database client needs closing). */
export interface ContractsModuleOptions {
  config: ContractsConfig;
  prisma: ContractsPrismaClient;
  clock?: Clock;
}

const CONTRACTS_PRISMA = Symbol('CONTRACTS_PRISMA');

/** Closes the database pool when the app closes. */
class PrismaDisconnect implements OnApplicationShutdown {
  constructor(@Inject(CONTRACTS_PRISMA) private readonly prisma: ContractsPrismaClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }
}

/** The contracts service: projects, their members and warranty contracts (SPEC §3). */
@Module({})
export class ContractsModule {
  static forRoot({ config, prisma, clock }: ContractsModuleOptions): DynamicModule {
    return {
      module: ContractsModule,
      imports: [
        AuthModule.forRoot({
          jwksUrl: config.JWKS_URL,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
        }),
        MessagingModule.forRoot({ servers: config.NATS_URL, name: 'contracts' }),
        TemporalModule.forRoot({
          address: config.TEMPORAL_ADDRESS,
          namespace: config.TEMPORAL_NAMESPACE,
        }),
        AuditModule.forRoot({ executor: prisma }),
        IdempotencyModule.forRoot({ executor: prisma }),
        OutboxModule.forRoot({ databaseUrl: config.DATABASE_URL }),
      ],
      controllers: [CallerController, ProjectsController, ContractsController, AuditController],
      providers: [
        { provide: CONTRACTS_PRISMA, useValue: prisma },
        PrismaDisconnect,
        { provide: ContractsTransactions, useValue: new ContractsTransactions(prisma) },
        { provide: ProjectRepository, useValue: new ProjectRepository(prisma) },
        { provide: ContractRepository, useValue: new ContractRepository(prisma) },
        { provide: UserDirectory, useValue: new UserDirectory(config.IDENTITY_URL) },
        {
          provide: BusinessClock,
          useValue: new BusinessClock(clock ?? systemClock, config.BUSINESS_TIME_ZONE),
        },
        ...USE_CASES,
        {
          provide: READINESS_CHECKS,
          inject: [NatsReadinessCheck, TemporalReadinessCheck],
          useFactory: (nats: NatsReadinessCheck, temporal: TemporalReadinessCheck) => [
            new PostgresReadinessCheck(prisma),
            nats,
            temporal,
          ],
        },
      ],
    };
  }
}
