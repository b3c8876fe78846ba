import { DomainError } from '@mg/shared-kernel';
import { type User } from './user';
import { decodeUserCursor, encodeUserCursor, listUsersQuerySchema, toUserPage } from './user-page';

const user = (n: number): User => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  email: `user${n}@example.com`,
  name: `User ${n}`,
  role: 'DEVELOPER',
  active: true,
  createdAt: new Date(Date.UTC(2026, 0, n)),
  updatedAt: new Date(Date.UTC(2026, 0, n)),
});

describe('user pages', () => {
  it('defaults the limit to 20 and bounds it to 1..100', () => {
    expect(listUsersQuerySchema.parse({})).toEqual({ limit: 20 });
    expect(listUsersQuerySchema.parse({ limit: '100' }).limit).toBe(100);
    expect(listUsersQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(listUsersQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
  });

  it('gives a cursor only when a row beyond the limit exists', () => {
    const full = toUserPage([user(1), user(2), user(3)], 2);
    expect(full.items.map((item) => item.id)).toEqual([user(1).id, user(2).id]);
    expect(full.nextCursor && decodeUserCursor(full.nextCursor)).toEqual({
      createdAt: user(2).createdAt,
      id: user(2).id,
    });
    expect(toUserPage([user(1), user(2)], 2).nextCursor).toBeNull();
  });

  it('round-trips a cursor and refuses one it did not issue', () => {
    const cursor = encodeUserCursor(user(5));
    expect(decodeUserCursor(cursor)).toEqual({ createdAt: user(5).createdAt, id: user(5).id });
    expect(() => decodeUserCursor('garbage')).toThrow(DomainError);
    expect(() => decodeUserCursor(Buffer.from('{"id":1}').toString('base64url'))).toThrow(
      DomainError,
    );
  });
});
