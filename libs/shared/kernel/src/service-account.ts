import { uuidV5 } from './uuid-v5';

/** The services that may ask identity for a token of their own (`POST /auth/service-token`). */
export const SERVICE_ACCOUNTS = ['contracts', 'tickets', 'interventions'] as const;
export type ServiceAccount = (typeof SERVICE_ACCOUNTS)[number];

/** A fixed namespace for the service accounts' ids; never reuse it for anything else. */
export const SERVICE_ACCOUNT_NAMESPACE = '8c1e0f7a-52d4-4c3b-a6e9-1d7f4b2c9e05';

/**
 * The subject of a service's own token: the actor of what a service does on its own (an SLA
 * escalation, a contract alert), as audit rows and events name it.
 */
export function serviceAccountId(service: ServiceAccount): string {
  return uuidV5(`service:${service}`, SERVICE_ACCOUNT_NAMESPACE);
}
