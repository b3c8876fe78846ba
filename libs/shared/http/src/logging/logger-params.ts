import { type IncomingMessage, type ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { type Params } from 'nestjs-pino';
import pino, { type DestinationStream, type Level } from 'pino';
import { requestIdFrom, REQUEST_ID_HEADER } from '../request-id/request-id';

export type LogLevel = Level | 'silent';

/** Secrets that must never reach a log line, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'authorization',
  'password',
  '*.password',
  '*.*.password',
];

const QUIET_PATHS = new Set(['/health', '/ready']);

/** Fastify has already chosen the id (see genReqId); reuse it so logs and headers agree. */
const requestIdOf = (request: IncomingMessage): string => {
  const assigned = (request as IncomingMessage & { id?: unknown }).id;
  return typeof assigned === 'string'
    ? assigned
    : requestIdFrom(request.headers[REQUEST_ID_HEADER]);
};

/** A dependency being down (503) is worth a warning; our own failures are errors. */
const levelFor = (response: ServerResponse): 'info' | 'warn' | 'error' => {
  if (response.statusCode === 503) return 'warn';
  return response.statusCode >= 500 ? 'error' : 'info';
};

/**
 * nestjs-pino settings: one JSON line per request and per application log, each carrying
 * `service` and `requestId`. Requests are summarised (method, url, status, time), never their
 * bodies or headers, so personal data and tokens stay out of the logs.
 */
export function loggerParams(
  serviceName: string,
  level: LogLevel,
  destination?: DestinationStream,
): Params {
  const options = {
    level,
    base: { service: serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    genReqId: requestIdOf,
    customAttributeKeys: { reqId: 'requestId' },
    // Application logs made during a request then carry only `requestId`, not the whole request.
    quietReqLogger: true,
    serializers: {
      req: (request: { method?: string; url?: string }) => ({
        method: request.method,
        url: request.url,
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse) => levelFor(response),
    // pino-http invents an Error ("failed with status code 500") for every 5xx; the real one,
    // with its stack, is logged by ProblemDetailsFilter, so the invented one is dropped.
    customErrorObject: (
      _request: IncomingMessage,
      _response: ServerResponse,
      _error: Error,
      { err: _invented, ...loggable }: Record<string, unknown>,
    ) => loggable,
    autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.has(request.url ?? '') },
  };
  return {
    pinoHttp: destination ? [options, destination] : options,
    // Nest 11 route syntax for "every path"; nestjs-pino's default '*' triggers a warning.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
