import { z } from 'zod';
import {
  appEnv,
  host,
  logLevel,
  natsUrl,
  port,
  postgresUrl,
  temporalAddress,
  temporalNamespace,
  tokenVerification,
} from '@mg/shared-config';

export const interventionsConfigSchema = z.object({
  PORT: port(3004),
  HOST: host,
  APP_ENV: appEnv,
  LOG_LEVEL: logLevel,
  DATABASE_URL: postgresUrl('mg_interventions'),
  NATS_URL: natsUrl,
  TEMPORAL_ADDRESS: temporalAddress,
  TEMPORAL_NAMESPACE: temporalNamespace,
  ...tokenVerification,
});

export type InterventionsConfig = z.infer<typeof interventionsConfigSchema>;
