import { z } from 'zod';
import { DomainError } from '@mg/shared-kernel';
import { type User } from './user';

export const listUsersQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

/** Users are listed by creation time, the id breaking ties, so a page boundary is stable. */
export interface UserCursor {
  createdAt: Date;
  id: string;
}

export interface UserPage {
  items: User[];
  nextCursor: string | null;
}

const cursorPayloadSchema = z.strictObject({ createdAt: z.iso.datetime(), id: z.uuid() });

/** An opaque token to the client; a position in (createdAt, id) order to us. */
export function encodeUserCursor(position: UserCursor): string {
  const payload = { createdAt: position.createdAt.toISOString(), id: position.id };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeUserCursor(cursor: string): UserCursor {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const { createdAt, id } = cursorPayloadSchema.parse(decoded);
    return { createdAt: new Date(createdAt), id };
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The cursor is not one this service issued.', [
      { path: 'cursor', message: 'Invalid cursor' },
    ]);
  }
}

/** Builds a page from up to `limit + 1` rows: the extra row only says whether more follow. */
export function toUserPage(rows: readonly User[], limit: number): UserPage {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeUserCursor(last) : null;
  return { items, nextCursor };
}
