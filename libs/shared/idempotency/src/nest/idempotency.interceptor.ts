import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { catchError, defer, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import { type RequestWithUser } from '@mg/shared-auth';
import { type SqlExecutor } from '@mg/shared-database';
import { DomainError, type ErrorCode, type FieldError } from '@mg/shared-kernel';
import { HTTP_STATUS_BY_ERROR_CODE, toProblem } from '@mg/shared-http';
import { idempotencyKeyOf, IDEMPOTENT_REPLAYED_HEADER } from '../idempotency-key';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  type IdempotencyScope,
  releaseIdempotencyKey,
  type StoredResponse,
} from '../idempotency-store';
import { requestFingerprint } from '../request-fingerprint';
import {
  IDEMPOTENCY_EXECUTOR,
  IDEMPOTENCY_OPTIONS,
  type ResolvedIdempotencyOptions,
} from './idempotency.tokens';

type IdempotentRequest = FastifyRequest & RequestWithUser;

interface StoredProblem {
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SPEC §7 `Idempotency-Key`, for every authenticated POST that carries the header (no opt-in
 * needed, so a new route cannot forget it). The first request with a (user, key) executes; a
 * duplicate with the same method, path and body gets the first answer again (same status and
 * body, `Idempotent-Replayed: true`); the same key with another request is refused with 422
 * IDEMPOTENCY_KEY_REUSED. A duplicate arriving while the first still runs waits for it, up to
 * `waitForCompletionMs`, then gets 409 CONFLICT. Domain refusals (4xx) are kept and replayed
 * like successes; a server failure (5xx) releases the key so the client can retry.
 *
 * Replayed refusals are rebuilt as the same `DomainError`, so their problem+json carries the
 * replaying request's own `requestId`. A process that dies mid-request leaves its key
 * IN_PROGRESS until it expires: duplicates get 409 rather than a second execution.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    @Inject(IDEMPOTENCY_EXECUTOR) private readonly executor: SqlExecutor,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: ResolvedIdempotencyOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<IdempotentRequest>();
    if (request.method !== 'POST') return next.handle();
    return defer(() => {
      const key = idempotencyKeyOf(request.headers);
      // Public routes have no caller to scope a key by: they run as if it were absent.
      if (key === undefined || !request.user) return next.handle();
      const scope = { userId: request.user.id, key };
      const fingerprint = requestFingerprint(request.method, request.url, request.body);
      return from(this.claim(scope, fingerprint)).pipe(
        mergeMap((stored) =>
          stored === 'claimed'
            ? this.execute(scope, next, request, http.getResponse<FastifyReply>())
            : this.replay(stored, http.getResponse<FastifyReply>()),
        ),
      );
    });
  }

  /** Takes the key, or waits for the request holding it to finish. */
  private async claim(
    scope: IdempotencyScope,
    fingerprint: string,
  ): Promise<'claimed' | StoredResponse> {
    const deadline = Date.now() + this.options.waitForCompletionMs;
    for (;;) {
      const claim = await claimIdempotencyKey(
        this.executor,
        scope,
        fingerprint,
        this.options.ttlMs,
      );
      switch (claim.kind) {
        case 'claimed':
          return 'claimed';
        case 'completed':
          return claim.response;
        case 'reused':
          throw new DomainError(
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was already used for a different request.',
          );
        case 'in-progress':
        case 'gone':
          if (Date.now() >= deadline) {
            throw new DomainError(
              'CONFLICT',
              'A request with this Idempotency-Key is still being processed. Retry shortly.',
            );
          }
          await sleep(this.options.pollIntervalMs);
      }
    }
  }

  private execute(
    scope: IdempotencyScope,
    next: CallHandler,
    request: IdempotentRequest,
    reply: FastifyReply,
  ): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        from(this.settleFailure(scope, error, request.id)).pipe(
          mergeMap(() => throwError(() => error)),
        ),
      ),
      // Stored before the answer leaves, so a client that got it and retries gets a replay.
      mergeMap(async (body: unknown) => {
        await completeIdempotencyKey(this.executor, scope, { statusCode: reply.statusCode, body });
        return body;
      }),
    );
  }

  /** Keeps a refusal the client will get again; releases the key after a server failure. */
  private async settleFailure(scope: IdempotencyScope, error: unknown, requestId: string) {
    const problem = toProblem(error, requestId);
    // Kept only if replaying it as a DomainError of the same code answers the same status.
    const replayable =
      problem.status < 500 && HTTP_STATUS_BY_ERROR_CODE[problem.code] === problem.status;
    try {
      if (replayable) {
        const stored: StoredProblem = {
          code: problem.code,
          detail: problem.detail,
          ...(problem.errors ? { errors: problem.errors } : {}),
        };
        await completeIdempotencyKey(this.executor, scope, {
          statusCode: problem.status,
          body: stored,
        });
      } else {
        await releaseIdempotencyKey(this.executor, scope);
      }
    } catch (failure) {
      // The original error still goes to the client; the key expires on its own.
      this.logger.error({ err: failure, requestId }, 'Could not settle an Idempotency-Key');
    }
  }

  private replay(stored: StoredResponse, reply: FastifyReply): Observable<unknown> {
    void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    if (stored.statusCode < 400) return of(stored.body);
    const problem = stored.body as StoredProblem;
    return throwError(() => new DomainError(problem.code, problem.detail, problem.errors));
  }
}
