import { NestFactory } from '@nestjs/core';
import { type Client, type Connection } from '@temporalio/client';
import { TEST_TEMPORAL_ADDRESS, unusedPort } from '@mg/shared-testing';
import { TemporalReadinessCheck } from './temporal-readiness-check';
import { TEMPORAL_CLIENT, TEMPORAL_CONNECTION, TemporalModule } from './temporal.module';

const contextWith = (address: string) =>
  NestFactory.createApplicationContext(
    {
      module: class TestRootModule {},
      imports: [TemporalModule.forRoot({ address, namespace: 'default', connectTimeoutMs: 1_000 })],
    },
    { logger: false, abortOnError: false },
  );

describe('TemporalModule', () => {
  it('provides a client bound to the namespace and a readiness check', async () => {
    const app = await contextWith(TEST_TEMPORAL_ADDRESS);
    try {
      const client = app.get<Client>(TEMPORAL_CLIENT);
      expect(client.options.namespace).toBe('default');
      expect(app.get<Connection>(TEMPORAL_CONNECTION)).toBe(client.connection);
      await expect(app.get(TemporalReadinessCheck).check()).resolves.toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('fails the boot quickly when the server is unreachable', async () => {
    const started = Date.now();
    await expect(contextWith(`127.0.0.1:${await unusedPort()}`)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
