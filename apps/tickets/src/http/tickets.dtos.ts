import { createZodDto } from 'nestjs-zod';
import {
  closeTicketSchema,
  createTicketSchema,
  getTicketQuerySchema,
  listTicketsQuerySchema,
  ticketReasonSchema,
  ticketStatsQuerySchema,
} from '@mg/tickets-domain';

/** Request bodies and queries, each made once from the domain's zod schemas. */
export class CreateTicketDto extends createZodDto(createTicketSchema) {}
export class GetTicketQueryDto extends createZodDto(getTicketQuerySchema) {}
export class ListTicketsQueryDto extends createZodDto(listTicketsQuerySchema) {}
export class CloseTicketDto extends createZodDto(closeTicketSchema) {}
export class TicketReasonDto extends createZodDto(ticketReasonSchema) {}
export class TicketStatsQueryDto extends createZodDto(ticketStatsQuerySchema) {}
