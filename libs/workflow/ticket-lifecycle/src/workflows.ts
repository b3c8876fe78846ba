/**
 * The workflow bundle's entry module: the worker bundles exactly what this file exports, and every
 * export is a workflow type the `ticket-lifecycle` task queue can run.
 *
 * This code runs in Temporal's deterministic sandbox. It may import only other workflow code,
 * `@temporalio/workflow` and pure domain libraries; Node built-ins are refused by the lint, and
 * activities are referenced by type only (`proxyActivities<typeof activities>()`).
 *
 * The ticket-lifecycle workflow (SPEC §3: billet → intervention → report → validation → closure,
 * SLA timers) is exported from here when it is written; until then the bundle is empty and the
 * worker only polls.
 */
export {};
