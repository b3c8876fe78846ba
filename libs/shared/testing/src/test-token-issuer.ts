import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import { type AuthenticatedUser } from '@mg/shared-auth';

export const TEST_ISSUER = 'maintenance-governance/identity';
export const TEST_AUDIENCE = 'maintenance-governance';

export const TEST_CALLER: AuthenticatedUser = {
  id: '5b0f7a7e-2c1d-4c55-9a55-1f0a4c3b2d10',
  email: 'pm@demo.local',
  name: 'Paula Manager',
  role: 'PROJECT_MANAGER',
};

/**
 * Plays identity for a service under test: an EC P-256 key pair whose public half is served as
 * a JWKS on a free port, and tokens signed with it. `signWithForeignKey` signs with a key the
 * JWKS does not hold.
 */
export class TestTokenIssuer {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: KeyLike,
    private readonly foreignKey: KeyLike,
  ) {}

  static async start(): Promise<TestTokenIssuer> {
    const [pair, foreign] = await Promise.all([generateKeyPair('ES256'), generateKeyPair('ES256')]);
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' }],
    });
    const server = createServer((request, response) => {
      const found = request.url === '/.well-known/jwks.json';
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      response.end(found ? jwks : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new TestTokenIssuer(server, pair.privateKey, foreign.privateKey);
  }

  get jwksUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  sign(caller: AuthenticatedUser = TEST_CALLER): Promise<string> {
    return this.signWith(this.privateKey, caller);
  }

  signWithForeignKey(caller: AuthenticatedUser = TEST_CALLER): Promise<string> {
    return this.signWith(this.foreignKey, caller);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private signWith(key: KeyLike, { id, email, name, role }: AuthenticatedUser): Promise<string> {
    return new SignJWT({ email, name, role })
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setSubject(id)
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
  }
}

/** The token with its payload rewritten to claim the ADMIN role, under the original signature. */
export function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as object;
  const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
  return [header, forged, signature].join('.');
}
