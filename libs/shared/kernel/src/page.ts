import { z } from 'zod';
import { MAX_CURSOR_LENGTH } from './cursor';

/** SPEC §7 list parameters: `limit` 1..100 (default 20) and an optional `cursor`. */
export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(MAX_CURSOR_LENGTH).optional(),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;

/** SPEC §7 list answer; `nextCursor` is null on the last page. */
export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * Builds a page from up to `limit + 1` rows fetched in cursor order: the extra row is not
 * returned, it only says that another page follows, whose cursor is the last returned item's.
 */
export function toPage<Row>(
  rows: readonly Row[],
  limit: number,
  cursorOf: (row: Row) => string,
): Page<Row> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last !== undefined ? cursorOf(last) : null;
  return { items, nextCursor };
}
