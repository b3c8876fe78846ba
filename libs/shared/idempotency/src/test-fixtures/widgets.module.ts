import { Body, Controller, Inject, Module, Post } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, Public, RequirePermission } from '@mg/shared-auth';
import { type SqlExecutor } from '@mg/shared-database';
import { DomainError } from '@mg/shared-kernel';

export const WIDGETS_EXECUTOR = Symbol('WIDGETS_EXECUTOR');

/** The fixture's own tables: every execution is counted, so "ran once" is checked in the database. */
export const WIDGETS_SQL = `
  CREATE TABLE widget_executions (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE widgets (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
  );
  -- A name listed here fails once with an unexpected error (a transient 5xx), then works.
  CREATE TABLE widget_transient_failures (name TEXT PRIMARY KEY);`;

interface CreateWidget {
  name: string;
  /** How long the handler takes, to make duplicates overlap. */
  delayMs?: number;
  /** Refuse with a domain error (stored and replayed like a success). */
  refuse?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Controller('widgets')
export class WidgetsController {
  constructor(@Inject(WIDGETS_EXECUTOR) private readonly sql: SqlExecutor) {}

  @Post()
  @RequirePermission('tickets:create')
  async create(@Body() body: CreateWidget, @CurrentUser() user: AuthenticatedUser) {
    await this.sql.$executeRawUnsafe('INSERT INTO widget_executions (name) VALUES ($1)', body.name);
    if (body.delayMs) await sleep(body.delayMs);
    if (body.refuse) {
      throw new DomainError('CONTRACT_OVERLAP', `A widget named ${body.name} overlaps.`);
    }
    const failing = await this.sql.$executeRawUnsafe(
      'DELETE FROM widget_transient_failures WHERE name = $1',
      body.name,
    );
    if (failing > 0) throw new Error('transient failure');
    const [widget] = await this.sql.$queryRawUnsafe<object[]>(
      `INSERT INTO widgets (name, created_by) VALUES ($1, $2)
       RETURNING id::text AS id, name, created_by AS "createdBy", created_at AS "createdAt"`,
      body.name,
      user.id,
    );
    return widget;
  }

  @Post('public')
  @Public()
  async publicCreate(@Body() body: CreateWidget) {
    await this.sql.$executeRawUnsafe('INSERT INTO widget_executions (name) VALUES ($1)', body.name);
    return { name: body.name };
  }
}

@Module({ controllers: [WidgetsController] })
export class WidgetsModule {}
