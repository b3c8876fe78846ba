import { type INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import {
  type DeclaredRoute,
  listDeclaredRoutes,
  PERMISSION_KEY,
  PUBLIC_KEY,
} from '@mg/shared-auth';
import { type Permission } from '@mg/shared-kernel';

export interface RouteWithAccess extends DeclaredRoute {
  /** The SPEC §5 permission the route requires, or `public`. */
  access: Permission | 'public' | 'undeclared';
}

/**
 * Every route the app registered, with the access its decorators declare: the role matrix test
 * is generated from this list, so a new route is tested (or the test fails) without anyone
 * remembering to add it.
 */
export function declaredRoutesWithAccess(app: INestApplicationContext): RouteWithAccess[] {
  const controllers = new Map<string, object>();
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    for (const wrapper of module.controllers.values()) {
      const metatype = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (metatype) controllers.set(metatype.name, metatype.prototype as object);
    }
  }
  return listDeclaredRoutes(app).map((route) => {
    const [controllerName = '', methodName = ''] = route.handler.split('.');
    const prototype = controllers.get(controllerName) as Record<string, object> | undefined;
    const handler = prototype?.[methodName];
    const targets = [handler, prototype?.constructor].filter((target) => target !== undefined);
    for (const target of targets) {
      const permission = Reflect.getMetadata(PERMISSION_KEY, target) as Permission | undefined;
      if (permission) return { ...route, access: permission };
      if (Reflect.getMetadata(PUBLIC_KEY, target) === true) return { ...route, access: 'public' };
    }
    return { ...route, access: 'undeclared' };
  });
}
