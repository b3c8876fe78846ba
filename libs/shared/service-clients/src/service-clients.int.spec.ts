import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { DomainError } from '@mg/shared-kernel';
import { unusedPort } from '@mg/shared-testing';
import { ContractsClient } from './contracts.client';
import { IdentityClient } from './identity.client';
import { TicketsClient } from './tickets.client';

const PROJECT = {
  id: '2f0c4d0e-8a59-4f6c-9d0e-6b0b8b1c0001',
  name: 'Shop',
  memberIds: [],
  client: 'ignored by the reader',
};
const AUTHORIZATION = 'Bearer the-callers-token';

let server: Server;
let baseUrl: string;
const seen: { url: string; authorization: string | undefined }[] = [];

/** A real HTTP server playing the owning services, answering by path. */
beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    const url = new URL(request.url ?? '/', 'http://localhost');
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === `/api/v1/projects/${PROJECT.id}`) return json(200, PROJECT);
    if (url.pathname === '/api/v1/projects') {
      const second = url.searchParams.get('cursor') === 'page-2';
      return json(200, {
        items: [{ ...PROJECT, id: second ? PROJECT.id.replace(/1$/, '2') : PROJECT.id }],
        nextCursor: second ? null : 'page-2',
      });
    }
    if (url.pathname.startsWith('/api/v1/tickets/')) return json(200, { id: 'not-a-ticket' });
    if (url.pathname.startsWith('/api/v1/users/')) return json(500, { title: 'boom' });
    return json(404, { code: 'NOT_FOUND' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('reading another service with the caller’s token', () => {
  it('answers what the owner answered, forwarding the caller’s Authorization header', async () => {
    const project = await new ContractsClient({ baseUrl }).getProject(PROJECT.id, AUTHORIZATION);
    expect(project).toEqual({ id: PROJECT.id, name: 'Shop', memberIds: [] });
    expect(seen.at(-1)).toEqual({
      url: `/api/v1/projects/${PROJECT.id}`,
      authorization: AUTHORIZATION,
    });
  });

  it('turns the owner’s 404 into the caller’s NOT_FOUND', async () => {
    await expect(
      codeOf(new ContractsClient({ baseUrl }).getContract('unknown', AUTHORIZATION)),
    ).resolves.toBe('NOT_FOUND');
  });

  it('reads every page of a list', async () => {
    const projects = await new ContractsClient({ baseUrl }).listProjects(AUTHORIZATION);
    expect(projects.map((project) => project.id)).toEqual([
      PROJECT.id,
      PROJECT.id.replace(/1$/, '2'),
    ]);
  });

  it('reports an owner that fails, answers nonsense or is down as SERVICE_UNAVAILABLE', async () => {
    await expect(
      codeOf(new IdentityClient({ baseUrl }).getUser(PROJECT.id, AUTHORIZATION)),
    ).resolves.toBe('SERVICE_UNAVAILABLE');
    await expect(
      codeOf(new TicketsClient({ baseUrl }).getTicket(PROJECT.id, AUTHORIZATION)),
    ).resolves.toBe('SERVICE_UNAVAILABLE');
    const nobody = `http://127.0.0.1:${await unusedPort()}`;
    await expect(
      codeOf(new TicketsClient({ baseUrl: nobody }).getTicket(PROJECT.id, AUTHORIZATION)),
    ).resolves.toBe('SERVICE_UNAVAILABLE');
  });
});
