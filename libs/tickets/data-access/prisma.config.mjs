// The Prisma CLI's configuration (Prisma 7; JavaScript so the type-aware lint does not need a
// tsconfig for it). Only `prisma generate` is used: migrations are the dbmate SQL files in
// ./migrations, applied by the service at start-up.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mg_tickets',
  },
});
