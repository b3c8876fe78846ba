import { Injectable } from '@nestjs/common';
import { type CreateUser, type User } from '@mg/identity-domain';
import { UserRepository } from '@mg/identity-data-access';
import { PasswordHasher } from '../../passwords/password-hasher';

@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  /** @throws DomainError EMAIL_TAKEN when the (lower-cased) email is already registered. */
  async execute({ password, ...user }: CreateUser): Promise<User> {
    const passwordHash = await this.passwords.hash(password);
    return this.users.create({ ...user, passwordHash });
  }
}
