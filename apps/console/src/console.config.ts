import { z } from 'zod';
import { appEnv, host, httpUrl, logLevel, port } from '@mg/shared-config';

export const consoleConfigSchema = z.object({
  PORT: port(3000),
  HOST: host,
  APP_ENV: appEnv,
  LOG_LEVEL: logLevel,
  IDENTITY_URL: httpUrl('http://127.0.0.1:3001'),
  CONTRACTS_URL: httpUrl('http://127.0.0.1:3002'),
  TICKETS_URL: httpUrl('http://127.0.0.1:3003'),
  INTERVENTIONS_URL: httpUrl('http://127.0.0.1:3004'),
  /** Linked from the index page; opened by a browser, so the address people can reach. */
  TEMPORAL_UI_URL: httpUrl('http://localhost:8233'),
  /**
   * A forwarded request fails with 503 once its service has been silent this long. Longer than
   * the 30 s a service waits on a ticket's workflow step, so the service's own answer gets through.
   */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(35_000),
});

export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;
