import { DomainError } from '@mg/shared-kernel';
import {
  type User,
  type UserCredentials,
  type UserCursor,
  type UserPage,
  toUserPage,
} from '@mg/identity-domain';
import { Prisma, type PrismaClient } from './generated/prisma/client';

/** The columns a `User` is made of: everything but the password hash. */
const userColumns = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.UserSelect;

export interface NewUser {
  email: string;
  name: string;
  role: User['role'];
  passwordHash: string;
}

export interface UserChanges {
  name?: string;
  role?: User['role'];
  passwordHash?: string;
  active?: boolean;
}

/** The only code that sees identity's Prisma client; it speaks domain types. */
export class UserRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findById(id: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { id }, select: userColumns });
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const row = await this.prisma.user.findUnique({
      where: { email },
      select: { ...userColumns, passwordHash: true },
    });
    if (!row) return null;
    const { passwordHash, ...user } = row;
    return { user, passwordHash };
  }

  /** A page in (createdAt, id) order, starting strictly after `after`. */
  async list(limit: number, after?: UserCursor): Promise<UserPage> {
    const rows = await this.prisma.user.findMany({
      select: userColumns,
      where: after
        ? {
            OR: [
              { createdAt: { gt: after.createdAt } },
              { createdAt: after.createdAt, id: { gt: after.id } },
            ],
          }
        : undefined,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
    });
    return toUserPage(rows, limit);
  }

  /** @throws DomainError EMAIL_TAKEN when another user already has this email. */
  async create(user: NewUser): Promise<User> {
    try {
      return await this.prisma.user.create({ data: user, select: userColumns });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('EMAIL_TAKEN', `A user with the email ${user.email} already exists.`);
      }
      throw error;
    }
  }

  /** @returns the updated user, or null when no user has this id. */
  async update(id: string, changes: UserChanges): Promise<User | null> {
    try {
      return await this.prisma.user.update({ where: { id }, data: changes, select: userColumns });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
        return null;
      }
      throw error;
    }
  }

  /**
   * Inserts the users whose email is not taken yet and leaves existing ones untouched (a changed
   * password or role survives a restart). Safe to run concurrently.
   * @returns how many users were inserted.
   */
  async insertMissing(users: readonly NewUser[]): Promise<number> {
    const { count } = await this.prisma.user.createMany({
      data: [...users],
      skipDuplicates: true,
    });
    return count;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
