import { Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NatsConnection } from '@nats-io/transport-node';
import { TEST_NATS_SERVERS } from '@mg/shared-testing';
import { MessagingModule, NATS_CONNECTION } from './messaging.module';
import { NatsReadinessCheck } from './nats-readiness-check';

@Injectable()
class Publisher {
  constructor(@Inject(NATS_CONNECTION) readonly connection: NatsConnection) {}
}

@Module({ providers: [Publisher] })
class FeatureModule {}

describe('MessagingModule', () => {
  it('gives any module the connection and a readiness check, and drains it on shutdown', async () => {
    const app = await NestFactory.createApplicationContext(
      {
        module: class TestRootModule {},
        imports: [
          MessagingModule.forRoot({ servers: TEST_NATS_SERVERS, name: 'module-test' }),
          FeatureModule,
        ],
      },
      { logger: false },
    );
    const { connection } = app.get(Publisher);
    await expect(app.get(NatsReadinessCheck).check()).resolves.toBeUndefined();
    expect(connection.isClosed()).toBe(false);

    await app.close();
    expect(connection.isClosed()).toBe(true);
  });
});
