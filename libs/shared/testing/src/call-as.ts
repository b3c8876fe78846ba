import { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';

/** Calls the service under test as `user` (a request without token when `user` is undefined). */
export type CallAs<User> = (
  user: User | undefined,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

/**
 * A test context's `call`: the app in-process, with the `Authorization` header of the user
 * (`authorizationOf` finds it) and `payload`, when given, as the JSON body.
 */
export function callAs<User>(
  http: FastifyInstance,
  authorizationOf: (user: User) => string | Promise<string>,
): CallAs<User> {
  return async (user, method, url, payload, headers = {}) =>
    http.inject({
      method,
      url,
      headers: { ...(user ? { authorization: await authorizationOf(user) } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
}
