import { createConnection, createServer, type Server } from 'node:net';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { unusedPort } from './unused-port';

const echoServer = async (): Promise<{ server: Server; port: number }> => {
  const server = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
};

/** Sends one line and resolves with what comes back, or with 'closed' if the link is cut. */
const roundTrip = (port: number, text: string): Promise<string> =>
  new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', (data) => {
      resolve(data.toString());
      socket.destroy();
    });
    socket.once('close', () => resolve('closed'));
    socket.once('error', () => resolve('closed'));
  });

describe('startTcpProxy', () => {
  let echo: { server: Server; port: number };
  let proxy: TcpProxy;

  beforeAll(async () => {
    echo = await echoServer();
    proxy = await startTcpProxy(echo.port);
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => echo.server.close(resolve));
  });

  it('relays traffic to the real service', async () => {
    expect(await roundTrip(proxy.port, 'ping')).toBe('ping');
  });

  it('refuses traffic while interrupted, and relays again once restored', async () => {
    proxy.interrupt();
    expect(await roundTrip(proxy.port, 'ping')).toBe('closed');
    proxy.restore();
    expect(await roundTrip(proxy.port, 'pong')).toBe('pong');
  });
});

describe('unusedPort', () => {
  it('gives a port where connections are refused', async () => {
    const port = await unusedPort();
    const outcome = await new Promise<string>((resolve) => {
      const socket = createConnection(port, '127.0.0.1');
      socket.once('connect', () => resolve('connected'));
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });
});
