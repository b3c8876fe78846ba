import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { toProblem } from './to-problem';

/**
 * The only exception filter: every error thrown while serving an HTTP request, including
 * Fastify's own (parser, body limit, unknown route), leaves as problem+json. Server-side failures
 * are logged with their stack here, because the body deliberately says nothing about them.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(error, request.id);

    if (problem.status >= 500) {
      this.logger.error(
        { err: error, requestId: request.id, code: problem.code },
        'Request failed',
      );
    }
    if (reply.sent) return;
    // RFC 6750: a missing or rejected token is answered with the scheme the client should use.
    if (problem.code === 'UNAUTHENTICATED') void reply.header('www-authenticate', 'Bearer');
    // Headers set before the failure (retry-after from the throttler, x-request-id) are kept.
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}
