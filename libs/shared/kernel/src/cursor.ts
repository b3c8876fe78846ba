import { z } from 'zod';
import { DomainError } from './domain-error';

/**
 * Lists are paged by keyset, not offset (SPEC §7: `limit` + `cursor` → `{items, nextCursor}`):
 * the cursor names the last row a client has seen. To the client it is an opaque base64url token;
 * whatever comes back is decoded and validated by a zod schema before it reaches a query, so a
 * hand-edited or foreign cursor is a 400, never a 500 or an unexpected query.
 */
export interface CursorCodec<Position> {
  encode(position: Position): string;
  /** @throws DomainError VALIDATION_FAILED (path `cursor`) when the token is not one we issued. */
  decode(cursor: string): Position;
}

/** Longer tokens are refused before any decoding work. */
export const MAX_CURSOR_LENGTH = 500;

const invalidCursor = () =>
  new DomainError('VALIDATION_FAILED', 'The cursor is not one this service issued.', [
    { path: 'cursor', message: 'Invalid cursor' },
  ]);

/**
 * A codec for positions of any shape: `payload` describes the JSON form (strict, so extra
 * fields are refused), `toPayload` / `fromPayload` convert to and from the position.
 */
export function cursorCodec<Position, Payload>(
  payload: z.ZodType<Payload>,
  toPayload: (position: Position) => Payload,
  fromPayload: (payload: Payload) => Position,
): CursorCodec<Position> {
  return {
    encode: (position) => Buffer.from(JSON.stringify(toPayload(position))).toString('base64url'),
    decode: (cursor) => {
      if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
        throw invalidCursor();
      }
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw invalidCursor();
      }
      const parsed = payload.safeParse(decoded);
      if (!parsed.success) throw invalidCursor();
      return fromPayload(parsed.data);
    },
  };
}

/** The usual position: rows ordered by creation time, the id breaking ties. */
export interface CreatedAtCursor {
  createdAt: Date;
  id: string;
}

const createdAtCursor = cursorCodec(
  z.strictObject({ createdAt: z.iso.datetime(), id: z.uuid() }),
  (position: CreatedAtCursor) => ({ createdAt: position.createdAt.toISOString(), id: position.id }),
  ({ createdAt, id }) => ({ createdAt: new Date(createdAt), id }),
);

export const encodeCursor = (position: CreatedAtCursor): string => createdAtCursor.encode(position);

/** @throws DomainError VALIDATION_FAILED when the token is not one `encodeCursor` made. */
export const decodeCursor = (cursor: string): CreatedAtCursor => createdAtCursor.decode(cursor);
