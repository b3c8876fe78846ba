import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@mg/shared-audit';
import { DomainError } from '@mg/shared-kernel';
import { type UpdateUser, type User, userIdSchema } from '@mg/identity-domain';
import { IdentityTransactions } from '@mg/identity-data-access';
import { PasswordHasher } from '../../passwords/password-hasher';
import { auditedBy, auditedUser, type Caller } from '../caller';

@Injectable()
export class UpdateUserUseCase {
  constructor(
    private readonly transactions: IdentityTransactions,
    private readonly passwords: PasswordHasher,
  ) {}

  /**
   * The change and its `user.update` audit row (before and after, a new password shown only as
   * `[REDACTED]`) commit together.
   * @throws DomainError NOT_FOUND for an unknown id.
   */
  async execute(caller: Caller, id: string, { password, ...changes }: UpdateUser): Promise<User> {
    if (!userIdSchema.safeParse(id).success) throw notFound(id);
    // Hashed before the transaction opens: it takes a while and needs no lock.
    const passwordHash = password === undefined ? undefined : await this.passwords.hash(password);
    return this.transactions.run(async ({ users, sql }) => {
      const before = await users.findByIdForUpdate(id);
      if (!before) throw notFound(id);
      const after = await users.update(id, { ...changes, passwordHash });
      if (!after) throw notFound(id);
      await AuditTrail.record(sql, {
        ...auditedBy(caller),
        action: 'user.update',
        entityType: 'User',
        entityId: id,
        before: auditedUser(before),
        after: auditedUser(after, passwordHash !== undefined),
      });
      return after;
    });
  }
}

const notFound = (id: string) => new DomainError('NOT_FOUND', `No user has the id ${id}.`);
