import { ConfigError, loadConfig } from '@mg/shared-config';
import { interventionsConfigSchema } from './interventions.config';

describe('interventions configuration', () => {
  it('runs with no environment at all, against the local topology (SPEC §3)', () => {
    expect(loadConfig(interventionsConfigSchema, {})).toEqual({
      PORT: 3004,
      HOST: '127.0.0.1',
      APP_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/mg_interventions',
      NATS_URL: 'nats://127.0.0.1:4222',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_PREFIX: '',
      JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
      JWT_ISSUER: 'maintenance-governance/identity',
      JWT_AUDIENCE: 'maintenance-governance',
      IDENTITY_URL: 'http://127.0.0.1:3001',
      CONTRACTS_URL: 'http://127.0.0.1:3002',
      TICKETS_URL: 'http://127.0.0.1:3003',
    });
  });

  it('names every bad variable at boot', () => {
    const attempt = () =>
      loadConfig(interventionsConfigSchema, {
        DATABASE_URL: 'mysql://db/interventions',
        TEMPORAL_ADDRESS: 'temporal',
        JWKS_URL: 'identity',
        TICKETS_URL: 'tickets:3003',
        TEMPORAL_PREFIX: 'a prefix with spaces',
      });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      /DATABASE_URL[\s\S]*TEMPORAL_ADDRESS[\s\S]*TEMPORAL_PREFIX[\s\S]*JWKS_URL[\s\S]*TICKETS_URL/,
    );
  });
});
