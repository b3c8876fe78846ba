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

export const ticketsConfigSchema = z.object({
  PORT: port(3003),
  HOST: host,
  APP_ENV: appEnv,
  LOG_LEVEL: logLevel,
  DATABASE_URL: postgresUrl('mg_tickets'),
  NATS_URL: natsUrl,
  TEMPORAL_ADDRESS: temporalAddress,
  TEMPORAL_NAMESPACE: temporalNamespace,
  ...tokenVerification,
});

export type TicketsConfig = z.infer<typeof ticketsConfigSchema>;
