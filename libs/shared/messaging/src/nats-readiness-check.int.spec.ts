import { type NatsConnection } from '@nats-io/transport-node';
import {
  eventually,
  startTcpProxy,
  TEST_NATS_SERVERS,
  unusedPort,
  type TcpProxy,
} from '@mg/shared-testing';
import { connectNats } from './connect-nats';
import { ensureMaintenanceStream } from './maintenance-stream';
import { NatsReadinessCheck } from './nats-readiness-check';

const natsPort = Number(new URL(TEST_NATS_SERVERS.split(',')[0] ?? '').port || 4222);

describe('NatsReadinessCheck', () => {
  it('passes on a live connection whose stream answers', async () => {
    const connection = await connectNats({ servers: TEST_NATS_SERVERS, name: 'readiness-test' });
    try {
      await ensureMaintenanceStream(connection);
      await expect(new NatsReadinessCheck(connection).check()).resolves.toBeUndefined();
    } finally {
      await connection.close();
    }
  });

  it('fails on a closed connection', async () => {
    const connection = await connectNats({ servers: TEST_NATS_SERVERS, name: 'readiness-test' });
    await connection.close();
    await expect(new NatsReadinessCheck(connection).check()).rejects.toThrow('connection closed');
  });

  it('fails when the stream does not exist', async () => {
    const connection = await connectNats({ servers: TEST_NATS_SERVERS, name: 'readiness-test' });
    try {
      await expect(new NatsReadinessCheck(connection, 'NO_SUCH_STREAM').check()).rejects.toThrow(
        /stream not found/i,
      );
    } finally {
      await connection.close();
    }
  });

  describe('when the server goes away after connecting', () => {
    let proxy: TcpProxy;
    let connection: NatsConnection;

    beforeAll(async () => {
      proxy = await startTcpProxy(natsPort);
      connection = await connectNats({
        servers: `nats://127.0.0.1:${proxy.port}`,
        name: 'readiness-outage-test',
      });
    });
    afterAll(async () => {
      await connection.close();
      await proxy.close();
    });

    it('fails within its timeout instead of hanging, and passes again after reconnecting', async () => {
      const check = new NatsReadinessCheck(connection, undefined, 500);
      await expect(check.check()).resolves.toBeUndefined();

      proxy.interrupt();
      const started = Date.now();
      await expect(check.check()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(2_000);

      proxy.restore();
      await eventually(() => check.check(), { timeoutMs: 10_000, intervalMs: 250 });
    });
  });
});

describe('connectNats', () => {
  it('fails fast at boot when nothing listens on the port', async () => {
    const port = await unusedPort();
    const started = Date.now();
    await expect(
      connectNats({
        servers: `nats://127.0.0.1:${port}`,
        name: 'wrong-port',
        connectTimeoutMs: 1_000,
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
