import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { listDeclaredRoutes, listUnguardedRoutes } from './unguarded-routes';
import { Public, RequirePermission } from './route-access.decorators';

@Controller('items')
class ItemsController {
  @Public()
  @Get()
  list() {
    return 'list';
  }

  @RequirePermission('tickets:create')
  @Post()
  create() {
    return 'create';
  }

  @Get(':id')
  forgotten() {
    return 'forgotten';
  }
}

@RequirePermission('read')
@Controller('reports')
class ReportsController {
  @Get()
  list() {
    return 'list';
  }
}

@Module({ controllers: [ItemsController, ReportsController] })
class ItemsModule {}

describe('listUnguardedRoutes', () => {
  it('names the routes that declare neither @Public nor @RequirePermission', async () => {
    const app = await NestFactory.createApplicationContext(ItemsModule, { logger: false });

    expect(listUnguardedRoutes(app)).toEqual([
      { method: 'GET', path: '/items/:id', handler: 'ItemsController.forgotten' },
    ]);
    expect(listDeclaredRoutes(app)).toHaveLength(4);
    await app.close();
  });
});
