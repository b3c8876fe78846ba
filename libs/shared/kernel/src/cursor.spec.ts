import { z } from 'zod';
import { cursorCodec, decodeCursor, encodeCursor } from './cursor';
import { DomainError } from './domain-error';
import { pageQuerySchema, toPage } from './page';

const position = { createdAt: new Date('2026-11-25T10:00:00.123Z'), id: crypto.randomUUID() };
const token = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const refusal = (cursor: string) => {
  try {
    decodeCursor(cursor);
  } catch (error) {
    return error;
  }
  throw new Error('accepted');
};

describe('encodeCursor / decodeCursor', () => {
  it('gives back the position it encoded, as an opaque url-safe token', () => {
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it.each([
    ['not base64url JSON', 'not a cursor!'],
    ['truncated', encodeCursor(position).slice(0, 10)],
    ['a wrong field type', token({ createdAt: 42, id: position.id })],
    [
      'an extra field',
      token({ createdAt: position.createdAt.toISOString(), id: position.id, x: 1 }),
    ],
    ['a non-uuid id', token({ createdAt: position.createdAt.toISOString(), id: "1' or '1'='1" })],
    ['far too long', 'a'.repeat(501)],
  ])('refuses a cursor that is %s with VALIDATION_FAILED on `cursor`', (_case, cursor) => {
    const error = refusal(cursor);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'cursor', message: 'Invalid cursor' }],
    });
  });

  it('supports other positions through cursorCodec', () => {
    const bySequence = cursorCodec(
      z.strictObject({ seq: z.string().regex(/^\d+$/) }),
      (seq: bigint) => ({ seq: seq.toString() }),
      ({ seq }) => BigInt(seq),
    );
    expect(bySequence.decode(bySequence.encode(12345678901234567890n))).toBe(12345678901234567890n);
    expect(() => bySequence.decode(token({ seq: '-1' }))).toThrow(DomainError);
  });
});

describe('pageQuerySchema', () => {
  it('defaults the limit to 20 and coerces query-string numbers', () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 20 });
    expect(pageQuerySchema.parse({ limit: '100', cursor: 'abc' })).toEqual({
      limit: 100,
      cursor: 'abc',
    });
  });

  it.each([{ limit: '0' }, { limit: '101' }, { limit: '2.5' }, { cursor: '' }, { other: 1 }])(
    'refuses %p',
    (query) => {
      expect(pageQuerySchema.safeParse(query).success).toBe(false);
    },
  );
});

describe('toPage', () => {
  const rows = [1, 2, 3].map((n) => ({ n }));
  const cursorOf = (row: { n: number }) => `after-${row.n}`;

  it('returns `limit` items and the cursor of the last one when another row follows', () => {
    expect(toPage(rows, 2, cursorOf)).toEqual({ items: rows.slice(0, 2), nextCursor: 'after-2' });
  });

  it('has no next cursor on the last page', () => {
    expect(toPage(rows, 3, cursorOf)).toEqual({ items: rows, nextCursor: null });
    expect(toPage([], 3, cursorOf)).toEqual({ items: [], nextCursor: null });
  });
});
