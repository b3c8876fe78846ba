import { type InjectOptions, type LightMyRequestResponse } from 'fastify';
import { isAllowed, type Role, ROLES } from '@mg/shared-kernel';
import { type CallAs } from './call-as';
import { type RouteWithAccess } from './declared-access';
import { type TestUser } from './test-auth';

/** `METHOD /path`, as a role matrix test names a route. */
export const routeKey = (route: RouteWithAccess): string => `${route.method} ${route.path}`;

/** Whether SPEC §5 lets `role` call `route` at all (never a public or undeclared one). */
export const mayCall = (role: Role, route: RouteWithAccess): boolean =>
  route.access !== 'undeclared' && route.access !== 'public' && isAllowed(role, route.access);

/**
 * A request every rule accepts, by the `METHOD /path` of its route (the path after `/api/v1`).
 * `mayAct` says whether the caller's role may call the route: a test can then prepare the state
 * a success needs only when one is expected.
 */
export type ValidRequests = Readonly<
  Record<string, (mayAct: boolean) => Promise<{ url: string; payload?: unknown }>>
>;

/** Sends `route`'s valid request as `user`; a route without one fails the test. */
export async function sendValidRequest<User extends TestUser>(
  call: CallAs<User>,
  validRequests: ValidRequests,
  user: User,
  route: RouteWithAccess,
): Promise<LightMyRequestResponse> {
  const build = validRequests[routeKey(route)];
  if (!build) throw new Error(`No valid request for ${routeKey(route)}`);
  const request = await build(mayCall(user.role, route));
  return call(
    user,
    route.method as InjectOptions['method'],
    `/api/v1${request.url}`,
    request.payload,
  );
}

export interface RoleMatrixOptions {
  /** The routes under test, read once `beforeAll` has listed them. */
  routes: () => readonly RouteWithAccess[];
  /** Exactly one per declared route. */
  validRequests: ValidRequests;
  /** Sends the valid request of `route` as the tested project's member of this role. */
  send: (role: Role, route: RouteWithAccess) => Promise<LightMyRequestResponse>;
}

/**
 * The SPEC §5 role matrix over every declared route of a service: each role is answered as the
 * PERMISSIONS table says (a success where allowed, 403 FORBIDDEN elsewhere), and a route added
 * without declared access or without a test request fails it.
 */
export function describeRoleMatrix({ routes, validRequests, send }: RoleMatrixOptions): void {
  describe('SPEC §5 role matrix, for every declared route and every role', () => {
    it('declares a permission on every route and a test request for each', () => {
      expect(routes().filter((route) => route.access === 'undeclared')).toEqual([]);
      expect(routes().map(routeKey).sort()).toEqual(Object.keys(validRequests).sort());
    });

    it.each(ROLES)('answers %s as the PERMISSIONS table says', async (role) => {
      for (const route of routes()) {
        const response = await send(role, route);
        const outcome = `${routeKey(route)} as ${role} → ${response.statusCode} ${response.body.slice(0, 120)}`;
        if (mayCall(role, route)) {
          expect({ outcome, ok: response.statusCode < 300 }).toEqual({ outcome, ok: true });
        } else {
          expect({
            outcome,
            status: response.statusCode,
            code: response.json<{ code: string }>().code,
          }).toEqual({ outcome, status: 403, code: 'FORBIDDEN' });
        }
      }
    });
  });
}

/**
 * Object-level access: every route answers a `role` outside the project 404, as if its objects
 * did not exist, or 403 first where the role may not call the route at all.
 */
export async function expectHiddenFrom(
  role: Role,
  routes: readonly RouteWithAccess[],
  send: (route: RouteWithAccess) => Promise<LightMyRequestResponse>,
): Promise<void> {
  for (const route of routes) {
    const response = await send(route);
    const expected = mayCall(role, route) ? 404 : 403;
    expect(`${routeKey(route)} → ${response.statusCode}`).toBe(`${routeKey(route)} → ${expected}`);
  }
}

/** Every route succeeds (2xx): an admin sees and acts on every project, member or not. */
export async function expectEverySuccess(
  routes: readonly RouteWithAccess[],
  send: (route: RouteWithAccess) => Promise<LightMyRequestResponse>,
): Promise<void> {
  for (const route of routes) {
    const response = await send(route);
    expect(`${routeKey(route)} → ${response.statusCode}`).toMatch(/→ 2\d\d$/);
  }
}
