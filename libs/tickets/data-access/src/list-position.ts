import { type CreatedAtCursor } from '@mg/shared-kernel';

/** Where a page ends: lists run in (createdAt, id) order, strictly after this position. */
export type ListPosition = CreatedAtCursor;

/** The `where` clause for rows strictly after `position` in (createdAt, id) order. */
export const afterPosition = (position: ListPosition) => ({
  OR: [
    { createdAt: { gt: position.createdAt } },
    { createdAt: position.createdAt, id: { gt: position.id } },
  ],
});
