import { type WorkerOptions } from '@temporalio/worker';

/**
 * The module the worker hands to Temporal's bundler (`workflowsPath`). Resolved here, beside the
 * workflows, so the worker never reaches into this library with a relative path; it points at
 * the TypeScript source under Jest and at the compiled file at run time.
 */
export const TICKET_LIFECYCLE_WORKFLOWS_PATH = require.resolve('./workflows');

/**
 * Export conditions for bundling from the TypeScript sources: the workspace libraries the
 * workflow imports resolve to their sources too (`@mg/source`), as they do for Jest, so no prior
 * build is needed. Temporal's bundler compiles `.ts` itself.
 */
const SOURCE_CONDITIONS = [
  '@mg/source',
  'webpack',
  'browser',
  'import',
  'require',
  'module',
  'default',
];

/**
 * The bundler options to pass with `TICKET_LIFECYCLE_WORKFLOWS_PATH`: none for the compiled
 * code, the source conditions when running from the sources (tests, `ts-node`).
 */
export const TICKET_LIFECYCLE_BUNDLER_OPTIONS: NonNullable<WorkerOptions['bundlerOptions']> =
  TICKET_LIFECYCLE_WORKFLOWS_PATH.endsWith('.ts')
    ? {
        webpackConfigHook: (config) => ({
          ...config,
          resolve: { ...config.resolve, conditionNames: SOURCE_CONDITIONS },
        }),
      }
    : {};
