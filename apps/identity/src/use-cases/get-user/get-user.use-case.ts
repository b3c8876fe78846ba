import { Injectable } from '@nestjs/common';
import { DomainError } from '@mg/shared-kernel';
import { type User, userIdSchema } from '@mg/identity-domain';
import { UserRepository } from '@mg/identity-data-access';

@Injectable()
export class GetUserUseCase {
  constructor(private readonly users: UserRepository) {}

  /** @throws DomainError NOT_FOUND for an unknown id, or one that is not even a UUID. */
  async execute(id: string): Promise<User> {
    const user = userIdSchema.safeParse(id).success ? await this.users.findById(id) : null;
    if (!user) throw new DomainError('NOT_FOUND', `No user has the id ${id}.`);
    return user;
  }
}
