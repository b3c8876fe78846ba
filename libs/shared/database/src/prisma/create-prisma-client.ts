import { PrismaPg } from '@prisma/adapter-pg';

export interface PrismaClientOptions {
  /** Connections kept by this process (default 10); PostgreSQL allows ~100 in total. */
  poolSize?: number;
  /** Give up acquiring a connection after this long (default 5 s) instead of waiting forever. */
  connectionTimeoutMs?: number;
  /** Close connections idle for this long (default 30 s). */
  idleTimeoutMs?: number;
  /** PostgreSQL schema the generated queries use (default: the connection's search path). */
  schema?: string;
}

/** What every generated Prisma 7 client constructor accepts. */
export type PrismaClientClass<Client> = new (options: { adapter: PrismaPg }) => Client;

/**
 * A Prisma 7 client over node-postgres (`@prisma/adapter-pg`): no native query engine, so it works
 * offline. Pass the class generated from the context's `schema.prisma`.
 */
export function createPrismaClient<Client>(
  PrismaClient: PrismaClientClass<Client>,
  databaseUrl: string,
  options: PrismaClientOptions = {},
): Client {
  const adapter = new PrismaPg(
    {
      connectionString: databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
      idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    },
    options.schema ? { schema: options.schema } : undefined,
  );
  return new PrismaClient({ adapter });
}
