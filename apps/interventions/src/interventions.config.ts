import { z } from 'zod';
import { domainServiceVariables, httpUrl } from '@mg/shared-config';

export const interventionsConfigSchema = z.object({
  ...domainServiceVariables({ port: 3004, database: 'mg_interventions' }),
  /** Where a billet's developer is checked to be a developer or project manager (R12). */
  IDENTITY_URL: httpUrl('http://127.0.0.1:3001'),
  /** Where a billet's developer is checked to be a member of the ticket's project (R12). */
  CONTRACTS_URL: httpUrl('http://127.0.0.1:3002'),
  /** Where a billet's ticket is read, with the caller's token (number, project, R11). */
  TICKETS_URL: httpUrl('http://127.0.0.1:3003'),
});

export type InterventionsConfig = z.infer<typeof interventionsConfigSchema>;
