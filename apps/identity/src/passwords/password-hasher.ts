import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with the library defaults (19 MiB, 2 passes, 1 lane: the OWASP minimum). The algorithm
 * is not passed explicitly because `Algorithm` is a `const enum` that per-file compilers (SWC)
 * cannot inline; Argon2id is the default and a test checks the hashes say `$argon2id$`.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash?: string;

  /** Prepares the dummy hash at boot so the first unknown-email refusal is not faster or slower. */
  async onModuleInit(): Promise<void> {
    await this.ensureDummyHash();
  }

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /**
   * Checks a password against a stored hash. Without a hash (unknown email) it verifies against
   * the dummy hash anyway and answers false, so both refusals cost the same time.
   */
  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    const against = passwordHash ?? (await this.ensureDummyHash());
    try {
      const matches = await verify(against, password);
      return matches && passwordHash !== undefined;
    } catch {
      return false;
    }
  }

  private async ensureDummyHash(): Promise<string> {
    this.dummyHash ??= await hash('not-a-real-password-only-for-timing');
    return this.dummyHash;
  }
}
