import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { DomainError } from '@mg/shared-kernel';
import { ServiceTokenSource } from './service-token.source';

const SECRET = 'a-secret-long-enough-for-the-schema-0123';
let server: Server;
let identityUrl: string;
let issued = 0;
let expiresIn = 300;

/** A real HTTP server playing identity's `POST /api/v1/auth/service-token`. */
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { service, secret } = JSON.parse(body || '{}') as { service?: string; secret?: string };
      const ok = request.url === '/api/v1/auth/service-token' && secret === SECRET;
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          ok
            ? { accessToken: `token-${service}-${++issued}`, tokenType: 'Bearer', expiresIn }
            : { code: 'INVALID_CREDENTIALS' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  identityUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('a service’s own token', () => {
  it('is asked for once and reused while it is fresh, even by concurrent callers', async () => {
    const source = new ServiceTokenSource({ identityUrl, service: 'tickets', secret: SECRET });
    const before = issued;
    const headers = await Promise.all([source.authorization(), source.authorization()]);
    expect(await source.authorization()).toBe(headers[0]);
    expect(headers).toEqual([
      `Bearer token-tickets-${before + 1}`,
      `Bearer token-tickets-${before + 1}`,
    ]);
    expect(issued).toBe(before + 1);
  });

  it('is renewed once it is about to expire', async () => {
    expiresIn = 1;
    try {
      const source = new ServiceTokenSource({ identityUrl, service: 'contracts', secret: SECRET });
      const first = await source.authorization();
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await source.authorization()).not.toBe(first);
    } finally {
      expiresIn = 300;
    }
  });

  it('is SERVICE_UNAVAILABLE when identity refuses the secret', async () => {
    const source = new ServiceTokenSource({ identityUrl, service: 'tickets', secret: 'wrong' });
    await expect(source.authorization()).rejects.toEqual(
      expect.objectContaining<Partial<DomainError>>({ code: 'SERVICE_UNAVAILABLE' }),
    );
  });
});
