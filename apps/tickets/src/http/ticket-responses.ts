import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ROLES } from '@mg/shared-kernel';
import {
  ESCALATION_KINDS,
  ORIGINS,
  SEVERITIES,
  SLA_CLOCKS,
  TICKET_STATUSES,
  type TicketHistoryEntry,
} from '@mg/tickets-domain';
import { type PresentedTicket } from '../use-cases/presented-ticket';

const instant = z.iso.datetime();
const actorSchema = z.union([z.object({ id: z.uuid(), role: z.enum(ROLES) }), z.literal('system')]);

/** What the ticket's workflow answers to its `progress` query (SPEC §9 workflow progress). */
const progressSchema = z
  .object({
    lifecycle: z.object({
      status: z.enum(TICKET_STATUSES),
      validatedReportId: z.uuid().nullable(),
      firstBilletAt: instant.nullable(),
      resolvedAt: instant.nullable(),
      closedAt: instant.nullable(),
      rejectedAt: instant.nullable(),
    }),
    billets: z.array(z.object({ id: z.uuid(), developerId: z.uuid() })),
    interventions: z.array(z.object({ id: z.uuid(), billetId: z.uuid() })),
    reports: z.array(
      z.object({
        id: z.uuid(),
        interventionId: z.uuid(),
        authorId: z.uuid(),
        validatedAt: instant.nullable(),
      }),
    ),
    availableCommands: z.array(z.string()).describe('The lifecycle commands accepted now'),
  })
  .nullable()
  .describe(
    'Only GET /tickets/:id and the decisions ask the workflow; null otherwise or when it cannot answer',
  );

export const ticketResponseSchema = z.object({
  id: z.uuid(),
  number: z.string().meta({ example: 'MAINT-00001' }),
  projectId: z.uuid(),
  contractId: z.uuid().nullable(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(SEVERITIES),
  origin: z.enum(ORIGINS),
  status: z.enum(TICKET_STATUSES),
  billable: z.boolean().describe('R6, decided once at creation'),
  processable: z.boolean().describe('R7: not billable, and neither REJECTED nor CLOSED'),
  rejectionReason: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  createdById: z.uuid(),
  createdAt: instant,
  elapsedHours: z.number().describe('R8: hours since creation, frozen at closure or rejection'),
  slaDeadline: instant.nullable(),
  resolutionDeadline: instant.nullable(),
  slaBreached: z.boolean(),
  escalations: z.array(
    z.object({
      clock: z.enum(SLA_CLOCKS),
      level: z.int(),
      kind: z.enum(ESCALATION_KINDS),
      dueAt: instant,
      firedAt: instant,
      notifiedUserIds: z.array(z.uuid()),
    }),
  ),
  validatedReportId: z.uuid().nullable(),
  firstBilletAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  closedAt: instant.nullable(),
  rejectedAt: instant.nullable(),
  progress: progressSchema,
});
export type TicketResponse = z.infer<typeof ticketResponseSchema>;
export class TicketResponseDto extends createZodDto(ticketResponseSchema) {}
export class TicketPageResponseDto extends createZodDto(
  z.object({ items: z.array(ticketResponseSchema), nextCursor: z.string().nullable() }),
) {}

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export const toTicketResponse = (ticket: PresentedTicket): TicketResponse => ({
  id: ticket.id,
  number: ticket.number,
  projectId: ticket.projectId,
  contractId: ticket.contractId,
  title: ticket.title,
  description: ticket.description,
  severity: ticket.severity,
  origin: ticket.origin,
  status: ticket.status,
  billable: ticket.billable,
  processable: ticket.processable,
  rejectionReason: ticket.rejectionReason,
  assigneeId: ticket.assigneeId,
  createdById: ticket.createdById,
  createdAt: ticket.createdAt.toISOString(),
  elapsedHours: ticket.elapsedHours,
  slaDeadline: iso(ticket.slaDeadline),
  resolutionDeadline: iso(ticket.resolutionDeadline),
  slaBreached: ticket.slaBreached,
  escalations: ticket.escalations.map((escalation) => ({
    ...escalation,
    dueAt: escalation.dueAt.toISOString(),
    firedAt: escalation.firedAt.toISOString(),
    notifiedUserIds: [...escalation.notifiedUserIds],
  })),
  validatedReportId: ticket.validatedReportId,
  firstBilletAt: iso(ticket.firstBilletAt),
  resolvedAt: iso(ticket.resolvedAt),
  closedAt: iso(ticket.closedAt),
  rejectedAt: iso(ticket.rejectedAt),
  progress: ticket.progress,
});

export const historyEntryResponseSchema = z.object({
  id: z.uuid(),
  kind: z.string().meta({ example: 'ticket.closed' }),
  actor: actorSchema,
  at: instant,
  reason: z.string().nullable(),
  statusAfter: z.enum(TICKET_STATUSES),
  details: z.record(z.string(), z.unknown()),
});
export type HistoryEntryResponse = z.infer<typeof historyEntryResponseSchema>;
export class TicketHistoryResponseDto extends createZodDto(
  z.object({ items: z.array(historyEntryResponseSchema) }),
) {}

export const toHistoryEntryResponse = (entry: TicketHistoryEntry): HistoryEntryResponse => ({
  id: entry.id,
  kind: entry.kind,
  actor: entry.actor,
  at: entry.occurredAt.toISOString(),
  reason: entry.reason,
  statusAfter: entry.statusAfter,
  details: { ...entry.details },
});
