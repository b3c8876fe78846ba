import { Injectable, Logger } from '@nestjs/common';
import { DEMO_PASSWORD, DEMO_USERS } from '@mg/identity-domain';
import { UserRepository } from '@mg/identity-data-access';
import { PasswordHasher } from '../../passwords/password-hasher';

/**
 * SPEC §10 demo accounts, for development mode only (the caller decides). Existing accounts are
 * left as they are, so a password changed through the API survives a restart.
 */
@Injectable()
export class SeedDemoUsersUseCase {
  private readonly logger = new Logger(SeedDemoUsersUseCase.name);

  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute(): Promise<number> {
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    const inserted = await this.users.insertMissing(
      DEMO_USERS.map((user) => ({ ...user, passwordHash })),
    );
    if (inserted > 0) this.logger.log(`Seeded ${inserted} demo user(s)`);
    return inserted;
  }
}
