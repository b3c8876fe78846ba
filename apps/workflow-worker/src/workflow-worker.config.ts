import { z } from 'zod';
import {
  appEnv,
  host,
  logLevel,
  port,
  temporalAddress,
  temporalNamespace,
  temporalPrefix,
} from '@mg/shared-config';

export const workflowWorkerConfigSchema = z.object({
  /** Serves `/health` and `/ready` only. */
  PORT: port(3005),
  HOST: host,
  APP_ENV: appEnv,
  LOG_LEVEL: logLevel,
  TEMPORAL_ADDRESS: temporalAddress,
  TEMPORAL_NAMESPACE: temporalNamespace,
  TEMPORAL_PREFIX: temporalPrefix,
});

export type WorkflowWorkerConfig = z.infer<typeof workflowWorkerConfigSchema>;
