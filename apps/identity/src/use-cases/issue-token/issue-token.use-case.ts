import { Injectable } from '@nestjs/common';
import { DomainError } from '@mg/shared-kernel';
import { type TokenRequest, type TokenResponse } from '@mg/identity-domain';
import { UserRepository } from '@mg/identity-data-access';
import { PasswordHasher } from '../../passwords/password-hasher';
import { TokenSigner } from '../../signing/token-signer';

/**
 * Signs a user in. An unknown email, a wrong password and a deactivated account are refused
 * alike, with the same work done, so the answer does not reveal which accounts exist.
 */
@Injectable()
export class IssueTokenUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
    private readonly signer: TokenSigner,
  ) {}

  async execute(request: TokenRequest): Promise<TokenResponse> {
    const credentials = await this.users.findCredentialsByEmail(request.email);
    const passwordMatches = await this.passwords.verify(
      credentials?.passwordHash,
      request.password,
    );
    if (!credentials || !passwordMatches || !credentials.user.active) {
      throw new DomainError('INVALID_CREDENTIALS', 'The email or the password is incorrect.');
    }
    return this.signer.issue(credentials.user);
  }
}
