import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { type TestUser } from './test-auth';

/**
 * A real HTTP server on a free local port, playing a service the one under test calls.
 * `goDown()` drops every connection, and every later request, like a crashed service, until
 * `comeBack()`.
 */
export class HttpStub {
  private readonly server: Server;
  private down = false;

  private constructor(listener: RequestListener) {
    this.server = createServer((request, response) => {
      if (this.down) {
        request.socket.destroy();
        return;
      }
      listener(request, response);
    });
  }

  static async start(listener: RequestListener): Promise<HttpStub> {
    const stub = new HttpStub(listener);
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    return stub;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  goDown(): void {
    this.down = true;
    this.server.closeAllConnections();
  }

  comeBack(): void {
    this.down = false;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Who a request forwarded by the service under test is from: the subject and role of the bearer
 * token it carries (the service verified it; a stand-in owner only needs to read it).
 */
export function callerOf(request: IncomingMessage): TestUser | undefined {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token) return undefined;
  const { sub, role } = decodeJwt(token);
  return typeof sub === 'string' ? { id: sub, role: role as TestUser['role'] } : undefined;
}
