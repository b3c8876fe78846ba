import { type CreatedAtCursor } from '@mg/shared-kernel';

/** Where a page ends: lists run in (createdAt, id) order, strictly after this position. */
export type ListPosition = CreatedAtCursor;

/** A page request as repositories take it; they read one row more to tell whether another follows. */
export interface ListWindow {
  limit: number;
  after?: ListPosition;
}

/** The `where` clause for rows strictly after `position` in (createdAt, id) order. */
export const afterPosition = (position: ListPosition | undefined) =>
  position
    ? {
        OR: [
          { createdAt: { gt: position.createdAt } },
          { createdAt: position.createdAt, id: { gt: position.id } },
        ],
      }
    : {};

export const LIST_ORDER = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];
