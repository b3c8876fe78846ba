-- migrate:up
CREATE TYPE "role" AS ENUM ('ADMIN', 'PROJECT_MANAGER', 'DEVELOPER', 'SUPPORT', 'CLIENT');

CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE INDEX "users_created_at_id_idx" ON "users"("created_at", "id");

-- migrate:down
DROP TABLE "users";

DROP TYPE "role";
