/**
 * `@mg/ticket-lifecycle-workflow`: the ticket-lifecycle workflow code, importable by the worker
 * (which bundles it) and by its tests. Nothing here may be imported from workflow code itself.
 */

/** The Temporal task queue on which the ticket-lifecycle workflows run. */
export const TICKET_LIFECYCLE_TASK_QUEUE = 'ticket-lifecycle';

/**
 * The module the worker hands to Temporal's bundler (`workflowsPath`). Resolved here, beside the
 * workflows, so the worker never reaches into this library with a relative path; it points at
 * the TypeScript source under Jest and at the compiled file at run time.
 */
export const TICKET_LIFECYCLE_WORKFLOWS_PATH = require.resolve('./workflows');

export * from './ticket-lifecycle.activities';
export * from './ticket-lifecycle.definitions';
