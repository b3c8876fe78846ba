/**
 * `@mg/ticket-lifecycle-workflow`: the ticket-lifecycle workflow code, importable by the worker
 * (which bundles it) and by its tests. Nothing here may be imported from workflow code itself.
 */
import { INTERVENTIONS_TASK_QUEUE, TICKETS_TASK_QUEUE } from './ticket-lifecycle.activities';

/** The Temporal task queue on which the ticket-lifecycle workflows run. */
export const TICKET_LIFECYCLE_TASK_QUEUE = 'ticket-lifecycle';

/** The three task queues of the ticket lifecycle: the workflow's and each service's activities. */
export interface TicketLifecycleTaskQueues {
  workflow: string;
  tickets: string;
  interventions: string;
}

/**
 * The task queues under a prefix (config `TEMPORAL_PREFIX`, empty in production):
 * tests and a second system on the same Temporal server use their own, so no worker ever picks
 * up another system's tasks.
 */
export const ticketLifecycleTaskQueues = (prefix = ''): TicketLifecycleTaskQueues => ({
  workflow: `${prefix}${TICKET_LIFECYCLE_TASK_QUEUE}`,
  tickets: `${prefix}${TICKETS_TASK_QUEUE}`,
  interventions: `${prefix}${INTERVENTIONS_TASK_QUEUE}`,
});

export * from './ticket-lifecycle.activities';
export * from './ticket-lifecycle.bundle';
export * from './ticket-lifecycle.client';
export * from './ticket-lifecycle.definitions';
