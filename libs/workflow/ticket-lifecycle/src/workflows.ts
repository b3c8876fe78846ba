/**
 * The workflow bundle's entry module: the worker bundles exactly what this file exports, and every
 * export is a workflow type the `ticket-lifecycle` task queue can run.
 *
 * This code runs in Temporal's deterministic sandbox. It may import only other workflow code,
 * `@temporalio/workflow` and pure domain libraries; Node built-ins are refused by the lint, and
 * activities are referenced by type only (`proxyActivities<TicketLifecycleActivities>()`).
 */
export { ticketLifecycleWorkflow } from './ticket-lifecycle.workflow';
