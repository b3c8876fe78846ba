import { demoUserId } from '@mg/shared-kernel';
import { createUserSchema, tokenRequestSchema, updateUserSchema } from './user.schemas';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

const valid = {
  email: 'Marie.Curie@Example.COM',
  name: 'Marie Curie',
  role: 'DEVELOPER',
  password: 'correct horse battery',
};

describe('createUserSchema', () => {
  it('lower-cases the email so the same address cannot be registered twice by case', () => {
    expect(createUserSchema.parse(valid).email).toBe('marie.curie@example.com');
  });

  it('refuses unknown fields instead of silently dropping them', () => {
    const result = createUserSchema.safeParse({ ...valid, isAdmin: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('refuses a password shorter than 12 characters', () => {
    expect(createUserSchema.safeParse({ ...valid, password: 'short-pass1' }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...valid, password: 'twelve-chars' }).success).toBe(true);
  });

  it('refuses a password longer than 256 characters', () => {
    expect(createUserSchema.safeParse({ ...valid, password: 'x'.repeat(257) }).success).toBe(false);
  });

  it('refuses an unknown role, a bad email and a blank name', () => {
    expect(createUserSchema.safeParse({ ...valid, role: 'ROOT' }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...valid, email: 'not-an-email' }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...valid, name: '   ' }).success).toBe(false);
  });
});

describe('updateUserSchema', () => {
  it('accepts any subset of name, role, password and active', () => {
    expect(updateUserSchema.parse({ active: false })).toEqual({ active: false });
    expect(updateUserSchema.parse({ role: 'ADMIN', name: 'New' })).toEqual({
      role: 'ADMIN',
      name: 'New',
    });
  });

  it('refuses an empty update, an email change and a weak password', () => {
    expect(updateUserSchema.safeParse({}).success).toBe(false);
    expect(updateUserSchema.safeParse({ email: 'x@y.z' }).success).toBe(false);
    expect(updateUserSchema.safeParse({ password: 'short' }).success).toBe(false);
  });
});

describe('tokenRequestSchema', () => {
  it('takes exactly an email and a password', () => {
    expect(tokenRequestSchema.parse({ email: 'PM@demo.local', password: 'x' })).toEqual({
      email: 'pm@demo.local',
      password: 'x',
    });
    expect(tokenRequestSchema.safeParse({ email: 'pm@demo.local' }).success).toBe(false);
    expect(
      tokenRequestSchema.safeParse({ email: 'pm@demo.local', password: 'x', role: 'ADMIN' })
        .success,
    ).toBe(false);
  });
});

describe('demo users (SPEC §10)', () => {
  it('are the five seeded accounts, one per role', () => {
    expect(DEMO_USERS.map((user) => [user.email, user.role])).toEqual([
      ['admin@demo.local', 'ADMIN'],
      ['pm@demo.local', 'PROJECT_MANAGER'],
      ['jean.dupont@demo.local', 'DEVELOPER'],
      ['support@demo.local', 'SUPPORT'],
      ['client@demo.local', 'CLIENT'],
    ]);
    expect(DEMO_USERS.find((user) => user.role === 'DEVELOPER')?.name).toBe('Jean Dupont');
  });

  it('satisfy the same rules as a user created through the API', () => {
    for (const { id: _id, ...user } of DEMO_USERS) {
      expect(createUserSchema.safeParse({ ...user, password: DEMO_PASSWORD }).success).toBe(true);
    }
  });

  it('have the ids other services derive from their emails', () => {
    for (const user of DEMO_USERS) expect(user.id).toBe(demoUserId(user.email));
  });
});
