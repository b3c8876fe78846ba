import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type KeyLike,
} from 'jose';
import { TOKEN_ALGORITHM } from '@mg/shared-auth';
import { type PrivateSigningJwk, privateSigningJwkSchema } from '../identity.config';

/** The key identity signs tokens with, and the public half it publishes in its JWKS. */
export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  /** Public parts only (kty, crv, x, y) plus kid, alg and use. */
  publicJwk: JWK;
}

/**
 * The signing key: `JWT_PRIVATE_JWK` when given, otherwise the key file, created on first start
 * (mode 0600) and reused afterwards so tokens survive a restart and other services' cached JWKS
 * stays valid.
 */
export async function loadSigningKey(source: {
  privateJwk?: PrivateSigningJwk;
  keyFile: string;
}): Promise<SigningKey> {
  const jwk = source.privateJwk ?? (await readOrCreateKeyFile(source.keyFile));
  return fromPrivateJwk(jwk);
}

async function readOrCreateKeyFile(keyFile: string): Promise<PrivateSigningJwk> {
  const existing = await readKeyFile(keyFile);
  if (existing) return existing;
  const { privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const jwk = privateSigningJwkSchema.parse(await exportJWK(privateKey));
  await mkdir(dirname(keyFile), { recursive: true, mode: 0o700 });
  // Written aside, then linked into place: the key file appears complete or not at all, and if
  // another instance linked theirs first (EEXIST), everyone keeps that one.
  const draft = `${keyFile}.${randomUUID()}.tmp`;
  await writeFile(draft, `${JSON.stringify(jwk)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, keyFile);
    return jwk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readKeyFile(keyFile);
    if (!winner) throw error;
    return winner;
  } finally {
    await unlink(draft);
  }
}

async function readKeyFile(keyFile: string): Promise<PrivateSigningJwk | undefined> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = privateSigningJwkSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${keyFile} is not a private EC P-256 JWK`);
  return parsed.data;
}

async function fromPrivateJwk(jwk: PrivateSigningJwk): Promise<SigningKey> {
  const { kty, crv, x, y } = jwk;
  const publicParts = { kty, crv, x, y };
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicParts));
  const privateKey = await importJWK({ ...jwk, alg: TOKEN_ALGORITHM }, TOKEN_ALGORITHM);
  if (!isKeyLike(privateKey)) throw new Error('The signing JWK is not an asymmetric key');
  return {
    kid,
    privateKey,
    publicJwk: { ...publicParts, kid, alg: TOKEN_ALGORITHM, use: 'sig' },
  };
}

function isKeyLike(key: KeyLike | Uint8Array): key is KeyLike {
  return !(key instanceof Uint8Array);
}
