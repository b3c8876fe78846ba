import {
  createLocalJWKSet,
  errors,
  createRemoteJWKSet,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { DomainError } from '@mg/shared-kernel';
import { type AuthenticatedUser, userFromClaims } from './authenticated-user';

/** Every token in the system is signed by identity with an EC P-256 key. */
export const TOKEN_ALGORITHM = 'ES256';

interface TokenExpectations {
  issuer: string;
  audience: string;
  /** Seconds of clock skew tolerated on `exp`/`nbf`/`iat`. Default 5. */
  clockToleranceSeconds?: number;
}

/** Services fetch identity's public keys over HTTP (cached, with a cooldown on unknown `kid`s). */
export interface RemoteKeysOptions extends TokenExpectations {
  jwksUrl: string;
}

/** Identity verifies its own tokens from the key set it holds, without calling itself. */
export interface LocalKeysOptions extends TokenExpectations {
  keySet: JSONWebKeySet;
}

export type TokenVerifierOptions = RemoteKeysOptions | LocalKeysOptions;

const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;
const JWKS_COOLDOWN_MS = 30_000;
const JWKS_TIMEOUT_MS = 5_000;

/** Turns a bearer token into an `AuthenticatedUser`, or refuses it with `UNAUTHENTICATED`. */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    this.keys =
      'keySet' in options
        ? createLocalJWKSet(options.keySet)
        : createRemoteJWKSet(new URL(options.jwksUrl), {
            cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
            cooldownDuration: JWKS_COOLDOWN_MS,
            timeoutDuration: JWKS_TIMEOUT_MS,
          });
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [TOKEN_ALGORITHM],
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw rejection(error);
    }
    const user = userFromClaims(payload);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'The token does not describe a user.');
    return user;
  }
}

/**
 * A bad token is the caller's fault (401); keys we cannot fetch are ours (503), so a down identity
 * service is not reported as "your token is invalid". The message never echoes the token.
 */
function rejection(error: unknown): DomainError {
  if (!(error instanceof errors.JOSEError) || isKeySetUnavailable(error)) {
    return new DomainError('SERVICE_UNAVAILABLE', 'The token signing keys could not be fetched.');
  }
  if (error instanceof errors.JWTExpired) {
    return new DomainError('UNAUTHENTICATED', 'The token has expired.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new DomainError('UNAUTHENTICATED', 'The token was not issued for this system.');
  }
  return new DomainError('UNAUTHENTICATED', 'The token is invalid.');
}

function isKeySetUnavailable(error: errors.JOSEError): boolean {
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid;
}
