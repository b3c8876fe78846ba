import { Injectable } from '@nestjs/common';
import { DomainError } from '@mg/shared-kernel';
import { type UpdateUser, type User, userIdSchema } from '@mg/identity-domain';
import { UserRepository } from '@mg/identity-data-access';
import { PasswordHasher } from '../../passwords/password-hasher';

@Injectable()
export class UpdateUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  /** @throws DomainError NOT_FOUND for an unknown id. */
  async execute(id: string, { password, ...changes }: UpdateUser): Promise<User> {
    if (!userIdSchema.safeParse(id).success) throw notFound(id);
    const passwordHash = password === undefined ? undefined : await this.passwords.hash(password);
    const user = await this.users.update(id, { ...changes, passwordHash });
    if (!user) throw notFound(id);
    return user;
  }
}

const notFound = (id: string) => new DomainError('NOT_FOUND', `No user has the id ${id}.`);
