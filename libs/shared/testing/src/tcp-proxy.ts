import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  /** Local port to point the client at instead of the real service. */
  port: number;
  /** Simulates an outage: cuts open connections and refuses new ones. */
  interrupt(): void;
  /** Ends the outage: new connections reach the service again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay to a real service that a test can cut and restore, to prove that a client
 * notices an outage (readiness goes down) and recovers (reconnects, publishes what it held).
 */
export async function startTcpProxy(
  targetPort: number,
  targetHost = '127.0.0.1',
): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let interrupted = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    if (interrupted) {
      client.destroy();
      return;
    }
    const upstream = createConnection(targetPort, targetHost);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.once('error', () => upstream.destroy());
    upstream.once('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port assigned');

  const cutAll = () => sockets.forEach((socket) => socket.destroy());
  return {
    port: address.port,
    interrupt: () => {
      interrupted = true;
      cutAll();
    },
    restore: () => {
      interrupted = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cutAll();
        server.close(() => resolve());
      }),
  };
}
