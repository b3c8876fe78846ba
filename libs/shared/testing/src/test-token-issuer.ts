import { type AuthenticatedUser } from '@mg/shared-auth';
import { HttpStub, sendJson } from './http-stub';
import { TestSigningKey } from './test-signing-key';

export const TEST_CALLER: AuthenticatedUser = {
  id: '5b0f7a7e-2c1d-4c55-9a55-1f0a4c3b2d10',
  email: 'pm@demo.local',
  name: 'Paula Manager',
  role: 'PROJECT_MANAGER',
};

const JWKS_PATH = '/.well-known/jwks.json';

/**
 * Plays identity for a service under test: a signing key whose public half is served as a JWKS
 * on a free port, and tokens signed with it. `signWithForeignKey` signs with a key the JWKS does
 * not hold.
 */
export class TestTokenIssuer {
  private constructor(
    private readonly stub: HttpStub,
    private readonly key: TestSigningKey,
    private readonly foreignKey: TestSigningKey,
  ) {}

  static async start(): Promise<TestTokenIssuer> {
    const [key, foreignKey] = await Promise.all([
      TestSigningKey.generate(),
      TestSigningKey.generate(),
    ]);
    const stub = await HttpStub.start((request, response) => {
      if (request.url === JWKS_PATH) sendJson(response, 200, key.jwks);
      else sendJson(response, 404, {});
    });
    return new TestTokenIssuer(stub, key, foreignKey);
  }

  get jwksUrl(): string {
    return `${this.stub.url}${JWKS_PATH}`;
  }

  sign(caller: AuthenticatedUser = TEST_CALLER): Promise<string> {
    return this.key.sign(caller);
  }

  signWithForeignKey(caller: AuthenticatedUser = TEST_CALLER): Promise<string> {
    return this.foreignKey.sign(caller);
  }

  stop(): Promise<void> {
    return this.stub.stop();
  }
}

/** The token with its payload rewritten to claim the ADMIN role, under the original signature. */
export function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as object;
  const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
  return [header, forged, signature].join('.');
}
