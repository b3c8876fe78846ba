import { Connection } from '@temporalio/client';
import { startTcpProxy, TEST_TEMPORAL_ADDRESS, unusedPort } from '@mg/shared-testing';
import { TemporalReadinessCheck } from './temporal-readiness-check';

describe('TemporalReadinessCheck', () => {
  it('passes against the running server', async () => {
    const connection = await Connection.connect({ address: TEST_TEMPORAL_ADDRESS });
    try {
      await expect(new TemporalReadinessCheck(connection).check()).resolves.toBeUndefined();
    } finally {
      await connection.close();
    }
  });

  it('fails within about its timeout when nothing listens, instead of hanging', async () => {
    const connection = Connection.lazy({ address: `127.0.0.1:${await unusedPort()}` });
    const started = Date.now();
    try {
      await expect(new TemporalReadinessCheck(connection, 1_000).check()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await connection.close();
    }
  });

  it('fails within its timeout when the server drops after connecting', async () => {
    const [host, port] = TEST_TEMPORAL_ADDRESS.split(':');
    const proxy = await startTcpProxy(Number(port), host);
    const connection = await Connection.connect({ address: `127.0.0.1:${proxy.port}` });
    try {
      const check = new TemporalReadinessCheck(connection, 1_000);
      await expect(check.check()).resolves.toBeUndefined();
      proxy.interrupt();
      const started = Date.now();
      await expect(check.check()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await connection.close();
      await proxy.close();
    }
  });
});
