import { z } from 'zod';
import { domainServiceVariables } from '@mg/shared-config';

export const interventionsConfigSchema = z.object({
  ...domainServiceVariables({ port: 3004, database: 'mg_interventions' }),
});

export type InterventionsConfig = z.infer<typeof interventionsConfigSchema>;
