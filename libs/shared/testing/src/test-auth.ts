import { randomUUID } from 'node:crypto';
import { type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@mg/shared-auth';
import { type Role } from '@mg/shared-kernel';
import { TEST_AUDIENCE, TEST_ISSUER, TestSigningKey } from './test-signing-key';

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

/** Signs real ES256 tokens that the real AuthModule verifies: no guard is faked in these tests. */
export async function createTestAuth(): Promise<TestAuth> {
  const key = await TestSigningKey.generate();
  return {
    module: AuthModule.forRoot({ keySet: key.jwks, issuer: TEST_ISSUER, audience: TEST_AUDIENCE }),
    bearer: async (user) => {
      const token = await key.sign(
        { ...user, email: 'someone@test.local', name: 'Someone' },
        '10m',
      );
      return `Bearer ${token}`;
    },
  };
}

export const testUser = (role: Role): TestUser => ({ id: randomUUID(), role });
