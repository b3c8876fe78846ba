import { Connection } from '@temporalio/client';
import { startTcpProxy, TEST_TEMPORAL_ADDRESS } from '@mg/shared-testing';
import { ClosableRetries, RETRY_DRAIN_MS } from './closable-retries';

describe('ClosableRetries', () => {
  it('lets a call that is being retried end, instead of crashing once the connection closes', async () => {
    const [host, port] = TEST_TEMPORAL_ADDRESS.split(':');
    const proxy = await startTcpProxy(Number(port), host);
    const retries = new ClosableRetries();
    const connection = await Connection.connect({
      address: `127.0.0.1:${proxy.port}`,
      interceptors: [retries.interceptor],
    });
    try {
      proxy.interrupt();
      // UNAVAILABLE is retried by the SDK's policy: a retry timer is pending when we close.
      const call = connection.workflowService.getSystemInfo({});
      const outcome = call.then(
        () => 'answered',
        () => 'failed',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      retries.closeWhenDrained(connection);
      await new Promise((resolve) => setTimeout(resolve, RETRY_DRAIN_MS + 1_000));
      // Without the drain, the pending retry would have thrown "Channel has been shut down"
      // from its timer, failing this test file as an uncaught exception.
      await expect(outcome).resolves.toBe('failed');
    } finally {
      await proxy.close();
    }
  }, 20_000);
});
