import { exportJWK, generateKeyPair, type JSONWebKeySet, type KeyLike, SignJWT } from 'jose';
import { type AuthenticatedUser } from '@mg/shared-auth';

export const TEST_ISSUER = 'maintenance-governance/identity';
export const TEST_AUDIENCE = 'maintenance-governance';

/** Every test key carries this id: a token signed with another key must fail on its signature. */
const KEY_ID = 'test-key';

/**
 * An EC P-256 key pair standing in for identity's signing key: its public half as a JWKS, and
 * real ES256 tokens for `TEST_ISSUER` and `TEST_AUDIENCE` that the real AuthModule verifies.
 */
export class TestSigningKey {
  private constructor(
    private readonly privateKey: KeyLike,
    readonly jwks: JSONWebKeySet,
  ) {}

  static async generate(): Promise<TestSigningKey> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'ES256', use: 'sig' };
    return new TestSigningKey(privateKey, { keys: [jwk] });
  }

  /** A token naming `user`, valid for `expiresIn` (a jose time span: `5m`, `30m`). */
  sign({ id, email, name, role }: AuthenticatedUser, expiresIn = '5m'): Promise<string> {
    return new SignJWT({ email, name, role })
      .setProtectedHeader({ alg: 'ES256', kid: KEY_ID })
      .setSubject(id)
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.privateKey);
  }
}
