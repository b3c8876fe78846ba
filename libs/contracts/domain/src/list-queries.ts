import { z } from 'zod';
import { pageQuerySchema } from '@mg/shared-kernel';
import { CONTRACT_TYPES } from './contract.types';

/** `GET /projects?limit=&cursor=`. */
export const listProjectsQuerySchema = pageQuerySchema;
export type ListProjectsQuery = z.infer<typeof listProjectsQuerySchema>;

/** `GET /contracts?projectId=&type=&active=&limit=&cursor=`; unknown parameters are refused. */
export const listContractsQuerySchema = pageQuerySchema.extend({
  projectId: z.uuid().optional(),
  type: z.enum(CONTRACT_TYPES).optional(),
  /** R3 on the business day of the request: `true` active only, `false` not active only. */
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type ListContractsQuery = z.infer<typeof listContractsQuerySchema>;
