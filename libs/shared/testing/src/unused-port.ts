import { createServer } from 'node:net';

/**
 * A TCP port nothing listens on right now: point a client at it to see how a dependency that
 * is down is handled. (Another process could take it afterwards; in tests that risk is nil.)
 */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port assigned');
  return address.port;
}
