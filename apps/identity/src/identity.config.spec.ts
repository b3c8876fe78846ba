import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '@mg/shared-config';
import { identityConfigSchema } from './identity.config';

const privateJwk = {
  kty: 'EC',
  crv: 'P-256',
  x: 'WKn-ZIGevcwGIyyrzFoZNBdaq9_TsqzGl96oc0CWuis',
  y: 'y77t-RvAHRKTsSGdIYUfweuOvwrvDD-Q3Hv5J0fSKbE',
  d: 'Hndv7ZZjs_ke8o9zXYo3iq-Yr8SewI5vrqd0pAvEPqg',
};

describe('identity configuration', () => {
  it('runs with no environment at all, on port 3001 with one-hour tokens', () => {
    const config = loadConfig(identityConfigSchema, {});
    expect(config).toMatchObject({
      PORT: 3001,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/mg_identity',
      TOKEN_TTL_SECONDS: 3600,
      SIGNING_KEY_FILE: resolve('.data/identity/signing-key.json'),
    });
    expect(config.JWT_PRIVATE_JWK).toBeUndefined();
  });

  it('accepts a private EC P-256 JWK given as JSON', () => {
    const config = loadConfig(identityConfigSchema, {
      JWT_PRIVATE_JWK: JSON.stringify(privateJwk),
    });
    expect(config.JWT_PRIVATE_JWK).toMatchObject(privateJwk);
  });

  it('refuses a public key or broken JSON without echoing the value', () => {
    const { d: _d, ...publicJwk } = privateJwk;
    for (const value of [JSON.stringify(publicJwk), `{"d":"${privateJwk.d}"`]) {
      try {
        loadConfig(identityConfigSchema, { JWT_PRIVATE_JWK: value });
        throw new Error('expected a ConfigError');
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).message).toMatch(/JWT_PRIVATE_JWK/);
        expect((error as ConfigError).message).not.toContain(privateJwk.d);
      }
    }
  });
});
