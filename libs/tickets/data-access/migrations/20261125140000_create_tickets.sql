-- migrate:up
CREATE TYPE "ticket_severity" AS ENUM ('MINOR', 'MAJOR', 'CRITICAL');

CREATE TYPE "ticket_origin" AS ENUM ('CLIENT', 'MONITORING', 'INTERNAL');

CREATE TYPE "ticket_status" AS ENUM ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED');

-- R5: numbers come from a counter row bumped by `UPDATE … RETURNING` in the transaction that
-- inserts the ticket, never from count() + 1. The row lock queues concurrent creators, and a
-- rolled-back creation gives its value back, so committed numbers have no gaps.
CREATE TABLE "number_sequences" (
    "name" TEXT NOT NULL,
    "last_value" BIGINT NOT NULL,

    CONSTRAINT "number_sequences_pkey" PRIMARY KEY ("name"),
    CONSTRAINT "number_sequences_last_value_check" CHECK ("last_value" >= 0)
);

INSERT INTO "number_sequences" ("name", "last_value") VALUES ('ticket', 0);

CREATE TABLE "tickets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "project_id" UUID NOT NULL,
    "contract_id" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "severity" "ticket_severity" NOT NULL,
    "origin" "ticket_origin" NOT NULL,
    "status" "ticket_status" NOT NULL,
    "billable" BOOLEAN NOT NULL,
    "rejection_reason" TEXT,
    "assignee_id" UUID,
    "created_by_id" UUID NOT NULL,
    "sla_deadline" TIMESTAMPTZ(3),
    "resolution_deadline" TIMESTAMPTZ(3),
    "validated_report_id" UUID,
    "first_billet_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "rejected_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tickets_sequence_check" CHECK ("sequence" > 0)
);

CREATE UNIQUE INDEX "tickets_number_key" ON "tickets"("number");

CREATE UNIQUE INDEX "tickets_sequence_key" ON "tickets"("sequence");

-- The list filters (SPEC §7): by project, status and severity, paged in (created_at, id) order.
CREATE INDEX "tickets_created_at_id_idx" ON "tickets"("created_at", "id");

CREATE INDEX "tickets_project_id_created_at_id_idx" ON "tickets"("project_id", "created_at", "id");

CREATE INDEX "tickets_status_idx" ON "tickets"("status");

CREATE INDEX "tickets_severity_idx" ON "tickets"("severity");

-- migrate:down
DROP TABLE "tickets";

DROP TABLE "number_sequences";

DROP TYPE "ticket_status";

DROP TYPE "ticket_origin";

DROP TYPE "ticket_severity";
