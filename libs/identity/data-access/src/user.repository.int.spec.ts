import { DomainError } from '@mg/shared-kernel';
import { createTestDatabase, type TestDatabase } from '@mg/shared-testing';
import {
  createIdentityPrismaClient,
  IDENTITY_MIGRATIONS_DIR,
  type IdentityPrismaClient,
} from './identity-database';
import { UserRepository } from './user.repository';

jest.setTimeout(30_000);

let database: TestDatabase;
let prisma: IdentityPrismaClient;
let users: UserRepository;

beforeAll(async () => {
  database = await createTestDatabase('identity_repository', IDENTITY_MIGRATIONS_DIR);
  prisma = createIdentityPrismaClient(database.url);
  users = new UserRepository(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

const newUser = (email: string) => ({
  email,
  name: 'Someone',
  role: 'SUPPORT' as const,
  passwordHash: '$argon2id$placeholder',
});

describe('UserRepository', () => {
  it('never returns the password hash with a user', async () => {
    const created = await users.create(newUser('plain@example.com'));
    expect(created).not.toHaveProperty('passwordHash');
    expect(await users.findById(created.id)).not.toHaveProperty('passwordHash');
    const credentials = await users.findCredentialsByEmail('plain@example.com');
    expect(credentials?.passwordHash).toBe('$argon2id$placeholder');
    expect(credentials?.user).not.toHaveProperty('passwordHash');
  });

  it('turns a duplicate email into EMAIL_TAKEN', async () => {
    await users.create(newUser('twice@example.com'));
    const error: unknown = await users
      .create(newUser('twice@example.com'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('EMAIL_TAKEN');
  });

  it('inserts only missing users and leaves existing ones untouched', async () => {
    const existing = await users.create(newUser('kept@example.com'));
    const inserted = await users.insertMissing([
      { ...newUser('kept@example.com'), passwordHash: 'replaced', role: 'ADMIN' },
      newUser('fresh@example.com'),
    ]);
    expect(inserted).toEqual([expect.objectContaining({ email: 'fresh@example.com' })]);
    expect(inserted[0]).not.toHaveProperty('passwordHash');
    const kept = await users.findCredentialsByEmail('kept@example.com');
    expect(kept).toEqual({ user: existing, passwordHash: '$argon2id$placeholder' });
  });

  it('answers null when updating a user that does not exist', async () => {
    expect(await users.update('0d1c6a0e-0000-4000-8000-000000000000', { name: 'x' })).toBeNull();
  });
});
