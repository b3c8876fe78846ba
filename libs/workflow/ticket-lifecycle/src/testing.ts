/**
 * `@mg/ticket-lifecycle-workflow/testing`: for the services' integration tests, which drive real
 * ticket workflows on the real Temporal server without a built worker process.
 */
export {
  bundleTicketLifecycleWorkflows,
  recordingActivities,
  type ActivityCall,
  type TicketLifecycleActivities,
} from './test-fixtures/ticket-lifecycle.harness';
