import { type DynamicModule, Module } from '@nestjs/common';
import { HEALTH_OPTIONS, type HealthOptions } from './health-options';
import { HealthController } from './health.controller';

/** `GET /health` (alive) and `GET /ready` (dependencies answer); see `HealthOptions`. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: HEALTH_OPTIONS, useValue: options }],
    };
  }
}
