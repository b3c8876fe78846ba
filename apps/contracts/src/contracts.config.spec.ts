import { ConfigError, loadConfig } from '@mg/shared-config';
import { contractsConfigSchema } from './contracts.config';

describe('contracts configuration', () => {
  it('runs with no environment at all, against the local topology (SPEC §3)', () => {
    expect(loadConfig(contractsConfigSchema, {})).toEqual({
      PORT: 3002,
      HOST: '127.0.0.1',
      APP_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/mg_contracts',
      NATS_URL: 'nats://127.0.0.1:4222',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_PREFIX: '',
      JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
      JWT_ISSUER: 'maintenance-governance/identity',
      JWT_AUDIENCE: 'maintenance-governance',
      IDENTITY_URL: 'http://127.0.0.1:3001',
      BUSINESS_TIME_ZONE: 'UTC',
    });
  });

  it('accepts an IANA business time zone, and refuses at boot one that does not exist', () => {
    expect(
      loadConfig(contractsConfigSchema, { BUSINESS_TIME_ZONE: 'Europe/Paris' }).BUSINESS_TIME_ZONE,
    ).toBe('Europe/Paris');
    const attempt = () => loadConfig(contractsConfigSchema, { BUSINESS_TIME_ZONE: 'Mars/Olympus' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/BUSINESS_TIME_ZONE/);
  });

  it('names every bad variable at boot', () => {
    const attempt = () =>
      loadConfig(contractsConfigSchema, {
        DATABASE_URL: 'mysql://db/contracts',
        TEMPORAL_ADDRESS: 'temporal',
        JWKS_URL: 'identity',
      });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL[\s\S]*TEMPORAL_ADDRESS[\s\S]*JWKS_URL/);
  });
});
