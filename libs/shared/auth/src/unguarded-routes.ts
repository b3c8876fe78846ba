import { type INestApplicationContext, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { routeAccessOf } from './route-access';

/** One HTTP route of an app, with the access it declares. */
export interface DeclaredRoute {
  method: string;
  path: string;
  handler: string;
}

/**
 * Every controller route that has neither `@Public()` nor `@RequirePermission()`. The guard already
 * refuses them at run time; each service's tests assert this list is empty so the mistake is
 * caught before anyone calls the route.
 */
export function listUnguardedRoutes(app: INestApplicationContext): DeclaredRoute[] {
  const reflector = app.get(Reflector, { strict: false });
  return listRoutes(app)
    .filter(
      ({ access }) =>
        routeAccessOf(reflector, access.handler, access.controller).kind === 'undeclared',
    )
    .map(({ route }) => route);
}

/** All controller routes of an app (the global prefix is not included). */
export function listDeclaredRoutes(app: INestApplicationContext): DeclaredRoute[] {
  return listRoutes(app).map(({ route }) => route);
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- controller methods of any shape
type Method = Function;

function listRoutes(app: INestApplicationContext) {
  const modules = app.get(ModulesContainer, { strict: false });
  const scanner = new MetadataScanner();
  const routes: { route: DeclaredRoute; access: { handler: Method; controller: Method } }[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, Method>;
      const base = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (!handler || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const prefix of base) {
          for (const suffix of pathsOf(Reflect.getMetadata(PATH_METADATA, handler))) {
            routes.push({
              route: {
                method,
                path: joinPath(prefix, suffix),
                handler: `${controller.name}.${name}`,
              },
              access: { handler, controller },
            });
          }
        }
      }
    }
  }
  return routes;
}

function pathsOf(metadata: unknown): string[] {
  if (Array.isArray(metadata)) return metadata.map(String);
  return [typeof metadata === 'string' ? metadata : ''];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}
