import { Injectable } from '@nestjs/common';
import { decodeUserCursor, type ListUsersQuery, type UserPage } from '@mg/identity-domain';
import { UserRepository } from '@mg/identity-data-access';

@Injectable()
export class ListUsersUseCase {
  constructor(private readonly users: UserRepository) {}

  execute(query: ListUsersQuery): Promise<UserPage> {
    const after = query.cursor === undefined ? undefined : decodeUserCursor(query.cursor);
    return this.users.list(query.limit, after);
  }
}
