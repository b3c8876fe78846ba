import { type INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { PUBLIC_KEY } from '@mg/shared-auth';

/**
 * The document requires the bearer token everywhere (the guard denies by default), so routes
 * marked `@Public()` must say they take anonymous calls. An empty requirement object `{}` is
 * OpenAPI's "no authentication"; an empty list would be dropped by @nestjs/swagger.
 */
const ANONYMOUS_ALLOWED = [{}];

const isPublic = (target: object): boolean => Reflect.getMetadata(PUBLIC_KEY, target) === true;

const markAnonymous = (target: object): void => {
  if (Reflect.getMetadata(DECORATORS.API_SECURITY, target) === undefined) {
    Reflect.defineMetadata(DECORATORS.API_SECURITY, ANONYMOUS_ALLOWED, target);
  }
};

export function documentPublicRoutes(app: INestApplication): void {
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      if (isPublic(metatype)) markAnonymous(metatype);
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler === 'function' && isPublic(handler)) markAnonymous(handler);
      }
    }
  }
}
