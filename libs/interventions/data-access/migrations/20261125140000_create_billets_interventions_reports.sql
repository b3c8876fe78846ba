-- migrate:up
CREATE TYPE "billet_type" AS ENUM ('ANALYSIS', 'FIX', 'HOTFIX_DEPLOYMENT');

-- R13 (as R5): numbers come from a counter row bumped by `UPDATE … RETURNING` in the transaction
-- that inserts the billet, never from count() + 1. The row lock queues concurrent issuers, and a
-- rolled-back issue gives its value back, so committed numbers have no gaps.
CREATE TABLE "number_sequences" (
    "name" TEXT NOT NULL,
    "last_value" BIGINT NOT NULL,

    CONSTRAINT "number_sequences_pkey" PRIMARY KEY ("name"),
    CONSTRAINT "number_sequences_last_value_check" CHECK ("last_value" >= 0)
);

INSERT INTO "number_sequences" ("name", "last_value") VALUES ('billet', 0);

CREATE TABLE "billets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "ticket_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "developer_id" UUID NOT NULL,
    "type" "billet_type" NOT NULL,
    "estimated_hours" DECIMAL(7,2) NOT NULL,
    "instructions" TEXT,
    "issued_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "billets_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "billets_sequence_check" CHECK ("sequence" > 0),
    -- R13 is checked by the domain first; this keeps a buggy writer from storing nonsense.
    CONSTRAINT "billets_estimated_hours_check" CHECK ("estimated_hours" > 0)
);

CREATE UNIQUE INDEX "billets_number_key" ON "billets"("number");

CREATE UNIQUE INDEX "billets_sequence_key" ON "billets"("sequence");

-- GET /billets?ticketId=
CREATE INDEX "billets_ticket_id_created_at_idx" ON "billets"("ticket_id", "created_at");

CREATE TABLE "interventions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "billet_id" UUID NOT NULL,
    "actions" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "hours_spent" DECIMAL(7,2) NOT NULL,
    "fix_applied" TEXT,
    "files_changed" TEXT,
    "warnings" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interventions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "interventions_billet_id_fkey" FOREIGN KEY ("billet_id")
        REFERENCES "billets"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- R15 is checked by the domain first; these keep a buggy writer from storing nonsense.
    CONSTRAINT "interventions_ended_after_started_check"
        CHECK ("ended_at" IS NULL OR "ended_at" > "started_at"),
    CONSTRAINT "interventions_hours_spent_check" CHECK ("hours_spent" >= 0)
);

-- GET /interventions?billetId=
CREATE INDEX "interventions_billet_id_created_at_idx" ON "interventions"("billet_id", "created_at");

CREATE TABLE "technical_reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "intervention_id" UUID NOT NULL,
    "initial_problem" TEXT,
    "root_cause" TEXT NOT NULL,
    "solution" TEXT NOT NULL,
    "system_impact" TEXT,
    "future_risks" TEXT,
    "recommendations" TEXT,
    "author_id" UUID NOT NULL,
    "validated_by_id" UUID,
    "validated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "technical_reports_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "technical_reports_intervention_id_fkey" FOREIGN KEY ("intervention_id")
        REFERENCES "interventions"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- Validated by someone, at some time, or not at all.
    CONSTRAINT "technical_reports_validation_check"
        CHECK (("validated_by_id" IS NULL) = ("validated_at" IS NULL))
);

-- R17, held where concurrent writers cannot race past it: one report per intervention.
CREATE UNIQUE INDEX "technical_reports_intervention_id_key" ON "technical_reports"("intervention_id");

-- migrate:down
DROP TABLE "technical_reports";

DROP TABLE "interventions";

DROP TABLE "billets";

DROP TABLE "number_sequences";

DROP TYPE "billet_type";
