import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';

/**
 * A small connection pool to the service's own database, closed with the app. Readiness proves
 * through it that the database answers; the repositories' Prisma client takes over that role
 * when the service starts storing data.
 */
export class DatabasePool implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabasePool.name);
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: 2,
      // Readiness has a 1 s deadline: fail at that pace rather than queue behind a dead server.
      connectionTimeoutMillis: 1_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection dropped by the server is reported here; unhandled, it would crash us.
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'Idle connection lost'));
  }

  query(sql: string): Promise<unknown> {
    return this.pool.query(sql);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
