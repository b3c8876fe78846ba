import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { DEMO_PASSWORD, DEMO_USERS } from '@mg/identity-domain';
import { IdentityTransactions } from '@mg/identity-data-access';
import { PasswordHasher } from '../../passwords/password-hasher';
import { auditedUser } from '../caller';

/**
 * SPEC §10 demo accounts, for development mode only (the caller decides). Existing accounts are
 * left as they are, so a password changed through the API survives a restart. Each account it
 * inserts is audited as a `user.create` by the system, in the same transaction.
 */
@Injectable()
export class SeedDemoUsersUseCase {
  private readonly logger = new Logger(SeedDemoUsersUseCase.name);

  constructor(
    private readonly transactions: IdentityTransactions,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute(): Promise<number> {
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    const inserted = await this.transactions.run(async ({ users, sql }) => {
      const created = await users.insertMissing(
        DEMO_USERS.map((user) => ({ ...user, passwordHash })),
      );
      for (const user of created) {
        await AuditTrail.record(sql, {
          actor: 'system',
          action: 'user.create',
          entityType: 'User',
          entityId: user.id,
          after: auditedUser(user),
        });
      }
      return created.length;
    });
    if (inserted > 0) this.logger.log(`Seeded ${inserted} demo user(s)`);
    return inserted;
  }
}
