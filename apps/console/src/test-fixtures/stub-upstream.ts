import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the stub answers for one request; `hang` never answers at all. */
export type StubAnswer = { status: number; body: unknown } | 'hang';

/**
 * A real HTTP server on a free port standing in for a service: it records what reaches it and
 * answers `/ready` with `readyStatus`, everything else with `answer(request)` (default: 200 and
 * the request it saw).
 */
export class StubUpstream {
  readonly received: ReceivedRequest[] = [];
  readyStatus = 200;
  answer: (request: ReceivedRequest) => StubAnswer = (request) => ({ status: 200, body: request });
  private readonly server: Server;

  private constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received: ReceivedRequest = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        if (received.url === '/ready') {
          response.writeHead(this.readyStatus, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({ status: this.readyStatus === 200 ? 'ready' : 'not-ready' }),
          );
          return;
        }
        this.received.push(received);
        const answer = this.answer(received);
        if (answer === 'hang') return;
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      });
    });
  }

  static async start(): Promise<StubUpstream> {
    const stub = new StubUpstream();
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    return stub;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** An address where nothing listens: a port the system just handed out and took back. */
export async function unusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
