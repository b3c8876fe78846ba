import { SignJWT } from 'jose';
import { TOKEN_ALGORITHM } from '@mg/shared-auth';
import { type Clock } from '@mg/shared-kernel';
import { type TokenResponse, type User } from '@mg/identity-domain';
import { type SigningKey } from './signing-key';

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** Issues the access tokens every service verifies through identity's JWKS. */
export class TokenSigner {
  constructor(
    private readonly key: SigningKey,
    private readonly settings: TokenSettings,
    private readonly clock: Clock,
  ) {}

  async issue(user: User): Promise<TokenResponse> {
    const issuedAt = Math.floor(this.clock().getTime() / 1000);
    const accessToken = await new SignJWT({ email: user.email, name: user.name, role: user.role })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: this.key.kid, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.settings.ttlSeconds)
      .sign(this.key.privateKey);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.settings.ttlSeconds };
  }
}
