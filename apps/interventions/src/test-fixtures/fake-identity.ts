import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import { type Role } from '@mg/shared-kernel';

export const TEST_ISSUER = 'maintenance-governance/identity';
export const TEST_AUDIENCE = 'maintenance-governance';

/** A user identity knows, with the header to call the service under test as them. */
export interface TestUser {
  id: string;
  role: Role;
  authorization: string;
}

/**
 * Plays the identity service for the interventions service under test, over real HTTP: it
 * publishes a JWKS, signs ES256 tokens with the matching key, and answers
 * `GET /api/v1/users/:id` for the users it was told about (404 otherwise; 403 for roles that may
 * not read users, as identity does).
 */
export class FakeIdentity {
  private readonly users = new Map<string, { role: Role; active: boolean }>();
  private readonly server: Server;

  private constructor(
    private readonly privateKey: KeyLike,
    jwks: string,
  ) {
    this.server = createServer((request, response) => {
      if (request.url === '/.well-known/jwks.json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
        return;
      }
      this.answerUser(request, response);
    });
  }

  static async start(): Promise<FakeIdentity> {
    const pair = await generateKeyPair('ES256');
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' }],
    });
    const identity = new FakeIdentity(pair.privateKey, jwks);
    await new Promise<void>((resolve) => identity.server.listen(0, '127.0.0.1', resolve));
    return identity;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get jwksUrl(): string {
    return `${this.url}/.well-known/jwks.json`;
  }

  /** A new user of this role (active unless told otherwise), known to identity, with a token. */
  async newUser(role: Role, options: { active?: boolean } = {}): Promise<TestUser> {
    const id = randomUUID();
    this.users.set(id, { role, active: options.active ?? true });
    return { id, role, authorization: `Bearer ${await this.sign(id, role)}` };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private sign(id: string, role: Role): Promise<string> {
    return new SignJWT({ email: `${role.toLowerCase()}@test.local`, name: `Test ${role}`, role })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setSubject(id)
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('30m')
      .sign(this.privateKey);
  }

  private answerUser(request: IncomingMessage, response: ServerResponse): void {
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const match = /^\/api\/v1\/users\/([^/?]+)$/.exec(request.url ?? '');
    if (!match?.[1]) return json(404, { code: 'NOT_FOUND' });
    const caller = callerOf(request);
    if (!caller) return json(401, { code: 'UNAUTHENTICATED' });
    if (caller.role !== 'ADMIN' && caller.role !== 'PROJECT_MANAGER') {
      return json(403, { code: 'FORBIDDEN' });
    }
    const user = this.users.get(decodeURIComponent(match[1]));
    if (!user) return json(404, { code: 'NOT_FOUND' });
    json(200, { id: match[1], role: user.role, active: user.active });
  }
}

/**
 * Who a request forwarded by the service under test is from: the subject and role of the bearer
 * token it carries (the service verified it; a stand-in owner only needs to read it).
 */
export function callerOf(request: IncomingMessage): { id: string; role: Role } | undefined {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token) return undefined;
  const { sub, role } = decodeJwt(token);
  return typeof sub === 'string' ? { id: sub, role: role as Role } : undefined;
}
