import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  createProjectSchema,
  listProjectsQuerySchema,
  type Project,
  updateProjectSchema,
} from '@mg/contracts-domain';

/** Request bodies and queries, each made once from the domain's zod schemas. */
export class CreateProjectDto extends createZodDto(createProjectSchema) {}
export class UpdateProjectDto extends createZodDto(updateProjectSchema) {}
export class ListProjectsQueryDto extends createZodDto(listProjectsQuerySchema) {}

export const projectResponseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  client: z.string().nullable(),
  memberIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ProjectResponse = z.infer<typeof projectResponseSchema>;
export class ProjectResponseDto extends createZodDto(projectResponseSchema) {}
export class ProjectPageResponseDto extends createZodDto(
  z.object({ items: z.array(projectResponseSchema), nextCursor: z.string().nullable() }),
) {}

export const toProjectResponse = (project: Project): ProjectResponse => ({
  id: project.id,
  name: project.name,
  client: project.client,
  memberIds: [...project.memberIds],
  createdAt: project.createdAt.toISOString(),
  updatedAt: project.updatedAt.toISOString(),
});
