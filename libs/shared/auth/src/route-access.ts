import { type Reflector } from '@nestjs/core';
import { type Permission } from '@mg/shared-kernel';
import { PERMISSION_KEY, PUBLIC_KEY } from './route-access.decorators';

/** What a route declares about who may call it; `undeclared` is refused. */
export type RouteAccess =
  { kind: 'public' } | { kind: 'permission'; permission: Permission } | { kind: 'undeclared' };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest metadata targets are any class or method
type MetadataTarget = Function;

/** Reads the access decorators of a route; the handler's own declaration wins over its class's. */
export function routeAccessOf(
  reflector: Reflector,
  handler: MetadataTarget,
  controller: MetadataTarget,
): RouteAccess {
  for (const target of [handler, controller]) {
    const permission = reflector.get<Permission | undefined>(PERMISSION_KEY, target);
    if (permission) return { kind: 'permission', permission };
    if (reflector.get<boolean | undefined>(PUBLIC_KEY, target)) return { kind: 'public' };
  }
  return { kind: 'undeclared' };
}
