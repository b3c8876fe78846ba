import { Controller, Get, Inject, type OnApplicationBootstrap, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { type FastifyReply } from 'fastify';
import { Public } from '@mg/shared-auth';
import { HEALTH_OPTIONS, type HealthOptions } from './health-options';
import { HealthDto, ReadinessDto } from './health.schemas';
import {
  DEFAULT_READINESS_TIMEOUT_MS,
  READINESS_CHECKS,
  type ReadinessCheck,
  runReadinessChecks,
} from './readiness-check';

/** Liveness and readiness for orchestrators and `npm start`; open to anyone, never throttled. */
@ApiTags('health')
@Public()
@SkipThrottle()
@Controller()
export class HealthController implements OnApplicationBootstrap {
  private checks: readonly ReadinessCheck[] = [];

  constructor(
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Providers of every module exist by now, so the app's READINESS_CHECKS can be resolved. */
  onApplicationBootstrap(): void {
    this.checks = [...(this.options.readinessChecks ?? []), ...this.providedChecks()];
  }

  @Get('health')
  @ApiOkResponse({ type: HealthDto, description: 'The process is alive.' })
  health(): HealthDto {
    return { status: 'ok', service: this.options.serviceName };
  }

  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto, description: 'Every dependency answered.' })
  @ApiServiceUnavailableResponse({ type: ReadinessDto, description: 'A dependency is down.' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessDto> {
    const report = await runReadinessChecks(
      this.checks,
      this.options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS,
    );
    if (!report.ready) void reply.status(503);
    return { status: report.ready ? 'ready' : 'not-ready', checks: report.checks };
  }

  private providedChecks(): readonly ReadinessCheck[] {
    try {
      return this.moduleRef.get<readonly ReadinessCheck[]>(READINESS_CHECKS, { strict: false });
    } catch {
      return []; // The app provides none: only the checks passed in the options apply.
    }
  }
}
