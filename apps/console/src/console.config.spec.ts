import { ConfigError, loadConfig } from '@mg/shared-config';
import { consoleConfigSchema } from './console.config';

describe('console configuration', () => {
  it('runs with no environment at all, forwarding to the local services (SPEC §3)', () => {
    expect(loadConfig(consoleConfigSchema, {})).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      APP_ENV: 'development',
      LOG_LEVEL: 'info',
      IDENTITY_URL: 'http://127.0.0.1:3001',
      CONTRACTS_URL: 'http://127.0.0.1:3002',
      TICKETS_URL: 'http://127.0.0.1:3003',
      INTERVENTIONS_URL: 'http://127.0.0.1:3004',
      TEMPORAL_UI_URL: 'http://localhost:8233',
      UPSTREAM_TIMEOUT_MS: 35_000,
    });
  });

  it('refuses a service address that is not an http(s) URL', () => {
    expect(() => loadConfig(consoleConfigSchema, { TICKETS_URL: 'tickets:3003' })).toThrow(
      ConfigError,
    );
  });
});
