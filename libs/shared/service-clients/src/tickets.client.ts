import { z } from 'zod';
import { DEFAULT_TIMEOUT_MS, getFromService, type ServiceLocation } from './service-request';

/** What other services read of a ticket: enough to find and drive its workflow. */
export const ticketSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  projectId: z.uuid(),
  status: z.enum(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED']),
  billable: z.boolean(),
  processable: z.boolean(),
  rejectionReason: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

/** The tickets service's tickets, as the caller may see them. */
export class TicketsClient {
  private readonly service;

  constructor(location: ServiceLocation) {
    this.service = {
      name: 'tickets',
      baseUrl: location.baseUrl,
      timeoutMs: location.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }

  /**
   * Without the workflow's progress: no wait on a workflow worker that is down.
   * @throws DomainError NOT_FOUND when it does not exist or its project is not the caller's
   */
  getTicket(id: string, authorization: string): Promise<TicketSummary> {
    const path = `/tickets/${encodeURIComponent(id)}?progress=false`;
    return getFromService(this.service, path, ticketSummarySchema, {
      authorization,
      notFound: `No ticket has the id ${id}.`,
    });
  }
}
