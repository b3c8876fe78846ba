import { z } from 'zod';

const name = z.string().trim().min(1, { error: 'must not be empty' }).max(200);
const client = z.string().trim().min(1, { error: 'must not be empty' }).max(200);

const memberIds = z
  .array(z.uuid())
  .max(1000)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'must not contain duplicates' });

/** POST /projects. Server-owned fields (`id`, `createdAt`, …) are refused. */
export const createProjectSchema = z.strictObject({
  name,
  client: client.nullable().optional(),
  memberIds: memberIds.optional(),
});

export type CreateProjectInput = z.infer<typeof createProjectSchema>;

/**
 * PATCH /projects/:id. `client: null` clears the client; `memberIds`, when given, replaces the
 * whole member list (PUT/DELETE on /members change one member at a time).
 */
export const updateProjectSchema = z.strictObject({
  name: name.optional(),
  client: client.nullable().optional(),
  memberIds: memberIds.optional(),
});

export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;
