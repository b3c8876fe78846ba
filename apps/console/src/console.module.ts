import { type DynamicModule, Module } from '@nestjs/common';
import { CONSOLE_LINKS, type ConsoleLinks } from './http/console-links';
import { IndexController } from './http/index.controller';

/**
 * The console's own routes. Forwarding is not here: `/api/v1/*` is served by the proxy routes
 * registered on Fastify directly (see `registerProxyRoutes`), so no service's API is redeclared.
 */
@Module({})
export class ConsoleModule {
  static forRoot(links: ConsoleLinks): DynamicModule {
    return {
      module: ConsoleModule,
      controllers: [IndexController],
      providers: [{ provide: CONSOLE_LINKS, useValue: links }],
    };
  }
}
