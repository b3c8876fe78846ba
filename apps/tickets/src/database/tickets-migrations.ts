import { AUDIT_MIGRATIONS_DIR } from '@mg/shared-audit';
import { IDEMPOTENCY_MIGRATIONS_DIR } from '@mg/shared-idempotency';
import { OUTBOX_MIGRATIONS_DIR } from '@mg/shared-outbox';
import { TICKETS_MIGRATIONS_DIR } from '@mg/tickets-data-access';

/**
 * Everything the tickets database is made of, applied together at start-up: the service's own
 * tables and those of the shared mechanisms it uses (audit trail, idempotency keys, outbox).
 */
export const TICKETS_DATABASE_MIGRATIONS: readonly string[] = [
  TICKETS_MIGRATIONS_DIR,
  AUDIT_MIGRATIONS_DIR,
  IDEMPOTENCY_MIGRATIONS_DIR,
  OUTBOX_MIGRATIONS_DIR,
];
