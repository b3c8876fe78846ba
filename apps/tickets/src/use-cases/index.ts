import { CloseTicketUseCase } from './close-ticket/close-ticket.use-case';
import { CreateTicketUseCase } from './create-ticket/create-ticket.use-case';
import { GetTicketHistoryUseCase } from './get-ticket-history/get-ticket-history.use-case';
import { GetTicketStatsUseCase } from './get-ticket-stats/get-ticket-stats.use-case';
import { GetTicketUseCase } from './get-ticket/get-ticket.use-case';
import { auditProjectScopeProvider } from './list-audit-entries/audit-project-scope';
import { ListTicketsUseCase } from './list-tickets/list-tickets.use-case';
import { RecordTicketStepUseCase } from './record-ticket-step/record-ticket-step.use-case';
import { RejectTicketUseCase } from './reject-ticket/reject-ticket.use-case';
import { ReopenTicketUseCase } from './reopen-ticket/reopen-ticket.use-case';
import { TicketAccess } from './ticket-access';
import { TicketDecision } from './ticket-decision';

/** Every use case of the service, one folder each, and what they share, registered as providers. */
export const USE_CASES = [
  TicketAccess,
  TicketDecision,
  CreateTicketUseCase,
  ListTicketsUseCase,
  GetTicketUseCase,
  GetTicketHistoryUseCase,
  CloseTicketUseCase,
  RejectTicketUseCase,
  ReopenTicketUseCase,
  RecordTicketStepUseCase,
  GetTicketStatsUseCase,
  auditProjectScopeProvider,
];
