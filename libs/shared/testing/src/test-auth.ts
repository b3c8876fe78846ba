import { randomUUID } from 'node:crypto';
import { type DynamicModule } from '@nestjs/common';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AuthModule } from '@mg/shared-auth';
import { type Role } from '@mg/shared-kernel';

export interface TestUser {
  id: string;
  role: Role;
}

export interface TestAuth {
  /** The real AuthModule, trusting a key pair made for this test run. */
  module: DynamicModule;
  /** `Authorization` header value for a user. */
  bearer(user: TestUser): Promise<string>;
}

const ISSUER = 'test-issuer';
const AUDIENCE = 'test-audience';

/** Signs real ES256 tokens that the real AuthModule verifies: no guard is faked in these tests. */
export async function createTestAuth(): Promise<TestAuth> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'ES256' };
  return {
    module: AuthModule.forRoot({ keySet: { keys: [jwk] }, issuer: ISSUER, audience: AUDIENCE }),
    bearer: async (user) => {
      const token = await new SignJWT({
        email: 'someone@test.local',
        name: 'Someone',
        role: user.role,
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'test' })
        .setSubject(user.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
      return `Bearer ${token}`;
    },
  };
}

export const testUser = (role: Role): TestUser => ({ id: randomUUID(), role });
