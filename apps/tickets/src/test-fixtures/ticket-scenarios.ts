import { type TestUser } from '@mg/shared-testing';
import {
  issueBilletUpdate,
  recordInterventionUpdate,
  submitReportUpdate,
  type TicketLifecycleInput,
  validateReportUpdate,
} from '@mg/ticket-lifecycle-workflow';
import { type TicketResponse } from '../http/ticket-responses';
import { type TicketsTestContext } from './tickets-test-harness';

/** A ticket body every rule accepts, for `projectId`. */
export const aTicketBody = (projectId: string, overrides: Record<string, unknown> = {}) => ({
  projectId,
  title: 'Checkout fails',
  description: 'The payment page answers 500',
  severity: 'CRITICAL',
  origin: 'CLIENT',
  ...overrides,
});

/** Creates a ticket through the API as `user`; fails the test when it is refused. */
export async function createTicket(
  context: TicketsTestContext,
  user: TestUser,
  body: Record<string, unknown>,
): Promise<TicketResponse> {
  const response = await context.call(user, 'POST', '/api/v1/tickets', body);
  if (response.statusCode !== 201) throw new Error(`ticket not created: ${response.body}`);
  return response.json<TicketResponse>();
}

const inputOf = (ticket: TicketResponse): TicketLifecycleInput => ({
  ticketId: ticket.id,
  number: ticket.number,
  projectId: ticket.projectId,
  billable: ticket.billable,
});

const actorOf = (user: TestUser) => ({ id: user.id, role: user.role });

/** The first billet, through the workflow (the interventions service's part): OPEN → IN_PROGRESS. */
export async function startWork(
  context: TicketsTestContext,
  ticket: TicketResponse,
  people: { manager: TestUser; developer: TestUser },
): Promise<{ billetId: string }> {
  return context.lifecycle.update(inputOf(ticket), issueBilletUpdate, {
    actor: actorOf(people.manager),
    requestId: null,
    developerId: people.developer.id,
    type: 'FIX',
    estimatedHours: 2,
  });
}

/**
 * Intervention, report and its validation by the manager (R18), through the workflow: the
 * ticket ends RESOLVED with a validated report. Starts the work first when `billetId` is not given.
 */
export async function resolveTicket(
  context: TicketsTestContext,
  ticket: TicketResponse,
  people: { manager: TestUser; developer: TestUser },
  billetId?: string,
): Promise<{ reportId: string }> {
  const input = inputOf(ticket);
  const billet = billetId ?? (await startWork(context, ticket, people)).billetId;
  const { interventionId } = await context.lifecycle.update(input, recordInterventionUpdate, {
    actor: actorOf(people.developer),
    billetId: billet,
    actions: 'Fixed the rounding of card amounts',
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    hoursSpent: 1,
  });
  const { reportId } = await context.lifecycle.update(input, submitReportUpdate, {
    actor: actorOf(people.developer),
    interventionId,
    rootCause: 'Amounts rounded twice',
    solution: 'Round once, at checkout',
  });
  await context.lifecycle.update(input, validateReportUpdate, {
    actor: actorOf(people.manager),
    reportId,
  });
  return { reportId };
}
