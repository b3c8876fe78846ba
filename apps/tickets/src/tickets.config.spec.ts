import { ConfigError, loadConfig } from '@mg/shared-config';
import { ticketsConfigSchema } from './tickets.config';

describe('tickets configuration', () => {
  it('runs with no environment at all, against the local topology (SPEC §3)', () => {
    expect(loadConfig(ticketsConfigSchema, {})).toEqual({
      PORT: 3003,
      HOST: '127.0.0.1',
      APP_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/mg_tickets',
      NATS_URL: 'nats://127.0.0.1:4222',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_PREFIX: '',
      JWKS_URL: 'http://127.0.0.1:3001/.well-known/jwks.json',
      JWT_ISSUER: 'maintenance-governance/identity',
      JWT_AUDIENCE: 'maintenance-governance',
      CONTRACTS_URL: 'http://127.0.0.1:3002',
      BUSINESS_TIME_ZONE: 'UTC',
    });
  });

  it('names every bad variable at boot', () => {
    const attempt = () =>
      loadConfig(ticketsConfigSchema, {
        DATABASE_URL: 'mysql://db/tickets',
        TEMPORAL_ADDRESS: 'temporal',
        JWKS_URL: 'identity',
        CONTRACTS_URL: 'contracts',
        BUSINESS_TIME_ZONE: 'Mars/Olympus',
      });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      /DATABASE_URL[\s\S]*TEMPORAL_ADDRESS[\s\S]*JWKS_URL[\s\S]*CONTRACTS_URL[\s\S]*BUSINESS_TIME_ZONE/,
    );
  });
});
