-- migrate:up
-- btree_gist lets one GiST index compare uuids and enums with `=` next to date ranges with `&&`:
-- what the R2 exclusion constraint below needs.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE "contract_type" AS ENUM ('CORRECTIVE', 'EVOLUTIVE');

CREATE TABLE "projects" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "client" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "projects_created_at_id_idx" ON "projects"("created_at", "id");

CREATE TABLE "project_members" (
    "project_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_members_pkey" PRIMARY KEY ("project_id", "user_id"),
    CONSTRAINT "project_members_project_id_fkey" FOREIGN KEY ("project_id")
        REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- "Which projects may this user see?" is asked on every read by a non-admin.
CREATE INDEX "project_members_user_id_idx" ON "project_members"("user_id");

CREATE TABLE "warranty_contracts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "type" "contract_type" NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "sla_hours" DECIMAL(7,2) NOT NULL,
    "resolution_hours" DECIMAL(7,2),
    "coverage" TEXT NOT NULL,
    "exclusions" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "warranty_contracts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "warranty_contracts_project_id_fkey" FOREIGN KEY ("project_id")
        REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- R1 and R4 are checked by the domain first; these keep a buggy writer from storing nonsense.
    CONSTRAINT "warranty_contracts_dates_check" CHECK ("end_date" > "start_date"),
    CONSTRAINT "warranty_contracts_sla_hours_check" CHECK ("sla_hours" > 0),
    CONSTRAINT "warranty_contracts_resolution_hours_check"
        CHECK ("resolution_hours" IS NULL OR "resolution_hours" > "sla_hours"),
    -- R2, enforced where concurrent writers cannot race past it: two contracts of the same type
    -- on the same project may not share a day (inclusive ranges). Violations raise SQLSTATE 23P01.
    CONSTRAINT "warranty_contracts_no_overlap" EXCLUDE USING gist (
        "project_id" WITH =,
        "type" WITH =,
        daterange("start_date", "end_date", '[]') WITH &&
    )
);

CREATE INDEX "warranty_contracts_created_at_id_idx" ON "warranty_contracts"("created_at", "id");

-- migrate:down
DROP TABLE "warranty_contracts";

DROP TABLE "project_members";

DROP TABLE "projects";

DROP TYPE "contract_type";
