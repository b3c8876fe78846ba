import { z } from 'zod';
import { domainServiceVariables } from '@mg/shared-config';

export const ticketsConfigSchema = z.object({
  ...domainServiceVariables({ port: 3003, database: 'mg_tickets' }),
});

export type TicketsConfig = z.infer<typeof ticketsConfigSchema>;
