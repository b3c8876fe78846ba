import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { auditControllerDescribedAs, AuditModule } from '@mg/shared-audit';
import { AuthModule } from '@mg/shared-auth';
import { IdempotencyModule } from '@mg/shared-idempotency';
import { type Clock, systemClock } from '@mg/shared-kernel';
import {
  IdentityTransactions,
  type IdentityPrismaClient,
  UserRepository,
} from '@mg/identity-data-access';
import { AuthController } from './http/auth.controller';
import { JwksController } from './http/jwks.controller';
import { MeController } from './http/me.controller';
import { UsersController } from './http/users.controller';
import { type IdentityConfig } from './identity.config';
import { IDENTITY_PRISMA, SIGNING_KEY } from './identity.tokens';
import { PasswordHasher } from './passwords/password-hasher';
import { type SigningKey } from './signing/signing-key';
import { TokenSigner } from './signing/token-signer';
import { CreateUserUseCase } from './use-cases/create-user/create-user.use-case';
import { GetUserUseCase } from './use-cases/get-user/get-user.use-case';
import { IssueTokenUseCase } from './use-cases/issue-token/issue-token.use-case';
import { auditProjectScopeProvider } from './use-cases/list-audit-entries/audit-project-scope';
import { ListUsersUseCase } from './use-cases/list-users/list-users.use-case';
import { SeedDemoUsersUseCase } from './use-cases/seed-demo-users/seed-demo-users.use-case';
import { UpdateUserUseCase } from './use-cases/update-user/update-user.use-case';

/** What the module needs that takes I/O to obtain, prepared by `createIdentityApp`. */
export interface IdentityModuleOptions {
  config: IdentityConfig;
  signingKey: SigningKey;
  prisma: IdentityPrismaClient;
  clock?: Clock;
}

/** Closes the database pool when the app closes. */
class PrismaDisconnect implements OnApplicationShutdown {
  constructor(@Inject(IDENTITY_PRISMA) private readonly prisma: IdentityPrismaClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }
}

@Module({})
export class IdentityModule {
  static forRoot({ config, signingKey, prisma, clock }: IdentityModuleOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        // Identity trusts its own public key directly: no HTTP call to its own JWKS.
        AuthModule.forRoot({
          keySet: { keys: [signingKey.publicJwk] },
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
        }),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'login', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT }],
        }),
        // SPEC §7: user changes and refused attempts are audited; sign-ins are not (no change).
        AuditModule.forRoot({ executor: prisma }),
        // Every authenticated POST (POST /users); the public sign-in runs as if no key were sent.
        IdempotencyModule.forRoot({ executor: prisma }),
      ],
      controllers: [
        AuthController,
        JwksController,
        MeController,
        UsersController,
        auditControllerDescribedAs('Identity’s audit trail (users), oldest first'),
      ],
      providers: [
        { provide: SIGNING_KEY, useValue: signingKey },
        { provide: IDENTITY_PRISMA, useValue: prisma },
        { provide: UserRepository, useValue: new UserRepository(prisma) },
        { provide: IdentityTransactions, useValue: new IdentityTransactions(prisma) },
        {
          provide: TokenSigner,
          useValue: new TokenSigner(
            signingKey,
            {
              issuer: config.JWT_ISSUER,
              audience: config.JWT_AUDIENCE,
              ttlSeconds: config.TOKEN_TTL_SECONDS,
            },
            clock ?? systemClock,
          ),
        },
        PrismaDisconnect,
        PasswordHasher,
        IssueTokenUseCase,
        GetUserUseCase,
        ListUsersUseCase,
        CreateUserUseCase,
        UpdateUserUseCase,
        SeedDemoUsersUseCase,
        auditProjectScopeProvider,
      ],
    };
  }
}
