import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Role } from '@mg/shared-kernel';
import { callerOf, HttpStub, sendJson } from './http-stub';
import { type TestUser } from './test-auth';
import { TestSigningKey } from './test-signing-key';

/** A user identity knows, signed in: with the header to call the service under test as them. */
export interface SignedInUser extends TestUser {
  authorization: string;
}

type KnownUsers = Map<string, { role: Role; active: boolean }>;

const JWKS_PATH = '/.well-known/jwks.json';
const USER_PATH = /^\/api\/v1\/users\/([^/?]+)$/;

/**
 * Plays the identity service for a service under test, over real HTTP: it publishes a JWKS, signs
 * ES256 tokens with the matching key, and answers `GET /api/v1/users/:id` for the users it was
 * told about (404 otherwise; 403 for roles that may not read users, as identity does).
 * `goDown()` makes it drop every connection, like a crashed identity service.
 */
export class FakeIdentity {
  private constructor(
    private readonly stub: HttpStub,
    private readonly key: TestSigningKey,
    private readonly users: KnownUsers,
  ) {}

  static async start(): Promise<FakeIdentity> {
    const key = await TestSigningKey.generate();
    const users: KnownUsers = new Map();
    const stub = await HttpStub.start((request, response) => {
      if (request.url === JWKS_PATH) sendJson(response, 200, key.jwks);
      else answerUser(users, request, response);
    });
    return new FakeIdentity(stub, key, users);
  }

  get url(): string {
    return this.stub.url;
  }

  get jwksUrl(): string {
    return `${this.url}${JWKS_PATH}`;
  }

  /** A new user of this role (active unless told otherwise), known to identity, with a token. */
  async newUser(role: Role, options: { active?: boolean } = {}): Promise<SignedInUser> {
    const id = randomUUID();
    this.users.set(id, { role, active: options.active ?? true });
    const token = await this.key.sign(
      { id, role, email: `${role.toLowerCase()}@test.local`, name: `Test ${role}` },
      // Long enough for the slowest test file using it (a whole role matrix over workflows).
      '30m',
    );
    return { id, role, authorization: `Bearer ${token}` };
  }

  goDown(): void {
    this.stub.goDown();
  }

  comeBack(): void {
    this.stub.comeBack();
  }

  stop(): Promise<void> {
    return this.stub.stop();
  }
}

function answerUser(users: KnownUsers, request: IncomingMessage, response: ServerResponse): void {
  const id = USER_PATH.exec(request.url ?? '')?.[1];
  if (!id) return sendJson(response, 404, { code: 'NOT_FOUND' });
  const caller = callerOf(request);
  if (!caller) return sendJson(response, 401, { code: 'UNAUTHENTICATED' });
  if (caller.role !== 'ADMIN' && caller.role !== 'PROJECT_MANAGER') {
    return sendJson(response, 403, { code: 'FORBIDDEN' });
  }
  const user = users.get(decodeURIComponent(id));
  if (!user) return sendJson(response, 404, { code: 'NOT_FOUND' });
  sendJson(response, 200, { id, role: user.role, active: user.active });
}
