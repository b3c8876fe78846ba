-- migrate:up
-- A ticket's timeline (SPEC §7 GET /tickets/:id/history): its creation, then every step the
-- ticket-lifecycle workflow recorded through the `recordTicketStep` activity. `id` is the
-- workflow's deterministic step id, so a retried activity hits the primary key and writes nothing
-- twice; `position` orders the steps as they were written, whatever their clocks say.
CREATE TABLE "ticket_history" (
    "id" UUID NOT NULL,
    "position" BIGSERIAL NOT NULL,
    "ticket_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    -- NULL for the system (timers), as in the audit trail.
    "actor_id" UUID,
    "actor_role" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,
    "status_after" "ticket_status" NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "ticket_history_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ticket_history_ticket_id_fkey" FOREIGN KEY ("ticket_id")
        REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ticket_history_actor_check" CHECK (("actor_id" IS NULL) = ("actor_role" = 'SYSTEM')),
    CONSTRAINT "ticket_history_details_check" CHECK (jsonb_typeof("details") = 'object')
);

CREATE UNIQUE INDEX "ticket_history_position_key" ON "ticket_history"("position");

-- One ticket's timeline, in order.
CREATE INDEX "ticket_history_ticket_id_position_idx" ON "ticket_history"("ticket_id", "position");

-- migrate:down
DROP TABLE "ticket_history";
