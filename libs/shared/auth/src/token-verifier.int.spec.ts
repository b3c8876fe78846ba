import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import { DomainError } from '@mg/shared-kernel';
import { TokenVerifier } from './token-verifier';

const issuer = 'maintenance-governance/identity';
const audience = 'maintenance-governance';

let server: Server;
let jwksUrl: string;
let privateKey: KeyLike;
let jwksRequests = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  const body = JSON.stringify({
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'remote-key', alg: 'ES256' }],
  });
  server = createServer((_request, response) => {
    jwksRequests += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const sign = () =>
  new SignJWT({ email: 'pm@demo.local', name: 'PM', role: 'PROJECT_MANAGER' })
    .setProtectedHeader({ alg: 'ES256', kid: 'remote-key' })
    .setSubject('b3c1f4de-8a55-4a9e-9d0e-3f5f3c0b1a22')
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);

describe('TokenVerifier with a remote JWKS', () => {
  it('verifies tokens with keys fetched once and then cached', async () => {
    const verifier = new TokenVerifier({ jwksUrl, issuer, audience });
    jwksRequests = 0;

    await expect(verifier.verify(await sign())).resolves.toMatchObject({
      email: 'pm@demo.local',
      role: 'PROJECT_MANAGER',
    });
    await verifier.verify(await sign());
    expect(jwksRequests).toBe(1);
  });

  it('reports unreachable keys as SERVICE_UNAVAILABLE, not as a bad token', async () => {
    const verifier = new TokenVerifier({
      jwksUrl: 'http://127.0.0.1:1/.well-known/jwks.json',
      issuer,
      audience,
    });
    const error: unknown = await verifier.verify(await sign()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SERVICE_UNAVAILABLE');
  });
});
