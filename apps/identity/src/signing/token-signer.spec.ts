import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { type User } from '@mg/identity-domain';
import { TokenSigner } from './token-signer';

const user: User = {
  id: '2f6a3a52-5c1e-4a8e-9b71-7d2f0c6e4b10',
  email: 'jean.dupont@demo.local',
  name: 'Jean Dupont',
  role: 'DEVELOPER',
  active: true,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

describe('TokenSigner', () => {
  it('signs the SPEC claims with the key id, expiring ttl seconds after the clock', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const now = new Date('2026-03-01T10:00:00Z');
    const signer = new TokenSigner(
      { kid: 'k1', privateKey, publicJwk },
      { issuer: 'iss', audience: 'aud', ttlSeconds: 900 },
      () => now,
    );

    const response = await signer.issue(user);

    expect(response).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const { payload, protectedHeader } = await jwtVerify(
      response.accessToken,
      createLocalJWKSet({ keys: [publicJwk] }),
      { issuer: 'iss', audience: 'aud', currentDate: now },
    );
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: 'k1' });
    expect(payload).toEqual({
      sub: user.id,
      email: user.email,
      name: user.name,
      role: 'DEVELOPER',
      iss: 'iss',
      aud: 'aud',
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 900,
    });
  });
});
