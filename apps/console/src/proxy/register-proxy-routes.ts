import httpProxy, { type FastifyHttpProxyOptions } from '@fastify/http-proxy';
import { Logger } from '@nestjs/common';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainError } from '@mg/shared-kernel';
import { PROBLEM_CONTENT_TYPE, REQUEST_ID_HEADER, toProblem } from '@mg/shared-http';
import { type UpstreamUrls } from '../upstreams/upstreams';
import { type ProxyQuery, type ProxyRoute } from './proxy-routes';

const logger = new Logger('Proxy');
const CONNECT_TIMEOUT_MS = 3_000;

export interface ProxyOptions {
  routes: readonly ProxyRoute[];
  upstreams: UpstreamUrls;
  /** Headers and body deadline for one forwarded request (connecting gets at most 3 s). */
  timeoutMs: number;
}

const replyOptions: FastifyHttpProxyOptions['replyOptions'] = {
  /**
   * Whatever went wrong on the way (refused, reset, timed out), the caller learns the same thing:
   * the service is unavailable, retry later. Details stay in the log.
   */
  onError: (reply, { error }) => {
    const { request } = reply;
    logger.warn({ err: error, requestId: request.id, url: request.url }, 'Upstream unavailable');
    const problem = toProblem(
      new DomainError('SERVICE_UNAVAILABLE', 'The owning service did not answer.'),
      request.id,
    );
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  },
  /**
   * The console's request id goes upstream, so one id follows a request through every log;
   * Authorization and everything else pass through untouched.
   */
  rewriteRequestHeaders: (request, headers) => ({ ...headers, [REQUEST_ID_HEADER]: request.id }),
  // An upstream's own 503 is its answer to pass on, not a reason to ask again.
  retryDelay: () => null,
};

/**
 * Where a route forwards: one fixed upstream, or (`upstreamFor`) one picked per request through
 * `getUpstream`. The latter registers no base upstream: `@fastify/reply-from` would otherwise send
 * every request to the base's origin, whatever `getUpstream` answers.
 */
function upstreamOptions(
  route: ProxyRoute,
  upstreams: UpstreamUrls,
): Pick<FastifyHttpProxyOptions, 'upstream' | 'replyOptions'> {
  if ('upstream' in route) return { upstream: upstreams[route.upstream], replyOptions };
  const { upstreamFor } = route;
  return {
    upstream: '',
    replyOptions: {
      ...replyOptions,
      getUpstream: (request) => upstreams[upstreamFor(request.query as ProxyQuery)],
    },
  };
}

/** One `@fastify/http-proxy` registration per prefix, keeping the path as it is. */
export async function registerProxyRoutes(
  app: NestFastifyApplication,
  { routes, upstreams, timeoutMs }: ProxyOptions,
): Promise<void> {
  for (const route of routes) {
    await app.register(httpProxy, {
      ...upstreamOptions(route, upstreams),
      prefix: route.prefix,
      rewritePrefix: route.prefix,
      undici: {
        // A service that is down is known at once; one that works may take its time.
        connect: { timeout: Math.min(timeoutMs, CONNECT_TIMEOUT_MS) },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      },
    });
  }
}
