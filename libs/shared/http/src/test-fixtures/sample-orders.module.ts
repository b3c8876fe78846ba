import { Body, Controller, Get, Logger, Module, Post, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { Public } from '@mg/shared-auth';
import { DomainError } from '@mg/shared-kernel';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { READINESS_CHECKS, type ReadinessCheck } from '../health/readiness-check';

/** A tiny service used by the integration test of `createHttpApp`: one route per behaviour. */
const orderSchema = z.object({
  endDate: z.iso.date(),
  items: z.array(z.object({ name: z.string().min(1) })).min(1),
});

class CreateOrderDto extends createZodDto(orderSchema) {}

const signInSchema = z.object({ email: z.email(), password: z.string() });

class SignInDto extends createZodDto(signInSchema) {}

@Controller('orders')
class OrdersController {
  private readonly logger = new Logger('Orders');

  @Post()
  create(@Body() order: CreateOrderDto): { items: number } {
    return { items: order.items.length };
  }

  @Public()
  @Post('sign-in')
  signIn(@Body() credentials: SignInDto): { signedIn: true } {
    this.logger.log({ email: credentials.email, password: credentials.password }, 'sign-in');
    return { signedIn: true };
  }

  @Get('overlapping')
  overlapping(): never {
    throw new DomainError('CONTRACT_OVERLAP', 'Overlaps contract C-1', [
      { path: 'endDate', message: 'overlaps C-1' },
    ]);
  }

  @Get('anonymous')
  anonymous(): never {
    throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
  }

  @Get('crash')
  crash(): never {
    throw new Error('select * from secret_table failed');
  }

  @Get('database-down')
  databaseDown(): never {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
  }

  @Get('limited')
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 1, ttl: 60_000 } })
  limited(): { ok: true } {
    return { ok: true };
  }
}

export const failingNatsCheck: ReadinessCheck = {
  name: 'nats',
  check: () => Promise.reject(new Error('connection closed')),
};

@Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: 100 }])],
  controllers: [OrdersController],
  providers: [{ provide: READINESS_CHECKS, useValue: [failingNatsCheck] }],
})
export class SampleOrdersModule {}
