import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  Inject,
  Logger,
  Optional,
} from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { type AuthenticatedUser, type RequestWithUser, TokenVerifier } from '@mg/shared-auth';
import { type SqlExecutor } from '@mg/shared-database';
import { ProblemDetailsFilter, toProblem } from '@mg/shared-http';
import { AuditTrail } from '../audit-trail';
import { AUDIT_EXECUTOR, AUDIT_OPTIONS, type ResolvedAuditOptions } from './audit.tokens';

/** What `@Audited()` says about a route: the action its refusals are recorded under. */
export interface AuditedRoute {
  /** e.g. `contract.create`. */
  action: string;
  /** e.g. `Contract`. */
  entityType: string;
  /** The route parameter holding the entity id (`id` for `/contracts/:id`), if any. */
  entityIdParam?: string;
  /**
   * Where the request names the project concerned (`{ param: 'id' }` for `/projects/:id`,
   * `{ body: 'projectId' }` for a contract creation), so that the project's managers see the
   * refusal in their audit view, not only admins. It is the project the caller asked about.
   */
  projectIdFrom?: { param: string } | { body: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type AuditedRequest = FastifyRequest & RequestWithUser;

/**
 * Records the refusals of one `@Audited()` route, then answers exactly as the app-wide
 * `ProblemDetailsFilter` would. It is a route-level filter (a subclass per route, made by
 * `@Audited()`) rather than an interceptor because guards run before interceptors: a role refused
 * by the access guard must be recorded too. The row is written with the module's executor, outside
 * the business transaction, which has rolled back. Failing to write it is logged, not answered:
 * the caller still gets the refusal.
 */
@Catch()
export abstract class AuditRefusalsFilter implements ExceptionFilter {
  protected abstract readonly route: AuditedRoute;
  private readonly logger = new Logger('AuditRefusals');
  private readonly problems = new ProblemDetailsFilter();

  constructor(
    @Inject(AUDIT_EXECUTOR) private readonly executor: SqlExecutor,
    @Inject(AUDIT_OPTIONS) private readonly options: ResolvedAuditOptions,
    @Optional() @Inject(TokenVerifier) private readonly tokens?: TokenVerifier,
  ) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    if (host.getType() === 'http') {
      await this.recordIfRefused(error, host.switchToHttp().getRequest<AuditedRequest>());
    }
    this.problems.catch(error, host);
  }

  private async recordIfRefused(error: unknown, request: AuditedRequest): Promise<void> {
    const problem = toProblem(error, request.id);
    if (!this.options.refusalStatuses.includes(problem.status)) return;
    try {
      const caller = request.user ?? (await this.callerBehindGuardRefusal(request));
      // Nobody to attribute the refusal to (no token on a closed route): nothing to audit.
      if (!caller) return;
      await AuditTrail.recordRefusal(this.executor, {
        actor: { id: caller.id, role: caller.role },
        action: this.route.action,
        entityType: this.route.entityType,
        entityId: this.entityIdOf(request),
        projectId: this.projectIdOf(request),
        statusCode: problem.status,
        reason: problem.code,
        requestId: request.id,
      });
    } catch (failure) {
      this.logger.error(
        { err: failure, requestId: request.id, action: this.route.action },
        'Could not record a refusal in the audit trail',
      );
    }
  }

  /**
   * The access guard refuses a role before it attaches the caller to the request, so the token is
   * read again here (a signature check against cached keys; only on refusals).
   */
  private async callerBehindGuardRefusal(
    request: AuditedRequest,
  ): Promise<AuthenticatedUser | undefined> {
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    if (!token || !this.tokens) return undefined;
    return this.tokens.verify(token).catch(() => undefined);
  }

  private projectIdOf(request: AuditedRequest): string | undefined {
    const from = this.route.projectIdFrom;
    if (from === undefined) return undefined;
    const source = 'param' in from ? request.params : request.body;
    const value = (source as Record<string, unknown> | undefined)?.[
      'param' in from ? from.param : from.body
    ];
    return typeof value === 'string' && UUID.test(value) ? value : undefined;
  }

  private entityIdOf(request: AuditedRequest): string | null {
    const parameter = this.route.entityIdParam;
    if (parameter === undefined) return null;
    const value = (request.params as Record<string, unknown> | undefined)?.[parameter];
    return typeof value === 'string' ? value : null;
  }
}
