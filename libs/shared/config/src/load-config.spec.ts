import { z } from 'zod';
import { port, postgresUrl } from './common-variables';
import { ConfigError, loadConfig } from './load-config';

const schema = z.object({
  PORT: port(3001),
  DATABASE_URL: postgresUrl('mg_identity'),
  TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
});

describe('loadConfig', () => {
  it('applies the local defaults when nothing is set', () => {
    expect(loadConfig(schema, {})).toEqual({
      PORT: 3001,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/mg_identity',
      TOKEN_TTL_SECONDS: 900,
    });
  });

  it('coerces numbers given as strings', () => {
    expect(loadConfig(schema, { PORT: '4000' }).PORT).toBe(4000);
  });

  it('names every bad variable in one error', () => {
    const attempt = () =>
      loadConfig(schema, { PORT: 'eighty', DATABASE_URL: 'mysql://x', TOKEN_TTL_SECONDS: '-1' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT: /m);
      expect(problems).toMatch(/^DATABASE_URL: must be a postgres:\/\/ URL/m);
      expect(problems).toMatch(/^TOKEN_TTL_SECONDS: /m);
    }
  });
});
