import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet, SignJWT } from 'jose';
import { loadSigningKey } from './signing-key';
import { privateSigningJwkSchema } from '../identity.config';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'mg-signing-key-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('the signing key', () => {
  it('is created on first start in a file only its owner can read, then reused', async () => {
    const keyFile = join(directory, 'nested', 'signing-key.json');
    const first = await loadSigningKey({ keyFile });
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    const second = await loadSigningKey({ keyFile });
    expect(second.kid).toBe(first.kid);
    expect(second.publicJwk).toEqual(first.publicJwk);
  });

  it('publishes only the public parts', async () => {
    const key = await loadSigningKey({ keyFile: join(directory, 'key.json') });
    expect(Object.keys(key.publicJwk).sort()).toEqual([
      'alg',
      'crv',
      'kid',
      'kty',
      'use',
      'x',
      'y',
    ]);
    const stored: unknown = JSON.parse(await readFile(join(directory, 'key.json'), 'utf8'));
    expect(stored).toHaveProperty('d');
  });

  it('prefers JWT_PRIVATE_JWK over the key file and keeps its kid', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = privateSigningJwkSchema.parse({ ...(await exportJWK(privateKey)), kid: 'ops-1' });
    const keyFile = join(directory, 'unused.json');

    const key = await loadSigningKey({ privateJwk: jwk, keyFile });

    expect(key.kid).toBe('ops-1');
    await expect(stat(keyFile)).rejects.toThrow(/ENOENT/);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'ops-1' })
      .sign(key.privateKey);
    await expect(
      jwtVerify(token, createLocalJWKSet({ keys: [key.publicJwk] })),
    ).resolves.toBeTruthy();
  });

  it('lets concurrent first starts agree on one key', async () => {
    const keyFile = join(directory, 'race.json');
    const keys = await Promise.all([1, 2, 3].map(() => loadSigningKey({ keyFile })));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
  });
});
