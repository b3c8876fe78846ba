import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { type CreateUser, type User } from '@mg/identity-domain';
import { IdentityTransactions } from '@mg/identity-data-access';
import { PasswordHasher } from '../../passwords/password-hasher';
import { auditedBy, auditedUser, type Caller } from '../caller';

@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly transactions: IdentityTransactions,
    private readonly passwords: PasswordHasher,
  ) {}

  /**
   * The user and its `user.create` audit row commit together (the row without any password).
   * @throws DomainError EMAIL_TAKEN when the (lower-cased) email is already registered.
   */
  async execute(caller: Caller, { password, ...user }: CreateUser): Promise<User> {
    // Hashed before the transaction opens: it takes a while and needs no lock.
    const passwordHash = await this.passwords.hash(password);
    return this.transactions.run(async ({ users, sql }) => {
      const created = await users.create({ ...user, passwordHash });
      await AuditTrail.record(sql, {
        ...auditedBy(caller),
        action: 'user.create',
        entityType: 'User',
        entityId: created.id,
        after: auditedUser(created),
      });
      return created;
    });
  }
}
