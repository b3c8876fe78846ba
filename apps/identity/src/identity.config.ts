import { resolve } from 'node:path';
import { z } from 'zod';
import { appEnv, host, logLevel, port, postgresUrl, tokenVerification } from '@mg/shared-config';

/** A private EC P-256 key as a JWK; `d` is what makes it private. */
export const privateSigningJwkSchema = z.looseObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
  d: z.string().min(1),
  kid: z.string().min(1).optional(),
});
export type PrivateSigningJwk = z.infer<typeof privateSigningJwkSchema>;

const privateJwkFromJson = z
  .string()
  .transform((text, context): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      // The message must not quote the variable: it holds a private key.
      context.addIssue({
        code: 'custom',
        message: 'must be a JSON object (a private EC P-256 JWK)',
      });
      return z.NEVER;
    }
  })
  .pipe(privateSigningJwkSchema);

export const identityConfigSchema = z.object({
  PORT: port(3001),
  HOST: host,
  APP_ENV: appEnv,
  LOG_LEVEL: logLevel,
  DATABASE_URL: postgresUrl('mg_identity'),
  JWT_ISSUER: tokenVerification.JWT_ISSUER,
  JWT_AUDIENCE: tokenVerification.JWT_AUDIENCE,
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  /** Where the generated key pair is kept; relative paths start at the working directory. */
  SIGNING_KEY_FILE: z
    .string()
    .min(1)
    .default('.data/identity/signing-key.json')
    .transform((path) => resolve(path)),
  /** A fixed signing key (deployments with a secret store); wins over SIGNING_KEY_FILE. */
  JWT_PRIVATE_JWK: privateJwkFromJson.optional(),
  /** Token requests allowed per minute for one client address and email. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
});

export type IdentityConfig = z.infer<typeof identityConfigSchema>;
